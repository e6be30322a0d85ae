// ServerHealth over PostgreSQL's statistics views and doudi.health_summary().
#include <soci/soci.h>

#include <tuple>

#include "doudi/dal/server_health.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// SQL for a timestamptz as two columns: UTC text ("" for NULL) and its age
// in seconds.
std::string StampColumns(const std::string& column) {
  return "coalesce(to_char(" + column +
         " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ''), "
         "coalesce(extract(epoch FROM now() - " +
         column + "), 0)::float8";
}

HealthStamp Stamp(const soci::row& r, std::size_t column) {
  return HealthStamp{r.get<std::string>(column), r.get<double>(column + 1)};
}

class PgServerHealth final : public ServerHealth {
 public:
  explicit PgServerHealth(soci::session& sql) : m_sql(sql) {}

  ConnectionUse Connections() override {
    ConnectionUse use;
    use.byState = ReadRows("reading the connections",
                           (m_sql.prepare << "SELECT coalesce(state, 'unknown'), count(*)::int FROM pg_stat_activity "
                                             "WHERE backend_type = 'client backend' GROUP BY 1 ORDER BY 1"),
                           [](const soci::row& r) { return std::make_pair(r.get<std::string>(0), r.get<int>(1)); });
    for (const auto& [state, count] : use.byState) use.total += count;
    try {
      m_sql << "SELECT current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int",
          soci::into(use.maxConnections), soci::into(use.superuserReserved);
    } catch (...) {
      RethrowAsDatabaseError("reading max_connections");
    }
    return use;
  }

  ReplicationState Replication() override {
    ReplicationState state;
    try {
      int recovery = 0;
      m_sql << "SELECT pg_is_in_recovery()::int", soci::into(recovery);
      state.standby = recovery != 0;
    } catch (...) {
      RethrowAsDatabaseError("reading whether the server is a standby");
    }
    if (!state.standby) {
      state.standbys =
          ReadRows("reading the standbys (pg_stat_replication)",
                   (m_sql.prepare << "SELECT coalesce(application_name, ''), coalesce(host(client_addr), ''), "
                                     "coalesce(state, ''), coalesce(sync_state, ''), "
                                     "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, "
                                     "coalesce(extract(epoch FROM replay_lag), 0)::float8 "
                                     "FROM pg_stat_replication ORDER BY 1, 2"),
                   [](const soci::row& r) {
                     StandbyLag s{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                                  r.get<std::string>(3), OptionalId(r, 4),      r.get<double>(5)};
                     return s;
                   });
      return state;
    }
    const auto rows = ReadRows(
        "reading the standby's replay (pg_stat_wal_receiver)",
        (m_sql.prepare
         << "SELECT coalesce((SELECT status FROM pg_stat_wal_receiver), ''), "
            "CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
            "ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0) END::float8, " +
                StampColumns("pg_last_xact_replay_timestamp()")),
        [](const soci::row& r) { return std::make_tuple(r.get<std::string>(0), r.get<double>(1), Stamp(r, 2)); });
    std::tie(state.receiverStatus, state.replayDelaySeconds, state.lastReplayed) = rows.front();
    return state;
  }

  WalArchiving Archiving() override {
    const auto rows =
        ReadRows("reading WAL archiving (pg_stat_archiver)",
                 (m_sql.prepare << "SELECT current_setting('archive_mode'), archived_count, failed_count, "
                                   "coalesce(last_archived_wal, ''), " +
                                       StampColumns("last_archived_time") + ", coalesce(last_failed_wal, ''), " +
                                       StampColumns("last_failed_time") + " FROM pg_stat_archiver"),
                 [](const soci::row& r) {
                   WalArchiving a;
                   a.archiveMode = r.get<std::string>(0);
                   a.archivedCount = r.get<long long>(1);
                   a.failedCount = r.get<long long>(2);
                   a.lastArchivedWal = r.get<std::string>(3);
                   a.lastArchived = Stamp(r, 4);
                   a.lastFailedWal = r.get<std::string>(6);
                   a.lastFailed = Stamp(r, 7);
                   return a;
                 });
    return rows.front();
  }

  DoudiHealth Summary() override {
    const auto rows =
        ReadRows("reading doudi.health_summary()",
                 (m_sql.prepare << "SELECT coalesce(schema_version, 0), " + StampColumns("screening_started_at") +
                                       ", " + StampColumns("screening_finished_at") +
                                       ", coalesce(screening_trigger, ''), coalesce(screening_raised, 0), " +
                                       StampColumns("screening_running_since") + ", seal_seq, " +
                                       StampColumns("sealed_at") + ", pending_transactions, " +
                                       StampColumns("oldest_pending_at") + " FROM doudi.health_summary()"),
                 [](const soci::row& r) {
                   DoudiHealth h;
                   h.schemaVersion = r.get<int>(0);
                   h.screeningStarted = Stamp(r, 1);
                   h.screeningFinished = Stamp(r, 3);
                   h.screeningTrigger = r.get<std::string>(5);
                   h.screeningRaised = r.get<int>(6);
                   h.screeningRunningSince = Stamp(r, 7);
                   h.sealSeq = OptionalId(r, 9);
                   h.sealedAt = Stamp(r, 10);
                   h.pendingTransactions = r.get<long long>(12);
                   h.oldestPending = Stamp(r, 13);
                   return h;
                 });
    return rows.front();
  }

  StorageUse Storage() override {
    StorageUse use;
    try {
      int local = 0;
      long long bytes = 0;
      m_sql << "SELECT pg_database_size(current_database()), (inet_server_addr() IS NULL "
               "OR inet_server_addr() <<= inet '127.0.0.0/8' OR inet_server_addr() = inet '::1')::int",
          soci::into(bytes), soci::into(local);
      use.databaseBytes = bytes;
      use.localConnection = local != 0;
    } catch (...) {
      RethrowAsDatabaseError("reading the database's size");
    }
    // Readable by superusers and pg_read_all_settings (part of pg_monitor).
    try {
      int allowed = 0;
      m_sql << "SELECT (pg_has_role('pg_read_all_settings', 'USAGE') OR "
               "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user))::int",
          soci::into(allowed);
      if (allowed != 0) m_sql << "SELECT current_setting('data_directory')", soci::into(use.dataDirectory);
    } catch (...) {
      RethrowAsDatabaseError("reading the data directory's path");
    }
    return use;
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<ServerHealth> MakeServerHealth(soci::session& sql) {
  return std::make_unique<PgServerHealth>(sql);
}

}  // namespace doudi::dal::pg
