#pragma once
// The login: a server profile of doudi.ini, a user, a password. The
// connection is tried on a worker thread; the dialog stays responsive and
// says in plain words why a login failed.
#include <wx/dialog.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/session.h"
#include "doudi/dal/connection_profile.h"

class wxChoice;
class wxComboBox;
class wxStaticText;
class wxTextCtrl;

namespace doudi::gui {

class DatabaseWorker;

// Tries to log in with the connection string (password included when typed)
// on a throwaway worker; on success fills a Session. The result arrives on
// the GUI thread. Used by the dialog and by the no-dialog login from a
// PGPASSFILE entry.
void TryLogin(wxWindow* owner, const std::string& connectionString, const std::string& profileName,
              std::function<void(Session)> done, std::function<void(const wxString&)> failed);

class LoginDialog : public wxDialog {
 public:
  LoginDialog(wxWindow* parent, std::vector<dal::ConnectionProfile> profiles, const std::string& profile,
              const std::string& user, const wxString& firstError);
  // The session of a successful login, after ShowModal() returned wxID_OK.
  const Session& LoggedIn() const { return *m_session; }

 private:
  void OnProfileChanged();
  void OnConnect();
  const dal::ConnectionProfile& Profile() const;

  enum class State { Idle, Connecting };
  State m_state = State::Idle;
  std::vector<dal::ConnectionProfile> m_profiles;
  wxChoice* m_profile = nullptr;
  wxComboBox* m_user = nullptr;
  wxTextCtrl* m_password = nullptr;
  wxStaticText* m_server = nullptr;
  wxStaticText* m_message = nullptr;
  std::optional<Session> m_session;
};

}  // namespace doudi::gui
