#pragma once
// The desk's 上报 inbox without a window (gui/intake/intake_panel.h): the
// words of a report's codes (English msgids, translated by whoever shows
// them: one table each, so the list, the detail and the forms never word a
// code two ways), which outcomes need a note, which reports are new since
// the desk first read the list, which open reports another may be merged
// into, the household a new-household form starts with, and the order of
// the triage actions (临时救助 first for urgent reports).
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/intake_repository.h"
#include "doudi/model/household.h"

namespace doudi::workstation {

// A code and its English words (a msgid of assets/locale/zh_CN/doudi.po).
struct IntakeWord {
  std::string_view code;
  std::string_view english;
};

// The tables, in the order forms offer them (docs/intake.md).
const std::vector<IntakeWord>& IntakeCategories();
const std::vector<IntakeWord>& IntakeUrgencies();
const std::vector<IntakeWord>& IntakeStates();
// Every outcome a report may end with, merged included.
const std::vector<IntakeWord>& IntakeOutcomes();
// The outcomes the desk chooses when closing (not merged: 合并 does that).
std::vector<IntakeWord> ClosingOutcomes();
// The English words of code in table; the code itself when the table does
// not know it (a newer database), so nothing shows empty.
std::string_view IntakeEnglish(const std::vector<IntakeWord>& table, std::string_view code);

// Closing with no_action or false_report needs a note (doudi.intake_report_close).
bool OutcomeNeedsNote(std::string_view outcome);
// urgent and emergency.
bool IsUrgent(const dal::IntakeReport& report);
bool IsOpen(const dal::IntakeReport& report);
std::size_t OpenCount(const std::vector<dal::IntakeReport>& reports);

// The triage actions of an open report, in the order the desk is offered them.
enum class IntakeAction { LinkHousehold, NewHousehold, OpenTemporary, Refer, Merge, Close };
std::vector<IntakeAction> IntakeActions(const dal::IntakeReport& report);
// Whether action can be taken now: a case or referrals need a household
// linked first; merging needs another open report of the family.
bool IntakeActionReady(IntakeAction action, const dal::IntakeReport& report,
                       const std::vector<dal::IntakeReport>& reports);

// The open reports report may be merged into: another open report of the
// same village and the same name (middle dots as the ID card writes them),
// that is not itself merged.
std::vector<dal::IntakeReport> MergeTargets(const dal::IntakeReport& report,
                                            const std::vector<dal::IntakeReport>& reports);

// The household a new-household form starts with: the report's village,
// address and phone, its person as the head (the ID number is typed from
// the family's card: the desk sees it masked).
model::Household HouseholdFromReport(const dal::IntakeReport& report);

// Which reports are new to this desk: those that arrived after the first
// list it read (ids grow with arrival, so switching the filter to every
// report brings no old one as news), until the desk selects them.
class IntakeNews {
 public:
  // Takes the list as read now; returns the ids that arrived since the
  // last one (none at the first read).
  std::vector<std::int64_t> Update(const std::vector<dal::IntakeReport>& reports);
  void Seen(std::int64_t id) { m_new.erase(id); }
  bool IsNew(std::int64_t id) const { return m_new.count(id) > 0; }
  std::size_t NewCount() const { return m_new.size(); }

 private:
  bool m_read = false;
  std::int64_t m_baseline = 0;     // the highest id of the first read
  std::set<std::int64_t> m_known;  // arrived after it
  std::set<std::int64_t> m_new;
};

}  // namespace doudi::workstation
