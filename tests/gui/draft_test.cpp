// Local drafts of the household editor: a form killed with unsaved changes
// comes back at the next opening; the draft is the user's alone; a save
// removes it; a declined or corrupt draft never gets in the way; a draft
// older than the stored household goes through the conflict view.
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>

#include "common/database_worker.h"
#include "doudi/dal/connection_profile.h"
#include "doudi/workstation/draft_store.h"
#include "gui_harness.h"
#include "doudi/workstation/household_merge.h"
#include "registry/household_editor.h"

using namespace doudi;
using gui::HouseholdEditor;
namespace fs = std::filesystem;

namespace {

// Points DOUDI_DRAFT_DIR at a fresh directory for one test, as a desk's
// user data directory would be.
struct DraftDirectory {
  fs::path path;
  wxString previous;
  bool hadPrevious = false;

  DraftDirectory() {
    std::random_device random;
    path = fs::temp_directory_path() / ("doudi-drafts-test-" + std::to_string(random()) + "/drafts");
    hadPrevious = wxGetEnv(wxS("DOUDI_DRAFT_DIR"), &previous);
    wxSetEnv(wxS("DOUDI_DRAFT_DIR"), wxString::FromUTF8(path.string()));
  }
  ~DraftDirectory() {
    if (hadPrevious) {
      wxSetEnv(wxS("DOUDI_DRAFT_DIR"), previous);
    } else {
      wxUnsetEnv(wxS("DOUDI_DRAFT_DIR"));
    }
    std::error_code ignored;
    fs::remove_all(path.parent_path(), ignored);
  }
};

struct DraftFixture {
  DraftDirectory drafts;
  test::DeskDatabase desk;
  gui::Session session = desk.LogIn();
  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  std::int64_t householdId = std::stoll(desk.Server().Scalar(
      "SELECT id FROM doudi.household WHERE region_code = '331022001201' AND source_ref = 'SM-0001'"));
  // What the "Restore it?" question was asked with, and how often.
  int asked = 0;
  wxString askedWhen;

  // Opens the household (or a new one), answering the draft question with
  // restore; waits until the form is ready.
  std::unique_ptr<HouseholdEditor> Open(bool restore, std::optional<std::int64_t> id) {
    auto editor = std::make_unique<HouseholdEditor>(nullptr, worker, session, id);
    editor->SetDraftPrompt([this, restore](const wxString& when) {
      ++asked;
      askedWhen = when;
      return restore;
    });
    editor->Show();
    BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() != HouseholdEditor::State::Loading; }));
    BOOST_REQUIRE(editor->GetState() == HouseholdEditor::State::Editing);
    // The question of a new form comes once its events run.
    test::PumpUntil([] { return false; }, std::chrono::milliseconds(100));
    return editor;
  }
  std::unique_ptr<HouseholdEditor> Open(bool restore) { return Open(restore, householdId); }

  static void SetAddress(HouseholdEditor& editor, const std::string& address) {
    auto* control = dynamic_cast<wxTextCtrl*>(editor.FieldControl("address"));
    BOOST_REQUIRE(control != nullptr);
    control->SetValue(wxString::FromUTF8(address));
  }
  std::string Stored(const std::string& columns) {
    return desk.Server().Scalar("SELECT " + columns +
                                " FROM doudi.household WHERE id = " + std::to_string(householdId));
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(drafts)

BOOST_FIXTURE_TEST_CASE(a_killed_form_comes_back_from_its_draft_and_a_save_removes_it, DraftFixture) {
  const std::string typed = "海游街道悬渚村3组70号";
  workstation::DraftKey key;
  fs::path file;
  {
    auto editor = Open(true);
    BOOST_TEST(asked == 0);  // no draft yet
    key = editor->CurrentDraftKey();
    file = editor->Drafts().PathOf(key);
    BOOST_TEST(file.parent_path() == drafts.path);
    SetAddress(*editor, typed);
    BOOST_TEST(editor->IsDirty());
    // The timer writes it within a few seconds.
    BOOST_TEST(test::PumpUntil([&] { return fs::exists(file); },
                               std::chrono::milliseconds(HouseholdEditor::kDraftIntervalMs + 3000)));
    BOOST_TEST(!editor->WriteDraftNow());  // unchanged since: not written again
    // Killed: the editor goes without saving, closing or discarding.
  }
  BOOST_REQUIRE(fs::exists(file));
#ifndef _WIN32
  BOOST_TEST((fs::status(file).permissions() == (fs::perms::owner_read | fs::perms::owner_write)));
  BOOST_TEST((fs::status(drafts.path).permissions() == fs::perms::owner_all));
#endif
  BOOST_TEST(Stored("address") != typed);

  auto editor = Open(true);
  BOOST_TEST(asked == 1);
  BOOST_TEST(askedWhen.length() == 16u);  // "YYYY-MM-DD HH:MM"
  BOOST_TEST(editor->Edited().address == typed);
  BOOST_TEST(editor->IsDirty());
  BOOST_TEST(editor->CanSave());
  auto* address = dynamic_cast<wxTextCtrl*>(editor->FieldControl("address"));
  BOOST_TEST(address->GetValue().utf8_string() == typed);

  editor->Save();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() == HouseholdEditor::State::Editing; }));
  BOOST_TEST(!editor->IsDirty());
  BOOST_TEST(Stored("address || '|' || version") == typed + "|2");
  BOOST_TEST(!fs::exists(file));
}

