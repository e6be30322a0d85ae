#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

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
  BOOST_TEST(applied.migrations.size() == dal::BuiltInMigrations().size());
  BOOST_TEST(applied.schemaFiles.size() == dal::BuiltInSchemaFiles().size());
  BOOST_TEST(db.Migrator().CurrentVersion() == dal::SupportedSchemaVersion());
  BOOST_TEST(db.Migrator().Migrate().Nothing());
  db.RequireSupportedSchema();
  for (const auto& state : db.Migrator().Status()) {
    BOOST_TEST(state.applied);
    BOOST_TEST(!state.checksumMismatch);
  }
  for (const auto& state : db.Migrator().SchemaStatus()) {
    BOOST_TEST((state.applied && state.current && state.builtIn), state.path);
  }
}

// The migrations were folded into one baseline before the first
// deployment: a database made by the old numbering (version 1 "registry")
// is refused by name, not taken for a newer schema.
BOOST_AUTO_TEST_CASE(a_database_of_the_old_numbering_is_refused_by_name) {
  test::TestDatabase server;
  server.Execute("CREATE SCHEMA doudi; CREATE TABLE doudi.schema_migration (version integer PRIMARY KEY, "
                 "name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), "
                 "applied_by text NOT NULL DEFAULT session_user); "
                 "INSERT INTO doudi.schema_migration (version, name, checksum) "
                 "SELECT v, CASE v WHEN 1 THEN 'registry' ELSE 'm' || v END, 'x' FROM generate_series(1, 19) AS v");
  dal::pg::PgDatabase db(server.ConnectionString());
  try {
    db.RequireSupportedSchema();
    BOOST_FAIL("a database of the old numbering must be refused");
  } catch (const dal::SchemaNumberingMismatch& e) {
    BOOST_TEST(e.DatabaseFirst() == "registry");
    BOOST_TEST(e.ProgramFirst() == "baseline");
  }
  BOOST_CHECK_THROW(db.Migrator().Migrate(), dal::SchemaNumberingMismatch);
  BOOST_TEST(server.Count("SELECT count(*) FROM pg_catalog.pg_class WHERE relnamespace = 'doudi'::regnamespace") == 2);
}

namespace {

// What the schema files made: every function, view, trigger and policy of
// the schema with its definition and who may use it.
std::vector<std::string> SchemaFingerprint(const test::TestDatabase& server) {
  return server.Rows(
      "SELECT 'f ' || p.oid::regprocedure::text || ' ' || md5(pg_get_functiondef(p.oid)) || ' ' || "
      "  coalesce(p.proacl::text, '') || ' ' || p.proowner::regrole::text "
      "FROM pg_catalog.pg_proc AS p WHERE p.pronamespace = 'doudi'::regnamespace "
      "UNION ALL SELECT 'v ' || c.relname || ' ' || md5(pg_get_viewdef(c.oid)) || ' ' || coalesce(c.relacl::text, '') "
      "FROM pg_catalog.pg_class AS c WHERE c.relnamespace = 'doudi'::regnamespace AND c.relkind = 'v' "
      "UNION ALL SELECT 't ' || t.tgname || ' ' || md5(pg_get_triggerdef(t.oid)) FROM pg_catalog.pg_trigger AS t "
      "JOIN pg_catalog.pg_class AS c ON c.oid = t.tgrelid WHERE c.relnamespace = 'doudi'::regnamespace "
      "AND NOT t.tgisinternal "
      "UNION ALL SELECT 'p ' || tablename || ' ' || policyname || ' ' || md5(coalesce(qual, '') || coalesce(with_check, '')) "
      "|| ' ' || roles::text FROM pg_catalog.pg_policies WHERE schemaname = 'doudi' "
      "UNION ALL SELECT 'r ' || c.relname || ' ' || coalesce(c.relacl::text, '') FROM pg_catalog.pg_class AS c "
      "WHERE c.relnamespace = 'doudi'::regnamespace AND c.relkind IN ('r', 'S') "
      "ORDER BY 1");
}

}  // namespace

// A schema file whose text changed is applied again, with every file that
// names its object, and nothing else.
BOOST_AUTO_TEST_CASE(a_changed_schema_file_is_applied_again_with_what_depends_on_it) {
  test::MigratedDatabase m(false);
  m.server.Execute("UPDATE doudi.schema_file SET checksum = 'edited' WHERE path = 'views/case_overview.sql'");
  const auto status = m.db->Migrator().SchemaStatus();
  const auto it = std::find_if(status.begin(), status.end(), [](const auto& s) { return s.path == "views/case_overview.sql"; });
  BOOST_REQUIRE(it != status.end());
  BOOST_TEST(!it->current);
  const auto result = m.db->Migrator().Migrate();
  BOOST_TEST(result.migrations.empty());
  BOOST_REQUIRE(!result.schemaFiles.empty());
  BOOST_TEST(result.schemaFiles.front() == "views/case_overview.sql");
  // Each other file applied names one applied before it.
  const auto files = dal::BuiltInSchemaFiles();
  std::set<std::string> applied{result.schemaFiles.front()};
  for (std::size_t i = 1; i < result.schemaFiles.size(); ++i) {
    const auto f = std::find_if(files.begin(), files.end(), [&](const auto& x) { return x.path == result.schemaFiles[i]; });
    BOOST_REQUIRE(f != files.end());
    BOOST_TEST(std::any_of(f->dependsOn.begin(), f->dependsOn.end(), [&](const auto& d) { return applied.contains(d); }),
               f->path);
    applied.insert(f->path);
  }
  BOOST_TEST(applied.contains("views/public_notice.sql"));
  BOOST_TEST(m.db->Migrator().Migrate().Nothing());
}

// A schema file that must DROP its object (a view's columns or a function's
// result change) takes with it, by CASCADE, what depends on it: the views
// over it, the policies that call it. Those files are applied again in the
// same transaction, so the schema ends as it was, grants included.
BOOST_AUTO_TEST_CASE(what_a_dropped_object_took_with_it_is_applied_again_in_the_same_transaction) {
  test::MigratedDatabase m(false);
  const auto before = SchemaFingerprint(m.server);
  const auto policies = m.server.Count("SELECT count(*) FROM pg_catalog.pg_policies WHERE schemaname = 'doudi'");
  // What applying a file that begins with DROP ... CASCADE does to the
  // database, then that file due again.
  m.server.Execute("DROP FUNCTION doudi.scope_low() CASCADE; DROP VIEW doudi.case_overview CASCADE; "
                   "UPDATE doudi.schema_file SET checksum = 'edited' "
                   "WHERE path IN ('functions/scope_low.sql', 'views/case_overview.sql')");
  BOOST_TEST(m.server.Count("SELECT count(*) FROM pg_catalog.pg_policies WHERE schemaname = 'doudi'") < policies);
  const auto result = m.db->Migrator().Migrate();
  BOOST_TEST(result.schemaFiles.size() > 2u);
  BOOST_TEST(SchemaFingerprint(m.server) == before, boost::test_tools::per_element());
  m.db->RequireSupportedSchema();
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
  BOOST_TEST(m.db->Migrator().Migrate().Nothing());
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
