// A household's whole story and no double assistance (issue 15), with raw
// SQL as each role and through the data layer: the case search and its
// scope, the household timeline under row-level security, follow-up cases,
// per-person programs, programs that exclude each other, the registry
// status following decisions and the large-aid path of 临时救助.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "case_fixture.h"
#include "doudi/dal/case_repository.h"
#include "doudi/dal/errors.h"

using namespace doudi;
using test::kNotAllowed;
using test::Session;

namespace {

// The refusal code of a statement's failure ("" when it succeeded).
std::string RefusalOf(const Session& as, const std::string& sql, const test::SqlParams& params) {
  const test::SqlOutcome outcome = as.Try(sql, params);
  if (outcome.Ok()) return "";
  return outcome.message.substr(0, outcome.message.find_first_of(" \n"));
}

struct CaseStory : test::DemoRegistry {
  // 海游街道 (township 331022001) and 珠岙镇 (331022101), Sanmen.
  std::string clerk = server.CreateUser("clerk", "village_clerk", "331022001201");
  std::string reviewer = server.CreateUser("reviewer", "township_reviewer", "331022001");
  std::string otherReviewer = server.CreateUser("other", "township_reviewer", "331022101");
  std::string city = server.CreateUser("city", "city_decider", "331022");
  std::string city2 = server.CreateUser("city2", "city_decider", "331022");
  std::string djCity = server.CreateUser("djcity", "city_decider", "500231");
  std::string djCity2 = server.CreateUser("djcity2", "city_decider", "500231");

