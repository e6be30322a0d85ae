#pragma once
// A named way to reach a Doudi database, as kept in doudi.ini's
// [profile NAME] sections and shared by doudi-admin and the workstation.
// Passwords never live here: libpq reads them from PGPASSFILE, or the
// program asks.
#include <string>
#include <vector>

namespace doudi::dal {

struct ConnectionProfile {
  std::string name;
  // Host name, address, or Unix socket directory; or several, comma-separated
  // (`host = a, b` with `port = 5432, 5433`): libpq tries them in turn.
  std::string host;
  std::string port;
  std::string dbname;
  std::string user;
  std::string sslmode;      // e.g. verify-full
  std::string sslrootcert;  // CA file for verify-ca / verify-full
  // Which of several hosts to settle on (libpq's target_session_attrs, e.g.
  // read-write, any); empty: read-write when more than one host is given,
  // so that a desk always lands on the primary, also after a failover.
  std::string targetSessionAttrs;
  // Users the login offers to pick from (the `users` key: a comma-separated
  // list), e.g. the demo's one user per staff group.
  std::vector<std::string> suggestedUsers;
  // The report standby (the `report` key): host[:port], or a list of them,
  // that rosters, statistics and exports read from (report_route.h); "" for
  // none. The rest of the profile (dbname, user, TLS) is the same.
  std::string report;
};

// A libpq key=value connection string with every value quoted, so spaces,
// quotes and backslashes in paths survive. Empty fields are left out. Spaces
// around the commas of a host or port list are dropped (libpq keeps them).
std::string ToConnectionString(const ConnectionProfile& profile);

// connectionString with one more key=value pair, the value quoted for libpq
// (single quotes, backslash before ' and \); unchanged when value is empty.
std::string WithConnectionValue(std::string connectionString, const char* key, const std::string& value);

// Adds the keepalive and timeout settings that let a desk notice a dead link
// in seconds rather than never (TOOLCHAIN.md, "Losing and regaining").
std::string WithNetworkTimeouts(const std::string& connectionString);

}  // namespace doudi::dal
