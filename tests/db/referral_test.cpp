// The joint loop's referrals (migration 0007, docs/joint-loop.md) with raw
// SQL as each role: one send to several departments, the liaisons' answers
// and what they may see, the help-closed mark that waits for the last
// feedback, the overdue clock, and the county's department catalog.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "case_fixture.h"
#include "doudi/dal/referral_repository.h"
#include "doudi/dal/registry_repository.h"

namespace doudi {
namespace {

using test::kDenied;
using test::kNotAllowed;
using test::kStale;
using test::Session;

const char* const kThreeItems =
    R"([{"department":"medical_insurance","kind":"medical_aid","request":"核查住院自付费用，落实医疗救助","documents":["住院发票","诊断证明"]},)"
    R"({"department":"human_resources","kind":"job","request":"为有劳动能力的成员推荐就业岗位"},)"
    R"({"department":"education","kind":"school_aid","request":"落实在校子女教育资助"}])";

struct Referrals : test::DemoRegistry {
  std::string clerk = server.CreateUser("clerk", "village_clerk", "331022001201");
  std::string reviewer = server.CreateUser("reviewer", "township_reviewer", "331022001");
  std::string otherReviewer = server.CreateUser("other_rev", "township_reviewer", "331022002");
  std::string admin = server.CreateUser("admin", "center_admin", "331022");
  std::string medical = server.CreateUser("l_med", "department_liaison", "331022", "medical_insurance");
  std::string jobs = server.CreateUser("l_hr", "department_liaison", "331022", "human_resources");
  std::string school = server.CreateUser("l_edu", "department_liaison", "331022", "education");
  std::string jinjiangMedical = server.CreateUser("l_jj", "department_liaison", "350582", "medical_insurance");

