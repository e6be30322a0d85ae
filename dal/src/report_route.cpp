#include "doudi/dal/report_route.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "doudi/catalog/message_catalog.h"
#include "doudi/dal/connection_profile.h"

namespace doudi::dal {
namespace {

using catalog::Tr;
using catalog::TrFormat;

ReportRoute Primary(ReportFallback why, std::int64_t maxLagSeconds) {
  ReportRoute route;
  route.source = ReportSource::Primary;
  route.fallback = why;
  route.maxLagSeconds = maxLagSeconds;
  return route;
}

std::string WholeSeconds(double seconds) {
  return std::to_string(static_cast<long long>(std::ceil(seconds)));
}

std::string Trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool AllDigits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

ReportRoute DecideReportRoute(bool reportHostConfigured, const StandbyReading& reading, std::int64_t maxLagSeconds) {
  if (!reportHostConfigured) return Primary(ReportFallback::NoReportHost, maxLagSeconds);
  if (!reading.reached) return Primary(ReportFallback::Unreachable, maxLagSeconds);
  if (!reading.inRecovery) return Primary(ReportFallback::NotStandby, maxLagSeconds);
  ReportRoute route;
  route.maxLagSeconds = maxLagSeconds;
  if (reading.caughtUp) {
    route.source = ReportSource::Standby;
    route.fallback = ReportFallback::None;
    route.lagSeconds = 0.0;
    return route;
  }
  // Behind the primary: by how much, judged by its last replayed commit.
  route.receiving = !reading.replayedAllReceived;
  if (!reading.secondsSinceReplay) {
    route.source = ReportSource::Primary;
    route.fallback = ReportFallback::NothingReplayed;
    return route;
  }
  route.lagSeconds = std::max(0.0, *reading.secondsSinceReplay);
  const bool within = *route.lagSeconds <= static_cast<double>(maxLagSeconds);
  route.source = within ? ReportSource::Standby : ReportSource::Primary;
  route.fallback = within ? ReportFallback::None : ReportFallback::Lagging;
  return route;
}

bool RetryOnPrimary(ReportSource ranOn, const std::string& sqlState, bool outputStarted) {
  return ranOn == ReportSource::Standby && (sqlState == "40001" || sqlState == "40P01") && !outputStarted;
}

ReportRoute AfterRecoveryConflict(ReportRoute route) {
  route.source = ReportSource::Primary;
  route.fallback = ReportFallback::RecoveryConflict;
  return route;
}

std::string ReportRouteText(const ReportRoute& route) {
  switch (route.fallback) {
    case ReportFallback::None:
    case ReportFallback::NoReportHost:
      return {};
    case ReportFallback::Unreachable:
      return Tr("The report standby does not answer: this report was read from the primary server.");
    case ReportFallback::NotStandby:
      return Tr(
          "The report server is not a standby (not in recovery): this report was read from the primary "
          "server.");
    case ReportFallback::Lagging:
      return route.receiving
                 ? TrFormat(
                       "The report standby is {1} s behind (at most {2} s allowed): this report was read from "
                       "the primary server.",
                       {WholeSeconds(route.lagSeconds.value_or(0)), std::to_string(route.maxLagSeconds)})
                 : TrFormat(
                       "The report standby receives no changes and is {1} s behind (at most {2} s allowed): "
                       "this report was read from the primary server.",
                       {WholeSeconds(route.lagSeconds.value_or(0)), std::to_string(route.maxLagSeconds)});
    case ReportFallback::NothingReplayed:
      return Tr(
          "The report standby is behind and has applied nothing since it started: this report was read from "
          "the primary server.");
    case ReportFallback::RecoveryConflict:
      return Tr(
          "The report standby cancelled the report (conflict with recovery): it was read again from the "
          "primary server.");
  }
  return {};
}

ReportHosts ParseReportHosts(const std::string& spec, const std::string& defaultPort) {
  ReportHosts out;
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    const auto comma = spec.find(',', start);
    const std::string entry = Trimmed(spec.substr(start, comma == std::string::npos ? comma : comma - start));
    if (entry.empty()) throw std::invalid_argument("the report host list '" + spec + "' has an empty entry");
    std::string host = entry;
    std::string port;
    if (entry.front() == '[') {
      // [2001:db8::5]:5433
      const auto close = entry.find(']');
      if (close == std::string::npos) throw std::invalid_argument("report host '" + entry + "' lacks its ']'");
      host = entry.substr(1, close - 1);
      const std::string rest = entry.substr(close + 1);
      if (!rest.empty()) {
        if (rest.front() != ':') throw std::invalid_argument("report host '" + entry + "': ':PORT' after ']'");
        port = rest.substr(1);
      }
    } else if (const auto colon = entry.rfind(':');
               colon != std::string::npos && entry.find(':') == colon) {  // one colon: host:port
      host = entry.substr(0, colon);
      port = entry.substr(colon + 1);
    }
    if (host.empty()) throw std::invalid_argument("report host '" + entry + "' names no host");
    if (!port.empty() && (!AllDigits(port) || port.size() > 5 || std::stoi(port) > 65535 || std::stoi(port) == 0)) {
      throw std::invalid_argument("report host '" + entry + "' has a bad port '" + port + "'");
    }
    if (port.empty()) port = defaultPort;
    out.host += (first ? "" : ",") + host;
    out.port += (first ? "" : ",") + port;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  // One port for all: libpq takes a single value for every host.
  if (out.port.find_first_not_of(',') == std::string::npos) out.port.clear();
  return out;
}

std::string ReportConnectionString(const std::string& connectionString, const std::string& spec,
                                   const std::string& defaultPort) {
  if (Trimmed(spec).empty()) return {};
  if (connectionString.rfind("postgres", 0) == 0 && connectionString.find("://") != std::string::npos) return {};
  const ReportHosts hosts = ParseReportHosts(spec, defaultPort);
  std::string out = WithConnectionValue(connectionString, "host", hosts.host);
  out = WithConnectionValue(std::move(out), "port", hosts.port);
  return WithConnectionValue(std::move(out), "target_session_attrs", "prefer-standby");
}

}  // namespace doudi::dal
