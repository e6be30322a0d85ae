#pragma once
// An alert's view: what the rule found, in words — its figures explained
// ("2026年医疗总费用 23,512.40 元，超过预警线 20,000.00 元"), the cross-check
// rows behind them (per kind, with the kind's own columns), the checks
// recorded and the household's cases — and what the desk does with it:
// record a check (线上核查 or 入户核查 with findings), close it with its
// outcome (已立案 names a case of the household, chosen or opened here;
// 无需处理 and 误报 give the reason; 转办 says to whom), go to the
// household (its editor), and for a person in no household, register it
// (登记该户).
//
// Reads and writes on the context's case worker (writes carry the alert's
// version; a check's request id is kept across retries of the same check);
// a write that meets a newer version reloads and says so. After every write
// the alert lists reload. Modeless, one per alert; destroys itself when closed.
#include <wx/dialog.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/form_dialog.h"
#include "common/requested_write.h"
#include "doudi/dal/alert_repository.h"
#include "doudi/dal/case_repository.h"

namespace doudi::dal::pg {
class PgDatabase;
}

class wxBoxSizer;
class wxButton;
class wxListCtrl;
class wxNotebook;
class wxScrolledWindow;
class wxStaticText;

namespace doudi::gui {

class AttachmentsPanel;
class Context;
class DatabaseWorker;
class HouseholdEditor;
class ReferralsPage;
struct Session;

class AlertView : public wxDialog {
 public:
  enum class State { Loading, LoadFailed, Ready, Writing };

  // Shows the alert's view over parent, raising the open one if there is.
  static AlertView& Show(wxWindow* parent, Context& context, std::int64_t alertId);
  // The alert's open view; nullptr when none is open.
  static AlertView* Find(std::int64_t alertId);

  // context outlives the view.
  AlertView(wxWindow* parent, Context& context, std::int64_t alertId);

  std::int64_t AlertId() const { return m_alertId; }
  State GetState() const { return m_state; }
  const std::optional<dal::Alert>& GetAlert() const { return m_alert; }
  const std::vector<dal::CrosscheckRow>& Sources() const { return m_sources; }
  const std::vector<dal::AlertCheck>& Checks() const { return m_checks; }
  // The cases of the alert's household (or of the household registered from here).
  const std::vector<dal::CaseSummary>& Cases() const { return m_cases; }
  // The household the alert leads to: its own, or the one registered from here.
  std::optional<std::int64_t> HouseholdId() const;
  // The status line: loading, done, or what went wrong.
  wxString StatusText() const;
  // The figures explained, as shown.
  wxString FiguresText() const;
  wxListCtrl* CheckList() const { return m_checkList; }
  wxListCtrl* CaseList() const { return m_caseList; }
  wxNotebook* Pages() const { return m_pages; }
  // The referrals page (转办): every referral of the alert, 转办 and 帮扶办结.
  ReferralsPage* Referrals() const { return m_referrals; }

  // What the user may do now (the buttons' state; the database decides again).
  bool OffersCheck() const;
  bool OffersClose() const;
  bool OffersHousehold() const;
  bool OffersMatching() const;
  bool OffersRegister() const;

  void Reload();
  void RecordCheck();
  void CloseAlert();
  // Opens the household's editor (another of its alerts chosen there opens after).
  void GoToHousehold();
  void OpenMatching();
  // 登记该户: a new household in the editor, with the person's name and region.
  void RegisterHousehold();
  void OpenCaseRow(long row);
  // Replaces how dialogs are shown (tests fill and press them).
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }
  // Replaces how the household editor is shown (tests drive it modeless):
  // given the editor, returns how it ended.
  using EditorRunner = std::function<int(HouseholdEditor&)>;
  void SetEditorRunner(EditorRunner runner) { m_runEditor = std::move(runner); }

 private:
  struct Loaded;
  void Build();
  void Fill(Loaded loaded);
  void FillSummary();
  void FillSources();
  void FillChecks();
  void FillCases();
  void SetState(State state);
  void ShowStatus(const wxString& text, bool error);
  bool Handles() const;
  bool IsOpen() const;
  // Runs write on the worker (with a request id for what, kept while the
  // outcome of the same write is unknown), then reloads.
  using Write = RequestedWrite::Write;
  void RunWrite(const std::string& what, Write write, const wxString& done);
  std::optional<std::int64_t> OpenApplication();

  Context& m_context;
  DatabaseWorker& m_worker;
  const Session& m_session;
  std::int64_t m_alertId;
  AttachmentsPanel* m_attachments = nullptr;
  DialogRunner m_runDialog = RunModally;
  EditorRunner m_runEditor;
  State m_state = State::Loading;
  std::optional<dal::Alert> m_alert;
  std::vector<dal::CrosscheckRow> m_sources;
  std::vector<dal::AlertCheck> m_checks;
  std::vector<dal::CaseSummary> m_cases;
  std::vector<std::pair<std::string, std::string>> m_programs;  // code, name
  std::optional<std::int64_t> m_registered;  // the household registered from this view
  RequestedWrite m_write;  // the write in flight or unresolved

  wxStaticText* m_title = nullptr;
  wxStaticText* m_summary = nullptr;
  wxStaticText* m_figures = nullptr;
  wxStaticText* m_status = nullptr;
  wxNotebook* m_pages = nullptr;
  wxScrolledWindow* m_sourcePanel = nullptr;
  wxBoxSizer* m_sourceSizer = nullptr;
  wxListCtrl* m_checkList = nullptr;
  wxListCtrl* m_caseList = nullptr;
  wxButton* m_registerButton = nullptr;
  ReferralsPage* m_referrals = nullptr;
};

}  // namespace doudi::gui
