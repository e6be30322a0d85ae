#pragma once
// The public-notice list (公示名单): the cases in scope whose notice runs or
// ended within the last 30 days, by village — only what may be posted
// (name, household size, amount) with the notice's start and end and the
// objections. A township reviewer selects a case in notice and records an
// objection (the `object` action, the objection as its opinion).
#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/form_dialog.h"
#include "doudi/dal/case_repository.h"

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace doudi::gui {

class DatabaseWorker;
struct Session;

class NoticePanel : public wxPanel {
 public:
  using CaseOpener = std::function<void(std::int64_t caseId)>;
  // onChanged runs after an objection was recorded.
  NoticePanel(wxWindow* parent, DatabaseWorker& worker, const Session& session, CaseOpener open,
              std::function<void()> onChanged);

  void Reload();
  bool IsLoading() const { return m_loading; }
  const std::vector<dal::NoticeEntry>& Entries() const { return m_entries; }
  wxListCtrl* List() const { return m_list; }
  wxString StatusText() const;
  // Whether the user may record an objection against row now.
  bool MayObject(long row) const;
  // What "Record objection" does for row: asks for the objection, then
  // takes the `object` action on the worker.
  void RecordObjection(long row);
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

 private:
  void Fill();
  long Selected() const;

  DatabaseWorker& m_worker;
  const Session& m_session;
  CaseOpener m_open;
  std::function<void()> m_onChanged;
  DialogRunner m_runDialog = RunModally;
  bool m_loading = false;
  int m_generation = 0;
  std::vector<dal::NoticeEntry> m_entries;
  wxString m_problem;  // said once more after the reload that follows a refused objection
  std::string m_pendingWhat, m_pendingRequestId;  // the objection in flight, kept for its retry
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_status = nullptr;
};

}  // namespace doudi::gui