  // Sends kThreeItems about a case as the reviewer; the referral ids.
  std::vector<std::string> SendThree(const std::string& caseId, const std::string& request) const {
    return server.AsUser(reviewer).Rows("SELECT doudi.referral_send($1::uuid, NULL, $2::bigint, NULL, '', $3::jsonb)",
                                        {request, caseId, kThreeItems});
  }
  std::string Version(const std::string& referral) const {
    return server.Scalar("SELECT version FROM doudi.referral WHERE id = " + referral);
  }
  std::string Accept(const Session& as, const std::string& referral) const {
    return as.TryExecute("SELECT doudi.referral_accept($1, $2)", {referral, Version(referral)});
  }
  std::string Feedback(const Session& as, const std::string& referral, const std::string& request) const {
    return as.TryExecute(
        "SELECT doudi.referral_feedback($1, $2, $3::uuid, 'medical_aid', 320000, '', current_date, '张科长', "
        "'{help_medical}')",
        {referral, Version(referral), request});
  }
  std::string Decline(const Session& as, const std::string& referral, const std::string& reason) const {
    return as.TryExecute("SELECT doudi.referral_decline($1, $2, $3)", {referral, Version(referral), reason});
  }
  std::string DepartmentOf(const std::string& referral) const {
    return server.Scalar("SELECT department FROM doudi.referral WHERE id = " + referral);
  }
  std::string Of(const std::vector<std::string>& ids, const std::string& department) const {
    for (const auto& id : ids) {
      if (DepartmentOf(id) == department) return id;
    }
    return "";
  }
};

BOOST_AUTO_TEST_SUITE(referral)

BOOST_FIXTURE_TEST_CASE(one_send_refers_to_several_departments_once, Referrals) {
  const std::string caseId = Open(server.AsUser(clerk), "SM-0001");
  const std::string request = dal::NewRequestId();
  const auto ids = SendThree(caseId, request);
  BOOST_TEST_REQUIRE(ids.size() == 3u);
  // The same request again (a retry after a lost answer): the same three.
  BOOST_TEST(SendThree(caseId, request) == ids);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral") == 3);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral_send") == 1);
  // Each is due its department's working days for the kind, from today.
  BOOST_TEST(server.Scalar("SELECT string_agg(department || ':' || due_days || ':' || "
                           "(due_on = (doudi.deadline_after(current_date, due_days, 'working_days')).due), ',' "
                           "ORDER BY department) FROM doudi.referral") ==
             "education:10:true,human_resources:15:true,medical_insurance:5:true");
  BOOST_TEST(server.Scalar("SELECT documents FROM doudi.referral WHERE department = 'medical_insurance'") ==
             "{住院发票,诊断证明}");
  // Another request id reused by another user is refused, not answered.
  BOOST_TEST(server.AsUser(admin).TryExecute(
                 "SELECT doudi.referral_send($1::uuid, NULL, $2::bigint, NULL, '', $3::jsonb)",
                 {request, caseId, kThreeItems}) == kNotAllowed);
  // Lines the catalog does not allow are refused whole, nothing half-saved.
  const Session r = server.AsUser(reviewer);
  const auto send = [&](const std::string& items) {
    return r.Try("SELECT doudi.referral_send($1::uuid, NULL, $2::bigint, NULL, '', $3::jsonb)",
                 {dal::NewRequestId(), caseId, items});
  };
  BOOST_TEST(send(R"([{"department":"education","kind":"housing","request":"x"}])").message ==
             "doudi:referral.help_not_offered");
  BOOST_TEST(send(R"([{"department":"no_such","kind":"cash","request":"x"}])").message ==
             "doudi:referral.unknown_department");
  BOOST_TEST(send(R"([{"department":"education","kind":"school_aid","request":"  "}])").message ==
             "doudi:referral.bad_item");
  BOOST_TEST(send("[]").message == "doudi:referral.no_items");
  BOOST_TEST(send(R"([{"department":"education","kind":"school_aid","request":"a"},)"
                  R"({"department":"education","kind":"school_aid","request":"b"}])")
                 .message == "doudi:referral.duplicate_item");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral") == 3);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral_send") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_subject_outside_scope_is_refused_like_a_missing_one, Referrals) {
  const std::string caseId = Open(server.AsUser(clerk), "SM-0001");
  const auto tried = [&](const std::string& user, const std::string& household, const std::string& theCase) {
    const auto o = server.AsUser(user).Try(
        "SELECT doudi.referral_send($1::uuid, nullif($2, '')::bigint, nullif($3, '')::bigint, NULL, '', $4::jsonb)",
        {dal::NewRequestId(), household, theCase, kThreeItems});
    return o.sqlState + " " + o.message;
  };
  const std::string refused = std::string(kDenied) + " doudi:referral.subject_not_found";
  BOOST_TEST(tried(otherReviewer, "", caseId) == refused);
  BOOST_TEST(tried(otherReviewer, Household("SM-0001"), "") == refused);
  BOOST_TEST(tried(reviewer, "999999", "") == refused);
  BOOST_TEST(tried(reviewer, "", "999999") == refused);
  // The case names its household; another household beside it is refused.
  BOOST_TEST(tried(reviewer, Household("SM-0002"), caseId) == refused);
  // Clerks and liaisons do not refer.
  BOOST_TEST(tried(clerk, Household("SM-0001"), "").rfind(kDenied, 0) == 0);
  BOOST_TEST(tried(medical, Household("SM-0001"), "").rfind(kDenied, 0) == 0);
  BOOST_TEST(tried(reviewer, Household("SM-0001"), "") == " ");  // in scope: sent
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral") == 3);
  // Nobody writes the tables directly.
  for (const auto& user : {reviewer, admin, medical}) {
    BOOST_TEST(server.AsUser(user).TryExecute("UPDATE doudi.referral SET state = 'done'") == kDenied);
    BOOST_TEST(server.AsUser(user).TryExecute("DELETE FROM doudi.referral") == kDenied);
  }
}

