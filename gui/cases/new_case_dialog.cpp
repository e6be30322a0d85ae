#include "cases/new_case_dialog.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "cases/case_text.h"
#include "common/database_worker.h"
#include "common/wx_text.h"
#include "doudi/dal/case_repository.h"
#include "doudi/dal/registry_repository.h"

namespace doudi::gui {

NewCaseDialog::NewCaseDialog(wxWindow* parent, DatabaseWorker& worker, std::int64_t householdId,
                             const wxString& household)
    : FormDialog(parent, _("New application")), m_worker(worker), m_householdId(householdId) {
  AddField(_("Household:"), new wxStaticText(Body(), wxID_ANY, household));
  m_program = new wxChoice(Body(), wxID_ANY);
  m_program->SetName("program");
  m_programMessage = AddField(_("Program:"), m_program);
  m_person = new wxChoice(Body(), wxID_ANY);
  m_person->SetName("person");
  m_person->Append(_("The whole household"));
  m_person->SetSelection(0);
  AddField(_("For:"), m_person);
  m_follows = new wxChoice(Body(), wxID_ANY);
  m_follows->SetName("follows");
  m_follows->Append(_("None"));
  m_follows->SetSelection(0);
  AddField(_("Follows case:"), m_follows);
  m_closeRelative = new wxCheckBox(Body(), wxID_ANY, _("Close relative of case staff or village committee members"));
  m_closeRelative->SetName("close_relative");
  AddField(wxEmptyString, m_closeRelative);
  m_note = new wxTextCtrl(Body(), wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(360, -1));
  m_note->SetName("close_relative_note");
  m_noteMessage = AddField(_("Whose relative:"), m_note);
  m_note->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_closeRelative->GetValue()); });
  FinishLayout(_("Open the application"), [this] { Accept(); });
  FindWindow(wxID_OK)->Bind(wxEVT_UPDATE_UI,
                            [this](wxUpdateUIEvent& e) { e.Enable(ProgramsLoaded() && !m_saving); });
  LoadPrograms();
}

wxString NewCaseDialog::StatusText() const { return m_programMessage->GetLabel(); }

void NewCaseDialog::LoadPrograms() {
  ShowMessage(m_programMessage, _("Loading the programs..."));
  m_worker.Run<std::vector<dal::ProgramInfo>>(
      this, [](dal::pg::PgDatabase& db) { return db.Parameters().Programs(); },
      [this](std::vector<dal::ProgramInfo> programs) {
        m_programs = std::move(programs);
        int chosen = 0;
        for (const auto& program : m_programs) {
          if (program.code == m_preferred) chosen = static_cast<int>(m_program->GetCount());
          m_program->Append(Wx(program.chinese));
        }
        if (!m_programs.empty()) m_program->SetSelection(chosen);
        ShowMessage(m_programMessage, wxString());
      },
      [this](const JobFailure& failure) { ShowMessage(m_programMessage, failure.message); });
  const std::int64_t household = m_householdId;
  using Household = std::pair<std::vector<dal::CaseMember>, std::vector<dal::CaseSummary>>;
  m_worker.Run<Household>(
      this,
      [household](dal::pg::PgDatabase& db) {
        return Household{db.Cases().HouseholdMembers(household), db.Cases().HouseholdCases(household)};
      },
      [this](Household read) {
        m_members = std::move(read.first);
        m_earlier = std::move(read.second);
        for (const auto& member : m_members) m_person->Append(Wx(member.name));
        for (const auto& earlier : m_earlier) {
          m_follows->Append(wxString::Format(_("Case %lld: %s, %s"), static_cast<long long>(earlier.id),
                                             Wx(earlier.programName), StateLabel(earlier.state)));
        }
      },
      [](const JobFailure&) {});  // without them the case names no person and follows none
}

void NewCaseDialog::Accept() {
  if (m_saving || !ProgramsLoaded()) return;
  dal::NewCase application;
  application.householdId = m_householdId;
  application.program = m_programs[static_cast<std::size_t>(std::max(0, m_program->GetSelection()))].code;
  if (const int person = m_person->GetSelection(); person > 0 && static_cast<std::size_t>(person) <= m_members.size()) {
    application.personId = m_members[static_cast<std::size_t>(person - 1)].personId;
  }
  if (const int follows = m_follows->GetSelection();
      follows > 0 && static_cast<std::size_t>(follows) <= m_earlier.size()) {
    application.followsCaseId = m_earlier[static_cast<std::size_t>(follows - 1)].id;
  }
  application.closeRelative = m_closeRelative->GetValue();
  application.closeRelativeNote = application.closeRelative ? TrimmedUtf8(m_note->GetValue()) : std::string();
  if (application.closeRelative && application.closeRelativeNote.empty()) {
    ShowMessage(m_noteMessage, _("Say whose close relative the applicant is: the case is registered separately."));
    return;
  }
  ShowMessage(m_noteMessage, wxString());
  // Kept until the outcome is known: a retry after a lost reply opens nothing twice.
  const std::string what = application.program + (application.closeRelative ? "|1|" : "|0|") +
                           application.closeRelativeNote + "|" + std::to_string(application.personId) + "|" +
                           std::to_string(application.followsCaseId);
  if (m_requestId.empty() || m_requestFor != what) m_requestId = dal::NewRequestId();
  m_requestFor = what;
  const std::string requestId = m_requestId;
  m_saving = true;
  ShowMessage(m_programMessage, _("Opening the application..."));
  m_worker.Run<std::int64_t>(
      this, [application, requestId](dal::pg::PgDatabase& db) { return db.Cases().Open(application, requestId); },
      [this](std::int64_t caseId) {
        m_saving = false;
        m_caseId = caseId;
        Finish(wxID_OK);
      },
      [this](const JobFailure& failure) {
        m_saving = false;
        if (!failure.connectionLost) m_requestId.clear();
        ShowMessage(m_programMessage, wxString::Format(_("Not opened: %s"), failure.message));
      });
}

}  // namespace doudi::gui
