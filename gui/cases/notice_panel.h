#pragma once
// The public-notice list (公示名单): the cases in scope whose notice runs or
// ended within the last 30 days, by village — only what may be posted
// (name, household size, amount) with the notice's start and end and the
// objections. A township reviewer selects a case in notice and records an
// objection (the `object` action, the objection as its opinion).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/form_dialog.h"
#include "common/async_list_panel.h"
#include "doudi/dal/case_repository.h"

class wxListCtrl;

namespace doudi::gui {

class Context;
struct Section;
struct Session;

class NoticePanel : public AsyncListPanel {
 public:
  // The section: everyone sees it.
  static Section Describe();

  // Reads the notices on the context's case worker; reloads after any case
  // changed, and tells the context when an objection was recorded.
  NoticePanel(wxWindow* parent, Context& context);

  void Reload();
  const std::vector<dal::NoticeEntry>& Entries() const { return m_entries; }
  wxListCtrl* List() const { return m_list; }
  // Whether the user may record an objection against row now.
  bool MayObject(long row) const;
  // What "Record objection" does for row: asks for the objection, then
  // takes the `object` action on the worker.
  void RecordObjection(long row);
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

 private:
  void Fill();
  long Selected() const;

  Context& m_context;
  const Session& m_session;
  DialogRunner m_runDialog = RunModally;
  std::vector<dal::NoticeEntry> m_entries;
  wxString m_problem;  // said once more after the reload that follows a refused objection
  std::string m_pendingWhat, m_pendingRequestId;  // the objection in flight, kept for its retry
  wxListCtrl* m_list = nullptr;
};

}  // namespace doudi::gui
