// doudi-admin health: the server's state for a monitoring system, as a
// monitoring login (a member of pg_monitor and doudi_monitor, not a desk
// role): connections, replication, the last backup or WAL archiving, the
// last screening run, how far the audit chain is sealed, the database's
// size and the data directory's free disk. Exit codes follow the Nagios
// plugins' convention: 0 OK, 1 warning, 2 critical, 3 unknown
// (docs/deployment.md, "Health checks").
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <limits>
#include <set>
#include <sstream>
#include <utility>

#include "commands.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/failure_text.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

// Nagios's order of exit codes; the overall level is the worst finding,
// critical before warning before unknown.
enum class Level { Ok = 0, Warning = 1, Critical = 2, Unknown = 3 };

int Rank(Level level) {
  switch (level) {
    case Level::Ok:
      return 0;
    case Level::Unknown:
      return 1;
    case Level::Warning:
      return 2;
    case Level::Critical:
      return 3;
  }
  return 1;
}

const char* LevelCode(Level level) {
  switch (level) {
    case Level::Ok:
      return "ok";
    case Level::Warning:
      return "warning";
    case Level::Critical:
      return "critical";
    case Level::Unknown:
      return "unknown";
  }
  return "unknown";
}

std::string LevelWord(Level level) {
  switch (level) {
    case Level::Ok:
      return Tr("OK");
    case Level::Warning:
      return Tr("WARNING");
    case Level::Critical:
      return Tr("CRITICAL");
    case Level::Unknown:
      return Tr("UNKNOWN");
  }
  return Tr("UNKNOWN");
}

// One check's result: its level, a sentence in the language in use, and
// its figures for --format json.
struct Finding {
  explicit Finding(std::string name, Level at = Level::Ok, std::string sentence = {})
      : check(std::move(name)), level(at), text(std::move(sentence)) {}

  std::string check;
  Level level;
  std::string text;
  Poco::JSON::Object::Ptr fields = new Poco::JSON::Object;

  void Raise(Level to) {
    if (Rank(to) > Rank(level)) level = to;
  }
};

const std::vector<std::string> kChecks{"connections", "replication", "backup", "screening", "audit", "storage"};

struct Thresholds {
  double connectionsWarn = 80;  // percent of max_connections in use
  double connectionsCrit = 95;
  double lagWarnSeconds = 60;  // a standby's replay lag
  double lagCritSeconds = 600;
  double lagWarnMb = 64;
  double lagCritMb = 1024;
  int expectStandbys = 0;       // fewer streaming standbys on a primary: critical
  double backupWarnHours = 26;  // the last backup (or archived WAL)
  double backupCritHours = 50;
  double screeningWarnHours = 26;
  double screeningCritHours = 50;
  double sealWarnHours = 24;    // the oldest audit row awaiting its seal
  double diskWarnPercent = 15;  // free space of the data directory's disk
  double diskCritPercent = 5;
};

double NumberOption(const CommandContext& ctx, const std::string& name, double fallback) {
  const auto value = ctx.Option(name);
  if (!value) return fallback;
  try {
    std::size_t used = 0;
    const double number = std::stod(*value, &used);
    if (used == value->size() && std::isfinite(number) && number >= 0) return number;
  } catch (const std::exception&) {
  }
  throw std::invalid_argument(TrFormat("--{1} takes a number of zero or more, not '{2}'", {name, *value}));
}

