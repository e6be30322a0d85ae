// A household's whole story and the case search as the desk meets them:
// the household editor's 经历 page lists the household's cases of
// every state, an alert, a referral, help given and a visit, newest first,
// filtered by kind, and a case opens from it in one click; the 案件查询
// section finds the clerk's cases by name, full ID and state, never another
// township's, and opens one in the case view.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <memory>

#include "app/screenshot.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "doudi/dal/connection_profile.h"
#include "gui_harness.h"
#include "registry/household_editor.h"
#include "story/case_search_panel.h"
#include "story/household_story_panel.h"
#include "story/story_text.h"

using namespace doudi;

namespace {

std::string HouseholdOf(test::TestDatabase& server, const std::string& ref) {
  return server.Scalar("SELECT id FROM doudi.household WHERE source_ref = '" + ref + "'");
}

// A case opened as the set-up superuser, its open date moved back.
std::string OpenCase(test::TestDatabase& server, const std::string& ref, const std::string& program, int daysAgo) {
  const std::string id =
      server.Scalar("SELECT doudi.case_open(" + HouseholdOf(server, ref) + ", '" + program + "', gen_random_uuid())");
  server.Execute("UPDATE doudi.assistance_case SET opened_at = now() - interval '" + std::to_string(daysAgo) +
                 " days' WHERE id = " + id);
  return id;
}

// SM-0001's story: a 临时救助 case paid and closed, the 低保 case that
// follows it, an alert, a referral to 医保 past its due date, the medical aid
// it gave, and a township cadre's visit.
void TellTheStory(test::TestDatabase& server) {
  const std::string hh = HouseholdOf(server, "SM-0001");
  const std::string first = OpenCase(server, "SM-0001", "temporary", 90);
  server.Execute("UPDATE doudi.assistance_case SET state = 'terminated' WHERE id = " + first);
  server.Execute("UPDATE doudi.assistance_case SET follows_case_id = " + first +
                 " WHERE id = " + OpenCase(server, "SM-0001", "dibao", 2));
  server.Execute(
      "INSERT INTO doudi.alert (rule, subject_key, period, household_id, name, region_code, figure_fen, "
      "raised_at) SELECT code, 'household:" +
      hh + "', '2026', " + hh +
      ", '叶建军', '331022001201', 2350000, now() - interval '60 days' FROM doudi.alert_rule "
      "WHERE code = 'medical_registered'");
  server.Execute(
      "WITH s AS (INSERT INTO doudi.referral_send (request_id, household_id, region_code) "
      "VALUES (gen_random_uuid(), " +
      hh +
      ", '331022001201') RETURNING id) "
      "INSERT INTO doudi.referral (household_id, region_code, department, send_id, kind, request, due_days, due_on) "
      "SELECT " +
      hh +
      ", '331022001201', 'medical_insurance', s.id, 'medical_aid', '郑彩娥住院费用医疗救助', 10, "
      "current_date - 5 FROM s");
  server.Execute("UPDATE doudi.referral SET referred_at = now() - interval '50 days' WHERE household_id = " + hh);
  server.Execute(
      "INSERT INTO doudi.help_record (request_id, household_id, region_code, kind, giver_kind, giver, department, "
      "given_on, amount_fen, description) VALUES (gen_random_uuid(), " +
      hh +
      ", '331022001201', 'medical_aid', "
      "'department', '医疗保障局', 'medical_insurance', current_date - 30, 820000, '住院费用二次救助')");
  server.Execute("INSERT INTO doudi.pairing_household (household_id, region_code, since) VALUES (" + hh +
                 ", '331022001201', current_date - 100)");
  server.Execute(
      "INSERT INTO doudi.pairing_visit (request_id, household_id, region_code, visited_on, level, visitor, "
      "found) VALUES (gen_random_uuid(), " +
      hh +
      ", '331022001201', current_date - 10, 'township', "
      "'王干部', '母亲出院，病情稳定')");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(story)

BOOST_AUTO_TEST_CASE(the_household_editor_tells_the_whole_story_and_opens_a_case) {
  test::DeskDatabase db;
  TellTheStory(db.Server());
  // A township reviewer: the groups that handle the alert's rule read it (a clerk's story has no alerts).
  gui::Session session = db.LogInAs(db.AddUser("reviewer", "township_reviewer", "331022001", "王审核"));
  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  gui::Context context(session, gui::Workers{worker, worker, worker, worker, worker, worker});
  const std::int64_t household = std::stoll(HouseholdOf(db.Server(), "SM-0001"));
  auto editor = std::make_unique<gui::HouseholdEditor>(nullptr, worker, session, household, &context);
  editor->SetSize(editor->FromDIP(wxSize(1000, 640)));
  editor->Show();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() == gui::HouseholdEditor::State::Editing; }));
  auto* story = editor->Story();
  BOOST_REQUIRE(story != nullptr);
  BOOST_TEST(!story->Loaded());  // read when its page is shown
  editor->ShowStory();
  BOOST_REQUIRE(test::PumpUntil([&] { return story->Loaded() && !story->IsLoading(); }));

  // Six lines, newest first: the 低保 case, the visit, the help, the referral, the alert, the closed case.
  const auto& rows = story->Rows();
  BOOST_REQUIRE(rows.size() == 6U);
  BOOST_TEST(test::U(story->List()->GetItemText(0, 1)) == gui::StoryWord("case", ""));
  BOOST_TEST(test::U(story->List()->GetItemText(0, 2)) == "最低生活保障");
  BOOST_TEST(test::U(story->List()->GetItemText(1, 1)) == gui::StoryWord("visit", ""));
  BOOST_TEST(test::U(story->List()->GetItemText(2, 3)) == gui::StoryWord("help", "medical_aid"));
  BOOST_TEST(test::U(story->List()->GetItemText(2, 5)) == "¥8,200.00");
  BOOST_TEST(test::U(story->List()->GetItemText(3, 2)) == "医疗保障局：郑彩娥住院费用医疗救助");
  BOOST_TEST(rows[3].late);                                               // past its due date, still sent
  BOOST_TEST(test::U(story->List()->GetItemText(5, 3)) == "已终止");      // the state table's own words
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(400));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(editor.get(), test::ShotPath("household-timeline.png")));

  // The filter keeps one kind.
  test::Choose(story->KindFilter(), 1);  // cases
  BOOST_TEST(story->Rows().size() == 2U);

  // The closed 临时救助 case opens in one click: the editor closes for it.
  const std::int64_t closed = story->Rows()[1].id;
  story->OpenRow(1);
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->CaseToOpen().has_value(); }));
  BOOST_TEST(*editor->CaseToOpen() == closed);
  editor.reset();
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
}

