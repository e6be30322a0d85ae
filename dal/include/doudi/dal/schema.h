#pragma once
// How Doudi's schema is made and kept current (docs/architecture.md):
//  - versioned migrations (dal/migrations/NNNN_name.sql) for tables, columns,
//    constraints, indexes, roles and data moves, applied once each in order;
//  - schema files (dal/schema/**.sql), the current definition of each
//    function, view, table's triggers, table's policies and the table grants,
//    re-applied whenever their text changes, after the migrations.
#include <set>
#include <string>
#include <vector>

namespace doudi::dal {

struct Migration {
  int version = 0;        // from the file name: 0001_baseline.sql is 1
  std::string name;       // "baseline"
  std::string sql;
};

// The migrations compiled into this program, in version order.
std::vector<Migration> BuiltInMigrations();
// The rule tables generated from assets/rules (e.g. the case workflow's
// transitions), as SQL that replaces each table's contents.
std::vector<std::string> BuiltInRuleSeeds();
// The schema version this program is built for (the highest built-in one).
// A change to a function's signature, a view's columns or a refusal code
// takes a new migration number too, so that an older or newer workstation
// is told by this check.
int SupportedSchemaVersion();

// One file under dal/schema/. What it defines is read from its path:
// functions/<name>.sql defines the function (or procedure) doudi.<name>,
// views/<name>.sql the view doudi.<name>; triggers/<table>.sql,
// policies/<table>.sql, audit_triggers.sql and grants.sql define nothing
// another file refers to.
struct SchemaFile {
  std::string path;                    // "functions/case_open.sql"
  std::string sql;
  std::vector<std::string> dependsOn;  // paths of the files it needs first
};

// The object a file defines ("case_open") or empty.
std::string SchemaObjectOf(const std::string& path);
// Which other files' objects a file needs to exist when it is applied: a
// view or a trigger, policy or grants file needs every function and view it
// names; a function needs only those named in its header (its leading
// comment, argument and result types: everything before its body): its body
// is checked when it runs, so functions calling each other need no order.
// A function that makes objects calling others (doudi.scope_policies) names
// them in its comment, so that what it made is made again with them.
std::vector<std::string> SchemaDependencies(const SchemaFile& file, const std::vector<SchemaFile>& all);
// The files in an order where each comes after what it depends on (ties in
// kind order: functions, views, triggers, policies, grants; then by path).
// Throws std::logic_error naming the files on a cycle.
std::vector<SchemaFile> OrderSchemaFiles(std::vector<SchemaFile> files);
// The paths to apply, in order, when `changed` differ from what the
// database has: those and every file that depends on them, transitively (a
// file may DROP its object ... CASCADE, which takes its dependents with it).
std::vector<std::string> SchemaFilesToApply(const std::vector<SchemaFile>& ordered,
                                            const std::set<std::string>& changed);
// dal/schema's files compiled into this program, ordered.
std::vector<SchemaFile> BuiltInSchemaFiles();

struct MigrationState {
  int version = 0;
  std::string name;
  bool applied = false;
  std::string appliedAt;   // empty when pending
  std::string appliedBy;
  bool checksumMismatch = false;  // applied, but the built-in file has changed since
};

struct SchemaFileState {
  std::string path;
  bool applied = false;     // the database records this file (any version of it)
  bool current = false;     // ... with the text this program has
  bool builtIn = true;      // false: recorded by another program, not in this one
  std::string appliedAt;
  std::string appliedBy;
};

// What one `db migrate` did.
struct MigrationResult {
  std::vector<int> migrations;           // versions applied
  std::vector<std::string> schemaFiles;  // schema files (re)applied, in order
  bool Nothing() const { return migrations.empty() && schemaFiles.empty(); }
};

class SchemaMigrator {
 public:
  virtual ~SchemaMigrator() = default;
  // Every built-in migration with its state, plus applied ones this program
  // does not know (a newer program migrated the database).
  virtual std::vector<MigrationState> Status() = 0;
  // Every built-in schema file with its state, plus recorded ones this
  // program does not have.
  virtual std::vector<SchemaFileState> SchemaStatus() = 0;
  // In one transaction under an advisory lock: applies the pending
  // migrations in order, then the schema files whose text changed and what
  // depends on them, records both, and reloads the rule tables.
  // Throws SchemaVersionMismatch when the database is newer than this
  // program, SchemaNumberingMismatch when it was made by migrations this
  // program does not number the same way.
  virtual MigrationResult Migrate() = 0;
  // The highest applied version; 0 for a database never migrated.
  virtual int CurrentVersion() = 0;
  // Throws SchemaNumberingMismatch when the database's migrations are not
  // this program's (made before the migrations were folded into a baseline).
  virtual void RequireSameNumbering() = 0;
};

}  // namespace doudi::dal
