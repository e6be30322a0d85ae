#include "doudi/dal/pg/report_reader.h"

#include "doudi/dal/errors.h"

namespace doudi::dal::pg {

ReportReader::ReportReader(std::string standbyConnectionString, std::chrono::seconds retryAfter)
    : m_conninfo(std::move(standbyConnectionString)), m_retryAfter(retryAfter) {}

ReportReader::~ReportReader() = default;

StandbyReading ReportReader::Look(const std::string& primaryLsn) {
  const auto now = std::chrono::steady_clock::now();
  if (m_unreachableSince && now - *m_unreachableSince < m_retryAfter) return {};  // down a moment ago
  m_unreachableSince.reset();
  // A kept session may be stale (the standby restarted): one fresh try.
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      if (!m_standby) m_standby = std::make_unique<PgDatabase>(m_conninfo);
      return m_standby->ReadAsStandby(primaryLsn);
    } catch (const ConnectionError&) {
      const bool hadSession = m_standby != nullptr;
      m_standby.reset();
      if (!hadSession) break;  // it did not even connect: down
    }
  }
  m_unreachableSince = now;
  return {};
}

ReportRoute ReportReader::Choose(PgDatabase& primary) {
  if (!Configured()) return DecideReportRoute(false, {}, 0);
  const ReportPosition position = primary.ReadReportPosition();
  return DecideReportRoute(true, Look(position.walLsn), position.maxLagSeconds);
}

ReportRoute ReportReader::Run(PgDatabase& primary, const std::function<void(PgDatabase&)>& read,
                              const std::function<bool()>& outputStarted) {
  const ReportRoute route = Choose(primary);
  if (route.source == ReportSource::Primary) {
    read(primary);
    return route;
  }
  try {
    read(*m_standby);
    return route;
  } catch (const DatabaseError& e) {
    const bool started = outputStarted && outputStarted();
    const bool lost = dynamic_cast<const ConnectionError*>(&e) != nullptr;
    if (lost) m_standby.reset();
    if (RetryOnPrimary(route.source, e.SqlState(), started)) {
      read(primary);
      return AfterRecoveryConflict(route);
    }
    if (!lost || started) throw;
  }
  // The standby went away during the read: the primary answers instead.
  read(primary);
  ReportRoute fallback = route;
  fallback.source = ReportSource::Primary;
  fallback.fallback = ReportFallback::Unreachable;
  return fallback;
}

}  // namespace doudi::dal::pg
