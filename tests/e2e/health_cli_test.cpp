// doudi-admin health as a process, as a monitoring system runs it: as a
// login in pg_monitor and doudi_monitor, its exit code (Nagios: 0 OK,
// 1 warning, 2 critical, 3 unknown) and its figures. The last backup is
// read from a stand-in for pgbackrest on PATH that prints what
// `pgbackrest info --output=json` prints, with the backup's time chosen here.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "process.h"
#include "test_database.h"

namespace {

namespace fs = std::filesystem;
using doudi::test::ProcessResult;
using doudi::test::TestDatabase;

struct HealthFixture {
  TestDatabase server;
  std::string monitor;
  fs::path bin;

  HealthFixture() {
    BOOST_REQUIRE_EQUAL(Admin({"--db", server.ConnectionString(), "db", "migrate"}).exitCode, 0);
    // A screening run, so that the last one is known.
    BOOST_REQUIRE_EQUAL(Admin({"--db", server.ConnectionString(), "screen"}).exitCode, 0);
    monitor = server.RoleName("monitor");
    server.Execute("CREATE ROLE " + monitor + " LOGIN PASSWORD '" + TestDatabase::kPassword +
                   "' IN ROLE pg_monitor, doudi_monitor");
    bin = fs::temp_directory_path() / ("doudi-health-" + server.Name());
    fs::create_directories(bin);
    std::ofstream script(bin / "pgbackrest");
    script << "#!/bin/sh\n"
              "if [ \"$*\" != '--stanza=doudi info --output=json' ]; then echo \"unexpected: $*\" >&2; exit 9; fi\n"
              "cat \"$(dirname \"$0\")/info.json\"\n";
    script.close();
    fs::permissions(bin / "pgbackrest", fs::perms::owner_all);
  }
  ~HealthFixture() { fs::remove_all(bin); }

  // What pgbackrest info says: one full backup that stopped hoursAgo, or none.
  void BackupStopped(double hoursAgo, bool any = true) const {
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const long long stop = now - static_cast<long long>(hoursAgo * 3600);
    std::ofstream json(bin / "info.json");
    json << R"([{"archive":[],"backup":[)";
    if (any) {
      json << R"({"label":"20261207-010000F","type":"full","error":false,"timestamp":{"start":)" << stop - 60
           << R"(,"stop":)" << stop << "}}";
    }
    json << R"(],"cipher":"aes-256-cbc","db":[],"name":"doudi","repo":[],"status":{"code":)" << (any ? 0 : 2)
         << R"(,"message":")" << (any ? "ok" : "no valid backups") << R"("}}])"
         << "\n";
  }

  static ProcessResult Admin(const std::vector<std::string>& args, const Poco::Process::Env& env = {}) {
    return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args, "", env);
  }

  ProcessResult Health(std::vector<std::string> args, const std::string& role = "") const {
    args.insert(
        args.begin(),
        {"--db", role.empty() ? server.ConnectionStringFor(monitor) : server.ConnectionStringFor(role), "health"});
    // The disk is shared with every other job on the test machine: its free
    // space is no figure of this test's.
    args.insert(args.end(), {"--disk-warn-percent", "0.5", "--disk-crit-percent", "0.1"});
    return Admin(args, {{"PATH", bin.string() + ":" + std::getenv("PATH")}});
  }
};

Poco::JSON::Object::Ptr Json(const ProcessResult& r) {
  Poco::JSON::Parser parser;
  return parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
}

