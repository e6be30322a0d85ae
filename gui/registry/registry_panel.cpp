#include "registry/registry_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/treectrl.h>

#include "alerts/alert_view.h"
#include "cases/new_case_dialog.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/section.h"
#include "common/wx_text.h"
#include "doudi/model/household.h"
#include "doudi/model/region_code.h"
#include "referrals/referral_dialog.h"
#include "registry/household_editor.h"
#include "registry/registry_list.h"

namespace doudi::gui {
namespace {

constexpr int kTypingPauseMs = 300;

// The region prefix a tree item stands for.
class RegionItem : public wxTreeItemData {
 public:
  explicit RegionItem(std::string prefix) : m_prefix(std::move(prefix)) {}
  const std::string& Prefix() const { return m_prefix; }

 private:
  std::string m_prefix;
};

struct FirstPage {
  std::int64_t estimate = 0;
  std::vector<dal::PersonSummary> rows;
};

}  // namespace

Section RegistryPanel::Describe() {
  return Section{[] { return _("Registry"); }, [](const Session&) { return true; },
                 [](wxWindow* parent, Context& context) { return new RegistryPanel(parent, context); }};
}

RegistryPanel::RegistryPanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().search),
      m_context(context),
      m_session(context.GetSession()),
      m_searchWorker(context.GetWorkers().search),
      m_pageWorker(context.GetWorkers().pages),
      m_recordWorker(context.GetWorkers().records),
      m_caseWorker(context.GetWorkers().cases),
      m_typingPause(this) {
  auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
  m_regions = new wxTreeCtrl(splitter, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                             wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE);
  auto* right = new wxPanel(splitter);

  m_search = new wxSearchCtrl(right, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(320, -1),
                              wxTE_PROCESS_ENTER);
  m_search->SetDescriptiveText(_("ID number, ID prefix, name or part of a name"));
  m_search->ShowCancelButton(true);
  m_status = new wxChoice(right, wxID_ANY);
  m_status->Append(_("All registry statuses"));
  for (const auto& t : model::EnumTexts<model::RegistryStatus>()) m_status->Append(Wx(t.chinese));
  m_status->SetSelection(0);
  m_count = new wxStaticText(right, wxID_ANY, wxEmptyString);
  SetStatusLine(m_count);
  // A search of a whole city takes a moment to count; it can be stopped.
  auto* stop = new wxButton(right, wxID_STOP, _("Stop"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  m_list = new RegistryList(right, [this](long page) { LoadPage(page); });
  auto* newButton = new wxButton(right, wxID_NEW, _("&New household"));
  auto* openButton = new wxButton(right, wxID_OPEN, _("&Open household"));
  auto* applyButton = new wxButton(right, wxID_ANY, _("New &application..."));
  applyButton->SetName("new_application");
  auto* fileButton = new wxButton(right, wxID_ANY, _("Household &file..."));
  fileButton->SetName("household_file");
  auto* matchingButton = new wxButton(right, wxID_ANY, _("&Matching..."));
  matchingButton->SetName("matching");
  auto* referButton = new wxButton(right, wxID_ANY, _("Refer to departments..."));
  referButton->SetName("refer");

  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(m_search, wxSizerFlags(1).CenterVertical());
  bar->Add(m_status, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
  bar->Add(m_count, wxSizerFlags().CenterVertical().Border(wxLEFT, 12));
  bar->Add(stop, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(fileButton, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(matchingButton, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(referButton, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(applyButton, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(openButton);
  buttons->Add(newButton, wxSizerFlags().Border(wxLEFT, 8));
  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  column->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 6));
  column->Add(buttons, wxSizerFlags().Right().Border(wxALL, 6));
  right->SetSizer(column);
  splitter->SplitVertically(m_regions, right, 220);
  splitter->SetMinimumPaneSize(120);
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(splitter, wxSizerFlags(1).Expand());
  SetSizer(top);

  BuildRegionTree();
  m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_typingPause.StartOnce(kTypingPauseMs); });
  m_search->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { StartSearch(); });
  m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
    m_search->Clear();
    StartSearch();
  });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { StartSearch(); });
  m_status->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { StartSearch(); });
  m_regions->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent&) { StartSearch(); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { OpenSelected(); });
  newButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewHousehold(); });
  stop->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StopSearch(); });
  stop->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Show(m_idsPending); });
  openButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenSelected(); });
  applyButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewApplication(); });
  referButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ReferSelected(); });
  referButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(MayRefer()); });
  applyButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(MayApply()); });
  newButton->Bind(wxEVT_UPDATE_UI,
                  [this](wxUpdateUIEvent& e) { e.Enable(m_session.May(model::StaffOperation::EditRegistry)); });
  fileButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const long row = m_list->Selected();
    const auto* person = row >= 0 ? m_list->RowAt(row) : nullptr;
    if (person != nullptr) m_context.OpenHouseholdFile(person->householdId);
  });
  fileButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
    e.Enable(m_context.OpensHouseholdFiles() && m_list->Selected() >= 0 && m_list->RowAt(m_list->Selected()) != nullptr);
  });
  matchingButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenMatching(); });
  matchingButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
    e.Enable(m_context.OpensMatching() && m_list->Selected() >= 0 && m_list->RowAt(m_list->Selected()) != nullptr);
  });
  openButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
    e.Enable(m_list->Selected() >= 0 && m_list->RowAt(m_list->Selected()) != nullptr);
  });
  StartSearch();
}

