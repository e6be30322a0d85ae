// The joint loop as its desks meet it (issue 15): a township reviewer refers
// a 低保 case to three departments at once from the case view (one send, one
// request id); the 帮扶办结 mark is refused while a referral lacks feedback;
// each department's liaison finds only their own referral in 转办待办 — one
// of them past its due date, red — accepts it and records what was given;
// the mark succeeds only after the last feedback. The center's
// administrator sees every department's referrals, the escalated first.
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>

#include "app/main_frame.h"
#include "app/screenshot.h"
#include "attachments/attachments_window.h"
#include "cases/case_text.h"
#include "cases/case_view.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/report_list.h"
#include "documents/document_preview.h"
#include "doudi/catalog/refusal_text.h"
#include "doudi/dal/connection_profile.h"
#include "doudi/dal/case_repository.h"
#include "gui_harness.h"
#include "referrals/departments_panel.h"
#include "referrals/referral_dialog.h"
#include "referrals/referral_forms.h"
#include "referrals/referral_inbox_panel.h"
#include "referrals/referral_text.h"
#include "referrals/referrals_page.h"
#include "registry/household_editor.h"

using namespace doudi;

namespace {

constexpr const char* kVillage = "331022001201";  // 悬渚村
constexpr const char* kTownship = "331022001";    // 海游街道
constexpr const char* kCounty = "331022";         // 三门县

using doudi::test::Chinese;
using doudi::test::ShotPath;
using doudi::test::U;

struct Department {
  const char* code;
  const char* kind;
  const char* liaison;
  const char* request;
  const char* documents;  // one a line
};
constexpr Department kDepartments[] = {
    {"medical_insurance", "medical_aid", "王医保", "户主患尿毒症需长期透析，请核定医疗救助。",
     "诊断证明\n医疗费用清单"},
    {"education", "school_aid", "林教育", "长女在读高一，请落实教育资助。", "学籍证明\n户口簿"},
    {"human_resources", "job", "郑人社", "配偶有劳动能力，请推荐就近就业岗位。", "户口簿"},
};

// The users of the loop: the reviewer, a liaison per department, the center.
struct JointDesk {
  test::DeskDatabase db;
  std::string reviewer, center;
  std::vector<std::string> liaisons;  // by kDepartments
  JointDesk() {
    reviewer = db.AddUser("reviewer", "township_reviewer", kTownship, "王审核");
    center = db.AddUser("center", "center_admin", kCounty, "周中心");
    int n = 0;
    for (const auto& d : kDepartments) {
      liaisons.push_back(db.AddUser("liaison" + std::to_string(++n), "department_liaison", kCounty, d.liaison, d.code));
    }
  }
};

std::int64_t VillageHousehold(test::TestDatabase& server) {
  return server.Count(std::string("SELECT min(id) FROM doudi.household WHERE region_code = '") + kVillage + "'");
}

std::size_t OfferOf(const gui::ReferralDialog& dialog, const Department& d) {
  const auto& offers = dialog.Send().Offers();
  for (std::size_t i = 0; i < offers.size(); ++i) {
    if (offers[i].department == d.code && offers[i].kind == d.kind) return i;
  }
  BOOST_FAIL("the dialog does not offer " << d.code << " " << d.kind);
  return 0;
}

// 帮扶办结 from the case view's referrals page: true when the mark was set,
// false with the page's message when the database refused it.
bool CloseHelp(gui::ReferralsPage& page, wxString& message) {
  page.CloseHelp();
  BOOST_REQUIRE(test::PumpUntil([&] { return !page.IsClosingHelp(); }));
  message = page.StatusText();
  return page.HelpClosed();
}

// The database's refusal of 帮扶办结 as the catalog words it, open referrals waiting.
std::string WaitingSentence(int open) {
  return catalog::RefusalText("referral.feedback_missing", {{"open", std::to_string(open)}}).value_or("?");
}

gui::ReferralInboxPanel& Inbox(gui::MainFrame* frame) {
  auto* inbox = frame->FindSection<gui::ReferralInboxPanel>();
  BOOST_REQUIRE(inbox != nullptr);
  frame->ShowSection(inbox);
  inbox->Reload();
  BOOST_REQUIRE(test::PumpUntil([&] { return !inbox->IsLoading(); }));
  return *inbox;
}

void WaitWritten(gui::ReferralInboxPanel& inbox) {
  BOOST_REQUIRE(test::PumpUntil([&] { return !inbox.IsWriting() && !inbox.IsLoading(); }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(referrals)

BOOST_AUTO_TEST_CASE(a_case_referred_to_three_departments_closes_its_help_only_after_the_last_feedback) {
  JointDesk desk;
  auto& server = desk.db.Server();
  const auto household = VillageHousehold(server);
  std::int64_t caseId = 0;
  {
    dal::pg::PgDatabase clerkDb(desk.db.ClerkConnection());
    caseId = clerkDb.Cases().Open(dal::NewCase{household, "dibao", false, ""}, dal::NewRequestId());
  }

  // The reviewer refers the case from its view: three lines, one send.
  auto* reviewer = test::OpenFrame(desk.db, desk.reviewer);
  auto& view = reviewer->OpenCase(caseId);
  BOOST_REQUIRE(test::PumpUntil([&] { return view.GetState() == gui::CaseView::State::Ready; }));
  auto& page = *view.Referrals();
  BOOST_REQUIRE(test::PumpUntil([&] { return !page.IsLoading(); }));
  BOOST_TEST(page.Referrals().empty());
  BOOST_REQUIRE(page.OffersReferral());
  std::string requestId;
  page.SetDialogRunner([&](wxDialog& shown) {
    auto& dialog = dynamic_cast<gui::ReferralDialog&>(shown);
    dialog.Show();
    BOOST_REQUIRE(test::PumpUntil([&] { return dialog.GetState() == gui::ReferralDialog::State::Ready; }));
    // A send without a request names the line.
    const auto first = OfferOf(dialog, kDepartments[0]);
    dialog.Tick(first, true);
    dialog.SendAll();
    BOOST_TEST(U(dialog.StatusText()).find("医疗救助") != std::string::npos);
    BOOST_TEST((dialog.GetState() == gui::ReferralDialog::State::Ready));
    for (const auto& d : kDepartments) {
      const auto line = OfferOf(dialog, d);
      dialog.Tick(line, true);
      dialog.SetRequest(Chinese(d.request));
      dialog.SetDocuments(Chinese(d.documents));
    }
    dialog.SelectLine(first);
    BOOST_TEST(dialog.Lines()->IsChecked(static_cast<unsigned>(first)));
    // Each due date the referral will get is on its line.
    BOOST_TEST(U(dialog.Lines()->GetString(static_cast<unsigned>(first))).find("5") != std::string::npos);
    test::PumpUntil([] { return false; }, std::chrono::milliseconds(400));
    BOOST_TEST(gui::SaveWindowPng(&dialog, ShotPath("referral-dialog.png")));
    requestId = dialog.Send().RequestId();
    dialog.SendAll();
    BOOST_REQUIRE(test::PumpUntil([&] { return dialog.GetState() == gui::ReferralDialog::State::Sent; }));
    BOOST_TEST(dialog.ReferralIds().size() == 3u);
    dialog.Hide();
    return wxID_OK;
  });
  page.Refer();
  BOOST_REQUIRE(test::PumpUntil([&] { return !page.IsLoading() && page.Referrals().size() == 3u; }));
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral_send WHERE request_id = '" + requestId + "'") == 1);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral WHERE case_id = " + std::to_string(caseId)) == 3);
  BOOST_TEST(server.Scalar("SELECT string_agg(d, ',' ORDER BY d) FROM doudi.referral AS r, unnest(r.documents) AS d "
                           "WHERE r.department = 'medical_insurance' AND r.case_id = " +
                           std::to_string(caseId)) == "医疗费用清单,诊断证明");

  // The mark waits for every department's feedback; the database says why.
  wxString message;
  BOOST_TEST(!CloseHelp(page, message));
  BOOST_TEST(U(message) == WaitingSentence(3));

  // The education bureau is late: its due date passed three working days ago
  // (moved back as the clock would have moved on: desks cannot move the database's clock).
  server.Execute(
      "UPDATE doudi.referral SET due_on = current_date - 4 WHERE department = "
      "'education' AND case_id = " +
      std::to_string(caseId));

  // Each liaison answers from their own 待办.
  for (std::size_t i = 0; i < std::size(kDepartments); ++i) {
    const auto& d = kDepartments[i];
    BOOST_TEST_CONTEXT(d.code) {
      auto* frame = test::OpenFrame(desk.db, desk.liaisons[i]);
      auto& inbox = Inbox(frame);
      BOOST_REQUIRE_EQUAL(inbox.Referrals().size(), 1u);  // their own department's only
      const auto& referral = inbox.Referrals().front();
      BOOST_TEST(referral.department == d.code);
      BOOST_TEST(!referral.headIdMasked.empty());
      BOOST_TEST(referral.headIdMasked.find("*") != std::string::npos);
      BOOST_TEST(!inbox.OnBehalf());
      const bool late = std::string(d.code) == "education";
      BOOST_TEST((inbox.List()->GetItemTextColour(0) == gui::kOverdueText) == late);
      if (late) {
        BOOST_TEST(referral.overdueDays > 0);
        BOOST_TEST(U(gui::ReportCell(inbox.List(), 0, 1)) == U(gui::ReferralDueText(referral)));
        BOOST_TEST(U(gui::ReportCell(inbox.List(), 0, 1)) != referral.dueOn);  // says how late
        // Selected, its request and documents show below; then the line unselected to show it red.
        inbox.List()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
        inbox.List()->SetItemState(0, 0, wxLIST_STATE_SELECTED);
        test::PumpUntil([] { return false; }, std::chrono::milliseconds(400));
        BOOST_TEST(gui::SaveWindowPng(frame, ShotPath("liaison-inbox.png")));
      }
      inbox.Accept(0);
      WaitWritten(inbox);
      BOOST_TEST(inbox.Referrals().front().state == "accepted", U(inbox.LastMessage()));
      // The department's receipt goes with the referral (a photo of the
      // signed slip), in the referral's own files window.
      inbox.List()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
      auto* files = inbox.OpenFiles(0);
      BOOST_REQUIRE(files != nullptr);
      BOOST_TEST(test::AttachPhotoIn(*files, _("Photo")));
      BOOST_TEST(server.Count("SELECT count(*) FROM doudi.attachment WHERE owner_kind = 'referral' AND owner_id = " +
                              std::to_string(inbox.Referrals().front().id)) == 1);
      BOOST_TEST(inbox.OpenFiles(0) == files);  // asked again: the same window, raised
      files->Destroy();
      inbox.SetDialogRunner([&](wxDialog& shown) {
        // No amount and no description: refused at the field.
        BOOST_TEST(test::PressOk(shown, {}, {}, std::chrono::milliseconds(300)) == 0);
        return test::PressOk(shown, [&](wxDialog& form) {
          if (std::string(d.kind) == "job") {
            test::Find<wxTextCtrl>(form, "description")->ChangeValue(Chinese("安排县城保洁公益性岗位，月工资2,000元"));
          } else {
            test::Find<wxTextCtrl>(form, "amount")->ChangeValue(wxS("8,600.50"));
          }
          test::Find<wxTextCtrl>(form, "given_by")->ChangeValue(Chinese(d.liaison));
          test::Find<wxCheckListBox>(form, "terms")->Check(0);
        });
      });
      inbox.GiveFeedback(0);
      WaitWritten(inbox);
      BOOST_TEST(inbox.Referrals().empty(), U(inbox.LastMessage()));  // answered: off the open list
      test::CloseFrame(frame);
    }
    if (i + 1 < std::size(kDepartments)) {
      BOOST_TEST(!CloseHelp(page, message), "help closed before the last feedback");
      BOOST_TEST(U(message) == WaitingSentence(static_cast<int>(std::size(kDepartments) - i - 1)));
    }
  }
  BOOST_TEST(server.Scalar("SELECT amount_fen::text FROM doudi.help_record WHERE department = 'medical_insurance'") ==
             "860050");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.help_record WHERE on_behalf") == 0);

  // Every answer is in; the reviewer's page shows them, and the mark is set.
  page.Reload();
  BOOST_REQUIRE(test::PumpUntil([&] { return !page.IsLoading(); }));
  BOOST_TEST(page.OpenCount() == 0u);
  BOOST_TEST(CloseHelp(page, message), U(message));
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.assistance_case WHERE help_closed_at IS NOT NULL AND id = " +
                          std::to_string(caseId)) == 1);
  // Read again, each referral says the help is closed, and what it gave
  // counts under the 四帮四扶 term its liaison ticked (the first: 帮就业).
  page.Reload();
  BOOST_REQUIRE(test::PumpUntil([&] { return !page.IsLoading(); }));
  BOOST_REQUIRE_EQUAL(page.Referrals().size(), std::size(kDepartments));
  for (const auto& r : page.Referrals()) {
    BOOST_TEST(r.helpClosed);
    BOOST_TEST(r.feedbackTerms == std::vector<std::string>{"help_job"});
    BOOST_TEST(U(gui::ReferralStateText(r)).find(U(_("help closed"))) != std::string::npos);
    BOOST_TEST(U(gui::ReferralAnswerText(r)).find("帮就业") != std::string::npos, U(gui::ReferralAnswerText(r)));
  }
  test::CloseFrame(reviewer);
}

