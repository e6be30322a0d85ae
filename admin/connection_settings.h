#pragma once
// Where doudi-admin (and later the workstation) finds its database. In
// order: the --db option, the DOUDI_DB environment variable, then a profile
// of doudi.ini: the one named by --profile or the file's `default` key, from
// --config FILE, else the user's file, else the system's file.
//   user file:   $XDG_CONFIG_HOME/doudi/doudi.ini (~/.config/doudi/doudi.ini),
//                %APPDATA%\Doudi\doudi.ini on Windows
//   system file: /etc/doudi/doudi.ini, %PROGRAMDATA%\Doudi\doudi.ini on Windows
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "doudi/dal/connection_profile.h"

namespace doudi::admin {

class SettingsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ConnectionRequest {
  std::optional<std::string> dbOption;       // --db
  std::optional<std::string> profileOption;  // --profile
  std::optional<std::filesystem::path> configFile;  // --config
  std::optional<std::string> reportDbOption;        // --report-db: the report standby instead of the profile's
};

struct ResolvedConnection {
  std::string connectionString;
  std::string origin;  // where it came from, for messages: "--db", "profile demo in /etc/doudi/doudi.ini"
  // The report standby's (--report-db, else the profile's `report` key
  // pointed to with the profile's other settings); "" for none.
  std::string reportConnectionString;
};

// The user's then the system's doudi.ini, whether or not they exist.
std::vector<std::filesystem::path> DefaultConfigFiles();

// Reads [profile NAME] from an ini file; NAME empty means the file's
// `default` key. Throws SettingsError naming the file and what is missing.
dal::ConnectionProfile LoadProfile(const std::filesystem::path& file, const std::string& name);

// Every profile of an ini file, with the name of its default ("" when the
// file names none). Throws SettingsError when the file cannot be read.
struct ProfileFile {
  std::filesystem::path path;
  std::string defaultProfile;
  std::vector<dal::ConnectionProfile> profiles;
};
ProfileFile ReadProfileFile(const std::filesystem::path& file);

// The profile file the order above would read (--config, else the user's,
// else the system's); nullopt when none exists.
std::optional<ProfileFile> FindProfileFile(const std::optional<std::filesystem::path>& configFile);

// Applies the order above; the report standby is --report-db, else the
// profile's `report` key (none with --db or DOUDI_DB). Throws SettingsError when nothing names a
// database, with a message saying how to name one.
ResolvedConnection ResolveConnection(const ConnectionRequest& request);

}  // namespace doudi::admin
