#include "alerts/alert_view.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include <algorithm>

#include "attachments/attachments_panel.h"
#include "alerts/alert_forms.h"
#include "alerts/alert_text.h"
#include "app/session.h"
#include "cases/case_text.h"
#include "cases/new_case_dialog.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/requested_write.h"
#include "common/report_list.h"
#include "common/wx_text.h"
#include "doudi/dal/errors.h"
#include "doudi/model/alert_rule.h"
#include "doudi/model/alert_state.h"
#include "doudi/model/crosscheck.h"
#include "doudi/workstation/alert_sources.h"
#include "referrals/referrals_page.h"
#include "registry/household_editor.h"

namespace doudi::gui {
namespace {

wxString ViewName(std::int64_t alertId) { return wxString::Format("alert_%lld", static_cast<long long>(alertId)); }

wxString KindLabel(const std::string& kind) {
  if (const auto known = model::ParseCrosscheckKind(kind)) return Wx(model::ToChinese(*known));
  return Wx(kind);
}


}  // namespace

struct AlertView::Loaded {
  std::optional<dal::Alert> alert;
  std::vector<dal::CrosscheckRow> sources;
  std::vector<dal::AlertCheck> checks;
  std::vector<dal::CaseSummary> cases;
  std::vector<std::pair<std::string, std::string>> programs;
};

AlertView* AlertView::Find(std::int64_t alertId) {
  for (wxWindow* window : wxTopLevelWindows) {
    if (auto* view = dynamic_cast<AlertView*>(window); view != nullptr && view->m_alertId == alertId &&
                                                         !view->IsBeingDeleted()) {
      return view;
    }
  }
  return nullptr;
}

AlertView& AlertView::Show(wxWindow* parent, Context& context, std::int64_t alertId) {
  if (auto* open = Find(alertId)) {
    open->Raise();
    return *open;
  }
  auto* view = new AlertView(wxGetTopLevelParent(parent), context, alertId);
  view->wxDialog::Show();
  return *view;
}

AlertView::AlertView(wxWindow* parent, Context& context, std::int64_t alertId)
    : wxDialog(parent, wxID_ANY, _("Alert"), wxDefaultPosition, wxSize(1100, 720),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX),
      m_context(context),
      m_worker(context.GetWorkers().cases),
      m_session(context.GetSession()),
      m_alertId(alertId) {
  SetName(ViewName(alertId));
  m_runEditor = [](HouseholdEditor& editor) { return editor.ShowModal(); };
  Build();
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
  Reload();
}

void AlertView::Build() {
  auto* panel = new wxPanel(this);
  m_title = new wxStaticText(panel, wxID_ANY, _("Loading the alert..."));
  m_title->SetFont(m_title->GetFont().Bold().Larger());
  m_summary = new wxStaticText(panel, wxID_ANY, wxEmptyString);
  m_summary->SetName("summary");

  auto* figureBox = new wxStaticBoxSizer(wxVERTICAL, panel, _("What the rule found"));
  m_figures = new wxStaticText(figureBox->GetStaticBox(), wxID_ANY, wxEmptyString);
  m_figures->SetName("figures");
  m_figures->SetFont(m_figures->GetFont().Larger());
  figureBox->Add(m_figures, wxSizerFlags().Expand().Border(wxALL, 6));

  m_pages = new wxNotebook(panel, wxID_ANY);
  m_sourcePanel = new wxScrolledWindow(m_pages, wxID_ANY);
  m_sourcePanel->SetScrollRate(0, 10);
  m_sourceSizer = new wxBoxSizer(wxVERTICAL);
  m_sourcePanel->SetSizer(m_sourceSizer);
  m_pages->AddPage(m_sourcePanel, _("Source rows"), true);
  auto* checks = new wxPanel(m_pages);
  m_checkList = MakeReportList(checks, "checks",
                               {{_("Method"), 100}, {_("Findings"), 480}, {_("Checked by"), 110}, {_("When"), 130}});
  auto* checkSizer = new wxBoxSizer(wxVERTICAL);
  checkSizer->Add(m_checkList, wxSizerFlags(1).Expand().Border(wxALL, 4));
  checks->SetSizer(checkSizer);
  m_pages->AddPage(checks, _("Checks"));
  auto* cases = new wxPanel(m_pages);
  m_caseList = MakeReportList(cases, "cases",
                              {{_("Case"), 70}, {_("Program"), 170}, {_("State"), 180}, {_("Step due"), 110}});
  auto* caseSizer = new wxBoxSizer(wxVERTICAL);
  caseSizer->Add(m_caseList, wxSizerFlags(1).Expand().Border(wxALL, 4));
  caseSizer->Add(new wxStaticText(cases, wxID_ANY, _("Double-click a case to open it.")),
                 wxSizerFlags().Border(wxALL, 4));
  cases->SetSizer(caseSizer);
  m_pages->AddPage(cases, _("Household's cases"));
  m_caseList->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { OpenCaseRow(e.GetIndex()); });
  m_referrals = new ReferralsPage(m_pages, m_context, {std::nullopt, m_alertId}, [this]() -> std::optional<ReferralTarget> {
    const auto household = HouseholdId();
    if (!m_alert || !household) return std::nullopt;
    return ReferralTarget{*household, std::nullopt, m_alertId, m_alert->regionCode,
                          wxString::Format(_("Alert %lld - %s"), static_cast<long long>(m_alertId), Wx(m_alert->name))};
  });
  m_referrals->SetDialogRunner([this](wxDialog& dialog) { return m_runDialog(dialog); });
  m_referrals->OnChanged([this] { m_context.AlertsChanged(); });
  m_pages->AddPage(m_referrals, _("Referrals"));
  // 材料: the files of the alert (a hospital's bill, a verification photo).
  AttachmentsPanel::Scope files;
  files.owners = {{wxString::Format(_("Alert %lld"), static_cast<long long>(m_alertId)), {"alert", m_alertId}}};
  m_attachments = new AttachmentsPanel(m_pages, m_context, std::move(files));
  m_attachments->SetDialogRunner([this](wxDialog& dialog) { return m_runDialog(dialog); });
  m_pages->AddPage(m_attachments, _("Files"));
  m_pages->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    e.Skip();
    if (m_pages->GetPage(static_cast<std::size_t>(e.GetSelection())) == m_attachments) m_attachments->Reload();
  });

  auto* side = new wxStaticBoxSizer(wxVERTICAL, panel, _("What you may do"));
  const auto button = [&](const wxString& label, const char* name, void (AlertView::*action)(),
                          bool (AlertView::*offers)() const) {
    auto* b = new wxButton(side->GetStaticBox(), wxID_ANY, label);
    b->SetName(name);
    b->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) { (this->*action)(); });
    b->Bind(wxEVT_UPDATE_UI, [this, offers](wxUpdateUIEvent& e) { e.Enable((this->*offers)()); });
    side->Add(b, wxSizerFlags().Expand().Border(wxALL, 4));
    return b;
  };
  button(_("Record a check..."), "record_check", &AlertView::RecordCheck, &AlertView::OffersCheck);
  button(_("Close the alert..."), "close_alert", &AlertView::CloseAlert, &AlertView::OffersClose);
  side->AddSpacer(12);
  button(_("Go to the household"), "go_household", &AlertView::GoToHousehold, &AlertView::OffersHousehold);
  button(_("Match this household..."), "open_matching", &AlertView::OpenMatching, &AlertView::OffersMatching);
  m_registerButton = button(_("Register this household..."), "register_household", &AlertView::RegisterHousehold,
                            &AlertView::OffersRegister);

  m_status = new wxStaticText(panel, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  auto* refresh = new wxButton(panel, wxID_ANY, _("Refresh"));
  auto* closeButton = new wxButton(panel, wxID_ANY, _("Close window"));
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  closeButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });

  auto* left = new wxBoxSizer(wxVERTICAL);
  left->Add(figureBox, wxSizerFlags().Expand());
  left->Add(m_pages, wxSizerFlags(1).Expand().Border(wxTOP, 8));
  auto* body = new wxBoxSizer(wxHORIZONTAL);
  body->Add(left, wxSizerFlags(1).Expand());
  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(side, wxSizerFlags().Expand());
  body->Add(column, wxSizerFlags().Border(wxLEFT, 10));
  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  bottom->Add(m_status, wxSizerFlags(1).CenterVertical());
  bottom->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  bottom->Add(closeButton, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(m_title, wxSizerFlags().Border(wxALL, 8));
  top->Add(m_summary, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
  top->Add(body, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 8));
  top->Add(bottom, wxSizerFlags().Expand().Border(wxALL, 8));
  panel->SetSizer(top);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(panel, wxSizerFlags(1).Expand());
  SetSizer(outer);
}