std::string Status(const Poco::JSON::Object::Ptr& result, const std::string& check) {
  return result->getObject("checks")->getObject(check)->getValue<std::string>("status");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(health_cli)

BOOST_FIXTURE_TEST_CASE(health_is_ok_on_the_test_cluster_with_every_figure, HealthFixture) {
  BackupStopped(3);
  const auto r = Health({"--pgbackrest-stanza", "doudi", "--format", "json"});
  BOOST_TEST(r.exitCode == 0, r.out << r.err);
  const auto result = Json(r);
  BOOST_TEST(result->getValue<std::string>("status") == "ok");
  const auto checks = result->getObject("checks");
  for (const char* check : {"connections", "replication", "backup", "screening", "audit", "storage"}) {
    BOOST_TEST_REQUIRE(checks->has(check), check);
    BOOST_TEST(Status(result, check) == "ok", check << ": " << checks->getObject(check)->getValue<std::string>("text"));
  }
  const auto connections = checks->getObject("connections");
  BOOST_TEST(connections->getValue<int>("total") >= 1);
  BOOST_TEST(connections->getValue<int>("max_connections") > 0);
  BOOST_TEST(connections->getObject("by_state")->getValue<int>("active") >= 1);
  BOOST_TEST(checks->getObject("replication")->getValue<std::string>("role") == "primary");
  BOOST_TEST(checks->getObject("backup")->getValue<std::string>("last_backup_label") == "20261207-010000F");
  BOOST_TEST(checks->getObject("backup")->getValue<double>("last_backup_age_seconds") >= 3 * 3600);
  BOOST_TEST(checks->getObject("screening")->getValue<std::string>("trigger") == "manual");
  BOOST_TEST(checks->getObject("audit")->getValue<int>("schema_version") > 0);
  BOOST_TEST(checks->getObject("storage")->getValue<long long>("database_bytes") > 0);
  // The test cluster is reached over its Unix socket from this host: the
  // data directory's disk is read.
  BOOST_TEST(checks->getObject("storage")->getValue<bool>("disk_read"));

  // In Chinese by default, one line a check under the overall state.
  const auto text = Health({"--pgbackrest-stanza", "doudi"});
  BOOST_TEST(text.exitCode == 0, text.out << text.err);
  BOOST_TEST(text.out.find("兜底健康状态：正常\n") == 0, text.out);
  BOOST_TEST(text.out.find("[正常] 审计链: ") != std::string::npos, text.out);
}

BOOST_FIXTURE_TEST_CASE(a_threshold_crossed_warns_and_a_missing_backup_is_critical, HealthFixture) {
  BackupStopped(3);
  const auto busy = Health({"--pgbackrest-stanza", "doudi", "--connections-warn", "0.01", "--format", "json"});
  BOOST_TEST(busy.exitCode == 1, busy.out << busy.err);
  BOOST_TEST(Status(Json(busy), "connections") == "warning");
  BOOST_TEST(Status(Json(busy), "backup") == "ok");

  BackupStopped(30);
  const auto old = Health({"--pgbackrest-stanza", "doudi", "--format", "json"});
  BOOST_TEST(old.exitCode == 1, old.out << old.err);
  BOOST_TEST(Status(Json(old), "backup") == "warning");
  BOOST_TEST(Health({"--pgbackrest-stanza", "doudi", "--backup-warn-hours", "40"}).exitCode == 0);
  BOOST_TEST(Health({"--pgbackrest-stanza", "doudi", "--backup-crit-hours", "24"}).exitCode == 2);

  BackupStopped(0, false);
  const auto none = Health({"--pgbackrest-stanza", "doudi", "--format", "json"});
  BOOST_TEST(none.exitCode == 2, none.out << none.err);
  BOOST_TEST(Status(Json(none), "backup") == "critical");

  // A stanza pgbackrest does not know: the check cannot be made.
  const auto unknown = Health({"--pgbackrest-stanza", "other", "--skip", "connections"});
  BOOST_TEST(unknown.exitCode == 3, unknown.out << unknown.err);
  // Without pgBackRest, WAL archiving stands in; the test cluster archives
  // nothing (archive_mode off), which is a warning.
  const bool archiving = server.Scalar("SHOW archive_mode") != "off";
  const auto wal = Health({"--format", "json"});
  if (!archiving) {
    BOOST_TEST(wal.exitCode == 1, wal.out << wal.err);
    BOOST_TEST(Status(Json(wal), "backup") == "warning");
    BOOST_TEST(Health({"--skip", "backup"}).exitCode == 0);
  }
  // Options it cannot read: unknown, before connecting.
  BOOST_TEST(Health({"--skip", "everything"}).exitCode == 3);
  BOOST_TEST(Health({"--lag-warn-seconds", "soon"}).exitCode == 3);
  BOOST_TEST(Health({"--format", "xml"}).exitCode == 3);
}

BOOST_FIXTURE_TEST_CASE(a_desk_role_cannot_read_doudis_part_and_a_dead_server_is_critical, HealthFixture) {
  const auto admin = server.CreateUser("admin", "center_admin", "331022");
  const auto r = Health({"--skip", "backup", "--format", "json"}, admin);
  BOOST_TEST(r.exitCode == 3, r.out << r.err);
  BOOST_TEST(Status(Json(r), "screening") == "unknown");
  // It cannot read a standby's state either (scripts/test runs one): unknown, not a warning.
  BOOST_TEST(Status(Json(r), "replication") != "warning");
  BOOST_TEST(Json(r)->getObject("checks")->getObject("audit")->getValue<std::string>("text").find("doudi_monitor") !=
             std::string::npos);

  const auto dead = Admin({"--db", "host=/nonexistent-doudi-socket dbname=x user=x", "health"});
  BOOST_TEST(dead.exitCode == 2, dead.out << dead.err);
}

BOOST_AUTO_TEST_SUITE_END()
