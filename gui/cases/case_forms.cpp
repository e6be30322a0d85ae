#include "cases/case_forms.h"

#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "attachments/attachment_text.h"
#include "cases/case_text.h"
#include "common/wx_text.h"
#include "utf8_path.h"

namespace doudi::gui {
namespace {

wxTextCtrl* Text(wxWindow* parent, const char* name, const wxString& value = {}, bool multiline = false) {
  auto* text = new wxTextCtrl(parent, wxID_ANY, value, wxDefaultPosition,
                              multiline ? wxSize(420, 90) : wxSize(260, -1), multiline ? wxTE_MULTILINE : 0);
  text->SetName(name);
  return text;
}

}  // namespace

OpinionDialog::OpinionDialog(wxWindow* parent, const wxString& action, const wxString& fromState,
                             const wxString& toState, bool required)
    : FormDialog(parent, action), m_required(required) {
  auto* change = new wxStaticText(Body(), wxID_ANY, fromState + wxS("  →  ") + toState);
  AddField(_("Step:"), change);
  m_text = Text(Body(), "opinion", {}, true);
  m_message = AddField(required ? _("Opinion (required):") : _("Opinion:"), m_text, 1);
  FinishLayout(action, [this] { Accept(); });
  m_text->SetFocus();
}

std::string OpinionDialog::Opinion() const { return TrimmedUtf8(m_text->GetValue()); }

void OpinionDialog::Accept() {
  if (m_required && Opinion().empty()) {
    ShowMessage(m_message, _("This step needs an opinion: state the reasons."));
    return;
  }
  Finish(wxID_OK);
}

SurveyDialog::SurveyDialog(wxWindow* parent, std::chrono::year_month_day today)
    : FormDialog(parent, _("Home survey")), m_today(today) {
  auto* names = new wxBoxSizer(wxHORIZONTAL);
  auto* row = new wxPanel(Body());
  const char* controlNames[] = {"surveyor1", "surveyor2", "surveyor3"};
  for (int i = 0; i < 3; ++i) {
    m_surveyors[i] = Text(row, controlNames[i]);
    m_surveyors[i]->SetMinSize(wxSize(110, -1));
    names->Add(m_surveyors[i], wxSizerFlags(1).Border(wxRIGHT, i < 2 ? 6 : 0));
  }
  row->SetSizer(names);
  m_surveyorsMessage = AddField(_("Surveyors (two at least):"), row);
  m_date = Text(Body(), "surveyed_on", Wx(IsoDate(today)));
  m_dateMessage = AddField(_("Surveyed on (YYYY-MM-DD):"), m_date);
  m_findings = Text(Body(), "findings", {}, true);
  m_findingsMessage = AddField(_("Findings:"), m_findings, 1);
  m_present = Text(Body(), "members_present");
  m_presentMessage = AddField(_("Family members present:"), m_present);
  FinishLayout(_("Record the survey"), [this] { Accept(); });
}

dal::CaseSurvey SurveyDialog::Survey() const {
  dal::CaseSurvey survey;
  for (const auto* name : m_surveyors) {
    if (auto text = TrimmedUtf8(name->GetValue()); !text.empty()) survey.surveyors.push_back(std::move(text));
  }
  survey.surveyedOn = TrimmedUtf8(m_date->GetValue());
  survey.findings = TrimmedUtf8(m_findings->GetValue());
  survey.membersPresent = TrimmedUtf8(m_present->GetValue());
  return survey;
}

void SurveyDialog::Accept() {
  const auto survey = Survey();
  bool good = true;
  auto check = [&good](wxStaticText* line, bool ok, const wxString& message) {
    ShowMessage(line, ok ? wxString() : message);
    good = good && ok;
  };
  check(m_surveyorsMessage, survey.surveyors.size() >= 2, _("A home survey is made by two surveyors at least."));
  const auto date = ParseIsoDate(survey.surveyedOn);
  check(m_dateMessage, date.has_value(), _("Type the date as YYYY-MM-DD, e.g. 2026-03-05."));
  if (date) {
    check(m_dateMessage, std::chrono::sys_days(*date) <= std::chrono::sys_days(m_today),
          _("The survey cannot be dated in the future."));
  }
  check(m_findingsMessage, !survey.findings.empty(), _("Write down what the survey found."));
  check(m_presentMessage, !survey.membersPresent.empty(),
        _("Name the family members present: they sign the survey form."));
  if (good) Finish(wxID_OK);
}

EvidenceDialog::EvidenceDialog(wxWindow* parent, const std::string& kind, std::int64_t maxBytes)
    : FormDialog(parent, _("Add evidence")), m_maxBytes(maxBytes) {
  m_kind = new wxChoice(Body(), wxID_ANY);
  m_kind->SetName("kind");
  int selection = 0;
  int index = 0;
  for (const char* code : dal::kEvidenceKinds) {
    m_kind->Append(EvidenceKindLabel(code));
    if (kind == code) selection = index;
    ++index;
  }
  m_kind->SetSelection(selection);
  AddField(_("Kind:"), m_kind);
  m_title = Text(Body(), "title");
  m_titleMessage = AddField(_("Title:"), m_title);
  m_picker = new wxFilePickerCtrl(Body(), wxID_ANY, wxEmptyString, _("The scanned evidence"),
                                  _("PDF, JPEG and PNG files") + "|*.pdf;*.PDF;*.jpg;*.JPG;*.jpeg;*.JPEG;*.png;*.PNG",
                                  wxDefaultPosition, wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
  m_picker->SetName("file");
  m_fileMessage = AddField(_("Scanned file:"), m_picker);
  m_note = Text(Body(), "note", {}, true);
  AddField(_("Note:"), m_note, 1);
  FinishLayout(_("Add evidence"), [this] { Accept(); });
}

dal::CaseEvidence EvidenceDialog::Evidence() const {
  dal::CaseEvidence evidence;
  const int kind = std::max(0, m_kind->GetSelection());
  evidence.kind = dal::kEvidenceKinds[static_cast<std::size_t>(kind)];
  evidence.title = TrimmedUtf8(m_title->GetValue());
  evidence.note = TrimmedUtf8(m_note->GetValue());
  return evidence;
}

void EvidenceDialog::SetFile(const wxString& path) { m_picker->SetPath(path); }

void EvidenceDialog::Accept() {
  const bool titled = !Evidence().title.empty();
  ShowMessage(m_titleMessage,
              titled ? wxString() : _("Give the evidence a title, e.g. the report's name and month."));
  wxString fileProblem;
  if (m_picker->GetPath().empty()) {
    fileProblem = _("Pick the scanned file: evidence counts only with its file.");
  } else {
    m_file = workstation::CheckAttachmentFile(admin::PathFromUtf8(Utf8(m_picker->GetPath())), m_maxBytes);
    fileProblem = FileProblemText(m_file, m_maxBytes);
  }
  ShowMessage(m_fileMessage, fileProblem);
  if (titled && fileProblem.empty()) Finish(wxID_OK);
}

}  // namespace doudi::gui
