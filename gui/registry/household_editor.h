#pragma once
// The household editor (家庭档案): household fields, members, income items
// and assets of one household, or a new one. Loads and saves through a
// DatabaseWorker, so the window never waits on the database; checks every
// field as it is typed with model::Validate and shows each problem at its
// field; and when a save meets a version another user saved meanwhile, it
// shows the ConflictDialog and saves the user's merge against the new
// version, so nothing is overwritten silently.
//
// The dialog is the glue: the household fields (HouseholdFieldsPanel), one
// grid per table (MemberGrid, IncomeGrid, AssetGrid) and the edit session
// (workstation::HouseholdEditSession, which decides what follows a load, a
// save, a conflict and when drafts are written) are their own pieces.
//
// Every 5 seconds a form with unsaved changes is written as a local draft
// (DraftStore, readable by the user alone); a save, or closing after the
// user agreed to discard the changes, removes it. After a crash or kill,
// opening the household (or a new household) again offers the draft back.
// Read-only users get no drafts.
//
// Shown modally (ShowModal) or modeless; closing returns wxID_OK when a save
// succeeded at least once (the caller refreshes its list), else wxID_CANCEL.
#include <wx/dialog.h>
#include <wx/timer.h>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/form_dialog.h"
#include "doudi/dal/registry_search.h"
#include "doudi/model/household.h"
#include "doudi/workstation/draft_store.h"
#include "doudi/workstation/household_edit_session.h"
#include "doudi/workstation/id_card.h"
#include "registry/household_form.h"
#include "registry/member_grid.h"

class wxButton;
class wxNotebook;
class wxPanel;
class wxStaticText;

namespace doudi::gui {

class AssetGrid;
class AttachmentsPanel;
class Context;
class DatabaseWorker;
class MatchingPanel;
class HouseholdStoryPanel;
class HouseholdHelpPanel;
class HouseholdAlerts;
class HouseholdFieldsPanel;
class IdCardPanel;
class IncomeGrid;
struct Session;

class HouseholdEditor : public wxDialog {
 public:
  // Loading, LoadFailed (the message says why), Editing, Saving.
  using State = workstation::HouseholdEditSession::State;
  enum class Table { Members, Incomes, Assets };
  // The members grid's ID column (the columns are MemberGrid's,
  // IncomeGrid's and AssetGrid's).
  static constexpr int kMemberIdNumber = MemberGrid::kIdNumber;

  // A problem shown on the form: the model's field path ("members[2].id_number")
  // and the translated message.
  using ShownIssue = household::ShownIssue;

  // Given the version the user started from, the stored one and the user's
  // edit, returns the household to save against the stored version, or
  // nullopt to go back to editing without saving.
  using ConflictResolver = std::function<std::optional<model::Household>(
      const model::Household& base, const model::Household& theirs, const model::Household& mine)>;
  // Given the person a card read found in another household and the
  // question "X is already registered ...; open that household?", returns
  // whether to open it (tests answer it).
  using ExistingPrompt = std::function<bool(const dal::PersonSummary& person, const wxString& question)>;
  // Given when an unsaved draft was written (local time, as shown), returns
  // whether to restore it into the form (else it is discarded).
  using DraftPrompt = std::function<bool(const wxString& when)>;

  // How often a changed form is written as a draft.
  static constexpr int kDraftIntervalMs = static_cast<int>(workstation::HouseholdEditSession::kDraftInterval.count());

  // householdId nullopt: a new household. worker and session outlive the
  // dialog. Read-only unless the session may edit the registry. With a
  // context (which outlives the dialog), a stored household's editor has a
  // second page, 匹配 (MatchingPanel), read when it is shown.
  HouseholdEditor(wxWindow* parent, DatabaseWorker& worker, const Session& session,
                  std::optional<std::int64_t> householdId, Context* context = nullptr);

  // A stored household's open alerts, shown above the form to the groups
  // that handle alerts (nullptr for others and for a new household).
  HouseholdAlerts* OpenAlerts() const { return m_openAlerts; }
  // The alert whose link the user clicked: the editor closed for it (an
  // alert's window cannot take input while a modal editor runs), and
  // whoever showed the editor shows the alert.
  std::optional<std::int64_t> AlertToOpen() const { return m_alertToOpen; }

