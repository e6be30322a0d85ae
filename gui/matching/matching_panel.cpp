#include "matching/matching_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include "app/session.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/wx_text.h"
#include "doudi/model/iso_date.h"
#include "matching/matching_text.h"

namespace doudi::gui {
namespace {

constexpr int kDetailWidth = 620;  // DIP: where an item's reasons and figures wrap

wxString GroupTitle(model::MatchGroup group) {
  switch (group) {
    case model::MatchGroup::Program:
      return _("Programs");
    case model::MatchGroup::Help:
      return _("The four helps (applied for through their program)");
    case model::MatchGroup::Support:
      return _("The four supports (the helpers' work, no application)");
  }
  return wxString();
}

}  // namespace

MatchingPanel::MatchingPanel(wxWindow* parent, Context& context, std::int64_t householdId, bool deferLoad)
    : AsyncListPanel(parent, context.GetWorkers().cases),
      m_context(context),
      m_householdId(householdId),
      m_batch(householdId),
      m_openCase([&context](std::int64_t caseId) { context.OpenCase(caseId); }) {
  SetName("matching");
  m_title = new wxStaticText(this, wxID_ANY, wxString());
  m_title->SetFont(m_title->GetFont().Bold());
  auto* reload = new wxButton(this, wxID_ANY, _("&Match again"));
  reload->SetName("match_again");
  auto* status = MakeStatusLine(wxST_ELLIPSIZE_END);
  m_items = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxBORDER_THEME);
  m_items->SetScrollRate(0, FromDIP(12));
  m_items->SetSizer(new wxBoxSizer(wxVERTICAL));

  m_apply = new wxButton(this, wxID_ANY, _("One step: apply for the chosen programs at once"));
  m_apply->SetName("apply_chosen");
  m_opened = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(96)), wxLC_REPORT | wxLC_SINGLE_SEL);
  m_opened->SetName("opened_cases");
  m_opened->AppendColumn(_("Case"), wxLIST_FORMAT_LEFT, FromDIP(80));
  m_opened->AppendColumn(_("Program"), wxLIST_FORMAT_LEFT, FromDIP(200));
  m_opened->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(200));
  auto* openCase = new wxButton(this, wxID_ANY, _("&Open the case"));
  openCase->SetName("open_case");

  auto* head = new wxBoxSizer(wxHORIZONTAL);
  head->Add(m_title, wxSizerFlags(1).CenterVertical());
  head->Add(reload, wxSizerFlags().CenterVertical());
  auto* opened = new wxBoxSizer(wxHORIZONTAL);
  opened->Add(m_opened, wxSizerFlags(1).Expand());
  opened->Add(openCase, wxSizerFlags().Top().Border(wxLEFT));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(head, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
  top->Add(status, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(6)));
  top->Add(m_items, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(6)));
  top->Add(m_apply, wxSizerFlags().Right().Border(wxLEFT | wxRIGHT, FromDIP(6)));
  top->Add(new wxStaticText(this, wxID_ANY, _("Applications opened here:")),
           wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(6)));
  top->Add(opened, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
  SetSizer(top);

  reload->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  reload->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!m_applying); });
  m_apply->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ApplyChosen(); });
  m_apply->Bind(wxEVT_UPDATE_UI,
                [this](wxUpdateUIEvent& e) { e.Enable(MayApply() && Loaded() && !m_applying && !m_batch.Empty()); });
  m_apply->Show(MayApply());
  openCase->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenSelectedCase(); });
  openCase->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_opened->GetSelectedItemCount() > 0); });
  m_opened->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { OpenSelectedCase(); });
  if (!deferLoad) Reload();
}

bool MatchingPanel::MayApply() const {
  return m_context.GetSession().May(model::StaffOperation::OpenCase);
}

