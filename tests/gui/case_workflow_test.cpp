// The case screens as three desk users meet them: a village clerk opens an
// application from a household in the registry, a township reviewer takes
// it through acceptance, survey, verification, the amount, review, public
// notice and its end, and a city decider approves — each through the
// workstation's own windows, dialogs and workers, checking at every stage
// what the screen shows (the state, the timeline, the actions offered).
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "app/main_frame.h"
#include "app/screenshot.h"
#include "cases/amount_dialog.h"
#include "cases/case_forms.h"
#include "cases/case_text.h"
#include "cases/case_view.h"
#include "cases/my_tasks_panel.h"
#include "cases/new_case_dialog.h"
#include "cases/notice_panel.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/case_workflow.h"
#include "gui_harness.h"
#include "parameters/parameters_panel.h"
#include "registry/registry_panel.h"

using namespace doudi;

namespace {

constexpr const char* kVillage = "331022001201";  // 悬渚村, the clerk's
constexpr const char* kTownship = "331022001";    // 海游街道
constexpr const char* kCounty = "331022";         // 三门县

using doudi::test::ShotPath;

using doudi::test::Chinese;
using doudi::test::U;

// The three desk users of one test, each with their own main window.
struct Desk {
  test::DeskDatabase db;
  std::string reviewer, city;
  Desk() {
    reviewer = db.AddUser("reviewer", "township_reviewer", kTownship, "王审核");
    city = db.AddUser("city", "city_decider", kCounty, "陈市定");
  }
  // A main window for the user, shown; deleted by Close.
  gui::MainFrame* Open(const std::string& connection) { return test::OpenFrame(db, connection); }
};

void Close(gui::MainFrame* frame) {
  test::CloseFrame(frame);
}

// The demo household of the clerk's village with the lowest income: 低保
// eligible on the demo standard.
std::int64_t PoorestHousehold(test::TestDatabase& server) {
  return server.Count(
      "SELECT h.id FROM doudi.household AS h WHERE h.region_code = '" + std::string(kVillage) +
      "' ORDER BY (SELECT coalesce(sum(i.monthly_fen), 0) FROM doudi.income_item AS i WHERE i.household_id = h.id)"
      " / (SELECT count(*) FROM doudi.person AS p WHERE p.household_id = h.id AND p.left_on IS NULL), h.id LIMIT 1");
}

bool Settled(const gui::CaseView& view) {
  return view.GetState() == gui::CaseView::State::Ready;
}

void WaitReady(gui::CaseView& view) {
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(view); }));
}

std::string State(const gui::CaseView& view) {
  return view.Record()->summary.state;
}

std::vector<std::string> ActionCodes(const gui::CaseView& view) {
  std::vector<std::string> codes;
  for (const auto& a : view.Actions()) codes.emplace_back(a.rule.action);
  return codes;
}

bool Possible(const gui::CaseView& view, const std::string& action) {
  for (const auto& a : view.Actions()) {
    if (a.rule.action == action) return a.Possible();
  }
  return false;
}

// The last timeline row's action and new state, as the screen shows them.
std::pair<wxString, wxString> LastStep(const gui::CaseView& view) {
  auto* list = view.Timeline();
  const long last = list->GetItemCount() - 1;
  return {list->GetItemText(last, 3), list->GetItemText(last, 5)};
}

// Presses OK on the action's opinion dialog, typing opinion first.
gui::DialogRunner Opinion(const std::string& opinion) {
  return [opinion](wxDialog& dialog) {
    return test::PressOk(
        dialog, [&](wxDialog& d) { test::Find<wxTextCtrl>(d, "opinion")->ChangeValue(wxString::FromUTF8(opinion)); });
  };
}

// Takes the action through its button's code path and waits for the reload;
// checks the timeline gained the step.
void Take(gui::CaseView& view, const std::string& action, const std::string& opinion = {}) {
  BOOST_TEST_CONTEXT("action " << action) {
    BOOST_REQUIRE_MESSAGE(Possible(view, action), "not offered: " + action);
    const long before = view.Timeline()->GetItemCount();
    view.SetDialogRunner(Opinion(opinion));
    view.TakeAction(action);
    BOOST_REQUIRE(test::PumpUntil([&] { return Settled(view) && view.Timeline()->GetItemCount() == before + 1; }));
    BOOST_TEST(U(LastStep(view).first) == U(gui::ActionLabel(action)));
    BOOST_TEST(U(LastStep(view).second) == U(gui::StateLabel(State(view))));
  }
}

