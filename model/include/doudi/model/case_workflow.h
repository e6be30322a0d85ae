#pragma once
// The case workflow: which action takes a case from which state to which, who
// may take it and at which level. The rules are data, assets/rules/*.csv, from
// which the build generates both this model's table and the database's seed
// (see docs/workflow.md); these functions only read that table. The database
// enforces the same table when a case changes state, so the model's answers
// are for showing users what they may do, never the last word.
//
// States, actions, groups and levels are the table's stable snake_case codes
// ("awaiting_decision", "approve", "city_decider", "city"); the codes are
// compared exactly (no trimming, case-sensitive) since they come from the
// database or from this table, never from typing.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "doudi/model/domain_enum.h"

namespace doudi::model {

// The order of steps a region follows for 低保-style cases: the national order
// (application → acceptance → survey → verification → township review → public
// notice → county/city decision) or Jinjiang's, which puts the village
// recommendation with democratic appraisal (村荐) before the township review
// (镇选) and the city's decision (市定).
enum class StepOrder { National, Jinjiang };

template <>
struct EnumTraits<StepOrder> {
  static constexpr std::array<EnumText<StepOrder>, 2> kTexts{{
      {StepOrder::National, "national", "全国流程"},
      {StepOrder::Jinjiang, "jinjiang", "晋江流程（村荐镇选市定）"},
  }};
};

std::optional<StepOrder> ParseStepOrder(std::string_view text);

// A region's order is not decided here: it is the `step_order` program
// parameter (docs/parameters.md), which the database reads when a case is
// opened and stores on the case; the screens use the case's stored order.

// One allowed transition. The views point into the generated table and live
// as long as the program.
struct TransitionRule {
  std::string_view from;    // state the case is in
  std::string_view action;  // what the user does
  std::string_view to;      // state the case moves to
  std::string_view group;   // the staff group that may take it (StaffGroup code)
  std::string_view level;   // village, township or city: the level the actor acts at
  bool opinionRequired;     // the action must state an opinion (reasons)
  std::string_view programs;  // "all", or the program codes it applies to, joined by '+'
  // What must be on record before the action: "none", "survey" (a home
  // survey by two surveyors), "verification_report" or "appraisal_record"
  // (evidence of that kind with a file attached), "authorization" (the
  // family's signed 核对授权书 attached to the household or the case),
  // "amount" (a proposed amount), "notice_ended" (the public notice's days
  // have passed). docs/attachments.md.
  std::string_view requirement;

  friend bool operator==(const TransitionRule&, const TransitionRule&) = default;
};

// A state or an action with its Chinese label.
struct CaseStateInfo {
  std::string_view code;
  std::string_view chinese;
  bool terminal;  // no action leads out of it
  // The program parameter saying how long a case may wait in this state
  // ("decision_deadline"), or "none".
  std::string_view deadlineKey;
};

struct CaseActionInfo {
  std::string_view code;
  std::string_view chinese;
};

// The state every case starts in (creating a case is not a transition).
inline constexpr std::string_view kInitialCaseState = "applied";

// Every state and every action of the table, in the files' order.
std::span<const CaseStateInfo> CaseStates();
std::span<const CaseActionInfo> CaseActions();

// The state or action with that code; nullopt when there is none.
std::optional<CaseStateInfo> FindCaseState(std::string_view code);
std::optional<CaseActionInfo> FindCaseAction(std::string_view code);

// Every transition of an order, in the table's order.
std::span<const TransitionRule> Transitions(StepOrder order);

// The rule for (order, from, action); nullopt when the action is not allowed
// in that state (or either code is unknown). At most one rule exists per
// (order, from, action): the generator refuses a table with two.
std::optional<TransitionRule> FindTransition(StepOrder order, std::string_view from, std::string_view action);

// The actions a user of `group` may take now, in the table's order; empty
// when there are none (terminal or unknown state, unknown group).
std::vector<TransitionRule> AvailableActions(StepOrder order, std::string_view state, std::string_view group);

// Whether the rule applies to cases of the program: its programs are "all" or
// name the program.
bool AppliesToProgram(const TransitionRule& rule, std::string_view program);

// AvailableActions narrowed to the rules that apply to the program.
std::vector<TransitionRule> AvailableActions(StepOrder order, std::string_view state, std::string_view group,
                                             std::string_view program);

// Whether `group` may take `action` in `state`: exactly whether the table has
// that rule with that group.
bool MayTake(StepOrder order, std::string_view state, std::string_view action, std::string_view group);

}  // namespace doudi::model
