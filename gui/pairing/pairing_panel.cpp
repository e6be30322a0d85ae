#include "pairing/pairing_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include "app/session.h"
#include "attachments/attachments_window.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/report_list.h"
#include "common/section.h"
#include "common/wx_text.h"
#include "doudi/workstation/pairing_levels.h"
#include "pairing/pairing_forms.h"

namespace doudi::gui {

struct PairingPanel::Details {
  std::vector<dal::PairingAssignment> assignments;
  std::vector<dal::PairingVisit> visits;
};

Section PairingPanel::Describe() {
  return Section{[] { return _("Pairing"); },
                 [](const Session& session) {
                   return session.May(model::StaffOperation::ManagePairing) ||
                          session.May(model::StaffOperation::RecordVisit);
                 },
                 [](wxWindow* parent, Context& context) { return new PairingPanel(parent, context); }};
}

PairingPanel::PairingPanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().cases), m_context(context) {
  m_gapsOnly = new wxCheckBox(this, wxID_ANY, _("Only households missing a level or overdue for a visit"));
  m_gapsOnly->SetName("gaps_only");
  auto* enroll = new wxButton(this, wxID_ANY, _("Take a household into pairing..."));
  enroll->SetName("enroll");
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  m_list = MakeReportList(this, "pairing_households",
                          {{_("Household"), 70},
                           {_("Head"), 80},
                           {_("Village"), 130},
                           {_("In pairing since"), 110},
                           {_("Levels filled"), 90},
                           {_("Last visit"), 100},
                           {_("Next visit due"), 110},
                           {_("Missing"), 300}});
  auto* status = MakeStatusLine();

  auto* detail = new wxStaticBoxSizer(wxVERTICAL, this, _("The household's pairing"));
  wxWindow* box = detail->GetStaticBox();
  m_detailTitle = new wxStaticText(box, wxID_ANY, _("Choose a household above."));
  m_detailTitle->SetFont(m_detailTitle->GetFont().Bold());
  m_levels = MakeReportList(box, "pairing_levels",
                            {{_("Level"), 110}, {_("Responsible person"), 110}, {_("Since"), 90}, {_("Details"), 180}});
  m_visitList = MakeReportList(box, "pairing_visits",
                               {{_("Visited on"), 90},
                                {_("Level"), 100},
                                {_("Visitor"), 80},
                                {_("What was found"), 260},
                                {_("Next step"), 180},
                                {_("Logged by"), 80}});
  auto* assign = new wxButton(box, wxID_ANY, _("Name the responsible person..."));
  assign->SetName("assign");
  auto* visit = new wxButton(box, wxID_ANY, _("Log a visit..."));
  visit->SetName("add_visit");
  // 走访照片: the photos and signed sheets of the selected visit.
  auto* visitFiles = new wxButton(box, wxID_ANY, _("Photos and files..."));
  visitFiles->SetName("visit_files");
  m_detailStatus = new wxStaticText(box, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);

  auto* levelColumn = new wxBoxSizer(wxVERTICAL);
  levelColumn->Add(m_levels, wxSizerFlags(1).Expand());
  levelColumn->Add(assign, wxSizerFlags().Border(wxTOP, 4));
  auto* visitColumn = new wxBoxSizer(wxVERTICAL);
  visitColumn->Add(m_visitList, wxSizerFlags(1).Expand());
  auto* visitButtons = new wxBoxSizer(wxHORIZONTAL);
  visitButtons->Add(visit);
  visitButtons->Add(visitFiles, wxSizerFlags().Border(wxLEFT, 8));
  visitColumn->Add(visitButtons, wxSizerFlags().Border(wxTOP, 4));
  auto* columns = new wxBoxSizer(wxHORIZONTAL);
  columns->Add(levelColumn, wxSizerFlags(2).Expand());
  columns->Add(visitColumn, wxSizerFlags(3).Expand().Border(wxLEFT, 8));
  detail->Add(m_detailTitle, wxSizerFlags().Border(wxALL, 4));
  detail->Add(columns, wxSizerFlags(1).Expand().Border(wxALL, 4));
  detail->Add(m_detailStatus, wxSizerFlags().Expand().Border(wxALL, 4));

  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(m_gapsOnly, wxSizerFlags().CenterVertical());
  bar->Add(status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 12));
  bar->Add(enroll, wxSizerFlags().Border(wxLEFT, 8));
  bar->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(m_list, wxSizerFlags(3).Expand().Border(wxLEFT | wxRIGHT, 6));
  top->Add(detail, wxSizerFlags(2).Expand().Border(wxALL, 6));
  SetSizer(top);

  m_gapsOnly->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Reload(); });
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  enroll->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EnrollHousehold(); });
  enroll->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(OffersEnroll()); });
  assign->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AssignPerson(); });
  assign->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(OffersAssign()); });
  visit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddVisit(); });
  visit->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(OffersVisit()); });
  visitFiles->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenVisitFiles(); });
  visitFiles->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(SelectedVisit() != nullptr); });
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { SelectRow(e.GetIndex()); });
  m_levels->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { AssignPerson(); });
  Reload();
}

