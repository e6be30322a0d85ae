// The 上报 section as a village clerk meets it: with the section open, a
// grid worker's report (sent through doudi-intake's gateway, as the intake
// login) appears in the list within seconds without any refresh, in bold
// and counted on the tab; urgent, it offers 临时救助 first once a household
// is linked. The clerk links it to the household its ID number finds, merges
// a second report of the same family into it, registers the family of a
// third from its report, and closes the first — a note is required for "no
// action needed". A township reviewer, for an emergency, opens 临时救助
// first through the application form and refers the household through the
// 转办 dialog; the case and the send are linked to the report.
#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <optional>

#include "app/main_frame.h"
#include "app/screenshot.h"
#include "cases/new_case_dialog.h"
#include "common/wx_text.h"
#include "doudi/model/resident_id.h"
#include "gui_harness.h"
#include "intake/intake_forms.h"
#include "intake/intake_panel.h"
#include "intake_reporter.h"
#include "referrals/referral_dialog.h"
#include "registry/household_editor.h"

using namespace doudi;
using namespace std::chrono_literals;
using doudi::gui::Wx;
using doudi::test::U;
using Action = gui::IntakePanel::Action;

namespace {

constexpr const char* kVillage = test::IntakeReporter::kVillage;

gui::IntakePanel& Section(gui::MainFrame* frame) {
  auto* panel = frame->FindSection<gui::IntakePanel>();
  BOOST_REQUIRE(panel != nullptr);
  frame->ShowSection(panel);
  BOOST_REQUIRE(test::PumpUntil([&] {
    return panel->GetLive() == gui::IntakePanel::Live::Listening && !panel->IsLoading();
  }));
  return *panel;
}

wxString TabText(gui::IntakePanel& panel) {
  auto* book = dynamic_cast<wxBookCtrlBase*>(panel.GetParent());
  BOOST_REQUIRE(book != nullptr);
  return book->GetPageText(static_cast<std::size_t>(book->FindPage(&panel)));
}

const dal::IntakeReport& Shown(gui::IntakePanel& panel, std::int64_t id) {
  const long row = panel.RowOf(id);
  BOOST_REQUIRE(row >= 0);
  return panel.Reports()[static_cast<std::size_t>(row)];
}

// Waits until the panel's write and the reading after it are done.
void Settle(gui::IntakePanel& panel) {
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel.IsWriting() && !panel.IsLoading(); }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake)