BOOST_AUTO_TEST_CASE(the_center_sees_every_department_escalated_first_and_answers_on_its_behalf) {
  JointDesk desk;
  auto& server = desk.db.Server();
  const auto household = VillageHousehold(server);
  {
    dal::pg::PgDatabase reviewerDb(desk.reviewer);
    std::vector<dal::ReferralItem> items;
    for (const auto& d : kDepartments) items.push_back(dal::ReferralItem{d.code, d.kind, d.request, {}});
    const auto request = dal::NewRequestId();
    const auto ids =
        reviewerDb.Referrals().Send(request, dal::ReferralSubject{household, std::nullopt, std::nullopt}, "", items);
    BOOST_REQUIRE_EQUAL(ids.size(), 3u);
    // The same request again: the same referrals, nothing new.
    BOOST_TEST(reviewerDb.Referrals().Send(request, dal::ReferralSubject{household, std::nullopt, std::nullopt}, "",
                                           items) == ids);
  }
  // 人社 is far past its due date and its escalation day (fixed at sending).
  server.Execute(
      "UPDATE doudi.referral SET due_on = current_date - 30, escalate_on = current_date - 20 WHERE department = "
      "'human_resources'");
  auto* frame = test::OpenFrame(desk.db, desk.center);
  auto& inbox = Inbox(frame);
  BOOST_REQUIRE_EQUAL(inbox.Referrals().size(), 3u);
  BOOST_TEST(inbox.OnBehalf());
  BOOST_TEST(inbox.Referrals().front().department == "human_resources");
  BOOST_TEST(inbox.Referrals().front().escalated);
  BOOST_TEST(inbox.List()->GetItemBackgroundColour(0) != inbox.List()->GetItemBackgroundColour(1));
  // The center's department filter: every department, then each of the three once.
  auto* departments = inbox.DepartmentFilter();
  BOOST_REQUIRE(departments != nullptr);
  BOOST_TEST(departments->GetCount() == 4u);
  int humanResources = -1;
  for (unsigned i = 1; i < departments->GetCount(); ++i) {
    test::Choose(departments, static_cast<int>(i));
    BOOST_REQUIRE_EQUAL(inbox.Referrals().size(), 1u);
    BOOST_TEST(inbox.List()->GetItemCount() == 1);
    if (inbox.Referrals().front().department == "human_resources") humanResources = static_cast<int>(i);
  }
  BOOST_REQUIRE(humanResources > 0);
  test::Choose(departments, humanResources);
  BOOST_TEST(departments->GetString(static_cast<unsigned>(humanResources)).Contains(wxS("1")));
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));
  BOOST_TEST(gui::SaveWindowPng(frame, ShotPath("center-inbox-department.png")));
  test::Choose(departments, 0);
  BOOST_TEST(inbox.Referrals().size() == 3u);
  inbox.SetDialogRunner([&](wxDialog& shown) {
    return test::PressOk(shown, [&](wxDialog& form) {
      test::Find<wxTextCtrl>(form, "description")->ChangeValue(Chinese("纸质转办单已签收，安排就业见习"));
      test::Find<wxTextCtrl>(form, "given_by")->ChangeValue(Chinese("郑人社"));
    });
  });
  inbox.GiveFeedback(0);
  WaitWritten(inbox);
  BOOST_TEST(inbox.Referrals().size() == 2u, U(inbox.LastMessage()));
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral WHERE department = 'human_resources' AND state = "
                          "'done' AND closed_on_behalf") == 1);
  // The slip of the answered one says so.
  inbox.ShowClosed(true);
  BOOST_REQUIRE(test::PumpUntil([&] { return !inbox.IsLoading(); }));
  long done = -1;
  for (std::size_t i = 0; i < inbox.Referrals().size(); ++i) {
    if (inbox.Referrals()[i].state == "done") done = static_cast<long>(i);
  }
  BOOST_REQUIRE(done >= 0);
  inbox.PrintSlip(done);
  BOOST_REQUIRE(test::PumpUntil([&] { return !inbox.IsOpeningDocument(); }));
  BOOST_TEST(inbox.LastPreview() != nullptr, U(inbox.LastMessage()));
  if (inbox.LastPreview() != nullptr) inbox.LastPreview()->Destroy();
  test::CloseFrame(frame);
}

