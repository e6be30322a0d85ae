// The link to the server cut and restored while a clerk works: the test
// owns a loopback proxy between the workstation and the cluster's TLS port,
// so no other test is disturbed. A save made while the link is cut fails in
// plain words, the form keeps what was typed, and the save after the link
// is back is applied exactly once, also when the first save did commit but
// its reply was lost (resolved by the save's request id, migration 6); a
// search made while it is cut says so, and the next one works without a
// restart. The 上报 section says it is reconnecting while the link is cut
// and, once it is back, lists the report that came meanwhile by itself.
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include <Poco/Net/SocketAddress.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "app/login_dialog.h"
#include "app/main_frame.h"
#include "app/screenshot.h"
#include "common/database_worker.h"
#include "doudi/dal/connection_profile.h"
#include "gui_harness.h"
#include "intake/intake_panel.h"
#include "intake_reporter.h"
#include "registry/household_editor.h"
#include "registry/registry_panel.h"
#include "tcp_proxy.h"

using namespace doudi;
using namespace std::chrono_literals;
using gui::HouseholdEditor;

namespace {

using doudi::test::ShotPath;

std::string Utf8(const wxString& text) {
  return text.utf8_string();
}

// "key=value key2=value2" without quotes, as scripts/test writes them.
std::map<std::string, std::string> ParseConninfo(const std::string& conninfo) {
  std::map<std::string, std::string> out;
  std::istringstream in(conninfo);
  std::string pair;
  while (in >> pair) {
    const auto eq = pair.find('=');
    if (eq != std::string::npos) out[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  return out;
}

// A conninfo value in single quotes, with ' and \ escaped.
std::string Quoted(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// What the clerk is told when the server cannot be reached, in the
// interface's language.
wxString Unreachable() {
  return wxGetTranslation(
      "The database server cannot be reached. Check the network cable and the server profile, or try again later.");
}

// Whether some static text under root shows exactly text.
bool Shows(wxWindow* root, const wxString& text) {
  if (auto* label = dynamic_cast<wxStaticText*>(root); label != nullptr && label->GetLabel() == text) return true;
  for (wxWindow* child : root->GetChildren()) {
    if (Shows(child, text)) return true;
  }
  return false;
}

// The demo registry, and the clerk logged in over TLS through a proxy in
// front of the cluster's TCP port (DOUDI_TEST_TLS_DB): host=localhost keeps
// verify-full checking the server's name, hostaddr sends the connection to
// the proxy, and the password comes from the harness's PGPASSFILE.
struct ProxiedDesk {
  test::DeskDatabase desk;
  std::map<std::string, std::string> tls = TlsServer();
  test::TcpProxy proxy{Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(std::stoi(tls.at("port"))))};
  std::string conninfo = "host=localhost hostaddr=127.0.0.1 port=" + std::to_string(proxy.Port()) +
                         " dbname=" + desk.Server().Name() + " user=" + desk.ClerkRole() +
                         " sslmode=verify-full sslrootcert=" + Quoted(tls.at("sslrootcert"));
  gui::Session session = LogIn();
  std::int64_t householdId = std::stoll(desk.Server().Scalar(
      "SELECT id FROM doudi.household WHERE region_code = '331022001201' AND source_ref = 'SM-0001'"));

  static std::map<std::string, std::string> TlsServer() {
    const char* server = std::getenv("DOUDI_TEST_TLS_DB");
    BOOST_REQUIRE_MESSAGE(server != nullptr && *server != '\0',
                          "DOUDI_TEST_TLS_DB is not set: run the GUI tests through scripts/test");
    auto parts = ParseConninfo(server);
    BOOST_REQUIRE(parts.count("port") == 1 && parts.count("sslrootcert") == 1);
    // The cluster listens on 127.0.0.1 only (scripts/test).
    BOOST_REQUIRE(parts["host"] == "localhost" || parts["host"] == "127.0.0.1");
    return parts;
  }

  gui::Session LogIn() {
    std::optional<gui::Session> s;
    wxString error;
    gui::TryLogin(
        nullptr, conninfo, "", [&](gui::Session in) { s = std::move(in); }, [&](const wxString& e) { error = e; });
    BOOST_REQUIRE(test::PumpUntil([&] { return s.has_value() || !error.empty(); }, 20s));
    BOOST_REQUIRE_MESSAGE(s.has_value(), Utf8(error));
    // Through the proxy, and encrypted all the way to the server.
    BOOST_TEST(proxy.Forwarded() >= 1);
    BOOST_TEST(s->server.tls);
    BOOST_TEST(s->identity.roleName == desk.ClerkRole());
    return *s;
  }

  std::string Stored() {
    return desk.Server().Scalar("SELECT address || '|' || version FROM doudi.household WHERE id = " +
                                std::to_string(householdId));
  }
};

// Deletes a top-level window however the test ends.
struct WindowCloser {
  void operator()(wxWindow* window) const {
    window->Hide();
    test::PumpUntil([] { return false; }, 100ms);  // unmapped before it goes
    delete window;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(connection)

BOOST_FIXTURE_TEST_CASE(a_save_while_cut_fails_plainly_keeps_the_form_and_is_applied_once_later, ProxiedDesk) {
  const std::string before = Stored();
  const std::string typed = "海游街道悬渚村3组62号";
  BOOST_REQUIRE(before.size() > 2 && before.substr(before.size() - 2) == "|1");
  BOOST_REQUIRE(before.substr(0, before.size() - 2) != typed);

  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  std::unique_ptr<HouseholdEditor, WindowCloser> editor(new HouseholdEditor(nullptr, worker, session, householdId));
  editor->Show();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() != HouseholdEditor::State::Loading; }, 20s));
  BOOST_REQUIRE(editor->GetState() == HouseholdEditor::State::Editing);
  // The editor's connection is the one link through the proxy (the login's
  // worker has closed its own), and the server sees it encrypted.
  BOOST_TEST(test::PumpUntil([&] { return proxy.Open() == 1; }, 5s));
  const std::string clerkSessions =
      "SELECT count(*) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) "
      "WHERE a.usename = '" +
      desk.ClerkRole() + "'";
  BOOST_TEST(desk.Server().Count(clerkSessions + " AND s.ssl") >= 1);
  BOOST_TEST(desk.Server().Count(clerkSessions + " AND NOT s.ssl") == 0);

  auto* address = dynamic_cast<wxTextCtrl*>(editor->FieldControl("address"));
  BOOST_REQUIRE(address != nullptr);
  address->SetValue(wxString::FromUTF8(typed));
  BOOST_REQUIRE(editor->IsDirty());

  // The cable is pulled, then the clerk saves.
  proxy.Cut();
  const int refusedBefore = proxy.Refused();
  const auto savedAt = std::chrono::steady_clock::now();
  editor->Save();
  BOOST_TEST((editor->GetState() == HouseholdEditor::State::Saving));
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() != HouseholdEditor::State::Saving; }, 30s));
  const auto took = std::chrono::steady_clock::now() - savedAt;
  BOOST_TEST_MESSAGE("the failed save was reported after "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
  BOOST_TEST((took < 15s));
  BOOST_TEST((editor->GetState() == HouseholdEditor::State::Editing));
  // The retry on a fresh connection met the cut link too.
  BOOST_TEST(proxy.Refused() > refusedBefore);
  // Not saved, in plain words; the form keeps what was typed.
  BOOST_TEST(Utf8(editor->StatusText()) == Utf8(wxString::Format(wxGetTranslation("The save could not be confirmed: %s Your changes are kept; save "
                                                         "again when the connection is back (a save that did arrive is "
                                                         "not applied twice)."),
                                        Unreachable())));
  BOOST_TEST(Utf8(address->GetValue()) == typed);
  BOOST_TEST(editor->Edited().address == typed);
  BOOST_TEST(editor->IsDirty());
  BOOST_TEST(editor->CanSave());
  BOOST_TEST(Stored() == before);
  BOOST_TEST(desk.Server().Count("SELECT count(*) FROM doudi.save_request WHERE household_id = " +
                                 std::to_string(householdId)) == 0);
  test::PumpUntil([] { return false; }, 300ms);  // let it paint
  BOOST_TEST(gui::SaveWindowPng(editor.get(), ShotPath("household-editor-connection-lost.png")));

  // The link is back: the same save goes through, once.
  proxy.Restore();
  editor->Save();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() != HouseholdEditor::State::Saving; }, 30s));
  BOOST_TEST((editor->GetState() == HouseholdEditor::State::Editing));
  BOOST_TEST(Utf8(editor->StatusText()) == Utf8(wxGetTranslation("Saved.")));
  BOOST_TEST(!editor->IsDirty());
  BOOST_TEST(Stored() == typed + "|2");
  // One request recorded, for version 2: the retried save was applied once.
  BOOST_TEST(desk.Server().Scalar("SELECT count(*) || '|' || coalesce(max(version), 0) FROM doudi.save_request "
                                  "WHERE household_id = " +
                                  std::to_string(householdId)) == "1|2");
}

