#pragma once
// One connection to a Doudi PostgreSQL database and the repositories that
// work through it. Not thread-safe: a worker thread opens its own
// (SOCI sessions are not thread-safe).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "doudi/dal/audit_trail.h"
#include "doudi/dal/household_import.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/dal/registry_search.h"
#include "doudi/dal/schema.h"
#include "doudi/dal/user_directory.h"

namespace doudi::dal::pg {

struct ServerInfo {
  std::string serverVersion;  // "15.18"
  std::string database;
  std::string user;           // session_user
  bool tls = false;
  std::string tlsVersion;     // "TLSv1.3" when tls
};

struct RegionEntry {
  std::string code;
  std::string name;
};

class PgDatabase {
 public:
  // Connects with a libpq connection string or URI. Throws ConnectionError
  // naming the server's reason (wrong password, unreachable, TLS failure).
  explicit PgDatabase(const std::string& connectionString);
  ~PgDatabase();
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;

  // Throws SchemaVersionMismatch unless the database's schema is exactly the
  // version this program was built for, saying which side must be upgraded.
  void RequireSupportedSchema();

  ServerInfo Info();
  SchemaMigrator& Migrator();
  RegistryRepository& Registry();
  RegistrySearch& Search();
  HouseholdImporter& Importer();
  UserDirectory& Users();
  AuditTrail& Audit();

  // Adds regions or renames existing ones, parents before children, in one
  // transaction. Returns the number of regions added.
  int UpsertRegions(const std::vector<RegionEntry>& regions);

  // Refers the households imported from source with the given refs to a
  // department, once (an existing referral is kept). Returns the number of
  // new referrals. The referral workflow proper comes with the cases.
  int ReferImportedHouseholds(const std::string& source, const std::vector<std::string>& refs,
                              const std::string& department);

  // Streams the current registry (optionally under a region prefix) as rows
  // of the import template, ordered by household and member position.
  void ExportHouseholds(const std::string& regionPrefix,
                        const std::function<void(const model::ImportRow&)>& sink);

  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
};

}  // namespace doudi::dal::pg
