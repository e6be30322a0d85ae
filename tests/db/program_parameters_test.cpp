// Program parameters (migration 8): which row applies on a date and in a
// region, through the data layer; who may add rows, checked with raw SQL as
// each role; and that no row is ever changed or deleted.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "db_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/program_parameters.h"

using namespace doudi;
using test::Session;

namespace {

constexpr const char* kDenied = "42501";
constexpr const char* kVillage = "331022001201";        // 悬渚村, 海游街道, 三门县
constexpr const char* kOtherTownship = "331022002202";  // 沙柳村, 沙柳街道, 三门县
constexpr const char* kJinjiang = "350582111201";

std::chrono::year_month_day Day(int y, unsigned m, unsigned d) {
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

dal::ProgramParameter Row(const std::string& prefix, const std::string& key, const std::string& value,
                          const std::string& unit, const std::string& from, const std::string& program = "dibao") {
  dal::ProgramParameter p;
  p.program = program;
  p.regionPrefix = prefix;
  p.key = key;
  p.value = value;
  p.unit = unit;
  p.effectiveFrom = from;
  return p;
}

const char* kInsert =
    "INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from) "
    "VALUES ($1, $2, $3, $4, $5, $6::date)";

struct Parameters : test::MigratedDatabase {
  dal::ProgramParameters& params = db->Parameters();

  // The value in effect, or "none".
  std::string ValueOn(const std::string& region, const std::string& key, std::chrono::year_month_day on,
                      const std::string& program = "dibao") {
    const auto p = params.Effective(program, region, key, on);
    return p ? p->value + "@" + p->regionPrefix + "/" + p->effectiveFrom : "none";
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(program_parameters)

BOOST_FIXTURE_TEST_CASE(the_demo_places_are_seeded_with_units_and_dates, Parameters) {
  BOOST_TEST(ValueOn(kVillage, "standard_per_person", Day(2026, 6, 1)) == "108000@331022/2026-01-01");
  BOOST_TEST(ValueOn(kJinjiang, "standard_per_person", Day(2026, 6, 1)) == "98000@350582/2026-01-01");
  BOOST_TEST(ValueOn("500231101201", "standard_per_person", Day(2026, 6, 1)) == "77000@500231/2026-01-01");
  BOOST_TEST(ValueOn(kJinjiang, "step_order", Day(2026, 6, 1)) == "jinjiang@350582/2026-01-01");
  BOOST_TEST(ValueOn(kVillage, "step_order", Day(2026, 6, 1)) == "national@331022/2026-01-01");
  const auto notice = params.Effective("dibao", kVillage, "public_notice_days", Day(2026, 6, 1));
  BOOST_REQUIRE(notice.has_value());
  BOOST_TEST(notice->unit == "calendar_days");
  BOOST_TEST(notice->value == "7");
  BOOST_TEST(!notice->note.empty());
  BOOST_TEST(!notice->createdBy.empty());
  BOOST_TEST(params.Effective("dibao", kVillage, "decision_deadline", Day(2026, 6, 1))->unit == "working_days");
  BOOST_TEST(params.Effective("dibao", kVillage, "review_interval_stable", Day(2026, 6, 1))->unit == "months");
  // Every statutory key is there for each of the three places.
  BOOST_TEST(server.Count("SELECT count(DISTINCT region_prefix) FROM doudi.program_parameter") == 3);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.program_parameter WHERE key = 'overall_limit'") == 3);
  // Before the seed's date, elsewhere, or for a key nobody set: nothing.
  BOOST_TEST(ValueOn(kVillage, "standard_per_person", Day(2025, 12, 31)) == "none");
  BOOST_TEST(ValueOn("110105001001", "standard_per_person", Day(2026, 6, 1)) == "none");
  BOOST_TEST(ValueOn(kVillage, "no_such_key", Day(2026, 6, 1)) == "none");
  BOOST_TEST(ValueOn(kVillage, "standard_per_person", Day(2026, 6, 1), "charity") == "none");
  // the ten programs, the joint loop's settings (joint_help) and the attachments' (attachments)
  BOOST_TEST(params.Programs().size() == 12u);
}

BOOST_FIXTURE_TEST_CASE(the_latest_row_in_effect_of_the_most_specific_prefix_applies, Parameters) {
  params.Add(Row("331022", "standard_per_person", "115000", "fen", "2027-01-01"));
  params.Add(Row("331022001", "standard_per_person", "120000", "fen", "2026-07-01"));
  // Before and after the county's change, in a township without an override.
  BOOST_TEST(ValueOn(kOtherTownship, "standard_per_person", Day(2026, 12, 31)) == "108000@331022/2026-01-01");
  BOOST_TEST(ValueOn(kOtherTownship, "standard_per_person", Day(2027, 1, 1)) == "115000@331022/2027-01-01");
  // The township's row is not in effect yet: the county's applies.
  BOOST_TEST(ValueOn(kVillage, "standard_per_person", Day(2026, 6, 30)) == "108000@331022/2026-01-01");
  // Then the township's, and it stays after the county's change: the most
  // specific prefix wins until a newer row for it replaces it.
  BOOST_TEST(ValueOn(kVillage, "standard_per_person", Day(2026, 7, 1)) == "120000@331022001/2026-07-01");
  BOOST_TEST(ValueOn(kVillage, "standard_per_person", Day(2027, 3, 1)) == "120000@331022001/2026-07-01");
  // Asking for the county as a whole ignores the township's row.
  BOOST_TEST(ValueOn("331022", "standard_per_person", Day(2027, 3, 1)) == "115000@331022/2027-01-01");
  BOOST_TEST(ValueOn("331022000000", "standard_per_person", Day(2026, 8, 1)) == "108000@331022/2026-01-01");
  // The SQL function gives the same answer to anyone who asks it directly.
  BOOST_TEST(server.Scalar("SELECT value || '@' || region_prefix FROM doudi.parameter_value('dibao', '" +
                           std::string(kVillage) + "', 'standard_per_person', DATE '2027-03-01')") ==
             "120000@331022001");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.parameter_value('dibao', '" + std::string(kVillage) +
                          "', 'standard_per_person', DATE '2025-01-01')") == 0);
  // A list for the village: the rows that apply to it, history included.
  std::vector<std::string> listed;
  for (const auto& p : params.List("dibao", kVillage)) {
    if (p.key == "standard_per_person") listed.push_back(p.regionPrefix + "/" + p.effectiveFrom);
  }
  BOOST_TEST(listed == (std::vector<std::string>{"331022/2026-01-01", "331022/2027-01-01", "331022001/2026-07-01"}),
             boost::test_tools::per_element());
  // For the county: its rows and those of areas inside it, no other place's.
  const auto county = params.List("", "331022");
  BOOST_TEST(std::any_of(county.begin(), county.end(), [](const auto& p) { return p.regionPrefix == "331022001"; }));
  BOOST_TEST(std::none_of(county.begin(), county.end(), [](const auto& p) { return p.regionPrefix == "350582"; }));
  BOOST_TEST(params.List("", "").size() ==
             static_cast<std::size_t>(server.Count("SELECT count(*) FROM doudi.program_parameter")));
}

BOOST_FIXTURE_TEST_CASE(rows_are_checked_by_the_database, Parameters) {
  const Session su = server.AsSuperuser();
  auto state = [&](const test::SqlParams& row) { return su.TryExecute(kInsert, row); };
  // One row per program, prefix, key and date: a change is a new date.
  BOOST_TEST(state({"dibao", "331022", "standard_per_person", "1", "fen", "2026-01-01"}) == "23505");
  BOOST_TEST(state({"nothing", "331022", "standard_per_person", "1", "fen", "2027-01-01"}) == "23503");
  // A key keeps its unit.
  BOOST_TEST(state({"dibao", "350582", "standard_per_person", "5", "percent", "2027-01-01"}) == "RD000");
  BOOST_TEST(state({"dibao", "331022", "decision_deadline", "10", "calendar_days", "2027-01-01"}) == "RD000");
  // Values in their unit's form; prefixes and units from their lists.
  for (const test::SqlParams& bad :
       std::vector<test::SqlParams>{{"dibao", "331022", "standard_per_person", "1080.00", "fen", "2027-01-01"},
                                    {"dibao", "331022", "standard_per_person", "-1", "fen", "2027-01-01"},
                                    {"dibao", "331022", "decision_deadline", "0", "working_days", "2027-01-01"},
                                    {"dibao", "331022", "step_order", "Jinjiang", "code", "2027-01-01"},
                                    {"dibao", "33102", "decision_deadline", "10", "working_days", "2027-01-01"},
                                    {"dibao", "331022", "new_thing", "10", "weeks", "2027-01-01"},
                                    {"dibao", "331022", "New-Key", "10", "count", "2027-01-01"},
                                    {"dibao", "331022", "issuing_office", " 三门县民政局", "text", "2027-01-01"},
                                    {"dibao", "331022", "issuing_office", "三门县\n民政局", "text", "2027-01-01"},
                                    {"dibao", "331022", "issuing_office", "", "text", "2027-01-01"}}) {
    BOOST_TEST(state(bad) == "23514", bad[1] + " " + bad[2] + " " + bad[3] + " " + bad[4]);
  }
  // Text: one line, for an office's name (seeded for the demo places).
  BOOST_TEST(state({"dibao", "331022", "issuing_office", "三门县民政局（新）", "text", "2027-01-01"}) == "");
  BOOST_TEST(server.Scalar("SELECT value FROM doudi.parameter_value('dibao', '350582111201', 'issuing_office', "
                           "'2026-06-01')") == "晋江市民政局");
  // Who and when are the database's, whatever the writer says.
  su.Execute(
      "INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, created_by, "
      "created_at) VALUES ('dibao', '331022', 'decision_deadline', '12', 'working_days', '2027-01-01', 'someone', "
      "'2000-01-01')");
  BOOST_TEST(server.Scalar("SELECT (created_by = session_user AND created_at > '2020-01-01')::text FROM "
                           "doudi.program_parameter WHERE key = 'decision_deadline' AND effective_from = "
                           "'2027-01-01'") == "true");
}

BOOST_FIXTURE_TEST_CASE(a_center_admin_adds_within_its_scope_only, Parameters) {
  const std::string admin = server.CreateUser("admin", "center_admin", "331022");
  const Session as = server.AsUser(admin);
  auto row = [](const std::string& prefix, const std::string& from) -> test::SqlParams {
    return {"dibao", prefix, "standard_per_person", "112000", "fen", from};
  };
  BOOST_TEST(as.TryExecute(kInsert, row("331022", "2027-01-01")) == "");
  BOOST_TEST(as.TryExecute(kInsert, row("331022001", "2027-01-01")) == "");
  BOOST_TEST(as.TryExecute(kInsert, row("331022001201", "2027-01-01")) == "");
  for (const std::string outside : {"350582", "3310", "33", "331023", "350582111201"}) {
    const test::SqlOutcome o = as.Try(kInsert, row(outside, "2027-02-01"));
    BOOST_TEST(o.sqlState == kDenied, outside << ": " << o.message);
    BOOST_TEST(o.message.find("row-level security") != std::string::npos, o.message);
  }
  BOOST_TEST(server.Scalar("SELECT created_by FROM doudi.program_parameter WHERE region_prefix = '331022001'") ==
             admin);
  // A scope whose digits end in zeros: the wider prefix pads to the same
  // 12-digit code, and is still outside.
  const Session zeros = server.AsUser(server.CreateUser("admin0", "center_admin", "331000"));
  BOOST_TEST(zeros.TryExecute(kInsert, row("3310", "2027-01-01")) == kDenied);
  BOOST_TEST(zeros.TryExecute(kInsert, row("331000001", "2027-01-01")) == "");
  // The stamps are not the writer's to give.
  BOOST_TEST(as.TryExecute("INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, "
                           "effective_from, created_by) VALUES ('dibao', '331022', 'standard_per_person', '1', "
                           "'fen', '2028-01-01', 'someone')") == kDenied);
  // Through the data layer, the refusal arrives as PermissionDenied with its SQLSTATE.
  dal::pg::PgDatabase asAdmin(server.ConnectionString() + " user=" + admin +
                              " password=" + test::TestDatabase::kPassword);
  asAdmin.Parameters().Add(Row("331022", "temporary_cap", "700000", "fen", "2027-01-01", "temporary"));
  BOOST_TEST(asAdmin.Parameters().Effective("temporary", kVillage, "temporary_cap", Day(2027, 1, 1))->createdBy ==
             admin);
  try {
    asAdmin.Parameters().Add(Row("350582", "temporary_cap", "700000", "fen", "2027-01-01", "temporary"));
    BOOST_FAIL("an addition outside the scope was accepted");
  } catch (const dal::PermissionDenied& e) {
    BOOST_TEST(e.SqlState() == kDenied);
  }
}

BOOST_FIXTURE_TEST_CASE(only_center_admins_add_and_nobody_changes_or_deletes, Parameters) {
  struct Desk {
    std::string name, group, scope, department;
  };
  const std::vector<Desk> desks = {
      {"clerk", "village_clerk", kVillage, ""},     {"reviewer", "township_reviewer", "331022001", ""},
      {"city", "city_decider", "331022", ""},       {"liaison", "department_liaison", "331022", "medical_insurance"},
      {"finance", "finance_officer", "331022", ""}, {"auditor", "auditor", "331022", ""},
      {"admin", "center_admin", "331022", ""}};
  const std::int64_t rows = server.Count("SELECT count(*) FROM doudi.program_parameter");
  for (const auto& d : desks) {
    BOOST_TEST_CONTEXT(d.name) {
      const Session as = server.AsUser(server.CreateUser(d.name, d.group, d.scope, d.department));
      // Parameters are public rules: everyone reads every row and asks the function.
      BOOST_TEST(as.Count("SELECT count(*) FROM doudi.program_parameter") == rows);
      BOOST_TEST(as.Scalar("SELECT value FROM doudi.parameter_value('dibao', $1, 'standard_per_person', "
                           "DATE '2026-06-01')",
                           {kJinjiang}) == "98000");
      if (d.group != "center_admin") {
        const test::SqlOutcome o = as.Try(kInsert, {"dibao", d.scope, "standard_per_person", "1", "fen", "2027-01-01"});
        BOOST_TEST(o.sqlState == kDenied, o.message);
        BOOST_TEST(o.message.find("permission denied") != std::string::npos, o.message);
      }
      for (const std::string sql :
           {"UPDATE doudi.program_parameter SET value = value",
            "UPDATE doudi.program_parameter SET effective_from = '2030-01-01' WHERE region_prefix = '331022'",
            "DELETE FROM doudi.program_parameter", "DELETE FROM doudi.program_parameter WHERE region_prefix = '331022'",
            "TRUNCATE doudi.program_parameter"}) {
        const test::SqlOutcome o = as.Try(sql);
        BOOST_TEST(o.sqlState == kDenied, sql << ": " << o.message);
      }
    }
  }
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.program_parameter") == rows);
}

BOOST_AUTO_TEST_SUITE_END()
