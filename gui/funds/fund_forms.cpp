#include "funds/fund_forms.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/session.h"
#include "common/wx_text.h"
#include "doudi/model/help.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/region_code.h"
#include "doudi/model/text.h"
#include "doudi/workstation/help_entry.h"

namespace doudi::gui {
namespace {

wxTextCtrl* Text(wxWindow* parent, const char* name, const wxString& value = wxEmptyString, long style = 0) {
  auto* text = new wxTextCtrl(parent, wxID_ANY, value, wxDefaultPosition,
                              style & wxTE_MULTILINE ? wxSize(380, 70) : wxDefaultSize, style);
  text->SetName(name);
  return text;
}

template <typename E>
wxChoice* EnumChoice(wxWindow* parent, const char* name, const std::vector<E>& values) {
  auto* choice = new wxChoice(parent, wxID_ANY);
  choice->SetName(name);
  for (const E value : values) choice->Append(Wx(model::ToChinese(value)));
  choice->SetSelection(0);
  return choice;
}

template <typename E>
std::vector<E> AllOf() {
  std::vector<E> values;
  for (const auto& t : model::EnumTexts<E>()) values.push_back(t.value);
  return values;
}

// What a help field's problem says (workstation::HelpInputProblem).
wxString HelpProblemText(const std::string& problem) {
  if (problem == "required") return _("Required.");
  if (problem == "bad_amount") return _("An amount in yuan, more than 0, e.g. 1200.50.");
  if (problem == "too_large") return _("At most 1,000,000 yuan.");
  if (problem == "bad_date") return _("A date YYYY-MM-DD.");
  if (problem == "future_date") return _("Not after today.");
  if (problem == "too_long") return _("Too long.");
  if (problem == "amount_or_description") return _("Give the value or describe what was given.");
  return _("Not valid.");
}

}  // namespace

TopUpDialog::TopUpDialog(wxWindow* parent, const dal::FundBalance& fund)
    : FormDialog(parent, wxString::Format(_("Top up %s"), Wx(fund.fund.name))) {
  AddField(_("Left now:"), new wxStaticText(Body(), wxID_ANY, Yuan(fund.fund.left)));
  m_amountText = Text(Body(), "amount");
  m_amountMessage = AddField(_("Amount (yuan):"), m_amountText);
  m_source = Text(Body(), "source");
  m_source->SetHint(_("e.g. a donation of an enterprise"));
  m_sourceMessage = AddField(_("Source:"), m_source);
  m_date = Text(Body(), "received_on", Wx(model::IsoDate(Today())));
  m_dateMessage = AddField(_("Received on:"), m_date);
  FinishLayout(_("Record the top-up"), [this] { Accept(); });
  m_amountText->SetFocus();
}

std::string TopUpDialog::Source() const {
  return TrimmedUtf8(m_source->GetValue());
}
std::string TopUpDialog::ReceivedOn() const {
  return TrimmedUtf8(m_date->GetValue());
}

void TopUpDialog::Accept() {
  bool good = true;
  const auto amount = model::Money::ParseYuan(TrimmedUtf8(m_amountText->GetValue()));
  ShowMessage(m_amountMessage, wxEmptyString);
  ShowMessage(m_sourceMessage, wxEmptyString);
  ShowMessage(m_dateMessage, wxEmptyString);
  if (!amount || amount->Fen() <= 0) {
    ShowMessage(m_amountMessage, HelpProblemText("bad_amount"));
    good = false;
  } else {
    m_amount = *amount;
  }
  if (Source().empty() || model::CountUtf8CodePoints(Source()).value_or(101) > 100) {
    ShowMessage(m_sourceMessage, _("Where the money came from, at most 100 characters."));
    good = false;
  }
  const auto date = model::ParseIsoDate(ReceivedOn());
  if (!date || *date > Today()) {
    ShowMessage(m_dateMessage, HelpProblemText(date ? "future_date" : "bad_date"));
    good = false;
  }
  if (good) Finish(wxID_OK);
}

AddFundDialog::AddFundDialog(wxWindow* parent, const std::string& regionPrefix)
    : FormDialog(parent, _("Add a charity fund")) {
  const auto field = [this](const char* name, const wxString& label, const wxString& value = wxEmptyString) {
    m_texts[name] = Text(Body(), name, value);
    m_messages[name] = AddField(label, m_texts[name]);
  };
  field("code", _("Code (a-z, 0-9, _):"));
  field("name", _("Name:"));
  field("donor", _("Donor:"));
  field("region", _("Area (region prefix):"), Wx(regionPrefix));
  m_kind = EnumChoice(Body(), "kind", AllOf<model::FundKind>());
  AddField(_("Kind:"), m_kind);
  field("amount", _("First amount (yuan):"));
  FinishLayout(_("Add the fund"), [this] { Accept(); });
  m_texts["code"]->SetFocus();
}

void AddFundDialog::Accept() {
  for (auto& [name, line] : m_messages) ShowMessage(line, wxEmptyString);
  const auto value = [this](const char* name) { return TrimmedUtf8(m_texts[name]->GetValue()); };
  bool good = true;
  const auto refuse = [&](const char* name, const wxString& why) {
    ShowMessage(m_messages[name], why);
    good = false;
  };
  m_fund.code = value("code");
  const bool codeGood = !m_fund.code.empty() && m_fund.code.size() <= 40 && m_fund.code[0] >= 'a' &&
                        m_fund.code[0] <= 'z' &&
                        m_fund.code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
  if (!codeGood) refuse("code", _("Lowercase letters, digits or _, starting with a letter."));
  m_fund.name = value("name");
  if (m_fund.name.empty()) refuse("name", HelpProblemText("required"));
  m_fund.donor = value("donor");
  if (m_fund.donor.empty()) refuse("donor", HelpProblemText("required"));
  m_fund.regionPrefix = value("region");
  const std::size_t length = m_fund.regionPrefix.size();
  if (!model::IsAsciiDigits(m_fund.regionPrefix) ||
      (length != 2 && length != 4 && length != 6 && length != 9 && length != 12)) {
    refuse("region", _("A region prefix of 2, 4, 6, 9 or 12 digits."));
  }
  m_fund.kind = std::string(model::ToCode(AllOf<model::FundKind>()[static_cast<std::size_t>(m_kind->GetSelection())]));
  const auto amount = model::Money::ParseYuan(value("amount"));
  if (!amount || amount->Fen() <= 0) {
    refuse("amount", HelpProblemText("bad_amount"));
  } else {
    m_fund.amount = *amount;
  }
  if (good) Finish(wxID_OK);
}

HelpDialog::HelpDialog(wxWindow* parent, const wxString& household, std::vector<dal::FundBalance> funds)
    : FormDialog(parent, wxString::Format(_("Record help for %s"), household)), m_funds(std::move(funds)) {
  m_kind = EnumChoice(Body(), "kind", AllOf<model::HelpKind>());
  m_messages["kind"] = AddField(_("Kind of help:"), m_kind);
  std::vector<model::HelpGiverKind> givers;
  for (const auto& t : model::EnumTexts<model::HelpGiverKind>()) {
    if (t.value == model::HelpGiverKind::Department) continue;  // its feedback records it
    if (t.value == model::HelpGiverKind::Fund && m_funds.empty()) continue;
    givers.push_back(t.value);
    m_giverKinds.emplace_back(t.code);
  }
  m_giverKind = EnumChoice(Body(), "giver_kind", givers);
  m_messages["giverKind"] = AddField(_("Given by:"), m_giverKind);
  m_fund = new wxChoice(Body(), wxID_ANY);
  m_fund->SetName("fund");
  for (const auto& f : m_funds) {
    m_fund->Append(wxString::Format(_("%s (%s left)"), Wx(f.fund.name), Yuan(f.fund.left)));
  }
  if (!m_funds.empty()) m_fund->SetSelection(0);
  m_messages["fundCode"] = AddField(_("Fund:"), m_fund);
  m_giver = Text(Body(), "giver");
  m_giver->SetHint(_("the enterprise's, social worker's or giver's name"));
  m_messages["giver"] = AddField(_("Giver:"), m_giver);
  const auto text = [this](const char* name, const char* field, const wxString& label, long style = 0,
                           const wxString& value = wxEmptyString) {
    m_texts[field] = Text(Body(), name, value, style);
    m_messages[field] = AddField(label, m_texts[field], style & wxTE_MULTILINE ? 1 : 0);
  };
  text("amount", "amountYuan", _("Value (yuan):"));
  text("description", "description", _("What was given:"), wxTE_MULTILINE);
  text("given_by", "givenBy", _("The giver's person:"));
  text("given_on", "givenOn", _("Given on:"), 0, Wx(model::IsoDate(Today())));
  auto* terms = new wxGridSizer(4, wxSize(8, 4));
  for (const auto& t : model::EnumTexts<model::SupportTerm>()) {
    auto* box = new wxCheckBox(Body(), wxID_ANY, Wx(t.chinese));
    box->SetName(Wx("term_" + std::string(t.code)));
    m_terms[std::string(t.code)] = box;
    terms->Add(box);
  }
  auto* termsPanel = new wxBoxSizer(wxVERTICAL);
  termsPanel->Add(terms);
  termsPanel->Add(new wxStaticText(Body(), wxID_ANY, _("None ticked: the kind of help decides.")));
  Body()->GetSizer()->Add(new wxStaticText(Body(), wxID_ANY, _("Four helps and four supports:")),
                          wxSizerFlags().Border(wxTOP, 6));
  Body()->GetSizer()->Add(termsPanel, wxSizerFlags().Border(wxTOP, 6));
  FinishLayout(_("Record the help"), [this] { Accept(); });
  m_giverKind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ShowGiver(); });
  ShowGiver();
}

