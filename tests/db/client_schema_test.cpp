// Upgrades: each session of the workstation and doudi-admin states the
// schema version it was built for, and the database refuses the requests of
// a session whose version differs from its own (require_client_schema.sql);
// a session that states none is not refused. And the monitoring group's one
// function, doudi.health_summary (docs/deployment.md, "Health checks").
#include <boost/test/unit_test.hpp>

#include <string>

#include "db_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/failure_text.h"

using namespace doudi;

namespace {

const std::string kFundAdd = "SELECT doudi.fund_add($1, '春节慰问金', '县慈善总会', '331022', 'money', 100000)";
const std::string kSearch = "SELECT count(*) FROM doudi.household";

}  // namespace

BOOST_AUTO_TEST_SUITE(client_schema)

// What `db migrate` by a newer program does while a desk stays connected:
// the desk's next search and its next save are refused, nothing is saved,
// and the desk says what to do.
BOOST_AUTO_TEST_CASE(a_desk_connected_across_a_migration_is_refused_at_its_next_search_and_save) {
  test::MigratedDatabase m;
  const std::string clerk = m.server.CreateUser("clerk", "village_clerk", "331022001201");
  dal::pg::PgDatabase desk(m.server.ConnectionStringFor(clerk));
  desk.RequireSupportedSchema();
  const auto id = desk.Registry().CreateHousehold(test::SampleHousehold(100));
  auto household = *desk.Registry().LoadHousehold(id);
  dal::RegistryQuery query;
  query.text = "王建国";
  BOOST_TEST(desk.Search().Search(query, 0, 50).size() == 1u);

  const int ours = dal::SupportedSchemaVersion();
  m.server.Execute("INSERT INTO doudi.schema_migration (version, name, checksum) VALUES (" + std::to_string(ours + 1) +
                   ", 'next_release', 'x')");
  const auto refusedOutdated = [&](const dal::RuleRefused& e) {
    BOOST_TEST(e.Code() == "client.outdated");
    BOOST_TEST(e.SqlState() == "RD000");
    BOOST_TEST(e.Arguments().at("client_schema") == std::to_string(ours));
    BOOST_TEST(e.Arguments().at("database_schema") == std::to_string(ours + 1));
    BOOST_TEST(dal::FailureText(e).find("install the Doudi that matches the database") != std::string::npos,
               dal::FailureText(e));
    return true;
  };
  BOOST_CHECK_EXCEPTION(desk.Search().Search(query, 0, 50), dal::RuleRefused, refusedOutdated);
  household.address = "海游街道悬渚村3组9号";
  BOOST_CHECK_EXCEPTION(desk.Registry().SaveHousehold(household), dal::RuleRefused, refusedOutdated);
  BOOST_CHECK_EXCEPTION(desk.Registry().CreateHousehold(test::SampleHousehold(200)), dal::RuleRefused,
                        refusedOutdated);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.household") == 1);
  BOOST_TEST(m.server.Scalar("SELECT address FROM doudi.household") == "海游街道悬渚村3组8号");
  // Started again, the old program is refused at once, before any request.
  dal::pg::PgDatabase restarted(m.server.ConnectionStringFor(clerk));
  BOOST_CHECK_THROW(restarted.RequireSupportedSchema(), dal::SchemaVersionMismatch);
}

