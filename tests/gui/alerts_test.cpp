// The 预警 section as a township reviewer meets it: cross-check data
// imported through doudi.crosscheck_import_apply raises the alerts (the
// screening runs after each batch); the reviewer finds one in the list,
// reads its figures and the settlements behind them, records a home visit,
// goes to the household, opens an application from the close dialog and
// closes the alert with the case; the case is then one click away. An
// alert about someone not in the registry offers 登记该户 with the name and
// village filled in and the ID number left to type.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "alerts/alert_forms.h"
#include "alerts/alert_text.h"
#include "alerts/alert_view.h"
#include "alerts/alerts_panel.h"
#include "alerts/household_alerts.h"
#include "app/main_frame.h"
#include "app/screenshot.h"
#include "cases/case_view.h"
#include "cases/new_case_dialog.h"
#include "gui_harness.h"
#include "registry/household_editor.h"

using namespace doudi;

namespace {

constexpr const char* kVillage = "331022001201";  // 悬渚村
constexpr const char* kTownship = "331022001";    // 海游街道

using doudi::test::ShotPath;

using doudi::test::Chinese;
using doudi::test::U;

std::string Quoted(const std::string& text) { return "'" + text + "'"; }

// One medical settlement as a cross-check file gives it.
struct Settlement {
  std::string id;       // 结算单号
  std::string idNumber;
  std::string name;
  std::string region;   // "" when the person is in the registry
  std::string visited;  // an SQL date expression
  std::int64_t totalFen;
  std::int64_t selfPaidFen;
};

// Stages the settlements and applies them as one batch of the county's
// medical insurance bureau, as doudi-admin crosscheck import does; the
// database screens the persons it names.
void ImportMedical(test::TestDatabase& server, const std::vector<Settlement>& rows, const std::string& file) {
  const std::string batch = server.Scalar("SELECT gen_random_uuid()");
  int line = 1;
  for (const auto& r : rows) {
    ++line;
    server.Execute(
        "INSERT INTO doudi.crosscheck_stage (batch, line, row_key, id_number, name, region_code, event_date, "
        "amount_fen, covered_fen, self_paid_fen, detail) VALUES (" +
        Quoted(batch) + ", " + std::to_string(line) + ", " + Quoted(r.id) + ", " + Quoted(r.idNumber) + ", " +
        Quoted(r.name) + ", " + (r.region.empty() ? "NULL" : Quoted(r.region)) + ", " + r.visited + ", " +
        std::to_string(r.totalFen) + ", " + std::to_string(r.totalFen - r.selfPaidFen) + ", " +
        std::to_string(r.selfPaidFen) + R"(, '{"institution": "三门县人民医院"}'))");
  }
  const auto result = server.Rows(
      "SELECT kind, code FROM doudi.crosscheck_import_apply(" + Quoted(batch) +
      ", 'medical', '三门县医疗保障局', current_date, 'SM-YB-2026-07', encode(sha256(" + Quoted(file) +
      "::bytea), 'hex'), " + std::to_string(rows.size()) + ", 0, false)");
  BOOST_REQUIRE_EQUAL(result.size(), 1u);
  BOOST_REQUIRE_EQUAL(result.front(), "batch|new");
}

// A 低保 household of the village with no case yet, and its head.
struct Household {
  std::int64_t id = 0;
  std::string head, idNumber;
};

Household DibaoHousehold(test::TestDatabase& server) {
  Household h;
  h.id = server.Count(std::string("SELECT h.id FROM doudi.household AS h WHERE h.region_code = '") + kVillage +
                      "' AND NOT EXISTS (SELECT 1 FROM doudi.assistance_case AS c WHERE c.household_id = h.id) "
                      "ORDER BY h.id LIMIT 1");
  server.Execute("UPDATE doudi.household SET registry_status = 'dibao' WHERE id = " + std::to_string(h.id));
  const auto head = server.Rows("SELECT name, id_number FROM doudi.person WHERE household_id = " +
                                std::to_string(h.id) + " AND relation = 'head' AND left_on IS NULL");
  BOOST_REQUIRE_EQUAL(head.size(), 1u);
  h.head = head.front().substr(0, head.front().find('|'));
  h.idNumber = head.front().substr(head.front().find('|') + 1);
  return h;
}

gui::AlertsPanel& Section(gui::MainFrame* frame) {
  auto* panel = frame->FindSection<gui::AlertsPanel>();
  BOOST_REQUIRE(panel != nullptr);
  frame->ShowSection(panel);
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel->IsLoading(); }));
  return *panel;
}

