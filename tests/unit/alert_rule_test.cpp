// The screening rules' table as the design of issue 14 sets it out, written
// here by hand (not read from assets/rules): what each rule is about, what
// it reads, whose parameters it uses and who handles its alerts.
#include "doudi/model/alert_rule.h"

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace doudi::model;

namespace {

using enum StaffGroup;

struct Expected {
  AlertSubject subject;
  std::vector<std::string_view> reads;
  std::string_view program;
};

const std::map<std::string, Expected> kExpected{
    {"medical_registered", {AlertSubject::Person, {"medical"}, "medical"}},
    {"medical_unregistered", {AlertSubject::Person, {"medical"}, "medical"}},
    {"recipient_died", {AlertSubject::Person, {"hukou"}, "dibao"}},
    {"assets_over_limit", {AlertSubject::Household, {"vehicle", "business", "deposit"}, "dibao"}},
    {"expense_hardship", {AlertSubject::Household, {"medical", "schooling"}, "temporary"}},
    {"hukou_household_differs", {AlertSubject::Household, {"hukou"}, "dibao"}},
    {"hukou_not_reflected", {AlertSubject::Person, {"hukou"}, "dibao"}},
    {"centenarian_unvisited", {AlertSubject::Person, {}, "dibao"}},
    {"case_overdue", {AlertSubject::Case, {}, "dibao"}},
};

// The groups that handle alerts (the capability handle_alerts).
const std::set<StaffGroup> kHandlers{TownshipReviewer, CityDecider, CenterAdmin};

AlertRule Rule(std::string_view code) {
  const auto rule = ParseAlertRule(code);
  BOOST_TEST_REQUIRE(rule.has_value(), "no rule " << code);
  return *rule;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(alert_rule)

BOOST_AUTO_TEST_CASE(every_rule_its_subject_reads_and_program) {
  BOOST_TEST(EnumTexts<AlertRule>().size() == kExpected.size());
  for (const auto& [code, expected] : kExpected) {
    BOOST_TEST_CONTEXT(code) {
      const AlertRule rule = Rule(code);
      BOOST_TEST(ToCode(rule) == code);
      BOOST_TEST((AlertRuleSubject(rule) == expected.subject));
      BOOST_TEST(CrossCheckKindsRead(rule) == expected.reads, boost::test_tools::per_element());
      BOOST_TEST(AlertRuleProgram(rule) == expected.program);
    }
  }
}

BOOST_AUTO_TEST_CASE(who_handles_alerts) {
  for (const auto& rule : EnumTexts<AlertRule>()) {
    for (const auto& group : EnumTexts<StaffGroup>()) {
      BOOST_TEST(HandlesAlerts(group.value, rule.value) == kHandlers.contains(group.value),
                 rule.code << " for " << group.code);
    }
    const auto handlers = AlertHandlers(rule.value);
    BOOST_TEST((std::set<StaffGroup>(handlers.begin(), handlers.end()) == kHandlers), rule.code);
  }
  for (const auto& group : EnumTexts<StaffGroup>()) {
    BOOST_TEST(HandlesAnyAlert(group.value) == kHandlers.contains(group.value), group.code);
  }
  // Village clerks register households; screening results are for the
  // township and above.
  BOOST_TEST(!HandlesAnyAlert(VillageClerk));
}

BOOST_AUTO_TEST_CASE(roles_the_superuser_and_nobody) {
  const StaffRole superuser{std::nullopt, true};
  const StaffRole nobody{};
  const StaffRole finance{FinanceOfficer, false};
  const StaffRole township{TownshipReviewer, false};
  BOOST_TEST(HandlesAnyAlert(superuser));
  BOOST_TEST(!HandlesAnyAlert(nobody));
  BOOST_TEST(!HandlesAnyAlert(finance));
  BOOST_TEST(HandlesAnyAlert(township));
  for (const auto& rule : EnumTexts<AlertRule>()) {
    BOOST_TEST(HandlesAlerts(superuser, rule.value), rule.code);
    BOOST_TEST(!HandlesAlerts(nobody, rule.value), rule.code);
    BOOST_TEST(HandlesAlerts(township, rule.value) == HandlesAlerts(TownshipReviewer, rule.value), rule.code);
  }
}

BOOST_AUTO_TEST_CASE(an_import_screens_the_rules_that_read_its_kind) {
  using enum AlertRule;
  BOOST_TEST((RulesReading("medical") == std::vector<AlertRule>{MedicalRegistered, MedicalUnregistered,
                                                                 ExpenseHardship}));
  BOOST_TEST((RulesReading("hukou") == std::vector<AlertRule>{RecipientDied, HukouHouseholdDiffers,
                                                               HukouNotReflected}));
  BOOST_TEST((RulesReading("deposit") == std::vector<AlertRule>{AssetsOverLimit}));
  BOOST_TEST((RulesReading("schooling") == std::vector<AlertRule>{ExpenseHardship}));
  // Nothing reads these yet, and whole codes only.
  BOOST_TEST(RulesReading("property").empty());
  BOOST_TEST(RulesReading("insurance").empty());
  BOOST_TEST(RulesReading("medic").empty());
  BOOST_TEST(RulesReading("").empty());
  BOOST_TEST(RulesReading("none").empty());
  BOOST_TEST(ReadsCrossCheck(AssetsOverLimit, "business"));
  BOOST_TEST(!ReadsCrossCheck(AssetsOverLimit, "vehicle+business"));
  BOOST_TEST(!ReadsCrossCheck(CaseOverdue, ""));
}

BOOST_AUTO_TEST_CASE(rules_parse_by_code_and_label) {
  BOOST_TEST((ParseAlertRule("recipient_died") == AlertRule::RecipientDied));
  BOOST_TEST((ParseAlertRule(" Recipient_Died ") == AlertRule::RecipientDied));
  BOOST_TEST((ParseAlertRule("保障对象死亡仍在发放") == AlertRule::RecipientDied));
  BOOST_TEST(!ParseAlertRule("recipient").has_value());
  BOOST_TEST(ToChinese(AlertSubject::Household) == "家庭");
  BOOST_TEST((ParseEnum<AlertSubject>("case") == AlertSubject::Case));
}

BOOST_AUTO_TEST_SUITE_END()
