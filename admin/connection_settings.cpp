#include "connection_settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/IniFileConfiguration.h>

#include "doudi/dal/report_route.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

using Ini = Poco::AutoPtr<Poco::Util::IniFileConfiguration>;

std::filesystem::path EnvPath(const std::string& name) { return PathFromUtf8(Poco::Environment::get(name, "")); }

Ini OpenIni(const std::filesystem::path& file) {
  try {
    return Ini(new Poco::Util::IniFileConfiguration(PathToUtf8(file)));
  } catch (const Poco::Exception& e) {
    throw SettingsError("cannot read " + PathToUtf8(file) + ": " + e.displayText());
  }
}

// [profile NAME] of an opened file; a password in it is refused, so none
// is ever kept in a file others may read.
dal::ConnectionProfile ProfileFromSection(const Poco::Util::IniFileConfiguration& ini,
                                          const std::filesystem::path& file, const std::string& name) {
  const std::string section = "profile " + name;
  if (!ini.has(section + ".dbname") && !ini.has(section + ".host")) {
    throw SettingsError(PathToUtf8(file) + " has no [" + section + "] section with host or dbname");
  }
  if (ini.has(section + ".password")) {
    throw SettingsError(PathToUtf8(file) + ": [" + section +
                        "] holds a password; remove it and use a PGPASSFILE (see README)");
  }
  dal::ConnectionProfile p;
  p.name = name;
  p.host = ini.getString(section + ".host", "");
  p.port = ini.getString(section + ".port", "");
  p.dbname = ini.getString(section + ".dbname", "");
  p.user = ini.getString(section + ".user", "");
  p.sslmode = ini.getString(section + ".sslmode", "");
  p.sslrootcert = ini.getString(section + ".sslrootcert", "");
  p.report = ini.getString(section + ".report", "");
  try {
    if (!p.report.empty()) (void)dal::ParseReportHosts(p.report, p.port);
  } catch (const std::invalid_argument& e) {
    throw SettingsError(PathToUtf8(file) + ": [" + section + "] report: " + e.what());
  }
  p.targetSessionAttrs = ini.getString(section + ".target_session_attrs", "");
  const Poco::StringTokenizer users(ini.getString(section + ".users", ""), ",",
                                    Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  p.suggestedUsers.assign(users.begin(), users.end());
  return p;
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
  const Ini ini = OpenIni(file);
  const std::string chosen = name.empty() ? ini->getString("default", "") : name;
  if (chosen.empty()) {
    throw SettingsError(PathToUtf8(file) + " has no `default = NAME` line; choose a profile with --profile");
  }
  return ProfileFromSection(*ini, file, chosen);
}

ProfileFile ReadProfileFile(const std::filesystem::path& file) {
  const Ini ini = OpenIni(file);
  ProfileFile result{file, ini->getString("default", ""), {}};
  Poco::Util::AbstractConfiguration::Keys keys;
  ini->keys(keys);
  for (const auto& key : keys) {
    if (key.rfind("profile ", 0) == 0) result.profiles.push_back(ProfileFromSection(*ini, file, key.substr(8)));
  }
  return result;
}

std::optional<ProfileFile> FindProfileFile(const std::optional<std::filesystem::path>& configFile) {
  const std::vector<std::filesystem::path> candidates =
      configFile ? std::vector<std::filesystem::path>{*configFile} : DefaultConfigFiles();
  for (const auto& file : candidates) {
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) return ReadProfileFile(file);
  }
  return std::nullopt;
}

namespace {

// The primary's connection by the order above.
ResolvedConnection ResolvePrimary(const ConnectionRequest& request) {
  if (request.dbOption) return {*request.dbOption, "--db", {}};
  if (const std::string env = Poco::Environment::get("DOUDI_DB", ""); !env.empty()) return {env, "DOUDI_DB", {}};
  if (const auto file = FindProfileFile(request.configFile)) {
    const auto profile = LoadProfile(file->path, request.profileOption.value_or(""));
    const std::string conninfo = dal::ToConnectionString(profile);
    return {conninfo, "profile " + profile.name + " in " + PathToUtf8(file->path),
            dal::ReportConnectionString(conninfo, profile.report, profile.port)};
  }
  if (request.configFile) {
    throw SettingsError("the configuration file " + PathToUtf8(*request.configFile) + " does not exist");
  }
  throw SettingsError(
      "no database named: use --db 'host=... dbname=... user=...', set DOUDI_DB, or write a profile to " +
      PathToUtf8(DefaultConfigFiles().front()));
}

}  // namespace

ResolvedConnection ResolveConnection(const ConnectionRequest& request) {
  ResolvedConnection resolved = ResolvePrimary(request);
  if (request.reportDbOption) resolved.reportConnectionString = *request.reportDbOption;
  return resolved;
}

}  // namespace doudi::admin