BOOST_FIXTURE_TEST_CASE(a_save_whose_reply_was_lost_is_applied_once_by_its_request_id, ProxiedDesk) {
  const std::string before = Stored();
  const std::string typed = "海游街道悬渚村3组63号";
  BOOST_REQUIRE(before.substr(0, before.size() - 2) != typed);
  bool conflictShown = false;
  gui::DatabaseWorker worker{dal::WithNetworkTimeouts(session.connectionString)};
  std::unique_ptr<HouseholdEditor, WindowCloser> editor(new HouseholdEditor(nullptr, worker, session, householdId));
  editor->Show();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() != HouseholdEditor::State::Loading; }, 20s));
  BOOST_REQUIRE(editor->GetState() == HouseholdEditor::State::Editing);
  // A save that met "another version" would ask here; it must not.
  editor->SetConflictResolver([&](const model::Household&, const model::Household&,
                                  const model::Household&) -> std::optional<model::Household> {
    conflictShown = true;
    return std::nullopt;
  });

  // The clerk's COMMIT is made to wait on a lock this test holds (a deferred
  // trigger, in this throwaway database only), so the link can be cut when
  // the server has the whole save but the clerk has not heard back: the
  // outcome the request id exists for. Declared after the worker, so the
  // lock goes first whatever happens and no job is left waiting on it.
  test::Session holder = desk.Server().AsSuperuser();
  holder.Execute("SELECT pg_advisory_lock(4242)");
  holder.Execute(
      "CREATE FUNCTION public.test_hold_commit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS "
      "$$BEGIN PERFORM pg_advisory_xact_lock(4242); RETURN NULL; END$$; "
      "CREATE CONSTRAINT TRIGGER test_hold_commit AFTER INSERT ON doudi.save_request "
      "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.test_hold_commit()");
  auto* address = dynamic_cast<wxTextCtrl*>(editor->FieldControl("address"));
  BOOST_REQUIRE(address != nullptr);
  address->SetValue(wxString::FromUTF8(typed));
  editor->Save();

  const std::string committing = "SELECT count(*) FROM pg_stat_activity WHERE usename = '" + desk.ClerkRole() +
                                 "' AND wait_event_type = 'Lock' AND wait_event = 'advisory'";
  BOOST_REQUIRE(test::PumpUntil([&] { return holder.Count(committing) == 1; }, 20s));
  BOOST_TEST((editor->GetState() == HouseholdEditor::State::Saving));
  proxy.Cut();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() != HouseholdEditor::State::Saving; }, 30s));
  BOOST_TEST((editor->GetState() == HouseholdEditor::State::Editing));
  BOOST_TEST(Utf8(editor->StatusText()) == Utf8(wxString::Format(wxGetTranslation("The save could not be confirmed: %s Your changes are kept; save "
                                                         "again when the connection is back (a save that did arrive is "
                                                         "not applied twice)."),
                                        Unreachable())));
  BOOST_TEST(Utf8(address->GetValue()) == typed);
  BOOST_TEST(editor->IsDirty());
  // The server finishes the COMMIT nobody hears about.
  holder.Execute("SELECT pg_advisory_unlock(4242)");
  const std::string stored =
      "SELECT address || '|' || version FROM doudi.household WHERE id = " + std::to_string(householdId);
  BOOST_REQUIRE(test::PumpUntil([&] { return holder.Scalar(stored) == typed + "|2"; }, 20s));

  // The link is back and the clerk saves again: the request id finds the
  // save already applied; nothing is applied twice, no conflict is shown.
  proxy.Restore();
  editor->Save();
  BOOST_REQUIRE(test::PumpUntil([&] { return editor->GetState() != HouseholdEditor::State::Saving; }, 30s));
  BOOST_TEST(!conflictShown);
  BOOST_TEST((editor->GetState() == HouseholdEditor::State::Editing));
  BOOST_TEST(Utf8(editor->StatusText()) == Utf8(wxGetTranslation("Saved.")));
  BOOST_TEST(!editor->IsDirty());
  BOOST_TEST(Stored() == typed + "|2");
  BOOST_TEST(desk.Server().Scalar("SELECT count(*) || '|' || coalesce(max(version), 0) FROM doudi.save_request "
                                  "WHERE household_id = " +
                                  std::to_string(householdId)) == "1|2");
}

