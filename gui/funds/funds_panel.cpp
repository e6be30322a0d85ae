#include "funds/funds_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/session.h"
#include "common/context.h"
#include "common/report_list.h"
#include "common/section.h"
#include "common/wx_text.h"
#include "doudi/model/help.h"
#include "funds/fund_forms.h"

namespace doudi::gui {
namespace {

// A fund's movements: its top-ups and its grants, newest first.
struct FundMovements {
  std::vector<dal::FundTopUp> topUps;
  std::vector<dal::FundGrant> grants;
};

}  // namespace

Section FundsPanel::Describe() {
  return Section{[] { return _("Charity funds"); },
                 [](const Session& session) { return session.May(model::StaffOperation::TopUpFund); },
                 [](wxWindow* parent, Context& context) { return new FundsPanel(parent, context); }};
}

FundsPanel::FundsPanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().cases), m_context(context) {
  m_list = MakeReportList(this, "funds",
                          {{_("Fund"), 230},
                           {_("Donor"), 150},
                           {_("Area"), 80},
                           {_("Kind"), 50},
                           {_("First amount"), 110},
                           {_("Topped up"), 110},
                           {_("Granted"), 110},
                           {_("Left"), 110}});
  m_movements = MakeReportList(this, "fund_movements",
                               {{_("Date"), 90},
                                {_("Movement"), 90},
                                {_("Amount"), 110},
                                {_("Household"), 160},
                                {_("Village"), 130},
                                {_("Through"), 200}});
  auto* status = MakeStatusLine();
  auto* add = new wxButton(this, wxID_ANY, _("Add a fund..."));
  add->SetName("add_fund");
  auto* topUp = new wxButton(this, wxID_ANY, _("Top up..."));
  topUp->SetName("top_up");
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(status, wxSizerFlags(1).CenterVertical());
  bar->Add(add, wxSizerFlags().Border(wxLEFT, 8));
  bar->Add(topUp, wxSizerFlags().Border(wxLEFT, 8));
  bar->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 6));
  top->Add(new wxStaticText(this, wxID_ANY, _("The chosen fund's top-ups and what was granted from it:")),
           wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, 6));
  top->Add(m_movements, wxSizerFlags(1).Expand().Border(wxALL, 6));
  SetSizer(top);

  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddFund(); });
  add->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
    e.Enable(m_context.GetSession().May(model::StaffOperation::AddCharityFund));
  });
  topUp->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TopUpChosen(); });
  topUp->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_list->GetSelectedItemCount() > 0); });
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { ShowFund(e.GetIndex()); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { TopUpChosen(); });
  Reload();
}

void FundsPanel::Reload() {
  BeginLoad(_("Loading the funds..."));
  Load<std::vector<dal::FundBalance>>([](dal::pg::PgDatabase& db) { return db.Help().Funds(""); },
                                      [this](std::vector<dal::FundBalance> funds) {
                                        m_funds = std::move(funds);
                                        Fill();
                                      });
}

void FundsPanel::Fill() {
  m_list->DeleteAllItems();
  long shown = -1;
  for (const auto& f : m_funds) {
    const long row =
        AddReportRow(m_list, {Wx(f.fund.name), Wx(f.fund.donor), Wx(f.fund.regionPrefix), CodeLabel<model::FundKind>(f.fund.kind),
                              Yuan(f.fund.amount), Yuan(f.toppedUp), Yuan(f.granted), Yuan(f.fund.left)});
    if (f.fund.code == m_shown) shown = row;
  }
  ShowStatus(wxString::Format(_("%zu funds"), m_funds.size()));
  if (shown < 0 && !m_funds.empty()) shown = 0;
  if (shown >= 0) m_list->SetItemState(shown, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

void FundsPanel::ShowFund(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_funds.size()) return;
  const std::string code = m_funds[static_cast<std::size_t>(row)].fund.code;
  m_shown = code;
  Load<FundMovements>(
      [code](dal::pg::PgDatabase& db) {
        return FundMovements{db.Help().TopUps(code), db.Help().Grants(code)};
      },
      [this, code](FundMovements movements) {
        if (code != m_shown) return;
        m_movements->DeleteAllItems();
        for (const auto& t : movements.topUps) {
          AddReportRow(m_movements,
                       {Wx(t.receivedOn), _("Top-up"), Yuan(t.amount), wxEmptyString, wxEmptyString, Wx(t.source)});
        }
        for (const auto& g : movements.grants) {
          wxString through = g.source == "case"
                                 ? wxString::Format(_("Case %lld"), static_cast<long long>(g.caseId.value_or(0)))
                                 : wxString::Format(_("Help record %lld"), static_cast<long long>(g.id));
          if (!g.inForce) through += _(" (corrected, not counted)");
          AddReportRow(m_movements,
                       {Wx(g.grantedOn), _("Grant"), Yuan(g.amount),
                        wxString::Format("%s (%lld)", Wx(g.headName), static_cast<long long>(g.householdId)),
                        Wx(g.regionName), through});
        }
      });
}

void FundsPanel::AddFund() {
  AddFundDialog dialog(this, m_context.GetSession().identity.regionScope);
  if (m_runDialog(dialog) != wxID_OK) return;
  const dal::CharityFund fund = dialog.Fund();
  m_shown = fund.code;
  RunWrite(
      "fund:" + fund.code, [fund](dal::pg::PgDatabase& db, const std::string&) { db.Cases().AddFund(fund); },
      wxString::Format(_("The fund %s is added."), Wx(fund.name)));
}

void FundsPanel::TopUpChosen() {
  const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0 || static_cast<std::size_t>(row) >= m_funds.size()) return;
  const dal::FundBalance fund = m_funds[static_cast<std::size_t>(row)];
  TopUpDialog dialog(this, fund);
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto amount = dialog.Amount();
  const auto source = dialog.Source();
  const auto on = dialog.ReceivedOn();
  const auto code = fund.fund.code;
  m_shown = code;
  RunWrite(
      "top-up:" + code + ":" + std::to_string(amount.Fen()) + ":" + source + ":" + on,
      [code, amount, source, on](dal::pg::PgDatabase& db, const std::string& requestId) {
        db.Help().TopUp(code, amount, source, on, requestId);
      },
      wxString::Format(_("%s yuan received by %s."), Wx(amount.ToDisplayString()), Wx(fund.fund.name)));
}

void FundsPanel::RunWrite(const std::string& what, RequestedWrite::Write write, const wxString& done) {
  ShowStatus(_("Saving..."));
  m_write.Run(
      Worker(), this, what, std::move(write),
      {done, done,
       _("Not confirmed: %s Try again when the connection is back (what did arrive is not recorded "
         "twice).")},
      [this](bool wrote) {
        if (wrote) Reload();
      },
      [this](const wxString& text, bool) { ShowStatus(text); });
}

}  // namespace doudi::gui
