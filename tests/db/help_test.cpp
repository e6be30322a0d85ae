// Help delivered and the charity funds (docs/joint-loop-help.md), as the
// desks call the functions: raw SQL as each group, and through the data
// layer for the reads. A fund's balance cannot go below zero, a fund serves
// its own region and is topped up in its administrator's scope, a resend
// records nothing new, a liaison records nothing, and the 四帮四扶 summary
// counts help records and the household's programs under their terms.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "case_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/model/help.h"

using namespace doudi;
using test::kDenied;
using test::kNotAllowed;
using test::Session;
using test::SqlOutcome;

namespace {

struct Help : test::DemoRegistry {
  std::string clerk = server.CreateUser("clerk", "village_clerk", "331022001201");
  // A household of the reviewer's township other than SM-0001 (悬渚村, the clerk's).
  std::string neighbour = server.Scalar(
      "SELECT source_ref FROM doudi.household WHERE region_code LIKE '331022001%' AND source_ref <> 'SM-0001' "
      "ORDER BY id LIMIT 1");
  std::string reviewer = server.CreateUser("reviewer", "township_reviewer", "331022001");
  std::string city = server.CreateUser("city", "city_decider", "331022");
  std::string admin = server.CreateUser("admin", "center_admin", "331022");
  std::string jjAdmin = server.CreateUser("jj_admin", "center_admin", "350582");
  std::string liaison = server.CreateUser("liaison", "department_liaison", "331022", "medical_insurance");

  Help() {
    server.Execute(
        "SELECT doudi.fund_add('sm_help', '三门县慈善总会助困基金', '三门县慈善总会', '331022', 'money', 100000)");
    server.Execute(
        "SELECT doudi.fund_add('jj_help', '晋江市慈善总会助困基金', '晋江市慈善总会', '350582', 'money', 100000)");
  }

