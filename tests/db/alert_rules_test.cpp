// The screening rules `db migrate` seeds (doudi.alert_rule) against the
// model's table, both generated from assets/rules/alert_rules.csv; and the
// seed applied again over rules that alerts use.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

#include "db_fixture.h"
#include "doudi/model/alert_rule.h"
#include "doudi/model/text.h"

using namespace doudi;

namespace {

// The model's rules as the seeded rows read: code|chinese|subject|reads|program|position.
std::vector<std::string> ModelRules() {
  std::vector<std::string> rows;
  int position = 0;
  for (const auto& rule : model::EnumTexts<model::AlertRule>()) {
    std::vector<std::string> reads;
    for (const auto kind : model::CrossCheckKindsRead(rule.value)) reads.emplace_back(kind);
    rows.push_back(std::string(rule.code) + "|" + std::string(rule.chinese) + "|" +
                   std::string(model::ToCode(model::AlertRuleSubject(rule.value))) + "|" + model::Join(reads, "+") +
                   "|" + std::string(model::AlertRuleProgram(rule.value)) + "|" + std::to_string(++position));
  }
  return rows;
}

std::vector<std::string> SeededRules(const test::TestDatabase& server) {
  return server.Rows(
      "SELECT code, chinese, subject, array_to_string(reads, '+'), program, position FROM doudi.alert_rule "
      "ORDER BY position");
}

// Each rule's handled_by holds the groups the model lists.
void CheckHandlers(const test::TestDatabase& server) {
  for (const auto& rule : model::EnumTexts<model::AlertRule>()) {
    std::set<std::string> expected;
    for (const auto group : model::AlertHandlers(rule.value)) expected.emplace(model::ToCode(group));
    const auto groups =
        server.Rows("SELECT unnest(handled_by) FROM doudi.alert_rule WHERE code = '" + std::string(rule.code) + "'");
    BOOST_TEST(std::set<std::string>(groups.begin(), groups.end()) == expected, rule.code);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(alert_rules)

BOOST_AUTO_TEST_CASE(the_alert_rules_in_the_database_are_the_models) {
  test::MigratedDatabase m(false);
  BOOST_TEST(SeededRules(m.server) == ModelRules(), boost::test_tools::per_element());
  CheckHandlers(m.server);
}

// A group that handles alerts must be a staff group the database knows: a
// group role under doudi_user (what the policies on the alerts grant to).
BOOST_AUTO_TEST_CASE(every_handling_group_is_a_group_role) {
  test::MigratedDatabase m(false);
  const auto groups = m.server.Rows("SELECT DISTINCT unnest(handled_by) FROM doudi.alert_rule ORDER BY 1");
  BOOST_TEST(!groups.empty());
  for (const auto& group : groups) {
    BOOST_TEST(m.server.Count("SELECT count(*) FROM pg_catalog.pg_roles AS r "
                              "JOIN pg_catalog.pg_auth_members AS a ON a.member = r.oid "
                              "WHERE a.roleid = 'doudi_user'::regrole AND NOT r.rolcanlogin "
                              "AND r.rolname = 'doudi_" + group + "'") == 1,
               group << " is no group role");
  }
}

// What a rule finds is its function doudi.screen_<rule>, which doudi.screen
// runs for each row of the table.
BOOST_AUTO_TEST_CASE(every_rule_has_its_screening_function) {
  test::MigratedDatabase m(false);
  for (const auto& rule : model::EnumTexts<model::AlertRule>()) {
    BOOST_TEST(m.server.Count("SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace = 'doudi'::regnamespace "
                              "AND proname = 'screen_" + std::string(rule.code) + "'") == 1,
               rule.code);
  }
}

// Alerts refer to their rule: applying the seed again updates the rules in
// place (labels and positions swapped between two rules come back, UNIQUE
// notwithstanding), deletes a rule the file lacks when no alert uses it and
// keeps, after the file's rules and with its label, one that alerts use.
BOOST_AUTO_TEST_CASE(the_seed_applies_again_over_rules_alerts_use) {
  test::MigratedDatabase m(false);
  const auto expected = ModelRules();
  m.server.Execute(
      "INSERT INTO doudi.alert_rule (code, chinese, subject, reads, handled_by, program, position) VALUES "
      "('retired_rule', '已停用的规则', 'person', '{}', '{center_admin}', 'dibao', 100), "
      "('unused_rule', '无预警的规则', 'person', '{}', '{center_admin}', 'dibao', 101);"
      "INSERT INTO doudi.alert (rule, subject_key, period, name, region_code) VALUES "
      "('retired_rule', 'person:1', '2026', '王建国', '331022001201'), "
      "('case_overdue', 'case:1', '2026-11-28', '王建国', '331022001201');"
      // Two rules' labels and positions swapped, and a third's table changed.
      "UPDATE doudi.alert_rule SET chinese = 'x', position = -1 WHERE code = 'medical_registered';"
      "UPDATE doudi.alert_rule SET chinese = '" + std::string(model::ToChinese(model::AlertRule::MedicalRegistered)) +
      "', position = 1 WHERE code = 'medical_unregistered';"
      "UPDATE doudi.alert_rule SET chinese = '" + std::string(model::ToChinese(model::AlertRule::MedicalUnregistered)) +
      "', position = 2 WHERE code = 'medical_registered';"
      "UPDATE doudi.alert_rule SET handled_by = '{auditor}', reads = '{property}', program = 'charity' "
      "WHERE code = 'recipient_died';");
  BOOST_TEST_REQUIRE((SeededRules(m.server) != expected));

  m.db->Migrator().Migrate();

  auto withKept = expected;
  withKept.push_back("retired_rule|已停用的规则|person||dibao|" + std::to_string(expected.size() + 1));
  BOOST_TEST(SeededRules(m.server) == withKept, boost::test_tools::per_element());
  CheckHandlers(m.server);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.alert") == 2);

  // Once its alerts are gone, the next migrate deletes it too.
  m.server.Execute("DELETE FROM doudi.alert WHERE rule = 'retired_rule'");
  m.db->Migrator().Migrate();
  BOOST_TEST(SeededRules(m.server) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
