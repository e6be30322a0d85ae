#include "story/case_search_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/session.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/report_list.h"
#include "common/section.h"
#include "common/wx_text.h"
#include "doudi/dal/registry_search.h"
#include "doudi/model/case_workflow.h"
#include "doudi/model/region_code.h"
#include "doudi/model/text.h"

namespace doudi::gui {

Section CaseSearchPanel::Describe() {
  return Section{[] { return _("Case search"); },
                 [](const Session& session) {
                   const auto group = session.Role().group;
                   return group && *group != model::StaffGroup::DepartmentLiaison;
                 },
                 [](wxWindow* parent, Context& context) { return new CaseSearchPanel(parent, context); }};
}

CaseSearchPanel::CaseSearchPanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().cases), m_context(context) {
  m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(190), -1),
                          wxTE_PROCESS_ENTER);
  m_text->SetName("search_text");
  m_text->SetHint(_("Name or full ID number"));
  m_program = new wxChoice(this, wxID_ANY);
  m_program->SetName("search_program");
  m_program->Append(_("All programs"));
  m_program->SetSelection(0);
  m_state = new wxChoice(this, wxID_ANY);
  m_state->SetName("search_state");
  m_state->Append(_("All states"));
  for (const auto& state : model::CaseStates()) m_state->Append(Wx(state.chinese));
  m_state->SetSelection(0);
  m_region = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(110), -1),
                            wxTE_PROCESS_ENTER);
  m_region->SetName("search_region");
  m_region->SetHint(_("Region code"));
  m_from = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(95), -1),
                          wxTE_PROCESS_ENTER);
  m_from->SetName("search_from");
  m_from->SetHint(_("YYYY-MM-DD"));
  m_to = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(95), -1), wxTE_PROCESS_ENTER);
  m_to->SetName("search_to");
  m_to->SetHint(_("YYYY-MM-DD"));
  m_overdue = new wxCheckBox(this, wxID_ANY, _("Overdue only"));
  m_overdue->SetName("search_overdue");
  auto* search = new wxButton(this, wxID_ANY, _("Search"));
  auto* openButton = new wxButton(this, wxID_ANY, _("Open case"));
  m_list = MakeReportList(this, "cases_found",
                          {{_("Case"), 60}, {_("Opened"), 95}, {_("Applicant"), 90}, {_("ID number"), 150},
                           {_("Village"), 140}, {_("Program"), 160}, {_("State"), 150}, {_("Deadline"), 80}});
  auto* status = MakeStatusLine();

  auto* filters = new wxBoxSizer(wxHORIZONTAL);
  filters->Add(m_text, wxSizerFlags().CenterVertical());
  filters->Add(m_program, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  filters->Add(m_state, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  filters->Add(m_region, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  filters->Add(new wxStaticText(this, wxID_ANY, _("Opened")), wxSizerFlags().CenterVertical().Border(wxLEFT, 10));
  filters->Add(m_from, wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
  filters->Add(new wxStaticText(this, wxID_ANY, wxS("—")), wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
  filters->Add(m_to, wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
  filters->Add(m_overdue, wxSizerFlags().CenterVertical().Border(wxLEFT, 10));
  filters->Add(search, wxSizerFlags().CenterVertical().Border(wxLEFT, 10));
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(status, wxSizerFlags(1).CenterVertical());
  bar->Add(openButton, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(filters, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(bar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  SetSizer(top);

  search->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Search(); });
  for (wxTextCtrl* box : {m_text, m_region, m_from, m_to}) {
    box->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Search(); });
  }
  openButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    OpenRow(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
  });
  openButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_list->GetSelectedItemCount() > 0); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { OpenRow(e.GetIndex()); });
  m_context.OnCasesChanged([this] {
    if (!m_found.empty()) Search();
  });
  ShowStatus(_("Choose the filters and search."));
  // The programs that open cases, for the program filter.
  Worker().Run<std::vector<dal::ProgramInfo>>(
      this, [](dal::pg::PgDatabase& db) { return db.Parameters().Programs(); },
      [this](std::vector<dal::ProgramInfo> programs) {
        m_programs = std::move(programs);
        for (const auto& program : m_programs) m_program->Append(Wx(program.chinese));
      },
      [](const JobFailure&) {});
}

std::optional<dal::CaseQuery> CaseSearchPanel::Query() {
  dal::CaseQuery query;
  const std::string text(model::TrimAsciiWhitespace(Utf8(m_text->GetValue())));
  if (dal::ClassifyQueryText(text) == dal::RegistryTextKind::FullId) {
    query.idNumber = text;
  } else {
    query.name = text;
  }
  const int program = m_program->GetSelection();
  if (program > 0 && static_cast<std::size_t>(program) <= m_programs.size()) {
    query.program = m_programs[static_cast<std::size_t>(program - 1)].code;
  }
  const int state = m_state->GetSelection();
  if (state > 0 && static_cast<std::size_t>(state) <= model::CaseStates().size()) {
    query.state = std::string(model::CaseStates()[static_cast<std::size_t>(state - 1)].code);
  }
  query.regionPrefix = std::string(model::TrimAsciiWhitespace(Utf8(m_region->GetValue())));
  if (!query.regionPrefix.empty() && !model::RegionCode::IsValidScopePrefix(query.regionPrefix)) {
    ShowStatus(_("A region code has 2, 4, 6, 9 or 12 digits."));
    return std::nullopt;
  }
  for (auto [box, date] : {std::pair{m_from, &query.openedFrom}, std::pair{m_to, &query.openedTo}}) {
    *date = std::string(model::TrimAsciiWhitespace(Utf8(box->GetValue())));
    if (!date->empty() && !ParseIsoDate(*date)) {
      ShowStatus(wxString::Format(_("%s is not a date: write it as YYYY-MM-DD."), Wx(*date)));
      return std::nullopt;
    }
  }
  query.overdueOnly = m_overdue->GetValue();
  query.limit = kLimit;
  return query;
}

void CaseSearchPanel::Search() {
  const auto query = Query();
  if (!query) return;
  BeginLoad(_("Searching..."));
  Load<std::vector<dal::CaseFound>>([q = *query](dal::pg::PgDatabase& db) { return db.Cases().Search(q); },
                                    [this](std::vector<dal::CaseFound> found) {
                                      m_found = std::move(found);
                                      Fill();
                                    });
}

void CaseSearchPanel::Fill() {
  m_list->DeleteAllItems();
  for (const auto& f : m_found) {
    const auto& s = f.summary;
    wxString program = Wx(s.programName);
    if (!f.personName.empty()) program += wxS("（") + Wx(f.personName) + wxS("）");
    const long row = AddReportRow(m_list, {wxString::Format("%lld", static_cast<long long>(s.id)), Wx(f.openedOn),
                                           Wx(s.applicantName), Wx(f.maskedId), Wx(s.regionName), program,
                                           StateLabel(s.state), DeadlineWord(s.deadline)});
    ColourByDeadline(m_list, row, s.deadline);
  }
  ShowStatus(m_found.size() >= static_cast<std::size_t>(kLimit)
                 ? wxString::Format(_("The first %d cases found (newest first): narrow the search"), kLimit)
                 : wxString::Format(_("%zu cases found (newest first)"), m_found.size()));
  Layout();
}

void CaseSearchPanel::OpenRow(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_found.size()) return;
  m_context.OpenCase(m_found[static_cast<std::size_t>(row)].summary.id);
}

}  // namespace doudi::gui
