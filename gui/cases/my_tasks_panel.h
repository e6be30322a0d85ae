#pragma once
// "My tasks" (我的待办): the cases waiting for an action the user's group may
// take, in the user's scope, nearest deadline first; overdue rows in red,
// those due soon highlighted, deadlines counted over a year without a
// holiday calendar marked uncertain. Double-click (or Enter) opens a case.
#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "doudi/dal/case_repository.h"

class wxListCtrl;
class wxStaticText;

namespace doudi::gui {

class DatabaseWorker;

class MyTasksPanel : public wxPanel {
 public:
  using CaseOpener = std::function<void(std::int64_t caseId)>;
  // The most tasks one list shows; the count says when there are more.
  static constexpr int kLimit = 500;

  MyTasksPanel(wxWindow* parent, DatabaseWorker& worker, CaseOpener open);

  void Reload();
  bool IsLoading() const { return m_loading; }
  const std::vector<dal::CaseSummary>& Tasks() const { return m_tasks; }
  wxListCtrl* List() const { return m_list; }
  // What double-clicking row does.
  void OpenRow(long row);

 private:
  void Fill();

  DatabaseWorker& m_worker;
  CaseOpener m_open;
  bool m_loading = false;
  int m_generation = 0;
  std::vector<dal::CaseSummary> m_tasks;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_count = nullptr;
};

}  // namespace doudi::gui
