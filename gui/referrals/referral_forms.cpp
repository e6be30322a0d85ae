#include "referrals/referral_forms.h"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "cases/case_text.h"
#include "common/wx_text.h"
#include "doudi/model/referral.h"

namespace doudi::gui {
namespace {

wxTextCtrl* Text(wxWindow* parent, const char* name, const wxString& value = {}, long style = 0,
                 wxSize size = wxDefaultSize) {
  auto* text = new wxTextCtrl(parent, wxID_ANY, value, wxDefaultPosition, size, style);
  text->SetName(name);
  return text;
}

}  // namespace

wxString AnswerProblemText(const workstation::AnswerProblem& problem) {
  using Why = workstation::AnswerProblem::Why;
  using Field = workstation::AnswerProblem::Field;
  switch (problem.why) {
    case Why::Missing:
      switch (problem.field) {
        case Field::Kind:
          return _("Choose the kind of help given.");
        case Field::GivenOn:
          return _("Type the date as YYYY-MM-DD.");
        case Field::GivenBy:
          return _("Name the department's person who gave the help.");
        case Field::Reason:
          return _("Say why the department declines this referral.");
        default:
          return _("Required.");
      }
    case Why::NotAnAmount:
      return _("Type the amount in yuan, e.g. 8600 or 8600.50.");
    case Why::NotPositive:
      return _("The amount must be more than zero.");
    case Why::AmountOrDescription:
      return _("Give an amount or describe the help given.");
    case Why::InTheFuture:
      return _("The date cannot be after today.");
    case Why::TooLong:
      return _("This text is too long.");
  }
  return {};
}

FeedbackDialog::FeedbackDialog(wxWindow* parent, const wxString& heading, bool onBehalf, const std::string& kind,
                               std::chrono::year_month_day today)
    : FormDialog(parent, onBehalf ? _("Feedback on the department's behalf") : _("Feedback")), m_today(today) {
  auto* what = new wxStaticText(Body(), wxID_ANY, heading);
  what->Wrap(FromDIP(460));
  AddField(_("Referral:"), what);
  m_kind = new wxChoice(Body(), wxID_ANY);
  m_kind->SetName("kind");
  for (const auto& text : model::EnumTexts<model::HelpKind>()) {
    m_kind->Append(Wx(text.chinese));
    if (text.code == kind) m_kind->SetSelection(static_cast<int>(m_kind->GetCount()) - 1);
  }
  m_kindMessage = AddField(_("Help given:"), m_kind);
  m_amount = Text(Body(), "amount");
  m_amount->SetHint(_("yuan, e.g. 8600.00"));
  m_amountMessage = AddField(_("Amount (yuan):"), m_amount);
  m_description = Text(Body(), "description", {}, wxTE_MULTILINE, wxSize(420, 70));
  m_descriptionMessage = AddField(_("What was given:"), m_description, 1);
  m_givenOn = Text(Body(), "given_on", Wx(IsoDate(today)));
  m_givenOnMessage = AddField(_("Given on:"), m_givenOn);
  m_givenBy = Text(Body(), "given_by");
  m_givenByMessage = AddField(_("Department's person:"), m_givenBy);
  m_terms = new wxCheckListBox(Body(), wxID_ANY);
  m_terms->SetName("terms");
  for (const auto& text : model::EnumTexts<model::SupportTerm>()) m_terms->Append(Wx(text.chinese));
  AddField(_("Four helps, four supports:"), m_terms);
  if (onBehalf) {
    AddField(wxEmptyString, new wxStaticText(Body(), wxID_ANY,
                                             _("Recorded by the center on the department's behalf: marked as such.")));
  }
  FinishLayout(_("Record the feedback"), [this] { Accept(); });
  m_amount->SetFocus();
}

void FeedbackDialog::Accept() {
  for (auto* line : {m_kindMessage, m_amountMessage, m_descriptionMessage, m_givenOnMessage, m_givenByMessage}) {
    ShowMessage(line, wxEmptyString);
  }
  workstation::FeedbackEntry entry;
  const auto kinds = model::EnumTexts<model::HelpKind>();
  if (const int k = m_kind->GetSelection(); k >= 0 && static_cast<std::size_t>(k) < kinds.size()) {
    entry.kind = std::string(kinds[static_cast<std::size_t>(k)].code);
  }
  entry.amountText = TrimmedUtf8(m_amount->GetValue());
  entry.description = TrimmedUtf8(m_description->GetValue());
  const auto givenOn = ParseIsoDate(TrimmedUtf8(m_givenOn->GetValue()));
  if (givenOn) entry.givenOn = *givenOn;
  entry.givenBy = TrimmedUtf8(m_givenBy->GetValue());
  const auto terms = model::EnumTexts<model::SupportTerm>();
  for (unsigned i = 0; i < m_terms->GetCount() && i < terms.size(); ++i) {
    if (m_terms->IsChecked(i)) entry.terms.emplace_back(terms[i].code);
  }
  const auto read = workstation::ReadFeedback(entry, m_today);
  if (const auto* problem = std::get_if<workstation::AnswerProblem>(&read)) {
    using Field = workstation::AnswerProblem::Field;
    wxStaticText* line = m_kindMessage;
    switch (problem->field) {
      case Field::Amount: line = m_amountMessage; break;
      case Field::Description: line = m_descriptionMessage; break;
      case Field::GivenOn: line = m_givenOnMessage; break;
      case Field::GivenBy: line = m_givenByMessage; break;
      default: break;
    }
    ShowMessage(line, AnswerProblemText(*problem));
    return;
  }
  m_feedback = std::get<workstation::Feedback>(read);
  Finish(wxID_OK);
}

DeclineDialog::DeclineDialog(wxWindow* parent, const wxString& heading) : FormDialog(parent, _("Decline the referral")) {
  auto* what = new wxStaticText(Body(), wxID_ANY, heading);
  what->Wrap(FromDIP(460));
  AddField(_("Referral:"), what);
  m_text = Text(Body(), "reason", {}, wxTE_MULTILINE, wxSize(420, 90));
  m_message = AddField(_("Reason:"), m_text, 1);
  FinishLayout(_("Decline"), [this] { Accept(); });
  m_text->SetFocus();
}

void DeclineDialog::Accept() {
  const auto read = workstation::ReadDeclineReason(TrimmedUtf8(m_text->GetValue()));
  if (const auto* problem = std::get_if<workstation::AnswerProblem>(&read)) {
    ShowMessage(m_message, AnswerProblemText(*problem));
    return;
  }
  m_reason = std::get<std::string>(read);
  Finish(wxID_OK);
}

}  // namespace doudi::gui
