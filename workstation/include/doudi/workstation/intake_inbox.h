#pragma once
// The desk's 上报 inbox without a window (gui/intake/intake_panel.h), over
// the codes and words of model/intake.h: which reports are new since
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
#include "doudi/model/intake.h"

namespace doudi::workstation {

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
