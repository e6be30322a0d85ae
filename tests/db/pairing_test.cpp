// Six-party pairing (六位一体挂钩帮扶, docs/joint-loop-pairing.md) against
// the database: who may take a household in, name its responsible persons
// and log visits, within which scope; the contacts of a county; a resent
// visit; and the list of households missing a level or overdue for a visit
// by the joint_help parameter pairing_visit_months.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "case_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/pairing_repository.h"
#include "doudi/model/pairing.h"
#include "doudi/dal/registry_repository.h"

using namespace doudi;
using test::kDenied;
using test::kNotAllowed;
using test::Session;
using test::SqlOutcome;

namespace {

struct Pairing : test::DemoRegistry {
  std::string admin = server.CreateUser("admin", "center_admin", "331022");
  std::string city = server.CreateUser("city", "city_decider", "331022");
  std::string reviewer = server.CreateUser("reviewer", "township_reviewer", "331022001");   // 海游街道
  std::string reviewer2 = server.CreateUser("reviewer2", "township_reviewer", "331022002"); // 沙柳街道
  std::string clerk = server.CreateUser("clerk", "village_clerk", "331022001201");           // 悬渚村
  std::string liaison = server.CreateUser("liaison", "department_liaison", "331022", "civil_affairs");
  std::string otherAdmin = server.CreateUser("jjadmin", "center_admin", "350582");
  std::string haiyou = Household("SM-0001");   // 悬渚村, 海游街道
  std::string shaliu = Household("SM-0006");   // 里浦村, 沙柳街道