// Opens the case from the user's My tasks list (double-click's path).
gui::CaseView& FromTasks(gui::MainFrame* frame, std::int64_t caseId, const std::string& screenshot = {}) {
  auto* tasks = frame->Tasks();
  BOOST_REQUIRE(tasks != nullptr);
  tasks->Reload();
  BOOST_REQUIRE(test::PumpUntil([&] { return !tasks->IsLoading(); }));
  long row = -1;
  for (std::size_t i = 0; i < tasks->Tasks().size(); ++i) {
    if (tasks->Tasks()[i].id == caseId) row = static_cast<long>(i);
  }
  BOOST_REQUIRE_MESSAGE(row >= 0, "the case is not among the user's tasks");
  if (!screenshot.empty()) {
    test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
    BOOST_TEST(gui::SaveWindowPng(frame, ShotPath(screenshot)));
  }
  tasks->OpenRow(row);
  auto* view = frame->FindCase(caseId);
  BOOST_REQUIRE(view != nullptr);
  WaitReady(*view);
  return *view;
}

// The clerk: the registry, the household's head, New application (低保).
std::int64_t ClerkApplies(Desk& desk, gui::MainFrame* clerk, std::int64_t household) {
  auto& registry = clerk->Registry();
  const std::string head =
      desk.db.Server().Scalar("SELECT name FROM doudi.person WHERE household_id = " + std::to_string(household) +
                              " AND relation = 'head' AND left_on IS NULL");
  registry.SearchFor(wxString::FromUTF8(head));
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching() && registry.ResultCount() > 0; }));
  registry.SelectRow(0);
  // The count comes first; the row itself once its page is fetched.
  BOOST_REQUIRE(test::PumpUntil([&] { return registry.MayApply(); }));
  std::int64_t opened = 0;
  registry.SetDialogRunner([&](wxDialog& dialog) {
    auto& form = dynamic_cast<gui::NewCaseDialog&>(dialog);
    // Flagged as a close relative without saying whose: refused at the field.
    BOOST_TEST(test::PressOk(
                   form, [](wxDialog& d) { test::Find<wxCheckBox>(d, "close_relative")->SetValue(true); },
                   [&] { return form.ProgramsLoaded(); }, std::chrono::milliseconds(500)) == 0);
    const int code = test::PressOk(form, [](wxDialog& d) {
      test::Find<wxCheckBox>(d, "close_relative")->SetValue(false);
      auto* program = test::Find<wxChoice>(d, "program");
      program->SetSelection(program->FindString(Chinese("最低生活保障")));
    });
    if (form.CaseId()) opened = *form.CaseId();
    return code;
  });
  registry.NewApplication();
  BOOST_REQUIRE(opened > 0);
  return opened;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cases)