BOOST_FIXTURE_TEST_CASE(liaisons_answer_only_their_departments_referrals, Referrals) {
  const std::string caseId = Open(server.AsUser(clerk), "SM-0001");
  const auto ids = SendThree(caseId, dal::NewRequestId());
  const std::string med = Of(ids, "medical_insurance"), job = Of(ids, "human_resources");
  const Session m = server.AsUser(medical), h = server.AsUser(jobs), jj = server.AsUser(jinjiangMedical);
  // Each liaison sees their own department's referral only, and another
  // county's liaison of a same-named department none.
  BOOST_TEST(m.Scalar("SELECT string_agg(id::text, ',') FROM doudi.referral_overview") == med);
  BOOST_TEST(h.Scalar("SELECT string_agg(id::text, ',') FROM doudi.referral_overview") == job);
  BOOST_TEST(jj.Count("SELECT count(*) FROM doudi.referral_overview") == 0);
  BOOST_TEST(jj.Count("SELECT count(*) FROM doudi.household") == 0);
  // What the help needs of the household, not its incomes and assets.
  BOOST_TEST(m.Scalar("SELECT head_name || ' ' || head_id_masked FROM doudi.referral_overview").find("****") !=
             std::string::npos);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.household") == 1);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.income_item") == 0);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.asset") == 0);
  BOOST_TEST(m.TryExecute("SELECT id_number FROM doudi.person") == kDenied);
  // Another department's, another county's, and a missing referral alike.
  BOOST_TEST(Accept(h, med) == kDenied);
  BOOST_TEST(Accept(jj, med) == kDenied);
  BOOST_TEST(m.TryExecute("SELECT doudi.referral_accept(999999, 1)") == kDenied);
  // Their own: accepted once; a stale version is refused.
  BOOST_TEST(Accept(m, med) == "");
  BOOST_TEST(m.TryExecute("SELECT doudi.referral_accept($1, 1)", {med}) == "");  // the same accept again
  BOOST_TEST(Version(med) == "2");
  BOOST_TEST(m.TryExecute("SELECT doudi.referral_decline($1, 1, '无')", {med}) == kStale);
  // Feedback needs what was given; a resend records it once.
  BOOST_TEST(m.TryExecute("SELECT doudi.referral_feedback($1, $2, $3::uuid, 'medical_aid', NULL, '', current_date, "
                          "'张科长', '{}')",
                          {med, Version(med), dal::NewRequestId()}) == kNotAllowed);
  const std::string request = dal::NewRequestId();
  BOOST_TEST(Feedback(m, med, request) == "");
  BOOST_TEST(m.TryExecute("SELECT doudi.referral_feedback($1, 2, $2::uuid, 'medical_aid', 320000, '', current_date, "
                          "'张科长', '{help_medical}')",
                          {med, request}) == "");
  BOOST_TEST(server.Scalar("SELECT state || ' ' || closed_on_behalf FROM doudi.referral WHERE id = " + med) ==
             "done false");
  BOOST_TEST(server.Scalar("SELECT count(*) || ' ' || min(amount_fen) || ' ' || min(giver) || ' ' || bool_or(on_behalf) "
                           "FROM doudi.help_record WHERE referral_id = " + med) == "1 320000 医疗保障局 false");
  BOOST_TEST(Feedback(m, med, dal::NewRequestId()) == kNotAllowed);  // closed
  // The center answers for a department that works on paper: marked.
  BOOST_TEST(Decline(server.AsUser(admin), job, "该成员已在外务工，无需推荐") == "");
  BOOST_TEST(server.Scalar("SELECT state || ' ' || closed_on_behalf FROM doudi.referral WHERE id = " + job) ==
             "declined true");
  BOOST_TEST(Decline(server.AsUser(admin), Of(ids, "education"), "  ") == kNotAllowed);  // the reason
}