BOOST_FIXTURE_TEST_CASE(a_search_while_cut_says_so_and_the_next_one_works, ProxiedDesk) {
  std::unique_ptr<gui::MainFrame, WindowCloser> frame(new gui::MainFrame(session, [] {}));
  frame->Show();
  auto& registry = frame->Registry();
  const auto connectionState = [&] { return frame->GetStatusBar()->GetStatusText(0); };
  const wxString connected =
      wxString::Format(wxGetTranslation("Connected, encrypted (%s)"), wxString::FromUTF8(session.server.tlsVersion));
  const wxString disconnected =
      wxGetTranslation("Disconnected from the database - reconnecting at the next request; nothing typed is lost");
  // Back after a loss, the status bar names the server (of a multi-host
  // profile's list, the one it came back to): here the proxy.
  BOOST_TEST(session.server.host == "localhost");
  BOOST_TEST(session.server.port == std::to_string(proxy.Port()));
  const std::string where = "localhost:" + std::to_string(proxy.Port());
  const wxString reconnected =
      wxString::Format(wxGetTranslation("Reconnected to the database server %s"), wxString::FromUTF8(where));
  BOOST_TEST(Utf8(frame->GetStatusBar()->GetStatusText(1)).find(where) != std::string::npos);
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching(); }, 20s));
  const auto village =
      desk.Server().Count("SELECT count(*) FROM doudi.person WHERE left_on IS NULL AND region_code = '331022001201'");
  BOOST_REQUIRE(village > 0);
  BOOST_TEST(registry.ResultCount() == village);
  BOOST_TEST(Utf8(connectionState()) == Utf8(connected));

  const std::string name =
      desk.Server().Scalar("SELECT name FROM doudi.person WHERE region_code = '331022001201' ORDER BY id LIMIT 1");
  const std::string fragment = name.substr(3);  // the given name
  const auto matching = desk.Server().Count(
      "SELECT count(*) FROM doudi.person WHERE left_on IS NULL AND region_code = '331022001201' AND name LIKE '%" +
      fragment + "%'");
  BOOST_REQUIRE(matching > 0);

  proxy.Cut();
  const auto searchedAt = std::chrono::steady_clock::now();
  registry.SearchFor(wxString::FromUTF8(fragment));
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching(); }, 30s));
  BOOST_TEST(registry.ResultCount() == 0);
  // The result line says why, plainly, and so does the status bar.
  BOOST_TEST(Shows(&registry, Unreachable()));
  BOOST_TEST(test::PumpUntil([&] { return connectionState() == disconnected; }, 15s));
  BOOST_TEST((std::chrono::steady_clock::now() - searchedAt < 15s));

  // Back: the next search works in the same window.
  proxy.Restore();
  registry.SearchFor(wxString::FromUTF8(fragment));
  BOOST_REQUIRE(test::PumpUntil([&] { return !registry.IsSearching(); }, 30s));
  BOOST_TEST(registry.ResultCount() == matching);
  BOOST_TEST(test::PumpUntil([&] { return connectionState() == reconnected; }, 15s));
}

