#include "doudi/dal/pg/pg_database.h"

#include <soci/postgresql/soci-postgresql.h>

#include "doudi/dal/errors.h"
#include "doudi/model/import_template.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {

struct PgDatabase::Impl {
  soci::session sql;
  std::unique_ptr<SchemaMigrator> migrator;
  std::unique_ptr<RegistryRepository> registry;
  std::unique_ptr<RegistrySearch> search;
  std::unique_ptr<HouseholdImporter> importer;
  std::unique_ptr<CrosscheckImporter> crosscheck;
  std::unique_ptr<UserDirectory> users;
  std::unique_ptr<AuditTrail> audit;
  std::unique_ptr<ProgramParameters> parameters;
  std::unique_ptr<CaseRepository> cases;
  std::unique_ptr<HolidayCalendarStore> calendar;
  std::unique_ptr<AlertRepository> alerts;
  std::unique_ptr<ScreeningSchedule> schedule;
  std::unique_ptr<SpendingRecords> spending;
  std::unique_ptr<ReferralRepository> referrals;
  std::unique_ptr<PairingRepository> pairing;
  std::unique_ptr<HelpRepository> help;
  std::unique_ptr<IntakeRepository> intake;
  std::unique_ptr<AttachmentRepository> attachments;
  std::unique_ptr<ServerHealth> health;
};

PgDatabase::PgDatabase(const std::string& connectionString) : m_impl(std::make_unique<Impl>()) {
  try {
    m_impl->sql.open(*soci::factory_postgresql(), connectionString);
  } catch (...) {
    // Whatever SOCI classifies it as, a failed open is a failure to connect.
    try {
      RethrowAsDatabaseError("connecting to the database");
    } catch (const ConnectionError&) {
      throw;
    } catch (const DatabaseError& e) {
      std::throw_with_nested(ConnectionError(e.what(), e.SqlState()));
    }
  }
  // Server notices ("already exists, skipping") are not for the user; libpq
  // would print them to stderr.
  PQsetNoticeProcessor(NativeConnection(m_impl->sql), [](void*, const char*) {}, nullptr);
  // The schema version this program was built for: the server refuses the
  // session's requests (doudi:client.outdated / client.newer) once the
  // database's differs, e.g. after `db migrate` while it was connected
  // (dal/schema/functions/require_client_schema.sql).
  try {
    const std::string version = std::to_string(SupportedSchemaVersion());
    std::string ignored;
    m_impl->sql << "SELECT set_config('doudi.client_schema', :v, false)", soci::use(version), soci::into(ignored);
  } catch (...) {
    RethrowAsDatabaseError("stating the program's schema version");
  }
  m_impl->migrator = MakeMigrator(m_impl->sql);
  m_impl->registry = MakeRegistryRepository(m_impl->sql);
  m_impl->search = MakeRegistrySearch(m_impl->sql);
  m_impl->importer = MakeHouseholdImporter(m_impl->sql);
  m_impl->crosscheck = MakeCrosscheckImporter(m_impl->sql);
  m_impl->users = MakeUserDirectory(m_impl->sql);
  m_impl->audit = MakeAuditTrail(m_impl->sql);
  m_impl->parameters = MakeProgramParameters(m_impl->sql);
  m_impl->cases = MakeCaseRepository(m_impl->sql);
  m_impl->calendar = MakeHolidayCalendarStore(m_impl->sql);
  m_impl->alerts = MakeAlertRepository(m_impl->sql);
  m_impl->schedule = MakeScreeningSchedule(m_impl->sql);
  m_impl->spending = MakeSpendingRecords(m_impl->sql);
  m_impl->referrals = MakeReferralRepository(m_impl->sql);
  m_impl->pairing = MakePairingRepository(m_impl->sql);
  m_impl->help = MakeHelpRepository(m_impl->sql);
  m_impl->intake = MakeIntakeRepository(m_impl->sql);
  m_impl->attachments = MakeAttachmentRepository(m_impl->sql);
  m_impl->health = MakeServerHealth(m_impl->sql);
}

