// The workstation as a desk clerk meets it: logging in, the main window with
// who and where, and the registry search over the clerk's village.
#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "app/login_dialog.h"
#include "app/main_frame.h"
#include "app/screenshot.h"
#include "gui_harness.h"
#include "registry/registry_panel.h"

using namespace doudi;

namespace {

using doudi::test::ShotPath;

// Parses "key=value key2=value2" without quotes (the test cluster's).
dal::ConnectionProfile ProfileOf(const std::string& conninfo) {
  dal::ConnectionProfile p;
  p.name = "test";
  std::istringstream in(conninfo);
  std::string pair;
  while (in >> pair) {
    const auto eq = pair.find('=');
    const auto key = pair.substr(0, eq), value = pair.substr(eq + 1);
    if (key == "host") p.host = value;
    if (key == "port") p.port = value;
    if (key == "dbname") p.dbname = value;
  }
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workstation)

BOOST_AUTO_TEST_CASE(login_knows_who_and_where) {
  test::DeskDatabase desk;
  const auto session = desk.LogIn();
  BOOST_TEST(session.identity.roleName == desk.ClerkRole());
  BOOST_TEST(session.identity.group == "village_clerk");
  BOOST_TEST(session.identity.scopeName == "悬渚村");
  BOOST_TEST(session.May(model::StaffOperation::EditRegistry));
  // The region tree gets the village and the path above it, nothing beside it.
  BOOST_TEST(session.regions.size() == 5u);  // province, prefecture, county, township, village
  BOOST_TEST(!session.server.tls);
}

BOOST_AUTO_TEST_CASE(the_registry_lists_the_clerks_village_and_searches) {
  test::DeskDatabase desk;
  auto* frame = new gui::MainFrame(desk.LogIn(), [] {});
  frame->Show();
  auto& registry = frame->Registry();
  const auto village = desk.Server().Count(
      "SELECT count(*) FROM doudi.person WHERE left_on IS NULL AND region_code = '331022001201'");
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching(); }));
  BOOST_TEST(registry.ResultCount() == village);
  BOOST_TEST(gui::SaveWindowPng(frame, ShotPath("registry-village-clerk.png")));

  // A name fragment: the same answer the database gives.
  const std::string name = desk.Server().Scalar(
      "SELECT name FROM doudi.person WHERE region_code = '331022001201' ORDER BY id LIMIT 1");
  const std::string fragment = name.substr(3);  // the given name
  registry.SearchFor(wxString::FromUTF8(fragment.c_str()));
  const auto expected = desk.Server().Count(
      "SELECT count(*) FROM doudi.person WHERE left_on IS NULL AND region_code = '331022001201' AND name LIKE '%" +
      fragment + "%'");
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching(); }));
  BOOST_TEST(registry.ResultCount() == expected);
  // By full ID: exactly that person, ID masked on screen.
  const std::string someone = desk.Server().Scalar(
      "SELECT id_number FROM doudi.person WHERE region_code = '331022001201' ORDER BY id LIMIT 1");
  registry.SearchFor(wxString::FromUTF8(someone.c_str()));
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching(); }));
  BOOST_TEST(registry.ResultCount() == 1);
  // By ID prefix (address code and birth year).
  registry.SearchFor(wxString::FromUTF8(someone.substr(0, 10).c_str()));
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching(); }));
  BOOST_TEST(registry.ResultCount() ==
             desk.Server().Count("SELECT count(*) FROM doudi.person WHERE left_on IS NULL AND region_code = "
                                 "'331022001201' AND id_number LIKE '" + someone.substr(0, 10) + "%'"));
  // Outside the clerk's village nothing is found, even by exact ID.
  const std::string elsewhere =
      desk.Server().Scalar("SELECT id_number FROM doudi.person WHERE region_code LIKE '350582%' LIMIT 1");
  registry.SearchFor(wxString::FromUTF8(elsewhere.c_str()));
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching(); }));
  BOOST_TEST(registry.ResultCount() == 0);
  frame->Hide();  // unmapped first, so no picture of it stays on the virtual screen
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(300));
  delete frame;
}

BOOST_AUTO_TEST_CASE(a_wrong_password_is_said_plainly) {
  test::DeskDatabase desk;
  auto profile = ProfileOf(desk.ClerkConnection());
  gui::LoginDialog dialog(nullptr, {profile}, "test", desk.ClerkRole(), wxEmptyString);
  dialog.Show();
  dialog.Raise();
  auto* password = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("password", &dialog));
  BOOST_REQUIRE(password != nullptr);
  password->ChangeValue("certainly-not-the-password");
  // libpq prefers a typed password to the password file.
  wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
  dialog.ProcessWindowEvent(click);
  auto* message = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("message", &dialog));
  BOOST_REQUIRE(message != nullptr);
  const wxString expected = wxGetTranslation("The user name or password is wrong.");
  BOOST_REQUIRE(test::PumpUntil([&] { return message->GetLabel() == expected; }));
  dialog.Refresh();
  test::PumpUntil([] { return false; }, std::chrono::milliseconds(1000));  // let it paint
  BOOST_TEST(gui::SaveWindowPng(&dialog, ShotPath("login-wrong-password.png")));
}

BOOST_AUTO_TEST_SUITE_END()
