// The work between a case's steps and its clock (migration 11), through the
// data layer and with raw SQL as each role: the holiday calendar and the
// deadlines counted on it (checked against the model's calendar), what each
// step needs on record, amounts, payments and the task list.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "case_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/working_day_calendar.h"

using namespace doudi;
using test::Session;
using test::kDenied;
using test::kNotAllowed;

namespace {

std::string ShippedCalendar() {
  const std::filesystem::path file = DOUDI_SHIPPED_CALENDAR;  // tests/CMakeLists.txt
  std::ifstream in(file, std::ios::binary);
  BOOST_TEST_REQUIRE(in.is_open(), "cannot open " << file.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Iso(std::chrono::year_month_day d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return text;
}

// SQL text array of quoted literals (test data only: no quotes inside).
std::string SqlArray(const std::vector<std::string>& items, const std::string& type) {
  std::string text = "ARRAY[";
  for (std::size_t i = 0; i < items.size(); ++i) text += (i ? ",'" : "'") + items[i] + "'";
  return text + "]::" + type + "[]";
}

struct CaseWork : test::DemoRegistry {
  std::string clerk = server.CreateUser("clerk", "village_clerk", "331022001201");
  std::string reviewer = server.CreateUser("reviewer", "township_reviewer", "331022001");
  std::string city = server.CreateUser("city", "city_decider", "331022");
  std::string finance = server.CreateUser("finance", "finance_officer", "331022");
  std::map<int, std::vector<model::CalendarException>> years = model::ParseHolidayCsv(ShippedCalendar());

  void LoadCalendar() {
    for (const auto& [year, days] : years) {
      std::vector<std::string> dates, kinds, names;
      for (const auto& e : days) {
        dates.push_back(Iso(e.date));
        kinds.push_back(std::string(model::ToCode(e.kind)));
        names.push_back(e.name);
      }
      server.Execute("SELECT doudi.calendar_load_year(" + std::to_string(year) + ", " + SqlArray(dates, "date") + ", " +
                     SqlArray(kinds, "text") + ", " + SqlArray(names, "text") + ", 'test')");
    }
  }
  std::string Survey(const Session& as, const std::string& id, const std::string& surveyors) {
    return as.TryExecute("SELECT doudi.case_record_survey($1, $2::text[], current_date, '收入低于标准', '户主', $3::uuid)",
                         {id, surveyors, dal::NewRequestId()});
  }
  std::string Evidence(const Session& as, const std::string& id, const std::string& kind) {
    return as.TryExecute(test::EvidenceWithFile("SELECT doudi.case_add_evidence($1, $2, '核对报告', '', $3::uuid)"),
                         {id, kind, dal::NewRequestId()});
  }
  std::string Propose(const Session& as, const std::string& id, const std::string& monthly, const std::string& oneOff) {
    return as.TryExecute("SELECT doudi.case_propose_amount($1, $2::bigint, $3::bigint, '{差额}', NULL, $4::uuid)",
                         {id, monthly, oneOff, dal::NewRequestId()});
  }
  // Accepted (unless it is), surveyed and verified by the reviewer.
  void ToVerified(const Session& r, const std::string& id) {
    if (Field(id, "state") == "applied") BOOST_TEST_REQUIRE(ActBare(r, id, "accept") == "");
    BOOST_TEST_REQUIRE(Survey(r, id, "{王调查,李调查}") == "");
    BOOST_TEST_REQUIRE(ActBare(r, id, "survey") == "");
    BOOST_TEST_REQUIRE(Evidence(r, id, "verification_report") == "");
    BOOST_TEST_REQUIRE(ActBare(r, id, "verify") == "");
  }
  // ToVerified, then a proposed amount, the review and the notice.
  void ToNotice(const Session& r, const std::string& id) {
    ToVerified(r, id);
    BOOST_TEST_REQUIRE(Propose(r, id, "61000", "0") == "");
    ToNoticeFromVerified(r, id);
  }
  void ToNoticeFromVerified(const Session& r, const std::string& id) {
    BOOST_TEST_REQUIRE(ActBare(r, id, "review", "同意") == "");
    BOOST_TEST_REQUIRE(ActBare(r, id, "publish") == "");
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(case_work)

// The database counts deadlines exactly as the model's calendar does, over
// Spring Festival, National Day and their make-up working days, and flags a
// count into a year without a loaded notice.
BOOST_FIXTURE_TEST_CASE(deadlines_in_the_database_match_the_model_calendar, CaseWork) {
  LoadCalendar();
  model::WorkingDayCalendar calendar;
  calendar.AddYears(years);
  const std::vector<std::string> rows = server.Rows(
      "SELECT d::date, n, u, (doudi.deadline_after(d::date, n, u)).due, (doudi.deadline_after(d::date, n, u)).certain "
      "FROM generate_series(DATE '2025-01-01', DATE '2026-12-31', interval '3 days') AS d, "
      "unnest(ARRAY[0, 3, 10, 30]) AS n, unnest(ARRAY['working_days', 'calendar_days', 'months']) AS u");
  BOOST_TEST_REQUIRE(rows.size() > 2000U);
  int mismatches = 0;
  for (const std::string& row : rows) {
    // "2026-01-30|3|working_days|2026-02-04|t"
    const auto field = [&row](int i) {
      std::size_t start = 0;
      for (int k = 0; k < i; ++k) start = row.find('|', start) + 1;
      return row.substr(start, row.find('|', start) - start);
    };
    const auto date = [](const std::string& text) {
      return std::chrono::year_month_day{std::chrono::year{std::stoi(text.substr(0, 4))},
                                         std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                         std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
    };
    const auto expected =
        calendar.Add(date(field(0)), std::stoi(field(1)), *model::ParseDeadlineUnit(field(2)));
    if (Iso(expected.date) != field(3) || expected.certain != (field(4) == "t")) {
      if (++mismatches < 5) BOOST_ERROR("database " << row << ", model " << Iso(expected.date) << " " << expected.certain);
    }
  }
  BOOST_TEST(mismatches == 0);
  // Spring Festival 2026: from Friday 13 February, 3 working days skip the
  // holiday (15-23 February) and count Saturday 14 February, a make-up day.
  BOOST_TEST(server.Scalar("SELECT (doudi.deadline_after(DATE '2026-02-13', 3, 'working_days')).due") == "2026-02-25");
  // Into 2027, whose notice is not loaded: uncertain.
  BOOST_TEST(server.Scalar("SELECT (doudi.deadline_after(DATE '2026-12-20', 10, 'working_days')).certain") == "f");
}

BOOST_FIXTURE_TEST_CASE(only_administrators_load_the_calendar, CaseWork) {
  const Session c = server.AsUser(clerk);
  BOOST_TEST(c.TryExecute("SELECT doudi.calendar_load_year(2027, '{}', '{}', '{}', 'x')") == kDenied);
  BOOST_TEST(c.TryExecute("INSERT INTO doudi.calendar_year (year, source) VALUES (2027, 'x')") == kDenied);
  const Session admin = server.AsUser(server.CreateUser("admin", "center_admin", "331022"));
  BOOST_TEST(admin.TryExecute("SELECT doudi.calendar_load_year(2027, '{2027-01-01}', '{public_holiday}', '{元旦}', 'x')") ==
             "");
  // A date of another year in the notice is refused whole.
  BOOST_TEST(admin.TryExecute("SELECT doudi.calendar_load_year(2028, '{2027-01-01}', '{public_holiday}', '{元旦}', 'x')") ==
             kNotAllowed);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.calendar_year WHERE year = 2028") == 0);
}

// The clock and the acting user can be set for demo histories by the set-up
// superuser only: a desk client cannot backdate a step.
BOOST_FIXTURE_TEST_CASE(only_the_superuser_moves_the_clock, CaseWork) {
  const Session c = server.AsUser(clerk);
  BOOST_TEST(c.Scalar("SELECT set_config('doudi.today', '2020-01-01', false) IS NOT NULL AND "
                      "doudi.clock_date() = current_date AND "
                      "set_config('doudi.act_as', 'someone_else', false) IS NOT NULL AND "
                      "doudi.acting_user() = session_user") == "t");
  const Session su = server.AsSuperuser();
  BOOST_TEST(su.Scalar("SELECT set_config('doudi.today', '2020-01-01', false) IS NOT NULL AND "
                       "doudi.clock_date() = DATE '2020-01-01'") == "t");
}

BOOST_FIXTURE_TEST_CASE(each_step_needs_its_work_on_record, CaseWork) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  const std::string id = Open(c, "SM-0001");
  BOOST_TEST(ActBare(r, id, "accept") == "");
  BOOST_TEST(ActBare(r, id, "survey") == kNotAllowed);               // no survey recorded
  BOOST_TEST(Survey(r, id, "{王调查}") == kNotAllowed);           // one surveyor
  BOOST_TEST(Survey(r, id, "{王调查,\" 王调查 \"}") == kNotAllowed);  // the same one twice
  BOOST_TEST(Survey(c, id, "{王调查,李调查}") == kDenied);          // not the clerk's to record
  BOOST_TEST(Survey(r, id, "{王调查,李调查}") == "");
  BOOST_TEST(ActBare(r, id, "survey") == "");
  BOOST_TEST(ActBare(r, id, "verify") == kNotAllowed);  // no verification report
  BOOST_TEST(Evidence(r, id, "income_proof") == "");
  BOOST_TEST(ActBare(r, id, "verify") == kNotAllowed);  // the wrong kind of evidence
  BOOST_TEST(Evidence(r, id, "verification_report") == "");
  BOOST_TEST(ActBare(r, id, "verify") == "");
  BOOST_TEST(ActBare(r, id, "review", "同意") == "");
  BOOST_TEST(ActBare(r, id, "publish") == "");
  BOOST_TEST(ActBare(r, id, "close_notice") == kNotAllowed);  // the notice runs 7 days
  server.Execute("UPDATE doudi.assistance_case SET notice_end = current_date WHERE id = " + id);
  BOOST_TEST(ActBare(r, id, "close_notice") == "");
  BOOST_TEST(ActBare(d, id, "approve") == kNotAllowed);  // no amount proposed
  BOOST_TEST(Propose(d, id, "61000", "0") == "");
  BOOST_TEST(ActBare(d, id, "approve") == "");
}

BOOST_FIXTURE_TEST_CASE(a_close_relative_is_surveyed_by_the_county, CaseWork) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  BOOST_TEST(c.TryExecute("SELECT doudi.case_open($1, 'dibao', $2::uuid, true, '')",
                          {Household("SM-0001"), dal::NewRequestId()}) == kNotAllowed);  // whose relative?
  const std::string id = c.Scalar("SELECT doudi.case_open($1, 'dibao', $2::uuid, true, '村委会主任之兄')",
                                  {Household("SM-0001"), dal::NewRequestId()});
  Authorize("SM-0001");
  BOOST_TEST(ActBare(r, id, "accept") == "");
  BOOST_TEST(Survey(r, id, "{王调查,李调查}") == kDenied);
  BOOST_TEST(Survey(d, id, "{县民政局张某,县民政局赵某}") == "");
  BOOST_TEST(ActBare(r, id, "survey") == "");
}

BOOST_FIXTURE_TEST_CASE(help_first_is_for_temporary_assistance_only, CaseWork) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer);
  const std::string dibao = Open(c, "SM-0001");
  BOOST_TEST(ActBare(r, dibao, "help_first", "火灾") == kNotAllowed);
  const std::string temporary = Open(c, "SM-0003", "temporary");
  BOOST_TEST(ActBare(r, temporary, "help_first", "火灾后无处居住") == "");
  BOOST_TEST(Field(temporary, "state") == "helped_first");
  // The cap per approval (演示值 6,480.00 in Sanmen) binds the grant.
  BOOST_TEST(Propose(r, temporary, "0", "648001") == kNotAllowed);
  BOOST_TEST(Propose(r, temporary, "0", "300000") == "");
}

BOOST_FIXTURE_TEST_CASE(deadlines_follow_the_case, CaseWork) {
  LoadCalendar();
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  const std::string id = Open(c, "SM-0001");
  BOOST_TEST(Field(id, "step_due IS NULL AND overall_due IS NULL") == "t");  // no clock before acceptance
  BOOST_TEST(ActBare(r, id, "accept") == "");
  BOOST_TEST(Field(id, "accepted_on = current_date") == "t");
  BOOST_TEST(Field(id, "step_due = (doudi.deadline_after(current_date, 3, 'working_days')).due") == "t");
  BOOST_TEST(Field(id, "overall_due = (doudi.deadline_after(current_date, 30, 'working_days')).due") == "t");
  ToNotice(r, id);
  BOOST_TEST(Field(id, "notice_start = current_date AND notice_end = current_date + 7 AND step_due = notice_end") ==
             "t");
  // The decider extends the limit to 45 working days, for a stated reason.
  BOOST_TEST(d.TryExecute("SELECT doudi.case_extend_limit($1, '')", {id}) == kNotAllowed);
  BOOST_TEST(r.TryExecute("SELECT doudi.case_extend_limit($1, '公示期有异议')", {id}) == kDenied);
  BOOST_TEST(d.TryExecute("SELECT doudi.case_extend_limit($1, '公示期有异议')", {id}) == "");
  BOOST_TEST(Field(id, "overall_due = (doudi.deadline_after(accepted_on, 45, 'working_days')).due") == "t");
  // Overdue shows in the overview.
  server.Execute("UPDATE doudi.assistance_case SET step_due = current_date - 1 WHERE id = " + id);
  BOOST_TEST(r.Scalar("SELECT deadline_status FROM doudi.case_overview WHERE id = $1", {id}) == "overdue");
  server.Execute("UPDATE doudi.assistance_case SET step_due = current_date, notice_end = current_date WHERE id = " + id);
  BOOST_TEST(r.Scalar("SELECT deadline_status FROM doudi.case_overview WHERE id = $1", {id}) == "due_soon");
  BOOST_TEST(ActBare(r, id, "close_notice") == "");
  BOOST_TEST(Field(id, "step_due = (doudi.deadline_after(current_date, 10, 'working_days')).due") == "t");
  BOOST_TEST(ActBare(d, id, "approve") == "");
  BOOST_TEST(Field(id, "decided_on = current_date AND overall_due IS NULL") == "t");  // the limit stops at the decision
}

BOOST_FIXTURE_TEST_CASE(an_approval_pays_from_the_next_month, CaseWork) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city),
                f = server.AsUser(finance);
  const std::string id = Open(c, "SM-0001");
  ToNotice(r, id);
  server.Execute("UPDATE doudi.assistance_case SET notice_end = current_date WHERE id = " + id);
  BOOST_TEST(ActBare(r, id, "close_notice") == "");
  // Above the standard × members: refused (Sanmen 1,080.00 a person).
  const std::string members = server.Scalar("SELECT count(*) FROM doudi.person WHERE left_on IS NULL AND household_id = " +
                                            Household("SM-0001"));
  BOOST_TEST(Propose(d, id, std::to_string(108000 * std::stoi(members) + 1), "0") == kNotAllowed);
  BOOST_TEST(ActBare(d, id, "approve") == "");  // the reviewer's proposal stands
  BOOST_TEST(server.Scalar("SELECT effective_month = date_trunc('month', current_date) + interval '1 month' "
                           "AND monthly_fen = 61000 FROM doudi.case_benefit WHERE case_id = " + id) == "t");
  BOOST_TEST(ActBare(d, id, "notify") == "");
  BOOST_TEST(ActBare(d, id, "start_payment") == "");
  BOOST_TEST(Field(id, "next_review_on > current_date") == "t");
  const std::string thisMonth = server.Scalar("SELECT date_trunc('month', current_date)::date");
  const std::string nextMonth = server.Scalar("SELECT (date_trunc('month', current_date) + interval '1 month')::date");
  BOOST_TEST(c.TryExecute("SELECT doudi.payments_generate($1::date)", {nextMonth}) == kDenied);
  BOOST_TEST(f.Scalar("SELECT doudi.payments_generate($1::date)", {thisMonth}) == "0");  // not before it is in force
  BOOST_TEST(f.Scalar("SELECT doudi.payments_generate($1::date)", {nextMonth}) == "1");
  BOOST_TEST(f.Scalar("SELECT doudi.payments_generate($1::date)", {nextMonth}) == "0");  // once
  // Through the data layer, as finance sees it: masked account and ID.
  auto financeDb = std::make_unique<dal::pg::PgDatabase>(server.ConnectionStringFor(finance));
  const auto roster = financeDb->Cases().PaymentRoster(nextMonth.substr(0, 7), "331022");
  BOOST_TEST_REQUIRE(roster.size() == 1U);
  BOOST_TEST(roster[0].amount.Fen() == 61000);
  BOOST_TEST(roster[0].maskedId.find("********") != std::string::npos);
  // Terminated this month: paid through it, not after.
  BOOST_TEST(ActBare(r, id, "review_periodic") == "");
  BOOST_TEST(ActBare(d, id, "terminate", "家庭收入超过标准") == "");
  const std::string later = server.Scalar("SELECT (date_trunc('month', current_date) + interval '2 months')::date");
  BOOST_TEST(f.Scalar("SELECT doudi.payments_generate($1::date)", {later}) == "0");
}