BOOST_AUTO_TEST_CASE(a_case_goes_from_application_to_decision_through_three_desks) {
  Desk desk;
  const auto household = PoorestHousehold(desk.db.Server());

  // The village clerk applies; the case view opens, with nothing for a clerk to do.
  auto* clerk = desk.Open(desk.db.ClerkConnection());
  const auto caseId = ClerkApplies(desk, clerk, household);
  auto* clerkView = clerk->FindCase(caseId);
  BOOST_REQUIRE(clerkView != nullptr);
  WaitReady(*clerkView);
  BOOST_TEST(State(*clerkView) == "applied");
  BOOST_TEST(clerkView->Actions().empty());
  BOOST_TEST(clerkView->Timeline()->GetItemCount() == 1);
  Close(clerk);

  // The family's signed authorization is scanned onto the household
  // (through the data layer: the attachment screens are tested on their own).
  desk.db.Server().Execute("SELECT doudi.attachment_add('household', " + std::to_string(household) +
                           ", 'authorization', '核对授权书.pdf', convert_to('%PDF-1.4', 'UTF8'), '', NULL, "
                           "gen_random_uuid())");

  // The township reviewer finds it in My tasks and works it to the notice.
  auto* reviewer = desk.Open(desk.reviewer);
  auto& view = FromTasks(reviewer, caseId);
  BOOST_TEST(ActionCodes(view) == std::vector<std::string>{"accept"});
  Take(view, "accept");
  BOOST_TEST(State(view) == "accepted");
  BOOST_TEST(!Possible(view, "survey"));  // shown, with why: no survey yet
  BOOST_TEST(view.OffersSurvey());
  view.SetDialogRunner([](wxDialog& dialog) {
    // One surveyor is not enough: refused at the field, the dialog stays.
    BOOST_TEST(test::PressOk(
                   dialog,
                   [](wxDialog& d) {
                     test::Find<wxTextCtrl>(d, "surveyor1")->ChangeValue(Chinese("张调查"));
                     test::Find<wxTextCtrl>(d, "findings")->ChangeValue(Chinese("住房简陋，无稳定收入。"));
                     test::Find<wxTextCtrl>(d, "members_present")->ChangeValue(Chinese("户主本人"));
                   },
                   {}, std::chrono::milliseconds(300)) == 0);
    return test::PressOk(dialog,
                         [](wxDialog& d) { test::Find<wxTextCtrl>(d, "surveyor2")->ChangeValue(Chinese("李调查")); });
  });
  view.RecordSurvey();
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(view) && !view.Record()->surveys.empty(); }));
  BOOST_TEST(view.Record()->surveys.front().surveyors.size() == 2u);
  Take(view, "survey");
  BOOST_TEST(State(view) == "surveyed");
  BOOST_TEST(!Possible(view, "verify"));
  // Evidence is refused at the field without its scanned file (a title
  // alone is no report); with the file, verify opens.
  const auto scan = std::filesystem::temp_directory_path() / ("doudi-report-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(scan, std::ios::binary) << "%PDF-1.4\n%%EOF\n";
  view.SetDialogRunner([&scan](wxDialog& dialog) {
    const auto fill = [](wxDialog& d) {
      // Preselected: the kind the verify step is waiting for.
      BOOST_TEST(U(test::Find<wxChoice>(d, "kind")->GetStringSelection()) ==
                 U(gui::EvidenceKindLabel("verification_report")));
      test::Find<wxTextCtrl>(d, "title")->ChangeValue(Chinese("家庭经济状况核对报告"));
    };
    BOOST_TEST(test::PressOk(dialog, fill, {}, std::chrono::milliseconds(300)) == 0);
    dynamic_cast<gui::EvidenceDialog&>(dialog).SetFile(wxString::FromUTF8(scan.string()));
    return test::PressOk(dialog, {});
  });
  view.AddEvidence();
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(view) && !view.Record()->evidence.empty(); }));
  BOOST_TEST(view.Record()->evidence.front().files == 1);
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(view) && view.Record()->missing.empty(); }));
  std::filesystem::remove(scan);
  Take(view, "verify");
  BOOST_TEST(State(view) == "verified");

  // The amount, computed from the household and the county's standard.
  BOOST_TEST(view.OffersAmount());
  std::vector<wxString> shownWorking;
  view.SetDialogRunner([&](wxDialog& dialog) {
    auto& amount = dynamic_cast<gui::AmountDialog&>(dialog);
    return test::PressOk(dialog, [&](wxDialog& d) {
      BOOST_REQUIRE(amount.Proposal().has_value());
      auto* working = test::Find<wxListBox>(d, "working");
      for (unsigned i = 0; i < working->GetCount(); ++i) shownWorking.push_back(working->GetString(i));
    });
  });
  view.ProposeAmount();
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(view) && view.Record()->proposal.has_value(); }));
  BOOST_TEST(view.Record()->proposal->monthly.Fen() > 0);
  BOOST_TEST(view.Working()->GetCount() == shownWorking.size());
  BOOST_TEST(!shownWorking.empty());

  // The review needs an opinion: an empty one is refused in the dialog.
  BOOST_TEST(model::FindTransition(model::StepOrder::National, "verified", "review")->opinionRequired);
  view.SetDialogRunner([](wxDialog& dialog) { return test::PressOk(dialog, {}, {}, std::chrono::milliseconds(300)); });
  view.TakeAction("review");
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
  BOOST_TEST(State(view) == "verified");
  Take(view, "review", "经调查核实，家庭人均收入低于当地低保标准，同意纳入。");
  Take(view, "publish");
  BOOST_TEST(State(view) == "in_public_notice");
  BOOST_TEST(!Possible(view, "close_notice"));  // the notice runs its days

  // The notice list shows what may be posted.
  auto& notices = reviewer->Notices();
  notices.Reload();
  BOOST_REQUIRE(test::PumpUntil([&] { return !notices.IsLoading(); }));
  BOOST_REQUIRE(notices.Entries().size() == 1u);
  BOOST_TEST(notices.Entries().front().caseId == caseId);
  BOOST_TEST(notices.MayObject(0));

  // Seven days pass: the notice's dates move back as the clock would.
  desk.db.Server().Execute(
      "UPDATE doudi.assistance_case SET notice_start = current_date - 7, "
      "notice_end = current_date WHERE id = " +
      std::to_string(caseId));
  view.Reload();
  WaitReady(view);
  Take(view, "close_notice");
  BOOST_TEST(State(view) == "awaiting_decision");
  BOOST_TEST(view.Actions().empty());  // the decision is the city's
  Close(reviewer);

  // The city decider approves.
  auto* city = desk.Open(desk.city);
  auto& decision = FromTasks(city, caseId);
  BOOST_TEST((ActionCodes(decision) == std::vector<std::string>{"approve", "refuse", "return"}));
  BOOST_TEST(Possible(decision, "approve"));
  // The review's row selected: its whole opinion shows under the timeline.
  decision.Timeline()->SetItemState(4, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(&decision, ShotPath("case-view-timeline.png")));
  // The decider extends the overall limit, for a stated reason, once.
  const std::string dueBefore = decision.Record()->summary.overallDue;
  BOOST_TEST(decision.OffersExtension());
  decision.SetDialogRunner(Opinion("申请人长期在外务工，入户调查需再次安排"));
  decision.ExtendLimit();
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(decision) && decision.Record()->limitExtended; }));
  BOOST_TEST(decision.Record()->summary.overallDue > dueBefore);
  BOOST_TEST(!decision.OffersExtension());
  Take(decision, "approve");
  BOOST_TEST(State(decision) == "decided_approved");
  BOOST_TEST(decision.Record()->benefits.size() == 1u);
  BOOST_TEST(decision.Timeline()->GetItemCount() ==
             desk.db.Server().Count("SELECT count(*) FROM doudi.case_step WHERE case_id = " + std::to_string(caseId)));
  BOOST_TEST((ActionCodes(decision) == std::vector<std::string>{"notify"}));
  decision.Pages()->SetSelection(2);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));
  BOOST_TEST(gui::SaveWindowPng(&decision, ShotPath("case-view-amount.png")));
  Close(city);
}

