// Each model enumeration's codes against the SQL that spells them: the CHECK
// constraint of every column storing it, and the group roles. A code added
// on one side only fails here, not at a desk.
#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>

#include "db_fixture.h"
#include "doudi/model/attachment.h"
#include "doudi/model/case_workflow.h"
#include "doudi/model/crosscheck.h"
#include "doudi/model/household.h"
#include "doudi/model/referral.h"
#include "doudi/model/staff.h"
#include "doudi/model/staff_capability.h"
#include "doudi/model/working_day_calendar.h"

using namespace doudi;

namespace {

template <typename E>
std::set<std::string> ModelCodes() {
  std::set<std::string> codes;
  for (const auto& t : model::EnumTexts<E>()) codes.emplace(t.code);
  return codes;
}

// The literals of the CHECK constraints on table.column that list values
// (column = ANY (ARRAY['a'::text, ...])).
std::set<std::string> CheckedCodes(const test::TestDatabase& server, const std::string& table,
                                   const std::string& column) {
  const auto defs = server.Rows(
      "SELECT pg_get_constraintdef(c.oid) FROM pg_catalog.pg_constraint AS c "
      "JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
      "WHERE c.contype = 'c' AND c.conrelid = 'doudi." + table + "'::regclass AND a.attname = '" + column +
      "' AND pg_get_constraintdef(c.oid) LIKE '%ANY (ARRAY[%'");
  std::set<std::string> codes;
  static const std::regex literal("'([a-z_/]+)'::text");
  for (const auto& def : defs) {
    for (auto it = std::sregex_iterator(def.begin(), def.end(), literal); it != std::sregex_iterator(); ++it) {
      codes.insert((*it)[1].str());
    }
  }
  return codes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(enumeration_codes)

BOOST_AUTO_TEST_CASE(every_column_storing_an_enumeration_checks_exactly_its_codes) {
  test::MigratedDatabase m(false);
  struct Column {
    std::set<std::string> codes;
    std::string table;
    std::string column;
  };
  const std::vector<Column> columns{
      {ModelCodes<model::Relation>(), "person", "relation"},
      {ModelCodes<model::DisabilityCategory>(), "person", "disability_category"},
      {ModelCodes<model::Schooling>(), "person", "schooling"},
      {ModelCodes<model::Employment>(), "person", "employment"},
      {ModelCodes<model::WorkAbility>(), "person", "work_ability"},
      {ModelCodes<model::RegistryStatus>(), "household", "registry_status"},
      {ModelCodes<model::RegistryStatus>(), "registry_status_change", "status"},
      {ModelCodes<model::HousingCondition>(), "household", "housing"},
      {ModelCodes<model::IncomeKind>(), "income_item", "kind"},
      {ModelCodes<model::AssetKind>(), "asset", "kind"},
      {ModelCodes<model::StaffGroup>(), "app_user", "group_role"},
      {ModelCodes<model::StaffGroup>(), "staff_capability", "staff_group"},
      {ModelCodes<model::StepOrder>(), "assistance_case", "step_order"},
      {ModelCodes<model::StepOrder>(), "case_transition_rule", "step_order"},
      {ModelCodes<model::CrosscheckKind>(), "crosscheck_batch", "kind"},
      {ModelCodes<model::ReferralState>(), "referral", "state"},
      {ModelCodes<model::HelpKind>(), "help_record", "kind"},
      {ModelCodes<model::AttachmentKind>(), "attachment", "kind"},
      {ModelCodes<model::AttachmentOwner>(), "attachment", "owner_kind"},
      {ModelCodes<model::AttachmentType>(), "attachment", "media_type"},
  };
  for (const auto& c : columns) {
    BOOST_TEST_CONTEXT(c.table << "." << c.column) {
      BOOST_TEST(!c.codes.empty());
      BOOST_TEST(CheckedCodes(m.server, c.table, c.column) == c.codes, boost::test_tools::per_element());
    }
  }
}

// The kinds a department's catalog may list: every kind of help but care.
BOOST_AUTO_TEST_CASE(departments_offer_every_kind_of_help_but_care) {
  test::MigratedDatabase m(false);
  std::set<std::string> offered;
  for (const auto& t : model::EnumTexts<model::HelpKind>()) {
    if (model::DepartmentsOffer(t.value)) offered.emplace(t.code);
  }
  BOOST_TEST(CheckedCodes(m.server, "department_help", "kind") == offered, boost::test_tools::per_element());
}

// A parameter's unit may also be one the model has no deadline for (fen,
// percent...), but every deadline unit must be storable.
BOOST_AUTO_TEST_CASE(every_deadline_unit_is_a_parameter_unit) {
  test::MigratedDatabase m(false);
  const auto units = CheckedCodes(m.server, "program_parameter", "unit");
  for (const auto& code : ModelCodes<model::DeadlineUnit>()) BOOST_TEST(units.contains(code), code);
}

// Each staff group is a database role of that name, and no other group
// role exists under the desk's parent role.
BOOST_AUTO_TEST_CASE(every_staff_group_is_a_role_and_every_desk_role_a_group) {
  test::MigratedDatabase m(false);
  std::set<std::string> roles;
  for (const auto& r : m.server.Rows("SELECT r.rolname FROM pg_catalog.pg_roles AS r "
                                     "JOIN pg_catalog.pg_auth_members AS a ON a.member = r.oid "
                                     "WHERE a.roleid = 'doudi_user'::regrole AND NOT r.rolcanlogin")) {
    roles.insert(r.substr(std::string("doudi_").size()));
  }
  BOOST_TEST(roles == ModelCodes<model::StaffGroup>(), boost::test_tools::per_element());
}

// The staff operations the rule seed wrote are the model's, each with the
// groups the model allows (both come from assets/rules/staff_capabilities.csv);
// and every group allowed an operation that a function enforces may call
// that function (a grant forgotten would refuse what the table allows).
BOOST_AUTO_TEST_CASE(the_staff_capabilities_in_the_database_are_the_models) {
  test::MigratedDatabase m(false);
  const auto seeded = m.server.Rows("SELECT operation FROM doudi.staff_operation");
  BOOST_TEST(std::set<std::string>(seeded.begin(), seeded.end()) == ModelCodes<model::StaffOperation>(),
             boost::test_tools::per_element());
  for (const auto& op : model::EnumTexts<model::StaffOperation>()) {
    BOOST_TEST_CONTEXT(op.code) {
      const std::string code(op.code);
      const auto rows = m.server.Rows("SELECT staff_group FROM doudi.staff_capability WHERE operation = '" + code + "'");
      std::set<std::string> expected;
      for (const auto group : model::GroupsAllowed(op.value)) expected.emplace(model::ToCode(group));
      BOOST_TEST(std::set<std::string>(rows.begin(), rows.end()) == expected, boost::test_tools::per_element());
      const std::string enforcedBy(model::EnforcedBy(op.value));
      static const std::regex function("^doudi\\.([a-z_]+)$");
      std::smatch name;
      if (!std::regex_match(enforcedBy, name, function)) continue;
      const std::string proname = name[1].str();
      if (m.server.Count("SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace = 'doudi'::regnamespace "
                         "AND proname = '" + proname + "' AND prosecdef") == 0) {
        continue;  // run inside another function, with its caller's rights
      }
      for (const auto& group : expected) {
        BOOST_TEST(m.server.Scalar("SELECT bool_or(has_function_privilege('doudi_" + group +
                                   "', p.oid, 'EXECUTE'))::text FROM pg_catalog.pg_proc AS p "
                                   "WHERE p.pronamespace = 'doudi'::regnamespace AND p.proname = '" + proname +
                                   "'") == "true",
                   group << " may not call doudi." << proname);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