std::optional<std::int64_t> AlertView::HouseholdId() const {
  if (m_alert && m_alert->householdId) return m_alert->householdId;
  return m_registered;
}

wxString AlertView::StatusText() const { return m_status->GetLabel(); }
wxString AlertView::FiguresText() const { return m_figures->GetLabel(); }

bool AlertView::Handles() const {
  if (m_state != State::Ready || !m_alert) return false;
  const auto rule = model::ParseAlertRule(m_alert->rule);
  return rule && model::HandlesAlerts(m_session.Role(), *rule);
}

bool AlertView::IsOpen() const {
  return m_alert && model::ParseEnum<model::AlertState>(m_alert->state) != model::AlertState::Closed;
}

bool AlertView::OffersCheck() const { return Handles() && IsOpen(); }
bool AlertView::OffersClose() const { return Handles() && IsOpen(); }
bool AlertView::OffersHousehold() const { return m_state == State::Ready && HouseholdId().has_value(); }

bool AlertView::OffersRegister() const {
  // A person the registry does not know; the ID is for the clerk to type.
  return m_state == State::Ready && m_alert && !HouseholdId() && !m_alert->idNumberMasked.empty() &&
         m_session.May(model::StaffOperation::EditRegistry);
}

void AlertView::SetState(State state) { m_state = state; }

