// doudi: the desk staff's workstation (wxWidgets). Composition root: reads
// the command line and doudi.ini, logs in (without a dialog when a
// PGPASSFILE entry answers), and opens the main window.
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include <memory>

#include "app/login_dialog.h"
#include "app/main_frame.h"
#include "app/screenshot.h"
#include "common/wx_text.h"
#include "connection_settings.h"
#include "doudi/catalog/message_catalog.h"
#include "doudi/dal/report_route.h"
#include "registry/registry_panel.h"
#include "utf8_path.h"

namespace doudi::gui {
namespace {

class DoudiApp : public wxApp {
 public:
  bool OnInit() override;
  void OnInitCmdLine(wxCmdLineParser& parser) override;
  bool OnCmdLineParsed(wxCmdLineParser& parser) override;
  // One place turns any exception escaping an event handler into a message.
  bool OnExceptionInMainLoop() override;

 private:
  void SetUpTranslations();
  void StartLogin();
  void ShowLoginDialog(const wxString& error);
  void Open(Session session);

  wxString m_profile, m_user, m_config, m_db, m_language, m_screenshot, m_search;
  std::vector<dal::ConnectionProfile> m_profiles;
  std::string m_defaultProfile;
};

void DoudiApp::OnInitCmdLine(wxCmdLineParser& parser) {
  parser.AddOption("", "profile", _("server profile of doudi.ini"));
  parser.AddOption("", "user", _("user name"));
  parser.AddOption("", "config", _("doudi.ini to read instead of the user's or the system's"));
  parser.AddOption("", "db", _("libpq connection string instead of a profile"));
  parser.AddOption("", "lang", _("interface language: zh_CN (default) or en"));
  parser.AddOption("", "screenshot", _("after logging in and searching, save the window to this PNG and exit"));
  parser.AddOption("", "search", _("search for this text at start"));
  parser.AddSwitch("h", "help", _("show this help"), wxCMD_LINE_OPTION_HELP);
}

bool DoudiApp::OnCmdLineParsed(wxCmdLineParser& parser) {
  parser.Found("profile", &m_profile);
  parser.Found("user", &m_user);
  parser.Found("config", &m_config);
  parser.Found("db", &m_db);
  parser.Found("lang", &m_language);
  parser.Found("screenshot", &m_screenshot);
  parser.Found("search", &m_search);
  return true;
}

void DoudiApp::SetUpTranslations() {
  // wxTranslations works without the system locale (zh_CN.UTF-8 need not be
  // generated on the desk PC): the catalog sits beside the program.
  auto* translations = new wxTranslations;
  wxTranslations::Set(translations);
  const wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath() + wxS("/locale"));
  translations->SetLanguage(m_language == wxS("en") ? wxS("en") : wxS("zh_CN"));
  translations->AddStdCatalog();
  translations->AddCatalog(wxS("doudi"));
  // The words of failures come from the data layer (dal::FailureText),
  // which reads the same catalog without wx.
  std::shared_ptr<const catalog::MessageCatalog> messages;
  if (m_language != wxS("en")) {
    if (const auto path = catalog::ProgramCatalogPath("zh_CN")) {
      if (auto loaded = catalog::MessageCatalog::Load(*path)) {
        messages = std::make_shared<const catalog::MessageCatalog>(std::move(*loaded));
      }
    }
  }
  catalog::UseCatalog(std::move(messages));
}

bool DoudiApp::OnInit() {
  SetAppName(wxS("doudi"));
  // Settings in ~/.config/doudi and data in ~/.local/share/doudi on Linux
  // (the Windows layout is unchanged by this).
  wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
  if (!wxApp::OnInit()) return false;
  wxInitAllImageHandlers();
  // The language: --lang, else the one chosen in the Language menu, else Chinese.
  if (m_language.empty()) m_language = wxConfigBase::Get()->Read("language", "zh_CN");
  SetUpTranslations();
  StartLogin();
  return true;
}

void DoudiApp::StartLogin() {
  std::string conninfo = Utf8(m_db);
  if (conninfo.empty()) {
    try {
      std::optional<std::filesystem::path> config;
      if (!m_config.empty()) config = admin::PathFromUtf8(Utf8(m_config));
      if (const auto file = admin::FindProfileFile(config)) {
        m_profiles = file->profiles;
        m_defaultProfile = file->defaultProfile;
      }
    } catch (const std::exception& e) {
      wxMessageBox(Wx(e.what()), _("Doudi"), wxOK | wxICON_ERROR);
    }
    if (m_profiles.empty()) {
      wxMessageBox(_("No server profile is configured. Ask the administrator for doudi.ini (see the README)."),
                   _("Doudi"), wxOK | wxICON_ERROR);
      ExitMainLoop();
      return;
    }
    const std::string wanted = m_profile.empty() ? m_defaultProfile : Utf8(m_profile);
    auto it = std::find_if(m_profiles.begin(), m_profiles.end(), [&](const auto& p) { return p.name == wanted; });
    if (it == m_profiles.end()) it = m_profiles.begin();
    auto profile = *it;
    m_profile = Wx(profile.name);
    if (!m_user.empty()) profile.user = Utf8(m_user);
    if (profile.user.empty()) {
      ShowLoginDialog(wxEmptyString);
      return;
    }
    m_user = Wx(profile.user);
    conninfo = dal::ToConnectionString(profile);
  }
  // Try without a password first: a PGPASSFILE entry completes the login.
  TryLogin(
      nullptr, conninfo, Utf8(m_profile), [this](Session s) { Open(std::move(s)); },
      [this](const wxString& error) {
        if (!m_db.empty()) {
          wxMessageBox(error, _("Doudi"), wxOK | wxICON_ERROR);
          ExitMainLoop();
          return;
        }
        ShowLoginDialog(error == _("Please enter your password.") ? wxString() : error);
      });
}

void DoudiApp::ShowLoginDialog(const wxString& error) {
  if (m_profiles.empty()) {  // started with --db: there is no profile to log in to
    wxMessageBox(_("Logging in as another user needs a server profile in doudi.ini."), _("Doudi"),
                 wxOK | wxICON_INFORMATION);
    return;
  }
  LoginDialog dialog(GetTopWindow(), m_profiles, Utf8(m_profile), Utf8(m_user), error);
  if (dialog.ShowModal() != wxID_OK) {
    if (GetTopWindow() == nullptr) ExitMainLoop();  // cancelled at start; a switch keeps the old window
    return;
  }
  Open(dialog.LoggedIn());
}

void DoudiApp::Open(Session session) {
  auto* previous = dynamic_cast<MainFrame*>(GetTopWindow());
  // The profile's report standby, logged in to as the primary was.
  const auto profile =
      std::find_if(m_profiles.begin(), m_profiles.end(), [&](const auto& p) { return p.name == session.profileName; });
  if (profile != m_profiles.end() && !session.profileName.empty()) {
    session.reportConnectionString =
        dal::ReportConnectionString(session.connectionString, profile->report, profile->port);
  }
  session.settingsFiles = m_config.empty() ? admin::DefaultConfigFiles()
                                           : std::vector<std::filesystem::path>{admin::PathFromUtf8(Utf8(m_config))};
  m_user = Wx(session.identity.roleName);
  auto* frame = new MainFrame(std::move(session), [this] { ShowLoginDialog(wxEmptyString); });
  if (previous != nullptr) previous->Destroy();
  frame->Show();
  SetTopWindow(frame);
  if (!m_search.empty()) {
    frame->ShowSection(&frame->Registry());
    frame->Registry().SearchFor(m_search);
  }
  if (!m_screenshot.empty()) SaveScreenshotWhenSettled(frame, m_screenshot);
}

bool DoudiApp::OnExceptionInMainLoop() {
  try {
    throw;
  } catch (const std::exception& e) {
    wxMessageBox(wxString::Format(_("Something went wrong: %s"), Wx(e.what())), _("Doudi"), wxOK | wxICON_ERROR);
  } catch (...) {
    wxMessageBox(_("Something went wrong."), _("Doudi"), wxOK | wxICON_ERROR);
  }
  return true;  // keep working: the user's typed data is still there
}

}  // namespace
}  // namespace doudi::gui

wxIMPLEMENT_APP(doudi::gui::DoudiApp);