BOOST_AUTO_TEST_CASE(each_user_sees_only_the_actions_of_their_group) {
  Desk desk;
  const auto household = PoorestHousehold(desk.db.Server());
  std::int64_t caseId = 0;
  {
    dal::pg::PgDatabase clerkDb(desk.db.ClerkConnection());
    caseId = clerkDb.Cases().Open(dal::NewCase{household, "dibao", false, ""}, dal::NewRequestId());
  }
  const std::pair<std::string, std::vector<std::string>> expected[] = {
      {desk.db.ClerkConnection(), {}}, {desk.reviewer, {"accept"}}, {desk.city, {}}};
  for (const auto& [connection, actions] : expected) {
    auto* frame = desk.Open(connection);
    auto& view = frame->OpenCase(caseId);
    WaitReady(view);
    BOOST_TEST(ActionCodes(view) == actions);
    // The clerk and the city have no task in it; the reviewer has.
    if (auto* tasks = frame->Tasks()) {
      BOOST_REQUIRE(test::PumpUntil([&] { return !tasks->IsLoading(); }));
      const bool listed = std::any_of(tasks->Tasks().begin(), tasks->Tasks().end(),
                                      [&](const dal::CaseSummary& t) { return t.id == caseId; });
      BOOST_TEST(listed == !actions.empty());
    }
    Close(frame);
  }
}

