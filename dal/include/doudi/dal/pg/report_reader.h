#pragma once
// Reads a report (a roster, the statistics, an export) from the report
// standby when it is fit to answer, else from the primary, with the
// caller's own login on both: roles and row-level security replicate, so
// the same rows are visible. The decision is report_route.h's; this looks
// at the standby and runs the read. Not thread-safe, like PgDatabase: one
// per thread, beside that thread's primary connection.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "doudi/dal/pg/pg_database.h"
#include "doudi/dal/report_route.h"

namespace doudi::dal::pg {

class ReportReader {
 public:
  // standbyConnectionString: libpq's string for the report host(s) ("" when
  // none is set: every report is read from the primary). A standby that
  // could not be reached is not tried again for retryAfter: a reader kept
  // for a session does not make every report wait out the connect timeout
  // while the standby is down.
  explicit ReportReader(std::string standbyConnectionString,
                        std::chrono::seconds retryAfter = std::chrono::seconds(60));
  ~ReportReader();
  ReportReader(const ReportReader&) = delete;
  ReportReader& operator=(const ReportReader&) = delete;

  bool Configured() const { return !m_conninfo.empty(); }
  const std::string& ConnectionString() const { return m_conninfo; }

  // Looks at the standby (connecting, or reconnecting once after a lost
  // session) and decides, with the primary's WAL position and the caller's
  // report_standby_max_lag read from primary just before.
  ReportRoute Choose(PgDatabase& primary);

  // Chooses, then runs read on the standby or the primary. A read the
  // standby cancels for a conflict with recovery (SQLSTATE 40001), or loses
  // its connection to the standby, is run once more on the primary unless
  // outputStarted() says it already wrote part of its output (then the
  // failure is thrown). Returns the route the rows came by. read must
  // only read: a standby refuses any write (SQLSTATE 25006).
  ReportRoute Run(PgDatabase& primary, const std::function<void(PgDatabase&)>& read,
                  const std::function<bool()>& outputStarted = {});

 private:
  StandbyReading Look(const std::string& primaryLsn);

  std::string m_conninfo;
  std::chrono::seconds m_retryAfter;
  std::unique_ptr<PgDatabase> m_standby;
  std::optional<std::chrono::steady_clock::time_point> m_unreachableSince;
};

}  // namespace doudi::dal::pg
