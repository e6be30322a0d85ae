#pragma once
// The case view: one case with everything the desk needs to act on it — the
// summary (household, program, state, version, deadlines with the overall
// limit), the timeline of every step (who, when, level, opinion), the
// surveys, the evidence, the proposed amount with its working, the decided
// benefits and the recent payments — and only the actions the user may take
// now, each with the reason when what it requires is not on record yet.
//
// Loads and writes through a DatabaseWorker: every write carries a request
// id kept across retries of the same write, and a write that meets a newer
// version of the case reloads it and says that someone else acted.
// Modeless; destroys itself when closed.
#include <wx/dialog.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/weakref.h>

#include "cases/case_actions.h"
#include "common/form_dialog.h"
#include "common/requested_write.h"
#include "documents/document_preview.h"
#include "doudi/dal/case_repository.h"
#include "doudi/reports/case_documents.h"

namespace doudi::dal::pg {
class PgDatabase;
}

class wxBoxSizer;
class wxButton;
class wxListBox;
class wxListCtrl;
class wxNotebook;
class wxPanel;
class wxStaticText;

namespace doudi::gui {

class Context;
class ReferralsPage;
class AttachmentsPanel;
class DatabaseWorker;
struct Session;

class CaseView : public wxDialog {
 public:
  enum class State { Loading, LoadFailed, Ready, Writing };

  // context outlives the view. The case is read and written on its case
  // worker, documents built on its document worker (a long one never holds
  // up the case); after every write that went through the context's case
  // lists refresh.
  CaseView(wxWindow* parent, Context& context, std::int64_t caseId);

  std::int64_t CaseId() const { return m_caseId; }
  State GetState() const { return m_state; }
  const std::optional<dal::CaseRecord>& Record() const { return m_record; }
  // The actions offered now, as their buttons show them.
  const std::vector<workstation::CaseActionChoice>& Actions() const { return m_actions; }
  // The line under the case: loading, saved, or what went wrong.
  wxString StatusText() const;
  wxListCtrl* Timeline() const { return m_timeline; }
  wxListBox* Working() const { return m_working; }
  // The pages: timeline, survey and evidence, amount and payments.
  wxNotebook* Pages() const { return m_pages; }
  // The referrals page (转办): every referral of the case, 转办 and 帮扶办结.
  ReferralsPage* Referrals() const { return m_referrals; }
  // The 材料 page (the household's files, new ones attached to the case);
  // made when the case has loaded, nullptr before.
  AttachmentsPanel* Attachments() const { return m_attachments; }
  // Whether the record forms are offered to this user now.
  bool OffersSurvey() const;
  bool OffersEvidence() const;
  bool OffersAmount() const;
  // A city decider may extend a running overall limit, once, for a stated reason.
  bool OffersExtension() const;

  void Reload();
  // What an action's button does: asks for the opinion (required or as a
  // confirmation), then takes the action on the worker.
  void TakeAction(const std::string& action);
  void RecordSurvey();
  void AddEvidence();
  void ProposeAmount();
  void ExtendLimit();
  // The documents that make sense for the case as it is now (Documents button).
  std::vector<reports::CaseDocumentKind> DocumentKinds() const;
  // Builds the document on the document worker and opens its preview.
  void OpenDocument(reports::CaseDocumentKind kind);
  bool IsOpeningDocument() const { return m_openingDocument; }
  // The preview opened last; nullptr when none is open.
  DocumentPreview* LastPreview() const { return m_preview.get(); }
  // Replaces how input dialogs are shown (tests fill and press them).
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

 private:
  void Build();
  wxPanel* BuildTimelinePage(wxWindow* parent);
  wxPanel* BuildRecordsPage(wxWindow* parent);
  wxPanel* BuildAmountPage(wxWindow* parent);
  void AddAttachmentsPage();
  void Fill();
  void FillSummary();
  void FillTimeline();
  void FillRecords();
  void FillAmount();
  void FillActions();
  void SetState(State state);
  void ShowStatus(const wxString& text, bool error);
  // Runs write on the worker with a request id for what (kept while the
  // outcome of the same write is unknown), then reloads.
  using Write = RequestedWrite::Write;
  void RunWrite(const std::string& what, Write write, const wxString& done);
  void ShowDocumentMenu(wxWindow* button);

  DatabaseWorker& m_worker;
  DatabaseWorker& m_documentWorker;
  const Session& m_session;
  std::int64_t m_caseId;
  Context& m_context;
  DialogRunner m_runDialog = RunModally;
  State m_state = State::Loading;
  std::optional<dal::CaseRecord> m_record;
  std::vector<workstation::CaseActionChoice> m_actions;
  RequestedWrite m_write;  // the write in flight or unresolved
  bool m_openingDocument = false;
  wxWeakRef<DocumentPreview> m_preview;

  wxNotebook* m_pages = nullptr;
  wxStaticText* m_title = nullptr;
  wxStaticText* m_summary = nullptr;
  wxStaticText* m_status = nullptr;
  wxListCtrl* m_timeline = nullptr;
  wxListCtrl* m_surveys = nullptr;
  wxListCtrl* m_evidence = nullptr;
  wxStaticText* m_proposal = nullptr;
  wxListBox* m_working = nullptr;
  wxListCtrl* m_benefits = nullptr;
  wxListCtrl* m_payments = nullptr;
  wxPanel* m_actionsPanel = nullptr;
  wxBoxSizer* m_actionsSizer = nullptr;
  wxButton* m_surveyButton = nullptr;
  wxButton* m_evidenceButton = nullptr;
  wxButton* m_amountButton = nullptr;
  wxButton* m_extendButton = nullptr;
  ReferralsPage* m_referrals = nullptr;
  AttachmentsPanel* m_attachments = nullptr;
  std::int64_t m_maxFileBytes = 0;  // the attachments parameter in force, read with the case
};

}  // namespace doudi::gui
