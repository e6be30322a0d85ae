#include "doudi/model/case_workflow.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "doudi/model/case_transitions_table.h"
#include "doudi/model/staff.h"
#include "doudi/model/text.h"

namespace doudi::model {

namespace {

namespace gen = generated;

static_assert(TableIsWellFormed<StepOrder>());

constexpr std::string_view OrderCode(StepOrder order) {
  return EnumTraits<StepOrder>::kTexts[static_cast<std::size_t>(order)].code;
}

template <typename Rows>
consteval bool HasCode(const Rows& rows, std::string_view code) {
  return std::any_of(rows.begin(), rows.end(), [code](const auto& row) { return row.code == code; });
}

// The generator checks the files; these check that the generated table and
// the model's enumerations name the same orders and groups, so a renamed
// order or group fails the build instead of silently allowing nothing.
consteval bool OrdersMatch() {
  if (gen::kStepOrders.size() != EnumTraits<StepOrder>::kTexts.size()) return false;
  for (const auto& text : EnumTraits<StepOrder>::kTexts) {
    if (std::find(gen::kStepOrders.begin(), gen::kStepOrders.end(), text.code) == gen::kStepOrders.end()) {
      return false;
    }
  }
  return true;
}
static_assert(OrdersMatch(), "assets/rules/case_transitions.csv must name exactly the StepOrder codes");

consteval bool RowsUseKnownCodes() {
  for (const gen::CaseTransitionRow& row : gen::kCaseTransitions) {
    if (!HasCode(gen::kCaseStates, row.from) || !HasCode(gen::kCaseStates, row.to) ||
        !HasCode(gen::kCaseActions, row.action) || !HasCode(EnumTraits<StaffGroup>::kTexts, row.group)) {
      return false;
    }
  }
  return HasCode(gen::kCaseStates, kInitialCaseState);
}
static_assert(RowsUseKnownCodes(), "a transition names an unknown state, action or staff group");

consteval std::size_t CountRules(std::string_view order) {
  return static_cast<std::size_t>(
      std::count_if(gen::kCaseTransitions.begin(), gen::kCaseTransitions.end(),
                    [order](const gen::CaseTransitionRow& row) { return row.order == order; }));
}

template <StepOrder Order>
consteval auto RulesOf() {
  std::array<TransitionRule, CountRules(OrderCode(Order))> rules{};
  std::size_t i = 0;
  for (const gen::CaseTransitionRow& row : gen::kCaseTransitions) {
    if (row.order == OrderCode(Order)) {
      rules[i++] = TransitionRule{row.from,  row.action,          row.to,       row.group,
                                  row.level, row.opinionRequired, row.programs, row.requirement};
    }
  }
  return rules;
}

constexpr auto kNationalRules = RulesOf<StepOrder::National>();
constexpr auto kJinjiangRules = RulesOf<StepOrder::Jinjiang>();

consteval auto States() {
  std::array<CaseStateInfo, gen::kCaseStates.size()> states{};
  for (std::size_t i = 0; i < states.size(); ++i) {
    const gen::CaseStateRow& row = gen::kCaseStates[i];
    states[i] = CaseStateInfo{row.code, row.chinese, row.terminal, row.deadline};
  }
  return states;
}

consteval auto Actions() {
  std::array<CaseActionInfo, gen::kCaseActions.size()> actions{};
  for (std::size_t i = 0; i < actions.size(); ++i) {
    actions[i] = CaseActionInfo{gen::kCaseActions[i].code, gen::kCaseActions[i].chinese};
  }
  return actions;
}

constexpr auto kStates = States();
constexpr auto kActions = Actions();

}  // namespace

std::optional<StepOrder> ParseStepOrder(std::string_view text) {
  return ParseEnum<StepOrder>(text);
}

std::span<const CaseStateInfo> CaseStates() {
  return kStates;
}
std::span<const CaseActionInfo> CaseActions() {
  return kActions;
}

std::optional<CaseStateInfo> FindCaseState(std::string_view code) {
  const auto it =
      std::find_if(kStates.begin(), kStates.end(), [code](const CaseStateInfo& s) { return s.code == code; });
  return it == kStates.end() ? std::nullopt : std::optional<CaseStateInfo>(*it);
}

std::optional<CaseActionInfo> FindCaseAction(std::string_view code) {
  const auto it =
      std::find_if(kActions.begin(), kActions.end(), [code](const CaseActionInfo& a) { return a.code == code; });
  return it == kActions.end() ? std::nullopt : std::optional<CaseActionInfo>(*it);
}

std::span<const TransitionRule> Transitions(StepOrder order) {
  switch (order) {
    case StepOrder::National:
      return kNationalRules;
    case StepOrder::Jinjiang:
      return kJinjiangRules;
  }
  return {};
}

std::optional<TransitionRule> FindTransition(StepOrder order, std::string_view from, std::string_view action) {
  for (const TransitionRule& rule : Transitions(order)) {
    if (rule.from == from && rule.action == action) return rule;
  }
  return std::nullopt;
}

std::vector<TransitionRule> AvailableActions(StepOrder order, std::string_view state, std::string_view group) {
  std::vector<TransitionRule> available;
  for (const TransitionRule& rule : Transitions(order)) {
    if (rule.from == state && rule.group == group) available.push_back(rule);
  }
  return available;
}

bool AppliesToProgram(const TransitionRule& rule, std::string_view program) {
  return rule.programs == "all" || ListsCode(rule.programs, '+', program);
}

std::vector<TransitionRule> AvailableActions(StepOrder order, std::string_view state, std::string_view group,
                                             std::string_view program) {
  std::vector<TransitionRule> available = AvailableActions(order, state, group);
  std::erase_if(available, [program](const TransitionRule& rule) { return !AppliesToProgram(rule, program); });
  return available;
}

bool MayTake(StepOrder order, std::string_view state, std::string_view action, std::string_view group) {
  const std::optional<TransitionRule> rule = FindTransition(order, state, action);
  return rule.has_value() && rule->group == group;
}

}  // namespace doudi::model