  std::string Person(const std::string& name) const {
    return server.Scalar("SELECT id FROM doudi.person WHERE name = '" + name + "' AND left_on IS NULL");
  }
  std::string OpenFor(const Session& as, const std::string& ref, const std::string& program,
                      const std::string& person = "", const std::string& follows = "") const {
    Authorize(ref);  // the household's signed authorization, which acceptance needs
    return RefusalOf(as,
                     "SELECT doudi.case_open($1, $2, $3::uuid, false, '', NULLIF($4, '')::bigint, "
                     "NULLIF($5, '')::bigint)",
                     {Household(ref), program, dal::NewRequestId(), person, follows});
  }
  std::string CaseOf(const std::string& ref, const std::string& program) const {
    return server.Scalar("SELECT max(id) FROM doudi.assistance_case WHERE household_id = " + Household(ref) +
                         " AND program = '" + program + "'");
  }
  // The case brought to the decision as the set-up superuser, an amount
  // proposed and approved by the city decider.
  std::string Approve(const Session& decider, const std::string& id, const std::string& monthly,
                      const std::string& oneOff = "0") const {
    server.Execute("UPDATE doudi.assistance_case SET state = 'awaiting_decision' WHERE id = " + id);
    const std::string proposed =
        decider.TryExecute("SELECT doudi.case_propose_amount($1, $2::bigint, $3::bigint, '{差额}', NULL, $4::uuid)",
                           {id, monthly, oneOff, dal::NewRequestId()});
    if (!proposed.empty()) return proposed;
    return ActBare(decider, id, "approve");
  }
  std::string Status(const std::string& ref) const {
    return server.Scalar("SELECT registry_status FROM doudi.household WHERE source_ref = '" + ref + "'");
  }
  std::vector<std::string> Search(const Session& as, const std::string& name, const std::string& id,
                                  const std::string& program = "", const std::string& state = "",
                                  const std::string& region = "", const std::string& from = "",
                                  const std::string& to = "", bool overdue = false) const {
    return as.Rows(
        "SELECT s.id FROM doudi.case_search($1, $2, $3, $4, $5, NULLIF($6, '')::date, "
        "NULLIF($7, '')::date, $8::boolean, 100) AS s",
        {name, id, program, state, region, from, to, overdue ? "true" : "false"});
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(case_story)

// Every filter narrows the cases found; another township's case never
// appears, whether searched by name, full ID or nothing; IDs come back
// masked.
BOOST_FIXTURE_TEST_CASE(case_search_filters_within_the_callers_scope, CaseStory) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), o = server.AsUser(otherReviewer);
  BOOST_TEST_REQUIRE(OpenFor(c, "SM-0001", "dibao") == "");
  BOOST_TEST_REQUIRE(OpenFor(c, "SM-0003", "temporary") == "");
  BOOST_TEST_REQUIRE(OpenFor(o, "SM-0005", "dibao") == "");  // 珠岙镇
  const std::string mine = CaseOf("SM-0001", "dibao"), temporary = CaseOf("SM-0003", "temporary"),
                    theirs = CaseOf("SM-0005", "dibao");
  using Ids = std::vector<std::string>;
  BOOST_TEST(Search(r, "", "") == (Ids{temporary, mine}));  // newest first, only the township's
  BOOST_TEST(Search(o, "", "") == (Ids{theirs}));
  // By name: a part of any current member's name.
  BOOST_TEST(Search(r, "叶建", "") == (Ids{mine}));
  BOOST_TEST(Search(r, "郑彩娥", "") == (Ids{mine}));  // a member, not the head
  BOOST_TEST(Search(r, "李国平", "").empty());         // the other township's head
  BOOST_TEST(Search(o, "李国平", "") == (Ids{theirs}));
  // By full ID, through the registry's ID search: in scope only.
  BOOST_TEST(Search(r, "", "331022197304170891") == (Ids{mine}));
  BOOST_TEST(Search(r, "", "33102219461003638x") == (Ids{mine}));  // lower-case x
  const std::string theirHead =
      server.Scalar("SELECT p.id_number FROM doudi.person AS p WHERE p.name = '李国平' AND p.left_on IS NULL");
  BOOST_TEST(Search(r, "", theirHead).empty());
  BOOST_TEST(Search(o, "", theirHead) == (Ids{theirs}));
  // Program, state, region.
  BOOST_TEST(Search(r, "", "", "temporary") == (Ids{temporary}));
  BOOST_TEST(Search(r, "", "", "", "accepted").empty());
  BOOST_TEST_REQUIRE(ActBare(r, mine, "accept") == "");
  BOOST_TEST(Search(r, "", "", "", "accepted") == (Ids{mine}));
  BOOST_TEST(Search(r, "", "", "", "", "331022001201") == (Ids{temporary, mine}));
  BOOST_TEST(Search(r, "", "", "", "", "331022001206").empty());
  BOOST_TEST(Search(r, "", "", "", "", "331022101").empty());  // a region outside the scope adds nothing
  // The period opened, inclusive.
  const std::string today = server.Scalar("SELECT doudi.clock_date()");
  const std::string yesterday = server.Scalar("SELECT doudi.clock_date() - 1");
  BOOST_TEST(Search(r, "", "", "", "", "", today, today).size() == 2U);
  BOOST_TEST(Search(r, "", "", "", "", "", "", yesterday).empty());
  // Overdue: the nearer deadline passed.
  BOOST_TEST(Search(r, "", "", "", "", "", "", "", true).empty());
  server.Execute("UPDATE doudi.assistance_case SET step_due = doudi.clock_date() - 3 WHERE id = " + mine);
  BOOST_TEST(Search(r, "", "", "", "", "", "", "", true) == (Ids{mine}));
  // The ID shown is masked, never the number searched for.
  const std::string shown = r.Scalar(
      "SELECT s.id_number_masked FROM doudi.case_search('', '331022197304170891', '', '', '', NULL, NULL, false, 5) "
      "AS s");
  BOOST_TEST(!shown.empty());
  BOOST_TEST(shown != "331022197304170891");
  BOOST_TEST(shown ==
             server.Scalar("SELECT id_number_masked FROM doudi.person WHERE id_number = '331022197304170891'"));
  BOOST_TEST(RefusalOf(r, "SELECT * FROM doudi.case_search(repeat('叶', 51), '', '', '', '', NULL, NULL, false, 5)",
                       {}) == "doudi:search.too_long");

