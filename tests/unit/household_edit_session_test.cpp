// One household edit without a window: loading, the request id a save keeps
// until its outcome is known, what the form does after each outcome, the
// decision after a conflict, and when drafts are offered, written and
// removed. The data layer is a fake repository; drafts go to a temporary
// directory.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/workstation/household_edit_session.h"
#include "temporary_directory.h"

using namespace doudi;
using namespace doudi::workstation;
using State = HouseholdEditSession::State;
using AfterSave = HouseholdEditSession::AfterSave;
using AfterMerge = HouseholdEditSession::AfterMerge;
namespace fs = std::filesystem;

namespace {

constexpr const char* kDatabase = "host=/tmp/s port=5432 dbname=doudi user=clerk";

model::Household Stored() {
  model::Household h;
  h.id = 42;
  h.version = 3;
  h.regionCode = "331022001001";
  h.address = "海游街道1号";
  h.phone = "0576-83300000";
  model::Person head;
  head.id = 100;
  head.name = "张三";
  head.idNumber = "331022198510200021";
  head.relation = model::Relation::Head;
  h.members.push_back(head);
  return h;
}

// What another user saved meanwhile: the phone changed, the version moved on.
model::Household TheirVersion() {
  model::Household h = Stored();
  h.version = 4;
  h.phone = "0576-83311111";
  return h;
}


// A registry that answers as the test sets it up and records what it was asked.
class FakeRegistry : public dal::RegistryRepository {
 public:
  enum class Answer { Store, Conflict, Gone };
  Answer answer = Answer::Store;
  std::optional<model::Household> stored;  // what LoadHousehold returns
  std::int64_t newId = 77;
  std::vector<std::string> requestIds;

  std::optional<model::Household> LoadHousehold(std::int64_t) override { return stored; }
  std::int64_t CreateHousehold(const model::Household& household, const std::string& requestId) override {
    requestIds.push_back(requestId);
    if (answer == Answer::Gone) throw dal::RecordGone("a member is gone");
    stored = household;
    stored->id = newId;
    stored->version = 1;
    return newId;
  }
  std::int32_t SaveHousehold(const model::Household& household, const std::string& requestId) override {
    requestIds.push_back(requestId);
    if (answer == Answer::Conflict) throw dal::VersionConflict("newer version", household.version, household.version + 1);
    if (answer == Answer::Gone) throw dal::RecordGone("household deleted");
    stored = household;
    stored->version = household.version + 1;
    return stored->version;
  }
  std::vector<std::uint8_t> CardPhoto(std::int64_t) override { throw std::logic_error("not asked"); }
};

struct SessionFixture {
  test::TemporaryDirectory directory{"doudi-edit-session-test"};
  HouseholdEditSession edit{42, false, DraftStore(directory.path), kDatabase};

  SessionFixture() { BOOST_REQUIRE(edit.Loaded(Stored())); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(household_edit_session)

BOOST_AUTO_TEST_CASE(a_household_loads_into_the_form_or_says_it_is_gone) {
  test::TemporaryDirectory directory{"doudi-edit-session-test"};
  HouseholdEditSession edit(42, false, DraftStore(directory.path), kDatabase);
  BOOST_TEST((edit.GetState() == State::Loading));
  BOOST_TEST(!edit.Loaded(std::nullopt));
  BOOST_TEST((edit.GetState() == State::LoadFailed));
  edit.StartLoading();
  BOOST_TEST((edit.GetState() == State::Loading));
  BOOST_TEST(edit.Loaded(Stored()));
  BOOST_TEST((edit.GetState() == State::Editing));
  BOOST_TEST(!edit.IsChanged());
  edit.Edited().address = "新地址";
  BOOST_TEST(edit.IsChanged());
  BOOST_TEST(edit.Base().address == "海游街道1号");

  HouseholdEditSession blank(std::nullopt, false, DraftStore(directory.path), kDatabase);
  BOOST_TEST((blank.GetState() == State::Editing));
  BOOST_TEST(!blank.HouseholdId().has_value());
}

BOOST_FIXTURE_TEST_CASE(a_save_keeps_its_request_id_until_its_outcome_is_known, SessionFixture) {
  edit.Edited().address = "新地址";
  BOOST_TEST(edit.MaySave());
  const auto first = edit.BeginSave();
  BOOST_TEST((edit.GetState() == State::Saving));
  BOOST_TEST(!edit.MaySave());
  BOOST_TEST(!first.requestId.empty());
  BOOST_TEST(first.household.address == "新地址");

  // The link dropped: the save may have committed, so its retry is the same request.
  edit.SaveFailed(true);
  BOOST_TEST((edit.GetState() == State::Editing));
  const auto retry = edit.BeginSave();
  BOOST_TEST(retry.requestId == first.requestId);

  // Refused: the next save is a new request.
  edit.SaveFailed(false);
  const auto next = edit.BeginSave();
  BOOST_TEST(next.requestId != first.requestId);

  // Saved: the form shows the stored household, and the next save is new again.
  model::Household stored = next.household;
  stored.version = 4;
  BOOST_TEST((edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Saved, 42, stored}) == AfterSave::Saved));
  BOOST_TEST(edit.SavedOnce());
  BOOST_TEST(!edit.IsChanged());
  BOOST_TEST(edit.Base().version == 4);
  BOOST_TEST(edit.BeginSave().requestId != next.requestId);
}

BOOST_AUTO_TEST_CASE(a_new_household_saved_out_of_the_users_region_keeps_the_form_with_its_id) {
  test::TemporaryDirectory directory{"doudi-edit-session-test"};
  HouseholdEditSession edit(std::nullopt, false, DraftStore(directory.path), kDatabase);
  edit.StartNew(model::Household{});
  edit.Edited().address = "新户";
  edit.BeginSave();
  BOOST_TEST((edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Saved, 77, std::nullopt}) ==
              AfterSave::SavedOutOfScope));
  BOOST_TEST((edit.HouseholdId() == std::optional<std::int64_t>(77)));
  BOOST_TEST((edit.Edited().id == std::optional<std::int64_t>(77)));
  BOOST_TEST(edit.Edited().address == "新户");
  BOOST_TEST(!edit.IsChanged());
}