  // A new household's form starts with household instead of a blank one
  // (a person an alert found, registered from the alert), with note on the
  // status line; nothing for a stored household.
  void StartWith(model::Household household, const wxString& note);

  State GetState() const { return m_edit.GetState(); }
  bool IsReadOnly() const { return m_edit.IsReadOnly(); }
  // The household's id; set for a new household once it is saved.
  std::optional<std::int64_t> HouseholdId() const { return m_edit.HouseholdId(); }
  // The household as the form holds it now.
  const model::Household& Edited() const { return m_edit.Edited(); }
  // Something differs from what was loaded (or last saved).
  bool IsDirty() const;
  // Editing, not read-only, dirty, and no problem shown.
  bool CanSave() const;
  const std::vector<ShownIssue>& Issues() const { return m_issues; }
  // The line above the form: loading, saving, saved, or why not.
  wxString StatusText() const;

  // What the Save button and Ctrl+S do: commits a cell being edited, then
  // saves on the worker when CanSave().
  void Save();
  // Sets a cell as if the user had typed text there and pressed Enter.
  void EditCell(Table table, int row, int column, const wxString& text);
  void AddRow(Table table);
  void RemoveRow(Table table, int row);
  // Makes member row the head; the former head becomes "other", for the
  // user to correct, since relations to the new head are not derivable.
  void MakeHead(int row);
  HouseholdGrid* Grid(Table table) const { return m_grids[Index(table)]; }
  // The control of a household field ("region_code", "address", "phone",
  // "housing", "status", "bank_name", "bank_account"); nullptr otherwise.
  wxWindow* FieldControl(const std::string& field) const;
  // Replaces the ConflictDialog (tests drive the dialog themselves).
  void SetConflictResolver(ConflictResolver resolver) { m_resolver = std::move(resolver); }
  // Replaces the "Restore it?" question (tests answer it themselves). Set
  // it before the household has loaded (a new household: before events run).
  void SetDraftPrompt(DraftPrompt prompt) { m_draftPrompt = std::move(prompt); }
  // What the draft timer does, now: writes the form as a draft when it
  // differs from the stored household and from the last draft written;
  // removes this editor's draft when the form is back to the stored one.
  // Returns whether a draft was written. Nothing before a loaded household's
  // draft was offered, nor for a read-only user.
  bool WriteDraftNow();
  // The 匹配 page's panel; nullptr without one.
  MatchingPanel* Matching() const { return m_matching; }
  // The 帮扶 page's panel (help delivered, 四帮四扶); nullptr without one.
  HouseholdHelpPanel* Help() const { return m_help; }
  // The 附件 page's panel (the household's files); nullptr without one.
  AttachmentsPanel* Attachments() const { return m_attachments; }
  // Shows the 匹配 page (it reads the household again).
  void ShowMatching();
  // The 经历 page's panel (the household's whole story); nullptr without one.
  HouseholdStoryPanel* Story() const { return m_story; }
  // Shows the 经历 page (it reads the story again).
  void ShowStory();
  // The 身份证 box: 读卡 and the card read last (nullptr for read-only users).
  IdCardPanel* CardPanel() const { return m_cardPanel; }
  // Replaces the "open that household?" question after a card read.
  void SetExistingPrompt(ExistingPrompt prompt) { m_existingPrompt = std::move(prompt); }
  // The household of a person whose card was read here, registered in
  // another household, that the user chose to open: the editor closed for
  // it, and whoever showed the editor opens it.
  std::optional<std::int64_t> HouseholdToOpen() const { return m_householdToOpen; }
  // A case the user chose to open from the 匹配 page: the editor closed for
  // it, and whoever showed the editor opens it (a case window cannot take
  // input while a modal editor runs).
  std::optional<std::int64_t> CaseToOpen() const { return m_caseToOpen; }
  // 转办: refers this stored household to departments (ReferralDialog on
  // the cases worker), for the users who may refer households; the button
  // "refer" is there only then.
  bool OffersReferral() const;
  void Refer();
  // Replaces the modal run of the referral dialog (tests fill it themselves).
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }
  // Where this form's draft goes (database, user and household).
  workstation::DraftKey CurrentDraftKey() const { return m_edit.CurrentDraftKey(); }
  const workstation::DraftStore& Drafts() const { return m_edit.Drafts(); }

