#pragma once
// Where a report (roster, statistics, export) is read from: the profile's
// `report` standby when it is up and close enough behind the primary, else
// the primary, and why (docs/deployment.md, "4. A read replica"). Only the
// decision lives here, without a driver: dal/pg/report_reader.h looks at
// the standby and runs the report; the workstation and doudi-admin say the
// outcome with ReportRouteText. Reads only: whatever writes or logs (an
// unmasked viewing, the cross-scope question log, screening's alerts)
// always goes to the primary.
#include <cstdint>
#include <optional>
#include <string>

namespace doudi::dal {

// What one look at the standby found.
struct StandbyReading {
  bool reached = false;     // connected and answered
  bool inRecovery = false;  // pg_is_in_recovery(): it is a standby
  // It has replayed up to the primary's WAL position, read from the primary
  // just before: nothing committed before the report started is missing.
  bool caughtUp = false;
  // pg_last_wal_replay_lsn() = pg_last_wal_receive_lsn(): it has applied
  // all it received, so being behind means WAL is not arriving (the
  // primary is far or the stream is down), not that replay is slow.
  bool replayedAllReceived = false;
  // now() - pg_last_xact_replay_timestamp() in seconds; nullopt when it has
  // replayed no transaction since it started.
  std::optional<double> secondsSinceReplay;
};

enum class ReportSource { Standby, Primary };

enum class ReportFallback {
  None,              // read from the standby
  NoReportHost,      // no report host is set: the primary, as always
  Unreachable,       // the standby does not answer
  NotStandby,        // the report host is not in recovery (promoted, or the wrong server)
  Lagging,           // more than the limit behind
  NothingReplayed,   // behind the primary and no transaction replayed since it started: lag unknown
  RecoveryConflict,  // the standby cancelled the report (conflict with recovery); read again on the primary
};

struct ReportRoute {
  ReportSource source = ReportSource::Primary;
  ReportFallback fallback = ReportFallback::NoReportHost;
  std::optional<double> lagSeconds;  // as judged: 0 when caught up
  std::int64_t maxLagSeconds = 0;    // the limit it was judged against
  bool receiving = true;             // false: behind with nothing left to replay (WAL not arriving)
};

// The route for a reading: the standby when it is reached, in recovery and
// either caught up with the primary or at most maxLagSeconds behind by the
// time of its last replayed transaction. An idle primary leaves the last
// replayed transaction old: a standby that has replayed up to the
// primary's position is caught up however old that is.
ReportRoute DecideReportRoute(bool reportHostConfigured, const StandbyReading& reading, std::int64_t maxLagSeconds);

// Whether a report that failed on ranOn with sqlState is read once more on
// the primary: a statement (or session) the standby cancelled because of a
// conflict with recovery, SQLSTATE 40001 ("canceling statement due to
// conflict with recovery", in the server's own language), or 40P01 when
// the report's own deadlock check found it waiting on a lock that replay
// holds while replay waits on the report (measured: PostgreSQL 15 says
// "deadlock detected" then, before max_standby_streaming_delay ends). A
// read-only standby session raises neither for anything else: it runs no
// serializable writes, and its relation locks do not conflict with each
// other. Never when the report has already written part of its output.
bool RetryOnPrimary(ReportSource ranOn, const std::string& sqlState, bool outputStarted);

// The route after such a retry.
ReportRoute AfterRecoveryConflict(ReportRoute route);

// One line for the user when a report did not come from the standby that
// was asked for ("" when it did, or when no report host is set), in the
// catalog's language.
std::string ReportRouteText(const ReportRoute& route);

// Parses a profile's `report` value: "host", "host:port", "[v6]:port", a
// Unix socket directory, or a comma-separated list of them (libpq tries
// them in order). Each entry without a port takes defaultPort. Returns
// the libpq `host` and `port` values ("a,b" and "5433,5432"); throws
// std::invalid_argument naming an entry that is empty or has a bad port.
struct ReportHosts {
  std::string host;
  std::string port;
};
ReportHosts ParseReportHosts(const std::string& spec, const std::string& defaultPort);

// connectionString (the primary's, as libpq takes it: key=value pairs)
// pointed at the report hosts instead: their host and port appended (a
// later key wins in libpq), and target_session_attrs=prefer-standby so that
// of a list the standby is chosen. "" when spec is empty or
// connectionString is a URI (give --report-db then).
std::string ReportConnectionString(const std::string& connectionString, const std::string& spec,
                                   const std::string& defaultPort);

}  // namespace doudi::dal
