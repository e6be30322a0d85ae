#pragma once
// What the workstation knows about the logged-in user once the login worked.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/staff_capability.h"

namespace doudi::gui {

struct Session {
  std::string connectionString;  // with the password, if one was typed; never shown or logged
  std::string profileName;       // the doudi.ini profile, or "" for --db / DOUDI_DB
  // The profile's report standby, with the same login ("" for none):
  // rosters and statistics are read there (documents/document_jobs.h).
  std::string reportConnectionString;
  dal::pg::SessionIdentity identity;
  dal::pg::ServerInfo server;
  std::vector<dal::pg::RegionEntry> regions;  // in the user's scope, by code (the path above included)
  // The doudi.ini files this desk reads its settings from ([devices] too):
  // the --config file alone, else the user's then the system's.
  std::vector<std::filesystem::path> settingsFiles;

  // Who the database takes this user for: their staff group, or the set-up
  // superuser.
  model::StaffRole Role() const { return model::StaffRoleFromCode(identity.group); }

  // May this user perform operation (assets/rules/staff_capabilities.csv)?
  // What to offer only: the database decides again.
  bool May(model::StaffOperation operation) const { return model::StaffMay(Role(), operation); }
};

// Today's date on this desk's clock, in its time zone (a desk in Beijing
// time is eight hours ahead of UTC), for defaults and "not in the future"
// checks. The one definition: every window uses it.
inline std::chrono::year_month_day Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
#ifdef _WIN32
  localtime_s(&local, &now);
#else
  localtime_r(&now, &local);
#endif
  return std::chrono::year_month_day{std::chrono::year{local.tm_year + 1900},
                                     std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                     std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

}  // namespace doudi::gui