Thresholds ReadThresholds(const CommandContext& ctx) {
  Thresholds t;
  t.connectionsWarn = NumberOption(ctx, "connections-warn", t.connectionsWarn);
  t.connectionsCrit = NumberOption(ctx, "connections-crit", t.connectionsCrit);
  t.lagWarnSeconds = NumberOption(ctx, "lag-warn-seconds", t.lagWarnSeconds);
  t.lagCritSeconds = NumberOption(ctx, "lag-crit-seconds", t.lagCritSeconds);
  t.lagWarnMb = NumberOption(ctx, "lag-warn-mb", t.lagWarnMb);
  t.lagCritMb = NumberOption(ctx, "lag-crit-mb", t.lagCritMb);
  t.expectStandbys = static_cast<int>(NumberOption(ctx, "expect-standbys", t.expectStandbys));
  t.backupWarnHours = NumberOption(ctx, "backup-warn-hours", t.backupWarnHours);
  t.backupCritHours = NumberOption(ctx, "backup-crit-hours", t.backupCritHours);
  t.screeningWarnHours = NumberOption(ctx, "screening-warn-hours", t.screeningWarnHours);
  t.screeningCritHours = NumberOption(ctx, "screening-crit-hours", t.screeningCritHours);
  t.sealWarnHours = NumberOption(ctx, "seal-warn-hours", t.sealWarnHours);
  t.diskWarnPercent = NumberOption(ctx, "disk-warn-percent", t.diskWarnPercent);
  t.diskCritPercent = NumberOption(ctx, "disk-crit-percent", t.diskCritPercent);
  return t;
}

std::set<std::string> SkippedChecks(const CommandContext& ctx) {
  std::set<std::string> skipped;
  std::stringstream list(ctx.Option("skip").value_or(""));
  for (std::string name; std::getline(list, name, ',');) {
    if (name.empty()) continue;
    if (std::find(kChecks.begin(), kChecks.end(), name) == kChecks.end()) {
      throw std::invalid_argument(TrFormat(
          "--skip takes checks among connections, replication, backup, screening, audit and storage, not '{1}'",
          {name}));
    }
    skipped.insert(name);
  }
  return skipped;
}