PgDatabase::~PgDatabase() = default;

void PgDatabase::RequireSupportedSchema() {
  m_impl->migrator->RequireSameNumbering();
  const int current = m_impl->migrator->CurrentVersion();
  const int supported = SupportedSchemaVersion();
  if (current < supported) {
    throw SchemaVersionMismatch(
        "the database's schema is version " + std::to_string(current) + " but this program needs version " +
            std::to_string(supported) + ": have the administrator run `doudi-admin db migrate`",
        current, supported);
  }
  if (current > supported) {
    throw SchemaVersionMismatch(
        "the database's schema is version " + std::to_string(current) +
            ", newer than this program supports (version " + std::to_string(supported) +
            "): install the newer Doudi that upgraded it",
        current, supported);
  }
}

ServerInfo PgDatabase::Info() {
  ServerInfo info;
  try {
    int tls = 0;
    m_impl->sql << "SELECT current_setting('server_version'), current_database(), session_user::text, "
                   "coalesce(s.ssl, false)::int, coalesce(s.version, '') "
                   "FROM (SELECT 1) AS one LEFT JOIN pg_stat_ssl AS s ON s.pid = pg_backend_pid()",
        soci::into(info.serverVersion), soci::into(info.database), soci::into(info.user),
        soci::into(tls), soci::into(info.tlsVersion);
    info.tls = tls != 0;
    PGconn* conn = NativeConnection(m_impl->sql);
    if (const char* host = PQhost(conn)) info.host = host;
    if (const char* port = PQport(conn)) info.port = port;
  } catch (...) {
    RethrowAsDatabaseError("reading the server's details");
  }
  return info;
}

SessionIdentity PgDatabase::WhoAmI() {
  SessionIdentity who;
  try {
    m_impl->sql << "SELECT role_name, display_name, group_role, region_scope, scope_name, department FROM doudi.whoami()",
        soci::into(who.roleName), soci::into(who.displayName), soci::into(who.group), soci::into(who.regionScope),
        soci::into(who.scopeName), soci::into(who.department);
  } catch (...) {
    RethrowAsDatabaseError("reading who is logged in");
  }
  return who;
}

std::vector<RegionEntry> PgDatabase::RegionsInScope() {
  return ReadRows("reading the regions in scope",
                  (m_impl->sql.prepare << "SELECT code, name FROM doudi.regions_in_scope()"), [](const soci::row& r) {
                    return RegionEntry{r.get<std::string>(0), r.get<std::string>(1)};
                  });
}

namespace {
class PgCanceller final : public QueryCanceller {
 public:
  explicit PgCanceller(PGconn* conn) : m_cancel(PQgetCancel(conn)) {}
  ~PgCanceller() override {
    if (m_cancel != nullptr) PQfreeCancel(m_cancel);
  }
  PgCanceller(const PgCanceller&) = delete;
  PgCanceller& operator=(const PgCanceller&) = delete;
  void Cancel() override {
    char error[256];
    if (m_cancel != nullptr) PQcancel(m_cancel, error, sizeof error);
  }

 private:
  PGcancel* m_cancel;
};
}  // namespace

std::shared_ptr<QueryCanceller> PgDatabase::Canceller() {
  return std::make_shared<PgCanceller>(NativeConnection(m_impl->sql));
}

