#include "utf8_path.h"
#include "connection_settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>

namespace doudi::admin {
namespace {

std::filesystem::path EnvPath(const std::string& name) {
  return PathFromUtf8(Poco::Environment::get(name, ""));
}

}  // namespace

std::vector<std::filesystem::path> DefaultConfigFiles() {
#ifdef _WIN32
  return {EnvPath("APPDATA") / "Doudi" / "doudi.ini", EnvPath("PROGRAMDATA") / "Doudi" / "doudi.ini"};
#else
  std::filesystem::path user = EnvPath("XDG_CONFIG_HOME");
  if (user.empty()) user = EnvPath("HOME") / ".config";
  return {user / "doudi" / "doudi.ini", "/etc/doudi/doudi.ini"};
#endif
}

dal::ConnectionProfile LoadProfile(const std::filesystem::path& file, const std::string& name) {
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini;
  try {
    ini = new Poco::Util::IniFileConfiguration(PathToUtf8(file));
  } catch (const Poco::Exception& e) {
    throw SettingsError("cannot read " + PathToUtf8(file) + ": " + e.displayText());
  }
  const std::string chosen = name.empty() ? ini->getString("default", "") : name;
  if (chosen.empty()) {
    throw SettingsError(PathToUtf8(file) + " has no `default = NAME` line; choose a profile with --profile");
  }
  const std::string section = "profile " + chosen;
  if (!ini->has(section + ".dbname") && !ini->has(section + ".host")) {
    throw SettingsError(PathToUtf8(file) + " has no [" + section + "] section with host or dbname");
  }
  if (ini->has(section + ".password")) {
    throw SettingsError(PathToUtf8(file) + ": [" + section +
                        "] holds a password; remove it and use a PGPASSFILE (see README)");
  }
  dal::ConnectionProfile p;
  p.name = chosen;
  p.host = ini->getString(section + ".host", "");
  p.port = ini->getString(section + ".port", "");
  p.dbname = ini->getString(section + ".dbname", "");
  p.user = ini->getString(section + ".user", "");
  p.sslmode = ini->getString(section + ".sslmode", "");
  p.sslrootcert = ini->getString(section + ".sslrootcert", "");
  return p;
}

ResolvedConnection ResolveConnection(const ConnectionRequest& request) {
  if (request.dbOption) return {*request.dbOption, "--db"};
  if (const std::string env = Poco::Environment::get("DOUDI_DB", ""); !env.empty()) return {env, "DOUDI_DB"};
  std::vector<std::filesystem::path> candidates;
  if (request.configFile) {
    candidates.push_back(*request.configFile);
  } else {
    candidates = DefaultConfigFiles();
  }
  for (const auto& file : candidates) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) continue;
    const auto profile = LoadProfile(file, request.profileOption.value_or(""));
    return {dal::ToConnectionString(profile), "profile " + profile.name + " in " + PathToUtf8(file)};
  }
  if (request.configFile) throw SettingsError("the configuration file " + PathToUtf8(*request.configFile) + " does not exist");
  throw SettingsError(
      "no database named: use --db 'host=... dbname=... user=...', set DOUDI_DB, or write a profile to " +
      PathToUtf8(DefaultConfigFiles().front()));
}

}  // namespace doudi::admin
