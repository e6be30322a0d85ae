#include "story/household_story_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <iterator>

#include "app/session.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/report_list.h"
#include "common/wx_text.h"
#include "story/story_text.h"

namespace doudi::gui {

HouseholdStoryPanel::HouseholdStoryPanel(wxWindow* parent, Context& context, std::int64_t householdId,
                                         Opener openCase, Opener openAlert, bool deferLoad)
    : AsyncListPanel(parent, context.GetWorkers().cases),
      m_householdId(householdId),
      m_openCase(std::move(openCase)),
      m_openAlert(std::move(openAlert)) {
  SetName("household_story");
  m_kind = new wxChoice(this, wxID_ANY);
  m_kind->SetName("story_kind");
  m_kind->Append(_("Everything"));
  for (const auto kind : workstation::kStoryKinds) m_kind->Append(Wx(StoryWord(kind, "")));
  m_kind->SetSelection(0);
  m_list = MakeReportList(this, "story",
                          {{_("Date"), 95}, {_("Kind"), 80}, {_("What"), 330}, {_("State"), 130},
                           {_("Due"), 95}, {_("Amount"), 95}});
  auto* status = MakeStatusLine();
  auto* openButton = new wxButton(this, wxID_ANY, _("Open the line"));
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(new wxStaticText(this, wxID_ANY, _("Show:")), wxSizerFlags().CenterVertical());
  bar->Add(m_kind, wxSizerFlags().Border(wxLEFT, 6));
  bar->Add(status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 12));
  bar->Add(openButton, wxSizerFlags().Border(wxLEFT, 8));
  bar->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  top->Add(new wxStaticText(this, wxID_ANY,
                            _("Cases and alerts open with a double-click. Red: a referral past its due date.")),
           wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  SetSizer(top);
  m_kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Fill(); });
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  openButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    OpenRow(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
  });
  openButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    e.Enable(row >= 0 && static_cast<std::size_t>(row) < m_rows.size() &&
             m_rows[static_cast<std::size_t>(row)].opens != workstation::StoryOpens::Nothing);
  });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { OpenRow(e.GetIndex()); });
  if (!deferLoad) Reload();
}

void HouseholdStoryPanel::Reload() {
  BeginLoad();
  const std::int64_t id = m_householdId;
  Load<std::vector<dal::TimelineEntry>>([id](dal::pg::PgDatabase& db) { return db.Cases().HouseholdTimeline(id); },
                                        [this](std::vector<dal::TimelineEntry> entries) {
                                          m_entries = std::move(entries);
                                          m_loaded = true;
                                          Fill();
                                        });
}

void HouseholdStoryPanel::Fill() {
  std::set<std::string> shown;
  const int choice = m_kind->GetSelection();
  if (choice > 0 && choice <= static_cast<int>(std::size(workstation::kStoryKinds))) {
    shown.insert(std::string(workstation::kStoryKinds[choice - 1]));
  }
  m_rows = workstation::StoryRows(m_entries, model::IsoDate(Today()), StoryWord, shown);
  m_list->DeleteAllItems();
  for (const auto& r : m_rows) {
    const long row = AddReportRow(m_list, {Wx(r.date), Wx(r.kind), Wx(r.what), Wx(r.state), Wx(r.due),
                                           r.amount.empty() ? wxString() : wxString(wxUniChar(0x00A5)) + Wx(r.amount)});
    if (r.late) m_list->SetItemTextColour(row, kOverdueText);
  }
  ShowStatus(m_entries.empty() ? _("Nothing recorded for this household yet")
                               : wxString::Format(_("%zu of %zu lines, newest first"), m_rows.size(), m_entries.size()));
  Layout();
}

void HouseholdStoryPanel::OpenRow(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size()) return;
  const auto& r = m_rows[static_cast<std::size_t>(row)];
  if (r.opens == workstation::StoryOpens::Case && m_openCase) m_openCase(r.id);
  if (r.opens == workstation::StoryOpens::Alert && m_openAlert) m_openAlert(r.id);
}

}  // namespace doudi::gui