SchemaMigrator& PgDatabase::Migrator() { return *m_impl->migrator; }
RegistryRepository& PgDatabase::Registry() { return *m_impl->registry; }
RegistrySearch& PgDatabase::Search() { return *m_impl->search; }
HouseholdImporter& PgDatabase::Importer() { return *m_impl->importer; }
CrosscheckImporter& PgDatabase::Crosscheck() { return *m_impl->crosscheck; }
UserDirectory& PgDatabase::Users() { return *m_impl->users; }
AuditTrail& PgDatabase::Audit() { return *m_impl->audit; }
ProgramParameters& PgDatabase::Parameters() { return *m_impl->parameters; }
CaseRepository& PgDatabase::Cases() { return *m_impl->cases; }
HolidayCalendarStore& PgDatabase::Calendar() { return *m_impl->calendar; }
AlertRepository& PgDatabase::Alerts() { return *m_impl->alerts; }
ScreeningSchedule& PgDatabase::Schedule() { return *m_impl->schedule; }
SpendingRecords& PgDatabase::Spending() { return *m_impl->spending; }
ReferralRepository& PgDatabase::Referrals() { return *m_impl->referrals; }
PairingRepository& PgDatabase::Pairing() { return *m_impl->pairing; }
HelpRepository& PgDatabase::Help() { return *m_impl->help; }
IntakeRepository& PgDatabase::Intake() { return *m_impl->intake; }
AttachmentRepository& PgDatabase::Attachments() { return *m_impl->attachments; }
ServerHealth& PgDatabase::Health() { return *m_impl->health; }

void PgDatabase::SetDemoClock(const std::string& isoDate, const std::string& actAs) {
  try {
    std::string ignored;
    m_impl->sql << "SELECT set_config('doudi.today', :d, false) || set_config('doudi.act_as', :a, false)",
        soci::use(isoDate), soci::use(actAs), soci::into(ignored);
  } catch (...) {
    RethrowAsDatabaseError("setting the demo clock");
  }
}

int PgDatabase::UpsertRegions(const std::vector<RegionEntry>& regions) { return UpsertRegionRows(m_impl->sql, regions); }

int PgDatabase::ReferImportedHouseholds(const std::string& source, const std::vector<std::string>& refs,
                                        const std::string& department, const std::string& kind,
                                        const std::string& request) {
  return pg::ReferImportedHouseholds(m_impl->sql, source, refs, department, kind, request);
}

void PgDatabase::ExportHouseholds(const std::string& regionPrefix,
                                  const std::function<void(const model::ImportRow&)>& sink) {
  ExportHouseholdRows(m_impl->sql, regionPrefix, sink);
}

}  // namespace doudi::dal::pg

namespace doudi::dal::pg {

ReportPosition PgDatabase::ReadReportPosition() {
  ReportPosition position;
  try {
    long long limit = 0;
    m_impl->sql << "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() "
                   "END)::text, coalesce(doudi.security_limit_value('report_standby_max_lag', doudi.session_scope(), "
                   "doudi.limit_day()), 0)",
        soci::into(position.walLsn), soci::into(limit);
    position.maxLagSeconds = limit;
  } catch (...) {
    RethrowAsDatabaseError("reading the WAL position for the report standby");
  }
  return position;
}

StandbyReading PgDatabase::ReadAsStandby(const std::string& primaryLsn) {
  StandbyReading reading;
  try {
    int inRecovery = 0;
    int caughtUp = 0;
    int replayedAll = 0;
    double since = 0;
    soci::indicator sinceKnown = soci::i_ok;
    // pg_last_wal_replay_lsn() is NULL on a server not in recovery.
    m_impl->sql << "SELECT pg_is_in_recovery()::int, "
                   "coalesce(pg_last_wal_replay_lsn() >= CAST(:p AS pg_lsn), false)::int, "
                   "coalesce(pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn(), false)::int, "
                   "extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8",
        soci::use(primaryLsn), soci::into(inRecovery), soci::into(caughtUp), soci::into(replayedAll),
        soci::into(since, sinceKnown);
    reading.reached = true;
    reading.inRecovery = inRecovery != 0;
    reading.caughtUp = caughtUp != 0;
    reading.replayedAllReceived = replayedAll != 0;
    if (sinceKnown == soci::i_ok) reading.secondsSinceReplay = since;
  } catch (...) {
    RethrowAsDatabaseError("reading the report standby's replay position");
  }
  return reading;
}

}  // namespace doudi::dal::pg