void AlertView::ShowStatus(const wxString& text, bool error) {
  m_status->SetForegroundColour(error ? kOverdueText : GetForegroundColour());
  m_status->SetLabel(text);
  m_status->SetToolTip(text);
}

void AlertView::Reload() {
  SetState(State::Loading);
  m_referrals->Reload();
  const auto id = m_alertId;
  const auto registered = m_registered;
  m_worker.Run<Loaded>(
      this,
      [id, registered](dal::pg::PgDatabase& db) {
        Loaded loaded;
        loaded.alert = db.Alerts().Get(id);
        if (!loaded.alert) return loaded;
        loaded.sources = db.Alerts().Sources(*loaded.alert);
        loaded.checks = db.Alerts().Checks(id);
        if (const auto household = loaded.alert->householdId ? loaded.alert->householdId : registered) {
          loaded.cases = db.Cases().HouseholdCases(*household);
        }
        for (const auto& program : db.Parameters().Programs()) loaded.programs.emplace_back(program.code, program.chinese);
        return loaded;
      },
      [this](Loaded loaded) {
        if (!loaded.alert) {
          SetState(State::LoadFailed);
          ShowStatus(_("This alert cannot be found (or is outside your scope)."), true);
          return;
        }
        Fill(std::move(loaded));
        SetState(State::Ready);
      },
      [this](const JobFailure& failure) {
        SetState(m_alert ? State::Ready : State::LoadFailed);
        ShowStatus(wxString::Format(_("The alert could not be loaded: %s"), failure.message), true);
      });
}

void AlertView::Fill(Loaded loaded) {
  m_alert = std::move(loaded.alert);
  m_sources = std::move(loaded.sources);
  m_checks = std::move(loaded.checks);
  m_cases = std::move(loaded.cases);
  m_programs = std::move(loaded.programs);
  const auto& a = *m_alert;
  SetTitle(wxString::Format(_("Alert %lld - %s"), static_cast<long long>(a.id), Wx(a.name)));
  m_title->SetLabel(AlertRuleLabel(a) + wxS("  ·  ") + Wx(a.name) + wxS("  ·  ") + Wx(a.regionName) + wxS("  ·  ") +
                    AlertStateLabel(a.state));
  FillSummary();
  const auto lines = FigureLines(a, [this](std::string_view, std::string_view code) {
    for (const auto& [program, name] : m_programs) {
      if (program == code) return Wx(name);
    }
    return Wx(code);
  });
  wxString figures;
  for (const auto& line : lines) figures += (figures.empty() ? wxString() : wxString(wxS("\n"))) + line;
  m_figures->SetLabel(figures.empty() ? _("(no figures)") : figures);
  m_figures->Wrap(FromDIP(760));
  FillSources();
  FillChecks();
  FillCases();
  m_pages->SetPageText(1, wxString::Format(_("Checks (%zu)"), m_checks.size()));
  m_pages->SetPageText(2, wxString::Format(_("Household's cases (%zu)"), m_cases.size()));
  Layout();
}

