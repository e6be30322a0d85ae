// Matching (智能匹配) as a village clerk meets it: from the registry to a
// demo household's matching window, every item with its verdict, reasons and
// figures in words; two programs chosen and opened in one step (一件事), each
// with its own request id, through the workstation's own windows and case
// worker; the opened cases listed and the programs now marked as applied for,
// their boxes disabled; and the same panel on the household editor's 匹配 page.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <memory>

#include "app/main_frame.h"
#include "app/screenshot.h"
#include "cases/case_view.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "doudi/dal/connection_profile.h"
#include "gui_harness.h"
#include "matching/matching_panel.h"
#include "matching/matching_text.h"
#include "matching/matching_window.h"
#include "registry/household_editor.h"
#include "registry/registry_panel.h"

using namespace doudi;

namespace {

constexpr const char* kVillage = "331022001201";  // 悬渚村, the clerk's

std::string ShotPath(const std::string& name) {
  const auto dir = std::filesystem::current_path() / "screenshots";
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

// SM-0001 of the demo (悬渚村): a 低保 household of four — the head self-employed,
// an elderly mother with a physical disability of grade 2 and illnesses, an
// ill spouse, a daughter at university.
std::int64_t DemoHousehold(test::TestDatabase& server) {
  return server.Count("SELECT id FROM doudi.household WHERE region_code = '" + std::string(kVillage) +
                      "' AND source_ref = 'SM-0001'");
}

// Clicks a control as the user does: its event, to whatever is bound to it.
void Click(wxWindow* control, wxEventType type, int checked = 0) {
  BOOST_REQUIRE(control != nullptr);
  wxCommandEvent event(type, control->GetId());
  event.SetEventObject(control);
  event.SetInt(checked);
  control->ProcessWindowEvent(event);
}

const model::MatchItem& Item(const gui::MatchingPanel& panel, const std::string& code) {
  const auto& items = panel.Matching()->items;
  const auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.code == code; });
  BOOST_REQUIRE(it != items.end());
  return *it;
}

