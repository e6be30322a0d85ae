#include "gui_harness.h"

#include <unistd.h>
#include <wx/choice.h>
#include <wx/image.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "app/login_dialog.h"
#include "app/main_frame.h"
#include "attachments/attachments_window.h"
#include "demo_data.h"
#include "doudi/dal/holiday_calendar.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/staff.h"
#include "doudi/model/working_day_calendar.h"

namespace doudi::test {

DeskDatabase::DeskDatabase() {
  dal::pg::PgDatabase db(m_server.ConnectionString());
  db.Migrator().Migrate();
  db.UpsertRegions(admin::DemoRegions());
  dal::ImportOptions options;
  options.source = "demo";
  options.today = gui::Today();
  db.Importer().Import(admin::DemoHouseholdRows(), options);
  // The shipped holiday calendar, so deadlines are counted as on a desk.
  std::ifstream calendar(FixturePath("../../assets/calendar/cn-public-holidays.csv"));
  const std::string csv((std::istreambuf_iterator<char>(calendar)), std::istreambuf_iterator<char>());
  db.Calendar().LoadYears(model::ParseHolidayCsv(csv), "cn-public-holidays.csv");
  // Roles are cluster-wide: name the clerk after this test database.
  m_clerkRole = "gui" + m_server.Name().substr(std::string("doudi_test").size()) + "_clerk";
  const std::string password = "desk-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  dal::UserAccount clerk;
  clerk.roleName = m_clerkRole;
  clerk.displayName = "李文";
  clerk.group = model::StaffGroup::VillageClerk;
  clerk.regionScope = "331022001201";
  db.Users().Add(clerk, password);
  // The clerk's password reaches libpq only through a password file, as on a desk.
  const char* previous = std::getenv("PGPASSFILE");
  m_previousPassFile = previous != nullptr ? previous : "";
  m_passFile = (std::filesystem::temp_directory_path() / (m_clerkRole + ".pgpass")).string();
  {
    std::ofstream out(m_passFile);
    if (!m_previousPassFile.empty()) out << std::ifstream(m_previousPassFile).rdbuf() << "\n";
    out << "*:*:*:" << m_clerkRole << ":" << password << "\n";
  }
  std::filesystem::permissions(m_passFile, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  setenv("PGPASSFILE", m_passFile.c_str(), 1);
  m_clerkConnection = m_server.ConnectionString() + " user=" + m_clerkRole;
}

DeskDatabase::~DeskDatabase() {
  if (!m_previousPassFile.empty()) setenv("PGPASSFILE", m_previousPassFile.c_str(), 1);
  std::filesystem::remove(m_passFile);
  m_extraRoles.push_back(m_clerkRole);
  for (const auto& role : m_extraRoles) {
    try {
      m_server.Execute("DROP ROLE IF EXISTS " + role);
    } catch (...) {
    }
  }
}

std::string DeskDatabase::AddUser(const std::string& shortName, const std::string& group, const std::string& scope,
                                  const std::string& displayName, const std::string& department) {
  const std::string role = m_clerkRole.substr(0, m_clerkRole.size() - std::string("clerk").size()) + shortName;
  const std::string password =
      "desk-" + shortName + "-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  dal::pg::PgDatabase db(m_server.ConnectionString());
  dal::UserAccount user;
  user.roleName = role;
  user.displayName = displayName;
  user.group = *model::ParseStaffGroup(group);
  user.regionScope = scope;
  user.department = department;
  db.Users().Add(user, password);
  m_extraRoles.push_back(role);
  std::ofstream(m_passFile, std::ios::app) << "*:*:*:" << role << ":" << password << "\n";
  return m_server.ConnectionString() + " user=" + role;
}

gui::Session DeskDatabase::LogIn() {
  return LogInAs(m_clerkConnection);
}

gui::Session DeskDatabase::LogInAs(const std::string& connection) {
  std::optional<gui::Session> session;
  wxString error;
  gui::TryLogin(
      nullptr, connection, "", [&](gui::Session s) { session = std::move(s); }, [&](const wxString& e) { error = e; });
  BOOST_REQUIRE(PumpUntil([&] { return session.has_value() || !error.empty(); }));
  BOOST_REQUIRE_MESSAGE(session.has_value(), error.utf8_str().data());
  return *session;
}

}  // namespace doudi::test

namespace doudi::test {

int PressOk(wxDialog& dialog, const std::function<void(wxDialog&)>& fill, const std::function<bool()>& ready,
            std::chrono::milliseconds timeout) {
  dialog.SetReturnCode(0);
  dialog.Show();
  if (ready) BOOST_REQUIRE(PumpUntil(ready));
  if (fill) fill(dialog);
  wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
  click.SetEventObject(dialog.FindWindow(wxID_OK));
  dialog.ProcessWindowEvent(click);
  PumpUntil([&] { return !dialog.IsShown(); }, timeout);
  return dialog.GetReturnCode();
}

}  // namespace doudi::test

namespace doudi::test {

gui::MainFrame* OpenFrame(DeskDatabase& db, const std::string& connection) {
  auto* frame = new gui::MainFrame(db.LogInAs(connection), [] {});
  frame->Show();
  return frame;
}

void CloseFrame(gui::MainFrame* frame) {
  frame->Hide();
  PumpUntil([] { return false; }, std::chrono::milliseconds(200));
  frame->Destroy();
  PumpUntil([] { return false; }, std::chrono::milliseconds(200));
}

}  // namespace doudi::test

namespace doudi::test {

void WriteJpeg(const std::filesystem::path& path) {
  wxImage image(1024, 768);
  image.SetRGB(wxRect(0, 0, 1024, 768), 0xD8, 0xC8, 0xA8);
  image.SetRGB(wxRect(300, 200, 420, 300), 0x40, 0x70, 0xB0);
  image.SetRGB(wxRect(0, 600, 1024, 168), 0x70, 0x50, 0x30);
  BOOST_REQUIRE(image.SaveFile(wxString::FromUTF8(path.string()), wxBITMAP_TYPE_JPEG));
}

bool AttachPhotoIn(gui::AttachmentsWindow& window, const wxString& kindLabel) {
  gui::AttachmentsPanel& panel = *window.Panel();
  if (!PumpUntil([&] { return panel.Loaded() && !panel.IsLoading(); })) return false;
  const std::size_t before = panel.Files().size();
  const auto photo =
      std::filesystem::temp_directory_path() / ("doudi-gui-photo-" + std::to_string(::getpid()) + ".jpg");
  WriteJpeg(photo);
  panel.SetDialogRunner([&](wxDialog& dialog) {
    return PressOk(dialog, [&](wxDialog& d) {
      auto* kind = Find<wxChoice>(d, "kind");
      BOOST_REQUIRE(kind != nullptr);
      const int at = kind->FindString(kindLabel);
      BOOST_REQUIRE_MESSAGE(at != wxNOT_FOUND, U(kindLabel));
      kind->SetSelection(at);
    });
  });
  panel.AttachFiles({photo});
  const bool stored = PumpUntil([&] { return panel.Files().size() == before + 1 && !panel.IsLoading(); });
  std::filesystem::remove(photo);
  return stored;
}

}  // namespace doudi::test