void RegistryPanel::BuildRegionTree() {
  const auto root = m_regions->AddRoot(wxEmptyString);
  std::vector<std::pair<std::string, wxTreeItemId>> path;  // the open branches, by prefix
  const auto all = m_regions->AppendItem(root, _("All regions in my scope"), -1, -1, new RegionItem(""));
  for (const auto& region : m_session.regions) {
    const auto code = model::RegionCode::Parse(region.code);
    if (!code) continue;
    const std::string prefix = code->ScopePrefix();
    while (!path.empty() && prefix.rfind(path.back().first, 0) != 0) path.pop_back();
    const auto parent = path.empty() ? all : path.back().second;
    const auto item = m_regions->AppendItem(parent, Wx(region.name), -1, -1, new RegionItem(prefix));
    path.emplace_back(prefix, item);
  }
  m_regions->ExpandAll();
  m_regions->SelectItem(all);
}

void RegistryPanel::FocusSearch() {
  m_search->SetFocus();
  m_search->SelectAll();
}

dal::RegistryQuery RegistryPanel::CurrentQuery() const {
  dal::RegistryQuery q;
  q.text = Utf8(m_search->GetValue());
  const auto item = m_regions->GetSelection();
  if (item.IsOk()) {
    if (const auto* data = dynamic_cast<RegionItem*>(m_regions->GetItemData(item))) {
      // The user's scope is applied by the database anyway; a prefix above
      // it (the path shown for orientation) is no filter.
      if (data->Prefix().size() > m_session.identity.regionScope.size()) q.regionPrefix = data->Prefix();
    }
  }
  const int status = m_status->GetSelection();
  if (status > 0) q.status = model::EnumTexts<model::RegistryStatus>()[static_cast<std::size_t>(status - 1)].value;
  return q;
}

void RegistryPanel::StartSearch() {
  m_typingPause.Stop();
  ++m_listGeneration;
  m_query = CurrentQuery();
  m_ids.reset();
  m_idsPending = true;
  m_estimate = 0;
  m_searchWorker.CancelRunning();  // the previous search's statement, if it still runs
  m_list->Reset(0);
  BeginLoad(_("Searching..."));
  const auto query = m_query;
  Load<FirstPage>(
      [query](dal::pg::PgDatabase& db) {
        return FirstPage{db.Search().EstimateCount(query), db.Search().Search(query, 0, RegistryList::kPageSize)};
      },
      [this](FirstPage first) {
        m_estimate = std::max<std::int64_t>(first.estimate, static_cast<std::int64_t>(first.rows.size()));
        if (first.rows.size() < static_cast<std::size_t>(RegistryList::kPageSize)) {
          m_estimate = static_cast<std::int64_t>(first.rows.size());  // the whole result: exact already
        }
        if (!m_ids) m_list->Reset(static_cast<long>(m_estimate));
        m_list->SetPage(0, std::move(first.rows));
        ShowCount();
      });
  Load<std::vector<std::int64_t>>(
      [query](dal::pg::PgDatabase& db) { return db.Search().SearchIds(query); },
      [this](std::vector<std::int64_t> ids) {
        m_ids = std::make_shared<const std::vector<std::int64_t>>(std::move(ids));
        m_idsPending = false;
        m_list->SetCount(static_cast<long>(m_ids->size()));
        ShowCount();
      },
      [this](const JobFailure& f) {
        m_idsPending = false;
        if (!f.cancelled) ShowStatus(f.message);
      });
}

void RegistryPanel::StopSearch() {
  if (!m_idsPending) return;
  AbandonLoad();  // its count and first page, if they still arrive, are dropped
  m_idsPending = false;
  m_searchWorker.CancelRunning();
  m_count->SetLabel(m_estimate > 0 ? wxString::Format(_("about %lld persons (counting stopped)"),
                                                      static_cast<long long>(m_estimate))
                                   : _("Search stopped"));
}

