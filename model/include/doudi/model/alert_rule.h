#pragma once
// The screening rules that raise alerts. The table is
// assets/rules/alert_rules.csv, from which the build generates this model's
// table (the AlertRule enumeration among it), the database's seed
// (doudi.alert_rule) and the table of docs/screening.md: what each rule's
// alert is about, which cross-check kinds it reads, which staff groups
// handle its alerts in their region scope and whose parameters it uses.
// The database decides what a rule finds and enforces who sees its alerts;
// the screens ask here and compare no rule or staff-group codes of their own.
#include <optional>
#include <string_view>
#include <vector>

#include "doudi/model/alert_rules_table.h"
#include "doudi/model/alert_subject.h"
#include "doudi/model/staff.h"
#include "doudi/model/staff_capability.h"

namespace doudi::model {

// The rule with that code or Chinese label (trimmed, ASCII case ignored);
// nullopt when there is none.
std::optional<AlertRule> ParseAlertRule(std::string_view text);

// What one alert of rule is about.
AlertSubject AlertRuleSubject(AlertRule rule);

// The cross-check kinds (doudi.crosscheck_batch.kind) rule reads, in the
// table's order; none for a rule on the registry and cases alone.
std::vector<std::string_view> CrossCheckKindsRead(AlertRule rule);

// Whether rule reads the cross-check kind (a whole code; false for "").
bool ReadsCrossCheck(AlertRule rule, std::string_view kind);

// The rules that read kind, in the table's order: what an import of kind
// screens again.
std::vector<AlertRule> RulesReading(std::string_view kind);

// The program (doudi.program code) whose parameters rule uses.
std::string_view AlertRuleProgram(AlertRule rule);

// Whether members of group handle the alerts of rule: exactly whether the
// table lists the group on the rule's row.
bool HandlesAlerts(StaffGroup group, AlertRule rule);

// As above for a role: the superuser handles every rule's alerts, a role
// without a group none.
bool HandlesAlerts(const StaffRole& role, AlertRule rule);

// Whether members of group handle the alerts of some rule: the desks that
// see the alert list.
bool HandlesAnyAlert(StaffGroup group);
bool HandlesAnyAlert(const StaffRole& role);

// The groups the table lists for rule, in StaffGroup order.
std::vector<StaffGroup> AlertHandlers(AlertRule rule);

}  // namespace doudi::model
