#pragma once
// The workstation's main window: who is logged in (user, role, scope) always
// in view, the sections (gui/app/sections.cpp: My tasks first for the desk
// groups who act on cases, the Registry, the public-notice list, the program
// parameters), and a status bar with the connection's state. Cases open in
// their own windows, one per case. It owns the database workers and the one
// Context every section and window is given.
#include <wx/frame.h>
#include <wx/timer.h>

#include <wx/weakref.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "app/session.h"
#include "common/context.h"
#include "common/form_dialog.h"
#include "documents/document_jobs.h"

class wxNotebook;

namespace doudi::gui {

class CaseView;
class DatabaseWorker;
class MatchingWindow;
class MyTasksPanel;
class NoticePanel;
class ParametersPanel;
class RegistryPanel;

class MainFrame : public wxFrame {
 public:
  // switchUser is called for "Log in as another user" (the app shows the
  // login and replaces this window).
  MainFrame(Session session, std::function<void()> switchUser);
  ~MainFrame() override;

  RegistryPanel& Registry();
  // nullptr for groups that take no case actions.
  MyTasksPanel* Tasks();
  NoticePanel& Notices();
  ParametersPanel& Parameters();
  // The section of type T; nullptr when this user does not see it.
  template <typename T>
  T* FindSection() const {
    for (wxWindow* section : m_sectionWindows) {
      if (auto* found = dynamic_cast<T*>(section)) return found;
    }
    return nullptr;
  }
  // Brings a section (one of the panels above) to the front.
  void ShowSection(wxWindow* section);
  // Shows the case's window, opening it unless it is open already.
  CaseView& OpenCase(std::int64_t caseId);
  // The case's open window; nullptr when it is not open.
  CaseView* FindCase(std::int64_t caseId);
  // The Rosters menu: asks which roster, the month and the region (this
  // month and the user's scope unless changed), then previews it.
  void ShowRosterDialog(RosterKind kind);
  // Shows the household's matching window (Context::OpenMatching), opening
  // it unless it is open already.
  MatchingWindow& OpenMatching(std::int64_t householdId);
  // The household's open matching window; nullptr when it is not open.
  MatchingWindow* FindMatching(std::int64_t householdId);
  // The household's file (家庭档案), previewed; a failure is said in a message box.
  void OpenHouseholdFile(std::int64_t householdId);
  // Replaces how the roster dialog is shown (tests fill and press it).
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

 private:
  void OnConnectionChange(bool connected);
  void Heartbeat();
  // What the heartbeat read: the server the desk is on now (after a
  // failover the new primary), said in the status bar.
  void ShowServer(const dal::pg::ServerInfo& server);
  wxString ConnectionText(bool connected) const;
  void AddSections(wxNotebook* sections);

  Session m_session;
  std::unique_ptr<DatabaseWorker> m_searchWorker;
  std::unique_ptr<DatabaseWorker> m_pageWorker;
  std::unique_ptr<DatabaseWorker> m_recordWorker;
  // Cases: the lists, the case windows and their writes.
  std::unique_ptr<DatabaseWorker> m_caseWorker;
  // Documents and rosters: a 10,000-line roster never holds up the cases.
  std::unique_ptr<DatabaseWorker> m_documentWorker;
  // The alert list: a region-wide list can be stopped without cancelling a case's write.
  std::unique_ptr<DatabaseWorker> m_alertWorker;
  DialogRunner m_runDialog = RunModally;
  // Its own connection asks the server "still there?" every few seconds,
  // so a dropped link shows in the status bar without waiting for a search.
  std::unique_ptr<DatabaseWorker> m_heartbeatWorker;
  wxTimer m_heartbeat;
  bool m_connected = true;
  // The link was lost since the login: the status bar names the server the
  // desk came back to (host:port of the multi-host profile's list).
  bool m_reconnected = false;
  bool m_beating = false;  // a heartbeat is on its way
  int m_failedBeats = 0;
  std::unique_ptr<Context> m_context;
  wxNotebook* m_sections = nullptr;
  std::vector<wxWindow*> m_sectionWindows;  // in tab order
  std::map<std::int64_t, wxWeakRef<CaseView>> m_cases;
  std::map<std::int64_t, wxWeakRef<MatchingWindow>> m_matchings;  // by household
};

}  // namespace doudi::gui
