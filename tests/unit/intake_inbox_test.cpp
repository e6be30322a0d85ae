// The desk's 上报 inbox without a window (workstation/intake_inbox.h) and
// the words of every code the database stores (model/intake.h), the notes
// closing needs, news
// since the first read, merge targets, the prefilled household and the
// order of the triage actions.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "doudi/workstation/intake_inbox.h"

using namespace doudi;
using workstation::IntakeAction;

namespace {

dal::IntakeReport Report(std::int64_t id, const std::string& name, const std::string& village,
                         const std::string& urgency = "normal", const std::string& state = "received") {
  dal::IntakeReport r;
  r.id = id;
  r.name = name;
  r.regionCode = village;
  r.urgency = urgency;
  r.state = state;
  return r;
}

std::vector<std::int64_t> Ids(const std::vector<dal::IntakeReport>& reports) {
  std::vector<std::int64_t> ids;
  for (const auto& r : reports) ids.push_back(r.id);
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake_inbox)

BOOST_AUTO_TEST_CASE(every_code_the_database_stores_has_words) {
  // The codes of doudi.intake_report's CHECK constraints (dal/migrations/0010_intake.sql).
  for (const char* code : {"illness", "accident", "disaster", "income_loss", "disability", "elderly_alone", "child",
                           "other"}) {
    BOOST_TEST(model::IntakeEnglish(model::IntakeCategories(), code) != code, code);
  }
  for (const char* code : {"normal", "urgent", "emergency"}) {
    BOOST_TEST(model::IntakeEnglish(model::IntakeUrgencies(), code) != code, code);
  }
  for (const char* code : {"received", "handling", "closed"}) {
    BOOST_TEST(model::IntakeEnglish(model::IntakeStates(), code) != code, code);
  }
  for (const char* code : {"helped", "referred", "case_opened", "merged", "no_action", "false_report"}) {
    BOOST_TEST(model::IntakeEnglish(model::IntakeOutcomes(), code) != code, code);
  }
  BOOST_TEST(model::IntakeEnglish(model::IntakeStates(), "newer") == "newer");
  for (const auto& word : model::ClosingOutcomes()) BOOST_TEST(word.code != "merged");
  BOOST_TEST(model::ClosingOutcomes().size() == 5u);
}

BOOST_AUTO_TEST_CASE(no_action_and_false_report_need_a_note) {
  BOOST_TEST(model::OutcomeNeedsNote("no_action"));
  BOOST_TEST(model::OutcomeNeedsNote("false_report"));
  BOOST_TEST(!model::OutcomeNeedsNote("helped"));
  BOOST_TEST(!model::OutcomeNeedsNote("case_opened"));
}

BOOST_AUTO_TEST_CASE(reports_arriving_after_the_first_read_are_news_until_seen) {
  workstation::IntakeNews news;
  BOOST_TEST(news.Update({Report(5, "a", "1"), Report(3, "b", "1")}).empty());
  BOOST_TEST(!news.IsNew(5));
  const auto arrived = news.Update({Report(7, "c", "1"), Report(5, "a", "1"), Report(3, "b", "1")});
  BOOST_TEST(arrived == std::vector<std::int64_t>{7});
  BOOST_TEST(news.IsNew(7));
  // An older closed report a wider filter shows is not news.
  BOOST_TEST(news.Update({Report(7, "c", "1"), Report(2, "d", "1", "normal", "closed")}).empty());
  BOOST_TEST(news.NewCount() == 1u);
  news.Seen(7);
  BOOST_TEST(!news.IsNew(7));
  // Read again, it stays seen.
  BOOST_TEST(news.Update({Report(7, "c", "1")}).empty());
  BOOST_TEST(!news.IsNew(7));
}

BOOST_AUTO_TEST_CASE(a_report_merges_into_another_open_one_of_the_same_village_and_name) {
  const auto report = Report(1, "阿依古丽•买买提", "331022001201");
  auto merged = Report(5, "阿依古丽·买买提", "331022001201");
  merged.mergedInto = 9;
  const std::vector<dal::IntakeReport> reports{
      report,
      Report(2, "阿依古丽·买买提", "331022001201"),                      // the same, dot as the card writes it
      Report(3, "阿依古丽·买买提", "331022001202"),                      // another village
      Report(4, "阿依古丽·买买提", "331022001201", "normal", "closed"),  // closed
      merged,
      Report(6, "李大妈", "331022001201"),
  };
  BOOST_TEST(Ids(workstation::MergeTargets(report, reports)) == std::vector<std::int64_t>{2});
  BOOST_TEST(workstation::IntakeActionReady(IntakeAction::Merge, report, reports));
  BOOST_TEST(!workstation::IntakeActionReady(IntakeAction::Merge, reports.back(), reports));
}

BOOST_AUTO_TEST_CASE(urgent_reports_offer_temporary_assistance_first_once_a_household_is_linked) {
  auto urgent = Report(1, "李大妈", "331022001201", "emergency");
  BOOST_TEST((workstation::IntakeActions(urgent).front() == IntakeAction::OpenTemporary));
  BOOST_TEST((workstation::IntakeActions(Report(2, "x", "1")).front() == IntakeAction::LinkHousehold));
  BOOST_TEST(workstation::IntakeActions(Report(3, "x", "1", "urgent", "closed")).empty());
  BOOST_TEST(!workstation::IntakeActionReady(IntakeAction::OpenTemporary, urgent, {urgent}));
  BOOST_TEST(!workstation::IntakeActionReady(IntakeAction::Refer, urgent, {urgent}));
  BOOST_TEST(workstation::IntakeActionReady(IntakeAction::LinkHousehold, urgent, {urgent}));
  urgent.householdId = 42;
  BOOST_TEST(workstation::IntakeActionReady(IntakeAction::OpenTemporary, urgent, {urgent}));
  BOOST_TEST(workstation::IntakeActionReady(IntakeAction::Refer, urgent, {urgent}));
  BOOST_TEST(!workstation::IntakeActionReady(IntakeAction::NewHousehold, urgent, {urgent}));
  urgent.caseId = 7;
  BOOST_TEST(!workstation::IntakeActionReady(IntakeAction::OpenTemporary, urgent, {urgent}));
  BOOST_TEST(workstation::IntakeActionReady(IntakeAction::Close, urgent, {urgent}));
  BOOST_TEST(workstation::OpenCount({urgent, Report(3, "x", "1", "urgent", "closed")}) == 1u);
}

BOOST_AUTO_TEST_CASE(a_new_household_starts_with_the_reported_person_as_its_head) {
  auto report = Report(1, "李大妈", "331022001201");
  report.address = "悬渚村5组2号";
  report.phone = "138 0000 1234";
  report.idNumberMasked = "331022********0012";
  const auto household = workstation::HouseholdFromReport(report);
  BOOST_TEST(household.regionCode == "331022001201");
  BOOST_TEST(household.address == "悬渚村5组2号");
  BOOST_TEST(household.phone == "13800001234");
  BOOST_TEST(model::IsWellFormedPhone(household.phone));
  BOOST_REQUIRE(household.members.size() == 1u);
  BOOST_TEST(household.members[0].name == "李大妈");
  BOOST_TEST((household.members[0].relation == model::Relation::Head));
  BOOST_TEST(household.members[0].idNumber.empty());
}

BOOST_AUTO_TEST_SUITE_END()