void MatchingPanel::Reload() {
  BeginLoad(_("Matching..."));
  const std::int64_t id = m_householdId;
  Load<std::optional<workstation::HouseholdMatching>>(
      [id](dal::pg::PgDatabase& db) {
        return workstation::LoadMatching({db.Registry(), db.Cases(), db.Parameters(), db.Spending()}, id, Today());
      },
      [this](std::optional<workstation::HouseholdMatching> matching) {
        if (!matching) {
          ShowStatus(_("This household does not exist any more, or it is outside your region."));
          return;
        }
        ShowMatching(std::move(*matching));
      });
}

void MatchingPanel::ShowMatching(workstation::HouseholdMatching matching) {
  m_matching = std::move(matching);
  const auto& h = m_matching->household;
  const model::Person* head = h.Head();
  wxString village = Wx(h.regionCode);
  for (const auto& region : m_context.GetSession().regions) {
    if (region.code == h.regionCode) village = Wx(region.name);
  }
  m_title->SetLabel(wxString::Format(_("%s's household, %s: %zu members, %s"),
                                     head != nullptr ? Wx(head->name) : wxString(), village, h.members.size(),
                                     Wx(model::ToChinese(h.status))));
  m_items->Freeze();
  m_items->DestroyChildren();
  m_items->GetSizer()->Clear();
  m_boxes.clear();
  m_problemLines.clear();
  for (const auto group : {model::MatchGroup::Program, model::MatchGroup::Help, model::MatchGroup::Support}) {
    AddGroup(group);
  }
  ShowOpened();
  m_items->FitInside();
  m_items->Layout();
  m_items->Thaw();
  ShowStatus(
      wxString::Format(_("Matched on the rules and parameters in force today (%s)."), Wx(model::IsoDate(Today()))));
  Layout();
}