dal::PairingFilter PairingPanel::Filter() const {
  dal::PairingFilter filter;
  filter.gapsOnly = m_gapsOnly->GetValue();
  filter.limit = kLimit;
  return filter;
}

void PairingPanel::SetGapsOnly(bool gapsOnly) {
  m_gapsOnly->SetValue(gapsOnly);
  Reload();
}

void PairingPanel::Reload() {
  BeginLoad(_("Loading the households in pairing..."));
  const auto filter = Filter();
  Load<std::vector<dal::PairingHousehold>>(
      [filter](dal::pg::PgDatabase& db) { return db.Pairing().Households(filter); },
      [this](std::vector<dal::PairingHousehold> households) {
        m_households = std::move(households);
        Fill();
      });
}

void PairingPanel::Fill() {
  m_list->DeleteAllItems();
  long selectedRow = -1;
  int overdue = 0;
  for (const auto& h : m_households) {
    wxString missing = Wx(workstation::MissingLevelsText(h.missingLevels));
    if (h.overdue) {
      ++overdue;
      missing = _("Visit overdue") + (missing.empty() ? wxString() : wxS("; ") + missing);
    }
    const long row =
        AddReportRow(m_list, {wxString::Format("%lld", static_cast<long long>(h.householdId)), Wx(h.headName),
                              Wx(h.regionName), Wx(h.since), wxString::Format("%d/6", h.levelsFilled),
                              h.lastVisitOn.empty() ? _("never") : Wx(h.lastVisitOn), Wx(h.visitDueOn), missing});
    if (h.overdue) m_list->SetItemTextColour(row, kOverdueText);
    if (m_selected == h.householdId) selectedRow = row;
  }
  ShowStatus(wxString::Format(_("%zu households in pairing, %d overdue for a visit"), m_households.size(), overdue));
  if (selectedRow >= 0) {
    m_list->SetItemState(selectedRow, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    LoadDetails();
  } else {
    m_selected.reset();
    m_assignments.clear();
    m_visits.clear();
    FillDetails();
  }
  Layout();
}

void PairingPanel::SelectRow(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_households.size()) return;
  const auto id = m_households[static_cast<std::size_t>(row)].householdId;
  if (m_selected != id) {
    m_assignments.clear();
    m_visits.clear();
  }
  m_selected = id;
  LoadDetails();
}

void PairingPanel::LoadDetails() {
  if (!m_selected) return;
  const auto id = *m_selected;
  const int generation = ++m_detailGeneration;
  m_detailsPending = true;
  FillDetails();
  ShowDetailStatus(_("Loading..."), false);
  Worker().Run<Details>(
      this,
      [id](dal::pg::PgDatabase& db) {
        return Details{db.Pairing().Assignments(id, false), db.Pairing().Visits(id)};
      },
      [this, generation](Details details) {
        if (generation != m_detailGeneration) return;
        m_detailsPending = false;
        m_assignments = std::move(details.assignments);
        m_visits = std::move(details.visits);
        FillDetails();
        ShowDetailStatus(wxString(), false);
      },
      [this, generation](const JobFailure& failure) {
        if (generation != m_detailGeneration) return;
        m_detailsPending = false;
        ShowDetailStatus(failure.message, true);
      });
}

wxString PairingPanel::HouseholdLabel() const {
  for (const auto& h : m_households) {
    if (m_selected == h.householdId) {
      return wxString::Format(_("Household No. %lld, %s, %s"), static_cast<long long>(h.householdId), Wx(h.headName),
                              Wx(h.regionName));
    }
  }
  return m_selected ? wxString::Format(_("Household No. %lld"), static_cast<long long>(*m_selected)) : wxString();
}