BOOST_FIXTURE_TEST_CASE(a_declined_or_corrupt_draft_leaves_the_stored_household, DraftFixture) {
  fs::path file;
  std::string stored;
  {
    auto editor = Open(true);
    stored = editor->Edited().address;
    file = editor->Drafts().PathOf(editor->CurrentDraftKey());
    SetAddress(*editor, "海游街道悬渚村3组71号");
    BOOST_TEST(editor->WriteDraftNow());
    BOOST_TEST(fs::exists(file));
    // Back to the stored value: the draft would only mislead, so it goes.
    SetAddress(*editor, stored);
    BOOST_TEST(!editor->WriteDraftNow());
    BOOST_TEST(!fs::exists(file));
    SetAddress(*editor, "海游街道悬渚村3组71号");
    BOOST_TEST(editor->WriteDraftNow());
  }
  {
    auto editor = Open(false);
    BOOST_TEST(asked == 1);
    BOOST_TEST(editor->Edited().address == stored);
    BOOST_TEST(!editor->IsDirty());
    BOOST_TEST(!fs::exists(file));  // declined: gone
  }
  {
    std::ofstream out(file, std::ios::binary);
    out << "doudi-draft=1\ndatabase=\xff\xfe\nhousehold=";  // cut short by a crash of the disk, say
  }
  auto editor = Open(true);
  BOOST_TEST(asked == 1);  // not offered
  BOOST_TEST(editor->Edited().address == stored);
  BOOST_TEST(!editor->IsDirty());
}

BOOST_FIXTURE_TEST_CASE(a_draft_older_than_the_stored_household_goes_through_the_conflict_view, DraftFixture) {
  const std::string typed = "海游街道悬渚村3组72号";
  {
    auto editor = Open(true);
    SetAddress(*editor, typed);
    BOOST_TEST(editor->WriteDraftNow());
  }
  // Another desk saves a new phone while this one is down.
  desk.Server().Execute("UPDATE doudi.household SET phone = '13900002222' WHERE id = " + std::to_string(householdId));
  BOOST_REQUIRE(Stored("version") == "2");

  auto editor = Open(true);
  BOOST_TEST(asked == 1);
  BOOST_TEST(editor->Edited().address == typed);
  bool conflict = false;
  editor->SetConflictResolver([&](const model::Household& base, const model::Household& theirs,
                                  const model::Household& mine) -> std::optional<model::Household> {
    conflict = true;
    BOOST_TEST(theirs.phone == "13900002222");
    BOOST_TEST(mine.phone == base.phone);  // the draft never touched it
    BOOST_TEST(mine.address == typed);
    return workstation::MergeHousehold(base, theirs, mine, {});  // the defaults: their phone, my address
  });
  editor->Save();
  BOOST_REQUIRE(test::PumpUntil(
      [&] { return conflict && editor->GetState() == HouseholdEditor::State::Editing && !editor->IsDirty(); }));
  BOOST_TEST(Stored("phone || '|' || address || '|' || version") == "13900002222|" + typed + "|3");
  BOOST_TEST(!fs::exists(editor->Drafts().PathOf(editor->CurrentDraftKey())));
}

BOOST_FIXTURE_TEST_CASE(a_new_household_has_its_own_slot_and_read_only_users_get_no_drafts, DraftFixture) {
  fs::path file;
  {
    auto editor = Open(true, std::nullopt);
    BOOST_TEST(asked == 0);
    BOOST_TEST(!editor->CurrentDraftKey().householdId.has_value());
    file = editor->Drafts().PathOf(editor->CurrentDraftKey());
    SetAddress(*editor, "海游街道悬渚村5组1号");
    BOOST_TEST(editor->WriteDraftNow());
  }
  {
    auto editor = Open(true, std::nullopt);
    BOOST_TEST(asked == 1);
    BOOST_TEST(editor->Edited().address == "海游街道悬渚村5组1号");
    BOOST_TEST(editor->IsDirty());
  }
  // The household's own slot is another file.
  BOOST_TEST(fs::exists(file));
  {
    auto editor = Open(true);
    BOOST_TEST(asked == 1);
  }

  // A read-only session (an auditor's group): nothing written, nothing offered.
  gui::Session readOnly = session;
  readOnly.identity.group = "auditor";
  HouseholdEditor editor(nullptr, worker, readOnly, householdId);
  editor.SetDraftPrompt([this](const wxString&) {
    ++asked;
    return true;
  });
  editor.Show();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor.GetState() != HouseholdEditor::State::Loading; }));
  BOOST_TEST(editor.IsReadOnly());
  SetAddress(editor, "海游街道悬渚村3组73号");
  BOOST_TEST(!editor.WriteDraftNow());
  BOOST_TEST(!fs::exists(editor.Drafts().PathOf(editor.CurrentDraftKey())));
  BOOST_TEST(asked == 1);
}

BOOST_AUTO_TEST_SUITE_END()