BOOST_FIXTURE_TEST_CASE(the_task_list_shows_what_waits_for_each_user, CaseWork) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  const std::string id = Open(c, "SM-0001");
  BOOST_TEST(c.Count("SELECT count(*) FROM doudi.my_case_tasks") == 0);
  BOOST_TEST(r.Count("SELECT count(*) FROM doudi.my_case_tasks") == 1);
  BOOST_TEST(d.Count("SELECT count(*) FROM doudi.my_case_tasks") == 0);
  ToNotice(r, id);
  server.Execute("UPDATE doudi.assistance_case SET notice_end = current_date WHERE id = " + id);
  BOOST_TEST(ActBare(r, id, "close_notice") == "");
  BOOST_TEST(r.Count("SELECT count(*) FROM doudi.my_case_tasks") == 0);
  BOOST_TEST(d.Count("SELECT count(*) FROM doudi.my_case_tasks") == 1);
  // Through the data layer: the city decider's list, with the applicant named.
  auto cityDb = std::make_unique<dal::pg::PgDatabase>(server.ConnectionStringFor(city));
  const auto tasks = cityDb->Cases().MyTasks(50);
  BOOST_TEST_REQUIRE(tasks.size() == 1U);
  BOOST_TEST(tasks[0].state == "awaiting_decision");
  BOOST_TEST(!tasks[0].applicantName.empty());
  const auto record = cityDb->Cases().Load(tasks[0].id);
  BOOST_TEST_REQUIRE(record.has_value());
  BOOST_TEST(record->steps.size() == 7U);  // apply .. close_notice
  // Who acted, by name, though app_user shows the decider only their own row.
  BOOST_TEST(record->steps.at(1).actor == reviewer);
  BOOST_TEST(record->steps.at(1).actorName ==
             server.Scalar("SELECT display_name FROM doudi.app_user WHERE role_name = '" + reviewer + "'"));
  BOOST_TEST(record->surveys.size() == 1U);
  BOOST_TEST(record->proposal.has_value());
  BOOST_TEST(record->proposal->working == std::vector<std::string>{"差额"}, boost::test_tools::per_element());
  BOOST_TEST(!record->noticeStart.empty());
  BOOST_TEST(record->noticeEnd >= record->noticeStart);
  // A stale version through the data layer is a VersionConflict.
  BOOST_CHECK_THROW(cityDb->Cases().Transition(tasks[0].id, "approve", tasks[0].version - 1, "", dal::NewRequestId()),
                    dal::VersionConflict);
}

