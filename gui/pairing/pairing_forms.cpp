#include "pairing/pairing_forms.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/session.h"
#include "common/wx_text.h"
#include "doudi/model/text.h"
#include "doudi/workstation/pairing_levels.h"

namespace doudi::gui {
namespace {

wxTextCtrl* Text(wxWindow* parent, const char* name, long style = 0, wxSize size = wxDefaultSize) {
  auto* text = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, size, style);
  text->SetName(name);
  return text;
}

wxTextCtrl* DateText(wxWindow* parent, const char* name) {
  auto* text = Text(parent, name, 0, wxSize(140, -1));
  text->SetHint(_("YYYY-MM-DD, empty: today"));
  return text;
}

// The message for a typed date, "" when it is good.
wxString DateProblem(const std::string& date) {
  switch (workstation::CheckPairingDate(date, Today())) {
    case workstation::PairingDateProblem::Malformed:
      return _("Type the date as YYYY-MM-DD.");
    case workstation::PairingDateProblem::Future:
      return _("The date cannot be after today.");
    case workstation::PairingDateProblem::None:
      break;
  }
  return {};
}

bool TooLong(const std::string& text, std::size_t limit) {
  return model::CountUtf8CodePoints(text).value_or(0) > limit;
}

}  // namespace

EnrollDialog::EnrollDialog(wxWindow* parent) : FormDialog(parent, _("Take a household into pairing")) {
  m_household = Text(Body(), "household");
  m_household->SetHint(_("the household's number"));
  m_householdMessage = AddField(_("Household No.:"), m_household);
  m_since = DateText(Body(), "since");
  m_sinceMessage = AddField(_("In pairing from:"), m_since);
  FinishLayout(_("Take into pairing"), [this] { Accept(); });
  m_household->SetFocus();
}

std::int64_t EnrollDialog::HouseholdId() const {
  const auto text = TrimmedUtf8(m_household->GetValue());
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoll(text);
}

std::string EnrollDialog::Since() const { return TrimmedUtf8(m_since->GetValue()); }

void EnrollDialog::Accept() {
  const bool household = HouseholdId() > 0;
  const wxString date = DateProblem(Since());
  ShowMessage(m_householdMessage, household ? wxString() : _("Type the household's number (as the registry shows it)."));
  ShowMessage(m_sinceMessage, date);
  if (household && date.empty()) Finish(wxID_OK);
}

AssignDialog::AssignDialog(wxWindow* parent, const wxString& household, model::PairingLevel level,
                           std::vector<dal::PairingCandidate> candidates)
    : FormDialog(parent, wxString::Format(_("Responsible person: %s"), Wx(model::ToChinese(level)))),
      m_candidates(std::move(candidates)) {
  AddField(_("Household:"), new wxStaticText(Body(), wxID_ANY, household));
  m_candidate = new wxChoice(Body(), wxID_ANY);
  m_candidate->SetName("candidate");
  m_candidate->SetMinSize(wxSize(320, -1));
  for (const auto& c : m_candidates) {
    m_candidate->Append(c.detail.empty() ? Wx(c.name) : Wx(c.name) + wxS("  (") + Wx(c.detail) + wxS(")"));
  }
  if (!m_candidates.empty()) m_candidate->SetSelection(0);
  m_candidateMessage = AddField(_("Responsible person:"), m_candidate);
  if (m_candidates.empty()) {
    ShowMessage(m_candidateMessage,
                model::PairingLevelNamesContact(level)
                    ? _("The county has no contact of this kind yet: the center's administrator adds them "
                        "(doudi-admin pairing contact add).")
                    : _("No Doudi user of this level covers the household."));
  }
  m_since = DateText(Body(), "since");
  m_sinceMessage = AddField(_("Responsible from:"), m_since);
  FinishLayout(_("Name"), [this] { Accept(); });
}

std::optional<dal::PairingCandidate> AssignDialog::Chosen() const {
  const int index = m_candidate->GetSelection();
  if (index < 0 || static_cast<std::size_t>(index) >= m_candidates.size()) return std::nullopt;
  return m_candidates[static_cast<std::size_t>(index)];
}

std::string AssignDialog::Since() const { return TrimmedUtf8(m_since->GetValue()); }

void AssignDialog::Accept() {
  const bool chosen = Chosen().has_value();
  const wxString date = DateProblem(Since());
  if (!chosen) ShowMessage(m_candidateMessage, _("Choose the responsible person."));
  ShowMessage(m_sinceMessage, date);
  if (chosen && date.empty()) Finish(wxID_OK);
}

VisitDialog::VisitDialog(wxWindow* parent, const wxString& household, model::PairingLevel level)
    : FormDialog(parent, _("Log a visit")) {
  AddField(_("Household:"), new wxStaticText(Body(), wxID_ANY, household));
  m_level = new wxChoice(Body(), wxID_ANY);
  m_level->SetName("level");
  for (const auto& text : model::EnumTexts<model::PairingLevel>()) m_level->Append(Wx(text.chinese));
  m_level->SetSelection(static_cast<int>(level));
  AddField(_("Visitor's level:"), m_level);
  m_visitedOn = DateText(Body(), "visited_on");
  m_dateMessage = AddField(_("Visited on:"), m_visitedOn);
  m_visitor = Text(Body(), "visitor");
  m_visitor->SetHint(_("empty: the person responsible at this level"));
  m_visitorMessage = AddField(_("Visitor:"), m_visitor);
  m_found = Text(Body(), "found", wxTE_MULTILINE, wxSize(420, 100));
  m_foundMessage = AddField(_("What was found:"), m_found, 1);
  m_nextStep = Text(Body(), "next_step", wxTE_MULTILINE, wxSize(420, 60));
  m_nextStepMessage = AddField(_("Next step:"), m_nextStep);
  FinishLayout(_("Log the visit"), [this] { Accept(); });
  m_found->SetFocus();
}

dal::PairingVisitInput VisitDialog::Visit() const {
  dal::PairingVisitInput v;
  const auto levels = model::EnumTexts<model::PairingLevel>();
  v.level = std::string(levels[static_cast<std::size_t>(std::max(0, m_level->GetSelection()))].code);
  v.visitedOn = TrimmedUtf8(m_visitedOn->GetValue());
  v.visitor = TrimmedUtf8(m_visitor->GetValue());
  v.found = TrimmedUtf8(m_found->GetValue());
  v.nextStep = TrimmedUtf8(m_nextStep->GetValue());
  return v;
}

void VisitDialog::Accept() {
  const auto v = Visit();
  const wxString date = DateProblem(v.visitedOn);
  const wxString visitor = TooLong(v.visitor, kMaxVisitor) ? wxString::Format(_("At most %zu characters."), kMaxVisitor)
                                                           : wxString();
  const wxString found = v.found.empty() ? _("Write down what the visit found.")
                         : TooLong(v.found, kMaxFound) ? wxString::Format(_("At most %zu characters."), kMaxFound)
                                                       : wxString();
  const wxString next = TooLong(v.nextStep, kMaxNextStep)
                            ? wxString::Format(_("At most %zu characters."), kMaxNextStep)
                            : wxString();
  ShowMessage(m_dateMessage, date);
  ShowMessage(m_visitorMessage, visitor);
  ShowMessage(m_foundMessage, found);
  ShowMessage(m_nextStepMessage, next);
  if (date.empty() && visitor.empty() && found.empty() && next.empty()) Finish(wxID_OK);
}

}  // namespace doudi::gui