BOOST_FIXTURE_TEST_CASE(a_conflict_asks_for_a_merge_and_the_merge_goes_on_top_of_their_version, SessionFixture) {
  edit.Edited().address = "新地址";
  edit.BeginSave();
  BOOST_TEST(
      (edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Conflict, 42, TheirVersion()}) == AfterSave::ResolveConflict));
  BOOST_REQUIRE(edit.Theirs().has_value());
  BOOST_TEST(edit.Theirs()->phone == "0576-83311111");
  BOOST_TEST(!edit.SavedOnce());

  // Going back without a merge changes nothing.
  BOOST_TEST((edit.ApplyMerge(std::nullopt) == AfterMerge::Declined));
  BOOST_TEST(edit.Base().version == 3);
  BOOST_TEST(edit.Edited().address == "新地址");

  // The merge (their phone, my address) is saved against their version.
  edit.BeginSave();
  edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Conflict, 42, TheirVersion()});
  model::Household merged = TheirVersion();
  merged.address = "新地址";
  BOOST_TEST((edit.ApplyMerge(merged) == AfterMerge::SaveMerged));
  BOOST_TEST(edit.Base().version == 4);
  BOOST_TEST(edit.BeginSave().household.version == 4);

  // Keeping only their values leaves nothing to save.
  edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Conflict, 42, [] {
                                   model::Household h = TheirVersion();
                                   h.version = 5;
                                   h.phone = "0576-83322222";
                                   return h;
                                 }()});
  BOOST_REQUIRE(edit.Theirs().has_value());
  BOOST_TEST((edit.ApplyMerge(*edit.Theirs()) == AfterMerge::NothingToSave));
  BOOST_TEST(!edit.IsChanged());
}

BOOST_FIXTURE_TEST_CASE(the_same_changes_saved_by_another_user_or_a_removed_household_need_no_merge,
                        SessionFixture) {
  edit.Edited().phone = "0576-83311111";
  edit.BeginSave();
  BOOST_TEST((edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Conflict, 42, TheirVersion()}) ==
              AfterSave::SameChangesSaved));
  BOOST_TEST(!edit.IsChanged());
  BOOST_TEST(edit.Base().version == 4);

  // The same values, and a card read at this desk: the read is not lost,
  // it is saved against their version.
  edit.Edited().phone = "0576-83322222";
  model::IdCardFacts read;
  read.idNumber = edit.Edited().members.at(0).idNumber;
  read.ethnicityCode = "01";
  read.authority = "三门县公安局";
  read.validFrom = std::chrono::year_month_day{std::chrono::year{2016}, std::chrono::month{4}, std::chrono::day{20}};
  read.fresh = true;
  edit.Edited().members.at(0).card = read;
  edit.BeginSave();
  model::Household same = TheirVersion();
  same.version = 5;
  same.phone = "0576-83322222";
  BOOST_TEST((edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Conflict, 42, same}) == AfterSave::SaveCardReads));
  BOOST_TEST(edit.IsChanged());
  BOOST_TEST(edit.Base().version == 5);
  BOOST_TEST((edit.Edited().members.at(0).card == read));
  BOOST_TEST(edit.BeginSave().household.version == 5);
  // Their version holds that very read already (another desk read the card):
  // nothing is recorded twice.
  model::Household sameRead = same;
  sameRead.version = 6;
  sameRead.members.at(0).card = read;
  sameRead.members.at(0).card->fresh = false;
  sameRead.members.at(0).card->photo.clear();
  BOOST_TEST((edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Conflict, 42, sameRead}) ==
              AfterSave::SameChangesSaved));
  BOOST_TEST(!edit.IsChanged());

  edit.Edited().address = "新地址";
  edit.BeginSave();
  BOOST_TEST((edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Gone, 42, std::nullopt}) == AfterSave::Gone));
  BOOST_TEST(edit.Edited().address == "新地址");  // the form keeps what was typed
}

