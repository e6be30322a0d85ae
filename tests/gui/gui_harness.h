#pragma once
// What the GUI tests share: pumping wx events until something happened,
// and a database with the demo registry and a logged-in desk user.
#include <wx/app.h>
#include <wx/choice.h>
#include <wx/evtloop.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <wx/dialog.h>

#include "app/session.h"
#include "test_database.h"

namespace doudi::gui {
class MainFrame;
}

namespace doudi::gui {
class AttachmentsWindow;
}

namespace doudi::test {

// Runs the event loop (CallAfter results, timers, paints) until done() or
// the timeout; returns done().
inline bool PumpUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  wxEventLoopBase* running = wxEventLoopBase::GetActive();
  wxGUIEventLoop loop;
  std::unique_ptr<wxEventLoopActivator> activate;
  if (running == nullptr) activate = std::make_unique<wxEventLoopActivator>(&loop);
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (!done() && std::chrono::steady_clock::now() < until) {
    wxTheApp->ProcessPendingEvents();
    wxEventLoopBase::GetActive()->YieldFor(wxEVT_CATEGORY_ALL);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return done();
}

// A migrated database with the demo registry, a village clerk of 悬渚村
// (331022001201) who logs in with a password from a PGPASSFILE this
// process points libpq at, and the session of that login.
class DeskDatabase {
 public:
  DeskDatabase();
  ~DeskDatabase();
  TestDatabase& Server() { return m_server; }
  const std::string& ClerkConnection() const { return m_clerkConnection; }
  const std::string& ClerkRole() const { return m_clerkRole; }
  // Logs the clerk in through the workstation's own login code.
  gui::Session LogIn();
  // Adds another desk user (group code, scope prefix) whose password goes
  // into the same password file; returns the connection string to log in
  // with. Dropped with this database. A liaison names their department's code.
  std::string AddUser(const std::string& shortName, const std::string& group, const std::string& scope,
                      const std::string& displayName, const std::string& department = "");
  // Logs a user in with a connection string of AddUser (or the clerk's).
  gui::Session LogInAs(const std::string& connection);

 private:
  TestDatabase m_server;
  std::string m_clerkRole;
  std::string m_clerkConnection;
  std::string m_passFile;
  std::string m_previousPassFile;
  std::vector<std::string> m_extraRoles;
};

// Shows a dialog modeless as a user would see it: waits for ready() (its
// data loaded), lets fill() set its controls, presses its OK button and
// waits until it closes (or the timeout, when it refuses the input).
// Returns how it ended: wxID_OK, or 0 while it stays open.
int PressOk(wxDialog& dialog, const std::function<void(wxDialog&)>& fill, const std::function<bool()>& ready = {},
            std::chrono::milliseconds timeout = std::chrono::seconds(20));

// A main window for the user logged in with connection, shown.
gui::MainFrame* OpenFrame(DeskDatabase& db, const std::string& connection);
// Hides the main window, lets its workers' replies drain, and destroys it.
void CloseFrame(gui::MainFrame* frame);

// A photo from a home visit (a wall and a window, 1024x768) as a JPEG at path.
void WriteJpeg(const std::filesystem::path& path);

// Attaches a photo (written to a scratch file) as kind kindLabel through an
// attachments window's panel, pressing its attach dialog, and waits until
// the panel lists it. Returns whether it was stored.
bool AttachPhotoIn(gui::AttachmentsWindow& window, const wxString& kindLabel);

// Where a test saves its screenshot name: screenshots/ under the working
// directory (scripts/screenshots copies them to docs/screenshots).
inline std::string ShotPath(const std::string& name) {
  const auto dir = std::filesystem::current_path() / "screenshots";
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

// Screen text from UTF-8, and back, so a check prints it when it fails.
inline wxString Chinese(const char* utf8) {
  return wxString::FromUTF8(utf8);
}
inline std::string U(const wxString& text) {
  return text.utf8_string();
}

// The control named name inside window, as type T; nullptr when there is none.
template <typename T>
T* Find(wxWindow& window, const char* name) {
  return dynamic_cast<T*>(wxWindow::FindWindowByName(wxString::FromUTF8(name), &window));
}

// Selects item in choice and tells its handlers, as a click does.
inline void Choose(wxChoice* choice, int item) {
  choice->SetSelection(item);
  wxCommandEvent chosen(wxEVT_CHOICE, choice->GetId());
  chosen.SetEventObject(choice);
  chosen.SetInt(item);
  choice->ProcessWindowEvent(chosen);
}

}  // namespace doudi::test
