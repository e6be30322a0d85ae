// The 读卡 button of the household editor with the simulated reader: a card
// fills a member (the card box shows all it says; its ethnicity, authority,
// validity and photo are stored with the save), a card that fails the
// GB 11643 check is refused, a card of a person
// registered in another household opens that household instead, and a
// person outside the clerk's scope is not revealed.
#include <wx/grid.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <variant>

#include "../unit/temporary_directory.h"
#include "app/screenshot.h"
#include "app/session.h"
#include "common/database_worker.h"
#include "doudi/dal/connection_profile.h"
#include "doudi/model/resident_id.h"
#include "gui_harness.h"
#include "registry/household_editor.h"
#include "registry/household_form.h"
#include "registry/id_card_panel.h"

using namespace doudi;
using gui::HouseholdEditor;

namespace {

// DOUDI_CARD_READER for one test: the one setting that picks the reader.
struct ReaderSetting {
  explicit ReaderSetting(const std::string& value) { setenv("DOUDI_CARD_READER", value.c_str(), 1); }
  ~ReaderSetting() { unsetenv("DOUDI_CARD_READER"); }
  ReaderSetting(const ReaderSetting&) = delete;
  ReaderSetting& operator=(const ReaderSetting&) = delete;
};

struct CardFixture {
  test::DeskDatabase desk;
  gui::Session session = desk.LogIn();
  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  test::TemporaryDirectory cards{"doudi-gui-card"};

  // A card file for the simulated reader; with the demo card's photo (a BMP) when asked.
  std::string WriteCard(const std::string& name, const std::string& sex, const std::string& birth,
                        const std::string& idNumber, bool withPhoto = false) {
    std::filesystem::create_directories(cards.path);
    const auto path = cards.path / (idNumber + ".txt");
    std::ofstream card(path);
    card << "name=" << name << "\nsex=" << sex << "\nethnicity=01\nbirth=" << birth
         << "\naddress=浙江省三门县海游街道\nid_number=" << idNumber
         << "\nauthority=三门县公安局\nvalid_from=20100101\nvalid_until=长期\n";
    if (withPhoto) {
      std::filesystem::copy_file(DemoPhoto(), cards.path / "photo.bmp",
                                 std::filesystem::copy_options::overwrite_existing);
      card << "photo=photo.bmp\n";
    }
    return "simulated:" + path.string();
  }

  static std::filesystem::path DemoPhoto() {
    return std::filesystem::path(DOUDI_DEMO_CARD).parent_path() / "photo.bmp";
  }

  // A new household's editor, shown, with no draft offered.
  std::unique_ptr<HouseholdEditor> NewHousehold() {
    auto editor = std::make_unique<HouseholdEditor>(nullptr, worker, session, std::nullopt);
    editor->SetDraftPrompt([](const wxString&) { return false; });
    editor->Show();
    BOOST_REQUIRE(editor->GetState() == HouseholdEditor::State::Editing);
    BOOST_REQUIRE(editor->CardPanel() != nullptr);
    return editor;
  }