// A session stating an older version is refused on a search and on a save;
// one stating the current version, or none (psql, pg_cron), is not; one
// stating a newer version is told so.
BOOST_AUTO_TEST_CASE(a_session_is_refused_by_the_version_it_states_and_never_without_one) {
  test::MigratedDatabase m;
  const std::string admin = m.server.CreateUser("admin", "center_admin", "331022");
  const int ours = dal::SupportedSchemaVersion();
  int fund = 0;
  const auto stating = [&](const std::string& version) {
    auto session = m.server.AsUser(admin);
    if (!version.empty()) session.Execute("SELECT set_config('doudi.client_schema', $1, false)", {version});
    return session;
  };
  for (const auto& [version, code] :
       std::vector<std::pair<std::string, std::string>>{{std::to_string(ours - 1), "doudi:client.outdated"},
                                                        {"garbage", "doudi:client.outdated"},
                                                        {std::to_string(ours + 1), "doudi:client.newer"}}) {
    const auto session = stating(version);
    for (const auto& sql : {kSearch, kFundAdd}) {
      const auto outcome = session.Try(sql, sql == kFundAdd ? test::SqlParams{"fund_refused"} : test::SqlParams{});
      BOOST_TEST(outcome.sqlState == "RD000", version << ": " << sql);
      BOOST_TEST(outcome.message == code, version << ": " << outcome.message);
      BOOST_TEST(outcome.detail.find("\"database_schema\" : " + std::to_string(ours)) != std::string::npos,
                 outcome.detail);
    }
  }
  for (const std::string& version : {std::to_string(ours), std::string()}) {
    const auto session = stating(version);
    BOOST_TEST(session.Count(kSearch) == 0);
    BOOST_CHECK_NO_THROW(session.Execute(kFundAdd, {"fund_" + std::to_string(++fund)}));
  }
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.charity_fund") == 2);
}

// doudi.health_summary: counts, times and sequence numbers for a member of
// doudi_monitor, which reads no table itself; no desk role may execute it.
BOOST_AUTO_TEST_CASE(health_summary_is_for_the_monitoring_group_only) {
  test::MigratedDatabase m;
  const std::string clerk = m.server.CreateUser("clerk", "village_clerk", "331022001201");
  const std::string admin = m.server.CreateUser("admin", "center_admin", "331022");
  const std::string monitor = m.server.RoleName("monitor");
  m.server.Execute("CREATE ROLE " + monitor + " LOGIN PASSWORD '" + test::TestDatabase::kPassword +
                   "' IN ROLE pg_monitor, doudi_monitor");
  dal::pg::PgDatabase desk(m.server.ConnectionStringFor(clerk));
  desk.Registry().CreateHousehold(test::SampleHousehold(100));

  for (const auto& role : {clerk, admin}) {
    BOOST_TEST(m.server.AsUser(role).TryExecute("SELECT * FROM doudi.health_summary()") == "42501", role);
  }
  const auto asMonitor = m.server.AsUser(monitor);
  BOOST_TEST(asMonitor.TryExecute("SELECT count(*) FROM doudi.household") == "42501");
  BOOST_TEST(asMonitor.TryExecute("SELECT count(*) FROM doudi.audit_seal") == "42501");
  BOOST_TEST(asMonitor.TryExecute("SELECT count(*) FROM doudi.screening_run") == "42501");
  BOOST_TEST(asMonitor.Scalar("SELECT schema_version FROM doudi.health_summary()") ==
             std::to_string(dal::SupportedSchemaVersion()));
  BOOST_TEST(asMonitor.Scalar("SELECT seal_seq FROM doudi.health_summary()") ==
             m.server.Scalar("SELECT max(seq) FROM doudi.audit_seal"));
  BOOST_TEST(asMonitor.Scalar("SELECT screening_finished_at IS NULL FROM doudi.health_summary()") == "t");
  m.server.Execute("SELECT count(*) FROM doudi.screen(NULL, NULL, 'manual')");
  BOOST_TEST(asMonitor.Scalar("SELECT screening_trigger FROM doudi.health_summary()") == "manual");
  // The health reader of the data layer, as doudi-admin health uses it.
  dal::pg::PgDatabase monitoring(m.server.ConnectionStringFor(monitor));
  const auto summary = monitoring.Health().Summary();
  BOOST_TEST(summary.schemaVersion == dal::SupportedSchemaVersion());
  BOOST_TEST(summary.screeningFinished.Known());
  BOOST_TEST(summary.screeningTrigger == "manual");
  BOOST_TEST(summary.sealSeq.has_value());
  BOOST_TEST(monitoring.Health().Connections().total >= 2);
  BOOST_TEST(!monitoring.Health().Replication().standby);
  BOOST_TEST(monitoring.Health().Storage().databaseBytes > 0);
  BOOST_TEST(!monitoring.Health().Storage().dataDirectory.empty());
  dal::pg::PgDatabase asDesk(m.server.ConnectionStringFor(clerk));
  BOOST_CHECK_THROW(asDesk.Health().Summary(), dal::PermissionDenied);
}

BOOST_AUTO_TEST_SUITE_END()
