// The case workflow as the database enforces it (migration 7 and the rule
// seed from assets/rules), driven with raw SQL as each role.
#include <boost/test/unit_test.hpp>

#include "case_fixture.h"

using namespace doudi;
using test::Session;
using test::kDenied;
using test::kNotAllowed;
using test::kStale;

namespace {

// The demo registry, and desk users of the Sanmen county center.
struct Cases : test::DemoRegistry {
  std::string clerk = server.CreateUser("clerk", "village_clerk", "331022001201");
  std::string clerkB = server.CreateUser("clerk_b", "village_clerk", "331022001206");
  std::string reviewer = server.CreateUser("reviewer", "township_reviewer", "331022001");
  std::string city = server.CreateUser("city", "city_decider", "331022");
  std::string jinjiangClerk = server.CreateUser("jj_clerk", "village_clerk", "350582111201");
  std::string jinjiangReviewer = server.CreateUser("jj_reviewer", "township_reviewer", "350582111");
  std::string jinjiangCity = server.CreateUser("jj_city", "city_decider", "350582");

  // Takes the action as a desk user who has done the work first: whatever
  // the rule requires on record (survey, evidence, amount, a finished
  // notice) is recorded by the set-up superuser just before. Returns "" on
  // success or the SQLSTATE.
  std::string Act(const Session& as, const std::string& caseId, const std::string& action,
                  const std::string& opinion = "", std::optional<std::string> request = std::nullopt) {
    Satisfy(caseId, action);
    return ActBare(as, caseId, action, opinion, std::move(request));
  }
  // Records what the action's rule requires, if the case's state has that action.
  void Satisfy(const std::string& caseId, const std::string& action) {
    const std::vector<std::string> rule = server.Rows(
        "SELECT r.requires FROM doudi.case_transition_rule AS r JOIN doudi.assistance_case AS c "
        "ON r.step_order = c.step_order AND r.from_state = c.state WHERE c.id = " + caseId + " AND r.action = '" +
        action + "'");
    const std::string requirement = rule.empty() ? "none" : rule.front();
    const std::string id = caseId;
    if (requirement == "survey") {
      server.Execute("SELECT doudi.case_record_survey(" + id +
                     ", ARRAY['王调查', '李调查'], current_date, '家庭收入低于标准', '户主本人', gen_random_uuid())");
    } else if (requirement == "verification_report" || requirement == "appraisal_record") {
      server.Execute(test::EvidenceWithFile("SELECT doudi.case_add_evidence(" + id + ", '" + requirement +
                                      "', '材料', '', gen_random_uuid())"));
    } else if (requirement == "authorization") {
      server.Execute(test::AttachSql("case", id, "authorization", "authorization.pdf"));
    } else if (requirement == "amount") {
      const bool oneOff = server.Scalar("SELECT program FROM doudi.assistance_case WHERE id = " + id) == "temporary";
      server.Execute("SELECT doudi.case_propose_amount(" + id + (oneOff ? ", 0, 100000" : ", 50000, 0") +
                     ", ARRAY['差额计算'], NULL, gen_random_uuid())");
    } else if (requirement == "notice_ended") {
      server.Execute("UPDATE doudi.assistance_case SET notice_end = current_date WHERE id = " + id);
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(case_workflow)

BOOST_FIXTURE_TEST_CASE(a_case_goes_from_application_to_decision_by_three_users, Cases) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  const std::string id = Open(c, "SM-0001");
  BOOST_TEST(Field(id, "state") == "applied");
  BOOST_TEST(server.Scalar("SELECT step_order FROM doudi.assistance_case WHERE id = " + id) == "national");
  for (const auto& [action, opinion] : std::vector<std::pair<std::string, std::string>>{
           {"accept", ""}, {"survey", ""}, {"verify", ""}, {"review", "同意，家庭收入低于标准"}, {"publish", ""},
           {"close_notice", ""}}) {
    BOOST_TEST(Act(r, id, action, opinion) == "", action);
  }
  BOOST_TEST(Field(id, "state") == "awaiting_decision");
  BOOST_TEST(Act(d, id, "approve") == "");
  BOOST_TEST(Field(id, "state") == "decided_approved");
  // Every step is recorded with who, level and opinion.
  BOOST_TEST(server.Scalar("SELECT string_agg(action || ':' || level || ':' || (actor = '" + reviewer +
                           "')::text, ',' ORDER BY id) FROM doudi.case_step WHERE case_id = " + id) ==
             "apply:village:false,accept:township:true,survey:township:true,verify:township:true,review:township:true,"
             "publish:township:true,close_notice:township:true,approve:city:false");
  BOOST_TEST(server.Scalar("SELECT opinion FROM doudi.case_step WHERE action = 'review' AND case_id = " + id) ==
             "同意，家庭收入低于标准");
  BOOST_TEST(server.Scalar("SELECT version FROM doudi.assistance_case WHERE id = " + id) == "8");
}

BOOST_FIXTURE_TEST_CASE(each_group_takes_only_its_own_actions, Cases) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  const std::string id = Open(c, "SM-0001");
  BOOST_TEST(Act(c, id, "accept") == kDenied);     // a clerk does not accept
  BOOST_TEST(Act(d, id, "accept") == kDenied);     // nor the city
  BOOST_TEST(Act(r, id, "approve") == kNotAllowed);  // not in this state at all
  for (const std::string a : {"accept", "survey", "verify"}) BOOST_TEST(Act(r, id, a) == "");
  BOOST_TEST(Act(r, id, "review") == kNotAllowed);   // review needs its opinion
  BOOST_TEST(Act(r, id, "review", "同意") == "");
  BOOST_TEST(Act(r, id, "publish") == "");
  BOOST_TEST(Act(r, id, "close_notice") == "");
  BOOST_TEST(Act(r, id, "approve") == kDenied);    // a township reviewer cannot decide at city level
  BOOST_TEST(Act(d, id, "refuse") == kNotAllowed);   // a refusal states its reasons
  BOOST_TEST(Act(d, id, "refuse", "家庭存款超过规定") == "");
  BOOST_TEST(Field(id, "state") == "decided_refused");
}

BOOST_FIXTURE_TEST_CASE(stale_versions_and_replayed_requests, Cases) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer);
  const std::string id = Open(c, "SM-0001");
  // A stale version is refused.
  BOOST_TEST(r.TryExecute("SELECT doudi.case_transition($1, 'accept', 0, $2::uuid, '')", {id, dal::NewRequestId()}) ==
             kStale);
  // A replayed request id is already done: same version, one step.
  const std::string request = dal::NewRequestId();
  BOOST_TEST(Act(r, id, "accept", "", request) == "");
  BOOST_TEST(r.Scalar("SELECT doudi.case_transition($1, 'accept', 1, $2::uuid, '')", {id, request}) == "2");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_step WHERE action = 'accept'") == 1);
  BOOST_TEST(Field(id, "state") == "accepted");
  // Nobody changes a case's state directly.
  BOOST_TEST(r.TryExecute("UPDATE doudi.assistance_case SET state = 'decided_approved' WHERE id = $1", {id}) ==
             kDenied);
  BOOST_TEST(c.TryExecute("DELETE FROM doudi.case_step") == kDenied);
  BOOST_TEST(server.AsSuperuser().TryExecute("UPDATE doudi.case_step SET opinion = 'x'") != "");
}

