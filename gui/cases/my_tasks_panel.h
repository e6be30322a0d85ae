#pragma once
// "My tasks" (我的待办): the cases waiting for an action the user's group may
// take, in the user's scope, nearest deadline first; overdue rows in red,
// those due soon highlighted, deadlines counted over a year without a
// holiday calendar marked uncertain. Double-click (or Enter) opens a case.
#include <cstdint>
#include <vector>

#include "common/async_list_panel.h"
#include "doudi/dal/case_repository.h"

class wxListCtrl;

namespace doudi::gui {

class Context;
struct Section;

class MyTasksPanel : public AsyncListPanel {
 public:
  // The most tasks one list shows; the count says when there are more.
  static constexpr int kLimit = 500;

  // The section: for the desk groups who act on cases, first.
  static Section Describe();

  // Reads the tasks on the context's case worker; reloads after any case changed.
  MyTasksPanel(wxWindow* parent, Context& context);

  void Reload();
  const std::vector<dal::CaseSummary>& Tasks() const { return m_tasks; }
  wxListCtrl* List() const { return m_list; }
  // What double-clicking row does.
  void OpenRow(long row);

 private:
  void Fill();

  Context& m_context;
  std::vector<dal::CaseSummary> m_tasks;
  wxListCtrl* m_list = nullptr;
};

}  // namespace doudi::gui