// X: a charity grant names a fund that serves the case's region and has
// enough left; the decided grants draw it down.
BOOST_FIXTURE_TEST_CASE(charity_grants_draw_on_a_fund, CaseWork) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer);
  auto admin = std::make_unique<dal::pg::PgDatabase>(
      server.ConnectionStringFor(server.CreateUser("admin", "center_admin", "331022")));
  admin->Cases().AddFund({"sm_help", "三门县慈善总会助困基金", "三门县慈善总会", "331022", "money",
                          model::Money::FromFen(500000), {}});
  BOOST_CHECK_THROW(admin->Cases().AddFund({"jj_help", "晋江基金", "某企业", "350582", "money",
                                            model::Money::FromFen(100), {}}),
                    dal::DatabaseError);  // outside the administrator's scope
  const std::string id = Open(c, "SM-0001", "charity");
  ToVerified(r, id);
  const auto propose = [&](const std::string& fund, const std::string& fen) {
    return r.TryExecute("SELECT doudi.case_propose_amount($1, 0, $2::bigint, '{慈善救助}', NULLIF($3, ''), $4::uuid)",
                        {id, fen, fund, dal::NewRequestId()});
  };
  BOOST_TEST(propose("", "100000") == kNotAllowed);         // a charity grant names its fund
  BOOST_TEST(propose("sm_help", "500001") == kNotAllowed);  // more than the fund holds
  BOOST_TEST(propose("sm_help", "200000") == "");
  ToNoticeFromVerified(r, id);
  BOOST_TEST(propose("sm_help", "100000") == kNotAllowed);  // not while the notice shows the amount
  BOOST_TEST(admin->Cases().Funds("331022001201").at(0).left.Fen() == 500000);  // nothing decided yet
  server.Execute("UPDATE doudi.assistance_case SET notice_end = current_date WHERE id = " + id);
  BOOST_TEST(ActBare(r, id, "close_notice") == "");
  BOOST_TEST(ActBare(server.AsUser(city), id, "approve") == "");
  const auto funds = admin->Cases().Funds("331022001201");
  BOOST_TEST_REQUIRE(funds.size() == 1U);
  BOOST_TEST(funds[0].left.Fen() == 300000);
  BOOST_TEST(admin->Cases().Funds("350582").empty());
}