BOOST_FIXTURE_TEST_CASE(outside_the_scope_nothing_is_seen_or_done, Cases) {
  const Session c = server.AsUser(clerk), other = server.AsUser(clerkB), r = server.AsUser(reviewer);
  const std::string id = Open(c, "SM-0001");
  BOOST_TEST(other.Count("SELECT count(*) FROM doudi.assistance_case") == 0);
  BOOST_TEST(other.Count("SELECT count(*) FROM doudi.case_step") == 0);
  BOOST_TEST(r.Count("SELECT count(*) FROM doudi.assistance_case") == 1);
  // A Jinjiang decider cannot act on a Sanmen case, nor open one there.
  const Session jj = server.AsUser(jinjiangCity);
  BOOST_TEST(Act(jj, id, "approve") == kDenied);
  BOOST_TEST(jj.TryExecute("SELECT doudi.case_open($1, 'dibao', $2::uuid)", {Household("SM-0001"), dal::NewRequestId()}) ==
             kDenied);
}

BOOST_FIXTURE_TEST_CASE(one_person_acts_at_one_level_of_a_case, Cases) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer);
  const std::string id = Open(c, "SM-0001");
  for (const std::string a : {"accept", "survey", "verify"}) BOOST_TEST(Act(r, id, a) == "");
  BOOST_TEST(Act(r, id, "review", "同意") == "");
  BOOST_TEST(Act(r, id, "publish") == "");
  BOOST_TEST(Act(r, id, "close_notice") == "");
  // The reviewer is promoted to city decider meanwhile: still not this case's decider.
  server.Execute("SELECT doudi.user_set_role('" + reviewer + "', 'city_decider', '', '331022')");
  const Session promoted = server.AsUser(reviewer);
  BOOST_TEST(Act(promoted, id, "approve") == kDenied);
  BOOST_TEST(Act(server.AsUser(city), id, "approve") == "");
}

BOOST_FIXTURE_TEST_CASE(jinjiang_has_the_village_recommend_before_the_township, Cases) {
  const Session c = server.AsUser(jinjiangClerk), r = server.AsUser(jinjiangReviewer), d = server.AsUser(jinjiangCity);
  const std::string id = Open(c, "JJ-0001");
  BOOST_TEST(server.Scalar("SELECT step_order FROM doudi.assistance_case WHERE id = " + id) == "jinjiang");
  for (const std::string a : {"accept", "survey", "verify"}) BOOST_TEST(Act(r, id, a) == "");
  BOOST_TEST(Act(r, id, "review", "同意") == kNotAllowed);  // 村荐 first
  BOOST_TEST(Act(c, id, "recommend", "民主评议通过") == "");
  BOOST_TEST(Act(r, id, "review", "镇选同意") == "");
  BOOST_TEST(Act(r, id, "publish") == "");
  BOOST_TEST(Act(r, id, "close_notice") == "");
  BOOST_TEST(Act(d, id, "return", "补充存款核对材料") == "");
  BOOST_TEST(Field(id, "state") == "village_recommended");  // back one level, with its reason
}

BOOST_AUTO_TEST_SUITE_END()
