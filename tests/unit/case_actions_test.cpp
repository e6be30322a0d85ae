// What the case view offers, without a window: the rule table's actions for
// the case's state and the user's group, each with what it still waits for
// on record (the survey, the evidence, the authorization, the amount, the
// end of the public notice), the evidence to offer first and the kind of
// file an evidence is filed under.
#include "doudi/workstation/case_actions.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace doudi;
using workstation::CaseActionWait;

namespace {

constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{7}};

dal::CaseRecord InState(const std::string& state) {
  dal::CaseRecord record;
  record.summary.program = "dibao";
  record.summary.stepOrder = "national";
  record.summary.state = state;
  return record;
}

const workstation::CaseActionChoice& Action(const std::vector<workstation::CaseActionChoice>& choices,
                                            std::string_view action) {
  const auto it = std::find_if(choices.begin(), choices.end(), [&](const auto& c) { return c.rule.action == action; });
  BOOST_TEST_REQUIRE((it != choices.end()), "no action " << action);
  return *it;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(case_actions)

BOOST_AUTO_TEST_CASE(each_action_says_what_it_waits_for) {
  // Accepted: the survey waits for its record.
  auto accepted = InState("accepted");
  auto choices = workstation::ActionsFor(accepted, "township_reviewer", kToday);
  BOOST_TEST((Action(choices, "survey").waits == CaseActionWait::Survey));
  BOOST_TEST(!Action(choices, "survey").Possible());
  accepted.surveys.push_back({{"王一", "李二"}, "2026-12-01", "属实", "户主", "", ""});
  BOOST_TEST(Action(workstation::ActionsFor(accepted, "township_reviewer", kToday), "survey").Possible());

  // Surveyed: verification waits for the report, offered first as evidence.
  auto surveyed = InState("surveyed");
  choices = workstation::ActionsFor(surveyed, "township_reviewer", kToday);
  BOOST_TEST((Action(choices, "verify").waits == CaseActionWait::Evidence));
  BOOST_TEST(workstation::EvidenceWanted(choices) == "verification_report");
  dal::CaseEvidence report;
  report.kind = "verification_report";
  surveyed.evidence.push_back(report);
  choices = workstation::ActionsFor(surveyed, "township_reviewer", kToday);
  BOOST_TEST(Action(choices, "verify").Possible());
  BOOST_TEST(workstation::EvidenceWanted(choices) == "other");
  // On record, but the database says its file is missing: still waiting.
  surveyed.missing.push_back({"verify", "verification_report", "case.evidence_missing"});
  BOOST_TEST(!Action(workstation::ActionsFor(surveyed, "township_reviewer", kToday), "verify").Possible());

  // Applied: acceptance waits while the database says the authorization is missing.
  auto applied = InState("applied");
  applied.missing.push_back({"accept", "authorization", "case.authorization_missing"});
  BOOST_TEST((Action(workstation::ActionsFor(applied, "township_reviewer", kToday), "accept").waits ==
              CaseActionWait::Authorization));
  applied.missing.clear();
  BOOST_TEST(Action(workstation::ActionsFor(applied, "township_reviewer", kToday), "accept").Possible());

  // The decision: approval waits for an amount; refusal does not.
  auto deciding = InState("awaiting_decision");
  choices = workstation::ActionsFor(deciding, "city_decider", kToday);
  BOOST_TEST((Action(choices, "approve").waits == CaseActionWait::Amount));
  BOOST_TEST(Action(choices, "refuse").Possible());
  BOOST_TEST(workstation::ActionsFor(deciding, "village_clerk", kToday).empty());  // not the clerk's
}

BOOST_AUTO_TEST_CASE(the_notice_closes_on_its_last_day) {
  auto notice = InState("in_public_notice");
  BOOST_TEST((Action(workstation::ActionsFor(notice, "township_reviewer", kToday), "close_notice").waits ==
              CaseActionWait::NoticeEndDate));
  notice.noticeEnd = "2026-12-08";
  const auto running = Action(workstation::ActionsFor(notice, "township_reviewer", kToday), "close_notice");
  BOOST_TEST((running.waits == CaseActionWait::NoticeRunning));
  BOOST_TEST(running.noticeEnd == "2026-12-08");
  notice.noticeEnd = "2026-12-07";
  BOOST_TEST(Action(workstation::ActionsFor(notice, "township_reviewer", kToday), "close_notice").Possible());
}

BOOST_AUTO_TEST_CASE(an_evidences_file_is_filed_under_its_kind) {
  BOOST_TEST((workstation::EvidenceFileKind("income_proof") == model::AttachmentKind::IncomeProof));
  BOOST_TEST((workstation::EvidenceFileKind("medical_record") == model::AttachmentKind::MedicalBills));
  BOOST_TEST((workstation::EvidenceFileKind("verification_report") == model::AttachmentKind::Other));
}

BOOST_AUTO_TEST_CASE(an_unknown_order_is_the_national_one) {
  dal::CaseSummary summary;
  summary.stepOrder = "jinjiang";
  BOOST_TEST((workstation::OrderOf(summary) == model::StepOrder::Jinjiang));
  summary.stepOrder = "elsewhere";
  BOOST_TEST((workstation::OrderOf(summary) == model::StepOrder::National));
}

BOOST_AUTO_TEST_SUITE_END()