  static void ReadCard(HouseholdEditor& editor) {
    editor.CardPanel()->Read();
    BOOST_REQUIRE(test::PumpUntil([&] { return !editor.CardPanel()->IsBusy(); }));
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(card_reader)

BOOST_FIXTURE_TEST_CASE(the_simulated_reader_fills_the_member_form, CardFixture) {
  ReaderSetting reader(std::string("simulated:") + DOUDI_DEMO_CARD);
  auto editor = NewHousehold();
  ReadCard(*editor);
  auto* panel = editor->CardPanel();
  BOOST_TEST(!panel->MessageIsProblem(), test::U(panel->Message()));

  const auto& members = editor->Edited().members;
  BOOST_REQUIRE(members.size() == 1u);
  BOOST_TEST(members[0].name == "蓝晓梅");
  BOOST_TEST(members[0].idNumber == "331022198603150246");
  BOOST_TEST((members[0].relation == model::Relation::Head));
  BOOST_TEST(editor->Edited().address == "浙江省三门县海游街道悬渚村5组18号");
  // Sex and birth date come from the number, as when it is typed.
  auto* grid = editor->Grid(HouseholdEditor::Table::Members);
  BOOST_TEST(test::U(grid->GetCellValue(0, gui::MemberGrid::kSex)) ==
             test::U(gui::household::SexText(model::Sex::Female)));
  BOOST_TEST(test::U(grid->GetCellValue(0, gui::MemberGrid::kBirthDate)) == "1986-03-15");
  BOOST_TEST(std::none_of(editor->Issues().begin(), editor->Issues().end(),
                          [](const auto& issue) { return issue.field.rfind("members[0]", 0) == 0; }));
  // The card box shows all of it, photo included.
  BOOST_REQUIRE(panel->Card().has_value());
  BOOST_TEST(panel->Card()->photo.size() > 54u);
  BOOST_TEST(test::U(panel->FieldText(1)) == "畲族");
  BOOST_TEST(test::U(panel->FieldText(3)) == "三门县公安局");
  BOOST_TEST(test::U(panel->FieldText(4)).find("2036-04-20") != std::string::npos);
  BOOST_TEST(editor->IsDirty());

  // The same card again finds the person's row and adds nobody.
  ReadCard(*editor);
  BOOST_TEST(editor->Edited().members.size() == 1u);

  test::PumpUntil([] { return false; }, std::chrono::milliseconds(400));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(editor.get(), test::ShotPath("id-card-read.png")));
}

// Without the environment variable, the reader is the one the desk's own
// doudi.ini names (the --config file: Session::settingsFiles), not a file
// elsewhere.
BOOST_FIXTURE_TEST_CASE(the_reader_is_the_one_the_desks_doudi_ini_names, CardFixture) {
  unsetenv("DOUDI_CARD_READER");
  std::filesystem::create_directories(cards.path);
  const auto ini = cards.path / "doudi.ini";
  std::ofstream(ini) << "[devices]\ncard_reader = simulated:" << DOUDI_DEMO_CARD << "\n";
  session.settingsFiles = {ini};
  auto editor = NewHousehold();
  ReadCard(*editor);
  BOOST_TEST(!editor->CardPanel()->MessageIsProblem(), test::U(editor->CardPanel()->Message()));
  BOOST_REQUIRE(editor->Edited().members.size() == 1u);
  BOOST_TEST(editor->Edited().members[0].name == "蓝晓梅");

  // A desk whose settings name no reader says so.
  session.settingsFiles = {cards.path / "missing.ini"};
  auto other = NewHousehold();
  ReadCard(*other);
  BOOST_TEST(other->CardPanel()->MessageIsProblem());
  BOOST_TEST(other->Edited().members.empty());
}

BOOST_FIXTURE_TEST_CASE(a_card_failing_the_check_is_refused, CardFixture) {
  // 331022198603150246 with a wrong check character.
  ReaderSetting reader(WriteCard("蓝晓梅", "2", "19860315", "331022198603150247"));
  auto editor = NewHousehold();
  ReadCard(*editor);
  BOOST_TEST(editor->CardPanel()->MessageIsProblem());
  BOOST_TEST(test::U(editor->CardPanel()->Message()) ==
             test::U(gui::CardProblemsText(
                 {{workstation::IdCardProblem::Kind::BadIdNumber, model::ResidentIdError::ChecksumMismatch}})));
  BOOST_TEST(editor->Edited().members.empty());
  BOOST_TEST(!editor->CardPanel()->Card().has_value());

  // A sex that disagrees with the number (the number is a woman's).
  ReaderSetting male(WriteCard("蓝晓梅", "1", "19860315", "331022198603150246"));
  ReadCard(*editor);
  BOOST_TEST(test::U(editor->CardPanel()->Message()) ==
             test::U(gui::CardProblemsText({{workstation::IdCardProblem::Kind::SexMismatch, std::nullopt}})));
  BOOST_TEST(editor->Edited().members.empty());

  // No card on the reader.
  ReaderSetting none("simulated:" + (cards.path / "absent.txt").string());
  ReadCard(*editor);
  BOOST_TEST(editor->CardPanel()->MessageIsProblem());
  BOOST_TEST(test::U(editor->CardPanel()->Message()) ==
             test::U(gui::CardFailureText({workstation::CardReadFailure::Kind::NoCard, "", std::nullopt})));
}

BOOST_FIXTURE_TEST_CASE(a_registered_persons_card_opens_their_household, CardFixture) {
  // 叶建军, head of SM-0001 in the clerk's village.
  const std::int64_t householdId =
      std::stoll(desk.Server().Scalar("SELECT household_id FROM doudi.person WHERE id_number = '331022197304170891'"));
  ReaderSetting reader(WriteCard("叶建军", "1", "19730417", "331022197304170891"));
  // The editor destroys itself when it closes for the other household.
  wxWeakRef<HouseholdEditor> editor(NewHousehold().release());
  wxString asked;
  std::optional<std::int64_t> offered;
  editor->SetExistingPrompt([&](const dal::PersonSummary& person, const wxString& question) {
    asked = question;
    offered = person.householdId;
    BOOST_TEST(editor->Edited().members.empty());
    return true;
  });
  editor->CardPanel()->Read();
  // Asked, the editor closes (the registry panel then opens HouseholdToOpen).
  BOOST_REQUIRE(test::PumpUntil([&] { return !editor; }));
  BOOST_REQUIRE(offered.has_value());
  BOOST_TEST(*offered == householdId);
  BOOST_TEST(test::U(asked).find("叶建军") != std::string::npos);
  // The question shows the number masked, as the registry's list does.
  BOOST_TEST(test::U(asked).find("331022197304170891") == std::string::npos);

  // What the registry panel then opens: that household, with the person.
  auto opened = std::make_unique<HouseholdEditor>(nullptr, worker, session, householdId);
  opened->Show();
  BOOST_REQUIRE(test::PumpUntil([&] { return opened->GetState() != HouseholdEditor::State::Loading; }));
  const auto& members = opened->Edited().members;
  BOOST_TEST(std::any_of(members.begin(), members.end(),
                         [](const model::Person& p) { return p.idNumber == "331022197304170891"; }));
}

BOOST_FIXTURE_TEST_CASE(a_person_outside_the_scope_is_not_revealed, CardFixture) {
  // 黄荣华 of SM-0004, in 331022001206: not the clerk's village.
  ReaderSetting reader(WriteCard("黄荣华", "1", "19610502", "331022196105026614"));
  auto editor = NewHousehold();
  bool asked = false;
  editor->SetExistingPrompt([&](const dal::PersonSummary&, const wxString&) { return asked = true; });
  ReadCard(*editor);
  BOOST_TEST(!asked);
  BOOST_TEST(!editor->HouseholdToOpen().has_value());
  BOOST_REQUIRE(editor->Edited().members.size() == 1u);
  BOOST_TEST(test::U(editor->CardPanel()->Message()).find("001206") == std::string::npos);
}

// A member's card read into their own household: the members grid shows
// its ethnicity, authority and validity as read and not yet stored; the
// save stores them with the household (doudi.person_card, in the save's
// transaction), and the household loaded again shows the stored read.
BOOST_FIXTURE_TEST_CASE(a_card_read_is_stored_with_the_save, CardFixture) {
  const std::int64_t householdId = std::stoll(desk.Server().Scalar(
      "SELECT id FROM doudi.household WHERE region_code = '331022001201' AND source_ref = 'SM-0001'"));
  const auto open = [&] {
    auto editor = std::make_unique<HouseholdEditor>(nullptr, worker, session, householdId);
    editor->Show();
    BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() != HouseholdEditor::State::Loading; }));
    BOOST_REQUIRE(editor->GetState() == HouseholdEditor::State::Editing);
    return editor;
  };
  auto editor = open();
  const model::Person member = editor->Edited().members.at(1);
  const auto id = model::ResidentId::Parse(member.idNumber, gui::Today());
  BOOST_REQUIRE(std::holds_alternative<model::ResidentId>(id));
  const auto& valid = std::get<model::ResidentId>(id);
  const auto birth = valid.BirthDate();
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04d%02u%02u", static_cast<int>(birth.year()),
                static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day()));
  ReaderSetting reader(
      WriteCard(member.name, valid.GetSex() == model::Sex::Male ? "1" : "2", digits, member.idNumber, true));
  ReadCard(*editor);
  BOOST_TEST(!editor->CardPanel()->MessageIsProblem(), test::U(editor->CardPanel()->Message()));
  auto* grid = editor->Grid(HouseholdEditor::Table::Members);
  const std::string shown = test::U(grid->GetCellValue(1, gui::MemberGrid::kCard));
  BOOST_TEST(shown.find("汉族") != std::string::npos, shown);
  const std::string toBeStored = test::U(_("To be stored: %s"));
  BOOST_TEST(shown.rfind(toBeStored.substr(0, toBeStored.size() - 2), 0) == 0U, shown);
  BOOST_TEST(editor->IsDirty());
  BOOST_REQUIRE(editor->CanSave());
  editor->Save();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() == HouseholdEditor::State::Editing; }));
  BOOST_TEST(!editor->IsDirty());
  BOOST_TEST(desk.Server().Scalar("SELECT string_agg(ethnicity_code || '|' || authority || '|' || valid_from || '|' || "
                                  "coalesce(valid_until::text, '长期') || '|' || photo_bytes, ',') "
                                  "FROM doudi.person_card WHERE person_id = " +
                                  std::to_string(*member.id)) ==
             "01|三门县公安局|2010-01-01|长期|" + std::to_string(std::filesystem::file_size(DemoPhoto())));
  // Loaded again: the stored read, no longer marked as waiting for the save.
  editor.reset();
  auto again = open();
  const auto& card = again->Edited().members.at(1).card;
  BOOST_REQUIRE(card.has_value());
  BOOST_TEST(!card->fresh);
  BOOST_TEST(card->authority == "三门县公安局");
  BOOST_TEST(!card->validUntil.has_value());
  const std::string stored = test::U(again->Grid(HouseholdEditor::Table::Members)->GetCellValue(1, gui::MemberGrid::kCard));
  BOOST_TEST(stored == test::U(wxString::Format(_("%s, valid for good"), wxString::FromUTF8("汉族"))), stored);
  BOOST_TEST(stored != shown, stored);
  // Selecting the member shows their stored card in the card box, the
  // photo loaded from the database; the head has no card read.
  auto* grid2 = again->Grid(HouseholdEditor::Table::Members);
  grid2->SetGridCursor(1, gui::MemberGrid::kName);
  auto* panel = again->CardPanel();
  BOOST_TEST(test::U(panel->FieldText(1)) == "汉族");
  BOOST_TEST(test::U(panel->FieldText(3)) == "三门县公安局");
  BOOST_TEST(test::U(panel->Message()).find(member.name) != std::string::npos, test::U(panel->Message()));
  BOOST_TEST(test::PumpUntil([&] { return panel->ShowsPhoto(); }), "the stored photo is shown");
  grid2->SetGridCursor(0, gui::MemberGrid::kName);
  BOOST_TEST(!panel->ShowsPhoto());
  BOOST_TEST(panel->FieldText(1).empty());
  grid2->SetGridCursor(1, gui::MemberGrid::kName);
  BOOST_TEST(test::PumpUntil([&] { return panel->ShowsPhoto(); }));
  // The column is the grid's last: scrolled to, as a clerk would.
  again->Grid(HouseholdEditor::Table::Members)->MakeCellVisible(1, gui::MemberGrid::kCard);
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(400));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(again.get(), test::ShotPath("id-card-stored.png")));
}

BOOST_AUTO_TEST_SUITE_END()
