// The screening rules (docs/screening.md) against a real database: every
// boundary just below, at and just above, the calendar year, total versus
// self-paid, status changes between screenings, idempotent re-runs, no
// duplicate alerts, raising a closed alert again, a withdrawn batch, and
// who sees what.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "db_fixture.h"
#include "doudi/dal/registry_repository.h"

namespace doudi::test {
namespace {

// One staged cross-check row, as the client's reader makes it.
struct Staged {
  std::string rowKey;
  std::string idNumber;
  std::string name;
  std::string regionCode;  // "" : none given
  std::string eventDate;
  std::string category;
  std::string amountFen;   // "" : NULL
  std::string coveredFen;
  std::string selfPaidFen;
  std::string detail = "{}";
};

Staged Settlement(const std::string& key, const std::string& id, const std::string& date, long long total,
                  long long selfPaid, const std::string& region = "") {
  return {key, id, "某人", region, date, "", std::to_string(total), std::to_string(total - selfPaid),
          std::to_string(selfPaid)};
}

struct Screening : MigratedDatabase {
  std::string household;  // 悬渚村, 低保, two members
  std::string head = MakeId("331022", "19700101", 101);
  std::string wife = MakeId("331022", "19720304", 102);
  const std::string village = "331022001201";
  int files = 0;

  Screening() {
    household = server.Scalar(
        "INSERT INTO doudi.household (region_code, address, registry_status) "
        "VALUES ('331022001201', '海游街道悬渚村3组8号', 'dibao') RETURNING id");
    server.Execute("INSERT INTO doudi.person (household_id, region_code, id_number, name, relation, position) VALUES (" +
                   household + ", '331022001201', '" + head + "', '王建国', 'head', 0), (" + household +
                   ", '331022001201', '" + wife + "', '李秀英', 'spouse', 1)");
  }

  static std::string Literal(const std::string& v) { return v.empty() ? "NULL" : "'" + v + "'"; }

  // Stages rows and imports them as one file of the kind; returns the batch
  // row's code (new, already_imported).
  std::string Import(const std::string& kind, const std::vector<Staged>& rows, const std::string& source = "medical_insurance",
                     const std::string& sha = "") {
    const std::string stage = server.Scalar("SELECT gen_random_uuid()");
    int line = 1;
    for (const auto& r : rows) {
      server.Execute("INSERT INTO doudi.crosscheck_stage (batch, line, row_key, id_number, name, region_code, "
                     "event_date, category, amount_fen, covered_fen, self_paid_fen, detail) VALUES ('" +
                     stage + "', " + std::to_string(++line) + ", '" + r.rowKey + "', '" + r.idNumber + "', '" +
                     r.name + "', " + Literal(r.regionCode) + ", '" + r.eventDate + "', '" + r.category + "', " +
                     Literal(r.amountFen) + ", " + Literal(r.coveredFen) + ", " + Literal(r.selfPaidFen) + ", '" +
                     r.detail + "')");
    }
    const std::string digest = sha.empty() ? server.Scalar("SELECT encode(sha256('" + std::to_string(++files) +
                                                            kind + "'::bytea), 'hex')")
                                           : sha;
    return server.Scalar("SELECT code FROM doudi.crosscheck_import_apply('" + stage + "', '" + kind + "', '" + source +
                         "', '2026-11-30', '核对授权书2026-001', '" + digest + "', " + std::to_string(rows.size()) +
                         ", 0, false) WHERE kind = 'batch'");
  }

  // Runs every rule (or one) as the superuser; returns "raised/updated/unchanged/reraised" of the rule.
  std::string Screen(const std::string& rule) {
    return server.Scalar("SELECT raised || '/' || updated || '/' || unchanged || '/' || reraised "
                         "FROM doudi.screen(ARRAY['" + rule + "']) WHERE rule = '" + rule + "'");
  }