BOOST_AUTO_TEST_CASE(an_objection_is_recorded_from_the_notice_list) {
  Desk desk;
  const auto household = PoorestHousehold(desk.db.Server());
  std::int64_t caseId = 0;
  {
    dal::pg::PgDatabase clerkDb(desk.db.ClerkConnection());
    caseId = clerkDb.Cases().Open(dal::NewCase{household, "dibao", false, ""}, dal::NewRequestId());
    dal::pg::PgDatabase db(desk.reviewer);
    auto& cases = db.Cases();
    auto version = cases.Load(caseId)->summary.version;
    auto step = [&](const char* action, const char* opinion = "") {
      version = cases.Transition(caseId, action, version, opinion, dal::NewRequestId());
    };
    const std::vector<unsigned char> scan{'%', 'P', 'D', 'F', '-', '1', '.', '4'};
    db.Attachments().Add(dal::NewAttachment{{"case", caseId}, "authorization", "核对授权书.pdf", scan, "", {}},
                         dal::NewRequestId());
    step("accept");
    cases.RecordSurvey(caseId,
                       dal::CaseSurvey{{"张调查", "李调查"}, gui::IsoDate(gui::Today()), "无稳定收入", "户主", {}, {}},
                       dal::NewRequestId());
    step("survey");
    cases.AddEvidenceWithFile(caseId, dal::CaseEvidence{"verification_report", "核对报告", "", {}, {}},
                              dal::NewAttachment{{}, "other", "核对报告.pdf", scan, "", {}}, dal::NewRequestId());
    step("verify");
    cases.ProposeAmount(caseId,
                        dal::AmountProposal{model::Money::FromFen(50000), {}, {"monthly amount 500.00"}, {}, {}, {}},
                        dal::NewRequestId());
    step("review", "同意");
    step("publish");
  }
  // Two more applications accepted, whose survey is overdue and due soon
  // (their dates moved as the clock would have): My tasks colours them.
  const auto others =
      desk.db.Server().Rows("SELECT id FROM doudi.household WHERE region_code LIKE '" + std::string(kTownship) +
                            "%' AND id <> " + std::to_string(household) + " ORDER BY id LIMIT 2");
  BOOST_REQUIRE(others.size() == 2u);
  for (std::size_t i = 0; i < others.size(); ++i) {
    dal::pg::PgDatabase reviewerDb(desk.reviewer);
    const auto other =
        reviewerDb.Cases().Open(dal::NewCase{std::stoll(others[i]), "dibao", false, ""}, dal::NewRequestId());
    reviewerDb.Attachments().Add(
        dal::NewAttachment{{"case", other}, "authorization", "核对授权书.pdf", {'%', 'P', 'D', 'F', '-'}, "", {}},
        dal::NewRequestId());
    reviewerDb.Cases().Transition(other, "accept", reviewerDb.Cases().Load(other)->summary.version, "",
                                  dal::NewRequestId());
    desk.db.Server().Execute("UPDATE doudi.assistance_case SET step_due = current_date " +
                             std::string(i == 0 ? "- 2" : "+ 1") + " WHERE id = " + std::to_string(other));
  }
  auto* reviewer = desk.Open(desk.reviewer);
  auto* tasks = reviewer->Tasks();
  BOOST_REQUIRE(test::PumpUntil([&] { return !tasks->IsLoading(); }));
  BOOST_REQUIRE(tasks->Tasks().size() == 3u);
  BOOST_TEST((tasks->Tasks()[0].deadline == dal::DeadlineStatus::Overdue));
  BOOST_TEST((tasks->List()->GetItemTextColour(0) == gui::kOverdueText));
  BOOST_TEST((tasks->Tasks()[1].deadline == dal::DeadlineStatus::DueSoon));
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(reviewer, ShotPath("my-tasks.png")));
  auto& notices = reviewer->Notices();
  reviewer->ShowSection(&notices);
  BOOST_REQUIRE(test::PumpUntil([&] { return !notices.IsLoading(); }));
  BOOST_REQUIRE(notices.Entries().size() == 1u);
  BOOST_TEST(U(notices.List()->GetItemText(0, 4)) == U(gui::Yuan(model::Money::FromFen(50000))));
  notices.List()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(reviewer, ShotPath("notice-list.png")));
  // An empty objection is refused; a stated one moves the case.
  notices.SetDialogRunner(
      [](wxDialog& dialog) { return test::PressOk(dialog, {}, {}, std::chrono::milliseconds(300)); });
  notices.RecordObjection(0);
  notices.SetDialogRunner(Opinion("村民反映该户有经营收入未申报。"));
  notices.RecordObjection(0);
  BOOST_REQUIRE(test::PumpUntil([&] {
    return !notices.IsLoading() && notices.Entries().size() == 1u && notices.Entries().front().state == "objected";
  }));
  BOOST_TEST(notices.Entries().front().objections == 1);
  BOOST_TEST(U(notices.List()->GetItemText(0, 8)) == "1");
  Close(reviewer);
}

