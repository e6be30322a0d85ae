#include "doudi/dal/connection_profile.h"

namespace doudi::dal {
std::string WithConnectionValue(std::string connectionString, const char* key, const std::string& value) {
  if (value.empty()) return connectionString;
  if (!connectionString.empty()) connectionString += ' ';
  connectionString += key;
  connectionString += "='";
  for (const char c : value) {
    if (c == '\'' || c == '\\') connectionString += '\\';
    connectionString += c;
  }
  return connectionString + '\'';
}

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// "a , b" -> "a,b": the blanks around each comma and at both ends dropped.
std::string TrimmedList(const std::string& list) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = list.find(',', start);
    std::size_t first = start;
    std::size_t last = comma == std::string::npos ? list.size() : comma;
    while (first < last && IsBlank(list[first])) ++first;
    while (last > first && IsBlank(list[last - 1])) --last;
    out.append(list, first, last - first);
    if (comma == std::string::npos) return out;
    out += ',';
    start = comma + 1;
  }
}

}  // namespace

std::string ToConnectionString(const ConnectionProfile& profile) {
  const std::string host = TrimmedList(profile.host);
  const std::string port = TrimmedList(profile.port);
  std::string targetSessionAttrs = profile.targetSessionAttrs;
  if (targetSessionAttrs.empty() && host.find(',') != std::string::npos) targetSessionAttrs = "read-write";
  std::string out;
  for (const auto& [key, value] : {std::pair<const char*, const std::string&>{"host", host},
                                   {"port", port},
                                   {"dbname", profile.dbname},
                                   {"user", profile.user},
                                   {"sslmode", profile.sslmode},
                                   {"sslrootcert", profile.sslrootcert},
                                   {"target_session_attrs", targetSessionAttrs}}) {
    out = WithConnectionValue(std::move(out), key, value);
  }
  return WithConnectionValue(std::move(out), "application_name", "doudi");
}

std::string WithNetworkTimeouts(const std::string& connectionString) {
  // A URI cannot simply be appended to; keep it as the user wrote it.
  if (connectionString.rfind("postgres", 0) == 0 && connectionString.find("://") != std::string::npos) {
    return connectionString;
  }
  // Measured (TOOLCHAIN.md): a cut link is noticed in about 11-12 s, a
  // reconnect attempt gives up after 5 s, and the server drops a session
  // orphaned inside a transaction after a minute instead of holding its locks.
  return "connect_timeout=5 keepalives=1 keepalives_idle=10 keepalives_interval=3 keepalives_count=3 "
         "tcp_user_timeout=10000 options='-c idle_in_transaction_session_timeout=60s' " +
         connectionString;
}

}  // namespace doudi::dal