// 转办 from inside the household editor, for those who may refer; a
// village clerk's editor has no such button.
BOOST_AUTO_TEST_CASE(the_household_editor_refers_its_household_to_a_department) {
  JointDesk desk;
  auto& server = desk.db.Server();
  const auto household = VillageHousehold(server);
  for (const bool reviewer : {false, true}) {
    gui::Session session = reviewer ? desk.db.LogInAs(desk.reviewer) : desk.db.LogIn();
    gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
    gui::Context context(session, gui::Workers{worker, worker, worker, worker, worker, worker});
    auto editor = std::make_unique<gui::HouseholdEditor>(nullptr, worker, session, household, &context);
    editor->Show();
    BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() == gui::HouseholdEditor::State::Editing; }));
    BOOST_TEST(editor->OffersReferral() == reviewer);
    BOOST_TEST((test::Find<wxButton>(*editor, "refer") != nullptr) == reviewer);
    if (!reviewer) continue;
    test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));
    BOOST_TEST(gui::SaveWindowPng(editor.get(), ShotPath("household-editor-refer.png")));
    editor->SetDialogRunner([&](wxDialog& shown) {
      auto& dialog = dynamic_cast<gui::ReferralDialog&>(shown);
      dialog.Show();
      BOOST_REQUIRE(test::PumpUntil([&] { return dialog.GetState() == gui::ReferralDialog::State::Ready; }));
      const auto line = OfferOf(dialog, kDepartments[1]);
      dialog.Tick(line, true);
      dialog.SetRequest(Chinese(kDepartments[1].request));
      dialog.SendAll();
      BOOST_REQUIRE(test::PumpUntil([&] { return dialog.GetState() == gui::ReferralDialog::State::Sent; }));
      dialog.Hide();
      return wxID_OK;
    });
    editor->Refer();
    BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral WHERE case_id IS NULL AND household_id = " +
                            std::to_string(household) + " AND department = '" + kDepartments[1].code + "'") == 1);
  }
}

