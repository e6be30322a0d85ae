#include "cases/my_tasks_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "cases/case_text.h"
#include "common/database_worker.h"
#include "common/report_list.h"
#include "common/wx_text.h"

namespace doudi::gui {

MyTasksPanel::MyTasksPanel(wxWindow* parent, DatabaseWorker& worker, CaseOpener open)
    : wxPanel(parent), m_worker(worker), m_open(std::move(open)) {
  m_list = MakeReportList(this, "tasks",
                          {{_("Applicant"), 120}, {_("Village"), 150}, {_("Program"), 170}, {_("State"), 180},
                           {_("Step due"), 130}, {_("Overall due"), 130}, {_("Deadline"), 90}});
  m_count = new wxStaticText(this, wxID_ANY, wxEmptyString);
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  auto* openButton = new wxButton(this, wxID_ANY, _("Open case"));
  auto* legend = new wxStaticText(
      this, wxID_ANY, _("Red: overdue.  Yellow: due soon.  ?: uncertain (the year's holiday calendar is not loaded)."));
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(m_count, wxSizerFlags(1).CenterVertical());
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
  Reload();
}

void MyTasksPanel::Reload() {
  const int generation = ++m_generation;
  m_loading = true;
  m_count->SetLabel(_("Loading..."));
  m_worker.Run<std::vector<dal::CaseSummary>>(
      this, [](dal::pg::PgDatabase& db) { return db.Cases().MyTasks(kLimit); },
      [this, generation](std::vector<dal::CaseSummary> tasks) {
        if (generation != m_generation) return;
        m_tasks = std::move(tasks);
        m_loading = false;
        Fill();
      },
      [this, generation](const JobFailure& failure) {
        if (generation != m_generation) return;
        m_loading = false;
        m_count->SetLabel(failure.message);
      });
}

void MyTasksPanel::Fill() {
  m_list->DeleteAllItems();
  for (const auto& task : m_tasks) {
    const long row = AddReportRow(m_list, {Wx(task.applicantName), Wx(task.regionName), Wx(task.programName),
                                           StateLabel(task.state), DueText(task.stepDue, task.stepDueCertain),
                                           DueText(task.overallDue, task.overallDueCertain),
                                           DeadlineWord(task.deadline)});
    if (task.deadline == dal::DeadlineStatus::Overdue) m_list->SetItemTextColour(row, kOverdueText);
    if (task.deadline == dal::DeadlineStatus::DueSoon) m_list->SetItemBackgroundColour(row, kDueSoonBackground);
  }
  m_count->SetLabel(m_tasks.size() >= static_cast<std::size_t>(kLimit)
                        ? wxString::Format(_("The first %d cases waiting for you (nearest deadline first)"), kLimit)
                        : wxString::Format(_("%zu cases waiting for you (nearest deadline first)"), m_tasks.size()));
  Layout();
}

void MyTasksPanel::OpenRow(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_tasks.size()) return;
  if (m_open) m_open(m_tasks[static_cast<std::size_t>(row)].id);
}

}  // namespace doudi::gui