BOOST_FIXTURE_TEST_CASE(a_liaison_sees_the_household_only_while_the_referral_is_open_and_the_days_after, Referrals) {
  const std::string household = Household("SM-0001");
  const Session m = server.AsUser(medical);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.household") == 0);  // nothing referred yet
  const auto ids = server.AsUser(reviewer).Rows(
      "SELECT doudi.referral_send($1::uuid, $2::bigint, NULL, NULL, '', $3::jsonb)",
      {dal::NewRequestId(), household, R"([{"department":"medical_insurance","kind":"medical_aid","request":"x"}])"});
  BOOST_TEST_REQUIRE(ids.size() == 1u);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.household") == 1);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.person") >= 1);
  BOOST_TEST(Feedback(m, ids[0], dal::NewRequestId()) == "");
  // Closed today: still seen for liaison_access_days (30 in the demo
  // places), counted when it closed.
  BOOST_TEST(server.Scalar("SELECT access_until - current_date FROM doudi.referral WHERE id = " + ids[0]) == "30");
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.household") == 1);
  // Thirty days later (the last day moved back instead of the clock ahead).
  server.Execute("UPDATE doudi.referral SET access_until = current_date WHERE id = " + ids[0]);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.household") == 1);
  server.Execute("UPDATE doudi.referral SET access_until = current_date - 1 WHERE id = " + ids[0]);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.household") == 0);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.person") == 0);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.referral_overview") == 0);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.help_record") == 0);
  BOOST_TEST(m.Count("SELECT count(*) FROM doudi.referral_send") == 0);  // the desk's table
}

BOOST_FIXTURE_TEST_CASE(help_closes_only_after_the_last_feedback, Referrals) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer);
  const std::string caseId = Open(c, "SM-0001");
  const auto ids = SendThree(caseId, dal::NewRequestId());
  // Decisions never wait for referrals: the case moves on meanwhile.
  BOOST_TEST(ActBare(r, caseId, "accept") == "");
  const auto close = [&] { return r.Try("SELECT doudi.help_close($1, NULL)", {caseId}); };
  BOOST_TEST(close().message == "doudi:referral.feedback_missing");
  BOOST_TEST(close().detail.find("\"open\" : 3") != std::string::npos, close().detail);
  BOOST_TEST(Feedback(server.AsUser(medical), Of(ids, "medical_insurance"), dal::NewRequestId()) == "");
  BOOST_TEST(Decline(server.AsUser(jobs), Of(ids, "human_resources"), "无合适岗位，已登记求职意向") == "");
  BOOST_TEST(close().message == "doudi:referral.feedback_missing");
  BOOST_TEST(Accept(server.AsUser(school), Of(ids, "education")) == "");
  BOOST_TEST(close().message == "doudi:referral.feedback_missing");  // accepted is not answered
  BOOST_TEST(Feedback(server.AsUser(school), Of(ids, "education"), dal::NewRequestId()) == "");
  BOOST_TEST(close().Ok(), close().message);
  BOOST_TEST(Field(caseId, "help_closed_by") == reviewer);
  BOOST_TEST(server.AsUser(otherReviewer).TryExecute("SELECT doudi.help_close($1, NULL)", {caseId}) == kDenied);
  BOOST_TEST(c.TryExecute("SELECT doudi.help_close($1, NULL)", {caseId}) == kDenied);
}