BOOST_AUTO_TEST_CASE(saving_through_the_repository_turns_a_conflict_into_an_outcome) {
  FakeRegistry registry;
  model::Household mine = Stored();
  mine.address = "新地址";

  registry.stored = Stored();
  auto outcome = SaveHousehold(registry, mine, "r1");
  BOOST_TEST((outcome.kind == SaveOutcome::Kind::Saved));
  BOOST_TEST(outcome.household->version == 4);
  BOOST_TEST(registry.requestIds == std::vector<std::string>{"r1"});

  registry.answer = FakeRegistry::Answer::Conflict;
  registry.stored = TheirVersion();
  outcome = SaveHousehold(registry, mine, "r2");
  BOOST_TEST((outcome.kind == SaveOutcome::Kind::Conflict));
  BOOST_TEST(outcome.household->phone == "0576-83311111");

  // A member or the household removed: compared with what is stored, or gone.
  registry.answer = FakeRegistry::Answer::Gone;
  outcome = SaveHousehold(registry, mine, "r3");
  BOOST_TEST((outcome.kind == SaveOutcome::Kind::Conflict));
  registry.stored.reset();
  outcome = SaveHousehold(registry, mine, "r4");
  BOOST_TEST((outcome.kind == SaveOutcome::Kind::Gone));

  // A new household: created, its id handed back; refused, the error stays an error.
  model::Household fresh = mine;
  fresh.id.reset();
  registry.answer = FakeRegistry::Answer::Store;
  outcome = SaveHousehold(registry, fresh, "r5");
  BOOST_TEST((outcome.kind == SaveOutcome::Kind::Saved));
  BOOST_TEST(outcome.householdId == 77);
  registry.answer = FakeRegistry::Answer::Gone;
  BOOST_CHECK_THROW(SaveHousehold(registry, fresh, "r6"), dal::RecordGone);
}

BOOST_AUTO_TEST_CASE(drafts_are_written_when_the_form_changes_and_removed_when_it_is_saved) {
  test::TemporaryDirectory directory{"doudi-edit-session-test"};
  HouseholdEditSession edit(std::nullopt, false, DraftStore(directory.path), kDatabase);
  edit.StartNew(model::Household{});
  BOOST_TEST(!edit.DraftToOffer().has_value());
  BOOST_TEST(!edit.WriteDraft().written);  // not before the draft was offered
  edit.StartDrafts();
  BOOST_TEST(!edit.WriteDraft().written);  // nothing typed yet
  edit.Edited().address = "新户";
  BOOST_TEST(edit.WriteDraft().written);
  const fs::path newSlot = edit.Drafts().PathOf(edit.CurrentDraftKey());
  BOOST_TEST(fs::exists(newSlot));
  BOOST_TEST(!edit.WriteDraft().written);  // unchanged since
  edit.Edited().phone = "0576-83300000";
  BOOST_TEST(edit.WriteDraft().written);

  edit.BeginSave();
  BOOST_TEST(!edit.WriteDraft().written);  // the same form, while saving
  model::Household stored = edit.Edited();
  stored.id = 77;
  stored.version = 1;
  edit.SaveCompleted(SaveOutcome{SaveOutcome::Kind::Saved, 77, stored});
  BOOST_TEST(!fs::exists(newSlot));
  BOOST_TEST((edit.CurrentDraftKey().householdId == std::optional<std::int64_t>(77)));

  // Back to what is stored: the draft goes.
  edit.Edited().address = "改过";
  BOOST_TEST(edit.WriteDraft().written);
  const fs::path slot = edit.Drafts().PathOf(edit.CurrentDraftKey());
  BOOST_TEST(fs::exists(slot));
  edit.Edited().address = "新户";
  BOOST_TEST(!edit.WriteDraft().written);
  BOOST_TEST(!fs::exists(slot));

  // Closing after the user agreed to lose the changes removes the draft;
  // closing without asking keeps it.
  edit.Edited().address = "又改";
  edit.WriteDraft();
  edit.Finish(false);
  BOOST_TEST(fs::exists(slot));
  edit.Finish(true);
  BOOST_TEST(!fs::exists(slot));
}

