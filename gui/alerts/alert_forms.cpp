#include "alerts/alert_forms.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "alerts/alert_text.h"
#include "cases/case_text.h"
#include "common/wx_text.h"
#include "doudi/model/alert_state.h"
#include "doudi/model/text.h"

namespace doudi::gui {
namespace {

wxChoice* Choice(wxWindow* parent, const char* name) {
  auto* choice = new wxChoice(parent, wxID_ANY);
  choice->SetName(name);
  return choice;
}

wxTextCtrl* Notes(wxWindow* parent, const char* name) {
  auto* text = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(420, 100), wxTE_MULTILINE);
  text->SetName(name);
  return text;
}

// A choice of an enumeration's values, in the model's order and words.
template <typename E>
wxChoice* EnumChoice(wxWindow* parent, const char* name) {
  auto* choice = Choice(parent, name);
  for (const auto& text : model::EnumTexts<E>()) choice->Append(Wx(text.chinese));
  choice->SetSelection(0);
  return choice;
}

template <typename E>
std::string Selected(const wxChoice* choice) {
  const auto texts = model::EnumTexts<E>();
  const int index = choice->GetSelection();
  return index >= 0 && static_cast<std::size_t>(index) < texts.size()
             ? std::string(texts[static_cast<std::size_t>(index)].code)
             : std::string();
}

}  // namespace

CheckDialog::CheckDialog(wxWindow* parent) : FormDialog(parent, _("Record a check")) {
  m_method = EnumChoice<model::AlertCheckMethod>(Body(), "method");
  AddField(_("Method:"), m_method);
  m_findings = Notes(Body(), "findings");
  m_findingsMessage = AddField(_("Findings:"), m_findings, 1);
  FinishLayout(_("Record the check"), [this] { Accept(); });
  m_findings->SetFocus();
}

std::string CheckDialog::Method() const { return Selected<model::AlertCheckMethod>(m_method); }
std::string CheckDialog::Findings() const { return TrimmedUtf8(m_findings->GetValue()); }

void CheckDialog::Accept() {
  const auto findings = Findings();
  if (findings.empty()) {
    ShowMessage(m_findingsMessage, _("Write down what the check found."));
    return;
  }
  if (model::CountUtf8CodePoints(findings).value_or(0) > kMaxFindings) {
    ShowMessage(m_findingsMessage, wxString::Format(_("At most %zu characters."), kMaxFindings));
    return;
  }
  Finish(wxID_OK);
}

CloseDialog::CloseDialog(wxWindow* parent, std::vector<dal::CaseSummary> cases, OpenApplication openApplication)
    : FormDialog(parent, _("Close the alert")), m_openApplication(std::move(openApplication)) {
  m_outcome = EnumChoice<model::AlertOutcome>(Body(), "outcome");
  AddField(_("Outcome:"), m_outcome);

  auto* row = new wxPanel(Body());
  m_case = Choice(row, "case");
  m_case->SetMinSize(wxSize(300, -1));
  m_newApplication = new wxButton(row, wxID_ANY, _("Open a new application..."));
  m_newApplication->SetName("new_application");
  m_newApplication->Enable(static_cast<bool>(m_openApplication));
  auto* line = new wxBoxSizer(wxHORIZONTAL);
  line->Add(m_case, wxSizerFlags(1).CenterVertical());
  line->Add(m_newApplication, wxSizerFlags().Border(wxLEFT, 6));
  row->SetSizer(line);
  m_caseMessage = AddField(_("Case:"), row);
  for (const auto& c : cases) {
    AddCase(c.id, wxString::Format(_("No. %lld  %s  %s"), static_cast<long long>(c.id), Wx(c.programName),
                                   StateLabel(c.state)));
  }
  if (!m_caseIds.empty()) m_case->SetSelection(0);

  // What the reason must hold for the outcome chosen.
  m_reasonHint = new wxStaticText(Body(), wxID_ANY, wxEmptyString);
  AddField(wxEmptyString, m_reasonHint);
  m_reason = Notes(Body(), "reason");
  m_reasonMessage = AddField(_("Reason:"), m_reason, 1);
  FinishLayout(_("Close"), [this] { Accept(); });
  m_outcome->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ShowOutcome(); });
  m_newApplication->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (const auto caseId = m_openApplication()) {
      AddCase(*caseId, wxString::Format(_("No. %lld  (opened now)"), static_cast<long long>(*caseId)));
      m_case->SetSelection(static_cast<int>(m_caseIds.size() - 1));
      m_outcome->SetSelection(0);
      ShowOutcome();
    }
  });
  ShowOutcome();
}

void CloseDialog::AddCase(std::int64_t caseId, const wxString& label) {
  m_case->Append(label);
  m_caseIds.push_back(caseId);
}

model::AlertOutcome CloseDialog::Chosen() const {
  return static_cast<model::AlertOutcome>(std::max(0, m_outcome->GetSelection()));
}

void CloseDialog::ShowOutcome() {
  const bool caseOpened = !model::OutcomeNeedsReason(Chosen());
  m_case->Enable(caseOpened);
  m_newApplication->Enable(caseOpened && static_cast<bool>(m_openApplication));
  m_reasonHint->SetLabel(Chosen() == model::AlertOutcome::Referred ? _("Required: to whom it is referred, and why.")
                         : caseOpened            ? _("Optional: a note on the case opened.")
                                                 : _("Required: why the alert needs nothing more."));
  ShowMessage(m_caseMessage, caseOpened && m_caseIds.empty()
                                 ? (m_openApplication ? _("The household has no case yet: open an application.")
                                                      : _("The person is in no household: register the household "
                                                          "first, then open an application."))
                                 : wxString());
  Layout();
}

std::string CloseDialog::Outcome() const { return Selected<model::AlertOutcome>(m_outcome); }
std::string CloseDialog::Reason() const { return TrimmedUtf8(m_reason->GetValue()); }

std::optional<std::int64_t> CloseDialog::CaseId() const {
  const int index = m_case->GetSelection();
  if (model::OutcomeNeedsReason(Chosen()) || index < 0 || static_cast<std::size_t>(index) >= m_caseIds.size()) {
    return std::nullopt;
  }
  return m_caseIds[static_cast<std::size_t>(index)];
}

void CloseDialog::Accept() {
  const bool caseOpened = !model::OutcomeNeedsReason(Chosen());
  const bool caseGood = !caseOpened || CaseId().has_value();
  const bool reasonGood = caseOpened || !Reason().empty();
  ShowMessage(m_caseMessage, caseGood ? wxString() : _("Choose the case opened for the household, or open one."));
  ShowMessage(m_reasonMessage,
              reasonGood ? wxString()
                         : (Chosen() == model::AlertOutcome::Referred ? _("Say to whom the alert is referred, and why.")
                                                    : _("State the reason: it is kept with the alert.")));
  if (caseGood && reasonGood) Finish(wxID_OK);
}

}  // namespace doudi::gui
