#include "alerts/household_alerts.h"

#include <wx/hyperlink.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "alerts/alert_text.h"
#include "cases/case_text.h"
#include "common/database_worker.h"
#include "common/wx_text.h"

namespace doudi::gui {

HouseholdAlerts::HouseholdAlerts(wxWindow* parent, DatabaseWorker& worker, Open open)
    : wxPanel(parent), m_worker(worker), m_open(std::move(open)) {
  SetName("household_alerts");
  m_sizer = new wxBoxSizer(wxHORIZONTAL);
  SetSizer(m_sizer);
  Hide();
}

void HouseholdAlerts::Load(std::int64_t householdId) {
  m_worker.Run<std::vector<dal::Alert>>(
      this, [householdId](dal::pg::PgDatabase& db) { return db.Alerts().OpenForHousehold(householdId); },
      [this](std::vector<dal::Alert> alerts) {
        m_alerts = std::move(alerts);
        m_loaded = true;
        Fill();
      },
      // A user who handles no alerts may not read them: the line stays hidden.
      [this](const JobFailure&) { m_loaded = true; });
}

void HouseholdAlerts::Fill() {
  DestroyChildren();
  m_sizer->Clear();
  if (!m_alerts.empty()) {
    auto* label = new wxStaticText(this, wxID_ANY, _("Open alerts:"));
    label->SetForegroundColour(kOverdueText);
    label->SetFont(label->GetFont().Bold());
    m_sizer->Add(label, wxSizerFlags().CenterVertical());
  }
  for (std::size_t i = 0; i < m_alerts.size(); ++i) {
    const auto& alert = m_alerts[i];
    auto* link = new wxHyperlinkCtrl(this, wxID_ANY, AlertRuleLabel(alert) + wxS(" ") + Wx(alert.period), wxS("#"));
    link->SetName(wxString::Format("alert_link_%zu", i));
    link->Bind(wxEVT_HYPERLINK, [this, i](wxHyperlinkEvent&) { OpenAlert(i); });
    m_sizer->Add(link, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
  }
  Show(!m_alerts.empty());
  GetParent()->Layout();
}

void HouseholdAlerts::OpenAlert(std::size_t index) {
  if (index < m_alerts.size() && m_open) m_open(m_alerts[index].id);
}

}  // namespace doudi::gui