  // The data layer, as the reviewer: the same search, and malformed filters named.
  dal::pg::PgDatabase asReviewer(server.ConnectionStringFor(reviewer));
  dal::CaseQuery query;
  query.idNumber = "331022197304170891";
  const auto found = asReviewer.Cases().Search(query);
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(found[0].summary.id == std::stoll(mine));
  BOOST_TEST(found[0].summary.applicantName == "叶建军");
  BOOST_TEST(found[0].maskedId == shown);
  BOOST_TEST(found[0].openedOn == today);
  query = {};
  query.overdueOnly = true;
  BOOST_TEST(asReviewer.Cases().Search(query).size() == 1U);
  query = {};
  query.idNumber = "3310221973";  // a prefix is not a full ID
  BOOST_CHECK_THROW(asReviewer.Cases().Search(query), std::invalid_argument);
  query = {};
  query.regionPrefix = "33102";
  BOOST_CHECK_THROW(asReviewer.Cases().Search(query), std::invalid_argument);
  query = {};
  query.openedFrom = "2026/11/01";
  BOOST_CHECK_THROW(asReviewer.Cases().Search(query), std::invalid_argument);
}

// Cases of every state, alerts, referrals, help and visits on one list,
// newest first, each read under the caller's row-level security.
BOOST_FIXTURE_TEST_CASE(a_household_timeline_shows_everything_in_scope, CaseStory) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), o = server.AsUser(otherReviewer);
  const std::string hh = Household("SM-0001");
  BOOST_TEST_REQUIRE(OpenFor(c, "SM-0001", "temporary") == "");
  const std::string closed = CaseOf("SM-0001", "temporary");
  server.Execute(
      "UPDATE doudi.assistance_case SET state = 'terminated', opened_at = now() - interval '60 days' "
      "WHERE id = " +
      closed);
  BOOST_TEST_REQUIRE(OpenFor(c, "SM-0001", "dibao", "", closed) == "");
  const std::string open = CaseOf("SM-0001", "dibao");
  server.Execute(
      "INSERT INTO doudi.alert (rule, subject_key, period, household_id, name, region_code, raised_at) "
      "SELECT code, 'household:" +
      hh + "', '2026', " + hh +
      ", '叶建军', '331022001201', now() - interval '50 days' "
      "FROM doudi.alert_rule ORDER BY position LIMIT 1");
  server.Execute(
      "WITH s AS (INSERT INTO doudi.referral_send (request_id, household_id, region_code, case_id) "
      "VALUES (gen_random_uuid(), " +
      hh + ", '331022001201', " + open +
      ") RETURNING id) "
      "INSERT INTO doudi.referral (household_id, region_code, department, send_id, kind, request, case_id, "
      "due_days, due_on) SELECT " +
      hh + ", '331022001201', 'medical_insurance', s.id, 'medical_aid', '申请医疗救助', " + open +
      ", 10, doudi.clock_date() - 25 FROM s");
  // Sent 40 days ago (the insert stamps the time it is made).
  server.Execute("UPDATE doudi.referral SET referred_at = now() - interval '40 days' WHERE household_id = " + hh);
  server.Execute(
      "INSERT INTO doudi.help_record (request_id, household_id, region_code, kind, giver_kind, giver, department, "
      "given_on, amount_fen) VALUES (gen_random_uuid(), " +
      hh +
      ", '331022001201', 'medical_aid', 'department', "
      "'医疗保障局', 'medical_insurance', doudi.clock_date() - 30, 250000)");
  server.Execute("INSERT INTO doudi.pairing_household (household_id, region_code, since) VALUES (" + hh +
                 ", '331022001201', doudi.clock_date() - 100)");
  server.Execute(
      "INSERT INTO doudi.pairing_visit (request_id, household_id, region_code, visited_on, level, visitor, found) "
      "VALUES (gen_random_uuid(), " +
      hh +
      ", '331022001201', doudi.clock_date() - 20, 'township', '王干部', "
      "'母亲病情稳定')");

  const std::vector<std::string> story =
      r.Rows("SELECT t.kind || ':' || t.item_id || ':' || t.state FROM doudi.household_timeline($1) AS t", {hh});
  BOOST_TEST_REQUIRE(story.size() == 6U);
  BOOST_TEST(story[0] == "case:" + open + ":applied");  // today
  BOOST_TEST(story[1].rfind("visit:", 0) == 0U);        // 20 days ago
  BOOST_TEST(story[2].rfind("help:", 0) == 0U);         // 30 days ago
  BOOST_TEST(story[2].find(":medical_aid") != std::string::npos);
  BOOST_TEST(story[3].rfind("referral:", 0) == 0U);  // 40 days ago
  BOOST_TEST(story[3].find(":sent") != std::string::npos);
  BOOST_TEST(story[4].rfind("alert:", 0) == 0U);             // 50 days ago
  BOOST_TEST(story[5] == "case:" + closed + ":terminated");  // 60 days ago, every state
  BOOST_TEST(r.Scalar("SELECT t.what FROM doudi.household_timeline($1) AS t WHERE t.kind = 'referral'", {hh}) ==
             "医疗保障局：申请医疗救助");
  // Another township's reviewer sees none of it; the superuser all of it.
  BOOST_TEST(o.Rows("SELECT t.kind FROM doudi.household_timeline($1) AS t", {hh}).empty());
  // The data layer, with the referral's due date and the help's amount.
  dal::pg::PgDatabase asReviewer(server.ConnectionStringFor(reviewer));
  const auto entries = asReviewer.Cases().HouseholdTimeline(std::stoll(hh));
  BOOST_TEST_REQUIRE(entries.size() == 6U);
  BOOST_TEST(entries[2].kind == "help");
  BOOST_TEST_REQUIRE(entries[2].amount.has_value());
  BOOST_TEST(entries[2].amount->Fen() == 250000);
  BOOST_TEST(entries[3].dueOn == server.Scalar("SELECT (doudi.clock_date() - 25)::text"));
  BOOST_TEST(!entries[5].amount.has_value());
  dal::pg::PgDatabase asOther(server.ConnectionStringFor(otherReviewer));
  BOOST_TEST(asOther.Cases().HouseholdTimeline(std::stoll(hh)).empty());
}

