#include "doudi/workstation/household_matching.h"

#include <algorithm>
#include <utility>

#include "doudi/dal/errors.h"
#include "doudi/dal/household_spending.h"
#include "doudi/dal/program_parameters.h"
#include "doudi/dal/registry_repository.h"

namespace doudi::workstation {

std::optional<HouseholdMatching> LoadMatching(const MatchingSources& sources, std::int64_t householdId,
                                              std::chrono::year_month_day today) {
  auto household = sources.registry.LoadHousehold(householdId);
  if (!household) return std::nullopt;
  HouseholdMatching out;
  out.cases = sources.cases.HouseholdCases(householdId);
  model::MatchingInput input;
  input.today = today;
  for (const auto& key : model::MatchingParameterKeys()) {
    if (auto row = sources.parameters.Effective(std::string(key.program), household->regionCode, std::string(key.key),
                                                today)) {
      input.parameters.emplace(model::ParameterName(key), std::move(row->value));
    }
  }
  const auto spending = sources.spending.Last12Months(householdId, today);
  input.medicalSelfPaid = spending.medicalSelfPaid;
  input.schoolingPaid = spending.schoolingPaid;
  for (const auto& c : out.cases) input.cases.push_back({c.id, c.program, c.state, c.personId});
  input.exclusions = sources.cases.ProgramExclusions();
  input.household = std::move(*household);
  out.items = model::MatchHousehold(input);
  out.household = std::move(input.household);
  return out;
}

std::vector<ApplicationOutcome> OpenApplications(dal::CaseRepository& cases, std::int64_t householdId,
                                                 const std::vector<PendingApplication>& applications) {
  std::vector<ApplicationOutcome> outcomes;
  for (const auto& application : applications) {
    ApplicationOutcome outcome;
    outcome.key = application.key;
    try {
      dal::NewCase opening;
      opening.householdId = householdId;
      opening.program = application.key.program;
      opening.personId = application.key.personId;
      outcome.caseId = cases.Open(opening, application.requestId);
    } catch (const dal::ConnectionError&) {
      outcome.error = std::current_exception();
      outcome.connectionLost = true;
    } catch (...) {
      outcome.error = std::current_exception();
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

void ApplicationBatch::Choose(const std::string& program, bool chosen, const std::vector<std::int64_t>& persons) {
  std::vector<ApplicationKey> wanted;
  if (chosen && persons.empty()) wanted.push_back({program, 0});
  if (chosen) {
    for (const auto person : persons) wanted.push_back({program, person});
  }
  const std::vector<ApplicationKey> order = m_order;
  for (const auto& key : order) {
    if (key.program == program && std::find(wanted.begin(), wanted.end(), key) == wanted.end()) Drop(key);
  }
  for (const auto& key : wanted) {
    if (m_requestIds.emplace(key, dal::NewRequestId()).second) m_order.push_back(key);
  }
}

bool ApplicationBatch::IsChosen(const std::string& program) const {
  return std::any_of(m_order.begin(), m_order.end(), [&](const ApplicationKey& key) { return key.program == program; });
}

void ApplicationBatch::Drop(const ApplicationKey& key) {
  m_requestIds.erase(key);
  m_order.erase(std::remove(m_order.begin(), m_order.end(), key), m_order.end());
}

std::vector<PendingApplication> ApplicationBatch::Pending() const {
  std::vector<PendingApplication> pending;
  for (const auto& key : m_order) pending.push_back({key, m_requestIds.at(key)});
  return pending;
}

void ApplicationBatch::Record(const std::vector<ApplicationOutcome>& outcomes) {
  for (const auto& outcome : outcomes) {
    const auto chosen = m_requestIds.find(outcome.key);
    if (chosen == m_requestIds.end()) continue;
    if (outcome.caseId) {
      m_opened[outcome.key] = *outcome.caseId;
      Drop(outcome.key);
    } else if (!outcome.connectionLost) {
      chosen->second = dal::NewRequestId();
    }
  }
}

}  // namespace doudi::workstation
