#pragma once
// One connection to a Doudi PostgreSQL database and the repositories that
// work through it. Not thread-safe: a worker thread opens its own
// (SOCI sessions are not thread-safe).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "doudi/dal/alert_repository.h"
#include "doudi/dal/attachment_repository.h"
#include "doudi/dal/audit_trail.h"
#include "doudi/dal/case_repository.h"
#include "doudi/dal/crosscheck_import.h"
#include "doudi/dal/help_repository.h"
#include "doudi/dal/holiday_calendar.h"
#include "doudi/dal/intake_repository.h"
#include "doudi/dal/household_import.h"
#include "doudi/dal/household_spending.h"
#include "doudi/dal/referral_repository.h"
#include "doudi/dal/pairing_repository.h"
#include "doudi/dal/program_parameters.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/dal/registry_search.h"
#include "doudi/dal/report_route.h"
#include "doudi/dal/schema.h"
#include "doudi/dal/screening_schedule.h"
#include "doudi/dal/server_health.h"
#include "doudi/dal/user_directory.h"

namespace doudi::dal::pg {

struct ServerInfo {
  std::string serverVersion;  // "15.18"
  std::string database;
  std::string user;           // session_user
  bool tls = false;
  std::string tlsVersion;     // "TLSv1.3" when tls
  // The server of the list in the connection string this session settled
  // on (libpq's PQhost, PQport): after a failover, the new primary.
  std::string host;
  std::string port;
};

// Who is logged in, for the workstation's header.
struct SessionIdentity {
  std::string roleName;
  std::string displayName;
  std::string group;        // staff group code, "superuser" for the set-up role
  std::string regionScope;  // code prefix ("" for a superuser)
  std::string scopeName;    // the scope's region name
  std::string department;   // liaisons
};

// Cancels the statement a connection is running, from any thread (libpq's
// cancel request); harmless when it runs none.
class QueryCanceller {
 public:
  virtual ~QueryCanceller() = default;
  virtual void Cancel() = 0;
};

// The primary's side of a look at the report standby (report_reader.h).
struct ReportPosition {
  std::string walLsn;              // pg_current_wal_lsn() (the replay position on a standby)
  std::int64_t maxLagSeconds = 0;  // doudi.security_limit report_standby_max_lag; 0 when none applies
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
  SessionIdentity WhoAmI();
  // The regions inside the caller's scope and the path above it, by code.
  std::vector<RegionEntry> RegionsInScope();
  // For cancelling this connection's running statement from another thread.
  std::shared_ptr<QueryCanceller> Canceller();
  SchemaMigrator& Migrator();
  RegistryRepository& Registry();
  RegistrySearch& Search();
  HouseholdImporter& Importer();
  CrosscheckImporter& Crosscheck();
  UserDirectory& Users();
  AuditTrail& Audit();
  ProgramParameters& Parameters();
  CaseRepository& Cases();
  HolidayCalendarStore& Calendar();
  AlertRepository& Alerts();
  ScreeningSchedule& Schedule();
  SpendingRecords& Spending();
  ReferralRepository& Referrals();
  PairingRepository& Pairing();
  HelpRepository& Help();
  IntakeRepository& Intake();
  AttachmentRepository& Attachments();
  // For doudi-admin health, as a monitoring login (docs/deployment.md).
  ServerHealth& Health();

  // For building demo histories through the real case functions: the date
  // this session's steps are taken on ("YYYY-MM-DD") and the role they are
  // recorded for ("" for the session's own). The database honours both for
  // the set-up superuser only and ignores them for everybody else
  // (doudi.clock_date, doudi.acting_user), so no desk client can backdate.
  void SetDemoClock(const std::string& isoDate, const std::string& actAs);

  // Adds regions or renames existing ones, parents before children, in one
  // transaction. Returns the number of regions added.
  int UpsertRegions(const std::vector<RegionEntry>& regions);

  // Refers each household imported from source with the given refs to a
  // department for a kind of help (doudi.referral_send, once: a request id
  // drawn from the household). Returns the number of new referrals. The
  // demo's way; the desk sends through Referrals().
  int ReferImportedHouseholds(const std::string& source, const std::vector<std::string>& refs,
                              const std::string& department, const std::string& kind, const std::string& request);

  // Streams the current registry (optionally under a region prefix) as rows
  // of the import template, ordered by household and member position.
  void ExportHouseholds(const std::string& regionPrefix,
                        const std::function<void(const model::ImportRow&)>& sink);

  // For routing reports (report_reader.h): this server's WAL position and
  // the caller's lag limit; and, asked of the standby, how far it is
  // compared with the primary's primaryLsn.
  ReportPosition ReadReportPosition();
  StandbyReading ReadAsStandby(const std::string& primaryLsn);

  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
};

}  // namespace doudi::dal::pg
