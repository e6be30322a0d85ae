#include "doudi/workstation/household_edit_session.h"

#include <algorithm>
#include <exception>
#include <utility>

#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/workstation/household_merge.h"

namespace doudi::workstation {
namespace {

// Replaces each card read at this desk that stored already holds — its
// member, by number, has a card in use saying the same (the read's save
// committed before a crash, or another desk read the same card) — by the
// stored card, so that it is not recorded twice. A read of a member whose
// stored number shows masked cannot be matched and stays.
void KeepOnlyUnsavedReads(model::Household& h, const model::Household& stored) {
  for (auto& member : h.members) {
    if (!member.card || !member.card->fresh) continue;
    const auto& read = *member.card;
    const auto same = std::find_if(stored.members.begin(), stored.members.end(), [&](const model::Person& s) {
      return s.idNumber == read.idNumber && s.card && s.card->ethnicityCode == read.ethnicityCode &&
             s.card->authority == read.authority && s.card->validFrom == read.validFrom &&
             s.card->validUntil == read.validUntil;
    });
    if (same != stored.members.end()) member.card = same->card;
  }
}

bool CarriesReads(const model::Household& h) {
  return std::any_of(h.members.begin(), h.members.end(), [](const model::Person& p) { return p.card && p.card->fresh; });
}

}  // namespace

SaveOutcome SaveHousehold(dal::RegistryRepository& registry, const model::Household& household,
                          const std::string& requestId) {
  SaveOutcome result;
  try {
    if (household.id) {
      registry.SaveHousehold(household, requestId);
      result.householdId = *household.id;
    } else {
      result.householdId = registry.CreateHousehold(household, requestId);
    }
  } catch (const dal::VersionConflict&) {
    result.kind = SaveOutcome::Kind::Conflict;
  } catch (const dal::RecordGone&) {
    // The household, or a member the user kept, was removed by someone
    // else: compare with what is stored, if anything.
    if (!household.id) throw;
    result.kind = SaveOutcome::Kind::Conflict;
  }
  if (result.kind == SaveOutcome::Kind::Conflict) result.householdId = *household.id;
  result.household = registry.LoadHousehold(result.householdId);
  if (result.kind == SaveOutcome::Kind::Conflict && !result.household) result.kind = SaveOutcome::Kind::Gone;
  return result;
}

HouseholdEditSession::HouseholdEditSession(std::optional<std::int64_t> householdId, bool readOnly,
                                           DraftStore drafts, std::string database)
    : m_householdId(householdId),
      m_readOnly(readOnly),
      m_state(householdId ? State::Loading : State::Editing),
      m_drafts(std::move(drafts)),
      m_database(std::move(database)) {}

void HouseholdEditSession::StartLoading() { m_state = State::Loading; }

bool HouseholdEditSession::Loaded(std::optional<model::Household> household) {
  if (!household) {
    m_state = State::LoadFailed;
    return false;
  }
  m_base = *household;
  m_edited = std::move(*household);
  m_state = State::Editing;
  return true;
}

void HouseholdEditSession::StartNew(model::Household blank) {
  m_base = blank;
  m_edited = std::move(blank);
  m_state = State::Editing;
}

HouseholdEditSession::SaveRequest HouseholdEditSession::BeginSave() {
  // One id per save the user asked for, kept until its outcome is known.
  if (m_pendingRequestId.empty()) m_pendingRequestId = dal::NewRequestId();
  m_state = State::Saving;
  return SaveRequest{m_edited, m_pendingRequestId};
}

HouseholdEditSession::AfterSave HouseholdEditSession::SaveCompleted(SaveOutcome outcome) {
  m_pendingRequestId.clear();  // the outcome is known
  m_state = State::Editing;
  m_theirs.reset();
  switch (outcome.kind) {
    case SaveOutcome::Kind::Saved: {
      m_savedOnce = true;
      m_householdId = outcome.householdId;
      AfterSave next = AfterSave::Saved;
      if (outcome.household) {
        m_base = *outcome.household;
        m_edited = std::move(*outcome.household);
      } else {
        m_edited.id = outcome.householdId;
        m_base = m_edited;
        next = AfterSave::SavedOutOfScope;
      }
      if (m_draftsActive) DiscardDraft();
      return next;
    }
    case SaveOutcome::Kind::Conflict:
      if (!outcome.household) return AfterSave::Gone;
      if (DiffHouseholds(m_base, *outcome.household, m_edited).empty()) {
        // The other user saved exactly these values: nothing is lost but
        // the cards read at this desk, which the merge keeps (a fact, not a
        // field to choose) and which a save against theirs stores.
        model::Household withReads = MergeHousehold(m_base, *outcome.household, m_edited, {});
        KeepOnlyUnsavedReads(withReads, *outcome.household);
        m_base = std::move(*outcome.household);
        m_edited = std::move(withReads);
        return IsChanged() ? AfterSave::SaveCardReads : AfterSave::SameChangesSaved;
      }
      m_theirs = std::move(outcome.household);
      return AfterSave::ResolveConflict;
    case SaveOutcome::Kind::Gone:
      break;
  }
  return AfterSave::Gone;
}

void HouseholdEditSession::SaveFailed(bool connectionLost) {
  if (!connectionLost) m_pendingRequestId.clear();
  m_state = State::Editing;
}

HouseholdEditSession::AfterMerge HouseholdEditSession::ApplyMerge(std::optional<model::Household> merged) {
  if (!m_theirs) return AfterMerge::Declined;
  model::Household theirs = std::move(*m_theirs);
  m_theirs.reset();
  if (!merged) return AfterMerge::Declined;
  m_base = std::move(theirs);
  m_edited = std::move(*merged);
  return IsChanged() ? AfterMerge::SaveMerged : AfterMerge::NothingToSave;
}

std::optional<Draft> HouseholdEditSession::DraftToOffer() {
  if (m_draftsActive || m_readOnly) return std::nullopt;
  const DraftKey key = CurrentDraftKey();
  std::optional<Draft> draft = m_drafts.Load(key);
  // A draft that adds nothing to what is stored (a save that committed just
  // before the crash, say) is not worth a question.
  // A card read and not yet stored is worth it (a fact, no field to diff).
  if (draft && m_householdId) KeepOnlyUnsavedReads(draft->edited, m_base);
  if (draft && !CarriesReads(draft->edited) &&
      (m_householdId ? DiffHouseholds(draft->base, m_base, draft->edited).empty() : draft->edited == m_edited)) {
    m_drafts.Discard(key);
    draft.reset();
  }
  return draft;
}

bool HouseholdEditSession::RestoreDraft(Draft draft) {
  const bool newerStored = m_householdId && draft.base.version != m_base.version;
  if (newerStored) m_base = std::move(draft.base);
  m_edited = std::move(draft.edited);
  m_lastDraft = m_edited;
  m_lastDraftKey = CurrentDraftKey();
  return newerStored;
}

void HouseholdEditSession::DeclineDraft() { m_drafts.Discard(CurrentDraftKey()); }

void HouseholdEditSession::StartDrafts() {
  if (!m_readOnly) m_draftsActive = true;
}

HouseholdEditSession::DraftWrite HouseholdEditSession::WriteDraft() {
  if (m_readOnly || !m_draftsActive) return {};
  if (m_state != State::Editing && m_state != State::Saving) return {};
  if (m_edited == m_base) {
    // Back to what is stored: an older draft would only mislead.
    if (m_lastDraft) DiscardDraft();
    return {};
  }
  const DraftKey key = CurrentDraftKey();
  if (m_lastDraft && *m_lastDraft == m_edited && m_lastDraftKey == key) return {};
  try {
    m_drafts.Save(key, m_base, m_edited);
  } catch (const std::exception& e) {
    // Said once, not every few seconds; editing and saving go on.
    DraftWrite failed;
    if (!m_draftFailed && m_state == State::Editing) failed.failure = e.what();
    m_draftFailed = true;
    return failed;
  }
  m_draftFailed = false;
  if (m_lastDraftKey && *m_lastDraftKey != key) m_drafts.Discard(*m_lastDraftKey);
  m_lastDraft = m_edited;
  m_lastDraftKey = key;
  return DraftWrite{true, std::nullopt};
}

void HouseholdEditSession::DiscardDraft() {
  const DraftKey key = CurrentDraftKey();
  m_drafts.Discard(key);
  // A new household's draft was written to the new-household slot.
  if (m_lastDraftKey && *m_lastDraftKey != key) m_drafts.Discard(*m_lastDraftKey);
  m_lastDraft.reset();
  m_lastDraftKey.reset();
}

void HouseholdEditSession::Finish(bool discardDraft) {
  if (discardDraft && m_draftsActive && !m_readOnly) DiscardDraft();
}

}  // namespace doudi::workstation
