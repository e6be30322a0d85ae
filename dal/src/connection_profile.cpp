#include "doudi/dal/connection_profile.h"

namespace doudi::dal {
namespace {

// libpq quoting: single quotes around the value, backslash before ' and \.
void Append(std::string& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  if (!out.empty()) out += ' ';
  out += key;
  out += "='";
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
}

}  // namespace

std::string ToConnectionString(const ConnectionProfile& profile) {
  std::string out;
  Append(out, "host", profile.host);
  Append(out, "port", profile.port);
  Append(out, "dbname", profile.dbname);
  Append(out, "user", profile.user);
  Append(out, "sslmode", profile.sslmode);
  Append(out, "sslrootcert", profile.sslrootcert);
  Append(out, "application_name", "doudi");
  return out;
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