// A follow-up case keeps its link and the household; the case view shows
// both directions; another household's case cannot be followed.
BOOST_FIXTURE_TEST_CASE(a_follow_up_case_keeps_the_link, CaseStory) {
  const Session r = server.AsUser(djCity);
  BOOST_TEST_REQUIRE(OpenFor(r, "DJ-0001", "temporary") == "");
  const std::string first = CaseOf("DJ-0001", "temporary");
  BOOST_TEST(OpenFor(r, "DJ-0003", "dibao", "", first) == "doudi:case.follows_other_household");
  BOOST_TEST(OpenFor(r, "DJ-0001", "dibao", "", "999999") == "doudi:case.follows_other_household");
  BOOST_TEST(OpenFor(r, "DJ-0001", "dibao", "", first) == "");
  const std::string second = CaseOf("DJ-0001", "dibao");
  BOOST_TEST(Field(second, "follows_case_id") == first);
  BOOST_TEST(Field(second, "household_id") == Field(first, "household_id"));
  dal::pg::PgDatabase asReviewer(server.ConnectionStringFor(djCity));
  const auto followed = asReviewer.Cases().Load(std::stoll(first));
  BOOST_TEST_REQUIRE(followed.has_value());
  BOOST_TEST(followed->followsCaseId == 0);
  BOOST_TEST(followed->followedBy == (std::vector<std::int64_t>{std::stoll(second)}));
  const auto following = asReviewer.Cases().Load(std::stoll(second));
  BOOST_TEST_REQUIRE(following.has_value());
  BOOST_TEST(following->followsCaseId == std::stoll(first));
  // Through the data layer: the follow-up of a follow-up.
  dal::NewCase third;
  third.householdId = std::stoll(Household("DJ-0001"));
  third.program = "medical";
  third.followsCaseId = std::stoll(second);
  const std::int64_t thirdId = asReviewer.Cases().Open(third, dal::NewRequestId());
  BOOST_TEST(Field(std::to_string(thirdId), "follows_case_id") == second);
}

// 特困 support names its person, a current member of the household; the
// other programs may.
BOOST_FIXTURE_TEST_CASE(a_per_person_program_names_its_person, CaseStory) {
  const Session r = server.AsUser(djCity);
  BOOST_TEST(OpenFor(r, "DJ-0002", "destitute") == "doudi:case.person_required");
  BOOST_TEST(OpenFor(r, "DJ-0002", "destitute", Person("冉浩")) == "doudi:case.person_not_in_household");
  BOOST_TEST(OpenFor(r, "DJ-0002", "destitute", "999999999") == "doudi:case.person_not_in_household");
  BOOST_TEST(OpenFor(r, "DJ-0002", "destitute", Person("邓志成")) == "");
  const std::string id = CaseOf("DJ-0002", "destitute");
  BOOST_TEST(Field(id, "person_id") == Person("邓志成"));
  dal::pg::PgDatabase asReviewer(server.ConnectionStringFor(djCity));
  const auto record = asReviewer.Cases().Load(std::stoll(id));
  BOOST_TEST_REQUIRE(record.has_value());
  BOOST_TEST(record->personName == "邓志成");
  // The refusal reaches the data layer typed, with its code.
  dal::NewCase unnamed;
  unnamed.householdId = std::stoll(Household("DJ-0003"));
  unnamed.program = "destitute";
  try {
    asReviewer.Cases().Open(unnamed, dal::NewRequestId());
    BOOST_ERROR("a 特困 case without its person was opened");
  } catch (const dal::RuleRefused& e) {
    BOOST_TEST(e.Code() == "case.person_required");
  }
  BOOST_TEST(OpenFor(r, "DJ-0001", "medical", Person("冉浩")) == "");  // may name one
  BOOST_TEST(OpenFor(r, "DJ-0001", "joint_help") == "doudi:case.program_opens_no_cases");
}

