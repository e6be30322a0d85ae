#pragma once
// What `doudi-admin health` reads from the server (docs/deployment.md,
// "Health checks"): PostgreSQL's statistics views, which a member of
// pg_monitor reads, and doudi.health_summary() for Doudi's own tables, which
// only doudi_monitor may execute. Times are UTC ("YYYY-MM-DDTHH:MM:SSZ") with
// their age on the server's clock.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace doudi::dal {

// A moment and how long ago it was; `utc` empty when there is none.
struct HealthStamp {
  std::string utc;
  double ageSeconds = 0;
  bool Known() const { return !utc.empty(); }
};

struct ConnectionUse {
  int total = 0;                                     // client backends
  int maxConnections = 0;                            // max_connections
  int superuserReserved = 0;                         // superuser_reserved_connections
  std::vector<std::pair<std::string, int>> byState;  // "active", "idle", "idle in transaction" ...
};

// One standby streaming from this primary (pg_stat_replication).
struct StandbyLag {
  std::string name;     // application_name
  std::string address;  // client_addr ("" over a socket)
  std::string state;    // streaming, catchup ...
  std::string syncState;
  std::optional<std::int64_t> replayLagBytes;  // none before the standby replayed anything
  double replayLagSeconds = 0;                 // 0 when it is idle and caught up
};

struct ReplicationState {
  bool standby = false;              // this server is in recovery
  std::vector<StandbyLag> standbys;  // on a primary
  std::string receiverStatus;        // on a standby: pg_stat_wal_receiver's status ("" when none runs)
  double replayDelaySeconds = 0;     // on a standby: 0 when all received WAL is replayed
  HealthStamp lastReplayed;          // on a standby: pg_last_xact_replay_timestamp()
};

// pg_stat_archiver.
struct WalArchiving {
  std::string archiveMode;  // off, on, always
  std::int64_t archivedCount = 0;
  std::int64_t failedCount = 0;
  std::string lastArchivedWal;
  HealthStamp lastArchived;
  std::string lastFailedWal;
  HealthStamp lastFailed;
};

// doudi.health_summary(): no personal data.
struct DoudiHealth {
  int schemaVersion = 0;
  HealthStamp screeningStarted;  // the last finished screening run
  HealthStamp screeningFinished;
  std::string screeningTrigger;  // manual, schedule, batch, withdraw
  int screeningRaised = 0;
  HealthStamp screeningRunningSince;    // the oldest run not finished
  std::optional<std::int64_t> sealSeq;  // the audit chain's last seal
  HealthStamp sealedAt;
  std::int64_t pendingTransactions = 0;  // committed, awaiting their seal
  HealthStamp oldestPending;
};

struct StorageUse {
  std::int64_t databaseBytes = 0;
  std::string dataDirectory;     // "" when this login may not read it
  bool localConnection = false;  // the server sees this session over its socket or loopback
};

class ServerHealth {
 public:
  virtual ~ServerHealth() = default;
  virtual ConnectionUse Connections() = 0;
  virtual ReplicationState Replication() = 0;
  virtual WalArchiving Archiving() = 0;
  // Throws PermissionDenied for a login that is not in doudi_monitor, and
  // DatabaseError when the schema has no doudi.health_summary.
  virtual DoudiHealth Summary() = 0;
  virtual StorageUse Storage() = 0;
};

}  // namespace doudi::dal