BOOST_AUTO_TEST_CASE(administrators_add_parameters_with_field_messages_others_read) {
  Desk desk;
  const auto admin = desk.db.AddUser("admin", "center_admin", kCounty, "赵管理");
  auto* frame = desk.Open(admin);
  auto& parameters = frame->Parameters();
  frame->ShowSection(&parameters);
  BOOST_REQUIRE(test::PumpUntil([&] { return !parameters.IsLoading(); }));
  BOOST_TEST(parameters.IsEditable());
  const auto before = parameters.Rows().size();
  BOOST_TEST(before > 0u);
  auto* value = test::Find<wxTextCtrl>(parameters, "value");
  auto* key = test::Find<wxChoice>(parameters, "key");
  auto* from = test::Find<wxTextCtrl>(parameters, "effective_from");
  BOOST_REQUIRE(value != nullptr);
  // Choosing the program (as a click does) lists its keys.
  auto* program = test::Find<wxChoice>(parameters, "program");
  test::Choose(program, program->FindString(Chinese("最低生活保障")));
  key->SetSelection(key->FindString("standard_per_person"));
  BOOST_REQUIRE(key->GetSelection() >= 0);
  value->ChangeValue("1150");  // fen or yuan? refused
  from->ChangeValue("2027-02-30");
  parameters.AddRow();
  BOOST_TEST(!parameters.FieldMessage("value").empty());
  BOOST_TEST(!parameters.FieldMessage("effective_from").empty());
  value->ChangeValue("1150.00");
  from->ChangeValue("2027-01-01");
  test::Find<wxTextCtrl>(parameters, "note")->ChangeValue(Chinese("三门县民政局 2026年第12号通知"));
  parameters.AddRow();
  BOOST_REQUIRE(test::PumpUntil([&] { return !parameters.IsAdding() && !parameters.IsLoading(); }));
  BOOST_TEST(parameters.FieldMessage("value").empty());
  BOOST_TEST(parameters.Rows().size() == before + 1);
  // The same row again: the database's refusal said at the date.
  value->ChangeValue("1150.00");
  parameters.AddRow();
  BOOST_REQUIRE(test::PumpUntil([&] { return !parameters.IsAdding(); }));
  BOOST_TEST(!parameters.FieldMessage("effective_from").empty());
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(frame, ShotPath("program-parameters.png")));
  Close(frame);
  // A reviewer reads the same rows, without the form.
  auto* reader = desk.Open(desk.reviewer);
  BOOST_REQUIRE(test::PumpUntil([&] { return !reader->Parameters().IsLoading(); }));
  BOOST_TEST(!reader->Parameters().IsEditable());
  BOOST_TEST(test::Find<wxTextCtrl>(reader->Parameters(), "value") == nullptr);
  Close(reader);
}

BOOST_AUTO_TEST_SUITE_END()
