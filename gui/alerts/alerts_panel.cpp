#include "alerts/alerts_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "alerts/alert_text.h"
#include "alerts/alert_view.h"
#include "app/session.h"
#include "common/context.h"
#include "common/report_list.h"
#include "common/section.h"
#include "common/wx_text.h"
#include "doudi/model/alert_rule.h"
#include "doudi/model/alert_state.h"
#include "doudi/model/region_code.h"

namespace doudi::gui {
namespace {

constexpr int kTypingPauseMs = 400;
constexpr int kPulseMs = 200;

// The state filter's entries: open (the default), every state, then each.
std::vector<std::string> StateFilters() {
  std::vector<std::string> states{"open", ""};
  for (const auto& state : model::EnumTexts<model::AlertState>()) states.emplace_back(state.code);
  return states;
}

// The rules whose alerts the user handles, in the table's order.
std::vector<model::AlertRule> HandledRules(const Session& session) {
  std::vector<model::AlertRule> rules;
  for (const auto& text : model::EnumTexts<model::AlertRule>()) {
    if (model::HandlesAlerts(session.Role(), text.value)) rules.push_back(text.value);
  }
  return rules;
}

struct Loaded {
  std::vector<dal::AlertCount> counts;
  std::vector<dal::Alert> alerts;
};

}  // namespace

Section AlertsPanel::Describe() {
  return Section{[] { return _("Alerts"); },
                 [](const Session& session) { return model::HandlesAnyAlert(session.Role()); },
                 [](wxWindow* parent, Context& context) { return new AlertsPanel(parent, context); }};
}

AlertsPanel::AlertsPanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().alerts), m_context(context), m_slow(this), m_typingPause(this) {
  const Session& session = context.GetSession();
  m_countList = MakeReportList(this, "alert_counts", {{_("Rule"), 260}, {_("Open"), 70}, {_("Closed"), 70}});
  // Every rule the user handles in view, without scrolling.
  m_countList->SetMinSize(wxSize(-1, FromDIP(30) + FromDIP(23) * static_cast<int>(HandledRules(session).size())));

  m_rule = new wxChoice(this, wxID_ANY);
  m_rule->SetName("rule");
  m_rule->Append(_("All rules"));
  for (const auto rule : HandledRules(session)) m_rule->Append(Wx(model::ToChinese(rule)));
  m_rule->SetSelection(0);
  m_region = new wxChoice(this, wxID_ANY);
  m_region->SetName("region");
  m_region->Append(_("All regions in my scope"));
  m_regionPrefixes.emplace_back();
  const std::size_t scope = session.identity.regionScope.size();
  for (const auto& region : session.regions) {
    const auto code = model::RegionCode::Parse(region.code);
    if (!code || code->ScopePrefix().size() <= scope) continue;  // the scope itself, or the path above it
    const int depth = static_cast<int>(code->Level()) - static_cast<int>(model::RegionLevel::Province);
    m_region->Append(wxString(wxUniChar(0x3000), static_cast<std::size_t>(std::max(0, depth - 2))) + Wx(region.name));
    m_regionPrefixes.push_back(code->ScopePrefix());
  }
  m_region->SetSelection(0);
  m_state = new wxChoice(this, wxID_ANY);
  m_state->SetName("state");
  for (const auto& state : StateFilters()) {
    m_state->Append(state == "open" ? _("Open") : state.empty() ? _("All states") : AlertStateLabel(state));
  }
  m_state->SetSelection(0);
  m_period = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(110, -1), wxTE_PROCESS_ENTER);
  m_period->SetName("period");
  m_period->SetHint(_("e.g. 2026"));

  m_list = MakeReportList(this, "alerts",
                          {{_("Rule"), 200}, {_("Period"), 80}, {_("Name"), 80}, {_("ID number"), 160},
                           {_("Village"), 120}, {_("Figure (yuan)"), 100}, {_("State"), 80}, {_("Raised"), 130},
                           {_("Last check"), 170}});
  auto* status = MakeStatusLine();
  m_progress = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(FromDIP(120), FromDIP(14)));
  m_progress->Hide();
  m_stop = new wxButton(this, wxID_STOP, _("Stop"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  m_stop->SetName("stop");
  m_stop->Hide();
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  auto* openButton = new wxButton(this, wxID_ANY, _("Open alert"));

  auto* filters = new wxBoxSizer(wxHORIZONTAL);
  const auto labelled = [&](const wxString& label, wxWindow* control) {
    filters->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical().Border(wxLEFT, 10));
    filters->Add(control, wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
  };
  labelled(_("Rule:"), m_rule);
  labelled(_("Region:"), m_region);
  labelled(_("State:"), m_state);
  labelled(_("Period:"), m_period);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(status, wxSizerFlags(1).CenterVertical());
  bar->Add(m_progress, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
  bar->Add(m_stop, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  bar->Add(openButton, wxSizerFlags().Border(wxLEFT, 8));
  bar->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(new wxStaticText(this, wxID_ANY, _("Alerts per rule (click a rule to list its alerts)")),
           wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, 6));
  top->Add(m_countList, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(filters, wxSizerFlags().Border(wxBOTTOM, 4));
  top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  SetSizer(top);

  for (wxChoice* choice : {m_rule, m_region, m_state}) {
    choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Reload(); });
  }
  m_period->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_typingPause.StartOnce(kTypingPauseMs); });
  m_period->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Reload(); });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Reload(); }, m_typingPause.GetId());
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    if (!IsLoading()) {
      LoadFinished();
      return;
    }
    if (!m_stop->IsShown()) {
      m_progress->Show();
      m_stop->Show();
      Layout();
    }
    m_progress->Pulse();
  }, m_slow.GetId());
  m_stop->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StopLoading(); });
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  openButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    OpenRow(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
  });
  openButton->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_list->GetSelectedItemCount() > 0); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { OpenRow(e.GetIndex()); });
  m_countList->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    const auto row = static_cast<std::size_t>(e.GetIndex());
    if (row < m_counts.size()) SetFilter(m_counts[row].rule, Filter().state, Filter().periodPrefix);
  });
  m_context.OnAlertsChanged([this] { Reload(); });
  Reload();
}