BOOST_FIXTURE_TEST_CASE(the_overdue_clock_counts_working_days_over_a_holiday, Referrals) {
  // The 2026 notice's days around the Mid-Autumn Festival and National Day
  // (assets/calendar/cn-public-holidays.csv).
  server.Execute("SELECT doudi.calendar_load_year(2026, "
                 "'{2026-09-20,2026-09-25,2026-09-26,2026-09-27,2026-10-01,2026-10-02,2026-10-03,2026-10-04,"
                 "2026-10-05,2026-10-06,2026-10-07,2026-10-10}'::date[], "
                 "'{make_up_workday,public_holiday,public_holiday,public_holiday,public_holiday,public_holiday,"
                 "public_holiday,public_holiday,public_holiday,public_holiday,public_holiday,make_up_workday}'::text[], "
                 "array_fill('国庆节'::text, ARRAY[12]), 'test')");
  const auto ids = SendThree(Open(server.AsUser(clerk), "SM-0001"), dal::NewRequestId());
  const std::string med = Of(ids, "medical_insurance");
  // Due on Wednesday 30 September, before the National Day week: on
  // Saturday 10 October (a make-up working day) it is 3 working days late
  // (8, 9 and 10 October), not 10 calendar days; escalated past 5.
  server.Execute("UPDATE doudi.referral SET due_on = DATE '2026-09-30', escalate_on = "
                 "(doudi.deadline_after(DATE '2026-09-30', 5, 'working_days')).due WHERE id = " + med);
  const Session su = server.AsSuperuser();
  const auto clockOn = [&](const std::string& day) {
    su.Execute("SELECT set_config('doudi.today', '" + day + "', false)");
    return su.Scalar("SELECT overdue_days || ' ' || escalated FROM doudi.referral_overview WHERE id = " + med);
  };
  BOOST_TEST(clockOn("2026-09-30") == "0 false");
  BOOST_TEST(clockOn("2026-10-07") == "0 false");
  BOOST_TEST(clockOn("2026-10-10") == "3 false");
  BOOST_TEST(clockOn("2026-10-13") == "5 false");  // 8, 9, 10, 12, 13 October
  BOOST_TEST(clockOn("2026-10-14") == "6 true");
  // A due date counted at sending skips the holiday too: 5 working days
  // from 30 September is 13 October.
  su.Execute("SELECT set_config('doudi.today', '2026-09-30', false)");
  BOOST_TEST(su.Scalar("SELECT (doudi.deadline_after(DATE '2026-09-30', 5, 'working_days')).due") == "2026-10-13");
  const auto sent = su.Rows(
      "SELECT doudi.referral_send($1::uuid, $2::bigint, NULL, NULL, '', "
      "'[{\"department\":\"medical_insurance\",\"kind\":\"medical_aid\",\"request\":\"x\"}]'::jsonb)",
      {dal::NewRequestId(), Household("SM-0002")});
  BOOST_TEST_REQUIRE(sent.size() == 1u);
  BOOST_TEST(server.Scalar("SELECT due_on FROM doudi.referral WHERE id = " + sent[0]) == "2026-10-13");
  // and reaches the administrator when still open 5 working days after that
  BOOST_TEST(server.Scalar("SELECT escalate_on FROM doudi.referral WHERE id = " + sent[0]) == "2026-10-20");
}

BOOST_FIXTURE_TEST_CASE(the_catalog_is_the_administrators_of_its_county, Referrals) {
  const Session a = server.AsUser(admin);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.department WHERE county_code = '331022'") == 14);
  BOOST_TEST(a.TryExecute("SELECT doudi.department_save('331022', 'veterans', '退役军人事务局', '', true, 150, NULL)") ==
             "");
  BOOST_TEST(a.Try("SELECT doudi.department_save('331022', 'veterans', '退役军人事务局', '', true, 150, NULL)").message ==
             "doudi:department.exists");
  BOOST_TEST(a.Try("SELECT doudi.department_save('331022', 'vets', '退役军人事务局', '', true, 150, NULL)").message ==
             "doudi:department.name_taken");
  BOOST_TEST(a.Try("SELECT doudi.department_save('350582', 'veterans', '退役军人事务局', '', true, 150, NULL)").sqlState ==
             kDenied);
  BOOST_TEST(server.AsUser(reviewer).TryExecute(
                 "SELECT doudi.department_save('331022', 'vets', '退役军人', '', true, 150, NULL)") == kDenied);
  // A kind of help needs its due days; dated values are never changed.
  BOOST_TEST(a.Try("SELECT doudi.department_help_set('331022', 'veterans', 'cash', '', true, NULL, NULL)").message ==
             "doudi:department.bad_field");
  BOOST_TEST(a.TryExecute("SELECT doudi.department_help_set('331022', 'veterans', 'cash', '优抚金', true, 7, "
                          "DATE '2026-01-01')") == "");
  BOOST_TEST(a.Try("SELECT doudi.department_help_set('331022', 'veterans', 'cash', '', true, 8, DATE '2026-01-01')")
                 .message == "doudi:department.due_days_dated");
  BOOST_TEST(a.TryExecute("SELECT doudi.department_help_set('331022', 'veterans', 'cash', NULL, true, 8, "
                          "current_date)") == "");
  BOOST_TEST(server.Scalar("SELECT string_agg(working_days::text, ',' ORDER BY effective_from) FROM "
                           "doudi.department_due_days WHERE department = 'veterans'") == "7,8");
  // A liaison belongs to a department of their county's catalog.
  try {
    server.CreateUser("l_x", "department_liaison", "331022", "no_such");
    BOOST_TEST(false, "a liaison of a department not in the catalog was added");
  } catch (const std::exception& e) {
    BOOST_TEST(std::string(e.what()).find("doudi:user.unknown_department") != std::string::npos, e.what());
  }
  // The stopped department takes no new referrals.
  BOOST_TEST(a.TryExecute("SELECT doudi.department_save('331022', 'veterans', '退役军人事务局', '', false, 150, 1)") ==
             "");
  BOOST_TEST(server.AsUser(reviewer)
                 .Try("SELECT doudi.referral_send($1::uuid, $2::bigint, NULL, NULL, '', "
                      "'[{\"department\":\"veterans\",\"kind\":\"cash\",\"request\":\"x\"}]'::jsonb)",
                      {dal::NewRequestId(), Household("SM-0001")})
                 .message == "doudi:referral.unknown_department");
}

