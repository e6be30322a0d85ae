#pragma once
// The workstation's main window: who is logged in (user, role, scope) always
// in view, the sections that exist (Registry now), and a status bar with the
// connection's state.
#include <wx/frame.h>
#include <wx/timer.h>

#include <functional>
#include <memory>

#include "session.h"

class wxNotebook;

namespace doudi::gui {

class DatabaseWorker;
class RegistryPanel;

class MainFrame : public wxFrame {
 public:
  // switchUser is called for "Log in as another user" (the app shows the
  // login and replaces this window).
  MainFrame(Session session, std::function<void()> switchUser);
  ~MainFrame() override;

  RegistryPanel& Registry() { return *m_registry; }

 private:
  void OnConnectionChange(bool connected);
  void Heartbeat();
  wxString ConnectionText(bool connected) const;

  Session m_session;
  std::unique_ptr<DatabaseWorker> m_searchWorker;
  std::unique_ptr<DatabaseWorker> m_pageWorker;
  std::unique_ptr<DatabaseWorker> m_recordWorker;
  // Its own connection asks the server "still there?" every few seconds,
  // so a dropped link shows in the status bar without waiting for a search.
  std::unique_ptr<DatabaseWorker> m_heartbeatWorker;
  wxTimer m_heartbeat;
  bool m_connected = true;
  int m_failedBeats = 0;
  RegistryPanel* m_registry = nullptr;
};

}  // namespace doudi::gui