bool Settled(const gui::MatchingPanel& panel) {
  return panel.Loaded() && !panel.IsLoading() && !panel.IsApplying();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(matching)

BOOST_AUTO_TEST_CASE(every_reason_and_figure_is_said_in_words) {
  for (const auto code : model::MatchReasonCodes()) BOOST_TEST(gui::HasReasonText(code), code);
  for (const auto& figure : model::MatchFigureCodes()) BOOST_TEST(gui::HasFigureLabel(figure.code), figure.code);
}

BOOST_AUTO_TEST_CASE(a_clerk_opens_two_applications_in_one_step_from_a_households_matching) {
  test::DeskDatabase db;
  auto& server = db.Server();
  const std::int64_t household = DemoHousehold(server);
  const std::string id = std::to_string(household);
  auto* frame = test::OpenFrame(db, db.ClerkConnection());

  // The registry: the head by full ID number, then 智能匹配.
  auto& registry = frame->Registry();
  registry.SearchFor(wxString::FromUTF8(server.Scalar("SELECT id_number FROM doudi.person WHERE household_id = " + id +
                                                      " AND relation = 'head' AND left_on IS NULL")));
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching() && registry.ResultCount() == 1; }));
  registry.SelectRow(0);
  Click(test::Find<wxButton>(registry, "matching"), wxEVT_BUTTON);
  auto* window = frame->FindMatching(household);
  BOOST_REQUIRE(window != nullptr);
  auto& panel = window->Panel();
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(panel); }));

  // Every program and item, with the rule, the reasons and the figures behind it.
  BOOST_TEST(panel.Matching()->items.size() == model::MatchItems().size());
  for (const auto& item : panel.Matching()->items) {
    BOOST_TEST_CONTEXT(item.code) {
      BOOST_TEST(!item.reasons.empty());
      BOOST_TEST(!gui::ItemDetails(item, panel.Matching()->household).empty());
    }
  }
  // 低保 it receives (the registry says so): shown, its box disabled.
  const auto& dibao = Item(panel, "dibao");
  BOOST_TEST((dibao.verdict == model::MatchVerdict::AlreadyReceives));
  BOOST_TEST(dibao.reasons.front() == "registry_status");
  BOOST_TEST(std::any_of(dibao.figures.begin(), dibao.figures.end(), [](const auto& f) {
    return f.code == "dibao_standard" && f.value == 108000;  // Sanmen's demo standard, from the parameters
  }));
  BOOST_TEST(panel.MayApply());
  BOOST_REQUIRE(panel.ProgramBox("dibao") != nullptr);
  BOOST_TEST(!panel.ProgramBox("dibao")->IsEnabled());
  // 医疗救助 for the ill members and 教育救助 for the student, in a 低保 household.
  BOOST_TEST((Item(panel, "medical").verdict == model::MatchVerdict::Qualifies));
  BOOST_TEST((Item(panel, "education").verdict == model::MatchVerdict::Qualifies));
  BOOST_TEST((Item(panel, "support_disabled").verdict == model::MatchVerdict::Qualifies));
  // 刚性支出困难, the helps and the supports open no case: no box.
  BOOST_TEST(panel.ProgramBox("") == nullptr);
  BOOST_REQUIRE(panel.ProgramBox("medical") != nullptr);
  BOOST_REQUIRE(panel.ProgramBox("education") != nullptr);
  BOOST_TEST(panel.ProgramBox("medical")->IsEnabled());
  auto* apply = test::Find<wxButton>(panel, "apply_chosen");
  BOOST_REQUIRE(apply != nullptr);

  // 医疗救助 and 教育救助, chosen and opened in one step.
  for (const char* program : {"medical", "education"}) {
    auto* box = panel.ProgramBox(program);
    box->SetValue(true);
    Click(box, wxEVT_CHECKBOX, 1);
  }
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(window, ShotPath("matching-chosen.png")));
  Click(apply, wxEVT_BUTTON);
  BOOST_TEST(panel.IsApplying());
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(panel) && panel.Opened().size() == 2U; }));
  BOOST_TEST(panel.ProgramProblem("medical").empty());
  BOOST_TEST(panel.ProgramProblem("education").empty());
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.assistance_case WHERE household_id = " + id +
                          " AND state = 'applied' AND program IN ('medical', 'education')") == 2);
  // One request id each.
  BOOST_TEST(server.Count("SELECT count(DISTINCT s.request_id) FROM doudi.case_step AS s JOIN "
                          "doudi.assistance_case AS a ON a.id = s.case_id WHERE a.household_id = " +
                          id + " AND s.action = 'apply'") == 2);

  // The panel read the household again: both are now applications in progress, their boxes disabled.
  for (const char* program : {"medical", "education"}) {
    BOOST_TEST_CONTEXT(program) {
      const auto& item = Item(panel, program);
      BOOST_TEST((item.verdict == model::MatchVerdict::ApplicationOpen));
      BOOST_TEST(item.caseId == panel.Opened().at({program, 0}));
      BOOST_TEST(item.caseState == "applied");
      BOOST_REQUIRE(panel.ProgramBox(program) != nullptr);
      BOOST_TEST(!panel.ProgramBox(program)->IsEnabled());
      BOOST_TEST(!panel.ProgramBox(program)->GetValue());
    }
  }
  BOOST_TEST(panel.OpenedCases()->GetItemCount() == 2);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(window, ShotPath("matching.png")));

  // From the list of opened cases to the case's window.
  panel.OpenedCases()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  Click(test::Find<wxButton>(panel, "open_case"), wxEVT_BUTTON);
  const auto first = static_cast<std::int64_t>(panel.OpenedCases()->GetItemData(0));
  BOOST_TEST(frame->FindCase(first) != nullptr);

  // Asked again for the same household, the main window raises the same window.
  BOOST_TEST(&frame->OpenMatching(household) == window);
  test::CloseFrame(frame);
}