BOOST_AUTO_TEST_CASE(a_field_report_appears_without_a_refresh_and_is_linked_merged_and_closed) {
  test::DeskDatabase db;
  auto& server = db.Server();
  test::IntakeReporter reporter(db);
  // A household of the village the report is about, found by its head's ID number.
  const std::int64_t household = server.Count(std::string("SELECT id FROM doudi.household WHERE region_code = '") +
                                               kVillage + "' ORDER BY id LIMIT 1");
  const std::string idNumber = server.Scalar("SELECT id_number FROM doudi.person WHERE household_id = " +
                                             std::to_string(household) + " AND relation = 'head' AND left_on IS NULL");
  const std::string name = server.Scalar("SELECT name FROM doudi.person WHERE household_id = " +
                                         std::to_string(household) + " AND relation = 'head' AND left_on IS NULL");

  auto* frame = test::OpenFrame(db, db.ClerkConnection());
  auto& panel = Section(frame);
  BOOST_TEST(panel.Reports().empty());
  BOOST_TEST(U(TabText(panel)) == U(wxGetTranslation("Field reports")));
  BOOST_TEST(U(panel.LiveText()) == U(wxGetTranslation("Live: new reports appear by themselves")));

  // Sent from a phone while the section is open: no refresh is pressed.
  const auto sentAt = std::chrono::steady_clock::now();
  const auto first = reporter.Send(name, idNumber, "urgent", true);
  BOOST_REQUIRE(test::PumpUntil([&] { return panel.RowOf(first.id) >= 0; }, 5s));
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - sentAt);
  BOOST_TEST_MESSAGE("the report appeared after " << took.count() << " ms");
  BOOST_TEST(took.count() < 3000);
  const long row = panel.RowOf(first.id);
  BOOST_TEST(panel.IsNew(first.id));
  BOOST_TEST(panel.List()->GetItemFont(row).GetWeight() == wxFONTWEIGHT_BOLD);
  BOOST_TEST(U(TabText(panel)) == U(wxString::Format(wxGetTranslation("Field reports (%zu)"), std::size_t{1})));
  BOOST_TEST(U(panel.List()->GetItemText(row, 2)) == name);
  BOOST_TEST(U(panel.List()->GetItemText(row, 3)) == U(wxGetTranslation("Illness")));
  BOOST_TEST(U(panel.List()->GetItemText(row, 4)) == U(wxGetTranslation("Urgent")));
  BOOST_TEST(U(panel.List()->GetItemText(row, 5)) == U(wxGetTranslation("Received")));
  BOOST_TEST(U(panel.List()->GetItemText(row, 6)) == test::IntakeReporter::kName);

  // Selected, it is no longer new; its photo shows; the ID number is masked.
  panel.SelectRow(row);
  BOOST_TEST(!panel.IsNew(first.id));
  BOOST_TEST(panel.List()->GetItemFont(row).GetWeight() != wxFONTWEIGHT_BOLD);
  if (!test::PumpUntil([&] { return panel.PhotosShown() == 1u; })) {
    // What the photo strip says instead (a failure to read them is shown there).
    for (auto* child : test::Find<wxWindow>(panel, "photos")->GetChildren()) BOOST_TEST_MESSAGE(U(child->GetLabel()));
    BOOST_FAIL("the report's photo is not shown");
  }
  BOOST_TEST(Shown(panel, first.id).idNumberMasked.find("****") != std::string::npos);
  BOOST_TEST(Shown(panel, first.id).idNumberMasked != idNumber);
  // Urgent: 临时救助 comes first, once a household is linked.
  BOOST_TEST(!panel.Offers(Action::OpenTemporary));
  BOOST_TEST(panel.Offers(Action::LinkHousehold));
  BOOST_TEST(panel.Offers(Action::Close));
  BOOST_TEST(!panel.Offers(Action::Merge));  // no other report of the family yet

  // 关联已有户: the household its ID number finds is offered first.
  int picked = 0;
  panel.SetDialogRunner([&](wxDialog& dialog) {
    auto* pick = dynamic_cast<gui::PickDialog*>(&dialog);
    BOOST_REQUIRE(pick != nullptr);
    BOOST_TEST(pick->Rows()->GetItemCount() >= 1);
    BOOST_TEST(U(pick->Rows()->GetItemText(0, 3)) == U(wxGetTranslation("ID number")));
    ++picked;
    return test::PressOk(dialog, {});
  });
  panel.Act(Action::LinkHousehold);
  BOOST_REQUIRE(test::PumpUntil([&] { return Shown(panel, first.id).householdId.has_value(); }));
  Settle(panel);
  BOOST_TEST(picked == 1);
  BOOST_TEST(*Shown(panel, first.id).householdId == household);
  BOOST_TEST(Shown(panel, first.id).state == "handling");
  BOOST_TEST(U(panel.List()->GetItemText(panel.RowOf(first.id), 5)) == U(wxGetTranslation("Being handled")));
  BOOST_TEST(panel.Offers(Action::OpenTemporary));
  // 转办 is the township's (refer_households): a village clerk has no button for it.
  BOOST_TEST(!panel.Permits(Action::Refer));
  BOOST_TEST(!panel.ActionButton(Action::Refer)->IsShown());
  BOOST_TEST(!panel.Offers(Action::LinkHousehold));

  // A second report of the same family arrives, in bold, and is merged into the first.
  const auto second = reporter.Send(name, "", "normal", false);
  BOOST_REQUIRE(test::PumpUntil([&] { return panel.RowOf(second.id) >= 0; }, 5s));
  BOOST_TEST(panel.IsNew(second.id));
  BOOST_TEST(U(TabText(panel)) == U(wxString::Format(wxGetTranslation("Field reports (%zu)"), std::size_t{2})));
  test::PumpUntil([] { return false; }, 500ms);  // let it paint
  BOOST_TEST(gui::SaveWindowPng(frame, test::ShotPath("intake-inbox.png")));

  panel.SelectRow(panel.RowOf(second.id));
  BOOST_TEST(panel.Offers(Action::Merge));
  panel.SetDialogRunner([&](wxDialog& dialog) {
    auto* pick = dynamic_cast<gui::PickDialog*>(&dialog);
    BOOST_REQUIRE(pick != nullptr);
    BOOST_REQUIRE(pick->Rows()->GetItemCount() == 1);
    return test::PressOk(dialog, {});
  });
  panel.Act(Action::Merge);
  BOOST_REQUIRE(test::PumpUntil([&] { return panel.RowOf(second.id) < 0; }));  // closed: off the open list
  Settle(panel);
  BOOST_TEST(server.Scalar("SELECT merged_into FROM doudi.intake_report WHERE id = " + std::to_string(second.id)) ==
             std::to_string(first.id));

  // 新建户: a report on someone not in the registry registers the family from
  // the report (the ID number typed from the card), then links it.
  const auto third = reporter.Send("叶三妹", "", "normal", false);
  BOOST_REQUIRE(test::PumpUntil([&] { return panel.RowOf(third.id) >= 0; }, 5s));
  panel.SelectRow(panel.RowOf(third.id));
  BOOST_TEST(!panel.Offers(Action::Merge));
  const std::string first17 = "33102219480229903";
  const std::string newId = first17 + model::ResidentIdCheckCharacter(first17);
  std::optional<std::int64_t> registered;
  panel.SetDialogRunner([&](wxDialog& dialog) {
    auto* editor = dynamic_cast<gui::HouseholdEditor*>(&dialog);
    BOOST_REQUIRE(editor != nullptr);
    editor->Show();
    BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() == gui::HouseholdEditor::State::Editing; }));
    const auto& h = editor->Edited();
    BOOST_TEST(h.regionCode == kVillage);
    BOOST_TEST(h.address == "悬渚村5组2号");
    BOOST_TEST(h.phone == "13800001234");
    BOOST_REQUIRE_EQUAL(h.members.size(), 1u);
    BOOST_TEST(h.members.front().name == "叶三妹");
    editor->EditCell(gui::HouseholdEditor::Table::Members, 0, gui::HouseholdEditor::kMemberIdNumber, Wx(newId));
    BOOST_REQUIRE(editor->CanSave());
    editor->Save();
    BOOST_REQUIRE(test::PumpUntil([&] { return editor->HouseholdId().has_value(); }));
    registered = editor->HouseholdId();
    editor->Hide();
    return static_cast<int>(wxID_OK);
  });
  panel.Act(Action::NewHousehold);
  BOOST_REQUIRE(registered.has_value());
  BOOST_REQUIRE(test::PumpUntil([&] { return Shown(panel, third.id).householdId == registered; }));
  Settle(panel);
  BOOST_TEST(server.Scalar("SELECT id_number FROM doudi.person WHERE household_id = " + std::to_string(*registered)) ==
             newId);

  // 办结 "no action needed" without a note is refused at the field; with one it closes.
  panel.SelectRow(panel.RowOf(first.id));
  bool refused = false;
  panel.SetDialogRunner([&](wxDialog& dialog) {
    auto* close = dynamic_cast<gui::CloseReportDialog*>(&dialog);
    BOOST_REQUIRE(close != nullptr);
    BOOST_TEST(close->Outcome() == "helped");  // the default with no case or referrals
    const int bare = test::PressOk(dialog, [&](wxDialog&) { close->SetOutcome("no_action"); }, {}, 500ms);
    refused = bare != wxID_OK && dialog.IsShown();
    return test::PressOk(dialog, [&](wxDialog& d) {
      test::Find<wxTextCtrl>(d, "note")->SetValue(wxString::FromUTF8("家属已自行解决"));
    });
  });
  panel.Act(Action::Close);
  BOOST_REQUIRE(test::PumpUntil([&] { return panel.RowOf(first.id) < 0; }));
  Settle(panel);
  BOOST_TEST(refused);
  BOOST_TEST(server.Scalar("SELECT state || '|' || outcome || '|' || outcome_note FROM doudi.intake_report WHERE id = " +
                           std::to_string(first.id)) == "closed|no_action|家属已自行解决");
  BOOST_TEST(U(TabText(panel)) == U(wxString::Format(wxGetTranslation("Field reports (%zu)"), std::size_t{1})));
  // The reporter sees the first two closed, the third being handled.
  for (const auto& mine : reporter.Mine()) BOOST_TEST(mine.state == (mine.id == third.id ? "handling" : "closed"));

  // Every report, closed ones included, with their outcome in the detail.
  panel.SetShowAll(true);
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel.IsLoading() && panel.Reports().size() == 3u; }));
  panel.SelectRow(panel.RowOf(first.id));
  BOOST_TEST(!panel.Offers(Action::Close));
  BOOST_TEST(U(panel.List()->GetItemText(panel.RowOf(first.id), 5)) == U(wxGetTranslation("Closed")));
  test::CloseFrame(frame);
}