BOOST_FIXTURE_TEST_CASE(the_repository_sends_lists_and_answers, Referrals) {
  dal::pg::PgDatabase desk(server.ConnectionStringFor(reviewer));
  const std::string caseId = Open(server.AsUser(clerk), "SM-0001");
  dal::ReferralSubject subject;
  subject.caseId = std::stoll(caseId);
  const std::string request = dal::NewRequestId();
  const std::vector<dal::ReferralItem> items{{"medical_insurance", "medical_aid", "核查医疗费用", {"住院发票"}},
                                             {"education", "school_aid", "教育资助", {}}};
  const auto ids = desk.Referrals().Send(request, subject, "请两周内反馈", items);
  BOOST_TEST_REQUIRE(ids.size() == 2u);
  BOOST_TEST(desk.Referrals().Send(request, subject, "请两周内反馈", items) == ids);
  dal::ReferralFilter byCase;
  byCase.caseId = subject.caseId;
  const auto listed = desk.Referrals().List(byCase);
  BOOST_TEST_REQUIRE(listed.size() == 2u);
  BOOST_TEST(listed[0].headName == server.Scalar("SELECT name FROM doudi.person WHERE relation = 'head' AND "
                                                 "household_id = " + Household("SM-0001")));
  BOOST_TEST(listed[0].headIdMasked.find("********") != std::string::npos);
  dal::pg::PgDatabase liaison(server.ConnectionStringFor(medical));
  const auto inbox = liaison.Referrals().List({});
  BOOST_TEST_REQUIRE(inbox.size() == 1u);
  BOOST_TEST(inbox[0].departmentName == "医疗保障局");
  BOOST_TEST(inbox[0].documents == std::vector<std::string>{"住院发票"});
  BOOST_TEST(inbox[0].state == "sent");
  const int accepted = liaison.Referrals().Accept(inbox[0].id, inbox[0].version);
  dal::ReferralFeedback feedback;
  feedback.requestId = dal::NewRequestId();
  feedback.kind = "medical_aid";
  feedback.amountFen = 450000;
  feedback.givenOn = "2026-11-20";
  feedback.givenBy = "张科长";
  feedback.terms = {"help_medical"};
  liaison.Referrals().Feedback(inbox[0].id, accepted, feedback);
  const auto done = desk.Referrals().Get(inbox[0].id);
  BOOST_TEST_REQUIRE(done.has_value());
  BOOST_TEST(done->state == "done");
  BOOST_TEST(done->feedbackAmountFen.value_or(0) == 450000);
  BOOST_TEST(done->feedbackGivenBy == "张科长");
  const auto departments = desk.Referrals().Departments("331022");
  BOOST_TEST(departments.size() == 14u);
  BOOST_TEST(departments.front().name == "民政局");
  BOOST_TEST(departments.front().help.size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace doudi
