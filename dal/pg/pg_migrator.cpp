#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "doudi/dal/errors.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// A desk session holding a lock on a table a migration alters would make
// the migration wait without end, and every later query on that table queue
// behind it: `db migrate` (one transaction: migrations, schema files, rule
// tables) gives up its locks after kLockTimeout and is tried again,
// kLockAttempts times in all, a little later each time.
constexpr const char* kLockTimeout = "SET LOCAL lock_timeout = '5s'";
constexpr int kLockAttempts = 6;
constexpr const char* kLockNotAvailable = "55P03";

constexpr const char* kBootstrap = R"sql(
CREATE SCHEMA IF NOT EXISTS doudi;
CREATE TABLE IF NOT EXISTS doudi.schema_migration (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text NOT NULL DEFAULT session_user
);
CREATE TABLE IF NOT EXISTS doudi.schema_file (
  path       text PRIMARY KEY,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text NOT NULL DEFAULT session_user
);
)sql";

struct Recorded {
  std::string name;  // a migration's name; empty for a schema file
  std::string checksum;
  std::string appliedAt;
  std::string appliedBy;
};

class PgMigrator final : public SchemaMigrator {
 public:
  explicit PgMigrator(soci::session& sql) : m_sql(sql) {}

  std::vector<MigrationState> Status() override {
    try {
      auto applied = AppliedMigrations();
      std::vector<MigrationState> states;
      for (const auto& m : BuiltInMigrations()) {
        MigrationState s;
        s.version = m.version;
        s.name = m.name;
        if (const auto it = applied.find(m.version); it != applied.end()) {
          s.applied = true;
          s.appliedAt = it->second.appliedAt;
          s.appliedBy = it->second.appliedBy;
          s.checksumMismatch = it->second.checksum != Checksum(m.sql);
          applied.erase(it);
        }
        states.push_back(std::move(s));
      }
      for (const auto& [version, a] : applied) {  // applied by a newer program
        states.push_back({version, a.name, true, a.appliedAt, a.appliedBy, false});
      }
      return states;
    } catch (...) {
      RethrowAsDatabaseError("reading the schema's migration status");
    }
  }

  std::vector<SchemaFileState> SchemaStatus() override {
    try {
      auto recorded = RecordedSchemaFiles();
      std::vector<SchemaFileState> states;
      for (const auto& f : BuiltInSchemaFiles()) {
        SchemaFileState s;
        s.path = f.path;
        if (const auto it = recorded.find(f.path); it != recorded.end()) {
          s.applied = true;
          s.current = it->second.checksum == Checksum(f.sql);
          s.appliedAt = it->second.appliedAt;
          s.appliedBy = it->second.appliedBy;
          recorded.erase(it);
        }
        states.push_back(std::move(s));
      }
      for (const auto& [path, r] : recorded) states.push_back({path, true, false, false, r.appliedAt, r.appliedBy});
      return states;
    } catch (...) {
      RethrowAsDatabaseError("reading the schema files' status");
    }
  }

  MigrationResult Migrate() override {
    for (int attempt = 1;; ++attempt) {
      try {
        return MigrateOnce();
      } catch (const DatabaseError& e) {
        if (e.SqlState() != kLockNotAvailable || attempt == kLockAttempts) throw;
      }
      std::this_thread::sleep_for(std::chrono::seconds(attempt));
    }
  }

  int CurrentVersion() override {
    try {
      int exists = 0;
      m_sql << "SELECT (to_regclass('doudi.schema_migration') IS NOT NULL)::int", soci::into(exists);
      if (exists == 0) return 0;
      int version = 0;
      m_sql << "SELECT coalesce(max(version), 0) FROM doudi.schema_migration", soci::into(version);
      return version;
    } catch (...) {
      RethrowAsDatabaseError("reading the schema version");
    }
  }

  void RequireSameNumbering() override {
    std::string first;
    try {
      if (CurrentVersion() == 0) return;
      soci::indicator ind = soci::i_null;
      m_sql << "SELECT name FROM doudi.schema_migration WHERE version = 1", soci::into(first, ind);
      if (ind != soci::i_ok) return;
    } catch (...) {
      RethrowAsDatabaseError("reading the schema version");
    }
    const std::string ours = BuiltInMigrations().front().name;
    if (first != ours) {
      throw SchemaNumberingMismatch("the database was made by migrations numbered differently (its version 1 is '" +
                                        first + "', this program's is '" + ours +
                                        "'): it cannot be upgraded in place; make a new database "
                                        "(scripts/demo --reset for the demo)",
                                    first, ours);
    }
  }