// Two members of one household who each meet 特困's rule (高安社区's 龚正发,
// 66, and his brother 龚跃进) each have their own case; the same member a
// second one is refused, naming his case. A household program stays one
// open case, whichever member a case of it names; and a per-person case
// cannot lose its person.
BOOST_FIXTURE_TEST_CASE(each_member_has_their_own_per_person_case, CaseStory) {
  const Session r = server.AsUser(djCity);
  BOOST_TEST(OpenFor(r, "DJ-0005", "destitute", Person("龚正发")) == "");
  BOOST_TEST(OpenFor(r, "DJ-0005", "destitute", Person("龚跃进")) == "");
  const std::string brothers = server.Scalar(
      "SELECT id FROM doudi.assistance_case WHERE person_id = " + Person("龚跃进") + " AND program = 'destitute'");
  const test::SqlOutcome again = r.Try("SELECT doudi.case_open($1, 'destitute', $2::uuid, false, '', $3::bigint)",
                                       {Household("DJ-0005"), dal::NewRequestId(), Person("龚跃进")});
  BOOST_TEST(again.message.rfind("doudi:case.already_open", 0) == 0U, again.message);
  BOOST_TEST(again.detail.find("\"case_id\" : " + brothers) != std::string::npos, again.detail);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.assistance_case WHERE per_person AND household_id = " +
                          Household("DJ-0005")) == 2);
  // Each brother is the applicant of his own case, so My tasks, the public
  // notice and the payment roster tell the two apart (doudi.case_overview).
  BOOST_TEST(server.Scalar("SELECT string_agg(applicant_name, ',' ORDER BY id) FROM doudi.case_overview "
                           "WHERE program = 'destitute' AND household_id = " +
                           Household("DJ-0005")) == "龚正发,龚跃进");
  BOOST_TEST(server.Scalar("SELECT id_number_masked FROM doudi.case_search('', '', 'destitute', '', '', NULL, NULL, "
                           "false, 50) WHERE id = " +
                           brothers) ==
             server.Scalar("SELECT id_number_masked FROM doudi.person WHERE id = " + Person("龚跃进")));
  BOOST_TEST(OpenFor(r, "DJ-0001", "medical", Person("冉浩")) == "");
  // A household program's applicant is the head, whichever member it names.
  BOOST_TEST(server.Scalar("SELECT o.applicant_name = p.name FROM doudi.case_overview AS o JOIN doudi.person AS p "
                           "ON p.household_id = o.household_id AND p.relation = 'head' AND p.left_on IS NULL "
                           "WHERE o.program = 'medical' AND o.household_id = " +
                           Household("DJ-0001")) == "t");
  BOOST_TEST(OpenFor(r, "DJ-0001", "medical", Person("谭小琴")) == "doudi:case.already_open");
  BOOST_TEST(OpenFor(r, "DJ-0001", "medical") == "doudi:case.already_open");
  BOOST_TEST(server.AsSuperuser().TryExecute("UPDATE doudi.assistance_case SET person_id = NULL WHERE id = " +
                                             brothers) == "23514");

  // The brother left the household and was added again (a new row): his
  // open case is still his, by the ID number.
  const std::string old = Person("龚跃进");
  server.Execute("UPDATE doudi.person SET left_on = current_date WHERE id = " + old);
  const std::string columns = server.Scalar(
      "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute "
      "WHERE attrelid = 'doudi.person'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' "
      "AND attidentity = ''");
  const std::string readded = server.Scalar("INSERT INTO doudi.person (" + columns + ") SELECT " + columns +
                                            " FROM doudi.person WHERE id = " + old + " RETURNING id");
  server.Execute("UPDATE doudi.person SET left_on = NULL WHERE id = " + readded);
  const test::SqlOutcome twin = r.Try("SELECT doudi.case_open($1, 'destitute', $2::uuid, false, '', $3::bigint)",
                                      {Household("DJ-0005"), dal::NewRequestId(), Person("龚跃进")});
  BOOST_TEST(twin.message.rfind("doudi:case.already_open", 0) == 0U, twin.message);
  BOOST_TEST(twin.detail.find("\"case_id\" : " + brothers) != std::string::npos, twin.detail);

  // A request id is one application: sent again for another member, it is refused.
  const std::string request = dal::NewRequestId();
  BOOST_TEST_REQUIRE(r.Try("SELECT doudi.case_open($1, 'destitute', $2::uuid, false, '', $3::bigint)",
                           {Household("DJ-0007"), request, Person("陈浩然")})
                         .Ok());
  const test::SqlOutcome reused = r.Try("SELECT doudi.case_open($1, 'destitute', $2::uuid, false, '', $3::bigint)",
                                        {Household("DJ-0007"), request, Person("陈佳怡")});
  BOOST_TEST(reused.message.rfind("doudi:request.reused", 0) == 0U, reused.message);
}

