// The case workflow's table, checked against expectations written here by
// hand (not read from assets/rules): walks through each order of steps that
// together take every allowed transition, then every state × action × group ×
// order compared with what those walks allow, then properties any correct
// table has (totality, reachability, returns one step back, reasons stated).
#include "doudi/model/case_workflow.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "doudi/model/staff.h"

using namespace doudi::model;

namespace {

constexpr const char* kVillageClerk = "village_clerk";
constexpr const char* kTownship = "township_reviewer";
constexpr const char* kCity = "city_decider";

const StepOrder kOrders[] = {StepOrder::National, StepOrder::Jinjiang};

// Every state and whether it is terminal, in the table's order.
const std::vector<std::pair<std::string, bool>> kExpectedStates = {
    {"applied", false},           {"helped_first", false},     {"accepted", false},
    {"surveyed", false},          {"verified", false},         {"village_recommended", false},
    {"township_reviewed", false}, {"in_public_notice", false}, {"objected", false},
    {"awaiting_decision", false}, {"decided_approved", false}, {"decided_refused", false},
    {"refusal_notified", true},   {"notified", false},         {"in_payment", false},
    {"under_review", false},      {"adjusted", false},         {"gradual_exit", false},
    {"terminated", true},
};

const std::vector<std::string> kExpectedActions = {
    "accept",  "help_first", "supplement", "survey",        "verify",          "recommend",
    "review",  "publish",    "object",     "reinvestigate", "reappraise",      "close_notice",
    "approve", "refuse",     "notify",     "start_payment", "review_periodic", "maintain",
    "adjust",  "begin_exit", "terminate",  "return",
};

// Every group a user can be in, plus strings that are no group.
std::vector<std::string> AllGroups() {
  std::vector<std::string> groups;
  for (const auto& text : EnumTexts<StaffGroup>()) groups.emplace_back(text.code);
  groups.emplace_back("");
  groups.emplace_back("City_Decider");
  return groups;
}

// Actions that must state reasons, whatever state they are taken in.
const std::set<std::string> kOpinionRequired = {
    "help_first", "recommend", "review", "object",     "reinvestigate", "reappraise",
    "refuse",     "return",    "adjust", "begin_exit", "terminate",
};

// The steps that carry one level's opinion on the case (村荐, 镇选, 市定 and
// the periodic review's two levels); a return sends the case back over
// exactly one of them.
const std::map<std::string, std::string> kLevelSteps = {
    {"recommend", "village"}, {"review", "township"}, {"review_periodic", "township"},
    {"approve", "city"},      {"refuse", "city"},     {"maintain", "city"},
    {"adjust", "city"},       {"begin_exit", "city"}, {"terminate", "city"},
};

std::string LevelOfGroup(const std::string& group) {
  if (group == kVillageClerk) return "village";
  if (group == kTownship) return "township";
  if (group == kCity) return "city";
  return "none";
}

std::string LevelBelow(const std::string& level) {
  if (level == "city") return "township";
  if (level == "township") return "village";
  return "none";
}

struct Move {
  const char* action;
  const char* group;
  const char* to;
};

struct Walk {
  const char* name;
  StepOrder order;
  std::vector<Move> moves;
};

std::vector<Move> Concat(std::initializer_list<std::vector<Move>> parts) {
  std::vector<Move> all;
  for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

// --- national order -------------------------------------------------------
const std::vector<Move> kNationalToDecision = {
    {"accept", kTownship, "accepted"},          {"survey", kTownship, "surveyed"},
    {"verify", kTownship, "verified"},          {"review", kTownship, "township_reviewed"},
    {"publish", kTownship, "in_public_notice"}, {"close_notice", kTownship, "awaiting_decision"},
};
const std::vector<Move> kApproveToPayment = {
    {"approve", kCity, "decided_approved"},
    {"notify", kCity, "notified"},
    {"start_payment", kCity, "in_payment"},
};
const std::vector<Move> kPaymentToExit = {
    {"review_periodic", kTownship, "under_review"},
    {"maintain", kCity, "in_payment"},
    {"review_periodic", kTownship, "under_review"},
    {"adjust", kCity, "adjusted"},
    {"notify", kCity, "notified"},
    {"start_payment", kCity, "in_payment"},
    {"review_periodic", kTownship, "under_review"},
    {"return", kCity, "in_payment"},
    {"review_periodic", kTownship, "under_review"},
    {"begin_exit", kCity, "gradual_exit"},
    {"terminate", kCity, "terminated"},
};
const std::vector<Move> kReviewThenTerminate = {
    {"review_periodic", kTownship, "under_review"},
    {"terminate", kCity, "terminated"},
};

// --- Jinjiang order: 村荐 → 镇选 → 公示 → 市定 ----------------------------
const std::vector<Move> kJinjiangToDecision = {
    {"accept", kTownship, "accepted"},
    {"survey", kTownship, "surveyed"},
    {"verify", kTownship, "verified"},
    {"recommend", kVillageClerk, "village_recommended"},
    {"review", kTownship, "township_reviewed"},
    {"publish", kTownship, "in_public_notice"},
    {"close_notice", kTownship, "awaiting_decision"},
};

const std::vector<Walk>& Walks() {
  static const std::vector<Walk> walks = {
      {"national: approved, paid, reviewed, adjusted, exited", StepOrder::National,
       Concat({kNationalToDecision, kApproveToPayment, kPaymentToExit})},
      {"national: helped first, two objections, returned by the city, refused",
       StepOrder::National,
       {
           {"help_first", kTownship, "helped_first"},
           {"supplement", kTownship, "accepted"},
           {"survey", kTownship, "surveyed"},
           {"verify", kTownship, "verified"},
           {"review", kTownship, "township_reviewed"},
           {"publish", kTownship, "in_public_notice"},
           {"object", kTownship, "objected"},
           {"reinvestigate", kTownship, "accepted"},
           {"survey", kTownship, "surveyed"},
           {"verify", kTownship, "verified"},
           {"review", kTownship, "township_reviewed"},
           {"publish", kTownship, "in_public_notice"},
           {"object", kTownship, "objected"},
           {"reappraise", kTownship, "verified"},
           {"review", kTownship, "township_reviewed"},
           {"publish", kTownship, "in_public_notice"},
           {"close_notice", kTownship, "awaiting_decision"},
           {"return", kCity, "verified"},
           {"review", kTownship, "township_reviewed"},
           {"publish", kTownship, "in_public_notice"},
           {"close_notice", kTownship, "awaiting_decision"},
           {"refuse", kCity, "decided_refused"},
           {"notify", kCity, "refusal_notified"},
       }},
      {"national: terminated at a review", StepOrder::National,
       Concat({kNationalToDecision, kApproveToPayment, kReviewThenTerminate})},
      {"jinjiang: returned to the village, objections, returned by the city, approved, exited",
       StepOrder::Jinjiang,
       {
           {"accept", kTownship, "accepted"},
           {"survey", kTownship, "surveyed"},
           {"verify", kTownship, "verified"},
           {"recommend", kVillageClerk, "village_recommended"},
           {"return", kTownship, "verified"},
           {"recommend", kVillageClerk, "village_recommended"},
           {"review", kTownship, "township_reviewed"},
           {"publish", kTownship, "in_public_notice"},
           {"object", kTownship, "objected"},
           {"reappraise", kVillageClerk, "village_recommended"},
           {"review", kTownship, "township_reviewed"},
           {"publish", kTownship, "in_public_notice"},
           {"object", kTownship, "objected"},
           {"reinvestigate", kTownship, "accepted"},
           {"survey", kTownship, "surveyed"},
           {"verify", kTownship, "verified"},
           {"recommend", kVillageClerk, "village_recommended"},
           {"review", kTownship, "township_reviewed"},
           {"publish", kTownship, "in_public_notice"},
           {"close_notice", kTownship, "awaiting_decision"},
           {"return", kCity, "village_recommended"},
           {"review", kTownship, "township_reviewed"},
           {"publish", kTownship, "in_public_notice"},
           {"close_notice", kTownship, "awaiting_decision"},
           {"approve", kCity, "decided_approved"},
           {"notify", kCity, "notified"},
           {"start_payment", kCity, "in_payment"},
           {"review_periodic", kTownship, "under_review"},
           {"maintain", kCity, "in_payment"},
           {"review_periodic", kTownship, "under_review"},
           {"adjust", kCity, "adjusted"},
           {"notify", kCity, "notified"},
           {"start_payment", kCity, "in_payment"},
           {"review_periodic", kTownship, "under_review"},
           {"return", kCity, "in_payment"},
           {"review_periodic", kTownship, "under_review"},
           {"begin_exit", kCity, "gradual_exit"},
           {"terminate", kCity, "terminated"},
       }},
      {"jinjiang: helped first, refused",
       StepOrder::Jinjiang,
       {
           {"help_first", kTownship, "helped_first"},
           {"supplement", kTownship, "accepted"},
           {"survey", kTownship, "surveyed"},
           {"verify", kTownship, "verified"},
           {"recommend", kVillageClerk, "village_recommended"},
           {"review", kTownship, "township_reviewed"},
           {"publish", kTownship, "in_public_notice"},
           {"close_notice", kTownship, "awaiting_decision"},
           {"refuse", kCity, "decided_refused"},
           {"notify", kCity, "refusal_notified"},
       }},
      {"jinjiang: terminated at a review", StepOrder::Jinjiang,
       Concat({kJinjiangToDecision, kApproveToPayment, kReviewThenTerminate})},
  };
  return walks;
}

using Key = std::tuple<StepOrder, std::string, std::string>;  // order, state, action

// What the walks allow: (order, state, action) → (group, next state).
std::map<Key, std::pair<std::string, std::string>> ExpectedTable() {
  std::map<Key, std::pair<std::string, std::string>> table;
  for (const Walk& walk : Walks()) {
    std::string state(kInitialCaseState);
    for (const Move& move : walk.moves) {
      table[{walk.order, state, move.action}] = {move.group, move.to};
      state = move.to;
    }
  }
  return table;
}

std::string S(std::string_view text) {
  return std::string(text);
}

std::set<std::string> StatesOf(StepOrder order) {
  std::set<std::string> states{S(kInitialCaseState)};
  for (const TransitionRule& rule : Transitions(order)) {
    states.insert(S(rule.from));
    states.insert(S(rule.to));
  }
  return states;
}

bool IsTerminal(std::string_view state) {
  const auto info = FindCaseState(state);
  return info.has_value() && info->terminal;
}

// True when `to` can be reached from `from` by forward rules (no return) that
// begin with a level step taken at `level` and contain no other level step.
bool OneLevelStepLeadsTo(StepOrder order, const std::string& from, const std::string& to, const std::string& level) {
  std::set<std::string> seen;
  std::vector<std::string> frontier;
  for (const TransitionRule& rule : Transitions(order)) {
    const auto step = kLevelSteps.find(S(rule.action));
    if (S(rule.from) == from && step != kLevelSteps.end() && step->second == level) frontier.push_back(S(rule.to));
  }
  while (!frontier.empty()) {
    const std::string state = frontier.back();
    frontier.pop_back();
    if (state == to) return true;
    if (!seen.insert(state).second) continue;
    for (const TransitionRule& rule : Transitions(order)) {
      if (S(rule.from) == state && rule.action != "return" && !kLevelSteps.contains(S(rule.action))) {
        frontier.push_back(S(rule.to));
      }
    }
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(case_workflow)

BOOST_AUTO_TEST_CASE(states_and_actions_are_the_expected_ones) {
  const auto states = CaseStates();
  BOOST_TEST_REQUIRE(states.size() == kExpectedStates.size());
  for (std::size_t i = 0; i < states.size(); ++i) {
    BOOST_TEST(S(states[i].code) == kExpectedStates[i].first);
    BOOST_TEST(states[i].terminal == kExpectedStates[i].second, states[i].code);
    BOOST_TEST(!states[i].chinese.empty(), states[i].code);
  }
  const auto actions = CaseActions();
  BOOST_TEST_REQUIRE(actions.size() == kExpectedActions.size());
  for (std::size_t i = 0; i < actions.size(); ++i) {
    BOOST_TEST(S(actions[i].code) == kExpectedActions[i]);
    BOOST_TEST(!actions[i].chinese.empty(), actions[i].code);
  }
  BOOST_TEST(S(FindCaseState("in_public_notice")->chinese) == "公示中");
  BOOST_TEST(S(FindCaseState("village_recommended")->chinese) == "村级已推荐");
  BOOST_TEST(S(FindCaseAction("return")->chinese) == "退回");
  BOOST_TEST(S(FindCaseAction("help_first")->chinese) == "先行救助");
  BOOST_TEST(!FindCaseState("Applied").has_value());
  BOOST_TEST(!FindCaseState("").has_value());
  BOOST_TEST(!FindCaseAction("delete").has_value());
}

BOOST_AUTO_TEST_CASE(step_orders_have_codes) {
  BOOST_TEST(S(ToCode(StepOrder::National)) == "national");
  BOOST_TEST(S(ToCode(StepOrder::Jinjiang)) == "jinjiang");
  BOOST_TEST((ParseStepOrder("jinjiang") == StepOrder::Jinjiang));
  BOOST_TEST((ParseStepOrder(" National ") == StepOrder::National));
  BOOST_TEST(!ParseStepOrder("delegated").has_value());
}

// 先行救助 (help first, document after) is for 临时救助 only (DOMAIN.md).
BOOST_AUTO_TEST_CASE(help_first_applies_to_temporary_assistance_only) {
  for (const StepOrder order : {StepOrder::National, StepOrder::Jinjiang}) {
    const auto actionsFor = [order](std::string_view program) {
      std::vector<std::string> actions;
      for (const TransitionRule& rule : AvailableActions(order, "applied", "township_reviewer", program)) {
        actions.emplace_back(rule.action);
      }
      return actions;
    };
    BOOST_TEST(actionsFor("temporary") == (std::vector<std::string>{"accept", "help_first"}),
               boost::test_tools::per_element());
    BOOST_TEST(actionsFor("dibao") == std::vector<std::string>{"accept"}, boost::test_tools::per_element());
    BOOST_TEST(actionsFor("temp").size() == 1U);  // whole codes only
  }
}

// What each action needs on record, and which states run a clock: the
// database enforces both from the same table.
BOOST_AUTO_TEST_CASE(requirements_and_state_deadlines_come_from_the_table) {
  const auto requirement = [](std::string_view from, std::string_view action) {
    return S(FindTransition(StepOrder::National, from, action)->requirement);
  };
  BOOST_TEST(requirement("accepted", "survey") == "survey");
  BOOST_TEST(requirement("surveyed", "verify") == "verification_report");
  BOOST_TEST(requirement("in_public_notice", "close_notice") == "notice_ended");
  BOOST_TEST(requirement("awaiting_decision", "approve") == "amount");
  BOOST_TEST(requirement("awaiting_decision", "refuse") == "none");
  BOOST_TEST(S(FindTransition(StepOrder::Jinjiang, "verified", "recommend")->requirement) == "appraisal_record");
  BOOST_TEST(S(FindCaseState("awaiting_decision")->deadlineKey) == "decision_deadline");
  BOOST_TEST(S(FindCaseState("in_public_notice")->deadlineKey) == "public_notice_days");
  BOOST_TEST(S(FindCaseState("applied")->deadlineKey) == "none");
}

// Each walk takes its steps in order: each step allowed to its group only,
// leading where the walk says.
BOOST_AUTO_TEST_CASE(the_hand_written_walks_follow_the_table) {
  for (const Walk& walk : Walks()) {
    BOOST_TEST_CONTEXT(walk.name) {
      std::string state(kInitialCaseState);
      for (const Move& move : walk.moves) {
        BOOST_TEST_CONTEXT(state << " --" << move.action << "--> " << move.to) {
          for (const std::string& group : AllGroups()) {
            BOOST_TEST(MayTake(walk.order, state, move.action, group) == (group == move.group), group);
          }
          const auto rule = FindTransition(walk.order, state, move.action);
          BOOST_TEST_REQUIRE(rule.has_value());
          BOOST_TEST(S(rule->to) == move.to);
          BOOST_TEST(S(rule->group) == move.group);
          state = move.to;
        }
      }
      BOOST_TEST(IsTerminal(state), "a walk ends in a terminal state: " << state);
    }
  }
}

// Every state × action × group × order: allowed exactly when a walk takes it.
BOOST_AUTO_TEST_CASE(every_combination_gives_exactly_the_expected_answer) {
  const auto expected = ExpectedTable();
  const auto groups = AllGroups();
  std::size_t checked = 0;
  for (StepOrder order : kOrders) {
    std::size_t allowed = 0;
    for (const auto& [state, terminal] : kExpectedStates) {
      for (const std::string& action : kExpectedActions) {
        const auto it = expected.find({order, state, action});
        const auto rule = FindTransition(order, state, action);
        BOOST_TEST(rule.has_value() == (it != expected.end()), ToCode(order) << " " << state << " " << action);
        if (rule && it != expected.end()) {
          BOOST_TEST(S(rule->to) == it->second.second);
          ++allowed;
        }
        for (const std::string& group : groups) {
          const bool want = it != expected.end() && it->second.first == group;
          BOOST_TEST(MayTake(order, state, action, group) == want,
                     ToCode(order) << " " << state << " " << action << " " << group);
          ++checked;
        }
      }
    }
    // The walks cover the whole table: no rule outside the state and action lists.
    BOOST_TEST(Transitions(order).size() == allowed, ToCode(order));
  }
  BOOST_TEST(checked == 2 * kExpectedStates.size() * kExpectedActions.size() * groups.size());
}

BOOST_AUTO_TEST_CASE(forbidden_combinations) {
  // Jinjiang's township may not review before the village recommends; the
  // national order has no village recommendation at all.
  BOOST_TEST(!MayTake(StepOrder::Jinjiang, "verified", "review", kTownship));
  BOOST_TEST(!MayTake(StepOrder::National, "verified", "recommend", kVillageClerk));
  // Levels: a township reviewer cannot decide, a city decider cannot accept.
  BOOST_TEST(!MayTake(StepOrder::National, "awaiting_decision", "approve", kTownship));
  BOOST_TEST(!MayTake(StepOrder::Jinjiang, "awaiting_decision", "approve", kVillageClerk));
  BOOST_TEST(!MayTake(StepOrder::National, "applied", "accept", kCity));
  // No decision while the notice runs; no payment before notification.
  BOOST_TEST(!MayTake(StepOrder::National, "in_public_notice", "approve", kCity));
  BOOST_TEST(!MayTake(StepOrder::National, "township_reviewed", "approve", kCity));
  BOOST_TEST(!MayTake(StepOrder::National, "decided_approved", "start_payment", kCity));
  // No skipping survey or verification.
  BOOST_TEST(!MayTake(StepOrder::National, "accepted", "verify", kTownship));
  BOOST_TEST(!MayTake(StepOrder::National, "accepted", "review", kTownship));
  // Objections only during the notice; exits only from a review.
  BOOST_TEST(!MayTake(StepOrder::National, "awaiting_decision", "object", kTownship));
  BOOST_TEST(!MayTake(StepOrder::National, "in_payment", "begin_exit", kCity));
  // Nothing after the end; administrators, auditors and finance take no step.
  BOOST_TEST(!MayTake(StepOrder::National, "terminated", "review_periodic", kTownship));
  BOOST_TEST(!MayTake(StepOrder::National, "refusal_notified", "return", kCity));
  for (StepOrder order : kOrders) {
    for (const TransitionRule& rule : Transitions(order)) {
      for (const char* group : {"center_admin", "auditor", "finance_officer", "department_liaison"}) {
        BOOST_TEST(!MayTake(order, rule.from, rule.action, group), rule.from << " " << rule.action << " " << group);
      }
    }
  }
  // Codes are exact.
  BOOST_TEST(!MayTake(StepOrder::National, "applied", "Accept", kTownship));
  BOOST_TEST(!MayTake(StepOrder::National, "applied ", "accept", kTownship));
  BOOST_TEST(!FindTransition(StepOrder::National, "nowhere", "accept").has_value());
}

BOOST_AUTO_TEST_CASE(available_actions_are_the_groups_rules_in_table_order) {
  auto actions = [](StepOrder order, std::string_view state, std::string_view group) {
    std::vector<std::string> codes;
    for (const TransitionRule& rule : AvailableActions(order, state, group)) codes.push_back(S(rule.action));
    return codes;
  };
  using V = std::vector<std::string>;
  BOOST_TEST(actions(StepOrder::National, "awaiting_decision", kCity) == (V{"approve", "refuse", "return"}),
             boost::test_tools::per_element());
  BOOST_TEST(actions(StepOrder::National, "awaiting_decision", kTownship).empty());
  BOOST_TEST(actions(StepOrder::National, "applied", kTownship) == (V{"accept", "help_first"}),
             boost::test_tools::per_element());
  BOOST_TEST(actions(StepOrder::National, "in_public_notice", kTownship) == (V{"object", "close_notice"}),
             boost::test_tools::per_element());
  BOOST_TEST(actions(StepOrder::Jinjiang, "verified", kVillageClerk) == V{"recommend"},
             boost::test_tools::per_element());
  BOOST_TEST(actions(StepOrder::Jinjiang, "verified", kTownship).empty());
  BOOST_TEST(actions(StepOrder::Jinjiang, "village_recommended", kTownship) == (V{"review", "return"}),
             boost::test_tools::per_element());
  BOOST_TEST(actions(StepOrder::National, "under_review", kCity) ==
                 (V{"maintain", "adjust", "begin_exit", "terminate", "return"}),
             boost::test_tools::per_element());
  BOOST_TEST(actions(StepOrder::National, "terminated", kCity).empty());
  BOOST_TEST(actions(StepOrder::National, "applied", "nobody").empty());
}

BOOST_AUTO_TEST_CASE(every_state_is_reachable_and_only_terminal_states_are_dead_ends) {
  std::set<std::string> used;
  for (StepOrder order : kOrders) {
    BOOST_TEST_CONTEXT(ToCode(order)) {
      const auto states = StatesOf(order);
      used.insert(states.begin(), states.end());
      // Reachable from the initial state.
      std::set<std::string> reached{S(kInitialCaseState)};
      for (bool grew = true; grew;) {
        grew = false;
        for (const TransitionRule& rule : Transitions(order)) {
          if (reached.contains(S(rule.from)) && reached.insert(S(rule.to)).second) grew = true;
        }
      }
      BOOST_TEST(reached == states, boost::test_tools::per_element());
      for (const std::string& state : states) {
        BOOST_TEST_REQUIRE(FindCaseState(state).has_value(), state);
        const bool hasAction = std::any_of(Transitions(order).begin(), Transitions(order).end(),
                                           [&](const TransitionRule& r) { return r.from == state; });
        BOOST_TEST(hasAction == !IsTerminal(state), state);
      }
      // Every case can still end: a terminal state is reachable from each state.
      for (const std::string& start : states) {
        std::set<std::string> ahead{start};
        for (bool grew = true; grew;) {
          grew = false;
          for (const TransitionRule& rule : Transitions(order)) {
            if (ahead.contains(S(rule.from)) && ahead.insert(S(rule.to)).second) grew = true;
          }
        }
        BOOST_TEST(std::any_of(ahead.begin(), ahead.end(), [](const std::string& s) { return IsTerminal(s); }), start);
      }
    }
  }
  // Every state of the table is used by some order.
  for (const auto& [state, terminal] : kExpectedStates) BOOST_TEST(used.contains(state), state);
}

BOOST_AUTO_TEST_CASE(only_jinjiang_has_the_village_recommendation) {
  BOOST_TEST(StatesOf(StepOrder::Jinjiang).contains("village_recommended"));
  BOOST_TEST(!StatesOf(StepOrder::National).contains("village_recommended"));
  for (const TransitionRule& rule : Transitions(StepOrder::National)) {
    BOOST_TEST(rule.level != "village", rule.from << " " << rule.action);
  }
}

BOOST_AUTO_TEST_CASE(every_action_is_taken_at_its_groups_level) {
  for (StepOrder order : kOrders) {
    for (const TransitionRule& rule : Transitions(order)) {
      BOOST_TEST(S(rule.level) == LevelOfGroup(S(rule.group)), rule.from << " " << rule.action);
    }
  }
}

BOOST_AUTO_TEST_CASE(reasons_are_required_where_the_rules_demand_them) {
  for (StepOrder order : kOrders) {
    for (const TransitionRule& rule : Transitions(order)) {
      BOOST_TEST(rule.opinionRequired == kOpinionRequired.contains(S(rule.action)),
                 ToCode(order) << " " << rule.from << " " << rule.action);
    }
  }
  for (const char* action : {"refuse", "return", "object"}) {
    BOOST_TEST(kOpinionRequired.contains(action));
  }
}

// A return is taken by the level that would otherwise give its opinion now,
// and sends the case back over exactly one opinion step: the one the level
// directly below took, so that level takes it again.
BOOST_AUTO_TEST_CASE(every_return_goes_back_exactly_one_step) {
  std::map<StepOrder, std::set<std::pair<std::string, std::string>>> returns;
  for (StepOrder order : kOrders) {
    for (const TransitionRule& rule : Transitions(order)) {
      if (rule.action != "return") continue;
      returns[order].insert({S(rule.from), S(rule.to)});
      BOOST_TEST_CONTEXT(ToCode(order) << " " << rule.from << " --return--> " << rule.to) {
        const std::string level = S(rule.level);
        const bool returnerDecidesHere =
            std::any_of(Transitions(order).begin(), Transitions(order).end(), [&](const TransitionRule& r) {
              const auto step = kLevelSteps.find(S(r.action));
              return r.from == rule.from && step != kLevelSteps.end() && step->second == level;
            });
        BOOST_TEST(returnerDecidesHere);
        BOOST_TEST(OneLevelStepLeadsTo(order, S(rule.to), S(rule.from), LevelBelow(level)));
        BOOST_TEST(rule.opinionRequired);
      }
    }
  }
  using R = std::set<std::pair<std::string, std::string>>;
  BOOST_TEST((returns[StepOrder::National] == R{{"awaiting_decision", "verified"}, {"under_review", "in_payment"}}));
  BOOST_TEST((returns[StepOrder::Jinjiang] == R{{"awaiting_decision", "village_recommended"},
                                                {"village_recommended", "verified"},
                                                {"under_review", "in_payment"}}));
}

BOOST_AUTO_TEST_SUITE_END()