 private:
  static constexpr std::size_t Index(Table table) { return static_cast<std::size_t>(table); }

  void BuildForm();
  // Brings the page to the front; reload when it already is (a page change reloads it).
  void ShowPage(wxWindow* page, const std::function<void()>& reload);
  void BindEvents();
  void MakeReadOnly();

  void Load();
  void Fill();

  void ApplyCell(Table table, int row, int column);
  // A card read and checked: its person into the members (their row when
  // the form has their ID, else an empty row, else a new one), the card's
  // address into an empty household address.
  // The card box shows the member of this row of the members grid.
  void ShowMemberCard(int row);
  void FillFromCard(const workstation::IdCardData& card);
  // The card's person is registered in another household: offer to open it.
  void OfferExisting(const dal::PersonSummary& person);

  void Revalidate();
  bool IsUnchangedMasked(const std::string& field) const;
  void ShowIssues();
  void UpdateIncomeSummary();

  // Shows the session's state: the form enabled while editing, the status line.
  void ShowState();
  void ShowStatus(const wxString& text, bool error);
  void CommitPendingCellEdit();
  void OnSaveResult(workstation::SaveOutcome result);
  void ResolveConflict();
  bool ConfirmClose();
  // Ends the dialog; discardDraft removes the draft (the user saved, or
  // agreed to lose the changes).
  void Finish(bool discardDraft);
  // Once the household is loaded (or a new form is ready): offers the
  // draft left by a crash, if any, and starts writing drafts.
  void OfferDraft();
  // Runs body, turning any exception into a message on the form, so none
  // escapes an event handler.
  void Safely(const std::function<void()>& body);

  DatabaseWorker& m_worker;
  const Session& m_session;
  // The household as loaded and as edited, the state, the pending save
  // and the drafts; m_household is its edited household, which the form
  // writes into.
  workstation::HouseholdEditSession m_edit;
  model::Household& m_household;
  ConflictResolver m_resolver;
  DraftPrompt m_draftPrompt;
  wxTimer m_draftTimer;
  std::vector<ShownIssue> m_issues;

  Context* m_context = nullptr;
  std::optional<std::int64_t> m_caseToOpen;
  wxStaticText* m_status = nullptr;
  wxNotebook* m_pages = nullptr;  // the form and 匹配; nullptr without a matching page
  MatchingPanel* m_matching = nullptr;
  HouseholdStoryPanel* m_story = nullptr;  // 经历; nullptr without pages
  HouseholdHelpPanel* m_help = nullptr;
  AttachmentsPanel* m_attachments = nullptr;
  HouseholdAlerts* m_openAlerts = nullptr;
  std::optional<std::int64_t> m_alertToOpen;
  std::optional<std::int64_t> m_householdToOpen;
  ExistingPrompt m_existingPrompt;
  IdCardPanel* m_cardPanel = nullptr;
  wxPanel* m_form = nullptr;
  HouseholdFieldsPanel* m_fields = nullptr;
  MemberGrid* m_members = nullptr;
  IncomeGrid* m_incomes = nullptr;
  AssetGrid* m_assets = nullptr;
  std::array<HouseholdGrid*, 3> m_grids{};  // by Table
  std::vector<wxButton*> m_rowButtons;
  wxStaticText* m_perCapita = nullptr;
  wxButton* m_retry = nullptr;
  wxButton* m_refer = nullptr;  // nullptr unless OffersReferral()
  DialogRunner m_runDialog = RunModally;
  wxButton* m_save = nullptr;
  wxButton* m_cancel = nullptr;
};

}  // namespace doudi::gui