void AlertView::FillSummary() {
  const auto& a = *m_alert;
  wxString text = wxString::Format(_("Period %s.  Raised %s"), Wx(a.period), Wx(a.raisedAt));
  if (a.raisedCount > 1) text += wxString::Format(_(" (raised %d times: its figure grew after it was closed)"), a.raisedCount);
  text += wxString::Format(_(", last updated %s."), Wx(a.updatedAt));
  if (!a.idNumberMasked.empty()) text += wxS("  ") + wxString::Format(_("ID number %s."), Wx(a.idNumberMasked));
  text += wxS("\n");
  if (HouseholdId()) {
    text += wxString::Format(a.householdId ? _("Household No. %lld.") : _("Household No. %lld (registered from this "
                                                                          "alert)."),
                             static_cast<long long>(*HouseholdId()));
  } else if (a.caseId) {
    text += wxString::Format(_("Case No. %lld."), static_cast<long long>(*a.caseId));
  } else {
    text += _("This person is in no household of the registry: register the household to help them.");
  }
  if (!a.outcome.empty()) {
    text += wxS("\n") + wxString::Format(_("Outcome: %s"), AlertOutcomeLabel(a.outcome));
    if (a.outcomeCaseId) text += wxString::Format(_(", case No. %lld"), static_cast<long long>(*a.outcomeCaseId));
    if (!a.outcomeReason.empty()) text += wxS(" - ") + Wx(a.outcomeReason);
    if (!a.closedAt.empty()) text += wxString::Format(_(" (closed by %s, %s)"), Wx(a.closedBy), Wx(a.closedAt));
  }
  m_summary->SetLabel(text);
}

void AlertView::FillSources() {
  m_sourcePanel->DestroyChildren();
  m_sourceSizer->Clear();
  const auto tables = workstation::SourceTables(m_sources);
  if (tables.empty()) {
    m_sourceSizer->Add(new wxStaticText(m_sourcePanel, wxID_ANY,
                                        _("This rule reads the registry and the cases: no cross-check rows.")),
                       wxSizerFlags().Border(wxALL, 6));
  }
  for (const auto& table : tables) {
    auto* heading = new wxStaticText(m_sourcePanel, wxID_ANY,
                                     wxString::Format(_("%s (%zu rows)"), KindLabel(table.kind), table.rows.size()));
    heading->SetFont(heading->GetFont().Bold());
    auto* list = MakeReportList(m_sourcePanel, ("sources_" + table.kind).c_str(), {{_("Name"), 70}, {_("ID number"), 150}});
    int column = 2;
    for (const auto* c : table.columns) list->InsertColumn(column++, Wx(c->chinese), wxLIST_FORMAT_LEFT, 110);
    list->InsertColumn(column, _("Source"), wxLIST_FORMAT_LEFT, 280);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const auto& row = *table.rows[i];
      std::vector<wxString> cells{Wx(row.name), Wx(row.idNumberMasked)};
      for (const auto& cell : table.cells[i]) cells.push_back(Wx(cell));
      cells.push_back(wxString::Format(_("%s, batch %lld line %d"), Wx(row.sourceDepartment),
                                       static_cast<long long>(row.batchId), row.line));
      AddReportRow(list, cells);
    }
    const int height = FromDIP(30) + FromDIP(22) * static_cast<int>(std::min<std::size_t>(table.rows.size(), 8));
    list->SetMinSize(wxSize(-1, height));
    // The panel's width: GTK measures it before the bold font applies.
    m_sourceSizer->Add(heading, wxSizerFlags().Expand().Border(wxLEFT | wxTOP | wxRIGHT, 6));
    m_sourceSizer->Add(list, wxSizerFlags().Expand().Border(wxALL, 6));
  }
  m_sourcePanel->FitInside();
  m_sourcePanel->Layout();
}

void AlertView::FillChecks() {
  m_checkList->DeleteAllItems();
  for (const auto& check : m_checks) {
    AddReportRow(m_checkList,
                 {CheckMethodLabel(check.method), Wx(check.findings), Wx(check.verifiedBy), Wx(check.verifiedAt)});
  }
}

void AlertView::FillCases() {
  m_caseList->DeleteAllItems();
  for (const auto& c : m_cases) {
    AddReportRow(m_caseList, {wxString::Format("%lld", static_cast<long long>(c.id)), Wx(c.programName),
                              StateLabel(c.state), DueText(c.stepDue, c.stepDueCertain)});
  }
}

void AlertView::OpenCaseRow(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_cases.size()) return;
  m_context.OpenCase(m_cases[static_cast<std::size_t>(row)].id);
}

