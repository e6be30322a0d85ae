// Who may do what apart from the transitions, checked against what the
// database enforces today, written here by hand (not read from
// assets/rules): every operation × every group, then the roles, the case
// states each operation needs and the groups that work cases.
#include "doudi/model/staff_capability.h"

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace doudi::model;

namespace {

using enum StaffGroup;

// The groups the database's functions, policies and grants let perform each
// operation (docs/capabilities.md names which enforces what).
const std::map<std::string, std::set<StaffGroup>> kExpected{
    {"open_case", {VillageClerk, TownshipReviewer, CityDecider, CenterAdmin}},
    {"record_survey", {TownshipReviewer, CityDecider}},
    {"record_close_relative_survey", {CityDecider}},
    {"add_evidence", {VillageClerk, TownshipReviewer, CityDecider}},
    {"propose_amount", {TownshipReviewer, CityDecider}},
    {"confirm_over_cap_amount", {CityDecider}},
    {"extend_limit", {CityDecider}},
    {"edit_registry", {VillageClerk, TownshipReviewer, CityDecider, CenterAdmin}},
    {"import_households", {VillageClerk, TownshipReviewer, CityDecider, CenterAdmin}},
    {"export_households", {CenterAdmin}},
    {"refer_households", {TownshipReviewer, CityDecider, CenterAdmin}},
    {"see_full_id_numbers", {VillageClerk, TownshipReviewer, CityDecider, CenterAdmin}},
    {"see_full_bank_accounts", {FinanceOfficer, CenterAdmin}},
    {"generate_payments", {FinanceOfficer, CenterAdmin}},
    {"edit_parameters", {CenterAdmin}},
    {"edit_regions", {CenterAdmin}},
    {"load_holiday_calendar", {CenterAdmin}},
    {"add_charity_fund", {CenterAdmin}},
    {"manage_users", {CenterAdmin}},
    {"read_users", {CenterAdmin, Auditor}},
    {"read_audit_trail", {CenterAdmin, Auditor}},
    {"read_unmasked_access", {CenterAdmin, Auditor}},
    {"run_watchdog", {CenterAdmin}},
    {"import_crosscheck", {CenterAdmin}},
    {"withdraw_crosscheck", {CenterAdmin}},
    {"run_screening", {CenterAdmin}},
    {"answer_referrals", {DepartmentLiaison, CenterAdmin}},
    {"close_help", {TownshipReviewer, CityDecider, CenterAdmin}},
    {"manage_departments", {CenterAdmin}},
    {"manage_pairing_contacts", {CenterAdmin}},
    {"manage_pairing", {TownshipReviewer, CityDecider, CenterAdmin}},
    {"record_visit", {VillageClerk, TownshipReviewer, CityDecider, CenterAdmin}},
    {"top_up_fund", {CenterAdmin}},
    {"record_help", {VillageClerk, TownshipReviewer, CityDecider, CenterAdmin}},
    {"manage_intake_tokens", {CenterAdmin}},
    {"triage_reports", {VillageClerk, TownshipReviewer, CityDecider, CenterAdmin}},
    {"attach_files", {VillageClerk, TownshipReviewer, CityDecider, CenterAdmin, DepartmentLiaison}},
    {"withdraw_files", {VillageClerk, TownshipReviewer, CityDecider, CenterAdmin, DepartmentLiaison}},
};

StaffOperation Op(std::string_view code) {
  const auto operation = ParseStaffOperation(code);
  BOOST_TEST_REQUIRE(operation.has_value(), "no operation " << code);
  return *operation;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(staff_capability)

BOOST_AUTO_TEST_CASE(every_operation_and_group_as_the_database_enforces) {
  BOOST_TEST(EnumTexts<StaffOperation>().size() == kExpected.size());
  for (const auto& [code, groups] : kExpected) {
    const StaffOperation operation = Op(code);
    BOOST_TEST(ToCode(operation) == code);
    for (const auto& group : EnumTexts<StaffGroup>()) {
      BOOST_TEST(StaffMay(group.value, operation) == groups.contains(group.value), code << " for " << group.code);
    }
    const std::vector<StaffGroup> allowed = GroupsAllowed(operation);
    BOOST_TEST((std::set<StaffGroup>(allowed.begin(), allowed.end()) == groups), code);
    BOOST_TEST(!EnforcedBy(operation).empty());
  }
}

BOOST_AUTO_TEST_CASE(only_finance_and_the_center_see_full_accounts) {
  // README and docs/security.md: full bank accounts for finance officers and
  // the center's administrators (doudi.household_bank_account).
  const auto may = GroupsAllowed(StaffOperation::SeeFullBankAccounts);
  BOOST_TEST((may == std::vector<StaffGroup>{FinanceOfficer, CenterAdmin}));
  // Full ID numbers are for the desks that register households, not for finance.
  BOOST_TEST(!StaffMay(FinanceOfficer, StaffOperation::SeeFullIdNumbers));
  BOOST_TEST(!StaffMay(Auditor, StaffOperation::SeeFullIdNumbers));
}

BOOST_AUTO_TEST_CASE(operations_parse_by_code_and_label) {
  BOOST_TEST((ParseStaffOperation("propose_amount") == StaffOperation::ProposeAmount));
  BOOST_TEST((ParseStaffOperation(" PROPOSE_AMOUNT ") == StaffOperation::ProposeAmount));
  BOOST_TEST((ParseStaffOperation("提出救助金额") == StaffOperation::ProposeAmount));
  BOOST_TEST(!ParseStaffOperation("propose").has_value());
}

BOOST_AUTO_TEST_CASE(roles_from_the_databases_group_codes) {
  BOOST_TEST((StaffRoleFromCode("city_decider") == StaffRole{CityDecider, false}));
  BOOST_TEST((StaffRoleFromCode("superuser") == StaffRole{std::nullopt, true}));
  BOOST_TEST((StaffRoleFromCode("") == StaffRole{}));
  // Codes from the database are exact: no trimming, no case folding, no labels.
  BOOST_TEST((StaffRoleFromCode("City_Decider") == StaffRole{}));
  BOOST_TEST((StaffRoleFromCode("市县审批人") == StaffRole{}));
}

BOOST_AUTO_TEST_CASE(the_superuser_may_everything_and_nobody_nothing) {
  const StaffRole superuser{std::nullopt, true};
  const StaffRole nobody{};
  const StaffRole clerk{VillageClerk, false};
  for (const auto& operation : EnumTexts<StaffOperation>()) {
    BOOST_TEST(StaffMay(superuser, operation.value), operation.code);
    BOOST_TEST(!StaffMay(nobody, operation.value), operation.code);
    BOOST_TEST(StaffMay(clerk, operation.value) == StaffMay(VillageClerk, operation.value), operation.code);
  }
}

BOOST_AUTO_TEST_CASE(case_states_each_operation_needs) {
  // doudi.case_record_survey, case_propose_amount and case_confirm_amount
  // (require_state); case_add_evidence refuses a closed case.
  for (const char* state : {"accepted", "helped_first", "objected", "under_review"}) {
    BOOST_TEST(PossibleInState(StaffOperation::RecordSurvey, state), state);
    BOOST_TEST(PossibleInState(StaffOperation::RecordCloseRelativeSurvey, state), state);
  }
  BOOST_TEST(!PossibleInState(StaffOperation::RecordSurvey, "surveyed"));
  BOOST_TEST(!PossibleInState(StaffOperation::RecordSurvey, "applied"));
  const std::set<std::string> amountStates{"helped_first",      "verified", "village_recommended",
                                           "township_reviewed", "objected", "awaiting_decision",
                                           "under_review"};
  for (const auto& state : CaseStates()) {
    const std::string code(state.code);
    BOOST_TEST(PossibleInState(StaffOperation::ProposeAmount, code) == amountStates.contains(code), code);
    BOOST_TEST(PossibleInState(StaffOperation::ConfirmOverCapAmount, code) == amountStates.contains(code), code);
    BOOST_TEST(PossibleInState(StaffOperation::AddEvidence, code) == !state.terminal, code);
    BOOST_TEST(PossibleInState(StaffOperation::OpenCase, code), code);
  }
  // Whole codes only, and an unknown state is in no list.
  BOOST_TEST(!PossibleInState(StaffOperation::ProposeAmount, "verif"));
  BOOST_TEST(!PossibleInState(StaffOperation::AddEvidence, "no_such_state"));
  BOOST_TEST(!PossibleInState(StaffOperation::ProposeAmount, ""));
}

BOOST_AUTO_TEST_CASE(the_groups_that_work_cases) {
  // The groups the transition table names (doudi.case_transition is granted
  // to them): they start the day with their tasks.
  for (const auto& group : EnumTexts<StaffGroup>()) {
    const bool desk = group.value == VillageClerk || group.value == TownshipReviewer || group.value == CityDecider;
    BOOST_TEST(TakesCaseActions(group.value) == desk, group.code);
  }
}

BOOST_AUTO_TEST_CASE(transitions_for_a_role) {
  const StaffRole township{TownshipReviewer, false};
  const StaffRole city{CityDecider, false};
  const StaffRole superuser{std::nullopt, true};
  // Recording an objection during the public notice is the township's.
  BOOST_TEST(MayTake(township, StepOrder::National, "in_public_notice", "object"));
  BOOST_TEST(!MayTake(city, StepOrder::National, "in_public_notice", "object"));
  BOOST_TEST(MayTake(superuser, StepOrder::National, "in_public_notice", "object"));
  // The superuser passes the group check only, not the table.
  BOOST_TEST(!MayTake(superuser, StepOrder::National, "in_public_notice", "approve"));
  BOOST_TEST(!MayTake(StaffRole{}, StepOrder::National, "in_public_notice", "object"));
  // Some order: Jinjiang's village recommendation is the village clerk's.
  const StaffRole clerk{VillageClerk, false};
  BOOST_TEST(MayTakeInSomeOrder(clerk, "verified", "recommend"));
  BOOST_TEST(!MayTake(clerk, StepOrder::National, "verified", "recommend"));
  BOOST_TEST(MayTakeInSomeOrder(township, "in_public_notice", "object"));
  BOOST_TEST(!MayTakeInSomeOrder(city, "in_public_notice", "object"));
  BOOST_TEST(!MayTakeInSomeOrder(township, "objected", "object"));
}

BOOST_AUTO_TEST_SUITE_END()
