#pragma once
// The case view's input dialogs: the opinion an action states, the home
// survey, a piece of evidence. Each checks its fields where they are typed
// and ends with wxID_OK only when the input is good.
#include <chrono>

#include "common/form_dialog.h"
#include "doudi/dal/case_repository.h"
#include "doudi/workstation/attachment_files.h"

class wxChoice;
class wxFilePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace doudi::gui {

// Asks for the opinion of an action (a reason for a return, a refusal or an
// objection). required: an empty opinion is refused; otherwise the dialog
// only confirms the action. Control: "opinion".
class OpinionDialog : public FormDialog {
 public:
  OpinionDialog(wxWindow* parent, const wxString& action, const wxString& fromState, const wxString& toState,
                bool required);
  std::string Opinion() const;

 private:
  void Accept();
  bool m_required;
  wxTextCtrl* m_text = nullptr;
  wxStaticText* m_message = nullptr;
};

// The home survey: at least two surveyors, a date not in the future, the
// findings and the family members present. Controls: "surveyor1".."surveyor3",
// "surveyed_on", "findings", "members_present".
class SurveyDialog : public FormDialog {
 public:
  SurveyDialog(wxWindow* parent, std::chrono::year_month_day today);
  dal::CaseSurvey Survey() const;

 private:
  void Accept();
  std::chrono::year_month_day m_today;
  wxTextCtrl* m_surveyors[3] = {};
  wxTextCtrl* m_date = nullptr;
  wxTextCtrl* m_findings = nullptr;
  wxTextCtrl* m_present = nullptr;
  wxStaticText* m_surveyorsMessage = nullptr;
  wxStaticText* m_dateMessage = nullptr;
  wxStaticText* m_findingsMessage = nullptr;
  wxStaticText* m_presentMessage = nullptr;
};

// A piece of evidence: its kind, a title and a note. kind preselects one of
// dal::kEvidenceKinds. Controls: "kind", "title", "note".
// Evidence with its file: a step's requirement is met only by evidence
// that has one (docs/attachments.md), so the scan is picked here, checked
// by content and against the size limit (maxBytes) before anything is sent.
class EvidenceDialog : public FormDialog {
 public:
  EvidenceDialog(wxWindow* parent, const std::string& kind, std::int64_t maxBytes);
  dal::CaseEvidence Evidence() const;
  // The picked file, checked (call after wxID_OK).
  const workstation::CheckedFile& File() const { return m_file; }
  // Picks path as if chosen in the file picker (tests).
  void SetFile(const wxString& path);

 private:
  void Accept();
  wxChoice* m_kind = nullptr;
  wxTextCtrl* m_title = nullptr;
  wxTextCtrl* m_note = nullptr;
  wxFilePickerCtrl* m_picker = nullptr;
  wxStaticText* m_titleMessage = nullptr;
  wxStaticText* m_fileMessage = nullptr;
  std::int64_t m_maxBytes = 0;
  workstation::CheckedFile m_file;
};

}  // namespace doudi::gui