std::string Decimal(double value, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

// How long ago, in the unit that reads best.
std::string Ago(double seconds) {
  if (seconds < 120) return TrFormat("{1} s ago", {Decimal(std::max(seconds, 0.0), 0)});
  if (seconds < 2 * 3600) return TrFormat("{1} min ago", {Decimal(seconds / 60, 0)});
  if (seconds < 48 * 3600) return TrFormat("{1} h ago", {Decimal(seconds / 3600, 1)});
  return TrFormat("{1} days ago", {Decimal(seconds / 86400, 1)});
}

std::string Bytes(double bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int unit = 0;
  while (bytes >= 1024 && unit < 4) {
    bytes /= 1024;
    ++unit;
  }
  return Decimal(bytes, unit == 0 ? 0 : 1) + " " + units[unit];
}

// Raises a finding to warning or critical by a figure against its two
// thresholds (higher is worse).
void Judge(Finding& f, double value, double warn, double crit) {
  if (value >= crit) {
    f.Raise(Level::Critical);
  } else if (value >= warn) {
    f.Raise(Level::Warning);
  }
}

Finding Connections(dal::ServerHealth& health, const Thresholds& t) {
  Finding f{"connections"};
  const auto use = health.Connections();
  const double percent = use.maxConnections > 0 ? 100.0 * use.total / use.maxConnections : 0;
  Judge(f, percent, t.connectionsWarn, t.connectionsCrit);
  std::string states;
  Poco::JSON::Object::Ptr byState = new Poco::JSON::Object;
  for (const auto& [state, count] : use.byState) {
    states += (states.empty() ? "" : ", ") + state + " " + std::to_string(count);
    byState->set(state, count);
  }
  f.text = TrFormat("{1} of {2} connections ({3}%): {4}",
                    {std::to_string(use.total), std::to_string(use.maxConnections), Decimal(percent, 1), states});
  f.fields->set("total", use.total);
  f.fields->set("max_connections", use.maxConnections);
  f.fields->set("superuser_reserved_connections", use.superuserReserved);
  f.fields->set("percent", percent);
  f.fields->set("by_state", byState);
  return f;
}

Finding Replication(dal::ServerHealth& health, const Thresholds& t) {
  Finding f{"replication"};
  const auto state = health.Replication();
  f.fields->set("role", state.standby ? "standby" : "primary");
  if (state.standby) {
    if (state.receiverStatus != "streaming") f.Raise(Level::Critical);
    Judge(f, state.replayDelaySeconds, t.lagWarnSeconds, t.lagCritSeconds);
    f.text = TrFormat(
        "standby, WAL receiver {1}, replay {2} s behind (last replayed transaction {3})",
        {state.receiverStatus.empty() ? Tr("not running") : state.receiverStatus, Decimal(state.replayDelaySeconds, 0),
         state.lastReplayed.Known() ? state.lastReplayed.utc : Tr("none")});
    f.fields->set("receiver_status", state.receiverStatus);
    f.fields->set("replay_lag_seconds", state.replayDelaySeconds);
    f.fields->set("last_replayed_at", state.lastReplayed.utc);
    return f;
  }
  Poco::JSON::Array::Ptr standbys = new Poco::JSON::Array;
  std::string list;
  int streaming = 0;
  for (const auto& s : state.standbys) {
    if (s.state == "streaming") {
      ++streaming;
    } else if (s.state.empty()) {
      // A login outside pg_monitor sees the standby's row without its state.
      f.Raise(Level::Unknown);
    } else {
      f.Raise(Level::Warning);
    }
    Judge(f, s.replayLagSeconds, t.lagWarnSeconds, t.lagCritSeconds);
    const double lagBytes = s.replayLagBytes ? static_cast<double>(*s.replayLagBytes) : 0;
    Judge(f, lagBytes / (1024.0 * 1024.0), t.lagWarnMb, t.lagCritMb);
    list += TrFormat("; {1} ({2}) {3}, replay {4} and {5} s behind",
                     {s.name, s.address.empty() ? Tr("local") : s.address, s.state,
                      s.replayLagBytes ? Bytes(lagBytes) : Tr("nothing replayed yet"), Decimal(s.replayLagSeconds, 1)});
    Poco::JSON::Object::Ptr one = new Poco::JSON::Object;
    one->set("name", s.name);
    one->set("address", s.address);
    one->set("state", s.state);
    one->set("sync_state", s.syncState);
    if (s.replayLagBytes) one->set("replay_lag_bytes", *s.replayLagBytes);
    one->set("replay_lag_seconds", s.replayLagSeconds);
    standbys->add(one);
  }
  if (streaming < t.expectStandbys) f.Raise(Level::Critical);
  f.text = TrFormat("primary, {1} standby(s) streaming (expected at least {2}){3}",
                    {std::to_string(streaming), std::to_string(t.expectStandbys), list});
  f.fields->set("standbys", standbys);
  f.fields->set("streaming", streaming);
  return f;
}

// pgbackrest --stanza NAME info --output=json: the stop time of the
// newest backup, and the stanza's status.
Finding PgBackRestBackup(const std::string& stanza, const Thresholds& t) {
  Finding f{"backup"};
  f.fields->set("source", "pgbackrest");
  f.fields->set("stanza", stanza);
  Poco::Pipe outPipe;
  Poco::Pipe errPipe;
  std::string out;
  std::string err;
  int exitCode = -1;
  try {
    Poco::ProcessHandle process = Poco::Process::launch("pgbackrest", {"--stanza=" + stanza, "info", "--output=json"},
                                                        nullptr, &outPipe, &errPipe);
    Poco::PipeInputStream outStream(outPipe);
    Poco::PipeInputStream errStream(errPipe);
    Poco::StreamCopier::copyToString(outStream, out);
    Poco::StreamCopier::copyToString(errStream, err);
    exitCode = process.wait();
  } catch (const Poco::Exception& e) {
    f.level = Level::Unknown;
    f.text = TrFormat("cannot run pgbackrest: {1}", {e.displayText()});
    return f;
  }
  if (exitCode != 0) {
    f.level = Level::Unknown;
    f.text =
        TrFormat("pgbackrest info failed (exit {1}): {2}", {std::to_string(exitCode), err.substr(0, err.find('\n'))});
    return f;
  }
  try {
    Poco::JSON::Parser parser;
    const auto stanzas = parser.parse(out).extract<Poco::JSON::Array::Ptr>();
    Poco::JSON::Object::Ptr found;
    for (std::size_t i = 0; stanzas && i < stanzas->size(); ++i) {
      const auto s = stanzas->getObject(static_cast<unsigned>(i));
      if (s && s->optValue<std::string>("name", "") == stanza) found = s;
    }
    if (!found) throw std::runtime_error("the stanza is not in its output");
    const auto status = found->getObject("status");
    const int code = status ? status->optValue<int>("code", 99) : 99;
    const std::string message = status ? status->optValue<std::string>("message", "") : "";
    Poco::Int64 newestStop = 0;
    std::string newestLabel;
    std::string newestType;
    const auto backups = found->getArray("backup");
    for (std::size_t i = 0; backups && i < backups->size(); ++i) {
      const auto b = backups->getObject(static_cast<unsigned>(i));
      Poco::JSON::Object::Ptr stamps;
      if (b) stamps = b->getObject("timestamp");
      const Poco::Int64 stop = stamps ? stamps->optValue<Poco::Int64>("stop", 0) : 0;
      if (stop > newestStop) {
        newestStop = stop;
        newestLabel = b->optValue<std::string>("label", "");
        newestType = b->optValue<std::string>("type", "");
      }
    }
    f.fields->set("status_code", code);
    f.fields->set("status_message", message);
    if (newestStop == 0) {
      f.level = Level::Critical;
      f.text = TrFormat("pgBackRest stanza {1} has no backup ({2})", {stanza, message});
      return f;
    }
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const double age = static_cast<double>(now - newestStop);
    if (code != 0) f.Raise(Level::Critical);
    Judge(f, age / 3600, t.backupWarnHours, t.backupCritHours);
    char stop[32];
    const std::time_t stopTime = static_cast<std::time_t>(newestStop);
    std::tm utc{};
#ifdef _WIN32
    gmtime_s(&utc, &stopTime);
#else
    gmtime_r(&stopTime, &utc);
#endif
    std::strftime(stop, sizeof stop, "%Y-%m-%dT%H:%M:%SZ", &utc);
    f.text = TrFormat("last pgBackRest backup {1} ({2}) finished {3}, {4}; stanza status: {5}",
                      {newestLabel, newestType, stop, Ago(age), message});
    f.fields->set("last_backup_label", newestLabel);
    f.fields->set("last_backup_type", newestType);
    f.fields->set("last_backup_stop", std::string(stop));
    f.fields->set("last_backup_age_seconds", age);
  } catch (const std::exception& e) {
    f.level = Level::Unknown;
    f.text = TrFormat("cannot read pgbackrest info's output: {1}", {e.what()});
  }
  return f;
}

// Without pgBackRest: WAL archiving (pg_stat_archiver) stands in for the
// last backup: is it on, is it failing, how long since a segment was
// archived.
Finding ArchivingBackup(dal::ServerHealth& health, const Thresholds& t) {
  Finding f{"backup"};
  f.fields->set("source", "pg_stat_archiver");
  const auto a = health.Archiving();
  const bool standby = health.Replication().standby;
  f.fields->set("archive_mode", a.archiveMode);
  f.fields->set("archived_count", a.archivedCount);
  f.fields->set("failed_count", a.failedCount);
  f.fields->set("last_archived_wal", a.lastArchivedWal);
  f.fields->set("last_archived_at", a.lastArchived.utc);
  f.fields->set("last_failed_wal", a.lastFailedWal);
  f.fields->set("last_failed_at", a.lastFailed.utc);
  const std::string failed = a.lastFailed.Known()
                                 ? TrFormat("last failure {1} at {2}", {a.lastFailedWal, a.lastFailed.utc})
                                 : Tr("no failure");
  if (standby && a.archiveMode != "always") {
    f.text = TrFormat("standby: WAL is archived by the primary (archive_mode = {1})", {a.archiveMode});
    return f;
  }
  if (a.archiveMode == "off") {
    f.level = Level::Warning;
    f.text =
        Tr("WAL archiving is off (archive_mode = off): no point-in-time recovery, and the last backup is not known "
           "here (--pgbackrest-stanza NAME reads it)");
    return f;
  }
  if (!a.lastArchived.Known()) {
    f.level = a.lastFailed.Known() ? Level::Critical : Level::Warning;
    f.text = TrFormat("no WAL segment archived yet; {1}", {failed});
    return f;
  }
  // Failing now: the last attempt failed after the last success.
  if (a.lastFailed.Known() && a.lastFailed.ageSeconds < a.lastArchived.ageSeconds) f.Raise(Level::Critical);
  Judge(f, a.lastArchived.ageSeconds / 3600, t.backupWarnHours, t.backupCritHours);
  f.fields->set("last_archived_age_seconds", a.lastArchived.ageSeconds);
  f.text = TrFormat("WAL archiving: last segment {1} archived at {2}, {3}; {4}",
                    {a.lastArchivedWal, a.lastArchived.utc, Ago(a.lastArchived.ageSeconds), failed});
  return f;
}

// doudi.health_summary(), once for both checks that need it.
struct Summary {
  std::optional<dal::DoudiHealth> health;
  std::string problem;
};

Summary ReadSummary(dal::ServerHealth& health) {
  Summary s;
  try {
    s.health = health.Summary();
  } catch (const dal::PermissionDenied&) {
    s.problem = Tr("this login may not execute doudi.health_summary(): make it a member of doudi_monitor");
  } catch (const dal::ConnectionError&) {
    throw;
  } catch (const dal::DatabaseError& e) {
    s.problem = dal::FailureText(e);
  }
  return s;
}

Finding Screening(const dal::DoudiHealth& h, const Thresholds& t) {
  Finding f{"screening"};
  if (h.screeningRunningSince.Known()) f.fields->set("running_since", h.screeningRunningSince.utc);
  if (!h.screeningFinished.Known()) {
    f.level = Level::Warning;
    f.text = Tr("no screening run has finished yet");
    return f;
  }
  Judge(f, h.screeningFinished.ageSeconds / 3600, t.screeningWarnHours, t.screeningCritHours);
  f.text = TrFormat("last screening run finished at {1}, {2} ({3}, {4} alert(s) raised)",
                    {h.screeningFinished.utc, Ago(h.screeningFinished.ageSeconds), h.screeningTrigger,
                     std::to_string(h.screeningRaised)});
  f.fields->set("started_at", h.screeningStarted.utc);
  f.fields->set("finished_at", h.screeningFinished.utc);
  f.fields->set("age_seconds", h.screeningFinished.ageSeconds);
  f.fields->set("trigger", h.screeningTrigger);
  f.fields->set("raised", h.screeningRaised);
  return f;
}

Finding Audit(const dal::DoudiHealth& h, const Thresholds& t) {
  Finding f{"audit"};
  f.fields->set("schema_version", h.schemaVersion);
  f.fields->set("pending_transactions", h.pendingTransactions);
  std::string sealed = Tr("no seal yet");
  if (h.sealSeq) {
    sealed = TrFormat("sealed up to seal {1} ({2})", {std::to_string(*h.sealSeq), h.sealedAt.utc});
    f.fields->set("seal_seq", *h.sealSeq);
    f.fields->set("sealed_at", h.sealedAt.utc);
  }
  std::string pending =
      TrFormat("{1} committed transaction(s) await their seal", {std::to_string(h.pendingTransactions)});
  if (h.oldestPending.Known()) {
    Judge(f, h.oldestPending.ageSeconds / 3600, t.sealWarnHours, std::numeric_limits<double>::infinity());
    pending += TrFormat(", the oldest written {1}", {Ago(h.oldestPending.ageSeconds)});
    f.fields->set("oldest_pending_at", h.oldestPending.utc);
  }
  f.text = TrFormat("{1}; {2}", {sealed, pending});
  return f;
}

// The data directory's disk is read only when this program runs on the
// database server: the server sees this session over its Unix socket or a
// loopback address, and the data directory's path exists here.
Finding Storage(dal::ServerHealth& health, const Thresholds& t) {
  Finding f{"storage"};
  const auto use = health.Storage();
  f.fields->set("database_bytes", use.databaseBytes);
  f.fields->set("data_directory", use.dataDirectory);
  std::string disk;
  std::error_code ec;
  const auto space = use.localConnection && !use.dataDirectory.empty()
                         ? std::filesystem::space(PathFromUtf8(use.dataDirectory), ec)
                         : std::filesystem::space_info{};
  if (!use.localConnection || use.dataDirectory.empty() || ec || space.capacity == 0) {
    disk = use.localConnection ? Tr("the data directory's disk is not readable here")
                               : Tr("the disk is read only on the database server (over its local socket)");
    f.fields->set("disk_read", false);
  } else {
    const double freePercent = 100.0 * static_cast<double>(space.available) / static_cast<double>(space.capacity);
    if (freePercent <= t.diskCritPercent) {
      f.Raise(Level::Critical);
    } else if (freePercent <= t.diskWarnPercent) {
      f.Raise(Level::Warning);
    }
    disk = TrFormat("the data directory's disk has {1} of {2} free ({3}%)",
                    {Bytes(static_cast<double>(space.available)), Bytes(static_cast<double>(space.capacity)),
                     Decimal(freePercent, 1)});
    f.fields->set("disk_read", true);
    f.fields->set("disk_free_bytes", static_cast<std::int64_t>(space.available));
    f.fields->set("disk_total_bytes", static_cast<std::int64_t>(space.capacity));
    f.fields->set("disk_free_percent", freePercent);
  }
  f.text = TrFormat("database {1}; {2}", {Bytes(static_cast<double>(use.databaseBytes)), disk});
  return f;
}

// Runs one check; a failure of the database in it makes it unknown, a lost
// connection ends the whole run.
template <typename Check>
Finding Guarded(const std::string& name, Check check) {
  try {
    return check();
  } catch (const dal::ConnectionError&) {
    throw;
  } catch (const dal::DatabaseError& e) {
    Finding f{name, Level::Unknown, dal::FailureText(e)};
    return f;
  }
}

std::string CheckName(const std::string& check) {
  if (check == "connections") return Tr("connections");
  if (check == "replication") return Tr("replication");
  if (check == "backup") return Tr("backup");
  if (check == "screening") return Tr("screening");
  if (check == "audit") return Tr("audit chain");
  if (check == "storage") return Tr("storage");
  return check;
}

int Health(CommandContext& ctx) {
  const std::string format = ctx.Option("format").value_or("text");
  Thresholds thresholds;
  std::set<std::string> skipped;
  try {
    if (format != "text" && format != "json") {
      throw std::invalid_argument(TrFormat("--format takes text or json, not '{1}'", {format}));
    }
    thresholds = ReadThresholds(ctx);
    skipped = SkippedChecks(ctx);
  } catch (const std::invalid_argument& e) {
    ctx.err << "doudi-admin health: " << e.what() << "\n";
    return static_cast<int>(Level::Unknown);
  }
  std::vector<Finding> findings;
  try {
    auto db = ctx.connect();
    auto& health = db->Health();
    const auto wanted = [&](const std::string& check) { return skipped.count(check) == 0; };
    if (wanted("connections"))
      findings.push_back(Guarded("connections", [&] { return Connections(health, thresholds); }));
    if (wanted("replication"))
      findings.push_back(Guarded("replication", [&] { return Replication(health, thresholds); }));
    if (wanted("backup")) {
      const auto stanza = ctx.Option("pgbackrest-stanza");
      findings.push_back(Guarded("backup", [&] {
        return stanza ? PgBackRestBackup(*stanza, thresholds) : ArchivingBackup(health, thresholds);
      }));
    }
    if (wanted("screening") || wanted("audit")) {
      const Summary summary = ReadSummary(health);
      for (const std::string check : {"screening", "audit"}) {
        if (!wanted(check)) continue;
        if (!summary.health) {
          findings.emplace_back(check, Level::Unknown, summary.problem);
        } else {
          findings.push_back(check == "audit" ? Audit(*summary.health, thresholds)
                                              : Screening(*summary.health, thresholds));
        }
      }
    }
    if (wanted("storage")) findings.push_back(Guarded("storage", [&] { return Storage(health, thresholds); }));
  } catch (const dal::ConnectionError& e) {
    // The database cannot be reached: critical, as Nagios's check_pgsql says.
    findings = {Finding{"connection", Level::Critical, TrFormat("cannot connect: {1}", {dal::FailureText(e)})}};
  }
  Level overall = Level::Ok;
  for (const auto& f : findings) {
    if (Rank(f.level) > Rank(overall)) overall = f.level;
  }
  if (format == "json") {
    Poco::JSON::Object result;
    result.set("status", LevelCode(overall));
    result.set("exit_code", static_cast<int>(overall));
    Poco::JSON::Object::Ptr checks = new Poco::JSON::Object;
    for (auto& f : findings) {
      f.fields->set("status", LevelCode(f.level));
      f.fields->set("text", f.text);
      checks->set(f.check, f.fields);
    }
    result.set("checks", checks);
    result.stringify(ctx.data, 2);
    ctx.data << "\n";
  } else {
    ctx.out << TrFormat("Doudi health: {1}", {LevelWord(overall)}) << "\n";
    for (const auto& f : findings) {
      ctx.out << "[" << LevelWord(f.level) << "] " << CheckName(f.check) << ": " << f.text << "\n";
    }
  }
  return static_cast<int>(overall);
}

}  // namespace

