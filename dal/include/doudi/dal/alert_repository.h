#pragma once
// Alerts (migration 0003, docs/screening.md): what the screening rules
// found — a person, household or case, the period, the figures and the
// cross-check rows behind them — and how the desk handles them: verified
// online or at home (线上线下核查), then closed with an outcome.
//
// The database decides who sees what: an alert is visible within the
// caller's scope to the staff groups its rule names (assets/rules/
// alert_rules.csv); the full ID number never leaves the database. Refusals
// arrive as the typed failures of errors.h (PermissionDenied: not yours;
// VersionConflict: changed meanwhile; RuleRefused: doudi:alert.* ...).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doudi::dal {

// One alert as lists and its view show it.
struct Alert {
  std::int64_t id = 0;
  std::string rule;          // "medical_registered"
  std::string ruleName;      // "在册对象医疗支出预警"
  std::string period;        // "2026", "2026-03" or "2026-03-04"
  std::string idNumberMasked;  // "" for a household or case alert
  std::optional<std::int64_t> householdId;  // none: a person in no household (unregistered)
  std::optional<std::int64_t> caseId;       // for case alerts
  std::string name;          // the person, or the household's head
  std::string regionCode;
  std::string regionName;
  std::optional<std::int64_t> figureFen;    // the deciding amount, when the rule counts money
  std::string figuresJson;   // every figure and limit the rule used, a JSON object
  std::vector<std::int64_t> sources;        // cross-check row ids behind it
  std::string state;         // new, verifying, referred, closed
  std::string outcome;       // "" or case_opened, no_action, false_alarm, referred
  std::string outcomeReason;
  std::optional<std::int64_t> outcomeCaseId;
  std::string raisedAt;      // "YYYY-MM-DD HH:MM"
  std::int32_t raisedCount = 1;  // 2 and more: raised again after it was closed
  std::string updatedAt;
  std::string closedAt;
  std::string closedBy;
  std::int32_t version = 0;
  std::string lastCheckMethod;  // "" or online, home_visit
  std::string lastCheckAt;
};

// A cross-check row behind an alert (the masked ID only).
struct CrosscheckRow {
  std::int64_t id = 0;
  std::string kind;              // medical, hukou ...
  std::string sourceDepartment;
  std::int64_t batchId = 0;
  std::int32_t line = 0;         // the line in the batch's file
  std::string idNumberMasked;
  std::string name;
  std::string eventDate;         // visit, event, registration or balance date
  std::string category;          // the kind's code (death, car, active ...)
  std::optional<std::int64_t> amountFen;   // medical: the total
  std::optional<std::int64_t> coveredFen;  // medical: reimbursed
  std::optional<std::int64_t> selfPaidFen; // medical: self-paid
  std::string detailJson;        // institution, plate ... a JSON object
};

// One verification of an alert.
struct AlertCheck {
  std::string method;      // online, home_visit
  std::string findings;
  std::string verifiedBy;
  std::string verifiedAt;
};

struct AlertFilter {
  std::string rule;        // "" for every rule
  std::string regionPrefix;  // "" for the caller's whole scope
  std::string state;       // "" every state, "open" every state but closed, or one state
  std::string periodPrefix;  // "" or "2026", "2026-03" ...
  int limit = 1000;
};

// Per rule, how many alerts the caller sees in each state.
struct AlertCount {
  std::string rule;
  std::string ruleName;
  std::int64_t open = 0;    // new, verifying, referred
  std::int64_t closed = 0;
};

// What one screening rule did in a run.
struct ScreeningResult {
  std::string rule;
  std::string ruleName;
  std::int32_t raised = 0;
  std::int32_t updated = 0;
  std::int32_t unchanged = 0;
  std::int32_t reraised = 0;
};

class AlertRepository {
 public:
  virtual ~AlertRepository() = default;
  // Oldest first (raised time, then id).
  virtual std::vector<Alert> List(const AlertFilter& filter) = 0;
  virtual std::vector<AlertCount> Counts() = 0;
  // nullopt when the alert does not exist or is not the caller's.
  virtual std::optional<Alert> Get(std::int64_t id) = 0;
  // The rows behind it that the caller may see, in date order.
  virtual std::vector<CrosscheckRow> Sources(const Alert& alert) = 0;
  virtual std::vector<AlertCheck> Checks(std::int64_t alertId) = 0;
  // The open alerts of a household (the household view's list).
  virtual std::vector<Alert> OpenForHousehold(std::int64_t householdId) = 0;
  // Records a verification; returns the alert's new version. requestId
  // (NewRequestId) makes a retry safe.
  virtual std::int32_t Verify(std::int64_t id, std::int32_t version, const std::string& method,
                              const std::string& findings, const std::string& requestId) = 0;
  // Closes with case_opened (caseId), no_action or false_alarm (reason), or
  // marks it referred (reason); returns the new version.
  virtual std::int32_t Close(std::int64_t id, std::int32_t version, const std::string& outcome,
                             const std::string& reason, std::optional<std::int64_t> caseId) = 0;
  // Runs the rules (empty: all) over a region prefix ("" : the caller's
  // scope); needs the run_screening capability.
  virtual std::vector<ScreeningResult> Screen(const std::vector<std::string>& rules,
                                              const std::string& regionPrefix) = 0;
};

}  // namespace doudi::dal
