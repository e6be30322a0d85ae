#include "doudi/workstation/intake_inbox.h"

#include <algorithm>

namespace doudi::workstation {

bool IsUrgent(const dal::IntakeReport& report) {
  return report.urgency == "urgent" || report.urgency == "emergency";
}

bool IsOpen(const dal::IntakeReport& report) { return report.state != "closed"; }

std::size_t OpenCount(const std::vector<dal::IntakeReport>& reports) {
  return static_cast<std::size_t>(std::count_if(reports.begin(), reports.end(), IsOpen));
}

std::vector<IntakeAction> IntakeActions(const dal::IntakeReport& report) {
  if (!IsOpen(report)) return {};
  using A = IntakeAction;
  if (IsUrgent(report)) return {A::OpenTemporary, A::LinkHousehold, A::NewHousehold, A::Refer, A::Merge, A::Close};
  return {A::LinkHousehold, A::NewHousehold, A::OpenTemporary, A::Refer, A::Merge, A::Close};
}

bool IntakeActionReady(IntakeAction action, const dal::IntakeReport& report,
                       const std::vector<dal::IntakeReport>& reports) {
  if (!IsOpen(report)) return false;
  switch (action) {
    case IntakeAction::LinkHousehold:
    case IntakeAction::NewHousehold:
      return !report.householdId.has_value();
    case IntakeAction::OpenTemporary:
      return report.householdId.has_value() && !report.caseId.has_value();
    case IntakeAction::Refer:
      return report.householdId.has_value();
    case IntakeAction::Merge:
      return !MergeTargets(report, reports).empty();
    case IntakeAction::Close:
      return true;
  }
  return false;
}

std::vector<dal::IntakeReport> MergeTargets(const dal::IntakeReport& report,
                                            const std::vector<dal::IntakeReport>& reports) {
  const std::string name = model::NormalizeName(report.name);
  std::vector<dal::IntakeReport> targets;
  for (const auto& other : reports) {
    if (other.id == report.id || !IsOpen(other) || other.mergedInto.has_value()) continue;
    if (other.regionCode == report.regionCode && model::NormalizeName(other.name) == name) targets.push_back(other);
  }
  return targets;
}

model::Household HouseholdFromReport(const dal::IntakeReport& report) {
  model::Household household;
  household.regionCode = report.regionCode;
  household.address = report.address;
  // Reporters type "138 0000 1234"; the registry keeps digits and dashes.
  for (const char c : report.phone) {
    if (c != ' ') household.phone += c;
  }
  model::Person head;
  head.name = report.name;
  head.relation = model::Relation::Head;
  household.members.push_back(std::move(head));
  return household;
}

std::vector<std::int64_t> IntakeNews::Update(const std::vector<dal::IntakeReport>& reports) {
  std::vector<std::int64_t> arrived;
  if (!m_read) {
    // Ids grow with arrival: what the first read holds, and anything older
    // a wider filter shows later, is not news.
    for (const auto& report : reports) m_baseline = std::max(m_baseline, report.id);
    m_read = true;
    return arrived;
  }
  for (const auto& report : reports) {
    if (report.id > m_baseline && m_known.insert(report.id).second) {
      arrived.push_back(report.id);
      m_new.insert(report.id);
    }
  }
  return arrived;
}

}  // namespace doudi::workstation