  std::int64_t Alerts(const std::string& rule) {
    return server.Count("SELECT count(*) FROM doudi.alert WHERE rule = '" + rule + "'");
  }
  std::string AlertField(const std::string& rule, const std::string& column) {
    return server.Scalar("SELECT " + column + " FROM doudi.alert WHERE rule = '" + rule + "' ORDER BY id LIMIT 1");
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(screening)

BOOST_FIXTURE_TEST_CASE(medical_registered_is_strictly_more_than_the_total_in_one_calendar_year, Screening) {
  // 20,000.00 yuan in 2026 (two settlements) and 5,000 in 2025: nothing.
  Import("medical", {Settlement("S1", wife, "2026-02-03", 1500000, 300000),
                     Settlement("S2", wife, "2026-07-09", 500000, 100000),
                     Settlement("S0", wife, "2025-12-31", 500000, 100000)});
  BOOST_TEST(Screen("medical_registered") == "0/0/0/0");
  // S2 re-sent with one fen more: replaces, never doubles; now 20,000.01.
  Import("medical", {Settlement("S2", wife, "2026-07-09", 500001, 100000)});
  BOOST_TEST(Alerts("medical_registered") == 1);  // the import screened the persons it named
  BOOST_TEST(AlertField("medical_registered", "figure_fen") == "2000001");
  BOOST_TEST(AlertField("medical_registered", "period") == "2026");
  BOOST_TEST(AlertField("medical_registered", "household_id") == household);
  BOOST_TEST(AlertField("medical_registered", "cardinality(sources)") == "2");
  BOOST_TEST(AlertField("medical_registered", "figures->>'limit_fen'") == "2000000");
  // Again: nothing new, nothing changed.
  BOOST_TEST(Screen("medical_registered") == "0/0/1/0");
  BOOST_TEST(Alerts("medical_registered") == 1);
  // The 2025 visit belongs to 2025, which stays below.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.alert WHERE period = '2025'") == 0);
}

BOOST_FIXTURE_TEST_CASE(the_registered_rule_sums_the_total_and_the_other_the_self_paid, Screening) {
  const std::string stranger = MakeId("331022", "19800505", 301);
  // An unregistered villager: 46,000 total, 40,000.00 self-paid: nothing;
  // the registered wife with 19,000 total but 19,000 self-paid: nothing.
  Import("medical", {Settlement("U1", stranger, "2026-03-01", 4600000, 4000000, village),
                     Settlement("W1", wife, "2026-03-01", 1900000, 1900000)});
  BOOST_TEST(Alerts("medical_unregistered") == 0);
  BOOST_TEST(Alerts("medical_registered") == 0);
  Import("medical", {Settlement("U2", stranger, "2026-04-01", 1, 1, village)});
  BOOST_TEST(Alerts("medical_unregistered") == 1);
  BOOST_TEST(AlertField("medical_unregistered", "figure_fen") == "4000001");
  BOOST_TEST(AlertField("medical_unregistered", "region_code") == village);
  BOOST_TEST(AlertField("medical_unregistered", "household_id IS NULL") == "t");
  // Known from cross-check from now on, with the least data needed.
  BOOST_TEST(server.Scalar("SELECT region_code FROM doudi.crosscheck_person WHERE id_number = '" + stranger + "'") ==
             village);
}

BOOST_FIXTURE_TEST_CASE(the_status_when_screened_decides_which_medical_rule_applies, Screening) {
  Import("medical", {Settlement("S1", head, "2026-05-05", 4100000, 4100000)});
  BOOST_TEST(Alerts("medical_registered") == 1);
  BOOST_TEST(Alerts("medical_unregistered") == 0);
  // The household leaves 低保: the next screening sees the other rule's
  // person (self-paid above 40,000); the first alert stays for its handler.
  server.Execute("UPDATE doudi.household SET registry_status = 'none' WHERE id = " + household);
  BOOST_TEST(Screen("medical_unregistered") == "1/0/0/0");
  BOOST_TEST(Screen("medical_registered") == "0/0/0/0");
  BOOST_TEST(Alerts("medical_registered") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_closed_alert_is_raised_again_only_past_the_step, Screening) {
  Import("medical", {Settlement("S1", wife, "2026-01-10", 2100000, 100000)});
  const std::string alert = AlertField("medical_registered", "id");
  const std::string version = AlertField("medical_registered", "version");
  server.Execute("SELECT doudi.alert_close(" + alert + ", " + version + ", 'false_alarm', '住院费用已由商业保险报销', NULL)");
  // 5,000.00 more (the step): stays closed.
  Import("medical", {Settlement("S2", wife, "2026-02-10", 500000, 100000)});
  BOOST_TEST(AlertField("medical_registered", "state") == "closed");
  BOOST_TEST(AlertField("medical_registered", "figure_fen") == "2100000");
  // One fen more than the step: raised again, the same alert.
  Import("medical", {Settlement("S3", wife, "2026-03-10", 1, 0)});
  BOOST_TEST(AlertField("medical_registered", "state") == "new");
  BOOST_TEST(AlertField("medical_registered", "raised_count") == "2");
  BOOST_TEST(AlertField("medical_registered", "figure_fen") == "2600001");
  BOOST_TEST(Alerts("medical_registered") == 1);
}

BOOST_FIXTURE_TEST_CASE(the_same_file_twice_changes_nothing_and_a_withdrawn_batch_closes_its_alert, Screening) {
  const std::string sha = std::string(64, 'a');
  BOOST_TEST(Import("medical", {Settlement("S1", wife, "2026-01-10", 2100000, 100000)}, "medical_insurance", sha) == "new");
  const auto rows = server.Count("SELECT count(*) FROM doudi.crosscheck_row");
  BOOST_TEST(Import("medical", {Settlement("S1", wife, "2026-01-10", 2100000, 100000)}, "medical_insurance", sha) ==
             "already_imported");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_row") == rows);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_batch") == 1);
  const std::string batch = server.Scalar("SELECT id FROM doudi.crosscheck_batch");
  server.Execute("SELECT doudi.crosscheck_withdraw(" + batch + ", '导错了月份')");
  BOOST_TEST(AlertField("medical_registered", "state") == "closed");
  BOOST_TEST(AlertField("medical_registered", "outcome") == "false_alarm");
  // The rows stay (append-only) but are no longer in force.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_row") == rows);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.crosscheck_current") == 0);
  BOOST_TEST(server.AsSuperuser().TryExecute("DELETE FROM doudi.crosscheck_row") != "");
}

BOOST_FIXTURE_TEST_CASE(assets_over_limit_counts_vehicles_businesses_and_deposits_per_member, Screening) {
  server.Execute("SELECT doudi.case_open(" + household + ", 'dibao', gen_random_uuid())");
  // Two members: deposits up to 2 × 25,920.00 yuan are within the limit.
  Import("deposit", {{"农商银行|1", head, "王建国", "", "2026-11-01", "deposit", "5184000", "", ""}}, "县人民银行");
  Import("vehicle", {{"浙J12345", wife, "李秀英", "", "2020-01-01", "motorcycle", "", "", ""}}, "县公安局");
  BOOST_TEST(Alerts("assets_over_limit") == 0);
  Import("deposit", {{"农商银行|1", head, "王建国", "", "2026-11-02", "deposit", "5184001", "", ""}}, "县人民银行");
  BOOST_TEST(Alerts("assets_over_limit") == 1);
  BOOST_TEST(AlertField("assets_over_limit", "figures->>'deposit_limit_fen'") == "5184000");
  BOOST_TEST(AlertField("assets_over_limit", "figures->>'vehicles'") == "0");
  Import("vehicle", {{"浙J88888", wife, "李秀英", "", "2026-06-01", "car", "", "", ""}}, "县公安局");
  BOOST_TEST(AlertField("assets_over_limit", "figures->>'vehicles'") == "1");
  BOOST_TEST(Alerts("assets_over_limit") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_death_in_a_household_in_payment_shows_the_months_paid_after_it, Screening) {
  const std::string theCase = server.Scalar("SELECT doudi.case_open(" + household + ", 'dibao', gen_random_uuid())");
  server.Execute("UPDATE doudi.assistance_case SET state = 'in_payment' WHERE id = " + theCase);
  for (const std::string month : {"2026-08-01", "2026-09-01", "2026-10-01"}) {
    server.Execute("INSERT INTO doudi.payment_line (case_id, household_id, region_code, program, month, kind, "
                   "amount_fen) VALUES (" + theCase + ", " + household + ", '331022001201', 'dibao', '" + month +
                   "', 'monthly', 116000)");
  }
  Import("hukou", {{wife + "|death|2026-08-20", wife, "李秀英", "", "2026-08-20", "death", "", "", "",
                    R"({"hukou_household": "330001"})"}},
         "县公安局");
  BOOST_TEST(Alerts("recipient_died") == 1);
  BOOST_TEST(AlertField("recipient_died", "figure_fen") == "232000");
  BOOST_TEST(AlertField("recipient_died", "figures->>'months_paid_after'") == "2");
  BOOST_TEST(Alerts("hukou_not_reflected") == 1);  // she is still a member in the registry
}

BOOST_FIXTURE_TEST_CASE(alerts_and_cross_check_rows_are_seen_by_their_handlers_in_scope_only, Screening) {
  Import("medical", {Settlement("S1", wife, "2026-01-10", 2100000, 100000)});
  const auto reviewer = server.CreateUser("xz_reviewer", "township_reviewer", "331022001");
  const auto other = server.CreateUser("other_reviewer", "township_reviewer", "331022002");
  const auto clerk = server.CreateUser("xz_clerk", "village_clerk", "331022001201");
  const auto liaison = server.CreateUser("liaison", "department_liaison", "331022", "medical_insurance");
  BOOST_TEST(server.AsUser(reviewer).Count("SELECT count(*) FROM doudi.alert_overview") == 1);
  BOOST_TEST(server.AsUser(reviewer).Count("SELECT count(*) FROM doudi.crosscheck_row") == 1);
  for (const auto& role : {other, clerk, liaison}) {
    const auto as = server.AsUser(role);
    BOOST_TEST(as.Count("SELECT count(*) FROM doudi.alert_overview") == 0, role);
    BOOST_TEST(as.Count("SELECT count(*) FROM doudi.crosscheck_row") == 0, role);
    BOOST_TEST(as.Count("SELECT count(*) FROM doudi.crosscheck_person") == 0, role);
  }
  // The full ID number is never readable by desk roles.
  BOOST_TEST(server.AsUser(reviewer).Try("SELECT id_number FROM doudi.alert").sqlState == "42501");
  BOOST_TEST(server.AsUser(reviewer).Try("SELECT id_number FROM doudi.crosscheck_row").sqlState == "42501");
  // Acting on an alert outside one's scope is refused like a missing one.
  const std::string alert = AlertField("medical_registered", "id");
  BOOST_TEST(server.AsUser(other).Try("SELECT doudi.alert_verify(" + alert + ", 1, 'online', '已电话核实', "
                                      "gen_random_uuid())").sqlState == "42501");
  BOOST_TEST(server.AsUser(other).Try("SELECT doudi.alert_verify(999999, 1, 'online', '已电话核实', "
                                      "gen_random_uuid())").sqlState == "42501");
  // The reviewer in scope verifies it and closes it with the case opened.
  const auto as = server.AsUser(reviewer);
  BOOST_TEST(as.Scalar("SELECT doudi.alert_verify(" + alert + ", 1, 'home_visit', '入户核实：住院两次', "
                       "gen_random_uuid())") == "2");
  const std::string theCase = as.Scalar("SELECT doudi.case_open(" + household + ", 'medical', gen_random_uuid())");
  BOOST_TEST(as.Scalar("SELECT doudi.alert_close(" + alert + ", 2, 'case_opened', NULL, " + theCase + ")") == "3");
  BOOST_TEST(AlertField("medical_registered", "outcome_case_id") == theCase);
  BOOST_TEST(as.Try("SELECT doudi.alert_close(" + alert + ", 3, 'no_action', '', NULL)").sqlState == "RD000");
}

BOOST_FIXTURE_TEST_CASE(a_household_has_one_open_case_per_program, Screening) {
  server.Execute("SELECT doudi.case_open(" + household + ", 'dibao', gen_random_uuid())");
  const auto second = server.AsSuperuser().Try("SELECT doudi.case_open(" + household + ", 'dibao', gen_random_uuid())");
  BOOST_TEST(second.sqlState == "RD000");
  BOOST_TEST(second.message.find("doudi:case.already_open") != std::string::npos, second.message);
  // Another program is another case.
  BOOST_TEST(server.AsSuperuser().Try("SELECT doudi.case_open(" + household + ", 'medical', gen_random_uuid())").Ok());
}

BOOST_FIXTURE_TEST_CASE(the_unique_index_takes_the_terminal_states_of_the_rule_table, Screening) {
  const auto predicate = server.Scalar(
      "SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index AS i "
      "WHERE i.indexrelid = 'doudi.assistance_case_open_key'::regclass");
  for (const auto& state : server.Rows("SELECT state FROM doudi.case_state_rule WHERE terminal")) {
    BOOST_TEST(predicate.find("'" + state + "'") != std::string::npos, state);
  }
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_state_rule WHERE terminal") == 2);
}


BOOST_FIXTURE_TEST_CASE(expense_hardship_needs_low_income_and_spending_above_the_share, Screening) {
  // Not on 低保 any more; 1,500.00 yuan a month: 18,000 a year for two, 9,000
  // per person, below 36,000. Half of 18,000 is 9,000.00 of essential spending.
  server.Execute("UPDATE doudi.household SET registry_status = 'none' WHERE id = " + household);
  server.Execute("INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, monthly_fen) "
                 "SELECT " + household + ", '331022001201', id, 'wage', 150000 FROM doudi.person "
                 "WHERE id_number = '" + head + "'");
  const std::string lastMonth = server.Scalar("SELECT (current_date - 30)::text");
  Import("medical", {Settlement("M1", wife, lastMonth, 1000000, 600000)});
  Import("schooling", {{"R1", head, "王建国", "", lastMonth, "higher", "300000", "", ""}}, "县教育局");
  BOOST_TEST(Alerts("expense_hardship") == 0);  // 6,000 + 3,000 = 9,000.00: not more than half
  Import("schooling", {{"R2", head, "王建国", "", lastMonth, "higher", "1", "", ""}}, "县教育局");
  BOOST_TEST(Alerts("expense_hardship") == 1);
  BOOST_TEST(AlertField("expense_hardship", "figure_fen") == "900001");
  BOOST_TEST(AlertField("expense_hardship", "figures->>'income_fen'") == "1800000");
  // Back on 低保: the rule no longer applies (the alert stays for its handler).
  server.Execute("UPDATE doudi.household SET registry_status = 'dibao' WHERE id = " + household);
  BOOST_TEST(Screen("expense_hardship") == "0/0/0/0");
}

BOOST_FIXTURE_TEST_CASE(a_case_past_its_deadline_is_overdue_once_per_missed_date, Screening) {
  const std::string theCase = server.Scalar("SELECT doudi.case_open(" + household + ", 'dibao', gen_random_uuid())");
  server.Execute("UPDATE doudi.assistance_case SET step_due = current_date WHERE id = " + theCase);
  BOOST_TEST(Screen("case_overdue") == "0/0/0/0");  // due today is not overdue
  server.Execute("UPDATE doudi.assistance_case SET step_due = current_date - 1 WHERE id = " + theCase);
  BOOST_TEST(Screen("case_overdue") == "1/0/0/0");
  BOOST_TEST(Screen("case_overdue") == "0/0/1/0");
  BOOST_TEST(AlertField("case_overdue", "case_id") == theCase);
}

BOOST_FIXTURE_TEST_CASE(a_recipient_of_a_hundred_is_visited_within_the_months, Screening) {
  const std::string elder = MakeId("331022", "19260101", 501);
  server.Execute("INSERT INTO doudi.person (household_id, region_code, id_number, name, relation, position) VALUES (" +
                 household + ", '331022001201', '" + elder + "', '王老太', 'parent', 2)");
  const std::string theCase = server.Scalar("SELECT doudi.case_open(" + household + ", 'dibao', gen_random_uuid())");
  server.Execute("UPDATE doudi.assistance_case SET state = 'in_payment' WHERE id = " + theCase);
  BOOST_TEST(Screen("centenarian_unvisited") == "1/0/0/0");  // 100 this year, never visited
  server.Execute("INSERT INTO doudi.case_survey (case_id, region_code, surveyors, surveyed_on, findings, request_id) "
                 "VALUES (" + theCase + ", '331022001201', ARRAY['甲','乙'], current_date - 10, '入户见到本人', "
                 "gen_random_uuid())");
  server.Execute("DELETE FROM doudi.alert");
  BOOST_TEST(Screen("centenarian_unvisited") == "0/0/0/0");
}

BOOST_FIXTURE_TEST_CASE(members_in_two_hukou_households_differ_from_the_registry, Screening) {
  const std::string theCase = server.Scalar("SELECT doudi.case_open(" + household + ", 'dibao', gen_random_uuid())");
  server.Execute("UPDATE doudi.assistance_case SET state = 'in_payment' WHERE id = " + theCase);
  Import("hukou", {{head + "|record|2026-01-01", head, "王建国", "", "2026-01-01", "record", "", "", "",
                    R"({"hukou_household": "330001"})"},
                   {wife + "|record|2026-01-01", wife, "李秀英", "", "2026-01-01", "record", "", "", "",
                    R"({"hukou_household": "330001"})"}},
         "县公安局");
  BOOST_TEST(Alerts("hukou_household_differs") == 0);
  Import("hukou", {{wife + "|move_in|2026-06-01", wife, "李秀英", "", "2026-06-01", "move_in", "", "", "",
                    R"({"hukou_household": "330077"})"}},
         "县公安局");
  BOOST_TEST(Alerts("hukou_household_differs") == 1);
  BOOST_TEST(AlertField("hukou_household_differs", "figures->'hukou_households'") == R"(["330001", "330077"])");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace doudi::test
