// The household editor as a clerk uses it: load, checks at the field, save,
// a conflict with another user's save resolved field by field, read-only
// for an auditor.
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <memory>

#include "app/screenshot.h"
#include "common/conflict_dialog.h"
#include "common/database_worker.h"
#include "doudi/dal/connection_profile.h"
#include "gui_harness.h"
#include "registry/household_editor.h"

using namespace doudi;
using gui::HouseholdEditor;

namespace {

using doudi::test::ShotPath;

struct EditorFixture {
  test::DeskDatabase desk;
  gui::Session session = desk.LogIn();
  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  std::int64_t householdId = std::stoll(desk.Server().Scalar(
      "SELECT id FROM doudi.household WHERE region_code = '331022001201' AND source_ref = 'SM-0001'"));

  std::unique_ptr<HouseholdEditor> Open() {
    auto editor = std::make_unique<HouseholdEditor>(nullptr, worker, session, householdId);
    editor->Show();
    BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() != HouseholdEditor::State::Loading; }));
    BOOST_REQUIRE(editor->GetState() == HouseholdEditor::State::Editing);
    return editor;
  }
  void WaitSaved(HouseholdEditor& editor) {
    BOOST_REQUIRE(test::PumpUntil([&] { return editor.GetState() == HouseholdEditor::State::Editing; }));
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(household_editor)

BOOST_FIXTURE_TEST_CASE(loads_checks_at_the_field_and_saves, EditorFixture) {
  auto editor = Open();
  const auto& loaded = editor->Edited();
  BOOST_TEST(loaded.members.size() == 4u);
  // The clerk sees full IDs of her village (a viewing recorded by the database).
  BOOST_TEST(loaded.members[0].idNumber.find('*') == std::string::npos);
  BOOST_TEST(!editor->IsDirty());
  BOOST_TEST(!editor->CanSave());

  // A bad check character is named at the cell and blocks saving.
  std::string id = loaded.members[1].idNumber;
  const std::string good = id;
  id.back() = id.back() == '1' ? '2' : '1';
  editor->EditCell(HouseholdEditor::Table::Members, 1, HouseholdEditor::kMemberIdNumber, wxString::FromUTF8(id));
  BOOST_TEST(!editor->CanSave());
  BOOST_TEST(std::any_of(editor->Issues().begin(), editor->Issues().end(),
                         [](const auto& i) { return i.field == "members[1].id_number"; }));
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));
  BOOST_TEST(gui::SaveWindowPng(editor.get(), ShotPath("household-editor-bad-id.png")));

  // Corrected, and the address changed: saved as version 2.
  editor->EditCell(HouseholdEditor::Table::Members, 1, HouseholdEditor::kMemberIdNumber, wxString::FromUTF8(good));
  auto* address = dynamic_cast<wxTextCtrl*>(editor->FieldControl("address"));
  BOOST_REQUIRE(address != nullptr);
  address->SetValue(wxString::FromUTF8("海游街道悬渚村3组60号"));
  BOOST_TEST(editor->IsDirty());
  BOOST_TEST(editor->CanSave());
  editor->Save();
  WaitSaved(*editor);
  BOOST_TEST(!editor->IsDirty());
  BOOST_TEST(desk.Server().Scalar("SELECT address || '|' || version FROM doudi.household WHERE id = " +
                                  std::to_string(householdId)) == "海游街道悬渚村3组60号|2");
  BOOST_TEST(desk.Server().Scalar("SELECT updated_by FROM doudi.household WHERE id = " +
                                  std::to_string(householdId)) == desk.ClerkRole());
}

BOOST_FIXTURE_TEST_CASE(a_concurrent_save_is_never_overwritten_silently, EditorFixture) {
  auto editor = Open();
  // Another desk changes the phone meanwhile.
  desk.Server().Execute("UPDATE doudi.household SET phone = '13900001111' WHERE id = " + std::to_string(householdId));
  auto* address = dynamic_cast<wxTextCtrl*>(editor->FieldControl("address"));
  address->SetValue(wxString::FromUTF8("海游街道悬渚村3组61号"));
  // The resolver sees base, theirs and mine, and keeps the defaults (their
  // phone, my address), as the dialog would.
  bool asked = false;
  editor->SetConflictResolver([&](const model::Household& base, const model::Household& theirs,
                                  const model::Household& mine) -> std::optional<model::Household> {
    asked = true;
    BOOST_TEST(theirs.phone == "13900001111");
    BOOST_TEST(mine.phone == base.phone);
    gui::ConflictDialog dialog(nullptr, base, theirs, mine);
    dialog.Show();
    test::PumpUntil([] { return false; }, std::chrono::milliseconds(400));
    BOOST_TEST(gui::SaveWindowPng(&dialog, ShotPath("conflict-dialog.png")));
    return dialog.MergedHousehold();
  });
  editor->Save();
  BOOST_REQUIRE(test::PumpUntil([&] { return asked && editor->GetState() == HouseholdEditor::State::Editing &&
                                             !editor->IsDirty(); }));
  BOOST_TEST(desk.Server().Scalar("SELECT phone || '|' || address || '|' || version FROM doudi.household WHERE id = " +
                                  std::to_string(householdId)) == "13900001111|海游街道悬渚村3组61号|3");
}

BOOST_FIXTURE_TEST_CASE(an_auditor_reads_but_cannot_change, EditorFixture) {
  const std::string auditor = "gui" + desk.Server().Name().substr(10) + "_auditor";
  // Through the database's own user management, as an administrator would.
  dal::pg::PgDatabase db(desk.Server().ConnectionString());
  dal::UserAccount account;
  account.roleName = auditor;
  account.group = model::StaffGroup::Auditor;
  account.regionScope = "331022";
  db.Users().Add(account, "auditor-password-1");
  gui::Session auditorSession = session;
  auditorSession.identity.group = "auditor";
  auditorSession.connectionString = desk.Server().ConnectionString() + " user=" + auditor +
                                    " password='auditor-password-1'";
  gui::DatabaseWorker auditorWorker{auditorSession.connectionString};
  HouseholdEditor editor(nullptr, auditorWorker, auditorSession, householdId);
  editor.Show();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor.GetState() != HouseholdEditor::State::Loading; }));
  BOOST_TEST(editor.IsReadOnly());
  BOOST_TEST(!editor.CanSave());
  // An auditor sees IDs masked.
  BOOST_TEST(editor.Edited().members[0].idNumber.find("********") != std::string::npos);
  desk.Server().Execute("DROP ROLE IF EXISTS " + auditor);
}

BOOST_AUTO_TEST_SUITE_END()
