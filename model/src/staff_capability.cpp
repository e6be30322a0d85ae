#include "doudi/model/staff_capability.h"

#include <algorithm>

#include "doudi/model/text.h"

namespace doudi::model {

namespace {

namespace gen = generated;

static_assert(TableIsWellFormed<StaffOperation>());

// The generator writes the operations in enumeration order; StaffMay and
// PossibleInState index the rows by operation.
static_assert(RowsFollowEnum(gen::kStaffOperations, &gen::StaffOperationRow::operation),
              "the generated operation rows must follow the StaffOperation enumeration");

const gen::StaffOperationRow& RowOf(StaffOperation operation) {
  return gen::kStaffOperations.at(static_cast<std::size_t>(operation));
}

}  // namespace

StaffRole StaffRoleFromCode(std::string_view groupCode) {
  if (groupCode == "superuser") return StaffRole{std::nullopt, true};
  for (const auto& text : EnumTexts<StaffGroup>()) {
    if (text.code == groupCode) return StaffRole{text.value, false};
  }
  return {};
}

std::optional<StaffOperation> ParseStaffOperation(std::string_view text) {
  return ParseEnum<StaffOperation>(text);
}

bool StaffMay(StaffGroup group, StaffOperation operation) {
  return std::any_of(
      gen::kStaffCapabilities.begin(), gen::kStaffCapabilities.end(),
      [&](const gen::StaffCapabilityRow& row) { return row.operation == operation && row.group == group; });
}

bool StaffMay(const StaffRole& role, StaffOperation operation) {
  if (role.superuser) return true;
  return role.group && StaffMay(*role.group, operation);
}

bool PossibleInState(StaffOperation operation, std::string_view state) {
  const std::string_view states = RowOf(operation).caseStates;
  if (states == "any") return true;
  const auto info = FindCaseState(state);
  if (!info) return false;
  if (states == "open") return !info->terminal;
  return ListsCode(states, '+', state);
}

std::vector<StaffGroup> GroupsAllowed(StaffOperation operation) {
  std::vector<StaffGroup> groups;
  for (const auto& text : EnumTexts<StaffGroup>()) {
    if (StaffMay(text.value, operation)) groups.push_back(text.value);
  }
  return groups;
}

std::string_view EnforcedBy(StaffOperation operation) {
  return RowOf(operation).enforcedBy;
}

bool TakesCaseActions(StaffGroup group) {
  const std::string_view code = ToCode(group);
  for (const auto& order : EnumTexts<StepOrder>()) {
    const auto rules = Transitions(order.value);
    if (std::any_of(rules.begin(), rules.end(), [&](const TransitionRule& rule) { return rule.group == code; })) {
      return true;
    }
  }
  return false;
}

bool MayTake(const StaffRole& role, StepOrder order, std::string_view state, std::string_view action) {
  if (role.superuser) return FindTransition(order, state, action).has_value();
  return role.group && MayTake(order, state, action, ToCode(*role.group));
}

bool MayTakeInSomeOrder(const StaffRole& role, std::string_view state, std::string_view action) {
  const auto orders = EnumTexts<StepOrder>();
  return std::any_of(orders.begin(), orders.end(),
                     [&](const auto& order) { return MayTake(role, order.value, state, action); });
}

}  // namespace doudi::model
