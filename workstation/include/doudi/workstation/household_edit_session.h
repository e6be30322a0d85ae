#pragma once
// One edit of one household (or of a new one) as the household editor runs
// it, without the windows: the household as loaded or last saved (base) and
// as edited, the editor's state, the request id of a save in flight, what
// the form does after a save's outcome, the decision after a conflict, and
// when drafts are offered, written and removed. The dialog
// (gui/registry/household_editor.h) shows this and asks the user; what it
// decides is here, so it is tested without a display or a database.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "doudi/model/household.h"
#include "doudi/workstation/draft_store.h"

namespace doudi::dal {
class RegistryRepository;
}

namespace doudi::workstation {

// What a save of a household came to, as the data layer answered it.
struct SaveOutcome {
  enum class Kind {
    Saved,
    Conflict,  // another user saved first; household is their version
    Gone,      // the household no longer exists
  };
  Kind kind = Kind::Saved;
  std::int64_t householdId = 0;
  // Saved: the household as stored now (nullopt when it is no longer
  // visible to this user); Conflict: the version the other user saved.
  std::optional<model::Household> household;
};

// Saves household through registry (creates it when it has no id yet) under
// requestId, then reads it back. A version conflict, or a household or kept
// member that someone removed meanwhile, is an outcome, not an exception,
// because the editor needs the stored version to compare with. Throws what
// the repository throws otherwise (and RecordGone for a new household).
SaveOutcome SaveHousehold(dal::RegistryRepository& registry, const model::Household& household,
                          const std::string& requestId);

class HouseholdEditSession {
 public:
  enum class State {
    Loading,     // waiting for the household; nothing can be edited yet
    LoadFailed,  // Try again loads once more
    Editing,
    Saving,  // the form is locked until the save returns
  };
  // What the form does once a save came back.
  enum class AfterSave {
    Saved,             // base and edited are the stored household: show it
    SavedOutOfScope,   // saved, but outside the user's region now: the form keeps its values
    ResolveConflict,   // another user saved first: ask how to merge with Theirs()
    SameChangesSaved,  // another user saved exactly these values: the form shows theirs
    SaveCardReads,     // ... and this desk's card reads are still to be stored: save them against theirs
    Gone,              // another user removed the household
  };
  // What the form does once the user decided about a conflict.
  enum class AfterMerge {
    Declined,       // back to editing, nothing saved
    NothingToSave,  // the user kept none of their values: the form shows theirs
    SaveMerged,     // the merge is in the form: save it (against their version) once valid
  };
  // A save to run: the household and its request id.
  struct SaveRequest {
    model::Household household;
    std::string requestId;
  };
  // A draft written, or the reason it was not, said once.
  struct DraftWrite {
    bool written = false;
    std::optional<std::string> failure;  // set the first time a write fails while editing
  };

  // How often a changed form is written as a draft.
  static constexpr std::chrono::milliseconds kDraftInterval{5000};

  // householdId nullopt: a new household (Editing at once, see StartNew).
  // database: DatabaseIdentity(...) of the connection, naming its drafts.
  HouseholdEditSession(std::optional<std::int64_t> householdId, bool readOnly, DraftStore drafts,
                       std::string database);

  State GetState() const { return m_state; }
  bool IsReadOnly() const { return m_readOnly; }
  // The household's id; set for a new household once it is saved.
  std::optional<std::int64_t> HouseholdId() const { return m_householdId; }
  // Whether a save succeeded at least once (the caller refreshes its list).
  bool SavedOnce() const { return m_savedOnce; }
  // As loaded or last saved: what "changed" and conflicts compare with.
  const model::Household& Base() const { return m_base; }
  // As edited; the form writes into it (the reference stays valid).
  const model::Household& Edited() const { return m_edited; }
  model::Household& Edited() { return m_edited; }
  // The edited household differs from the base.
  bool IsChanged() const { return m_edited != m_base; }

  // ---- loading
  // Waiting for the household (after Try again too).
  void StartLoading();
  // The household as the database gave it: Editing and true; nullopt (gone,
  // or outside the user's region): LoadFailed and false.
  bool Loaded(std::optional<model::Household> household);
  void LoadFailed() { m_state = State::LoadFailed; }
  // A new household's form, blank as given: Editing.
  void StartNew(model::Household blank);

  // ---- saving
  // Whether a save may start now (Editing and not read-only).
  bool MaySave() const { return m_state == State::Editing && !m_readOnly; }
  // Saving, with the request id of this save: the pending one when the last
  // attempt's outcome is unknown (a retry is then never applied twice), else
  // a new one.
  SaveRequest BeginSave();
  // The save's outcome arrived: Editing again, and what the form does next.
  // A saved household's draft is removed.
  AfterSave SaveCompleted(SaveOutcome outcome);
  // The save failed: Editing again. Unless the connection dropped (the save
  // may have committed and its retry must carry the same id), the next save
  // is a new one.
  void SaveFailed(bool connectionLost);
  // After ResolveConflict: the version the other user saved.
  const std::optional<model::Household>& Theirs() const { return m_theirs; }
  // The user's merge of Base(), Theirs() and Edited(), or nullopt when they
  // went back without one. A merge becomes the edit on top of their version.
  AfterMerge ApplyMerge(std::optional<model::Household> merged);

  // ---- drafts
  // Where this form's draft goes (database, user and household).
  DraftKey CurrentDraftKey() const { return DraftKey{m_database, m_householdId}; }
  const DraftStore& Drafts() const { return m_drafts; }
  // Whether drafts are written now (after the left-over draft was offered).
  bool DraftsActive() const { return m_draftsActive; }
  // Once the household is loaded (or a new form is ready): the draft left
  // by a crash that is worth offering back; a draft that adds nothing to
  // what is stored is removed. nullopt when there is none, for a read-only
  // user, or once drafts are active.
  std::optional<Draft> DraftToOffer();
  // The user took the draft: it becomes the edit. When another user saved
  // the household after the draft's edit began, the draft's base is kept,
  // so the save meets the newer version and the conflict view shows their
  // changes beside the draft's (returns true then).
  bool RestoreDraft(Draft draft);
  // The user declined the draft: it is removed.
  void DeclineDraft();
  // From now on WriteDraft writes (not for a read-only user).
  void StartDrafts();
  // What the draft timer does: writes the form as a draft when it differs
  // from the base and from the last draft written; removes the draft when
  // the form is back to the base.
  DraftWrite WriteDraft();
  // Removes this form's draft (also the new-household slot's, once saved).
  void DiscardDraft();
  // The form closes; discardDraft: the user saved or agreed to lose the changes.
  void Finish(bool discardDraft);

 private:
  std::optional<std::int64_t> m_householdId;
  bool m_readOnly = false;
  State m_state = State::Editing;
  bool m_savedOnce = false;
  std::string m_pendingRequestId;  // the save in flight or unresolved (dal::NewRequestId)
  model::Household m_base;
  model::Household m_edited;
  std::optional<model::Household> m_theirs;

  DraftStore m_drafts;
  std::string m_database;
  bool m_draftsActive = false;                  // the draft was offered; this form now owns it
  bool m_draftFailed = false;                   // the last write failed (said once, not every 5 s)
  std::optional<model::Household> m_lastDraft;  // the form as last written to the draft
  std::optional<DraftKey> m_lastDraftKey;       // where it was written
};

}  // namespace doudi::workstation
