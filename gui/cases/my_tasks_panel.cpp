#include "cases/my_tasks_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/session.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/section.h"
#include "common/report_list.h"
#include "common/wx_text.h"

namespace doudi::gui {

Section MyTasksPanel::Describe() {
  return Section{[] { return _("My tasks"); },
                 [](const Session& session) {
                   // The groups that take case actions start the day with their tasks.
                   const auto group = session.Role().group;
                   return group && model::TakesCaseActions(*group);
                 },
                 [](wxWindow* parent, Context& context) { return new MyTasksPanel(parent, context); }};
}

MyTasksPanel::MyTasksPanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().cases), m_context(context) {
  m_list = MakeReportList(this, "tasks",
                          {{_("Applicant"), 120}, {_("Village"), 150}, {_("Program"), 170}, {_("State"), 180},
                           {_("Step due"), 130}, {_("Overall due"), 130}, {_("Deadline"), 90}});
  auto* count = MakeStatusLine();
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  auto* openButton = new wxButton(this, wxID_ANY, _("Open case"));
  auto* legend = new wxStaticText(
      this, wxID_ANY, _("Red: overdue.  Yellow: due soon.  ?: uncertain (the year's holiday calendar is not loaded)."));
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(count, wxSizerFlags(1).CenterVertical());
  bar->Add(openButton, wxSizerFlags().Border(wxLEFT, 8));
  bar->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 6));
  top->Add(legend, wxSizerFlags().Border(wxALL, 6));
  SetSizer(top);
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  openButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    OpenRow(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
  });
  openButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_list->GetSelectedItemCount() > 0); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { OpenRow(e.GetIndex()); });
  m_context.OnCasesChanged([this] { Reload(); });
  Reload();
}

void MyTasksPanel::Reload() {
  BeginLoad();
  Load<std::vector<dal::CaseSummary>>([](dal::pg::PgDatabase& db) { return db.Cases().MyTasks(kLimit); },
                                      [this](std::vector<dal::CaseSummary> tasks) {
                                        m_tasks = std::move(tasks);
                                        Fill();
                                      });
}

void MyTasksPanel::Fill() {
  m_list->DeleteAllItems();
  for (const auto& task : m_tasks) {
    const long row = AddReportRow(m_list, {Wx(task.applicantName), Wx(task.regionName), Wx(task.programName),
                                           StateLabel(task.state), DueText(task.stepDue, task.stepDueCertain),
                                           DueText(task.overallDue, task.overallDueCertain),
                                           DeadlineWord(task.deadline)});
    ColourByDeadline(m_list, row, task.deadline);
  }
  ShowStatus(m_tasks.size() >= static_cast<std::size_t>(kLimit)
                        ? wxString::Format(_("The first %d cases waiting for you (nearest deadline first)"), kLimit)
                        : wxString::Format(_("%zu cases waiting for you (nearest deadline first)"), m_tasks.size()));
  Layout();
}

void MyTasksPanel::OpenRow(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_tasks.size()) return;
  m_context.OpenCase(m_tasks[static_cast<std::size_t>(row)].id);
}

}  // namespace doudi::gui
