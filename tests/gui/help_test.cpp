// Help delivered and the charity funds in the workstation: a clerk opens a
// household's 帮扶 page, sees the 四帮四扶 boxes lit with their counts and the
// help records, records help from a fund through the dialog (a bad amount
// refused at the field first), and the fund's grant shows; a center
// administrator's 慈善基金 section lists the funds, tops one up and shows
// what was granted from it. Screenshots help-summary.png and funds.png.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <memory>

#include "app/screenshot.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/section.h"
#include "doudi/dal/connection_profile.h"
#include "funds/funds_panel.h"
#include "funds/household_help.h"
#include "gui_harness.h"
#include "registry/household_editor.h"

using namespace doudi;
using test::Chinese;
using test::U;

namespace {

// SM-0001 of the demo, in 悬渚村 (the clerk's village).
std::string DemoHousehold(test::TestDatabase& server) {
  return server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'SM-0001'");
}

// A fund of Sanmen, and help SM-0001 already received: a job from an
// enterprise (帮就业 by its kind), school aid named under 帮就学 and 扶志气.
void Seed(test::TestDatabase& server) {
  server.Execute(
      "SELECT doudi.fund_add('sm_help', '三门县慈善总会助困基金', '三门县慈善总会', '331022', 'money', "
      "5000000)");
  const std::string household = DemoHousehold(server);
  server.Execute("SELECT doudi.help_record_add(gen_random_uuid(), " + household +
                 ", NULL, 'job', 'enterprise', '三门某制衣厂', NULL, NULL, current_date - 30, NULL, "
                 "'安排缝纫工岗位，月薪3200元', '王经理', '{}', NULL)");
  server.Execute("SELECT doudi.help_record_add(gen_random_uuid(), " + household +
                 ", NULL, 'school_aid', 'social_worker', '李社工', NULL, NULL, current_date - 10, 150000, "
                 "'大学生助学金及学业辅导', '李社工', '{help_school,support_morale}', NULL)");
}

void Click(wxWindow* control) {
  BOOST_REQUIRE(control != nullptr);
  wxCommandEvent event(wxEVT_BUTTON, control->GetId());
  event.SetEventObject(control);
  control->ProcessWindowEvent(event);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(help)

BOOST_AUTO_TEST_CASE(a_clerk_sees_the_households_help_at_a_glance_and_records_a_fund_grant) {
  test::DeskDatabase db;
  Seed(db.Server());
  gui::Session session = db.LogIn();
  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  gui::Context context(session, gui::Workers{worker, worker, worker, worker, worker, worker});
  const std::int64_t household = std::stoll(DemoHousehold(db.Server()));
  auto editor = std::make_unique<gui::HouseholdEditor>(nullptr, worker, session, household, &context);
  editor->SetSize(editor->FromDIP(wxSize(1100, 760)));
  editor->Show();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() == gui::HouseholdEditor::State::Editing; }));
  gui::HouseholdHelpPanel* help = editor->Help();
  BOOST_REQUIRE(help != nullptr);
  BOOST_TEST(!help->Loaded());  // read when its page is shown
  auto* pages = dynamic_cast<wxNotebook*>(help->GetParent());
  BOOST_REQUIRE(pages != nullptr);
  BOOST_TEST(U(pages->GetPageText(static_cast<std::size_t>(pages->FindPage(help)))) == U(_("Help received")));
  pages->SetSelection(static_cast<std::size_t>(pages->FindPage(help)));
  BOOST_REQUIRE(test::PumpUntil([&] { return help->Loaded() && !help->IsLoading(); }));
  BOOST_TEST(help->Records().size() == 2u);
  BOOST_TEST_REQUIRE(help->Boxes().size() == 8u);
  std::map<std::string, int> counts;
  for (const auto& box : help->Boxes()) counts[box.term] = box.Count();
  BOOST_TEST(counts["help_job"] == 1);
  BOOST_TEST(counts["help_school"] == 1);
  BOOST_TEST(counts["support_morale"] == 1);
  BOOST_TEST(counts["support_poverty"] == 0);
  BOOST_TEST(help->Box("help_job")->GetBackgroundColour() != help->Box("support_poverty")->GetBackgroundColour());

  // A grant of 800 yuan from the fund: "-3" is refused at the field first.
  help->SetDialogRunner([](wxDialog& dialog) {
    const auto fill = [](const char* amount) {
      return [amount](wxDialog& d) {
        auto* giver = test::Find<wxChoice>(d, "giver_kind");
        test::Choose(giver, giver->FindString(Chinese("慈善基金")));
        auto* kind = test::Find<wxChoice>(d, "kind");
        kind->SetSelection(kind->FindString(Chinese("现金救助")));
        test::Find<wxTextCtrl>(d, "amount")->ChangeValue(amount);
        test::Find<wxTextCtrl>(d, "description")->ChangeValue(Chinese("突发大病临时资助"));
        test::Find<wxCheckBox>(d, "term_help_medical")->SetValue(true);
      };
    };
    BOOST_TEST(test::PressOk(dialog, fill("-3"), {}, std::chrono::milliseconds(300)) == 0);
    return test::PressOk(dialog, fill("800"));
  });
  help->AddHelp();
  BOOST_REQUIRE(test::PumpUntil([&] { return !help->IsLoading() && help->Records().size() == 3u; }));
  const auto& grant = help->Records().front();
  BOOST_TEST(grant.entry.giverKind == "fund");
  BOOST_TEST(grant.entry.fundCode == "sm_help");
  BOOST_TEST(grant.entry.amount->Fen() == 80000);
  BOOST_TEST(grant.entry.giver == "三门县慈善总会助困基金");
  for (const auto& box : help->Boxes()) counts[box.term] = box.Count();
  BOOST_TEST(counts["help_medical"] == 1);
  BOOST_TEST(db.Server().Count("SELECT doudi.charity_fund_left('sm_help')") == 5000000 - 80000);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(editor.get(), test::ShotPath("help-summary.png")));
  editor.reset();
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
}

