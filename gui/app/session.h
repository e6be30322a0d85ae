#pragma once
// What the workstation knows about the logged-in user once the login worked.
#include <chrono>
#include <string>
#include <vector>

#include "doudi/dal/pg/pg_database.h"

namespace doudi::gui {

struct Session {
  std::string connectionString;             // with the password, if one was typed; never shown or logged
  std::string profileName;                  // the doudi.ini profile, or "" for --db / DOUDI_DB
  dal::pg::SessionIdentity identity;
  dal::pg::ServerInfo server;
  std::vector<dal::pg::RegionEntry> regions;  // in the user's scope, by code (the path above included)

  // May this user write the registry (village, township, city, center)?
  bool CanEditRegistry() const {
    const auto& g = identity.group;
    return g == "village_clerk" || g == "township_reviewer" || g == "city_decider" || g == "center_admin" ||
           g == "superuser";
  }
};

// Today's date on this desk, for "not in the future" checks.
inline std::chrono::year_month_day Today() {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace doudi::gui