// No double assistance: one open case per household and program (the
// unique index), and programs that exclude each other refused while the
// other case is open or paid, until it ends.
BOOST_FIXTURE_TEST_CASE(programs_that_exclude_each_other_are_refused, CaseStory) {
  const Session r = server.AsUser(djCity);
  const std::string head = Person("冉德明");
  BOOST_TEST_REQUIRE(OpenFor(r, "DJ-0001", "dibao") == "");
  BOOST_TEST(OpenFor(r, "DJ-0001", "dibao") == "doudi:case.already_open");
  const test::SqlOutcome clash = r.Try("SELECT doudi.case_open($1, 'destitute', $2::uuid, false, '', $3::bigint)",
                                       {Household("DJ-0001"), dal::NewRequestId(), head});
  BOOST_TEST(clash.sqlState == kNotAllowed);
  BOOST_TEST(clash.message.rfind("doudi:case.programs_exclude", 0) == 0U);
  BOOST_TEST(clash.detail.find("\"case_id\" : " + CaseOf("DJ-0001", "dibao")) != std::string::npos);
  BOOST_TEST(OpenFor(r, "DJ-0001", "near_dibao") == "doudi:case.programs_exclude");
  BOOST_TEST(OpenFor(r, "DJ-0001", "temporary") == "");  // 临时救助 goes with 低保
  // Both ways round: 特困 first, then 低保 for the household.
  BOOST_TEST_REQUIRE(OpenFor(r, "DJ-0002", "destitute", Person("邓志成")) == "");
  BOOST_TEST(OpenFor(r, "DJ-0002", "dibao") == "doudi:case.programs_exclude");
  // Once the other case has ended, the program may be applied for.
  server.Execute("UPDATE doudi.assistance_case SET state = 'terminated' WHERE id = " + CaseOf("DJ-0001", "dibao"));
  BOOST_TEST(OpenFor(r, "DJ-0001", "destitute", head) == "");
  // The pairs are data in one place, each once.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.program_exclusion") == 3);
  BOOST_TEST(
      server.AsSuperuser().TryExecute("INSERT INTO doudi.program_exclusion VALUES ('dibao', 'destitute', 'x')") ==
      "23514");  // each pair once, in code order
}