BOOST_FIXTURE_TEST_CASE(the_field_reports_section_reconnects_and_lists_what_came_meanwhile, ProxiedDesk) {
  test::IntakeReporter reporter(desk);
  using Live = gui::IntakePanel::Live;
  auto* frame = new gui::MainFrame(session, [] {});
  frame->Show();
  auto* panel = frame->FindSection<gui::IntakePanel>();
  BOOST_REQUIRE(panel != nullptr);
  BOOST_REQUIRE(test::PumpUntil([&] { return panel->GetLive() == Live::Listening && !panel->IsLoading(); }, 20s));

  proxy.Cut();
  BOOST_REQUIRE(test::PumpUntil([&] { return panel->GetLive() == Live::Reconnecting; }, 10s));
  BOOST_TEST(Utf8(panel->LiveText()) ==
             Utf8(wxGetTranslation("Reconnecting: new reports do not appear until the connection is back")));
  // Sent while the desk's link is cut (doudi-intake has its own).
  const auto sent = reporter.Send("李大妈", "", "emergency", false);
  test::PumpUntil([] { return false; }, 1s);
  BOOST_TEST(panel->RowOf(sent.id) < 0);

  proxy.Restore();
  BOOST_REQUIRE(test::PumpUntil([&] { return panel->RowOf(sent.id) >= 0; }, 20s));
  BOOST_TEST((panel->GetLive() == Live::Listening));
  BOOST_TEST(panel->IsNew(sent.id));
  test::CloseFrame(frame);
}

BOOST_AUTO_TEST_SUITE_END()
