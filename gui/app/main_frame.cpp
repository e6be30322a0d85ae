#include "app/main_frame.h"

#include <wx/accel.h>
#include <wx/config.h>
#include <wx/msgdlg.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/weakref.h>

#include "app/app_icon.h"
#include "cases/case_view.h"
#include "cases/my_tasks_panel.h"
#include "cases/notice_panel.h"
#include "common/database_worker.h"
#include "common/section.h"
#include "common/wx_text.h"
#include "documents/roster_dialog.h"
#include "matching/matching_window.h"
#include "doudi/dal/connection_profile.h"
#include "doudi/model/staff.h"
#include "parameters/parameters_panel.h"
#include "registry/registry_panel.h"

namespace doudi::gui {
namespace {

enum { kStatusConnection, kStatusServer };
enum { kFind = wxID_HIGHEST + 1, kSwitchUser, kChinese, kEnglish, kPaymentRoster, kNoticeRoster, kStatistics };
constexpr int kBeatMs = 5000;

wxString GroupLabel(const std::string& group) {
  if (const auto g = model::ParseStaffGroup(group)) return Wx(model::ToChinese(*g));
  return model::StaffRoleFromCode(group).superuser ? _("Database superuser") : Wx(group);
}

}  // namespace

MainFrame::MainFrame(Session session, std::function<void()> switchUser)
    : wxFrame(nullptr, wxID_ANY, _("Doudi - joint assistance workstation"), wxDefaultPosition, wxSize(1180, 720)),
      m_session(std::move(session)) {
  const std::string conninfo = dal::WithNetworkTimeouts(m_session.connectionString);
  // Runs on the GUI thread, perhaps after this frame is gone: reach it
  // through a weak reference (made here, copied across threads only inside
  // the shared_ptr, read on the GUI thread).
  auto self = std::make_shared<wxWeakRef<MainFrame>>(this);
  auto onChange = [self](bool connected) {
    if (*self) (*self)->OnConnectionChange(connected);
  };
  m_searchWorker = std::make_unique<DatabaseWorker>(conninfo, onChange);
  m_pageWorker = std::make_unique<DatabaseWorker>(conninfo, onChange);
  m_recordWorker = std::make_unique<DatabaseWorker>(conninfo, onChange);
  m_caseWorker = std::make_unique<DatabaseWorker>(conninfo, onChange);
  m_documentWorker = std::make_unique<DatabaseWorker>(conninfo, onChange);
  m_alertWorker = std::make_unique<DatabaseWorker>(conninfo, onChange);
  m_heartbeatWorker = std::make_unique<DatabaseWorker>(conninfo);
  m_context = std::make_unique<Context>(
      m_session, Workers{*m_searchWorker, *m_pageWorker, *m_recordWorker, *m_caseWorker, *m_documentWorker,
                         *m_alertWorker});
  m_context->SetCaseOpener([this](std::int64_t caseId) { OpenCase(caseId); });
  m_context->SetHouseholdFileOpener([this](std::int64_t householdId) { OpenHouseholdFile(householdId); });
  m_context->SetMatchingOpener([this](std::int64_t householdId) { OpenMatching(householdId); });

  auto* panel = new wxPanel(this);
  const auto& who = m_session.identity;
  wxString scope = who.regionScope.empty() ? _("all regions")
                                           : Wx(who.scopeName + " (" + who.regionScope + ")");
  if (!who.department.empty()) scope += wxS(" · ") + Wx(who.department);
  auto* header = new wxStaticText(panel, wxID_ANY,
                                  wxString::Format(_("%s  |  %s  |  scope: %s"), Wx(who.displayName),
                                                   GroupLabel(who.group), scope));
  header->SetFont(header->GetFont().Bold());
  auto* sections = new wxNotebook(panel, wxID_ANY);
  AddSections(sections);

  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(header, wxSizerFlags().Border(wxALL, 8));
  top->Add(sections, wxSizerFlags(1).Expand());
  panel->SetSizer(top);

  auto* menus = new wxMenuBar;
  auto* file = new wxMenu;
  file->Append(wxID_NEW, _("&New household\tCtrl+N"));
  file->Append(kFind, _("&Find\tCtrl+F"));
  file->AppendSeparator();
  file->Append(kSwitchUser, _("Log in as &another user..."));
  file->Append(wxID_EXIT, _("E&xit"));
  menus->Append(file, _("&Registry"));
  auto* rosters = new wxMenu;
  rosters->Append(kPaymentRoster, RosterKindLabel(RosterKind::Payment) + wxS("..."));
  rosters->Append(kNoticeRoster, RosterKindLabel(RosterKind::Notice) + wxS("..."));
  rosters->Append(kStatistics, RosterKindLabel(RosterKind::Statistics) + wxS("..."));
  menus->Append(rosters, _("R&osters"));
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowRosterDialog(RosterKind::Payment); }, kPaymentRoster);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowRosterDialog(RosterKind::Notice); }, kNoticeRoster);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowRosterDialog(RosterKind::Statistics); }, kStatistics);
  auto* language = new wxMenu;
  language->AppendRadioItem(kChinese, wxS("中文"));
  language->AppendRadioItem(kEnglish, wxS("English"));
  language->Check(wxConfigBase::Get()->Read("language", "zh_CN") == "en" ? kEnglish : kChinese, true);
  menus->Append(language, _("&Language"));
  SetMenuBar(menus);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Registry().NewHousehold(); }, wxID_NEW);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Registry().FocusSearch(); }, kFind);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(wxEVT_MENU, [switchUser](wxCommandEvent&) { switchUser(); }, kSwitchUser);
  auto chooseLanguage = [this](wxCommandEvent& e) {
    wxConfigBase::Get()->Write("language", e.GetId() == kEnglish ? "en" : "zh_CN");
    wxConfigBase::Get()->Flush();
    wxMessageBox(_("The interface language changes the next time Doudi starts."), _("Doudi"),
                 wxOK | wxICON_INFORMATION, this);
  };
  Bind(wxEVT_MENU, chooseLanguage, kChinese);
  Bind(wxEVT_MENU, chooseLanguage, kEnglish);
  SetIcons(AppIcons());

  CreateStatusBar(2);
  const int widths[] = {-1, 320};
  GetStatusBar()->SetStatusWidths(2, widths);
  ShowServer(m_session.server);
  Registry().FocusSearch();
  m_heartbeat.SetOwner(this);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Heartbeat(); }, m_heartbeat.GetId());
  m_heartbeat.StartOnce(kBeatMs);
}