void MatchingPanel::AddGroup(model::MatchGroup group) {
  auto* sizer = m_items->GetSizer();
  auto* title = new wxStaticText(m_items, wxID_ANY, GroupTitle(group));
  title->SetFont(title->GetFont().Bold().Larger());
  sizer->Add(title, wxSizerFlags().Border(wxLEFT | wxTOP, FromDIP(8)));
  auto* grid = new wxFlexGridSizer(3, FromDIP(4), FromDIP(12));
  grid->AddGrowableCol(2, 1);
  const bool mayApply = MayApply();
  for (const auto& item : m_matching->items) {
    if (item.group != group) continue;
    wxWindow* name = nullptr;
    if (group == model::MatchGroup::Program && !item.program.empty() && mayApply) {
      auto* box = new wxCheckBox(m_items, wxID_ANY, ItemName(item));
      box->SetName(Wx("apply_" + item.program));
      box->Enable(item.MayApply());
      const bool chosen = item.MayApply() && m_batch.IsChosen(item.program);
      box->SetValue(chosen);
      m_batch.Choose(item.program, chosen, item.persons);  // a per-person program: the members named now
      const std::string program = item.program;
      const std::vector<std::int64_t> persons = item.persons;
      box->Bind(wxEVT_CHECKBOX,
                [this, program, persons](wxCommandEvent& e) { m_batch.Choose(program, e.IsChecked(), persons); });
      m_boxes[item.program] = box;
      name = box;
    } else {
      name = new wxStaticText(m_items, wxID_ANY, ItemName(item));
    }
    name->SetFont(name->GetFont().Bold());
    auto* verdict = new wxStaticText(m_items, wxID_ANY, VerdictLabel(item.verdict));
    verdict->SetForegroundColour(VerdictColour(item.verdict));
    verdict->SetFont(verdict->GetFont().Bold());
    auto* details = new wxStaticText(m_items, wxID_ANY, ItemDetails(item, m_matching->household));
    details->Wrap(FromDIP(kDetailWidth));
    auto* detailColumn = new wxBoxSizer(wxVERTICAL);
    detailColumn->Add(details);
    if (group == model::MatchGroup::Program && !item.program.empty()) {
      auto* problem = new wxStaticText(m_items, wxID_ANY, ProgramProblem(item.program));
      problem->SetForegroundColour(VerdictColour(model::MatchVerdict::CannotDecide));
      problem->Show(!problem->GetLabel().empty());
      m_problemLines[item.program] = problem;
      detailColumn->Add(problem);
    }
    grid->Add(name, wxSizerFlags().Top());
    grid->Add(verdict, wxSizerFlags().Top());
    grid->Add(detailColumn, wxSizerFlags().Expand());
  }
  sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
  sizer->Add(new wxStaticLine(m_items), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
}

wxCheckBox* MatchingPanel::ProgramBox(const std::string& program) const {
  const auto it = m_boxes.find(program);
  return it == m_boxes.end() ? nullptr : it->second;
}

wxString MatchingPanel::ProgramProblem(const std::string& program) const {
  const auto it = m_problems.find(program);
  return it == m_problems.end() ? wxString() : it->second;
}

wxString MatchingPanel::MemberName(std::int64_t personId) const {
  return m_matching ? PersonName(m_matching->household, personId)
                    : wxString::Format("%lld", static_cast<long long>(personId));
}

void MatchingPanel::ApplyChosen() {
  if (m_applying || m_batch.Empty() || !MayApply()) return;
  const auto pending = m_batch.Pending();
  for (const auto& application : pending) m_problems.erase(application.key.program);
  m_applying = true;
  ShowStatus(wxString::Format(_("Opening %zu applications..."), pending.size()));
  const std::int64_t id = m_householdId;
  Worker().Run<std::vector<workstation::ApplicationOutcome>>(
      this, [id, pending](dal::pg::PgDatabase& db) { return workstation::OpenApplications(db.Cases(), id, pending); },
      [this](std::vector<workstation::ApplicationOutcome> outcomes) {
        m_applying = false;
        m_batch.Record(outcomes);
        std::size_t opened = 0;
        for (const auto& outcome : outcomes) {
          if (outcome.caseId) {
            ++opened;
          } else {
            wxString& problem = m_problems[outcome.key.program];
            if (!problem.empty()) problem += wxS("\n");
            const wxString why = DescribeFailure(outcome.error).message;
            problem += outcome.key.personId == 0
                           ? wxString::Format(_("Not opened: %s"), why)
                           : wxString::Format(_("Not opened for %s: %s"), MemberName(outcome.key.personId), why);
          }
        }
        ShowOpened();
        if (opened > 0) m_context.CasesChanged();
        Reload();
        if (opened < outcomes.size()) {
          ShowStatus(
              wxString::Format(_("%zu of %zu applications opened; the others say why."), opened, outcomes.size()));
        }
      },
      [this](const JobFailure& failure) {
        m_applying = false;
        ShowStatus(wxString::Format(_("Not opened: %s"), failure.message));
      });
}

void MatchingPanel::ShowOpened() {
  m_opened->DeleteAllItems();
  long row = 0;
  for (const auto& [key, caseId] : m_batch.Opened()) {
    m_opened->InsertItem(row, wxString::Format("%lld", static_cast<long long>(caseId)));
    wxString program = ProgramName(key.program);
    if (key.personId != 0) program += wxS("（") + MemberName(key.personId) + wxS("）");
    m_opened->SetItem(row, 1, program);
    m_opened->SetItem(row, 2, StateLabel(OpenedState(caseId)));
    m_opened->SetItemData(row, static_cast<long>(caseId));
    ++row;
  }
}

std::string MatchingPanel::OpenedState(std::int64_t caseId) const {
  if (m_matching) {
    for (const auto& c : m_matching->cases) {
      if (c.id == caseId) return c.state;
    }
  }
  return "applied";  // opened here and not yet read back
}

void MatchingPanel::OpenSelectedCase() {
  const long row = m_opened->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0 || !m_openCase) return;
  m_openCase(static_cast<std::int64_t>(m_opened->GetItemData(row)));
}

}  // namespace doudi::gui