 private:
  MigrationResult MigrateOnce() {
    MigrationResult result;
    try {
      soci::transaction tr(m_sql);
      // A second migrator waits here, then finds everything applied.
      m_sql << "SELECT pg_advisory_xact_lock(hashtext('doudi.schema_migration'))";
      m_sql << kLockTimeout;
      // The migration states no program version: its own steps are never
      // refused as an older or newer program's (require_client_schema.sql).
      m_sql << "SELECT set_config('doudi.client_schema', '', true)";
      ExecuteScript(m_sql, kBootstrap, "preparing the migration tables");
      RequireSameNumbering();
      const int current = CurrentVersion();
      if (current > SupportedSchemaVersion()) {
        throw SchemaVersionMismatch("the database's schema (version " + std::to_string(current) +
                                        ") is newer than this program (version " +
                                        std::to_string(SupportedSchemaVersion()) + ")",
                                    current, SupportedSchemaVersion());
      }
      for (const auto& m : BuiltInMigrations()) {
        if (m.version <= current) continue;
        ExecuteScript(m_sql, m.sql, "applying migration " + std::to_string(m.version) + " (" + m.name + ")");
        const std::string sum = Checksum(m.sql);
        m_sql << "INSERT INTO doudi.schema_migration (version, name, checksum) VALUES (:v, :n, :c)",
            soci::use(m.version), soci::use(m.name), soci::use(sum);
        result.migrations.push_back(m.version);
      }
      result.schemaFiles = ApplySchemaFiles();
      if (!result.Nothing()) m_sql << "CALL doudi.claim_ownership()";
      for (const auto& seed : BuiltInRuleSeeds()) ExecuteScript(m_sql, seed, "loading the rule tables");
      // The daily screening's role may use pg_cron once the superuser has
      // created it here, whenever that was (docs/deployment.md section 5).
      ExecuteScript(m_sql, "CALL doudi.scheduler_grants()", "letting doudi_scheduler use pg_cron");
      tr.commit();
    } catch (const DatabaseError&) {
      throw;
    } catch (...) {
      RethrowAsDatabaseError("migrating the schema");
    }
    return result;
  }

  // The schema files whose text differs from what was applied, and what
  // depends on them, in dependency order; then a check that every function
  // and view a file defines exists (a DROP ... CASCADE must not have taken
  // one with it unseen).
  std::vector<std::string> ApplySchemaFiles() {
    const auto files = BuiltInSchemaFiles();
    const auto recorded = RecordedSchemaFiles();
    std::map<std::string, std::string> sums;
    std::set<std::string> changed;
    for (const auto& f : files) {
      sums[f.path] = Checksum(f.sql);
      const auto it = recorded.find(f.path);
      if (it == recorded.end() || it->second.checksum != sums[f.path]) changed.insert(f.path);
    }
    const auto paths = SchemaFilesToApply(files, changed);
    if (paths.empty()) return paths;
    // Function bodies are checked when they run: a function may call one
    // that a later file defines.
    m_sql << "SET LOCAL check_function_bodies = off";
    std::map<std::string, const SchemaFile*> byPath;
    for (const auto& f : files) byPath[f.path] = &f;
    for (const auto& path : paths) {
      ExecuteScript(m_sql, byPath.at(path)->sql, "applying dal/schema/" + path);
      const std::string& sum = sums.at(path);
      m_sql << "INSERT INTO doudi.schema_file (path, checksum) VALUES (:p, :c) "
               "ON CONFLICT (path) DO UPDATE SET checksum = excluded.checksum, applied_at = now(), "
               "applied_by = session_user",
          soci::use(path), soci::use(sum);
    }
    m_sql << "RESET check_function_bodies";
    for (const auto& f : files) {
      const std::string object = SchemaObjectOf(f.path);
      if (object.empty()) continue;
      const bool isView = f.path.rfind("views/", 0) == 0;
      int exists = 0;
      if (isView) {
        m_sql << "SELECT count(*) FROM pg_catalog.pg_class WHERE relnamespace = 'doudi'::regnamespace "
                 "AND relkind = 'v' AND relname = :n",
            soci::use(object), soci::into(exists);
      } else {
        m_sql << "SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace = 'doudi'::regnamespace "
                 "AND proname = :n",
            soci::use(object), soci::into(exists);
      }
      if (exists == 0) {
        throw DatabaseError("dal/schema/" + f.path + " was applied, but doudi." + object +
                            " does not exist afterwards (dropped by another file's CASCADE that this "
                            "file does not name as a dependency?)");
      }
    }
    return paths;
  }

  std::map<int, Recorded> AppliedMigrations() {
    std::map<int, Recorded> applied;
    if (CurrentVersion() == 0) return applied;
    soci::rowset<soci::row> rows = (m_sql.prepare
        << "SELECT version, name, checksum, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS'), applied_by "
           "FROM doudi.schema_migration ORDER BY version");
    for (const auto& row : rows) {
      applied[row.get<int>(0)] = {row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3),
                                  row.get<std::string>(4)};
    }
    return applied;
  }

  std::map<std::string, Recorded> RecordedSchemaFiles() {
    std::map<std::string, Recorded> recorded;
    int exists = 0;
    m_sql << "SELECT (to_regclass('doudi.schema_file') IS NOT NULL)::int", soci::into(exists);
    if (exists == 0) return recorded;
    soci::rowset<soci::row> rows = (m_sql.prepare
        << "SELECT path, checksum, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS'), applied_by "
           "FROM doudi.schema_file ORDER BY path");
    for (const auto& row : rows) {
      recorded[row.get<std::string>(0)] = {{}, row.get<std::string>(1), row.get<std::string>(2),
                                           row.get<std::string>(3)};
    }
    return recorded;
  }

  std::string Checksum(const std::string& text) {
    std::string sum;
    m_sql << "SELECT encode(sha256(convert_to(:t, 'UTF8')), 'hex')", soci::use(text), soci::into(sum);
    return sum;
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<SchemaMigrator> MakeMigrator(soci::session& sql) { return std::make_unique<PgMigrator>(sql); }

void ExecuteScript(soci::session& sql, const std::string& script, const std::string& context) {
  PGconn* conn = NativeConnection(sql);
  PGresult* result = PQexec(conn, script.c_str());
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    struct Clear {
      PGresult* r;
      ~Clear() { PQclear(r); }
    } clear{result};
    ThrowLibpqError(conn, context, result);
  }
  PQclear(result);
}

}  // namespace doudi::dal::pg