BOOST_AUTO_TEST_CASE(an_urgent_report_gets_temporary_assistance_first_and_referrals_from_the_township) {
  test::DeskDatabase db;
  auto& server = db.Server();
  test::IntakeReporter reporter(db);
  const auto reviewerLogin = db.AddUser("reviewer", "township_reviewer", "331022001", "王审核");
  const std::int64_t household = server.Count(std::string("SELECT id FROM doudi.household WHERE region_code = '") +
                                               kVillage + "' ORDER BY id DESC LIMIT 1");
  const auto head = server.Rows("SELECT name, id_number FROM doudi.person WHERE household_id = " +
                                std::to_string(household) + " AND relation = 'head' AND left_on IS NULL");
  BOOST_REQUIRE_EQUAL(head.size(), 1u);
  const std::string name = head.front().substr(0, head.front().find('|'));
  const std::string idNumber = head.front().substr(head.front().find('|') + 1);

  auto* frame = test::OpenFrame(db, reviewerLogin);
  auto& panel = Section(frame);
  const auto sent = reporter.Send(name, idNumber, "emergency", false);
  BOOST_REQUIRE(test::PumpUntil([&] { return panel.RowOf(sent.id) >= 0; }, 5s));
  panel.SelectRow(panel.RowOf(sent.id));
  // The buttons in the order offered: 开临时救助 first for an emergency.
  auto* bar = panel.ActionButton(Action::OpenTemporary)->GetParent();
  BOOST_TEST(bar->GetSizer()->GetItem(std::size_t{0})->GetWindow() == panel.ActionButton(Action::OpenTemporary));
  BOOST_TEST(panel.Permits(Action::Refer));
  BOOST_TEST(!panel.Offers(Action::Refer));  // a household first

  panel.SetDialogRunner([&](wxDialog& dialog) { return test::PressOk(dialog, {}); });
  panel.Act(Action::LinkHousehold);
  BOOST_REQUIRE(test::PumpUntil([&] { return Shown(panel, sent.id).householdId == household; }));
  Settle(panel);

  // 开临时救助: the existing application form, 临时救助 chosen; the case is linked.
  panel.SetDialogRunner([&](wxDialog& dialog) {
    auto* application = dynamic_cast<gui::NewCaseDialog*>(&dialog);
    BOOST_REQUIRE(application != nullptr);
    return test::PressOk(dialog, {}, [&] { return application->ProgramsLoaded(); });
  });
  BOOST_REQUIRE(panel.Offers(Action::OpenTemporary));
  panel.Act(Action::OpenTemporary);
  BOOST_REQUIRE(test::PumpUntil([&] { return Shown(panel, sent.id).caseId.has_value(); }));
  Settle(panel);
  const auto caseId = *Shown(panel, sent.id).caseId;
  BOOST_TEST(server.Scalar("SELECT program || '|' || household_id FROM doudi.assistance_case WHERE id = " +
                           std::to_string(caseId)) == "temporary|" + std::to_string(household));
  BOOST_TEST(!panel.Offers(Action::OpenTemporary));

  // 转办: the existing referral dialog for the household and the case; the send is linked.
  std::vector<std::int64_t> referrals;
  panel.SetDialogRunner([&](wxDialog& shown) {
    auto& dialog = dynamic_cast<gui::ReferralDialog&>(shown);
    dialog.Show();
    BOOST_REQUIRE(test::PumpUntil([&] { return dialog.GetState() == gui::ReferralDialog::State::Ready; }));
    BOOST_REQUIRE(dialog.Lines()->GetCount() > 0u);
    dialog.Tick(0, true);
    dialog.SetRequest(wxString::FromUTF8("老伴住院，请协助医疗救助"));
    dialog.SendAll();
    BOOST_REQUIRE(test::PumpUntil([&] { return dialog.GetState() == gui::ReferralDialog::State::Sent; }));
    referrals = dialog.ReferralIds();
    dialog.Hide();
    return static_cast<int>(wxID_OK);
  });
  panel.Act(Action::Refer);
  BOOST_REQUIRE(test::PumpUntil([&] { return Shown(panel, sent.id).referralSendId.has_value(); }));
  Settle(panel);
  BOOST_REQUIRE_EQUAL(referrals.size(), 1u);
  BOOST_TEST(server.Scalar("SELECT send_id || '|' || case_id FROM doudi.referral WHERE id = " +
                           std::to_string(referrals.front())) ==
             std::to_string(*Shown(panel, sent.id).referralSendId) + "|" + std::to_string(caseId));

  // 办结 offers "case opened" for a report with a case.
  panel.SetDialogRunner([&](wxDialog& dialog) {
    BOOST_TEST(dynamic_cast<gui::CloseReportDialog&>(dialog).Outcome() == "case_opened");
    return test::PressOk(dialog, {});
  });
  panel.Act(Action::Close);
  BOOST_REQUIRE(test::PumpUntil([&] { return panel.RowOf(sent.id) < 0; }));
  Settle(panel);
  BOOST_TEST(server.Scalar("SELECT outcome FROM doudi.intake_report WHERE id = " + std::to_string(sent.id)) ==
             "case_opened");
  test::CloseFrame(frame);
}

BOOST_AUTO_TEST_SUITE_END()