void HelpDialog::ShowGiver() {
  const bool byFund = m_giverKinds[static_cast<std::size_t>(m_giverKind->GetSelection())] == "fund";
  m_fund->Enable(byFund);
  m_giver->Enable(!byFund);
}

void HelpDialog::Accept() {
  for (auto& [name, line] : m_messages) ShowMessage(line, wxEmptyString);
  workstation::HelpInput input;
  input.kind = std::string(model::EnumTexts<model::HelpKind>()[static_cast<std::size_t>(m_kind->GetSelection())].code);
  input.giverKind = m_giverKinds[static_cast<std::size_t>(m_giverKind->GetSelection())];
  if (input.giverKind == "fund") {
    const int fund = m_fund->GetSelection();
    if (fund >= 0) input.fundCode = m_funds[static_cast<std::size_t>(fund)].fund.code;
  } else {
    input.giver = TrimmedUtf8(m_giver->GetValue());
  }
  input.amountYuan = TrimmedUtf8(m_texts["amountYuan"]->GetValue());
  input.description = TrimmedUtf8(m_texts["description"]->GetValue());
  input.givenBy = TrimmedUtf8(m_texts["givenBy"]->GetValue());
  input.givenOn = TrimmedUtf8(m_texts["givenOn"]->GetValue());
  for (const auto& [code, box] : m_terms) {
    if (box->GetValue()) input.terms.push_back(code);
  }
  auto checked = workstation::CheckHelpInput(input, Today());
  for (const auto& p : checked.problems) {
    const auto line = m_messages.find(p.field);
    if (line != m_messages.end()) ShowMessage(line->second, HelpProblemText(p.problem));
  }
  if (!checked.entry) return;
  m_entry = std::move(*checked.entry);
  Finish(wxID_OK);
}

}  // namespace doudi::gui
