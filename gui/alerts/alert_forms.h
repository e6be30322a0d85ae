#pragma once
// The alert view's input dialogs: a check (线上线下核查) and the close with
// its outcome. Each checks its fields where they are typed and ends with
// wxID_OK only when the input is good; the database checks them again.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/form_dialog.h"
#include "doudi/dal/case_repository.h"
#include "doudi/model/alert_state.h"

class wxButton;
class wxChoice;
class wxTextCtrl;

namespace doudi::gui {

// A check of an alert: online or at home, with what it found.
// Controls: "method", "findings".
class CheckDialog : public FormDialog {
 public:
  // The most findings a check records (doudi.alert_verify).
  static constexpr std::size_t kMaxFindings = 2000;

  explicit CheckDialog(wxWindow* parent);
  std::string Method() const;
  std::string Findings() const;

 private:
  void Accept();
  wxChoice* m_method = nullptr;
  wxTextCtrl* m_findings = nullptr;
  wxStaticText* m_findingsMessage = nullptr;
};

// Closes an alert: 已立案 names a case of the household (one of its cases,
// or one opened from here), 无需处理 and 误报 give the reason, 转办 says to
// whom. Controls: "outcome", "case", "new_application", "reason".
class CloseDialog : public FormDialog {
 public:
  // Opens a new application for the household (NewCaseDialog); returns the
  // new case's id, nullopt when none was opened.
  using OpenApplication = std::function<std::optional<std::int64_t>()>;

  // cases: the household's (none for a person in no household); open
  // application: empty when the alert has no household to apply for.
  CloseDialog(wxWindow* parent, std::vector<dal::CaseSummary> cases, OpenApplication openApplication);

  std::string Outcome() const;
  std::string Reason() const;
  // The case chosen, for case_opened.
  std::optional<std::int64_t> CaseId() const;

 private:
  model::AlertOutcome Chosen() const;
  void ShowOutcome();
  void AddCase(std::int64_t caseId, const wxString& label);
  void Accept();

  OpenApplication m_openApplication;
  std::vector<std::int64_t> m_caseIds;  // by the case choice's entries
  wxChoice* m_outcome = nullptr;
  wxChoice* m_case = nullptr;
  wxButton* m_newApplication = nullptr;
  wxTextCtrl* m_reason = nullptr;
  wxStaticText* m_caseMessage = nullptr;
  wxStaticText* m_reasonMessage = nullptr;
  wxStaticText* m_reasonHint = nullptr;
};

}  // namespace doudi::gui