// The registry status follows decisions: an approval of 低保 sets it, a
// termination takes it back; a refusal changes nothing; each change is in
// the status history with the case as its reason.
BOOST_FIXTURE_TEST_CASE(the_registry_status_follows_decisions, CaseStory) {
  const Session r = server.AsUser(djCity), d = server.AsUser(djCity);
  server.Execute("UPDATE doudi.household SET registry_status = 'none' WHERE source_ref IN ('DJ-0001', 'DJ-0003')");
  BOOST_TEST_REQUIRE(OpenFor(r, "DJ-0001", "dibao") == "");
  const std::string id = CaseOf("DJ-0001", "dibao");
  BOOST_TEST(Approve(d, id, "50000") == "");
  BOOST_TEST(Status("DJ-0001") == "dibao");
  BOOST_TEST(server.Scalar("SELECT reason FROM doudi.registry_status_change WHERE household_id = " +
                           Household("DJ-0001") + " ORDER BY id DESC LIMIT 1") == "案件" + id + "批准");
  // Paid, reviewed, terminated: back to none.
  server.Execute("UPDATE doudi.assistance_case SET state = 'under_review' WHERE id = " + id);
  BOOST_TEST(ActBare(d, id, "terminate", "收入超过标准") == "");
  BOOST_TEST(Status("DJ-0001") == "none");
  BOOST_TEST(server.Scalar("SELECT status || ' ' || reason FROM doudi.registry_status_change WHERE household_id = " +
                           Household("DJ-0001") + " ORDER BY id DESC LIMIT 1") == "none 案件" + id + "终止");
  // A refusal leaves the status as it was.
  BOOST_TEST_REQUIRE(OpenFor(r, "DJ-0003", "dibao") == "");
  const std::string refused = CaseOf("DJ-0003", "dibao");
  server.Execute("UPDATE doudi.assistance_case SET state = 'awaiting_decision' WHERE id = " + refused);
  BOOST_TEST(ActBare(d, refused, "refuse", "收入超过标准") == "");
  BOOST_TEST(Status("DJ-0003") == "none");
  // A status set by hand to something else is not taken back by a termination.
  BOOST_TEST_REQUIRE(ActBare(d, refused, "notify") == "");
  BOOST_TEST_REQUIRE(OpenFor(r, "DJ-0003", "near_dibao") == "");
  const std::string near = CaseOf("DJ-0003", "near_dibao");
  server.Execute("UPDATE doudi.household SET registry_status = 'other_low_income' WHERE source_ref = 'DJ-0003'");
  server.Execute("UPDATE doudi.assistance_case SET state = 'under_review' WHERE id = " + near);
  BOOST_TEST(ActBare(d, near, "terminate", "家庭情况好转") == "");
  BOOST_TEST(Status("DJ-0003") == "other_low_income");
}

// Dianjiang's 40,000 yuan of temporary aid, far above the 4,620 yuan
// temporary_cap: refused as a plain amount, proposed as an exception with
// its reason, decided only once a second city decider (the county's
// approval) has confirmed it; beyond cap_exception_percent refused outright.
BOOST_FIXTURE_TEST_CASE(large_temporary_aid_takes_the_exception_path, CaseStory) {
  const Session r = server.AsUser(djCity), d = server.AsUser(djCity), d2 = server.AsUser(djCity2);
  BOOST_TEST_REQUIRE(OpenFor(r, "DJ-0001", "temporary") == "");
  const std::string id = CaseOf("DJ-0001", "temporary");
  server.Execute("UPDATE doudi.assistance_case SET state = 'awaiting_decision' WHERE id = " + id);
  const auto propose = [&](const Session& as, const std::string& oneOff, const std::string& reason) {
    return RefusalOf(as,
                     "SELECT doudi.case_propose_amount($1, 0, $2::bigint, '{重大疾病一事一议}', NULL, $3::uuid, "
                     "NULLIF($4, ''))",
                     {id, oneOff, dal::NewRequestId(), reason});
  };
  BOOST_TEST(propose(d, "4000000", "") == "doudi:amount.over_cap");                      // a plain 40,000 yuan
  BOOST_TEST(propose(d, "5000000", "重大疾病，一事一议") == "doudi:amount.over_limit");  // above 10 × 4,620
  BOOST_TEST(propose(d, "4000000", "户主突发重大疾病，县级一事一议") == "");
  BOOST_TEST(RefusalOf(d, "SELECT doudi.case_transition($1, 'approve', $2::int, $3::uuid, '')",
                       {id, Field(id, "version"), dal::NewRequestId()}) == "doudi:amount.unconfirmed");
  const std::string proposal = server.Scalar("SELECT max(id) FROM doudi.case_amount_proposal WHERE case_id = " + id);
  BOOST_TEST(RefusalOf(d, "SELECT doudi.case_confirm_amount($1, $2, '同意', $3::uuid)",
                       {id, proposal, dal::NewRequestId()}) == "doudi:amount.same_person");
  BOOST_TEST(RefusalOf(d2, "SELECT doudi.case_confirm_amount($1, $2, '同意', $3::uuid)",
                       {id, proposal, dal::NewRequestId()}) == "");
  BOOST_TEST(ActBare(d, id, "approve") == "");
  BOOST_TEST(server.Scalar("SELECT one_off_fen FROM doudi.case_benefit WHERE case_id = " + id) == "4000000");
  // The 低保 application follows it up.
  BOOST_TEST(OpenFor(r, "DJ-0001", "dibao", "", id) == "");
}

BOOST_AUTO_TEST_SUITE_END()