// A member leaving a paid household (a death, or moving out) brings its
// review forward to within review_after_death (3 months), though the clerk
// who saves the household may not change cases.
BOOST_FIXTURE_TEST_CASE(a_member_leaving_brings_the_review_forward, CaseWork) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), d = server.AsUser(city);
  const std::string id = Open(c, "SM-0001");
  ToNotice(r, id);
  server.Execute("UPDATE doudi.assistance_case SET notice_end = current_date WHERE id = " + id);
  BOOST_TEST(ActBare(r, id, "close_notice") == "");
  for (const char* action : {"approve", "notify", "start_payment"}) BOOST_TEST(ActBare(d, id, action) == "", action);
  BOOST_TEST(Field(id, "next_review_on > current_date + interval '5 months'") == "t");  // 6 or 12 months away

  dal::pg::PgDatabase clerkDb(server.ConnectionStringFor(clerk));
  auto household = *clerkDb.Registry().LoadHousehold(std::stoll(Household("SM-0001")));
  const auto leaving = std::find_if(household.members.begin(), household.members.end(),
                                    [](const model::Person& p) { return p.relation != model::Relation::Head; });
  BOOST_TEST_REQUIRE((leaving != household.members.end()));
  household.members.erase(leaving);
  clerkDb.Registry().SaveHousehold(household, dal::NewRequestId());
  BOOST_TEST(Field(id, "next_review_on = (current_date + interval '3 months')::date") == "t");
  BOOST_TEST(Field(id, "review_task_from = next_review_on - 30") == "t");
}

BOOST_AUTO_TEST_SUITE_END()
