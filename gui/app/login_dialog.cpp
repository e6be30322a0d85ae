#include "app/login_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/app_icon.h"
#include "common/database_worker.h"
#include "common/wx_text.h"

namespace doudi::gui {

void TryLogin(wxWindow* owner, const std::string& connectionString, const std::string& profileName,
              std::function<void(Session)> done, std::function<void(const wxString&)> failed) {
  // A worker of its own: it lives until its one job has reported back.
  auto worker = std::make_shared<DatabaseWorker>(dal::WithNetworkTimeouts(connectionString));
  worker->Run<Session>(
      owner,
      [connectionString, profileName](dal::pg::PgDatabase& db) {
        Session s;
        s.connectionString = connectionString;
        s.profileName = profileName;
        s.server = db.Info();
        s.identity = db.WhoAmI();
        s.regions = db.RegionsInScope();
        return s;
      },
      [worker, done](Session s) mutable {
        done(std::move(s));
        wxTheApp->CallAfter([worker = std::move(worker)] {});  // joined outside its own callback
      },
      [worker, failed](const JobFailure& f) mutable {
        failed(f.message);
        wxTheApp->CallAfter([worker = std::move(worker)] {});
      });
}

LoginDialog::LoginDialog(wxWindow* parent, std::vector<dal::ConnectionProfile> profiles, const std::string& profile,
                         const std::string& user, const wxString& firstError)
    : wxDialog(parent, wxID_ANY, _("Doudi - log in"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_profiles(std::move(profiles)) {
  auto* form = new wxFlexGridSizer(2, wxSize(8, 8));
  form->AddGrowableCol(1);
  m_profile = new wxChoice(this, wxID_ANY);
  for (const auto& p : m_profiles) m_profile->Append(Wx(p.name));
  m_user = new wxComboBox(this, wxID_ANY);
  m_password = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(260, -1),
                              wxTE_PASSWORD | wxTE_PROCESS_ENTER, wxDefaultValidator, wxS("password"));
  m_server = new wxStaticText(this, wxID_ANY, wxEmptyString);
  form->Add(new wxStaticText(this, wxID_ANY, _("Server:")), wxSizerFlags().CenterVertical());
  form->Add(m_profile, wxSizerFlags().Expand());
  form->AddSpacer(0);
  form->Add(m_server);
  form->Add(new wxStaticText(this, wxID_ANY, _("User:")), wxSizerFlags().CenterVertical());
  form->Add(m_user, wxSizerFlags().Expand());
  form->Add(new wxStaticText(this, wxID_ANY, _("Password:")), wxSizerFlags().CenterVertical());
  form->Add(m_password, wxSizerFlags().Expand());

  m_message = new wxStaticText(this, wxID_ANY, firstError, wxDefaultPosition, wxDefaultSize, 0, wxS("message"));
  m_message->SetForegroundColour(*wxRED);
  m_message->Wrap(380);

  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(this, wxID_ANY, _("Doudi joint assistance workstation"));
  title->SetFont(title->GetFont().Bold().Scaled(1.3f));
  top->Add(title, wxSizerFlags().Border(wxALL, 12));
  top->Add(form, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 12));
  top->Add(m_message, wxSizerFlags().Expand().Border(wxALL, 12));
  auto* buttons = CreateButtonSizer(wxOK | wxCANCEL);
  // Labels of our own: wx's stock labels come from its catalog, which a desk
  // PC may not have in Chinese.
  if (auto* ok = FindWindow(wxID_OK)) static_cast<wxButton*>(ok)->SetLabel(_("Log in"));
  if (auto* cancel = FindWindow(wxID_CANCEL)) static_cast<wxButton*>(cancel)->SetLabel(_("Cancel"));
  top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 12));
  SetSizerAndFit(top);
  SetIcons(AppIcons());

  const auto chosen = std::find_if(m_profiles.begin(), m_profiles.end(), [&](const auto& p) { return p.name == profile; });
  m_profile->SetSelection(chosen == m_profiles.end() ? 0 : static_cast<int>(chosen - m_profiles.begin()));
  OnProfileChanged();
  if (!user.empty()) m_user->SetValue(Wx(user));
  (user.empty() ? static_cast<wxWindow*>(m_user) : m_password)->SetFocus();

  m_profile->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnProfileChanged(); });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnConnect(); }, wxID_OK);
  m_password->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { OnConnect(); });
  Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_state == State::Idle && !m_user->GetValue().empty()); },
       wxID_OK);
}

const dal::ConnectionProfile& LoginDialog::Profile() const {
  return m_profiles.at(static_cast<std::size_t>(std::max(0, m_profile->GetSelection())));
}

void LoginDialog::OnProfileChanged() {
  if (m_profiles.empty()) return;
  const auto& p = Profile();
  m_server->SetLabel(Wx(p.host + (p.port.empty() ? "" : ":" + p.port) + " / " + p.dbname +
                        (p.sslmode.empty() ? "" : " (" + p.sslmode + ")")));
  m_user->Clear();
  for (const auto& u : p.suggestedUsers) m_user->Append(Wx(u));
  if (!p.user.empty()) m_user->SetValue(Wx(p.user));
}

void LoginDialog::OnConnect() {
  if (m_state != State::Idle || m_profiles.empty()) return;
  auto profile = Profile();
  profile.user = Utf8(m_user->GetValue());
  const std::string conninfo = dal::WithConnectionValue(dal::ToConnectionString(profile), "password", Utf8(m_password->GetValue()));
  m_state = State::Connecting;
  m_message->SetForegroundColour(GetForegroundColour());
  m_message->SetLabel(_("Connecting..."));
  TryLogin(
      this, conninfo, profile.name,
      [this](Session s) {
        m_session = std::move(s);
        EndModal(wxID_OK);
      },
      [this](const wxString& message) {
        m_state = State::Idle;
        m_message->SetForegroundColour(*wxRED);
        m_message->SetLabel(message);
        m_message->Wrap(380);
        Layout();
        Fit();
      });
}

}  // namespace doudi::gui