void AlertView::RecordCheck() {
  if (!OffersCheck()) return;
  CheckDialog dialog(this);
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto method = dialog.Method();
  const auto findings = dialog.Findings();
  const auto id = m_alertId;
  const auto version = m_alert->version;
  RunWrite("check:" + method + "@" + std::to_string(version) + ":" + findings,
           [id, version, method, findings](dal::pg::PgDatabase& db, const std::string& requestId) {
             db.Alerts().Verify(id, version, method, findings, requestId);
           },
           _("The check is recorded."));
}

std::optional<std::int64_t> AlertView::OpenApplication() {
  const auto household = HouseholdId();
  if (!household) return std::nullopt;
  NewCaseDialog dialog(this, m_worker, *household,
                       wxString::Format(_("%s's household, %s"), Wx(m_alert->name), Wx(m_alert->regionName)));
  if (m_runDialog(dialog) != wxID_OK || !dialog.CaseId()) return std::nullopt;
  m_context.CasesChanged();
  return dialog.CaseId();
}

void AlertView::CloseAlert() {
  if (!OffersClose()) return;
  CloseDialog::OpenApplication open;
  if (HouseholdId() && m_session.May(model::StaffOperation::EditRegistry)) open = [this] { return OpenApplication(); };
  CloseDialog dialog(this, m_cases, std::move(open));
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto outcome = dialog.Outcome();
  const auto reason = dialog.Reason();
  const auto caseId = dialog.CaseId();
  const auto id = m_alertId;
  const auto version = m_alert->version;
  RunWrite("close:" + outcome, [id, version, outcome, reason, caseId](dal::pg::PgDatabase& db, const std::string&) {
    db.Alerts().Close(id, version, outcome, reason, caseId);
  }, wxString::Format(_("The alert is closed: %s."), AlertOutcomeLabel(outcome)));
}

void AlertView::GoToHousehold() {
  if (!OffersHousehold()) return;
  HouseholdEditor editor(this, m_context.GetWorkers().records, m_session, *HouseholdId(), &m_context);
  m_runEditor(editor);
  if (editor.CaseToOpen()) m_context.OpenCase(*editor.CaseToOpen());
  // Another of the household's alerts, chosen in the editor.
  if (editor.AlertToOpen() && *editor.AlertToOpen() != m_alertId) Show(GetParent(), m_context, *editor.AlertToOpen());
  Reload();
}

bool AlertView::OffersMatching() const { return OffersHousehold() && m_context.OpensMatching(); }

// What the household may qualify for, and 一件事: the cases it opens show on
// this view's cases page after a refresh.
void AlertView::OpenMatching() {
  if (OffersMatching()) m_context.OpenMatching(*HouseholdId());
}

void AlertView::RegisterHousehold() {
  if (!OffersRegister()) return;
  model::Household household;
  household.regionCode = m_alert->regionCode;
  model::Person head;
  head.name = m_alert->name;
  head.relation = model::Relation::Head;
  household.members.push_back(std::move(head));
  HouseholdEditor editor(this, m_context.GetWorkers().records, m_session, std::nullopt);
  editor.StartWith(std::move(household),
                   wxString::Format(_("Register %s's household: the name and village come from the alert. Type the "
                                      "ID number from the family's ID card (%s here: desk roles do not see the full "
                                      "number), then the other members."),
                                    Wx(m_alert->name), Wx(m_alert->idNumberMasked)));
  m_runEditor(editor);
  if (editor.HouseholdId()) {
    m_registered = editor.HouseholdId();
    Reload();
    ShowStatus(_("The household is registered: open an application for it, then close the alert with the case."),
               false);
  }
}

void AlertView::RunWrite(const std::string& what, Write write, const wxString& done) {
  SetState(State::Writing);
  ShowStatus(_("Saving..."), false);
  m_write.Run(m_worker, this, what, std::move(write),
              {done,
               _("Someone else handled this alert meanwhile: it is shown again as it is now. Check it and try "
                 "again."),
               _("Not confirmed: %s Try again when the connection is back (a check that did arrive is not recorded "
                 "twice).")},
              [this](bool wrote) {
                if (!wrote) {
                  SetState(State::Ready);
                  return;
                }
                Reload();
                m_context.AlertsChanged();
              },
              [this](const wxString& text, bool isError) { ShowStatus(text, isError); });
}

}  // namespace doudi::gui
