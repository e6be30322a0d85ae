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
    if (auto row = sources.parameters.Effective(std::string(key.program), household->regionCode,
                                                std::string(key.key), today)) {
      input.parameters.emplace(model::ParameterName(key), std::move(row->value));
    }
  }
  const auto spending = sources.spending.Last12Months(householdId, today);
  input.medicalSelfPaid = spending.medicalSelfPaid;
  input.schoolingPaid = spending.schoolingPaid;
  for (const auto& c : out.cases) input.cases.push_back({c.id, c.program, c.state});
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
    outcome.program = application.program;
    try {
      dal::NewCase opening;
      opening.householdId = householdId;
      opening.program = application.program;
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

void ApplicationBatch::Choose(const std::string& program, bool chosen) {
  if (chosen == IsChosen(program)) return;
  if (chosen) {
    m_requestIds.emplace(program, dal::NewRequestId());
    m_order.push_back(program);
  } else {
    m_requestIds.erase(program);
    m_order.erase(std::remove(m_order.begin(), m_order.end(), program), m_order.end());
  }
}

std::vector<PendingApplication> ApplicationBatch::Pending() const {
  std::vector<PendingApplication> pending;
  for (const auto& program : m_order) pending.push_back({program, m_requestIds.at(program)});
  return pending;
}

void ApplicationBatch::Record(const std::vector<ApplicationOutcome>& outcomes) {
  for (const auto& outcome : outcomes) {
    if (!IsChosen(outcome.program)) continue;
    if (outcome.caseId) {
      m_opened[outcome.program] = *outcome.caseId;
      Choose(outcome.program, false);
    } else if (!outcome.connectionLost) {
      m_requestIds[outcome.program] = dal::NewRequestId();
    }
  }
}

}  // namespace doudi::workstation