void RegistryPanel::ShowCount() {
  if (m_ids) {
    m_count->SetLabel(wxString::Format(_("%zu persons"), m_ids->size()));
  } else {
    m_count->SetLabel(wxString::Format(_("about %lld persons..."), static_cast<long long>(m_estimate)));
  }
  m_count->GetParent()->Layout();
}

void RegistryPanel::LoadPage(long page) {
  const int generation = m_listGeneration;
  const auto ids = m_ids;
  const auto query = m_query;
  m_pageWorker.Run<std::vector<dal::PersonSummary>>(
      this,
      [ids, query, page](dal::pg::PgDatabase& db) {
        const auto first = static_cast<std::size_t>(page * RegistryList::kPageSize);
        if (!ids) return db.Search().Search(query, static_cast<std::int64_t>(first), RegistryList::kPageSize);
        if (first >= ids->size()) return std::vector<dal::PersonSummary>{};
        const auto last = std::min(ids->size(), first + RegistryList::kPageSize);
        return db.Search().RowsByIds(std::vector<std::int64_t>(ids->begin() + static_cast<std::ptrdiff_t>(first),
                                                               ids->begin() + static_cast<std::ptrdiff_t>(last)));
      },
      [this, generation, page](std::vector<dal::PersonSummary> rows) {
        if (generation == m_listGeneration) m_list->SetPage(page, std::move(rows));
      },
      [this, generation, page](const JobFailure&) {
        if (generation == m_listGeneration) m_list->ForgetPage(page);
      });
}

long RegistryPanel::ResultCount() const { return m_list->GetItemCount(); }

void RegistryPanel::SearchFor(const wxString& text) {
  m_search->ChangeValue(text);
  StartSearch();
}

void RegistryPanel::Refresh() { StartSearch(); }

void RegistryPanel::OpenSelected() {
  const long row = m_list->Selected();
  if (row < 0) return;
  if (const auto* person = m_list->RowAt(row)) OpenHousehold(person->householdId);
}

void RegistryPanel::OpenHousehold(std::int64_t householdId) {
  HouseholdEditor editor(this, m_recordWorker, m_session, householdId, &m_context);
  if (editor.ShowModal() == wxID_OK) StartSearch();
  if (editor.CaseToOpen()) m_context.OpenCase(*editor.CaseToOpen());
  if (editor.AlertToOpen()) AlertView::Show(this, m_context, *editor.AlertToOpen());
  // A card read there belonged to a person of another household.
  if (editor.HouseholdToOpen()) OpenHousehold(*editor.HouseholdToOpen());
}

void RegistryPanel::OpenMatching() {
  const long row = m_list->Selected();
  const auto* person = row >= 0 ? m_list->RowAt(row) : nullptr;
  if (person != nullptr) m_context.OpenMatching(person->householdId);
}

void RegistryPanel::NewHousehold() {
  if (!m_session.May(model::StaffOperation::EditRegistry)) return;
  HouseholdEditor editor(this, m_recordWorker, m_session, std::nullopt);
  if (editor.ShowModal() == wxID_OK) StartSearch();
  if (editor.HouseholdToOpen()) OpenHousehold(*editor.HouseholdToOpen());
}

}  // namespace doudi::gui

namespace doudi::gui {

bool RegistryPanel::MayApply() const {
  return m_session.May(model::StaffOperation::EditRegistry) && m_list->Selected() >= 0 &&
         m_list->RowAt(m_list->Selected()) != nullptr;
}

void RegistryPanel::SelectRow(long row) {
  m_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

void RegistryPanel::NewApplication() {
  if (!MayApply()) return;
  const auto* person = m_list->RowAt(m_list->Selected());
  NewCaseDialog dialog(this, m_caseWorker, person->householdId,
                       wxString::Format(_("%s's household, %s"), Wx(person->name), Wx(person->regionName)));
  if (m_runDialog(dialog) != wxID_OK || !dialog.CaseId()) return;
  m_context.OpenCase(*dialog.CaseId());
}

bool RegistryPanel::MayRefer() const {
  return m_session.May(model::StaffOperation::ReferHouseholds) && m_list->Selected() >= 0 &&
         m_list->RowAt(m_list->Selected()) != nullptr;
}

void RegistryPanel::ReferSelected() {
  if (!MayRefer()) return;
  const auto* person = m_list->RowAt(m_list->Selected());
  ReferralDialog dialog(this, m_caseWorker,
                        ReferralTarget{person->householdId, std::nullopt, std::nullopt, person->regionCode,
                                       wxString::Format(_("%s's household, %s"), Wx(person->name),
                                                        Wx(person->regionName))});
  m_runDialog(dialog);
}

}  // namespace doudi::gui