BOOST_AUTO_TEST_CASE(a_center_administrator_tops_up_a_fund_and_sees_what_it_granted) {
  test::DeskDatabase db;
  Seed(db.Server());
  db.Server().Execute("SELECT doudi.help_record_add(gen_random_uuid(), " + DemoHousehold(db.Server()) +
                      ", NULL, 'cash', 'fund', '', NULL, 'sm_help', current_date - 5, 300000, '助困金', '', "
                      "'{}', NULL)");
  const std::string admin = db.AddUser("fund_admin", "center_admin", "331022", "陈管理");
  gui::Session session = db.LogInAs(admin);
  BOOST_TEST(gui::FundsPanel::Describe().shows(session));
  BOOST_TEST(!gui::FundsPanel::Describe().shows(db.LogIn()));  // not for a village clerk
  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  gui::Context context(session, gui::Workers{worker, worker, worker, worker, worker, worker});
  auto* frame = new wxFrame(nullptr, wxID_ANY, Chinese("慈善基金"), wxDefaultPosition, wxSize(1180, 640));
  auto* panel = new gui::FundsPanel(frame, context);
  frame->Show();
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel->IsLoading() && panel->Funds().size() == 1u; }));
  BOOST_TEST(panel->Funds().front().fund.left.Fen() == 5000000 - 300000);
  BOOST_TEST(panel->Funds().front().granted.Fen() == 300000);
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel->IsLoading() && panel->Movements()->GetItemCount() == 1; }));

  panel->SetDialogRunner([](wxDialog& dialog) {
    return test::PressOk(dialog, [](wxDialog& d) {
      test::Find<wxTextCtrl>(d, "amount")->ChangeValue("20000");
      test::Find<wxTextCtrl>(d, "source")->ChangeValue(Chinese("爱心企业年度捐赠"));
    });
  });
  Click(test::Find<wxButton>(*panel, "top_up"));
  BOOST_REQUIRE(test::PumpUntil([&] {
    return !panel->IsLoading() && panel->Funds().size() == 1u && panel->Funds().front().toppedUp.Fen() == 2000000;
  }));
  BOOST_TEST(panel->Funds().front().fund.left.Fen() == 5000000 - 300000 + 2000000);
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel->IsLoading() && panel->Movements()->GetItemCount() == 2; }));
  BOOST_TEST(U(panel->Movements()->GetItemText(0, 1)) == U(_("Top-up")));
  BOOST_TEST(U(panel->Movements()->GetItemText(1, 1)) == U(_("Grant")));
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));
  BOOST_TEST(gui::SaveWindowPng(frame, test::ShotPath("funds.png")));
  frame->Destroy();
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
}

BOOST_AUTO_TEST_SUITE_END()
