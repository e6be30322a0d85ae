#pragma once
// Versioned SQL migrations: the only way Doudi's schema changes.
#include <string>
#include <vector>

namespace doudi::dal {

struct Migration {
  int version = 0;        // from the file name: 0001_registry.sql is 1
  std::string name;       // "registry"
  std::string sql;
};

// The migrations compiled into this program, in version order.
std::vector<Migration> BuiltInMigrations();
// The rule tables generated from assets/rules (e.g. the case workflow's
// transitions), as SQL that replaces each table's contents.
std::vector<std::string> BuiltInRuleSeeds();
// The schema version this program is built for (the highest built-in one).
int SupportedSchemaVersion();

struct MigrationState {
  int version = 0;
  std::string name;
  bool applied = false;
  std::string appliedAt;   // empty when pending
  std::string appliedBy;
  bool checksumMismatch = false;  // applied, but the built-in file has changed since
};

class SchemaMigrator {
 public:
  virtual ~SchemaMigrator() = default;
  // Every built-in migration with its state, plus applied ones this program
  // does not know (a newer program migrated the database).
  virtual std::vector<MigrationState> Status() = 0;
  // Applies pending migrations in order, each in its own transaction under
  // an advisory lock; returns the versions applied (empty: up to date).
  // Throws SchemaVersionMismatch when the database is newer than this program.
  virtual std::vector<int> Migrate() = 0;
  // The highest applied version; 0 for a database never migrated.
  virtual int CurrentVersion() = 0;
};

}  // namespace doudi::dal
