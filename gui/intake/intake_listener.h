#pragma once
// The 上报 section's ear: a thread of its own holds a dal::pg::PgListener on
// doudi_intake, on a connection of its own made with the user's connection
// string (the profile the workstation logged in with), and tells the
// section on the GUI thread what happened — a wake-up, (re)connected, or
// lost — so the section reads its list again (on its worker: the GUI thread
// never waits on the database). Destroying it stops and joins the thread
// within one wait (kWaitMs), or a connection attempt's timeout.
#include <wx/event.h>

#include <atomic>
#include <string>
#include <thread>

namespace doudi::gui {

// Sent to the handler; GetInt() is an IntakeListener::Heard.
wxDECLARE_EVENT(EVT_INTAKE_HEARD, wxThreadEvent);

class IntakeListener {
 public:
  enum class Heard { Notified, Connected, Lost };
  static constexpr const char* kChannel = "doudi_intake";
  // How long one wait lasts before the thread looks whether to stop.
  static constexpr int kWaitMs = 250;

  // handler outlives the listener.
  IntakeListener(std::string connectionString, wxEvtHandler* handler);
  ~IntakeListener();
  IntakeListener(const IntakeListener&) = delete;
  IntakeListener& operator=(const IntakeListener&) = delete;

 private:
  void Loop();

  std::string m_connectionString;
  wxEvtHandler* m_handler;
  std::atomic<bool> m_stopping{false};
  std::thread m_thread;
};

}  // namespace doudi::gui
