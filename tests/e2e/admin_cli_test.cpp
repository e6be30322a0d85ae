// doudi-admin as an administrator runs it: a real process against a real
// database on the test cluster, with the fixture files in tests/fixtures.
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "audit_tampering.h"
#include "commands.h"
#include "demo_data.h"
#include "doudi/dal/pg/pg_database.h"
#include "process.h"
#include "test_database.h"
#include "zip_part.h"

using doudi::test::FixturePath;
using doudi::test::TestDatabase;

namespace {

using Result = doudi::test::ProcessResult;

// Runs doudi-admin with args, standard input input and extra environment,
// in English (these tests read its messages; hardening_cli_test.cpp checks
// the Chinese default).
Result Admin(std::vector<std::string> args, const std::string& input = "", const Poco::Process::Env& env = {}) {
  args.insert(args.begin(), {"--lang", "en"});
  return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args, input, env);
}

// A migrated database with the demo regions and nothing else.
struct AdminDatabase {
  TestDatabase server;
  AdminDatabase() {
    BOOST_REQUIRE_EQUAL(Run({"db", "migrate"}).exitCode, 0);
    // The demo regions without the demo households and their cases.
    doudi::dal::pg::PgDatabase(server.ConnectionString()).UpsertRegions(doudi::admin::DemoRegions());
  }
  Result Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", server.ConnectionString()});
    return Admin(args);
  }
};

// line,column,code triples from an expected-errors fixture or a report.
std::set<std::string> ExpectedProblems(const std::string& fixture) {
  std::ifstream in(FixturePath(fixture));
  std::set<std::string> lines;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.insert(line);
  }
  return lines;
}

// The same triples from the "line N, column: code: message" lines on stderr.
std::set<std::string> ReportedProblems(const std::string& err) {
  std::set<std::string> found;
  std::istringstream in(err);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("line ", 0) != 0) continue;
    const auto comma = line.find(", ");
    const auto colon = line.find(": ", comma);
    const auto colon2 = line.find(": ", colon + 2);
    found.insert(line.substr(5, comma - 5) + "," + line.substr(comma + 2, colon - comma - 2) + "," +
                 line.substr(colon + 2, colon2 - colon - 2));
  }
  return found;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_cli)

BOOST_AUTO_TEST_CASE(help_and_usage_errors) {
  const auto help = Admin({"--help"});
  BOOST_TEST(help.exitCode == 0);
  BOOST_TEST(help.out.find("import households") != std::string::npos);
  const auto importHelp = Admin({"import", "households", "--help"});
  BOOST_TEST(importHelp.exitCode == 0);
  BOOST_TEST(importHelp.out.find("--dry-run") != std::string::npos);
  BOOST_TEST(Admin({"frobnicate"}).exitCode == 2);
  const auto missingFile = Admin({"import", "households"});
  BOOST_TEST(missingFile.exitCode == 2);
  BOOST_TEST(missingFile.err.find("usage") != std::string::npos);
  const auto wrongOption = Admin({"db", "status", "--dry-run"});
  BOOST_TEST(wrongOption.exitCode == 2);
  BOOST_TEST(wrongOption.err.find("--dry-run does not apply") != std::string::npos);
  BOOST_TEST(Admin({"--no-such-option"}).exitCode == 2);
}

// Every kind the roster command takes (the command's own list) is in
// `doudi-admin --help`, in `roster --help` in both languages and in the
// refusal of an unknown kind, and is accepted (the command goes on to ask
// for --month).
BOOST_AUTO_TEST_CASE(help_lists_every_roster_kind) {
  const auto kinds = doudi::admin::RosterKindCodes();
  BOOST_TEST_REQUIRE(kinds.size() >= 3u);
  const auto help = Admin({"--help"});
  BOOST_TEST_REQUIRE(help.exitCode == 0);
  const auto usage = help.out.find("roster [--kind ");
  BOOST_TEST_REQUIRE(usage != std::string::npos, help.out);
  const std::string usageLine = help.out.substr(usage, help.out.find('\n', usage) - usage);
  const auto rosterHelp = Admin({"roster", "--help"});
  const auto rosterHelpZh = doudi::test::RunProcess(DOUDI_ADMIN_EXE, {"roster", "--help"});
  const auto unknown = Admin({"roster", "--kind", "no-such-kind"});
  BOOST_TEST(unknown.exitCode == 2);
  for (const auto& kind : kinds) {
    BOOST_TEST_CONTEXT(kind) {
      BOOST_TEST(usageLine.find(kind) != std::string::npos, usageLine);
      BOOST_TEST(rosterHelp.out.find("--kind " + kind) != std::string::npos, rosterHelp.out);
      BOOST_TEST(rosterHelpZh.out.find("--kind " + kind) != std::string::npos, rosterHelpZh.out);
      BOOST_TEST(unknown.err.find(kind) != std::string::npos, unknown.err);
      const auto accepted = Admin({"roster", "--kind", kind});
      BOOST_TEST(accepted.exitCode == 2);
      BOOST_TEST(accepted.err.find("--month") != std::string::npos, accepted.err);
      BOOST_TEST(accepted.err.find("--kind") == std::string::npos, accepted.err);
    }
  }
}