long RowOf(const gui::AlertsPanel& panel, const std::string& rule) {
  for (std::size_t i = 0; i < panel.Alerts().size(); ++i) {
    if (panel.Alerts()[i].rule == rule) return static_cast<long>(i);
  }
  return -1;
}

bool Ready(const gui::AlertView& view) { return view.GetState() == gui::AlertView::State::Ready; }

gui::AlertView& OpenFromList(gui::AlertsPanel& panel, long row) {
  BOOST_REQUIRE(row >= 0);
  const auto id = panel.Alerts()[static_cast<std::size_t>(row)].id;
  panel.OpenRow(row);
  auto* view = gui::AlertView::Find(id);
  BOOST_REQUIRE(view != nullptr);
  BOOST_REQUIRE(test::PumpUntil([&] { return Ready(*view); }));
  return *view;
}

void Shoot(wxWindow* window, const std::string& name) {
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(window, ShotPath(name)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(alerts)

BOOST_AUTO_TEST_CASE(an_alert_leads_to_its_household_and_is_closed_with_the_case_opened_for_it) {
  test::DeskDatabase db;
  auto& server = db.Server();
  const auto reviewerLogin = db.AddUser("reviewer", "township_reviewer", kTownship, "王审核");
  const auto household = DibaoHousehold(server);
  // Two settlements this year: 23,512.40 yuan in total, over the 20,000 line.
  ImportMedical(server,
                {{"JS2026-0001", household.idNumber, household.head, "", "date_trunc('year', current_date)::date",
                  1581240, 412000},
                 {"JS2026-0002", household.idNumber, household.head, "", "date_trunc('year', current_date)::date",
                  770000, 231000}},
                "medical-1.csv");

  // The village clerk handles no alerts: no section.
  auto* clerk = test::OpenFrame(db, db.ClerkConnection());
  BOOST_TEST(clerk->FindSection<gui::AlertsPanel>() == nullptr);
  test::CloseFrame(clerk);

  auto* frame = test::OpenFrame(db, reviewerLogin);
  auto& panel = Section(frame);
  const long row = RowOf(panel, "medical_registered");
  BOOST_REQUIRE_MESSAGE(row >= 0, "no medical_registered alert in the list: " << U(panel.StatusText()));
  const auto alertId = panel.Alerts()[static_cast<std::size_t>(row)].id;
  BOOST_TEST(U(panel.List()->GetItemText(row, 2)) == household.head);
  BOOST_TEST(U(panel.List()->GetItemText(row, 5)) == "23,512.40");
  BOOST_TEST(U(panel.List()->GetItemText(row, 6)) == U(gui::AlertStateLabel("new")));
  // The full ID number never reaches the desk.
  BOOST_TEST(U(panel.List()->GetItemText(row, 3)) != household.idNumber);
  bool counted = false;
  for (const auto& count : panel.Counts()) {
    if (count.rule == "medical_registered") counted = count.open == 1 && count.closed == 0;
  }
  BOOST_TEST(counted);
  Shoot(frame, "alerts-section.png");

  // 1st click: the alert, its figures in words and the two settlements.
  auto& view = OpenFromList(panel, row);
  BOOST_TEST(U(view.FiguresText()).find("23,512.40") != std::string::npos, U(view.FiguresText()));
  BOOST_TEST(U(view.FiguresText()).find("20,000.00") != std::string::npos, U(view.FiguresText()));
  auto* settlements = test::Find<wxListCtrl>(view, "sources_medical");
  BOOST_REQUIRE(settlements != nullptr);
  BOOST_TEST(settlements->GetItemCount() == 2);
  BOOST_TEST(!view.OffersRegister());  // a registered person
  BOOST_TEST(view.OffersHousehold());

  // A home visit, with what it found: the alert is being verified.
  view.SetDialogRunner([](wxDialog& dialog) {
    BOOST_TEST(test::PressOk(dialog, {}, {}, std::chrono::milliseconds(300)) == 0);  // no findings: refused
    return test::PressOk(dialog, [](wxDialog& d) {
      test::Find<wxChoice>(d, "method")->SetSelection(1);
      test::Find<wxTextCtrl>(d, "findings")->ChangeValue(Chinese("户主住院两次，家中无其他收入，医疗负担重。"));
    });
  });
  view.RecordCheck();
  BOOST_REQUIRE(test::PumpUntil([&] { return Ready(view) && view.Checks().size() == 1; }));
  BOOST_TEST(view.Checks().front().method == "home_visit");
  BOOST_TEST(view.GetAlert()->state == "verifying");
  BOOST_TEST(U(view.CheckList()->GetItemText(0, 0)) == U(gui::CheckMethodLabel("home_visit")));
  Shoot(&view, "alert-view.png");

  // Go to the household: its editor, on the household the alert is about,
  // whose line of open alerts links back to it.
  std::optional<std::int64_t> shownHousehold;
  view.SetEditorRunner([&](gui::HouseholdEditor& editor) {
    editor.Show();
    BOOST_REQUIRE(test::PumpUntil([&] { return editor.GetState() == gui::HouseholdEditor::State::Editing; }));
    shownHousehold = editor.HouseholdId();
    BOOST_REQUIRE(editor.OpenAlerts() != nullptr);
    BOOST_REQUIRE(test::PumpUntil([&] { return editor.OpenAlerts()->IsLoaded(); }));
    BOOST_REQUIRE_EQUAL(editor.OpenAlerts()->Alerts().size(), 1u);
    BOOST_TEST(editor.OpenAlerts()->Alerts().front().id == alertId);
    BOOST_TEST(editor.OpenAlerts()->IsShown());
    editor.Hide();
    return static_cast<int>(wxID_CANCEL);
  });
  view.GoToHousehold();
  BOOST_TEST((shownHousehold == household.id));
  BOOST_REQUIRE(test::PumpUntil([&] { return Ready(view); }));

  // Close with 已立案: no case yet, so the close dialog opens the application.
  std::optional<std::int64_t> opened;
  view.SetDialogRunner([&](wxDialog& dialog) {
    if (auto* application = dynamic_cast<gui::NewCaseDialog*>(&dialog)) {
      const int code = test::PressOk(
          dialog,
          [](wxDialog& d) {
            auto* program = test::Find<wxChoice>(d, "program");
            program->SetSelection(program->FindString(Chinese("最低生活保障")));
          },
          [&] { return application->ProgramsLoaded(); });
      opened = application->CaseId();
      return code;
    }
    auto& close = dynamic_cast<gui::CloseDialog&>(dialog);
    // 已立案 without a case is refused at the field.
    BOOST_TEST(test::PressOk(dialog, {}, {}, std::chrono::milliseconds(300)) == 0);
    return test::PressOk(dialog, [&](wxDialog& d) {
      auto* button = test::Find<wxButton>(d, "new_application");
      BOOST_REQUIRE(button->IsEnabled());
      wxCommandEvent click(wxEVT_BUTTON, button->GetId());
      click.SetEventObject(button);
      button->ProcessWindowEvent(click);
      BOOST_REQUIRE(opened.has_value());
      BOOST_TEST((close.CaseId() == opened));
      BOOST_TEST(close.Outcome() == "case_opened");
    });
  });
  view.CloseAlert();
  BOOST_REQUIRE(opened.has_value());
  BOOST_REQUIRE(test::PumpUntil([&] { return Ready(view) && view.GetAlert()->state == "closed"; }));
  BOOST_TEST(view.GetAlert()->outcome == "case_opened");
  BOOST_TEST((view.GetAlert()->outcomeCaseId == opened));
  BOOST_TEST(!view.OffersClose());
  BOOST_TEST(server.Scalar("SELECT outcome_case_id FROM doudi.alert WHERE id = " + std::to_string(alertId)) ==
             std::to_string(*opened));

  // The open list no longer has it; the counts say it is closed.
  BOOST_REQUIRE(test::PumpUntil([&] { return !panel.IsLoading() && RowOf(panel, "medical_registered") < 0; }));
  for (const auto& count : panel.Counts()) {
    if (count.rule == "medical_registered") BOOST_TEST(count.closed == 1);
  }

  // From the alert, the household's cases page: the case opens with one more click.
  BOOST_REQUIRE_EQUAL(view.Cases().size(), 1u);
  BOOST_TEST(view.Cases().front().id == *opened);
  view.OpenCaseRow(0);
  auto* caseView = frame->FindCase(*opened);
  BOOST_REQUIRE(caseView != nullptr);
  BOOST_REQUIRE(test::PumpUntil([&] { return caseView->GetState() == gui::CaseView::State::Ready; }));
  BOOST_TEST(caseView->Record()->summary.householdId == household.id);
  caseView->Destroy();
  view.Destroy();
  test::CloseFrame(frame);
}

BOOST_AUTO_TEST_CASE(an_alert_about_someone_not_in_the_registry_offers_to_register_the_household) {
  test::DeskDatabase db;
  auto& server = db.Server();
  const auto reviewerLogin = db.AddUser("reviewer", "township_reviewer", kTownship, "王审核");
  // A villager the registry does not know: 46,000 yuan self-paid this year.
  const std::string idNumber =
      server.Scalar("SELECT '33102219700101001' || doudi.resident_id_check_character('33102219700101001')");
  ImportMedical(server,
                {{"JS2026-0101", idNumber, "叶三妹", kVillage, "date_trunc('year', current_date)::date", 5200000,
                  4600000}},
                "medical-2.csv");

  auto* frame = test::OpenFrame(db, reviewerLogin);
  auto& panel = Section(frame);
  auto& view = OpenFromList(panel, RowOf(panel, "medical_unregistered"));
  BOOST_TEST(U(view.FiguresText()).find("46,000.00") != std::string::npos, U(view.FiguresText()));
  BOOST_TEST(!view.OffersHousehold());
  BOOST_REQUIRE(view.OffersRegister());

  bool checked = false;
  view.SetEditorRunner([&](gui::HouseholdEditor& editor) {
    editor.Show();
    test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));
    const auto& h = editor.Edited();
    BOOST_TEST(!editor.HouseholdId().has_value());
    BOOST_TEST(h.regionCode == kVillage);
    BOOST_REQUIRE_EQUAL(h.members.size(), 1u);
    BOOST_TEST(h.members.front().name == "叶三妹");
    BOOST_TEST(h.members.front().idNumber.empty());  // typed by the clerk from the ID card
    BOOST_TEST(editor.IsDirty());
    // The note says where the ID number comes from, showing the masked one.
    BOOST_TEST(U(editor.StatusText()).find(view.GetAlert()->idNumberMasked) != std::string::npos,
               U(editor.StatusText()));
    checked = true;
    editor.Hide();
    return static_cast<int>(wxID_CANCEL);
  });
  view.RegisterHousehold();
  BOOST_TEST(checked);
  view.Destroy();
  test::CloseFrame(frame);
}

BOOST_AUTO_TEST_SUITE_END()