  std::string Contact(const Session& as, const std::string& county, const std::string& kind, const std::string& name) {
    return as.Scalar("SELECT doudi.pairing_contact_add($1, $2, $3, '', '')", {county, kind, name});
  }
  // Fills the six levels of a household in 海游街道 (reviewer's township).
  void FillAll(const Session& as, const std::string& household) {
    const Session a = server.AsUser(admin);
    const std::string enterprise = Contact(a, "331022", "enterprise", "三门海润公司");
    const std::string worker = Contact(a, "331022", "social_worker", "陈志愿");
    const std::string assign = "SELECT doudi.pairing_assign($1, $2, $3, NULL, NULL)";
    as.Execute(assign, {household, "county", city});
    as.Execute(assign, {household, "township", reviewer});
    as.Execute(assign, {household, "village", clerk});
    as.Execute(assign, {household, "department", liaison});
    as.Execute("SELECT doudi.pairing_assign($1, 'enterprise', NULL, $2::bigint, NULL)", {household, enterprise});
    as.Execute("SELECT doudi.pairing_assign($1, 'social_worker', NULL, $2::bigint, NULL)", {household, worker});
  }
};

bool Refused(const SqlOutcome& o, const std::string& state, const std::string& code) {
  return o.sqlState == state && o.message == "doudi:pairing." + code;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pairing)

BOOST_FIXTURE_TEST_CASE(another_townships_household_is_refused, Pairing) {
  const Session r2 = server.AsUser(reviewer2);
  const SqlOutcome o = r2.Try("SELECT doudi.pairing_enroll($1, '2026-01-01')", {haiyou});
  BOOST_TEST(Refused(o, kDenied, "household_not_yours"), o.sqlState << " " << o.message);
  // A household that does not exist is refused in the same words.
  const SqlOutcome missing = r2.Try("SELECT doudi.pairing_enroll(999999999, '2026-01-01')");
  BOOST_TEST(Refused(missing, kDenied, "household_not_yours"), missing.message);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.pairing_household") == 0);

  const Session r = server.AsUser(reviewer);
  BOOST_TEST(r.Scalar("SELECT doudi.pairing_enroll($1, '2026-01-01')", {haiyou}) == "t");
  BOOST_TEST(r.Scalar("SELECT doudi.pairing_enroll($1, '2026-02-01')", {haiyou}) == "f");  // already in
  BOOST_TEST(server.Scalar("SELECT since FROM doudi.pairing_household") == "2026-01-01");
  // The other township's reviewer neither sees it nor logs a visit to it.
  BOOST_TEST(r2.Count("SELECT count(*) FROM doudi.pairing_overview") == 0);
  const SqlOutcome visit = r2.Try("SELECT doudi.pairing_visit_add($1::uuid, $2, '2026-03-01', 'township', 'x', 'y', '')",
                                  {dal::NewRequestId(), haiyou});
  BOOST_TEST(Refused(visit, kDenied, "household_not_yours"), visit.message);
  // A village clerk may log visits but not take households in.
  BOOST_TEST(server.AsUser(clerk).TryExecute("SELECT doudi.pairing_enroll($1, NULL)", {haiyou}) == kDenied);
  // An enrolment in the future is refused naming the field.
  const SqlOutcome future = r.Try("SELECT doudi.pairing_enroll($1, current_date + 1)", {Household("SM-0003")});
  BOOST_TEST(Refused(future, kNotAllowed, "bad_date"), future.message);
  BOOST_TEST(future.detail.find("since_date") != std::string::npos, future.detail);
}

BOOST_FIXTURE_TEST_CASE(a_contact_serves_its_own_county_only, Pairing) {
  const Session a = server.AsUser(admin);
  const Session jj = server.AsUser(otherAdmin);
  const std::string local = Contact(a, "331022", "enterprise", "三门海润公司");
  BOOST_TEST(Contact(a, "331022", "enterprise", "三门海润公司") == local);  // the same again: the same contact
  const std::string foreign = Contact(jj, "350582", "enterprise", "晋江恒安公司");
  // An administrator adds contacts of their own county only.
  const SqlOutcome outside = a.Try("SELECT doudi.pairing_contact_add('350582', 'enterprise', 'x', '', '')");
  BOOST_TEST(Refused(outside, kDenied, "county_outside_scope"), outside.message);
  BOOST_TEST(a.Count("SELECT count(*) FROM doudi.pairing_contact") == 1);  // reads its county's only
  // Only administrators add contacts.
  BOOST_TEST(server.AsUser(reviewer).TryExecute("SELECT doudi.pairing_contact_add('331022', 'enterprise', 'y', '', '')") ==
             kDenied);
  const SqlOutcome badPhone = a.Try("SELECT doudi.pairing_contact_add('331022', 'enterprise', 'z', '', '12')");
  BOOST_TEST(Refused(badPhone, kNotAllowed, "bad_phone"), badPhone.message);

  const Session r = server.AsUser(reviewer);
  r.Execute("SELECT doudi.pairing_enroll($1, '2026-01-01')", {haiyou});
  const SqlOutcome o = r.Try("SELECT doudi.pairing_assign($1, 'enterprise', NULL, $2::bigint, NULL)", {haiyou, foreign});
  BOOST_TEST(Refused(o, kNotAllowed, "contact_not_eligible"), o.message);
  // A contact is no user, and an enterprise is no social worker.
  const SqlOutcome asUser = r.Try("SELECT doudi.pairing_assign($1, 'enterprise', $2, NULL, NULL)", {haiyou, reviewer});
  BOOST_TEST(Refused(asUser, kNotAllowed, "contact_required"), asUser.message);
  const SqlOutcome kind = r.Try("SELECT doudi.pairing_assign($1, 'social_worker', NULL, $2::bigint, NULL)", {haiyou, local});
  BOOST_TEST(Refused(kind, kNotAllowed, "contact_not_eligible"), kind.message);
  BOOST_TEST(r.Scalar("SELECT doudi.pairing_assign($1, 'enterprise', NULL, $2::bigint, NULL) IS NOT NULL",
                      {haiyou, local}) == "t");
}

BOOST_FIXTURE_TEST_CASE(a_liaison_cannot_assign, Pairing) {
  server.AsUser(reviewer).Execute("SELECT doudi.pairing_enroll($1, '2026-01-01')", {haiyou});
  const Session l = server.AsUser(liaison);
  BOOST_TEST(l.TryExecute("SELECT doudi.pairing_assign($1, 'department', $2, NULL, NULL)", {haiyou, liaison}) ==
             kDenied);
  BOOST_TEST(l.TryExecute("SELECT doudi.pairing_enroll($1, NULL)", {Household("SM-0003")}) == kDenied);
  BOOST_TEST(l.TryExecute("SELECT doudi.pairing_visit_add($1::uuid, $2, current_date, 'department', 'x', 'y', '')",
                          {dal::NewRequestId(), haiyou}) == kDenied);
  // ... and reads nothing of the pairing.
  BOOST_TEST(l.Count("SELECT count(*) FROM doudi.pairing_household") == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.pairing_assignment") == 0);
}

BOOST_FIXTURE_TEST_CASE(users_must_cover_the_household_and_fit_the_level, Pairing) {
  const Session r = server.AsUser(reviewer);
  r.Execute("SELECT doudi.pairing_enroll($1, '2026-01-01')", {haiyou});
  const std::string assign = "SELECT doudi.pairing_assign($1, $2, $3, NULL, $4::date)";
  const auto refusal = [&](const std::string& level, const std::string& user) {
    const SqlOutcome o = r.Try(assign, {haiyou, level, user, "2026-02-01"});
    return o.message;
  };
  BOOST_TEST(refusal("township", reviewer2) == "doudi:pairing.user_not_eligible");  // another township
  BOOST_TEST(refusal("township", "nobody_at_all") == "doudi:pairing.user_not_eligible");
  BOOST_TEST(refusal("township", server.RoleName("jjadmin")) == "doudi:pairing.user_not_eligible");
  BOOST_TEST(refusal("township", clerk) == "doudi:pairing.user_wrong_level");  // a village's user
  BOOST_TEST(refusal("village", liaison) == "doudi:pairing.user_wrong_level");
  BOOST_TEST(refusal("department", city) == "doudi:pairing.user_wrong_level");  // the department's is a liaison
  BOOST_TEST(refusal("county", reviewer) == "doudi:pairing.user_wrong_level");
  BOOST_TEST(refusal("nowhere", reviewer) == "doudi:pairing.bad_level");
  // The candidates are exactly those the function accepts.
  BOOST_TEST(r.Rows("SELECT user_role FROM doudi.pairing_candidates($1, 'township')", {haiyou}) ==
             std::vector<std::string>{reviewer});
  BOOST_TEST(r.Rows("SELECT user_role FROM doudi.pairing_candidates($1, 'department')", {haiyou}) ==
             std::vector<std::string>{liaison});

  // A change ends the current row and starts a new one; the same person again changes nothing.
  const std::string first = r.Scalar(assign, {haiyou, "department", liaison, "2026-02-01"});
  BOOST_TEST(r.Scalar(assign, {haiyou, "department", liaison, "2026-03-01"}) == first);
  const std::string liaison2 = server.CreateUser("liaison2", "department_liaison", "331022", "medical_insurance");
  const SqlOutcome early = r.Try(assign, {haiyou, "department", liaison2, "2026-01-15"});
  BOOST_TEST(Refused(early, kNotAllowed, "since_before_current"), early.message);
  const std::string second = r.Scalar(assign, {haiyou, "department", liaison2, "2026-04-01"});
  BOOST_TEST(second != first);
  BOOST_TEST(server.Rows("SELECT user_role || '|' || since || '|' || coalesce(until::text, '') FROM "
                         "doudi.pairing_assignment ORDER BY id") ==
             (std::vector<std::string>{liaison + "|2026-02-01|2026-04-01", liaison2 + "|2026-04-01|"}),
             boost::test_tools::per_element());
  // Ending the pairing ends every responsible person; no assignment after.
  BOOST_TEST(r.Scalar("SELECT doudi.pairing_end($1, '2026-05-01', '已脱困')", {haiyou}) == "t");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.pairing_assignment WHERE until IS NULL") == 0);
  const SqlOutcome ended = r.Try(assign, {haiyou, "department", liaison, "2026-06-01"});
  BOOST_TEST(Refused(ended, kNotAllowed, "not_enrolled"), ended.message);
}

BOOST_FIXTURE_TEST_CASE(a_resent_visit_is_the_same_visit, Pairing) {
  server.AsUser(reviewer).Execute("SELECT doudi.pairing_enroll($1, '2026-01-01')", {haiyou});
  server.AsUser(reviewer).Execute("SELECT doudi.pairing_assign($1, 'village', $2, NULL, NULL)", {haiyou, clerk});
  dal::pg::PgDatabase clerkDb(server.ConnectionStringFor(clerk));
  dal::PairingVisitInput v;
  v.requestId = dal::NewRequestId();
  v.householdId = std::stoll(haiyou);
  v.visitedOn = "2026-03-02";
  v.level = "village";
  v.found = "房屋漏雨，女主人慢性病用药负担重";
  v.nextStep = "联系住建部门危房改造";
  const auto id = clerkDb.Pairing().AddVisit(v);
  BOOST_TEST(clerkDb.Pairing().AddVisit(v) == id);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.pairing_visit") == 1);
  // The visitor left empty is the person responsible at the level.
  const auto visits = clerkDb.Pairing().Visits(v.householdId);
  BOOST_REQUIRE_EQUAL(visits.size(), 1u);
  BOOST_TEST(visits[0].visitor == server.Scalar("SELECT display_name FROM doudi.app_user WHERE role_name = '" + clerk + "'"));
  // The same request for another household is a mistake, not a second visit.
  auto other = v;
  other.householdId = std::stoll(Household("SM-0003"));
  try {
    clerkDb.Pairing().AddVisit(other);
    BOOST_FAIL("a request id reused for another household was accepted");
  } catch (const dal::DatabaseError& e) {
    BOOST_TEST(e.Code() == "request.reused");
  }
  // Before the enrolment, or without findings: refused naming what.
  auto early = v;
  early.requestId = dal::NewRequestId();
  early.visitedOn = "2025-12-31";
  BOOST_CHECK_EXCEPTION(clerkDb.Pairing().AddVisit(early), dal::RuleRefused,
                        [](const dal::RuleRefused& e) { return e.Code() == "pairing.before_enrolment"; });
  auto empty = v;
  empty.requestId = dal::NewRequestId();
  empty.found = "  ";
  BOOST_CHECK_EXCEPTION(clerkDb.Pairing().AddVisit(empty), dal::RuleRefused, [](const dal::RuleRefused& e) {
    return e.Code() == "pairing.text_required" && e.Arguments().at("field") == "findings";
  });
}

BOOST_FIXTURE_TEST_CASE(the_gaps_list_incomplete_pairing_and_overdue_visits, Pairing) {
  const Session r = server.AsUser(reviewer);
  const Session c = server.AsUser(city);
  const std::string full = haiyou;                 // all six, visited today: no gap
  const std::string stale = Household("SM-0003");  // all six, last visited long ago: overdue
  const std::string partial = shaliu;              // one level, visited today: incomplete
  for (const auto& h : {full, stale}) {
    r.Execute("SELECT doudi.pairing_enroll($1, '2025-01-01')", {h});
    FillAll(r, h);
  }
  c.Execute("SELECT doudi.pairing_enroll($1, '2025-01-01')", {partial});
  c.Execute("SELECT doudi.pairing_assign($1, 'county', $2, NULL, NULL)", {partial, city});
  const std::string visit = "SELECT doudi.pairing_visit_add($1::uuid, $2, $3::date, 'township', '张干部', '生活稳定', '')";
  r.Execute(visit, {dal::NewRequestId(), full, "2025-03-01"});
  r.Execute(visit, {dal::NewRequestId(), full, server.Scalar("SELECT current_date")});
  r.Execute(visit, {dal::NewRequestId(), stale, "2025-06-01"});
  c.Execute(visit, {dal::NewRequestId(), partial, server.Scalar("SELECT current_date")});

  dal::pg::PgDatabase cityDb(server.ConnectionStringFor(city));
  dal::PairingFilter filter;
  filter.gapsOnly = true;
  const auto gaps = cityDb.Pairing().Households(filter);
  std::vector<std::string> ids;
  for (const auto& g : gaps) ids.push_back(std::to_string(g.householdId));
  std::vector<std::string> expected{stale, partial};
  std::sort(expected.begin(), expected.end(), [&](const std::string& a, const std::string& b) {
    return server.Scalar("SELECT region_code FROM doudi.household WHERE id = " + a) <
           server.Scalar("SELECT region_code FROM doudi.household WHERE id = " + b);
  });
  BOOST_TEST(ids == expected, boost::test_tools::per_element());
  for (const auto& g : gaps) {
    if (std::to_string(g.householdId) == stale) {
      BOOST_TEST(g.levelsFilled == 6);
      BOOST_TEST(g.missingLevels.empty());
      BOOST_TEST(g.overdue);
      BOOST_TEST(g.lastVisitOn == "2025-06-01");
      BOOST_TEST(g.visitDueOn == "2025-09-01");
      BOOST_TEST(g.visitMonths.value_or(0) == 3);
    } else {
      BOOST_TEST(g.levelsFilled == 1);
      BOOST_TEST(g.missingLevels ==
                     (std::vector<std::string>{"township", "village", "department", "enterprise", "social_worker"}),
                 boost::test_tools::per_element());
      BOOST_TEST(!g.overdue);
    }
  }
  filter.gapsOnly = false;
  BOOST_TEST(cityDb.Pairing().Households(filter).size() == 3u);
  filter.regionPrefix = "331022002";
  BOOST_TEST(cityDb.Pairing().Households(filter).size() == 1u);
  // The township reviewer sees their township's two only.
  dal::pg::PgDatabase rdb(server.ConnectionStringFor(reviewer));
  BOOST_TEST(rdb.Pairing().Households({}).size() == 2u);
  BOOST_TEST(rdb.Pairing().Assignments(std::stoll(full), false).size() == 6u);
}

BOOST_FIXTURE_TEST_CASE(the_visit_interval_is_the_regions_parameter, Pairing) {
  const Session r = server.AsUser(reviewer);
  r.Execute("SELECT doudi.pairing_enroll($1, '2025-01-01')", {haiyou});
  r.Execute("SELECT doudi.pairing_visit_add($1::uuid, $2, '2025-06-01', 'township', '张干部', '生活稳定', '')",
            {dal::NewRequestId(), haiyou});
  const auto row = [&] {
    return r.Scalar("SELECT visit_months || '|' || visit_due_on || '|' || overdue FROM doudi.pairing_overview");
  };
  BOOST_TEST(row() == "3|2025-09-01|true");
  // 海游街道 visits every 24 months from 2025 on: the township's own value wins over the county's.
  server.Execute("INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note) "
                 "VALUES ('joint_help', '331022001', 'pairing_visit_months', '24', 'months', '2025-01-01', 'test')");
  BOOST_TEST(row() == "24|2027-06-01|false");
  // A value that takes effect only tomorrow does not count yet.
  server.Execute("INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note) "
                 "VALUES ('joint_help', '331022001', 'pairing_visit_months', '1', 'months', current_date + 1, 'test')");
  BOOST_TEST(row() == "24|2027-06-01|false");
}

// The model's levels and contact kinds are the codes the tables' CHECK
// constraints spell (model/pairing.h).
BOOST_AUTO_TEST_CASE(the_models_levels_are_the_tables) {
  test::MigratedDatabase m(false);
  const auto checked = [&](const std::string& table, const std::string& column) {
    std::set<std::string> codes;
    static const std::regex literal("'([a-z_]+)'::text");
    for (const auto& def : m.server.Rows("SELECT pg_get_constraintdef(c.oid) FROM pg_catalog.pg_constraint AS c "
                                         "WHERE c.contype = 'c' AND c.conrelid = 'doudi." + table +
                                         "'::regclass AND pg_get_constraintdef(c.oid) LIKE '%(" + column +
                                         " = ANY (ARRAY[%'")) {
      for (auto it = std::sregex_iterator(def.begin(), def.end(), literal); it != std::sregex_iterator(); ++it) {
        codes.insert((*it)[1].str());
      }
    }
    return codes;
  };
  std::set<std::string> levels, kinds;
  for (const auto& l : model::EnumTexts<model::PairingLevel>()) levels.emplace(l.code);
  for (const auto& k : model::EnumTexts<model::PairingContactKind>()) kinds.emplace(k.code);
  BOOST_TEST(checked("pairing_visit", "level") == levels, boost::test_tools::per_element());
  BOOST_TEST(checked("pairing_contact", "kind") == kinds, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
