#include "doudi/workstation/household_story.h"

namespace doudi::workstation {

std::vector<StoryRow> StoryRows(const std::vector<dal::TimelineEntry>& entries, std::string_view today,
                                const StoryWords& words, const std::set<std::string>& shown) {
  std::vector<StoryRow> rows;
  for (const auto& e : entries) {
    if (!shown.empty() && shown.count(e.kind) == 0) continue;
    StoryRow row;
    row.date = e.date;
    row.kind = words(e.kind, "");
    row.what = e.what;
    row.state = e.state.empty() ? std::string() : words(e.kind, e.state);
    row.due = e.dueOn;
    if (e.amount) row.amount = e.amount->ToDisplayString();
    // ISO dates compare as text.
    row.late = e.kind == "referral" && (e.state == "sent" || e.state == "accepted") && !e.dueOn.empty() &&
               e.dueOn < today;
    if (e.kind == "case") row.opens = StoryOpens::Case;
    if (e.kind == "alert") row.opens = StoryOpens::Alert;
    if (row.opens != StoryOpens::Nothing) row.id = e.itemId;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace doudi::workstation