void PairingPanel::FillDetails() {
  const long chosen = m_levels->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  m_levels->DeleteAllItems();
  m_visitList->DeleteAllItems();
  m_detailTitle->SetLabel(m_selected ? HouseholdLabel() : _("Choose a household above."));
  if (!m_selected) return;
  for (const auto& row : workstation::PairingLevels(m_assignments)) {
    const long index =
        AddReportRow(m_levels, {Wx(model::ToChinese(row.level)), row.current ? Wx(row.current->name) : _("(nobody)"),
                                row.current ? Wx(row.current->since) : wxString(),
                                row.current ? Wx(row.current->detail) : wxString()});
    if (!row.current) m_levels->SetItemTextColour(index, kOverdueText);
  }
  if (chosen >= 0) m_levels->SetItemState(chosen, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  for (const auto& v : m_visits) {
    AddReportRow(m_visitList, {Wx(v.visitedOn), CodeLabel<model::PairingLevel>(v.level), Wx(v.visitor), Wx(v.found),
                               Wx(v.nextStep), Wx(v.recordedBy)});
  }
}

wxString PairingPanel::DetailStatus() const {
  return m_detailStatus->GetLabel();
}

void PairingPanel::ShowDetailStatus(const wxString& text, bool error) {
  m_detailStatus->SetForegroundColour(error ? kOverdueText : GetForegroundColour());
  m_detailStatus->SetLabel(text);
  m_detailStatus->SetToolTip(text);
}

bool PairingPanel::OffersAssign() const {
  return m_selected && !m_detailsPending && !m_writing &&
         m_context.GetSession().May(model::StaffOperation::ManagePairing);
}

bool PairingPanel::OffersVisit() const {
  return m_selected && !m_detailsPending && !m_writing &&
         m_context.GetSession().May(model::StaffOperation::RecordVisit);
}

bool PairingPanel::OffersEnroll() const {
  return !m_writing && m_context.GetSession().May(model::StaffOperation::ManagePairing);
}

model::PairingLevel PairingPanel::ChosenLevel() const {
  const long row = m_levels->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  const auto levels = model::EnumTexts<model::PairingLevel>();
  return row >= 0 && static_cast<std::size_t>(row) < levels.size() ? levels[static_cast<std::size_t>(row)].value
                                                                   : model::PairingLevel::Village;
}

void PairingPanel::ChooseLevel(model::PairingLevel level) {
  const long row = static_cast<long>(level);
  if (row < m_levels->GetItemCount()) m_levels->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

void PairingPanel::AssignPerson() {
  if (!OffersAssign()) return;
  const auto household = *m_selected;
  const auto level = model::PairingLevel(ChosenLevel());
  const std::string levelCode(model::ToCode(level));
  m_writing = true;
  ShowDetailStatus(_("Reading who may be named..."), false);
  Worker().Run<std::vector<dal::PairingCandidate>>(
      this, [household, levelCode](dal::pg::PgDatabase& db) { return db.Pairing().Candidates(household, levelCode); },
      [this, household, level, levelCode](std::vector<dal::PairingCandidate> candidates) {
        m_writing = false;
        ShowDetailStatus(wxString(), false);
        if (m_selected != household) return;
        AssignDialog dialog(this, HouseholdLabel(), level, std::move(candidates));
        if (m_runDialog(dialog) != wxID_OK) return;
        const auto chosen = *dialog.Chosen();
        const auto since = dialog.Since();
        RunWrite(
            "assign:" + std::to_string(household) + ":" + levelCode,
            [household, levelCode, chosen, since](dal::pg::PgDatabase& db, const std::string&) {
              db.Pairing().Assign(household, levelCode, chosen.userRole, chosen.contactId, since);
            },
            wxString::Format(_("%s is responsible at the level %s."), Wx(chosen.name), Wx(model::ToChinese(level))));
      },
      [this](const JobFailure& failure) {
        m_writing = false;
        ShowDetailStatus(failure.message, true);
      });
}

void PairingPanel::AddVisit() {
  if (!OffersVisit()) return;
  const auto household = *m_selected;
  VisitDialog dialog(this, HouseholdLabel(), ChosenLevel());
  if (m_runDialog(dialog) != wxID_OK) return;
  auto visit = dialog.Visit();
  visit.householdId = household;
  RunWrite(
      "visit:" + std::to_string(household) + ":" + visit.visitedOn + ":" + visit.level + ":" + visit.found,
      [visit](dal::pg::PgDatabase& db, const std::string& requestId) {
        auto sent = visit;
        sent.requestId = requestId;
        db.Pairing().AddVisit(sent);
      },
      _("The visit is logged."));
}

const dal::PairingVisit* PairingPanel::SelectedVisit() const {
  const long row = SelectedReportRow(m_visitList);
  if (row < 0 || static_cast<std::size_t>(row) >= m_visits.size()) return nullptr;
  return &m_visits[static_cast<std::size_t>(row)];
}

AttachmentsWindow* PairingPanel::OpenVisitFiles() {
  const auto* v = SelectedVisit();
  if (v == nullptr) return nullptr;
  const wxString label = wxString::Format(_("Visit of %s on %s"), HouseholdLabel(), Wx(v->visitedOn));
  return AttachmentsWindow::Open(this, m_context, {label, {"visit", v->id}});
}

void PairingPanel::EnrollHousehold() {
  if (!OffersEnroll()) return;
  EnrollDialog dialog(this);
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto household = dialog.HouseholdId();
  const auto since = dialog.Since();
  m_selected = household;
  RunWrite(
      "enroll:" + std::to_string(household),
      [household, since](dal::pg::PgDatabase& db, const std::string&) { db.Pairing().Enroll(household, since); },
      wxString::Format(_("Household No. %lld is in pairing."), static_cast<long long>(household)));
}

void PairingPanel::RunWrite(const std::string& what, RequestedWrite::Write write, const wxString& done) {
  m_writing = true;
  ShowDetailStatus(_("Saving..."), false);
  m_write.Run(
      Worker(), this, what, std::move(write),
      {done, _("Someone else changed this household's pairing meanwhile: it is shown again as it is now."),
       _("Not confirmed: %s Try again when the connection is back (a visit that did arrive is not logged "
         "twice).")},
      [this](bool wrote) {
        m_writing = false;
        if (wrote) Reload();
      },
      [this](const wxString& text, bool isError) { ShowDetailStatus(text, isError); });
}

}  // namespace doudi::gui
