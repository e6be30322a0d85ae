#include <boost/test/unit_test.hpp>

#include "db_fixture.h"
#include "doudi/dal/connection_profile.h"
#include "doudi/dal/errors.h"

using namespace doudi;

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(fresh_database_is_version_zero_and_refused) {
  test::TestDatabase server;
  dal::pg::PgDatabase db(server.ConnectionString());
  BOOST_TEST(db.Migrator().CurrentVersion() == 0);
  try {
    db.RequireSupportedSchema();
    BOOST_FAIL("an unmigrated database must be refused");
  } catch (const dal::SchemaVersionMismatch& e) {
    BOOST_TEST(e.DatabaseIsOlder());
    BOOST_TEST(std::string(e.what()).find("doudi-admin db migrate") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(migrate_applies_all_once) {
  test::TestDatabase server;
  dal::pg::PgDatabase db(server.ConnectionString());
  const auto applied = db.Migrator().Migrate();
  BOOST_TEST(applied.size() == dal::BuiltInMigrations().size());
  BOOST_TEST(db.Migrator().CurrentVersion() == dal::SupportedSchemaVersion());
  BOOST_TEST(db.Migrator().Migrate().empty());
  db.RequireSupportedSchema();
  for (const auto& state : db.Migrator().Status()) {
    BOOST_TEST(state.applied);
    BOOST_TEST(!state.checksumMismatch);
  }
}

BOOST_AUTO_TEST_CASE(newer_database_is_refused) {
  test::MigratedDatabase m(false);
  m.server.Execute("INSERT INTO doudi.schema_migration (version, name, checksum) VALUES (" +
                   std::to_string(dal::SupportedSchemaVersion() + 1) + ", 'from_the_future', 'x')");
  try {
    m.db->RequireSupportedSchema();
    BOOST_FAIL("a newer schema must be refused");
  } catch (const dal::SchemaVersionMismatch& e) {
    BOOST_TEST(!e.DatabaseIsOlder());
    BOOST_TEST(std::string(e.what()).find("newer") != std::string::npos);
  }
  BOOST_CHECK_THROW(m.db->Migrator().Migrate(), dal::SchemaVersionMismatch);
  BOOST_TEST(m.db->Migrator().Status().back().name == "from_the_future");
}

// Issue 12, finding 7: a session holding a lock a migration needs made
// db migrate wait for ever, and every later query of that table queue
// behind it. Now each migration gives its locks up after lock_timeout and
// is tried again a few times, then db migrate says so (55P03).
BOOST_AUTO_TEST_CASE(a_held_lock_makes_migrate_give_up_rather_than_wait_for_ever) {
  test::MigratedDatabase m(false);
  const test::Session holder = m.server.AsSuperuser();
  holder.Execute("BEGIN");
  holder.Execute("LOCK TABLE doudi.schema_migration IN ACCESS EXCLUSIVE MODE");
  try {
    m.db->Migrator().Migrate();
    BOOST_FAIL("db migrate must give up while the lock is held");
  } catch (const dal::DatabaseError& e) {
    BOOST_TEST(e.SqlState() == "55P03", e.what());
  }
  holder.Execute("ROLLBACK");
  BOOST_TEST(m.db->Migrator().Migrate().empty());
}

BOOST_AUTO_TEST_CASE(changed_migration_file_is_flagged) {
  test::MigratedDatabase m(false);
  m.server.Execute("UPDATE doudi.schema_migration SET checksum = 'edited' WHERE version = 1");
  BOOST_TEST(m.db->Migrator().Status().front().checksumMismatch);
}

BOOST_AUTO_TEST_CASE(wrong_password_is_a_connection_error) {
  test::TestDatabase server;
  BOOST_CHECK_THROW(dal::pg::PgDatabase(server.ConnectionString() + " password='certainly-wrong' passfile=/nonexistent"),
                    dal::ConnectionError);
}

BOOST_AUTO_TEST_CASE(connection_values_are_quoted_for_libpq) {
  BOOST_TEST(dal::WithConnectionValue("host=x", "password", "a'b\\c d") == "host=x password='a\\'b\\\\c d'");
  BOOST_TEST(dal::WithConnectionValue("host=x", "password", "") == "host=x");
  dal::ConnectionProfile p;
  p.host = "/var/lib/doudi 2/socket";
  p.dbname = "doudi";
  BOOST_TEST(dal::ToConnectionString(p) == "host='/var/lib/doudi 2/socket' dbname='doudi' application_name='doudi'");
}

BOOST_AUTO_TEST_SUITE_END()