void MainFrame::ShowSection(wxWindow* section) {
  const int index = m_sections->FindPage(section);
  if (index != wxNOT_FOUND) m_sections->SetSelection(static_cast<std::size_t>(index));
}

void MainFrame::AddSections(wxNotebook* sections) {
  m_sections = sections;
  for (const Section& section : Sections()) {
    if (!section.shows(m_session)) continue;
    wxWindow* window = section.make(sections, *m_context);
    // The first section this user sees is in front.
    sections->AddPage(window, section.title(), m_sectionWindows.empty());
    m_sectionWindows.push_back(window);
  }
}

RegistryPanel& MainFrame::Registry() { return *FindSection<RegistryPanel>(); }
MyTasksPanel* MainFrame::Tasks() { return FindSection<MyTasksPanel>(); }
NoticePanel& MainFrame::Notices() { return *FindSection<NoticePanel>(); }
ParametersPanel& MainFrame::Parameters() { return *FindSection<ParametersPanel>(); }

namespace {

// The window open for id among those the main window keeps one of per id
// (cases, households' matching); nullptr when it was never opened or closed.
template <typename Window>
Window* FindOpen(const std::map<std::int64_t, wxWeakRef<Window>>& open, std::int64_t id) {
  const auto it = open.find(id);
  return it == open.end() ? nullptr : it->second.get();
}

// That window raised, or a new one shown.
template <typename Window>
Window& ShowOnce(wxWindow* parent, Context& context, std::map<std::int64_t, wxWeakRef<Window>>& open,
                 std::int64_t id) {
  if (auto* shown = FindOpen(open, id)) {
    shown->Raise();
    return *shown;
  }
  auto* window = new Window(parent, context, id);
  open[id] = window;
  window->Show();
  return *window;
}

}  // namespace