BOOST_AUTO_TEST_CASE(the_case_search_finds_the_clerks_cases_only) {
  test::DeskDatabase db;
  auto& server = db.Server();
  const std::string mine = OpenCase(server, "SM-0001", "dibao", 3);
  const std::string temporary = OpenCase(server, "SM-0003", "temporary", 1);
  OpenCase(server, "SM-0005", "dibao", 1);  // 珠岙镇: not the clerk's village
  server.Execute("UPDATE doudi.assistance_case SET step_due = current_date - 2 WHERE id = " + mine);
  gui::Session session = db.LogIn();
  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  gui::Context context(session, gui::Workers{worker, worker, worker, worker, worker, worker});
  std::int64_t opened = 0;
  context.SetCaseOpener([&](std::int64_t caseId) { opened = caseId; });
  auto* frame = new wxFrame(nullptr, wxID_ANY, wxS("案件查询"), wxDefaultPosition, wxSize(1100, 420));
  auto* panel = new gui::CaseSearchPanel(frame, context);
  frame->Show();
  const auto search = [&] {
    panel->Search();
    return test::PumpUntil([&] { return !panel->IsLoading(); });
  };

  // Everything in scope: the clerk's two, newest first.
  BOOST_REQUIRE(search());
  BOOST_REQUIRE(panel->Found().size() == 2U);
  BOOST_TEST(panel->Found()[0].summary.id == std::stoll(temporary));
  // By a member's name, and by the full ID, which is shown masked.
  panel->Text()->SetValue(wxS("李国平"));  // SM-0005's head, another township
  BOOST_REQUIRE(search());
  BOOST_TEST(panel->Found().empty());
  const std::string id = server.Scalar("SELECT id_number FROM doudi.person WHERE name = '叶建军'");
  panel->Text()->SetValue(wxString::FromUTF8(id));
  BOOST_REQUIRE(search());
  BOOST_REQUIRE(panel->Found().size() == 1U);
  BOOST_TEST(panel->Found()[0].summary.id == std::stoll(mine));
  BOOST_TEST(test::U(panel->List()->GetItemText(0, 3)) != id);
  BOOST_TEST(test::U(panel->List()->GetItemText(0, 3)).size() == id.size());
  // Overdue only.
  panel->Text()->SetValue(wxString());
  panel->Overdue()->SetValue(true);
  BOOST_REQUIRE(search());
  BOOST_REQUIRE(panel->Found().size() == 1U);
  BOOST_TEST(panel->Found()[0].summary.id == std::stoll(mine));
  // A malformed date is said, not searched.
  panel->From()->SetValue(wxS("2026/11/01"));
  panel->Search();
  BOOST_TEST(!panel->IsLoading());
  BOOST_TEST(test::U(panel->StatusText()).find("YYYY-MM-DD") != std::string::npos);
  panel->From()->SetValue(wxString());
  panel->Overdue()->SetValue(false);
  BOOST_REQUIRE(search());
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(400));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(frame, test::ShotPath("case-search.png")));

  // A double-click opens the case view.
  panel->OpenRow(1);
  BOOST_TEST(opened == std::stoll(mine));
  frame->Destroy();
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
}

BOOST_AUTO_TEST_SUITE_END()