// 特困 is applied for per person: in 高安社区's DJ-0005 both the head (龚正发,
// 66) and his brother (龚跃进, an intellectual disability of grade 2), neither
// with an income of his own, meet its rule; choosing 特困 opens a case for
// each, naming him, in one step, and the item is then the household's
// open application.
BOOST_AUTO_TEST_CASE(a_per_person_program_opens_a_case_for_each_member_it_names) {
  test::DeskDatabase db;
  auto& server = db.Server();
  const std::int64_t household = server.Count("SELECT id FROM doudi.household WHERE source_ref = 'DJ-0005'");
  const std::string id = std::to_string(household);
  // Not yet recorded as 特困 in the registry, or the item would say it receives it.
  server.Execute("UPDATE doudi.household SET registry_status = 'none' WHERE id = " + id);
  auto* frame = test::OpenFrame(db, db.AddUser("gaoan", "village_clerk", "500231107001", "高安社区村专干"));
  auto* window = &frame->OpenMatching(household);
  auto& panel = window->Panel();
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(panel); }));
  const auto head = server.Count("SELECT id FROM doudi.person WHERE household_id = " + id + " AND name = '龚正发'");
  const auto brother = server.Count("SELECT id FROM doudi.person WHERE household_id = " + id + " AND name = '龚跃进'");
  const auto& destitute = Item(panel, "destitute");
  BOOST_TEST((destitute.verdict == model::MatchVerdict::Qualifies));
  BOOST_TEST(destitute.persons == (std::vector<std::int64_t>{head, brother}));
  const wxString details = gui::ItemDetails(destitute, panel.Matching()->household);
  BOOST_TEST(details.Contains(wxString::FromUTF8("龚正发")));
  BOOST_TEST(details.Contains(wxString::FromUTF8("龚跃进")));

  auto* box = panel.ProgramBox("destitute");
  BOOST_REQUIRE(box != nullptr);
  BOOST_REQUIRE(box->IsEnabled());
  box->SetValue(true);
  Click(box, wxEVT_CHECKBOX, 1);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(window, ShotPath("matching-per-person-chosen.png")));
  Click(test::Find<wxButton>(panel, "apply_chosen"), wxEVT_BUTTON);
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(panel) && panel.Opened().size() == 2U; }));
  BOOST_TEST(panel.ProgramProblem("destitute").empty(), panel.ProgramProblem("destitute").utf8_string());
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.assistance_case WHERE household_id = " + id +
                          " AND program = 'destitute' AND per_person AND state = 'applied'") == 2);
  for (const auto person : {head, brother}) {
    BOOST_TEST_CONTEXT(person) {
      const auto opened = panel.Opened().at({"destitute", person});
      BOOST_TEST(server.Count("SELECT person_id FROM doudi.assistance_case WHERE id = " + std::to_string(opened)) ==
                 person);
    }
  }
  // Both have their case: the item is the household's open application, its box disabled.
  BOOST_TEST((Item(panel, "destitute").verdict == model::MatchVerdict::ApplicationOpen));
  BOOST_TEST(Item(panel, "destitute").persons.empty());
  BOOST_REQUIRE(panel.ProgramBox("destitute") != nullptr);
  BOOST_TEST(!panel.ProgramBox("destitute")->IsEnabled());
  BOOST_TEST(panel.OpenedCases()->GetItemCount() == 2);
  BOOST_TEST(panel.OpenedCases()->GetItemText(0, 1).Contains(wxString::FromUTF8("（")));
  // 低保 is not received beside 特困 (doudi.program_exclusion): while their
  // cases are open it is not offered, and says which case stands in the way.
  const auto& dibao = Item(panel, "dibao");
  BOOST_TEST((dibao.verdict == model::MatchVerdict::Excluded));
  BOOST_TEST(dibao.excludedBy == "destitute");
  BOOST_TEST(dibao.exclusion == "特困人员已由特困供养保障基本生活，不再纳入低保");
  BOOST_TEST((dibao.caseId == panel.Opened().at({"destitute", head}) ||
              dibao.caseId == panel.Opened().at({"destitute", brother})));
  BOOST_TEST(gui::ItemDetails(dibao, panel.Matching()->household).Contains(wxString::FromUTF8(dibao.exclusion)));
  BOOST_REQUIRE(panel.ProgramBox("dibao") != nullptr);
  BOOST_TEST(!panel.ProgramBox("dibao")->IsEnabled());
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(500));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(window, ShotPath("matching-per-person.png")));
  test::CloseFrame(frame);
}

BOOST_AUTO_TEST_CASE(the_household_editor_has_the_matching_page) {
  test::DeskDatabase db;
  gui::Session session = db.LogIn();
  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  gui::Context context(session, gui::Workers{worker, worker, worker, worker, worker, worker});
  std::int64_t opened = 0;
  context.SetCaseOpener([&](std::int64_t caseId) { opened = caseId; });
  const std::int64_t household = DemoHousehold(db.Server());
  auto editor = std::make_unique<gui::HouseholdEditor>(nullptr, worker, session, household, &context);
  editor->Show();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() == gui::HouseholdEditor::State::Editing; }));
  auto* matching = editor->Matching();
  BOOST_REQUIRE(matching != nullptr);
  BOOST_TEST(!matching->Loaded());  // read when its page is shown
  editor->ShowMatching();
  BOOST_REQUIRE(test::PumpUntil([&] { return Settled(*matching); }));
  BOOST_TEST(matching->HouseholdId() == household);
  BOOST_TEST((matching->Matching()->household.id == household));
  BOOST_TEST(matching->Matching()->items.size() == model::MatchItems().size());
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(editor.get(), ShotPath("household-editor-matching.png")));

  BOOST_TEST(opened == 0);
  editor.reset();
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(200));
}

BOOST_AUTO_TEST_SUITE_END()
