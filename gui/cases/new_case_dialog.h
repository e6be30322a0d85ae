#pragma once
// A new application (申请) for one household: the program, and whether the
// applicant is a close relative (近亲属) of case staff or village committee
// members, with whose (required when flagged: such cases are registered
// separately and surveyed by the county). Loads the programs and opens the
// case on a worker; the request id is kept across retries of the same
// application, so a lost reply never opens it twice. Ends with wxID_OK once
// the case exists (CaseId()). The person the case is for (required by a
// per-person program such as 特困 support; the database says so) and the
// household's earlier case this one follows up (临时救助, then 低保) are
// chosen from the household's members and cases, read with the programs.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/form_dialog.h"
#include "doudi/dal/case_repository.h"
#include "doudi/dal/program_parameters.h"

class wxCheckBox;
class wxChoice;
class wxTextCtrl;

namespace doudi::gui {

class DatabaseWorker;

class NewCaseDialog : public FormDialog {
 public:
  // Controls: "program", "person", "follows", "close_relative", "close_relative_note".
  NewCaseDialog(wxWindow* parent, DatabaseWorker& worker, std::int64_t householdId, const wxString& household);

  // The program chosen once the programs are read (its code, "temporary"
  // for 临时救助 from an urgent field report); the first one when absent.
  void PreferProgram(std::string code) { m_preferred = std::move(code); }

  bool ProgramsLoaded() const { return !m_programs.empty(); }
  bool IsSaving() const { return m_saving; }
  std::optional<std::int64_t> CaseId() const { return m_caseId; }
  wxString StatusText() const;

 private:
  void LoadPrograms();
  void Accept();

  DatabaseWorker& m_worker;
  std::int64_t m_householdId;
  std::vector<dal::ProgramInfo> m_programs;
  std::vector<dal::CaseMember> m_members;     // the person choice after "the whole household"
  std::vector<dal::CaseSummary> m_earlier;    // the follow-up choice after "none"
  std::string m_preferred;   // PreferProgram
  std::string m_requestId;   // of the application being opened
  std::string m_requestFor;  // what that application said (a changed form is a new one)
  bool m_saving = false;
  std::optional<std::int64_t> m_caseId;
  wxChoice* m_program = nullptr;
  wxChoice* m_person = nullptr;
  wxChoice* m_follows = nullptr;
  wxCheckBox* m_closeRelative = nullptr;
  wxTextCtrl* m_note = nullptr;
  wxStaticText* m_programMessage = nullptr;
  wxStaticText* m_noteMessage = nullptr;
};

}  // namespace doudi::gui
