#include "doudi/model/alert_rule.h"

#include <algorithm>

#include "doudi/model/text.h"

namespace doudi::model {

namespace {

namespace gen = generated;

static_assert(TableIsComplete(AlertSubject::Case));
static_assert(TableIsWellFormed<AlertRule>());

// The generator writes the rules in enumeration order; the lookups below
// index the rows by rule.
static_assert(RowsFollowEnum(gen::kAlertRules, &gen::AlertRuleRow::rule),
              "the generated alert rule rows must follow the AlertRule enumeration");

const gen::AlertRuleRow& RowOf(AlertRule rule) {
  return gen::kAlertRules.at(static_cast<std::size_t>(rule));
}

}  // namespace

std::optional<AlertRule> ParseAlertRule(std::string_view text) {
  return ParseEnum<AlertRule>(text);
}

AlertSubject AlertRuleSubject(AlertRule rule) {
  return RowOf(rule).subject;
}

std::vector<std::string_view> CrossCheckKindsRead(AlertRule rule) {
  std::vector<std::string_view> kinds;
  std::string_view rest = RowOf(rule).reads;
  while (!rest.empty()) {
    const std::size_t end = rest.find('+');
    kinds.push_back(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  return kinds;
}

bool ReadsCrossCheck(AlertRule rule, std::string_view kind) {
  return ListsCode(RowOf(rule).reads, '+', kind);
}

std::vector<AlertRule> RulesReading(std::string_view kind) {
  std::vector<AlertRule> rules;
  for (const auto& row : gen::kAlertRules) {
    if (ReadsCrossCheck(row.rule, kind)) rules.push_back(row.rule);
  }
  return rules;
}

std::string_view AlertRuleProgram(AlertRule rule) {
  return RowOf(rule).program;
}

bool HandlesAlerts(StaffGroup group, AlertRule rule) {
  return std::any_of(gen::kAlertHandlers.begin(), gen::kAlertHandlers.end(),
                     [&](const gen::AlertHandlerRow& row) { return row.rule == rule && row.group == group; });
}

bool HandlesAlerts(const StaffRole& role, AlertRule rule) {
  if (role.superuser) return true;
  return role.group && HandlesAlerts(*role.group, rule);
}

bool HandlesAnyAlert(StaffGroup group) {
  return std::any_of(gen::kAlertHandlers.begin(), gen::kAlertHandlers.end(),
                     [&](const gen::AlertHandlerRow& row) { return row.group == group; });
}

bool HandlesAnyAlert(const StaffRole& role) {
  if (role.superuser) return true;
  return role.group && HandlesAnyAlert(*role.group);
}

std::vector<StaffGroup> AlertHandlers(AlertRule rule) {
  std::vector<StaffGroup> groups;
  for (const auto& text : EnumTexts<StaffGroup>()) {
    if (HandlesAlerts(text.value, rule)) groups.push_back(text.value);
  }
  return groups;
}

}  // namespace doudi::model
