#include "funds/household_help.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/session.h"
#include "common/context.h"
#include "common/report_list.h"
#include "common/wx_text.h"
#include "doudi/model/help.h"
#include "funds/fund_forms.h"
#include "referrals/referral_text.h"

namespace doudi::gui {
namespace {

const wxColour kLit(0xC8, 0xE6, 0xC9);  // a term something counts under
const wxColour kUnlit(0xEE, 0xEE, 0xEE);

}  // namespace

struct HouseholdHelpPanel::Reading {
  std::vector<dal::SupportTermCount> summary;
  std::vector<dal::HelpRecord> records;
  std::vector<dal::FundBalance> funds;
};

HouseholdHelpPanel::HouseholdHelpPanel(wxWindow* parent, Context& context, std::int64_t householdId,
                                       HouseholdReader household)
    : AsyncListPanel(parent, context.GetWorkers().cases),
      m_context(context),
      m_householdId(householdId),
      m_household(std::move(household)) {
  auto* boxes = new wxGridSizer(2, 4, 6, 6);
  for (const auto& t : model::EnumTexts<model::SupportTerm>()) {
    auto* box = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE);
    box->SetName(Wx("box_" + std::string(t.code)));
    box->SetBackgroundColour(kUnlit);
    auto* name = new wxStaticText(box, wxID_ANY, Wx(t.chinese));
    name->SetFont(name->GetFont().Bold().Larger());
    auto* count = new wxStaticText(box, wxID_ANY, wxEmptyString);
    auto* inside = new wxBoxSizer(wxVERTICAL);
    inside->Add(name, wxSizerFlags().Center().Border(wxTOP | wxLEFT | wxRIGHT, 8));
    inside->Add(count, wxSizerFlags().Center().Border(wxALL, 6));
    box->SetSizer(inside);
    boxes->Add(box, wxSizerFlags().Expand());
    m_boxWindows.push_back(box);
    m_boxCounts.push_back(count);
  }
  m_list = MakeReportList(this, "help_records",
                          {{_("Date"), 90},
                           {_("Kind"), 110},
                           {_("Giver"), 200},
                           {_("Amount"), 100},
                           {_("Terms"), 150},
                           {_("For"), 70},
                           {_("What was given"), 240},
                           {_("Note"), 160}});
  auto* status = MakeStatusLine();
  auto* add = new wxButton(this, wxID_ANY, _("Record help..."));
  add->SetName("record_help");
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(status, wxSizerFlags(1).CenterVertical());
  bar->Add(add, wxSizerFlags().Border(wxLEFT, 8));
  bar->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(new wxStaticText(this, wxID_ANY,
                            _("The four helps and four supports at a glance (help records + programs under each "
                              "term)")),
           wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, 6));
  top->Add(boxes, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(bar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 6));
  top->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, 6));
  SetSizer(top);
  add->Show(MayRecord());
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddHelp(); });
  add->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_loaded); });
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
}

bool HouseholdHelpPanel::MayRecord() const {
  return m_context.GetSession().May(model::StaffOperation::RecordHelp);
}

wxWindow* HouseholdHelpPanel::Box(const std::string& term) const {
  for (wxWindow* box : m_boxWindows) {
    if (box->GetName() == Wx("box_" + term)) return box;
  }
  return nullptr;
}

void HouseholdHelpPanel::Reload() {
  BeginLoad(_("Loading the help..."));
  const auto id = m_householdId;
  const auto region = m_household().regionCode;
  const bool funds = MayRecord();
  Load<Reading>(
      [id, region, funds](dal::pg::PgDatabase& db) {
        Reading reading{db.Help().Summary(id), db.Help().ForHousehold(id), {}};
        if (funds) reading.funds = workstation::FundsFor(db.Help().Funds(region), region);
        return reading;
      },
      [this](Reading reading) { Show(std::move(reading)); });
}

void HouseholdHelpPanel::Show(Reading loaded) {
  m_loaded = true;
  m_boxes = workstation::SupportBoxes(loaded.summary);
  m_records = std::move(loaded.records);
  m_funds = std::move(loaded.funds);
  for (std::size_t i = 0; i < m_boxes.size() && i < m_boxWindows.size(); ++i) {
    const auto& box = m_boxes[i];
    m_boxWindows[i]->SetBackgroundColour(box.Lit() ? kLit : kUnlit);
    m_boxCounts[i]->SetLabel(
        box.Lit() ? wxString::Format(_("%d (help %d, programs %d)"), box.Count(), box.helps, box.programs) : _("none"));
    m_boxWindows[i]->Layout();
    m_boxWindows[i]->Refresh();
  }
  m_list->DeleteAllItems();
  for (const auto& h : m_records) {
    wxString giver = CodeLabel<model::HelpGiverKind>(h.entry.giverKind) + wxString(wxUniChar(0x00B7)) + Wx(h.entry.giver);
    wxString note;
    if (h.onBehalf) note += _("recorded by the center for the department");
    if (h.referralId)
      note += (note.empty() ? "" : "; ") + wxString::Format(_("referral %lld"), static_cast<long long>(*h.referralId));
    if (h.correctsId)
      note += (note.empty() ? "" : "; ") + wxString::Format(_("corrects %lld"), static_cast<long long>(*h.correctsId));
    if (h.correctedById) {
      note += (note.empty() ? "" : "; ") +
              wxString::Format(_("corrected by %lld, not counted"), static_cast<long long>(*h.correctedById));
    }
    const long row = AddReportRow(m_list, {Wx(h.entry.givenOn), CodeLabel<model::HelpKind>(h.entry.kind), giver,
                                           h.entry.amount ? Yuan(*h.entry.amount) : wxString(),
                                           h.entry.terms.empty() ? _("(by kind)") : SupportTermsText(h.entry.terms),
                                           Wx(h.personName), Wx(h.entry.description), note});
    if (h.correctedById) m_list->SetItemTextColour(row, *wxLIGHT_GREY);
  }
  ShowStatus(wxString::Format(_("%zu help records"), m_records.size()));
  Layout();
}

void HouseholdHelpPanel::AddHelp() {
  if (!MayRecord() || !m_loaded) return;
  HelpDialog dialog(this, m_household().name, m_funds);
  if (m_runDialog(dialog) != wxID_OK) return;
  const dal::HelpEntry entry = dialog.Entry();
  const auto id = m_householdId;
  ShowStatus(_("Saving..."));
  const wxString done = _("The help is recorded.");
  m_write.Run(
      Worker(), this,
      "help:" + entry.kind + ":" + entry.giverKind + ":" + entry.giver + entry.fundCode + ":" + entry.givenOn + ":" +
          std::to_string(entry.amount ? entry.amount->Fen() : 0) + ":" + entry.description,
      [id, entry](dal::pg::PgDatabase& db, const std::string& requestId) { db.Help().Add(id, entry, requestId); },
      {done, done,
       _("Not confirmed: %s Try again when the connection is back (help that did arrive is not recorded "
         "twice).")},
      [this](bool wrote) {
        if (wrote) Reload();
      },
      [this](const wxString& text, bool) { ShowStatus(text); });
}

}  // namespace doudi::gui