CaseView* MainFrame::FindCase(std::int64_t caseId) { return FindOpen(m_cases, caseId); }

CaseView& MainFrame::OpenCase(std::int64_t caseId) { return ShowOnce(this, *m_context, m_cases, caseId); }

MatchingWindow* MainFrame::FindMatching(std::int64_t householdId) { return FindOpen(m_matchings, householdId); }

MatchingWindow& MainFrame::OpenMatching(std::int64_t householdId) {
  return ShowOnce(this, *m_context, m_matchings, householdId);
}

void MainFrame::ShowRosterDialog(RosterKind kind) {
  const auto today = Today();
  RosterDialog dialog(this, this, *m_documentWorker, m_session, kind, today.year() / today.month());
  m_runDialog(dialog);
}

void MainFrame::OpenHouseholdFile(std::int64_t householdId) {
  DocumentRequest request;
  request.of = DocumentRequest::Of::Household;
  request.id = householdId;
  OpenDocument(this, this, *m_documentWorker, m_session, request, [](DocumentPreview*) {},
               [this](const wxString& message) { wxMessageBox(message, _("Household file"), wxOK | wxICON_WARNING, this); });
}

void MainFrame::Heartbeat() {
  m_beating = true;
  m_heartbeatWorker->Run<dal::pg::ServerInfo>(
      this, [](dal::pg::PgDatabase& db) { return db.Info(); },
      [this](dal::pg::ServerInfo server) {
        m_beating = false;
        m_failedBeats = 0;
        m_connected = true;
        ShowServer(server);
        m_heartbeat.StartOnce(kBeatMs);
      },
      [this](const JobFailure& failure) {
        m_beating = false;
        if (failure.connectionLost) OnConnectionChange(false);
        // Back off while the server is away: 2, 4, 8 ... up to 30 seconds.
        ++m_failedBeats;
        m_heartbeat.StartOnce(std::min(30000, 1000 << std::min(m_failedBeats, 5)));
      });
}

MainFrame::~MainFrame() = default;

wxString MainFrame::ConnectionText(bool connected) const {
  if (!connected) return _("Disconnected from the database - reconnecting at the next request; nothing typed is lost");
  if (m_reconnected) {
    return wxString::Format(_("Reconnected to the database server %s"),
                            Wx(m_session.server.host + ":" + m_session.server.port));
  }
  return m_session.server.tls ? wxString::Format(_("Connected, encrypted (%s)"), Wx(m_session.server.tlsVersion))
                              : _("Connected (not encrypted: local connection)");
}

void MainFrame::OnConnectionChange(bool connected) {
  if (connected == m_connected) return;
  m_connected = connected;
  if (!connected) {
    m_reconnected = true;
  } else if (m_reconnected) {
    // Back, through a worker's request: which server (after a failover
    // another one) the heartbeat asks now rather than at its backed-off
    // next beat, and names; until then the status bar names none.
    SetStatusText(wxEmptyString, kStatusConnection);
    if (!m_beating) {
      m_heartbeat.Stop();
      Heartbeat();
    }
    return;
  }
  SetStatusText(ConnectionText(connected), kStatusConnection);
}

void MainFrame::ShowServer(const dal::pg::ServerInfo& server) {
  m_session.server = server;
  SetStatusText(ConnectionText(m_connected), kStatusConnection);
  std::string where = "PostgreSQL " + server.serverVersion + " · " + server.database;
  if (!server.host.empty()) where += " · " + server.host + ":" + server.port;
  SetStatusText(Wx(where), kStatusServer);
}

}  // namespace doudi::gui