dal::AlertFilter AlertsPanel::Filter() const {
  dal::AlertFilter filter;
  const int rule = m_rule->GetSelection();
  const auto rules = HandledRules(m_context.GetSession());
  if (rule > 0 && static_cast<std::size_t>(rule) <= rules.size()) {
    filter.rule = model::ToCode(rules[static_cast<std::size_t>(rule - 1)]);
  }
  const int region = m_region->GetSelection();
  if (region > 0) filter.regionPrefix = m_regionPrefixes[static_cast<std::size_t>(region)];
  const auto states = StateFilters();
  filter.state = states[static_cast<std::size_t>(std::max(0, m_state->GetSelection()))];
  filter.periodPrefix = TrimmedUtf8(m_period->GetValue());
  filter.limit = kLimit;
  return filter;
}

void AlertsPanel::SetFilter(const std::string& rule, const std::string& state, const std::string& period) {
  const auto rules = HandledRules(m_context.GetSession());
  int ruleIndex = 0;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (model::ToCode(rules[i]) == rule) ruleIndex = static_cast<int>(i + 1);
  }
  m_rule->SetSelection(ruleIndex);
  const auto states = StateFilters();
  const auto it = std::find(states.begin(), states.end(), state);
  m_state->SetSelection(it == states.end() ? 0 : static_cast<int>(it - states.begin()));
  m_period->ChangeValue(Wx(period));
  Reload();
}

void AlertsPanel::Reload() {
  m_typingPause.Stop();
  // A newer load replaces the running one: its statement is not waited for.
  if (IsLoading()) Worker().CancelRunning();
  BeginLoad(_("Loading the alerts..."));
  m_slow.Start(kPulseMs);
  const auto filter = Filter();
  const auto failed = [this](const JobFailure& failure) {
    if (!failure.cancelled) ShowStatus(failure.message);
    LoadFinished();
  };
  Load<Loaded>(
      [filter](dal::pg::PgDatabase& db) { return Loaded{db.Alerts().Counts(), db.Alerts().List(filter)}; },
      [this](Loaded loaded) {
        m_counts = std::move(loaded.counts);
        m_alerts = std::move(loaded.alerts);
        FillCounts();
        Fill();
        LoadFinished();
      },
      failed);
}

void AlertsPanel::StopLoading() {
  if (!IsLoading()) return;
  AbandonLoad();
  Worker().CancelRunning();
  ShowStatus(_("Stopped: the list shows what it showed before."));
  LoadFinished();
}

bool AlertsPanel::ShowsStop() const { return m_stop->IsShown(); }

void AlertsPanel::LoadFinished() {
  if (IsLoading()) return;
  m_slow.Stop();
  if (m_stop->IsShown()) {
    m_progress->Hide();
    m_stop->Hide();
    Layout();
  }
}

void AlertsPanel::FillCounts() {
  m_countList->DeleteAllItems();
  for (const auto& count : m_counts) {
    dal::Alert named;
    named.rule = count.rule;
    named.ruleName = count.ruleName;
    AddReportRow(m_countList, {AlertRuleLabel(named), wxString::Format("%lld", static_cast<long long>(count.open)),
                               wxString::Format("%lld", static_cast<long long>(count.closed))});
  }
}

void AlertsPanel::Fill() {
  m_list->DeleteAllItems();
  for (const auto& alert : m_alerts) {
    AddReportRow(m_list, {AlertRuleLabel(alert), Wx(alert.period), Wx(alert.name), Wx(alert.idNumberMasked),
                          Wx(alert.regionName), AlertFigure(alert), AlertStateLabel(alert.state), Wx(alert.raisedAt),
                          LastCheckText(alert)});
  }
  ShowStatus(m_alerts.size() >= static_cast<std::size_t>(kLimit)
                 ? wxString::Format(_("The first %d alerts (oldest first)"), kLimit)
                 : wxString::Format(_("%zu alerts (oldest first)"), m_alerts.size()));
  Layout();
}

void AlertsPanel::OpenRow(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_alerts.size()) return;
  AlertView::Show(this, m_context, m_alerts[static_cast<std::size_t>(row)].id);
}

}  // namespace doudi::gui