BOOST_AUTO_TEST_CASE(unmigrated_database_is_refused_with_advice) {
  TestDatabase server;
  const auto r = Admin({"--db", server.ConnectionString(), "demo-data"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(r.err.find("doudi-admin db migrate") != std::string::npos);
  const auto status = Admin({"--db", server.ConnectionString(), "db", "status"});
  BOOST_TEST(status.exitCode == 0);
  BOOST_TEST(status.out.find("pending") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unreachable_server_is_a_clear_failure) {
  const auto r = Admin({"--db", "host=/nonexistent-socket-dir port=1 dbname=x user=x connect_timeout=2", "db", "status"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(r.err.find("cannot connect") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tls_verify_full_is_used_and_shown) {
  const char* tls = std::getenv("DOUDI_TEST_TLS_DB");
  const char* wrongCa = std::getenv("DOUDI_TEST_TLS_WRONG_CA");
  BOOST_REQUIRE_MESSAGE(tls != nullptr && wrongCa != nullptr, "scripts/test sets DOUDI_TEST_TLS_DB");
  const auto secure = Admin({"--db", tls, "db", "status"});
  BOOST_TEST(secure.exitCode == 0, secure.err);
  BOOST_TEST(secure.out.find("connection encrypted (TLSv1.") != std::string::npos, secure.out);
  // A server whose certificate the configured CA did not sign is refused.
  std::string wrong = tls;
  wrong = wrong.substr(0, wrong.find("sslrootcert=")) + "sslrootcert=" + wrongCa;
  const auto refused = Admin({"--db", wrong, "db", "status"});
  BOOST_TEST(refused.exitCode == 2);
  BOOST_TEST(refused.err.find("certificate") != std::string::npos, refused.err);
  // The local Unix socket is not encrypted, and says so.
  TestDatabase server;
  const auto local = Admin({"--db", server.ConnectionString(), "db", "status"});
  BOOST_TEST(local.out.find("connection not encrypted") != std::string::npos, local.out);
}

BOOST_AUTO_TEST_CASE(migrate_twice_and_status) {
  TestDatabase server;
  const auto first = Admin({"--db", server.ConnectionString(), "db", "migrate"});
  BOOST_TEST(first.exitCode == 0);
  BOOST_TEST(first.out.find("applied migration 1") != std::string::npos);
  const auto second = Admin({"--db", server.ConnectionString(), "db", "migrate"});
  BOOST_TEST(second.out.find("up to date") != std::string::npos);
  const auto status = Admin({"--db", server.ConnectionString(), "db", "status"});
  BOOST_TEST(status.out.find("baseline") != std::string::npos);
  BOOST_TEST(first.out.find("schema file(s) applied") != std::string::npos, first.out);
  BOOST_TEST(status.out.find("pending") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(demo_data_loads_once) {
  TestDatabase server;
  Admin({"--db", server.ConnectionString(), "db", "migrate"});
  const auto first = Admin({"--db", server.ConnectionString(), "demo-data"});
  BOOST_TEST(first.exitCode == 0);
  BOOST_TEST(first.out.find("100 new") != std::string::npos);
  const auto again = Admin({"--db", server.ConnectionString(), "demo-data"});
  BOOST_TEST(again.out.find("100 unchanged") != std::string::npos);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.household") == 100);
  BOOST_TEST(server.Count("SELECT count(DISTINCT substr(region_code, 1, 6)) FROM doudi.household") == 3);
}

BOOST_AUTO_TEST_CASE(same_households_in_three_encodings) {
  AdminDatabase db;
  const auto utf8 = db.Run({"import", "households", FixturePath("import/good-utf8.csv")});
  BOOST_TEST(utf8.exitCode == 0, utf8.err);
  BOOST_TEST(utf8.out.find("6 new") != std::string::npos, utf8.out);
  for (const std::string other : {"import/good-utf8-bom-crlf.csv", "import/good-gbk.csv"}) {
    const auto r = db.Run({"import", "households", FixturePath(other)});
    BOOST_TEST(r.exitCode == 0, other << ": " << r.err);
    BOOST_TEST(r.out.find("6 unchanged") != std::string::npos, other << ": " << r.out);
  }
  BOOST_TEST(db.server.Scalar("SELECT address FROM doudi.household WHERE source_ref = 'FX-0001'") ==
             "沙柳街道沙柳村7号,\"老供销社\"东侧");
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.person") == 16);
}

BOOST_AUTO_TEST_CASE(every_bad_row_is_reported_and_nothing_half_saved) {
  AdminDatabase db;
  const std::string report = Poco::TemporaryFile::tempName() + ".csv";
  const auto r = db.Run({"import", "households", FixturePath("import/bad-rows.csv"), "--report", report});
  BOOST_TEST(r.exitCode == 1);
  const auto expected = ExpectedProblems("import/bad-rows.expected.csv");
  const auto reported = ReportedProblems(r.err);
  BOOST_TEST(reported == expected, "reported:\n" << r.err);
  // Rejected households are not stored at all; good ones are, verbatim.
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.household h WHERE EXISTS (SELECT 1 FROM doudi.person p "
                             "WHERE p.household_id = h.id) IS FALSE") == 0);
  BOOST_TEST(db.server.Scalar("SELECT count(*) FROM doudi.household WHERE address = '3号楼''; DROP TABLE "
                              "household;-- 50%_\\'") == "1");
  // The report holds each rejected row once, with its reasons, in the same template.
  const std::string text = ReadFile(report);
  BOOST_TEST(text.rfind("\xEF\xBB\xBFhousehold_ref,", 0) == 0);
  BOOST_TEST(text.find("error_code") != std::string::npos);
  BOOST_TEST(text.find("id_number.checksum_mismatch") != std::string::npos);
  std::set<std::string> lines;
  for (const auto& e : expected) lines.insert(e.substr(0, e.find(',')));
  std::size_t rows = 0;
  for (auto at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at + 2)) ++rows;
  BOOST_TEST(rows == lines.size() + 1);  // header + one line per rejected row
  std::remove(report.c_str());
}

BOOST_AUTO_TEST_CASE(dry_run_reports_without_storing) {
  AdminDatabase db;
  const auto r = db.Run({"import", "households", FixturePath("import/bad-rows.csv"), "--dry-run"});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.out.find("dry run") != std::string::npos);
  BOOST_TEST(ReportedProblems(r.err) == ExpectedProblems("import/bad-rows.expected.csv"));
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.household") == 0);
}

BOOST_AUTO_TEST_CASE(member_of_another_household_is_refused) {
  AdminDatabase db;
  BOOST_REQUIRE_EQUAL(db.Run({"import", "households", FixturePath("import/good-utf8.csv")}).exitCode, 0);
  const auto r = db.Run({"import", "households", FixturePath("import/in-other-household.csv")});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(ReportedProblems(r.err) == ExpectedProblems("import/in-other-household.expected.csv"), r.err);
}

BOOST_AUTO_TEST_CASE(bad_header_names_the_column_and_stores_nothing) {
  AdminDatabase db;
  const auto r = db.Run({"import", "households", FixturePath("import/bad-header.csv")});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(r.err.find("id_number") != std::string::npos, r.err);
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.household") == 0);
  const auto missing = db.Run({"import", "households", "/nonexistent/file.csv"});
  BOOST_TEST(missing.exitCode == 2);
  BOOST_TEST(missing.err.find("/nonexistent/file.csv") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(export_round_trips_through_import) {
  AdminDatabase db;
  BOOST_REQUIRE_EQUAL(db.Run({"import", "households", FixturePath("import/good-utf8.csv")}).exitCode, 0);
  const std::string file = Poco::TemporaryFile::tempName() + ".csv";
  const auto exported = db.Run({"export", "households", "-o", file});
  BOOST_TEST(exported.exitCode == 0, exported.err);
  const auto again = db.Run({"import", "households", file});
  BOOST_TEST(again.exitCode == 0, again.err);
  BOOST_TEST(again.out.find("6 unchanged") != std::string::npos, again.out);
  const auto sanmenOnly = db.Run({"export", "households", "--region", "350582"});
  BOOST_TEST(sanmenOnly.out.find("331022") == std::string::npos);
  std::remove(file.c_str());
}

BOOST_AUTO_TEST_CASE(synthetic_registry_generates_and_imports) {
  TestDatabase server;
  Admin({"--db", server.ConnectionString(), "db", "migrate"});
  const auto r = Admin({"--db", server.ConnectionString(), "demo-data", "--households", "500", "--seed", "3"});
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.household") == 500);
  BOOST_TEST(Admin({"demo-data", "--households", "zero"}).exitCode == 2);
}

// The initial password doudi-admin prints once after "...: ".
std::string ShownPassword(const std::string& out) {
  const auto at = out.find("(shown once");
  BOOST_REQUIRE(at != std::string::npos);
  const auto start = out.find(": ", at) + 2;
  return out.substr(start, out.find('\n', start) - start);
}

BOOST_AUTO_TEST_CASE(users_are_managed_by_a_center_administrator) {
  AdminDatabase db;
  // Roles are cluster-wide: named after this test database (not "doudi...", which is reserved).
  const std::string prefix = "e2e" + db.server.Name().substr(std::string("doudi_test").size()) + "_";
  const auto added = db.Run({"user", "add", prefix + "admin", "--group", "center_admin", "--scope", "331022"});
  BOOST_REQUIRE_EQUAL(added.exitCode, 0);
  const std::string adminPassword = ShownPassword(added.out);
  BOOST_TEST(adminPassword.size() == 16u);
  // The administrator logs in with a password file of their own.
  const std::string passfile = Poco::TemporaryFile::tempName();
  {
    std::ofstream pass(passfile);
    pass << "*:*:*:" << prefix << "admin:" << adminPassword << "\n";
  }
  std::filesystem::permissions(passfile, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const std::string asAdmin = db.server.ConnectionString() + " user=" + prefix + "admin";
  const Poco::Process::Env env{{"PGPASSFILE", passfile}};
  const auto clerk = Admin({"--db", asAdmin, "user", "add", prefix + "clerk", "--group", "village_clerk", "--scope",
                            "331022001201", "--password-stdin", "--name", "李四"},
                           "correct horse battery\n", env);
  BOOST_TEST(clerk.exitCode == 0, clerk.err);
  BOOST_TEST(clerk.out.find("correct horse") == std::string::npos);  // never echoed
  const auto outside = Admin({"--db", asAdmin, "user", "add", prefix + "x", "--group", "city_decider", "--scope", "35"},
                             "", env);
  BOOST_TEST(outside.exitCode == 2);
  BOOST_TEST(outside.err.find("outside your own scope") != std::string::npos, outside.err);
  const auto list = Admin({"--db", asAdmin, "user", "list"}, "", env);
  BOOST_TEST(list.out.find(prefix + "clerk") != std::string::npos, list.out);
  BOOST_TEST(list.out.find("李四") != std::string::npos);
  BOOST_TEST(Admin({"--db", asAdmin, "user", "disable", prefix + "clerk"}, "", env).exitCode == 0);
  BOOST_TEST(db.server.Scalar("SELECT rolcanlogin FROM pg_roles WHERE rolname = '" + prefix + "clerk'") == "f");
  BOOST_TEST(Admin({"--db", asAdmin, "user", "enable", prefix + "clerk"}, "", env).exitCode == 0);
  BOOST_TEST(Admin({"--db", asAdmin, "user", "set-scope", prefix + "clerk", "331022001206"}, "", env).exitCode == 0);
  BOOST_TEST(db.server.Scalar("SELECT region_scope FROM doudi.app_user WHERE role_name = '" + prefix + "clerk'") ==
             "331022001206");
  const auto bad = Admin({"--db", asAdmin, "user", "add", prefix + "y", "--group", "janitor", "--scope", "331022"}, "", env);
  BOOST_TEST(bad.exitCode == 2);
  BOOST_TEST(bad.err.find("--group is one of") != std::string::npos);
  std::remove(passfile.c_str());
  db.server.Execute("DROP ROLE IF EXISTS " + prefix + "clerk");
  db.server.Execute("DROP ROLE IF EXISTS " + prefix + "admin");
}

BOOST_AUTO_TEST_CASE(audit_verify_and_history) {
  AdminDatabase db;
  BOOST_REQUIRE_EQUAL(db.Run({"import", "households", FixturePath("import/good-utf8.csv")}).exitCode, 0);
  const auto ok = db.Run({"audit", "verify"});
  BOOST_TEST(ok.exitCode == 0, ok.err);
  BOOST_TEST(ok.out.find("audit trail intact") != std::string::npos, ok.out);
  // In Chinese by default (Run asks for English).
  const auto chinese =
      doudi::test::RunProcess(DOUDI_ADMIN_EXE, {"--db", db.server.ConnectionString(), "audit", "verify"}, "", {});
  BOOST_TEST(chinese.exitCode == 0, chinese.err);
  BOOST_TEST(chinese.out.find("审计记录完好") != std::string::npos, chinese.out);
  const std::string household = db.server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'FX-0001'");
  const auto history = db.Run({"audit", "show", "--household", household});
  BOOST_TEST(history.out.find("INSERT household") != std::string::npos, history.out);
  BOOST_TEST(history.out.find("章海平") != std::string::npos);
  // Tampering by a superuser who gets past the append-only trigger is named.
  const std::string victim = db.server.Scalar("SELECT max(id) FROM doudi.audit_row WHERE table_name = 'person'");
  db.server.Execute("ALTER TABLE doudi.audit_row DISABLE TRIGGER append_only; "
                    "UPDATE doudi.audit_row SET actor = 'nobody' WHERE id = " + victim + "; "
                    "ALTER TABLE doudi.audit_row ENABLE TRIGGER append_only");
  const auto broken = db.Run({"audit", "verify"});
  BOOST_TEST(broken.exitCode == 1);
  BOOST_TEST(broken.out.find("audit row " + victim) != std::string::npos, broken.out);
  BOOST_TEST(db.Run({"audit", "show", "--household", "x"}).exitCode == 2);
}

// Issue 12: auditors list who saw full IDs (and who asked about persons
// outside their scope); the center's server runs the watchdog.
BOOST_AUTO_TEST_CASE(audit_access_lists_viewings_and_the_watchdog_runs) {
  AdminDatabase db;
  BOOST_REQUIRE_EQUAL(db.Run({"import", "households", FixturePath("import/good-utf8.csv")}).exitCode, 0);
  const std::string admin = db.server.CreateUser("acc_admin", "center_admin", "331022");
  const std::string clerk = db.server.CreateUser("acc_clerk", "township_reviewer", "331022002");
  const std::string household = db.server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'FX-0001'");
  db.server.AsUser(clerk).Rows("SELECT * FROM doudi.household_member_ids($1)", {household});
  const auto asAdmin = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.server.ConnectionStringFor(admin)});
    return Admin(args);
  };
  const auto access = asAdmin({"audit", "access"});
  BOOST_TEST(access.exitCode == 0, access.err);
  BOOST_TEST(access.out.find(clerk + " (331022002)  full ID numbers shown  household " + household) != std::string::npos,
             access.out);
  BOOST_TEST(asAdmin({"audit", "access", "--since", "2099-01-01"}).out.find("nothing recorded") != std::string::npos);
  BOOST_TEST(asAdmin({"audit", "access", "--since", "yesterday"}).exitCode == 2);
  const auto sweep = asAdmin({"watchdog"});
  BOOST_TEST(sweep.exitCode == 0, sweep.err);
  BOOST_TEST(sweep.out.find("0 sessions ended") != std::string::npos, sweep.out);
  const auto refused = Admin({"--db", db.server.ConnectionStringFor(clerk), "watchdog"});
  BOOST_TEST(refused.exitCode == 2, refused.out);
}

// Issue 12, findings 10 and 11, as an auditor meets them: a held seal lock
// is no alarm; an anchor kept outside catches a removed last transaction; a
// row changed with triggers off is named.
BOOST_AUTO_TEST_CASE(audit_anchor_and_what_verify_reports) {
  AdminDatabase db;
  BOOST_REQUIRE_EQUAL(db.Run({"import", "households", FixturePath("import/good-utf8.csv")}).exitCode, 0);
  const std::string household = db.server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'FX-0001'");
  Poco::TemporaryFile anchorFile, damagedFile;
  const auto anchor = db.Run({"audit", "anchor", "--out", anchorFile.path()});
  BOOST_REQUIRE_MESSAGE(anchor.exitCode == 0, anchor.err);
  const std::string written = ReadFile(anchorFile.path());
  const std::string seq = db.server.Scalar("SELECT max(seq) FROM doudi.audit_seal");
  const std::string hash =
      db.server.Scalar("SELECT encode(hash, 'hex') FROM doudi.audit_seal ORDER BY seq DESC LIMIT 1");
  BOOST_TEST(written.find("seal: " + seq + "\n") != std::string::npos, written);
  BOOST_TEST(written.find("hash: " + hash + "\n") != std::string::npos, written);
  BOOST_TEST(written.find("-----BEGIN DOUDI AUDIT ANCHOR-----") != std::string::npos, written);
  BOOST_TEST(anchor.out.find(written) == 0u, anchor.out);  // printed as written
  const auto held = db.Run({"audit", "verify", "--anchor", anchorFile.path()});
  BOOST_TEST(held.exitCode == 0, held.out << held.err);
  BOOST_TEST(held.out.find("anchor held: seal " + seq) != std::string::npos, held.out);

  // A damaged (or hand-edited) anchor is refused, not judged.
  std::string damaged = written;
  damaged[damaged.find("hash: ") + 6] = damaged[damaged.find("hash: ") + 6] == 'a' ? 'b' : 'a';
  std::ofstream(damagedFile.path(), std::ios::binary) << damaged;
  const auto refused = db.Run({"audit", "verify", "--anchor", damagedFile.path()});
  BOOST_TEST(refused.exitCode == 2);
  BOOST_TEST(refused.err.find("damaged or edited") != std::string::npos, refused.err);

  // Another session holds the seal lock while a change commits: its rows
  // wait, which is said, and is not a break.
  {
    doudi::test::Session sealer = db.server.AsSuperuser();
    const std::string pid = sealer.Scalar("SELECT pg_backend_pid()");
    sealer.Execute("BEGIN");
    sealer.Execute("SELECT pg_advisory_xact_lock(hashtext('doudi.audit_seal'))");
    db.server.Execute("UPDATE doudi.household SET phone = '13900000000' WHERE id = " + household);
    const auto waiting = db.Run({"audit", "verify"});
    BOOST_TEST(waiting.exitCode == 0, waiting.out);
    BOOST_TEST(
        waiting.out.find("not yet sealed: waiting for the seal lock held by session " + pid) != std::string::npos,
        waiting.out);
    BOOST_TEST(waiting.out.find("BROKEN") == std::string::npos, waiting.out);
    sealer.Execute("ROLLBACK");
  }

  // The last transaction and its seal removed by a superuser: the anchor
  // taken after it is no longer held.
  const auto last = db.Run({"audit", "anchor", "--out", anchorFile.path()});
  BOOST_REQUIRE_EQUAL(last.exitCode, 0);
  doudi::test::RemoveLastSealedTransaction(db.server);
  const auto removed = db.Run({"audit", "verify", "--anchor", anchorFile.path()});
  BOOST_TEST(removed.exitCode == 1);
  BOOST_TEST(removed.out.find("anchor NOT held: the chain ends at seal") != std::string::npos, removed.out);
  // ...and the phone number the removed transaction wrote is now a change
  // no audit row records.
  BOOST_TEST(removed.out.find("household " + household + ": differs from its last audit row") != std::string::npos,
             removed.out);
  const auto refusedAnchor = db.Run({"audit", "anchor"});
  BOOST_TEST(refusedAnchor.exitCode == 1);
  BOOST_TEST(refusedAnchor.out.find("no anchor taken") != std::string::npos, refusedAnchor.out);
}

BOOST_AUTO_TEST_CASE(audit_verify_names_a_row_changed_with_triggers_off) {
  AdminDatabase db;
  BOOST_REQUIRE_EQUAL(db.Run({"import", "households", FixturePath("import/good-utf8.csv")}).exitCode, 0);
  const std::string household = db.server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'FX-0001'");
  db.server.Execute(
      "SET session_replication_role = replica; "
      "UPDATE doudi.household SET address = '别处' WHERE id = " +
      household);
  const auto r = db.Run({"audit", "verify"});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.out.find("1 audited rows were changed outside the audit") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("household " + household + ": differs from its last audit row") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("别处") == std::string::npos, r.out);  // keys, not personal data
}

BOOST_AUTO_TEST_CASE(program_parameters_are_set_shown_and_listed) {
  AdminDatabase db;
  const auto set = db.Run({"param", "set", "dibao", "standard_per_person", "1150.00", "--unit", "fen", "--region",
                           "331022", "--from", "2027-01-01", "--note", "三门县2027年标准"});
  BOOST_TEST(set.exitCode == 0, set.err);
  BOOST_TEST(set.out.find("1,150.00 yuan") != std::string::npos, set.out);
  BOOST_TEST(db.server.Scalar("SELECT value FROM doudi.program_parameter WHERE region_prefix = '331022' AND key = "
                              "'standard_per_person' AND effective_from = '2027-01-01'") == "115000");
  // Before the change the seeded value applies, from then on the new one; each says which row it is.
  const auto before = db.Run({"param", "show", "dibao", "standard_per_person", "--region", "331022001201", "--on",
                              "2026-12-31"});
  BOOST_TEST(before.exitCode == 0, before.err);
  BOOST_TEST(before.out.find("1,080.00 yuan") != std::string::npos, before.out);
  BOOST_TEST(before.out.find("row for 331022 effective 2026-01-01") != std::string::npos, before.out);
  const auto after = db.Run({"param", "show", "dibao", "standard_per_person", "--region", "331022001201", "--on",
                             "2027-01-01"});
  BOOST_TEST(after.out.find("1,150.00 yuan") != std::string::npos, after.out);
  BOOST_TEST(after.out.find("三门县2027年标准") != std::string::npos, after.out);
  // Nothing applies in a place without parameters: exit code 1.
  BOOST_TEST(db.Run({"param", "show", "dibao", "standard_per_person", "--region", "110105001001"}).exitCode == 1);
  // The list keeps the history, and only the place asked about.
  const auto list = db.Run({"param", "list", "--program", "dibao", "--region", "331022"});
  BOOST_TEST(list.exitCode == 0, list.err);
  BOOST_TEST(list.out.find("standard_per_person  331022  from 2026-01-01  1,080.00 yuan") != std::string::npos,
             list.out);
  BOOST_TEST(list.out.find("standard_per_person  331022  from 2027-01-01  1,150.00 yuan") != std::string::npos);
  BOOST_TEST(list.out.find("350582") == std::string::npos);
  BOOST_TEST(list.out.find("destitute") == std::string::npos);
  // Bad input is refused before anything is stored, naming the field.
  struct Bad {
    std::vector<std::string> args;
    std::string names;
  };
  const std::vector<std::string> good{"--unit", "fen", "--region", "331022", "--from", "2027-02-01"};
  for (const Bad& bad : std::vector<Bad>{
           {{"dibao", "standard_per_person", "1150"}, "VALUE"},
           {{"dibao", "standard_per_person", "abc"}, "VALUE"},
           {{"dibao", "decision_deadline", "0", "--unit", "working_days", "--region", "331022", "--from", "2027-02-01"},
            "VALUE"},
           {{"dibao", "standard_per_person", "1150.00", "--unit", "yuan", "--region", "331022", "--from", "2027-02-01"},
            "--unit"},
           {{"dibao", "standard_per_person", "12", "--unit", "percent", "--region", "331022", "--from", "2027-02-01"},
            "--unit"},
           {{"dibao", "standard_per_person", "1150.00", "--unit", "fen", "--region", "3310229", "--from",
             "2027-02-01"},
            "--region"},
           {{"dibao", "standard_per_person", "1150.00", "--unit", "fen", "--region", "331022", "--from", "2027-02-30"},
            "--from"},
           {{"dibao", "standard_per_person", "1150.00", "--unit", "fen", "--region", "331022", "--from", "2027-01-01"},
            "--from"},
           {{"tekun", "standard_per_person", "1150.00"}, "PROGRAM"},
           {{"dibao", "Standard", "1150.00"}, "KEY"},
           {{"dibao", "standard_per_persn", "1150.00"}, "KEY"}}) {
    std::vector<std::string> args{"param", "set"};
    args.insert(args.end(), bad.args.begin(), bad.args.end());
    if (bad.args.size() == 3) args.insert(args.end(), good.begin(), good.end());
    const auto r = db.Run(args);
    BOOST_TEST(r.exitCode == 2, bad.args.at(2));
    BOOST_TEST(r.err.find(bad.names) != std::string::npos, r.err);
  }
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.program_parameter WHERE effective_from > '2027-01-01'") ==
             0);
  // A key new to the program is taken when it is said to be new.
  const auto added = db.Run({"param", "set", "temporary", "township_approval_limit", "1000.00", "--unit", "fen",
                             "--region", "331022", "--from", "2027-01-01", "--new-key"});
  BOOST_TEST(added.exitCode == 0, added.err);
}

BOOST_AUTO_TEST_CASE(the_holiday_calendar_is_loaded_and_payments_written) {
  const AdminDatabase db;
  const std::string shipped = std::string(DOUDI_FIXTURE_DIR) + "/../../assets/calendar/cn-public-holidays.csv";
  const auto loaded = db.Run({"calendar", "load", shipped});
  BOOST_TEST(loaded.exitCode == 0, loaded.err);
  BOOST_TEST(loaded.out.find("2026") != std::string::npos, loaded.out);
  // Spring Festival 2026 counts as the model counts it.
  BOOST_TEST(db.server.Scalar("SELECT (doudi.deadline_after(DATE '2026-02-13', 3, 'working_days')).due") ==
             "2026-02-25");
  const auto listed = db.Run({"calendar", "list"});
  BOOST_TEST(listed.out.find("2025\t") != std::string::npos, listed.out);
  // Loading again replaces, and a broken file changes nothing, naming its line.
  BOOST_TEST(db.Run({"calendar", "load", shipped}).exitCode == 0);
  const std::string broken = std::filesystem::temp_directory_path() / "doudi-broken-calendar.csv";
  std::ofstream(broken) << "date,kind,holiday\n2027-01-01,off,元旦\n2027-02-30,off,春节\n";
  const auto bad = db.Run({"calendar", "load", broken});
  BOOST_TEST(bad.exitCode == 2);
  BOOST_TEST(bad.err.find("line 3") != std::string::npos, bad.err);
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.calendar_year WHERE year = 2027") == 0);
  // Payments: the month is checked; with nothing paying, nothing is written.
  BOOST_TEST(db.Run({"payments", "generate", "--month", "2026-13"}).exitCode == 2);
  const auto none = db.Run({"payments", "generate", "--month", "2026-12"});
  BOOST_TEST(none.exitCode == 0, none.err);
  BOOST_TEST(none.out.find("0 payment lines") != std::string::npos, none.out);
}

// Excel workbooks as the desk has them: a village's list saved by
// LibreOffice imported as it is (its rejected row named by sheet, row and
// column, in Chinese by default), a sheet that is not there, a file cut
// short, and the registry exported as .xlsx with a formula-looking address
// that stays text and imports again unchanged.
BOOST_FIXTURE_TEST_CASE(a_workbook_saved_by_libreoffice_is_imported_with_its_number_stored_id_refused,
                        AdminDatabase) {
  const std::string file = FixturePath("xlsx/households-libreoffice.xlsx");
  // In Chinese, as the desk reads it.
  const auto chinese =
      doudi::test::RunProcess(DOUDI_ADMIN_EXE, {"--db", server.ConnectionString(), "import", "households", file,
                                                "--dry-run"}, "", {});
  BOOST_TEST(chinese.exitCode == 1, chinese.out << chinese.err);
  BOOST_TEST(Contains(chinese.err,
                      "households-libreoffice 第5行 E列，id_number：id_number.stored_as_number：单元格E5以数字形式存储"),
             chinese.err);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.household") == 0);

  const auto r = Run({"import", "households", file});
  BOOST_TEST(r.exitCode == 1, r.out << r.err);
  BOOST_TEST(Contains(r.err, "households-libreoffice row 5 column E, id_number: id_number.stored_as_number: the cell E5 "
                             "is stored as a number (3.31022201205201E+17), digits lost"),
             r.err);
  BOOST_TEST(Contains(r.out, "4 rows read, 1 rejected; households: 2 new, 0 updated, 0 unchanged, 1 rejected"), r.out);
  // The region code and the amount Calc stored as numbers, as the desk typed them.
  BOOST_TEST(server.Scalar("SELECT region_code FROM doudi.household WHERE source_ref = 'S-0001'") == "331022101205");
  BOOST_TEST(server.Scalar("SELECT i.monthly_fen FROM doudi.income_item i JOIN doudi.person p ON p.id = i.person_id "
                           "WHERE p.name = '金德才'") == "123450");
}

BOOST_FIXTURE_TEST_CASE(a_missing_sheet_or_a_file_that_is_no_workbook_stores_nothing, AdminDatabase) {
  const auto missing =
      Run({"import", "households", FixturePath("xlsx/households-libreoffice.xlsx"), "--sheet", "村名单"});
  BOOST_TEST(missing.exitCode == 2);
  BOOST_TEST(Contains(missing.err, "the workbook has no sheet named '村名单'; its sheets are: households-libreoffice"),
             missing.err);
  const std::string cut = Poco::TemporaryFile::tempName() + ".xlsx";
  const std::string bytes = ReadFile(FixturePath("xlsx/households-libreoffice.xlsx"));
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  const auto truncated = Run({"import", "households", cut});
  BOOST_TEST(truncated.exitCode == 2);
  BOOST_TEST(Contains(truncated.err, "the .xlsx workbook cannot be read (damaged or cut short?)"), truncated.err);
  std::filesystem::remove(cut);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.household") == 0);
}

BOOST_FIXTURE_TEST_CASE(an_xlsx_export_keeps_a_formula_looking_address_as_text, AdminDatabase) {
  const std::string csv = Poco::TemporaryFile::tempName() + ".csv";
  std::ofstream(csv, std::ios::binary)
      << "household_ref,region_code,address,name,id_number,relation,monthly_income\n"
         "F-1,331022101205,\"=HYPERLINK(\"\"http://example.com\"\",\"\"大岙村\"\")\",金德才,331022195803119717,户主,"
         "650.00\n";
  const auto imported = Run({"import", "households", csv});
  BOOST_REQUIRE_MESSAGE(imported.exitCode == 0, imported.err);

  const std::string xlsx = Poco::TemporaryFile::tempName() + ".xlsx";
  const auto exported = Run({"export", "households", "-o", xlsx});
  BOOST_TEST(exported.exitCode == 0, exported.err);
  const std::string sheet = doudi::test::ZipPart(ReadFile(xlsx), "xl/worksheets/sheet1.xml");
  BOOST_TEST(!Contains(sheet, "<f>"));
  BOOST_TEST(!Contains(sheet, "<f "));
  BOOST_TEST(Contains(sheet, ">'=HYPERLINK("), sheet);
  BOOST_TEST(Contains(sheet, ">331022195803119717<"), sheet);
  const auto again = Run({"import", "households", xlsx});
  BOOST_TEST(again.exitCode == 0, again.err);
  BOOST_TEST(Contains(again.out, "1 unchanged"), again.out);

  // The CSV export protects the same cell the same way.
  const auto plain = Run({"export", "households", "--format", "csv"});
  BOOST_TEST(Contains(plain.out, "\"'=HYPERLINK(\"\"http://example.com\"\","), plain.out);
  const auto toTerminal = Run({"export", "households", "--format", "xlsx"});
  BOOST_TEST(toTerminal.exitCode == 2);
  BOOST_TEST(Contains(toTerminal.err, "an .xlsx export is written to a file: give -o FILE.xlsx"), toTerminal.err);
  std::filesystem::remove(csv);
  std::filesystem::remove(xlsx);
}

BOOST_AUTO_TEST_SUITE_END()