std::vector<Command> HealthCommands() {
  return {
      {{"health"},
       "health [--format text|json] [--pgbackrest-stanza NAME] [--skip CHECKS] [thresholds]",
       "The server's health for monitoring (exit 0 OK, 1 warning, 2 critical, 3 unknown)",
       "Run as a monitoring login, a member of pg_monitor and doudi_monitor (docs/deployment.md, \"Health "
       "checks\"), not a desk role. Checks: connections (in use against max_connections, by state), replication "
       "(on a primary each standby's state and replay lag in bytes and seconds; on a standby its replay delay), "
       "backup (with --pgbackrest-stanza NAME the stop time of the newest backup from `pgbackrest info`, otherwise "
       "WAL archiving from pg_stat_archiver), screening (the last finished screening run), audit (the audit "
       "chain's last seal and the transactions awaiting theirs), storage (the database's size; the data "
       "directory's free disk when run on the database server over its local socket or loopback).\n"
       "--skip takes a comma-separated list of these checks. Thresholds (a warning at the first, critical at "
       "the second): --connections-warn/--connections-crit percent of max_connections in use (80, 95); "
       "--lag-warn-seconds/--lag-crit-seconds (60, 600) and --lag-warn-mb/--lag-crit-mb (64, 1024) a standby's "
       "replay lag; --expect-standbys N (0) fewer streaming standbys is critical; --backup-warn-hours/"
       "--backup-crit-hours (26, 50) since the last backup or archived WAL segment; --screening-warn-hours/"
       "--screening-crit-hours (26, 50) since the last screening run; --seal-warn-hours (24) the oldest audit "
       "row awaiting its seal; --disk-warn-percent/--disk-crit-percent (15, 5) free disk.\n"
       "Exit code: 0 OK, 1 warning, 2 critical (also: the database cannot be reached), 3 unknown (a check "
       "could not be made, or an option is wrong). --format json prints every figure.",
       {"format", "pgbackrest-stanza", "skip", "connections-warn", "connections-crit", "lag-warn-seconds",
        "lag-crit-seconds", "lag-warn-mb", "lag-crit-mb", "expect-standbys", "backup-warn-hours", "backup-crit-hours",
        "screening-warn-hours", "screening-crit-hours", "seal-warn-hours", "disk-warn-percent", "disk-crit-percent"},
       0,
       Health},
  };
}

}  // namespace doudi::admin