  // Help for household ref as `as`, given today; "" or the SQLSTATE in o.
  SqlOutcome AddHelp(const Session& as, const std::string& ref, const std::string& kind, const std::string& giverKind,
                     const std::string& giver, const std::string& fund, const std::string& amount,
                     const std::string& terms = "{}", const std::string& request = dal::NewRequestId()) const {
    return as.Try(
        "SELECT doudi.help_record_add($1::uuid, $2::bigint, NULL, $3, $4, $5, NULL, NULLIF($6, ''), current_date, "
        "NULLIF($7, '')::bigint, '帮扶内容', '张经办', $8::text[], NULL)",
        {request, Household(ref), kind, giverKind, giver, fund, amount, terms});
  }
  std::int64_t Left(const std::string& fund) const {
    return server.Count("SELECT doudi.charity_fund_left('" + fund + "')");
  }
};

bool HasCode(const SqlOutcome& o, const std::string& code) {
  return o.message.rfind("doudi:" + code, 0) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(help)

BOOST_FIXTURE_TEST_CASE(a_fund_grant_draws_on_the_fund_which_never_goes_below_zero, Help) {
  const Session c = server.AsUser(reviewer), a = server.AsUser(admin);
  BOOST_TEST(Left("sm_help") == 100000);
  const SqlOutcome first = AddHelp(c, "SM-0001", "cash", "fund", "", "sm_help", "60000");
  BOOST_TEST_REQUIRE(first.Ok(), first.message);
  BOOST_TEST(Left("sm_help") == 40000);
  // The giver is the fund's name when none is given.
  BOOST_TEST(server.Scalar("SELECT giver FROM doudi.help_record WHERE fund_code = 'sm_help'") ==
             "三门县慈善总会助困基金");
  const SqlOutcome over = AddHelp(c, neighbour, "cash", "fund", "", "sm_help", "40001");
  BOOST_TEST(over.sqlState == kNotAllowed);
  BOOST_TEST(HasCode(over, "fund.not_enough"), over.message);
  BOOST_TEST(over.detail.find("\"left_fen\" : 40000") != std::string::npos, over.detail);
  // Exactly what is left is granted; then nothing is.
  BOOST_TEST(AddHelp(c, neighbour, "cash", "fund", "", "sm_help", "40000").Ok());
  BOOST_TEST(Left("sm_help") == 0);
  BOOST_TEST(HasCode(AddHelp(c, neighbour, "cash", "fund", "", "sm_help", "1"), "fund.not_enough"));
  // A fund grant needs its amount.
  BOOST_TEST(HasCode(AddHelp(c, neighbour, "in_kind", "fund", "", "sm_help", ""), "help.fund_amount_required"));
  // A top-up by the county's administrator makes room again; the same
  // top-up sent again adds nothing.
  const std::string request = dal::NewRequestId();
  const std::string topUp = "SELECT doudi.fund_top_up($1::uuid, 'sm_help', 50000, '爱心企业捐赠', current_date)";
  const std::string id = a.Scalar(topUp, {request});
  BOOST_TEST(a.Scalar(topUp, {request}) == id);
  BOOST_TEST(Left("sm_help") == 50000);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.charity_fund_topup") == 1);
  // A correction frees what the corrected grant took from the same fund.
  const std::string firstId = server.Scalar("SELECT min(id) FROM doudi.help_record WHERE fund_code = 'sm_help'");
  const std::string correct =
      "SELECT doudi.help_record_correct(gen_random_uuid(), $1::bigint, 'cash', 'fund', '', NULL, 'sm_help', "
      "current_date, $2::bigint, '更正金额', '张经办', '{}')";
  BOOST_TEST(c.TryExecute(correct, {firstId, "110000"}) == "");  // 50000 left + 60000 freed
  BOOST_TEST(Left("sm_help") == 0);
  const SqlOutcome twice = c.Try(correct, {firstId, "1"});
  BOOST_TEST(HasCode(twice, "help.already_corrected"), twice.message);
}

BOOST_FIXTURE_TEST_CASE(a_fund_serves_its_own_region_and_is_topped_up_in_its_administrators_scope, Help) {
  const Session c = server.AsUser(clerk), a = server.AsUser(admin), jj = server.AsUser(jjAdmin);
  // Jinjiang's fund for a Sanmen household.
  const SqlOutcome other = AddHelp(c, "SM-0001", "cash", "fund", "", "jj_help", "100");
  BOOST_TEST(other.sqlState == kNotAllowed);
  BOOST_TEST(HasCode(other, "fund.other_region"), other.message);
  BOOST_TEST(Left("jj_help") == 100000);
  // Sanmen's administrator tops up Jinjiang's fund: refused; Jinjiang's may.
  const std::string topUp = "SELECT doudi.fund_top_up(gen_random_uuid(), 'jj_help', 100, '捐赠', current_date)";
  const SqlOutcome outside = a.Try(topUp);
  BOOST_TEST(HasCode(outside, "fund.out_of_scope"), outside.message);
  BOOST_TEST(jj.TryExecute(topUp) == "");
  // A fund for an area outside the administrator's scope is not added.
  const SqlOutcome add = a.Try("SELECT doudi.fund_add('jj_more', '另一个基金', '某企业', '350582', 'money', 100)");
  BOOST_TEST(HasCode(add, "fund.out_of_scope"), add.message);
  // The same fund sent again is done; another fund under its code is not.
  BOOST_TEST(a.TryExecute("SELECT doudi.fund_add('sm_more', '新基金', '某企业', '331022', 'money', 100)") == "");
  BOOST_TEST(a.TryExecute("SELECT doudi.fund_add('sm_more', '新基金', '某企业', '331022', 'money', 100)") == "");
  BOOST_TEST(HasCode(a.Try("SELECT doudi.fund_add('sm_more', '新基金', '某企业', '331022', 'money', 200)"),
                     "fund.code_taken"));
  BOOST_TEST(
      HasCode(a.Try("SELECT doudi.fund_add('sm_bad', '新基金', '某企业', '33102', 'money', 200)"), "fund.bad_region"));
  // Only center administrators top up; a clerk may not.
  BOOST_TEST(c.TryExecute("SELECT doudi.fund_top_up(gen_random_uuid(), 'sm_help', 100, '捐赠', current_date)") ==
             kDenied);
}

BOOST_FIXTURE_TEST_CASE(a_resend_records_nothing_new_and_a_reused_request_is_refused, Help) {
  const Session c = server.AsUser(reviewer);
  const std::string request = dal::NewRequestId();
  const SqlOutcome first = AddHelp(c, "SM-0001", "job", "enterprise", "某某制衣厂", "", "", "{help_job}", request);
  BOOST_TEST_REQUIRE(first.Ok(), first.message);
  const std::string id = c.Scalar("SELECT id FROM doudi.help_record WHERE request_id = $1::uuid", {request});
  const SqlOutcome again = AddHelp(c, "SM-0001", "job", "enterprise", "某某制衣厂", "", "", "{help_job}", request);
  BOOST_TEST(again.Ok(), again.message);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.help_record") == 1);
  BOOST_TEST(c.Scalar("SELECT doudi.help_record_add($1::uuid, $2::bigint, NULL, 'job', 'enterprise', '某某制衣厂', "
                      "NULL, NULL, current_date, NULL, '帮扶内容', '', '{}', NULL)",
                      {request, Household("SM-0001")}) == id);
  // The same request for another household.
  const SqlOutcome reused = AddHelp(c, neighbour, "job", "enterprise", "某某制衣厂", "", "", "{}", request);
  BOOST_TEST(HasCode(reused, "help.request_reused"), reused.message);
  // An enterprise's help names the enterprise; a future date and an unknown
  // term are refused, each with its code.
  BOOST_TEST(HasCode(AddHelp(c, "SM-0001", "job", "enterprise", " ", "", "100"), "help.giver_required"));
  BOOST_TEST(HasCode(AddHelp(c, "SM-0001", "job", "enterprise", "厂", "", "100", "{help_luck}"), "help.bad_term"));
  BOOST_TEST(HasCode(AddHelp(c, "SM-0001", "job", "enterprise", "厂", "", "100000001"), "help.bad_amount"));
  BOOST_TEST(HasCode(c.Try("SELECT doudi.help_record_add(gen_random_uuid(), $1::bigint, NULL, 'job', 'other', '厂', "
                           "NULL, NULL, current_date + 1, 100, '', '', '{}', NULL)",
                           {Household("SM-0001")}),
                     "help.bad_date"));
}

BOOST_FIXTURE_TEST_CASE(a_liaison_records_no_help_and_a_clerk_only_in_scope, Help) {
  const Session l = server.AsUser(liaison), c = server.AsUser(clerk);
  const SqlOutcome byLiaison = AddHelp(l, "SM-0001", "medical_aid", "enterprise", "某医院", "", "100");
  BOOST_TEST(byLiaison.sqlState == kDenied, byLiaison.message);
  BOOST_TEST(l.TryExecute("INSERT INTO doudi.help_record (request_id, household_id, region_code, kind, giver_kind, "
                          "giver, given_on, amount_fen) SELECT gen_random_uuid(), id, region_code, 'cash', 'other', "
                          "'x', current_date, 1 FROM doudi.household LIMIT 1") == kDenied);
  // A household outside the clerk's village is one that does not exist.
  const std::string outside = server.Scalar(
      "SELECT source_ref FROM doudi.household WHERE region_code <> '331022001201' "
      "AND region_code LIKE '331022%' ORDER BY id LIMIT 1");
  const SqlOutcome far = AddHelp(c, outside, "cash", "other", "邻村", "", "100");
  BOOST_TEST(HasCode(far, "help.household_not_found"), far.message);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.help_record") == 0);
  // The center records a department's help on its behalf.
  const Session a = server.AsUser(admin);
  BOOST_TEST(a.TryExecute("SELECT doudi.help_record_add(gen_random_uuid(), $1::bigint, NULL, 'medical_aid', "
                          "'department', '', 'medical_insurance', NULL, current_date, 30000, '大病补充报销', '李科长', "
                          "'{}', NULL)",
                          {Household("SM-0001")}) == "");
  BOOST_TEST(server.Scalar("SELECT giver || ':' || on_behalf FROM doudi.help_record") == "医疗保障局:true");
  BOOST_TEST(HasCode(a.Try("SELECT doudi.help_record_add(gen_random_uuid(), $1::bigint, NULL, 'cash', 'department', "
                           "'', 'no_such', NULL, current_date, 100, '', '', '{}', NULL)",
                           {Household("SM-0001")}),
                     "help.department_not_found"));
}

BOOST_FIXTURE_TEST_CASE(the_summary_counts_help_records_and_the_households_programs_under_their_terms, Help) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  // A medical assistance case with a decided one-off amount: 帮就医.
  const std::string medical = Open(c, "SM-0001", "medical");
  BOOST_TEST_REQUIRE(ActBare(r, medical, "accept") == "");
  BOOST_TEST_REQUIRE(r.TryExecute("SELECT doudi.case_record_survey($1, '{王调查,李调查}', current_date, '因病支出大', "
                                  "'户主', gen_random_uuid())",
                                  {medical}) == "");
  BOOST_TEST_REQUIRE(ActBare(r, medical, "survey") == "");
  BOOST_TEST_REQUIRE(r.TryExecute(test::EvidenceWithFile("SELECT doudi.case_add_evidence($1, 'verification_report', "
                                                   "'核对报告', '', gen_random_uuid())"),
                                  {medical}) == "");
  BOOST_TEST_REQUIRE(ActBare(r, medical, "verify") == "");
  BOOST_TEST_REQUIRE(d.TryExecute("SELECT doudi.case_propose_amount($1, 0, 500000, '{手工填写}', NULL, "
                                  "gen_random_uuid())",
                                  {medical}) == "");
  BOOST_TEST_REQUIRE(ActBare(r, medical, "review", "同意") == "");
  BOOST_TEST_REQUIRE(ActBare(r, medical, "publish") == "");
  server.Execute("UPDATE doudi.assistance_case SET notice_end = current_date WHERE id = " + medical);
  BOOST_TEST_REQUIRE(ActBare(r, medical, "close_notice") == "");
  BOOST_TEST_REQUIRE(ActBare(d, medical, "approve") == "");
  // A case still open (no amount decided) counts for nothing yet.
  Open(c, "SM-0001", "employment");
  // Help records: a job (its kind's term), school aid named under two terms,
  // care (扶老幼 by its kind), service without terms (counts under none), and
  // a record corrected into another kind: only the correction counts.
  BOOST_TEST_REQUIRE(AddHelp(c, "SM-0001", "job", "enterprise", "某某制衣厂", "", "").Ok());
  BOOST_TEST_REQUIRE(
      AddHelp(c, "SM-0001", "school_aid", "social_worker", "王社工", "", "80000", "{help_school,support_old_young}")
          .Ok());
  BOOST_TEST_REQUIRE(AddHelp(c, "SM-0001", "care", "other", "村老年协会", "", "").Ok());
  BOOST_TEST_REQUIRE(AddHelp(c, "SM-0001", "service", "other", "志愿者", "", "").Ok());
  BOOST_TEST_REQUIRE(AddHelp(c, "SM-0001", "cash", "other", "乡贤", "", "20000").Ok());
  const std::string cash = server.Scalar("SELECT id FROM doudi.help_record WHERE kind = 'cash'");
  BOOST_TEST_REQUIRE(c.TryExecute("SELECT doudi.help_record_correct(gen_random_uuid(), $1::bigint, 'housing', "
                                  "'other', '乡贤', NULL, NULL, current_date, 20000, '修缮房屋', '', '{}')",
                                  {cash}) == "");
  // Through the data layer, as the clerk.
  dal::pg::PgDatabase asClerk(server.ConnectionStringFor(clerk));
  const auto summary = asClerk.Help().Summary(std::stoll(Household("SM-0001")));
  BOOST_TEST_REQUIRE(summary.size() == 8u);
  std::map<std::string, std::pair<int, int>> counts;
  for (std::size_t i = 0; i < summary.size(); ++i) {
    BOOST_TEST(summary[i].term == model::ToCode(model::EnumTexts<model::SupportTerm>()[i].value));
    BOOST_TEST(summary[i].chinese == model::EnumTexts<model::SupportTerm>()[i].chinese);
    counts[summary[i].term] = {summary[i].helps, summary[i].programs};
  }
  const std::map<std::string, std::pair<int, int>> expected{{"help_job", {1, 0}},         {"help_medical", {0, 1}},
                                                            {"help_school", {1, 0}},      {"help_housing", {1, 0}},
                                                            {"support_poverty", {0, 0}},  {"support_old_young", {2, 0}},
                                                            {"support_disabled", {0, 0}}, {"support_morale", {0, 0}}};
  BOOST_TEST((counts == expected));
  // Another household has none.
  dal::pg::PgDatabase asReviewer(server.ConnectionStringFor(reviewer));
  const auto none = asReviewer.Help().Summary(std::stoll(Household(neighbour)));
  BOOST_TEST(none.size() == 8u);
  for (const auto& t : none) BOOST_TEST(t.Total() == 0);
  // The list shows the corrected record with its correction.
  const auto records = asClerk.Help().ForHousehold(std::stoll(Household("SM-0001")));
  BOOST_TEST(records.size() == 6u);
  int corrected = 0;
  for (const auto& h : records) corrected += h.correctedById.has_value() ? 1 : 0;
  BOOST_TEST(corrected == 1);
}

// A household that was helped and referred may still move village: its
// append-only help records and referral sends follow the household's region
// (the foreign keys' ON UPDATE CASCADE), and nothing else of them may change.
BOOST_FIXTURE_TEST_CASE(a_helped_household_moves_village_with_its_records, Help) {
  const Session c = server.AsUser(reviewer);
  BOOST_TEST_REQUIRE(AddHelp(c, "SM-0001", "in_kind", "enterprise", "三门县海润食品有限公司", "", "").Ok());
  const std::string household = Household("SM-0001");
  c.Execute("SELECT doudi.referral_send($1::uuid, $2::bigint, NULL, NULL, '', "
            "'[{\"department\": \"medical_insurance\", \"kind\": \"medical_aid\", \"request\": \"医疗救助\", "
            "\"documents\": []}]'::jsonb)",
            {dal::NewRequestId(), household});
  BOOST_TEST_REQUIRE(server.Count("SELECT count(*) FROM doudi.referral_send WHERE household_id = " + household) == 1);
  server.Execute("UPDATE doudi.household SET region_code = '331022001003' WHERE id = " + household);
  BOOST_TEST(server.Scalar("SELECT string_agg(DISTINCT region_code, ',') FROM (SELECT region_code FROM "
                           "doudi.help_record WHERE household_id = " + household +
                           " UNION ALL SELECT region_code FROM doudi.referral_send WHERE household_id = " +
                           household + ") AS x") == "331022001003");
  // Still append-only: a region changed by hand, or anything else, is refused.
  for (const std::string sql : {"UPDATE doudi.help_record SET region_code = '331022001201' WHERE household_id = ",
                                "UPDATE doudi.help_record SET giver = '改' WHERE household_id = ",
                                "DELETE FROM doudi.referral_send WHERE household_id = "}) {
    BOOST_TEST_CONTEXT(sql) {
      const SqlOutcome o = server.AsSuperuser().Try(sql + household);
      BOOST_TEST(o.message.rfind("doudi:audit.append_only", 0) == 0U, o.message);
    }
  }
}

// The model's codes are the ones the tables check and hold (HelpKind:
// enumeration_codes).
BOOST_FIXTURE_TEST_CASE(the_models_help_codes_are_the_databases, Help) {
  auto codes = [](auto texts) {
    std::set<std::string> out;
    for (const auto& t : texts) out.emplace(t.code);
    return out;
  };
  auto rows = [&](const std::string& sql) {
    const auto list = server.Rows(sql);
    return std::set<std::string>(list.begin(), list.end());
  };
  BOOST_TEST((codes(model::EnumTexts<model::SupportTerm>()) == rows("SELECT code FROM doudi.support_term")));
  for (const auto& t : model::EnumTexts<model::SupportTerm>()) {
    BOOST_TEST(server.Scalar("SELECT chinese FROM doudi.support_term WHERE code = '" + std::string(t.code) + "'") ==
               t.chinese);
  }
  // The literals of a CHECK on doudi.help_record whose text starts with `start`.
  auto checked = [&](const std::string& start) {
    return rows(
        "SELECT m[1] FROM pg_catalog.pg_constraint AS c, "
        "regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''::text', 'g') AS m "
        "WHERE c.conrelid = 'doudi.help_record'::regclass AND c.contype = 'c' "
        "AND pg_get_constraintdef(c.oid) LIKE 'CHECK ((" +
        start + "%'");
  };
  BOOST_TEST((codes(model::EnumTexts<model::HelpGiverKind>()) == checked("giver_kind = ANY")));
  BOOST_TEST((codes(model::EnumTexts<model::SupportTerm>()) == checked("terms <@")));
  const Session c = server.AsUser(clerk);
  BOOST_TEST(HasCode(AddHelp(c, "SM-0001", "cash", "neighbour", "某人", "", "100"), "help.bad_giver_kind"));
}

BOOST_AUTO_TEST_SUITE_END()
