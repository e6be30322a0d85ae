// The importer through the data layer; file handling is covered end to end
// in tests/e2e.
#include <boost/test/unit_test.hpp>

#include "db_fixture.h"

using namespace doudi;
using model::ImportColumn;

namespace {

model::ImportRow Row(std::int64_t line, const std::string& ref, const std::string& name, const std::string& id,
                     const std::string& relation, const std::string& income = "") {
  model::ImportRow row;
  row.line = line;
  row[ImportColumn::HouseholdRef] = ref;
  row[ImportColumn::Name] = name;
  row[ImportColumn::IdNumber] = id;
  row[ImportColumn::Relation] = relation;
  row[ImportColumn::MonthlyIncome] = income;
  if (relation == "户主" || relation == "head") {
    row[ImportColumn::RegionCode] = "331022001201";
    row[ImportColumn::Address] = "悬渚村1号";
  }
  return row;
}

std::vector<model::ImportRow> TwoHouseholds() {
  return {Row(2, "A", "张三", test::MakeId("331022", "19600101", 11), "户主", "1200.50"),
          Row(3, "A", "李四", test::MakeId("331022", "19620101", 12), "配偶"),
          Row(4, "B", "王五", test::MakeId("331022", "19800101", 13), "head", "300")};
}

dal::ImportOutcome Import(test::MigratedDatabase& m, const std::vector<model::ImportRow>& rows, bool dryRun = false) {
  dal::ImportOptions options;
  options.today = test::kToday;
  options.dryRun = dryRun;
  return m.db->Importer().Import(rows, options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(household_import)

BOOST_AUTO_TEST_CASE(new_then_unchanged_then_updated) {
  test::MigratedDatabase m;
  auto first = Import(m, TwoHouseholds());
  BOOST_TEST(first.problems.empty());
  BOOST_TEST(first.householdsNew == 2);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.person") == 3);
  BOOST_TEST(m.server.Scalar("SELECT sum(monthly_fen) FROM doudi.income_item") == "150050");

  auto second = Import(m, TwoHouseholds());
  BOOST_TEST(second.householdsUnchanged == 2);
  BOOST_TEST(second.householdsNew == 0);
  BOOST_TEST(m.server.Scalar("SELECT max(version) FROM doudi.household") == "1");

  auto rows = TwoHouseholds();
  rows[1][ImportColumn::MonthlyIncome] = "800";
  rows.pop_back();
  auto third = Import(m, rows);
  BOOST_TEST(third.householdsUpdated == 1);
  BOOST_TEST(third.householdsUnchanged == 0);
  BOOST_TEST(m.server.Scalar("SELECT sum(monthly_fen) FROM doudi.income_item") == "230050");
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.household") == 2);  // B is not in the file: left alone
}

BOOST_AUTO_TEST_CASE(a_bad_row_rejects_its_whole_household) {
  test::MigratedDatabase m;
  auto rows = TwoHouseholds();
  rows[1][ImportColumn::MonthlyIncome] = "-5";
  const auto outcome = Import(m, rows);
  BOOST_TEST(outcome.householdsRejected == 1);
  BOOST_TEST(outcome.householdsNew == 1);
  BOOST_TEST(outcome.rowsRejected == 2);
  BOOST_REQUIRE(outcome.problems.size() == 2u);
  BOOST_TEST(outcome.problems[0].line == 2);
  BOOST_TEST(outcome.problems[0].code == "household.rejected");
  BOOST_TEST(outcome.problems[1].code == "monthly_income.negative");
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.household WHERE source_ref = 'A'") == 0);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.person") == 1);
}

BOOST_AUTO_TEST_CASE(dry_run_stores_nothing_but_reports_the_same) {
  test::MigratedDatabase m;
  const auto outcome = Import(m, TwoHouseholds(), true);
  BOOST_TEST(outcome.householdsNew == 2);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.household") == 0);
}

BOOST_AUTO_TEST_CASE(odd_text_is_stored_verbatim) {
  test::MigratedDatabase m;
  auto rows = TwoHouseholds();
  const std::string address = "3号楼'; DROP TABLE doudi.household;-- 50%_\\ \t end";
  rows[0][ImportColumn::Address] = address;
  const auto outcome = Import(m, rows);
  BOOST_TEST(outcome.problems.empty());
  BOOST_TEST(m.server.Scalar("SELECT address FROM doudi.household WHERE source_ref = 'A'") ==
             "3号楼'; DROP TABLE doudi.household;-- 50%_\\ \t end");
}

BOOST_AUTO_TEST_CASE(demo_registry_imports_cleanly) {
  test::MigratedDatabase m;
  const auto outcome = Import(m, admin::DemoHouseholdRows());
  for (const auto& p : outcome.problems) BOOST_TEST_MESSAGE(p.line << " " << p.code << " " << p.message);
  BOOST_TEST(outcome.problems.empty());
  BOOST_TEST(outcome.householdsNew == 100);
}

BOOST_AUTO_TEST_CASE(synthetic_registry_is_deterministic_and_valid) {
  const auto a = admin::MakeSyntheticRegistry(300, 7, test::kToday);
  const auto b = admin::MakeSyntheticRegistry(300, 7, test::kToday);
  BOOST_REQUIRE(a.rows.size() == b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) BOOST_TEST(a.rows[i].values == b.rows[i].values);
  test::MigratedDatabase m(false);
  m.db->UpsertRegions(a.regions);
  const auto outcome = Import(m, a.rows);
  for (const auto& p : outcome.problems) BOOST_TEST_MESSAGE(p.line << " " << p.code << " " << p.message);
  BOOST_TEST(outcome.problems.empty());
  BOOST_TEST(outcome.householdsNew == 300);
}

// A center administrator of Sanmen imports a person already registered in a
// Jinjiang household, which RLS hides from them: the row is reported (without
// telling which household), the rest is imported, nothing fails whole.
BOOST_AUTO_TEST_CASE(a_member_registered_outside_the_scope_is_reported_per_row) {
  test::MigratedDatabase m;
  const std::string elsewhere = test::MakeId("350582", "19700101", 21);
  model::ImportRow jinjiang = Row(2, "J", "陈六", elsewhere, "户主");
  jinjiang[ImportColumn::RegionCode] = "350582111201";
  jinjiang[ImportColumn::Address] = "晋江某村1号";
  BOOST_TEST_REQUIRE(Import(m, {jinjiang}).problems.empty());

  const std::string admin = m.server.CreateUser("admin", "center_admin", "331022");
  dal::pg::PgDatabase asAdmin(m.server.ConnectionStringFor(admin));
  dal::ImportOptions options;
  options.today = test::kToday;
  options.source = "sanmen";
  auto rows = TwoHouseholds();
  rows.push_back(Row(5, "C", "陈六", elsewhere, "户主"));
  const auto outcome = asAdmin.Importer().Import(rows, options);
  for (const auto& p : outcome.problems) BOOST_TEST_MESSAGE(p.line << " " << p.code << " " << p.message);
  BOOST_TEST(outcome.householdsNew == 2);
  BOOST_TEST_REQUIRE(outcome.problems.size() == 1U);
  BOOST_TEST(outcome.problems[0].line == 5);
  BOOST_TEST(outcome.problems[0].message.find("outside your scope") != std::string::npos, outcome.problems[0].message);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.person WHERE id_number = '" + elsewhere + "'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