BOOST_AUTO_TEST_CASE(a_left_over_draft_is_offered_once_and_a_worthless_one_removed) {
  test::TemporaryDirectory directory{"doudi-edit-session-test"};
  DraftStore store(directory.path);
  const DraftKey key{kDatabase, 42};
  model::Household typed = Stored();
  typed.address = "草稿地址";

  // A draft of what is stored already (its save committed before the crash).
  store.Save(key, Stored(), Stored());
  {
    HouseholdEditSession edit(42, false, store, kDatabase);
    edit.Loaded(Stored());
    BOOST_TEST(!edit.DraftToOffer().has_value());
    BOOST_TEST(!fs::exists(store.PathOf(key)));
  }

  // Only a card read and not yet saved: offered, the read kept.
  model::Household withRead = Stored();
  model::IdCardFacts read;
  read.idNumber = withRead.members.at(0).idNumber;
  read.ethnicityCode = "01";
  read.authority = "三门县公安局";
  read.validFrom = std::chrono::year{2016} / 4 / 20;
  read.fresh = true;
  read.photo = {'B', 'M', 1, 2, 3};
  withRead.members.at(0).card = read;
  store.Save(key, Stored(), withRead);
  {
    HouseholdEditSession edit(42, false, store, kDatabase);
    edit.Loaded(Stored());
    auto draft = edit.DraftToOffer();
    BOOST_REQUIRE(draft.has_value());
    BOOST_TEST(!edit.RestoreDraft(std::move(*draft)));  // over the same stored version
    BOOST_TEST((edit.Edited().members.at(0).card == read));
    BOOST_TEST(edit.IsChanged());
    edit.DeclineDraft();
  }
  // ... but not once that read is stored (its save committed before the crash).
  store.Save(key, Stored(), withRead);
  {
    model::Household stored = Stored();
    model::IdCardFacts kept = read;
    kept.fresh = false;
    kept.idNumber.clear();
    kept.photo.clear();
    kept.readAt = "2026-12-07 09:30";
    stored.members.at(0).card = kept;
    HouseholdEditSession edit(42, false, store, kDatabase);
    edit.Loaded(stored);
    BOOST_TEST(!edit.DraftToOffer().has_value());
    BOOST_TEST(!fs::exists(store.PathOf(key)));
  }

  // Declined: removed.
  store.Save(key, Stored(), typed);
  {
    HouseholdEditSession edit(42, false, store, kDatabase);
    edit.Loaded(Stored());
    BOOST_REQUIRE(edit.DraftToOffer().has_value());
    edit.DeclineDraft();
    BOOST_TEST(!fs::exists(store.PathOf(key)));
    BOOST_TEST(!edit.IsChanged());
  }

  // Restored over a newer stored version: the draft's base is kept, so the
  // save meets their version and goes through the conflict view.
  store.Save(key, Stored(), typed);
  {
    HouseholdEditSession edit(42, false, store, kDatabase);
    edit.Loaded(TheirVersion());
    auto draft = edit.DraftToOffer();
    BOOST_REQUIRE(draft.has_value());
    BOOST_TEST(edit.RestoreDraft(std::move(*draft)));
    BOOST_TEST(edit.Base().version == 3);
    BOOST_TEST(edit.Edited().address == "草稿地址");
    edit.StartDrafts();
    BOOST_TEST(!edit.DraftToOffer().has_value());  // offered once
    BOOST_TEST(!edit.WriteDraft().written);        // the restored draft is on disk already
  }

  // A read-only user gets none.
  {
    HouseholdEditSession edit(42, true, store, kDatabase);
    edit.Loaded(Stored());
    BOOST_TEST(!edit.DraftToOffer().has_value());
    edit.StartDrafts();
    edit.Edited().address = "看看";
    BOOST_TEST(!edit.WriteDraft().written);
  }
}

BOOST_FIXTURE_TEST_CASE(a_draft_that_cannot_be_written_is_said_once, SessionFixture) {
  // The draft directory's place is taken by a file.
  { std::ofstream(directory.path) << "not a directory"; }
  edit.StartDrafts();
  edit.Edited().address = "新地址";
  const auto first = edit.WriteDraft();
  BOOST_TEST(!first.written);
  BOOST_TEST(first.failure.has_value());
  edit.Edited().address = "又一个";
  const auto second = edit.WriteDraft();
  BOOST_TEST(!second.written);
  BOOST_TEST(!second.failure.has_value());
  std::error_code ignored;
  fs::remove(directory.path, ignored);
}

BOOST_AUTO_TEST_SUITE_END()
