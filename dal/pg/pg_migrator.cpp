#include <chrono>
#include <map>
#include <thread>

#include "doudi/dal/errors.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// A desk session holding a lock on a table a migration alters would make
// the migration wait without end, and every later query on that table queue
// behind it: a migration gives up its locks after kLockTimeout and is tried
// again, kLockAttempts times in all, a little later each time.
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
)sql";

struct AppliedMigration {
  std::string name;
  std::string checksum;
  std::string appliedAt;
  std::string appliedBy;
};

class PgMigrator final : public SchemaMigrator {
 public:
  explicit PgMigrator(soci::session& sql) : m_sql(sql) {}

  std::vector<MigrationState> Status() override {
    try {
      auto applied = Applied();
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

  std::vector<int> Migrate() override {
    std::vector<int> done;
    try {
      ExecuteScript(m_sql, kBootstrap, "preparing the migration table");
      for (const auto& m : BuiltInMigrations()) {
        if (ApplyWithRetry(m)) done.push_back(m.version);
      }
      ApplyRuleSeeds();
      const int current = CurrentVersion();
      if (current > SupportedSchemaVersion()) {
        throw SchemaVersionMismatch("the database's schema (version " + std::to_string(current) +
                                        ") is newer than this program (version " +
                                        std::to_string(SupportedSchemaVersion()) + ")",
                                    current, SupportedSchemaVersion());
      }
    } catch (...) {
      RethrowAsDatabaseError("migrating the schema");
    }
    return done;
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

 private:
  std::map<int, AppliedMigration> Applied() {
    std::map<int, AppliedMigration> applied;
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

  // The rule tables follow the program's rules files on every migrate, in
  // one transaction (they replace their table), once the table exists.
  void ApplyRuleSeeds() {
    int exists = 0;
    m_sql << "SELECT (to_regclass('doudi.case_transition_rule') IS NOT NULL)::int", soci::into(exists);
    if (exists == 0) return;
    soci::transaction tr(m_sql);
    for (const auto& seed : BuiltInRuleSeeds()) ExecuteScript(m_sql, seed, "loading the case workflow rules");
    tr.commit();
  }

  std::string Checksum(const std::string& text) {
    std::string sum;
    m_sql << "SELECT encode(sha256(convert_to(:t, 'UTF8')), 'hex')", soci::use(text), soci::into(sum);
    return sum;
  }

  bool ApplyWithRetry(const Migration& m) {
    for (int attempt = 1;; ++attempt) {
      try {
        return ApplyOne(m);
      } catch (const soci::soci_error&) {
        try {
          RethrowAsDatabaseError("applying migration " + std::to_string(m.version));
        } catch (const DatabaseError& e) {
          if (e.SqlState() != kLockNotAvailable || attempt == kLockAttempts) throw;
        }
      } catch (const DatabaseError& e) {
        if (e.SqlState() != kLockNotAvailable || attempt == kLockAttempts) throw;
      }
      std::this_thread::sleep_for(std::chrono::seconds(attempt));
    }
  }

  // One migration in its own transaction. The advisory lock makes a second
  // migrator wait, then see the version as applied and skip it.
  bool ApplyOne(const Migration& m) {
    soci::transaction tr(m_sql);
    m_sql << "SELECT pg_advisory_xact_lock(hashtext('doudi.schema_migration'))";
    m_sql << kLockTimeout;
    int applied = 0;
    m_sql << "SELECT count(*) FROM doudi.schema_migration WHERE version = :v", soci::use(m.version),
        soci::into(applied);
    if (applied != 0) return false;
    ExecuteScript(m_sql, m.sql, "applying migration " + std::to_string(m.version) + " (" + m.name + ")");
    // Hand what the migration created to the owner role (from migration 2 on).
    int claim = 0;
    m_sql << "SELECT (to_regprocedure('doudi.claim_ownership()') IS NOT NULL)::int", soci::into(claim);
    if (claim != 0) m_sql << "CALL doudi.claim_ownership()";
    const std::string sum = Checksum(m.sql);
    m_sql << "INSERT INTO doudi.schema_migration (version, name, checksum) VALUES (:v, :n, :c)", soci::use(m.version),
        soci::use(m.name), soci::use(sum);
    tr.commit();
    return true;
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
