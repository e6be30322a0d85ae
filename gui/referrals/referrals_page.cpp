#include "referrals/referrals_page.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/session.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/report_list.h"
#include "common/wx_text.h"
#include "referrals/referral_text.h"

namespace doudi::gui {

ReferralsPage::ReferralsPage(wxWindow* parent, Context& context, Subject subject, TargetOf target)
    : AsyncListPanel(parent, context.GetWorkers().cases),
      m_context(context),
      m_subject(subject),
      m_target(std::move(target)),
      m_slips(this, context, [this](const wxString& text, bool error) { Status(text, error); }) {
  SetName("referrals_page");
  m_list = MakeReportList(this, "referrals",
                          {{_("Department"), 150}, {_("Help"), 80}, {_("What is asked"), 240}, {_("State"), 70},
                           {_("Due"), 170}, {_("Answer"), 260}});
  m_statusLine = MakeStatusLine(wxST_ELLIPSIZE_END);
  m_statusLine->SetName("referrals_status");
  auto* refer = new wxButton(this, wxID_ANY, _("Refer to departments..."));
  refer->SetName("refer");
  auto* print = new wxButton(this, wxID_ANY, _("Print referral slip"));
  print->SetName("print_slip");
  auto* close = new wxButton(this, wxID_ANY, _("Help closed"));
  close->SetName("help_close");
  close->SetToolTip(_("Marks that the help has landed: refused while a referral has no feedback."));
  refer->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Refer(); });
  refer->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(OffersReferral()); });
  print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PrintSlip(SelectedReportRow(m_list)); });
  print->Bind(wxEVT_UPDATE_UI,
              [this](wxUpdateUIEvent& e) { e.Enable(SelectedReportRow(m_list) >= 0 && !m_slips.IsOpening()); });
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CloseHelp(); });
  close->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(OffersHelpClose()); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { PrintSlip(e.GetIndex()); });
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(m_statusLine, wxSizerFlags(1).CenterVertical());
  buttons->Add(print, wxSizerFlags().Border(wxLEFT, 8));
  buttons->Add(refer, wxSizerFlags().Border(wxLEFT, 8));
  buttons->Add(close, wxSizerFlags().Border(wxLEFT, 8));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, 4));
  sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 4));
  SetSizer(sizer);
}

std::size_t ReferralsPage::OpenCount() const {
  return static_cast<std::size_t>(std::count_if(m_referrals.begin(), m_referrals.end(), IsOpenReferral));
}

void ReferralsPage::Status(const wxString& text, bool error) {
  m_statusLine->SetForegroundColour(error ? kOverdueText : GetForegroundColour());
  ShowStatus(text);
  m_statusLine->SetToolTip(text);
}

void ReferralsPage::Reload() {
  BeginLoad();
  const auto subject = m_subject;
  Load<std::vector<dal::Referral>>(
      [subject](dal::pg::PgDatabase& db) {
        dal::ReferralFilter filter;
        filter.caseId = subject.caseId;
        filter.alertId = subject.alertId;
        return db.Referrals().List(filter);
      },
      [this](std::vector<dal::Referral> rows) {
        m_referrals = std::move(rows);
        Fill();
      });
}

void ReferralsPage::Fill() {
  m_list->DeleteAllItems();
  for (const auto& r : m_referrals) {
    const long row = AddReportRow(m_list, {Wx(r.departmentName), HelpKindLabel(r.kind), Wx(r.request),
                                           ReferralStateText(r), ReferralDueText(r), ReferralAnswerText(r)});
    MarkReferralRow(m_list, row, r);
  }
  Status(m_referrals.empty() ? _("No referral yet.")
                             : wxString::Format(_("%zu referrals, %zu waiting for an answer."), m_referrals.size(),
                                                OpenCount()),
         false);
}

bool ReferralsPage::OffersReferral() const {
  return m_context.GetSession().May(model::StaffOperation::ReferHouseholds) && m_target && m_target().has_value();
}

bool ReferralsPage::OffersHelpClose() const {
  return m_context.GetSession().May(model::StaffOperation::CloseHelp) && !m_closing && !IsLoading();
}

void ReferralsPage::Refer() {
  if (!OffersReferral()) return;
  const auto target = m_target();
  ReferralDialog dialog(this, Worker(), *target);
  m_runDialog(dialog);
  if (!dialog.ReferralIds().empty()) {
    Reload();
    if (m_changed) m_changed();
  }
}

void ReferralsPage::CloseHelp() {
  if (!OffersHelpClose()) return;
  m_closing = true;
  Status(_("Saving..."), false);
  const auto subject = m_subject;
  Worker().Run<bool>(
      this,
      [subject](dal::pg::PgDatabase& db) {
        db.Referrals().CloseHelp(subject.caseId, subject.alertId);
        return true;
      },
      [this](bool) {
        m_closing = false;
        m_helpClosed = true;
        Status(_("Help closed: every referral has its answer."), false);
        if (m_changed) m_changed();
      },
      [this](const JobFailure& failure) {
        m_closing = false;
        Status(failure.message, true);
      });
}

void ReferralsPage::PrintSlip(long row) {
  if (row >= 0 && static_cast<std::size_t>(row) < m_referrals.size()) {
    m_slips.Print(m_referrals[static_cast<std::size_t>(row)].id);
  }
}

}  // namespace doudi::gui