BOOST_AUTO_TEST_CASE(the_center_edits_its_departments_and_dated_due_days) {
  JointDesk desk;
  auto& server = desk.db.Server();
  auto* frame = test::OpenFrame(desk.db, desk.center);
  auto* panel = frame->FindSection<gui::DepartmentsPanel>();
  BOOST_REQUIRE(panel != nullptr);
  frame->ShowSection(panel);
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel->IsLoading(); }));
  BOOST_TEST(panel->Departments().size() == 14u);
  long medical = -1;
  for (std::size_t i = 0; i < panel->Departments().size(); ++i) {
    if (panel->Departments()[i].code == "medical_insurance") medical = static_cast<long>(i);
  }
  BOOST_REQUIRE(medical >= 0);
  panel->SelectDepartment(medical);
  BOOST_REQUIRE_EQUAL(panel->Help().size(), 1u);
  BOOST_TEST(panel->Help().front().workingDays == 5);
  panel->HelpList()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  // Medical aid is answered in 7 working days from today on.
  panel->SetDialogRunner([](wxDialog& shown) {
    return test::PressOk(shown, [](wxDialog& form) { test::Find<wxSpinCtrl>(form, "due_days")->SetValue(7); });
  });
  panel->SetHelp();
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel->IsWriting() && !panel->IsLoading(); }));
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.department_due_days WHERE county_code = '331022' AND "
                          "department = 'medical_insurance' AND kind = 'medical_aid' AND working_days = 7 AND "
                          "effective_from = current_date") == 1,
             U(panel->LastMessage()));
  // A new department: a bad code is refused at the field, then added.
  panel->SetDialogRunner([](wxDialog& shown) {
    BOOST_TEST(test::PressOk(
                   shown,
                   [](wxDialog& form) {
                     test::Find<wxTextCtrl>(form, "code")->ChangeValue(wxS("Charity Union"));
                     test::Find<wxTextCtrl>(form, "name")->ChangeValue(Chinese("慈善联合会"));
                   },
                   {}, std::chrono::milliseconds(300)) == 0);
    return test::PressOk(
        shown, [](wxDialog& form) { test::Find<wxTextCtrl>(form, "code")->ChangeValue(wxS("charity_union")); });
  });
  panel->AddDepartment();
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel->IsWriting() && !panel->IsLoading(); }));
  BOOST_TEST(panel->Departments().size() == 15u, U(panel->LastMessage()));
  BOOST_TEST(
      server.Scalar("SELECT name FROM doudi.department WHERE county_code = '331022' AND code = 'charity_union'") ==
      "慈善联合会");
  test::CloseFrame(frame);
}

BOOST_AUTO_TEST_SUITE_END()
