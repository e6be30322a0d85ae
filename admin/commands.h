#pragma once
// doudi-admin's commands, each given what the command line said. They
// write results to out, problems to err, and return the process exit code.
#include <chrono>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "doudi/catalog/message_catalog.h"
#include "doudi/dal/pg/pg_database.h"

namespace doudi::admin {

// Every message is written in English and shown in the language in use
// (Chinese unless --lang en): Tr("..."), TrFormat("... {1}", {value}).
using catalog::Tr;
using catalog::TrFormat;

// Exit codes, documented in the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRowsRejected = 1;  // import: some rows rejected
inline constexpr int kExitFailure = 2;       // usage, file, configuration or database error

struct CommandContext {
  std::vector<std::string> args;                                  // after the command words
  std::map<std::string, std::string> options;                     // long option name -> value ("" for flags)
  std::function<std::unique_ptr<dal::pg::PgDatabase>()> connect;  // connects, or throws
  std::chrono::year_month_day today;
  std::ostream& out;   // messages and listings (control characters shown escaped)
  std::ostream& err;   // problems (likewise)
  std::ostream& data;  // standard output as it is, for a file written there (export households)
  // The report standby's connection string ("" for none: --report-db, or
  // the profile's `report` key), for rosters and exports (ReadReport).
  std::function<std::string()> reportConnection = [] { return std::string(); };

  bool Has(const std::string& name) const { return options.count(name) != 0; }
  std::optional<std::string> Option(const std::string& name) const {
    const auto it = options.find(name);
    return it == options.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
};

struct Command {
  std::vector<std::string> words;    // {"import", "households"}
  std::string usage;                 // "import households FILE [--encoding ...]"
  std::string summary;               // one line
  std::string help;                  // paragraphs for --help
  std::vector<std::string> options;  // long names of the options it accepts
  int positional = 0;                // number of arguments after the words
  std::function<int(CommandContext&)> run;
};

// Every command, in the order --help lists them.
const std::vector<Command>& Commands();
// The user ... commands (user_commands.cpp).
std::vector<Command> UserCommands();
// The audit ... commands (audit_commands.cpp).
std::vector<Command> AuditCommands();
// The param ... commands (parameter_commands.cpp).
std::vector<Command> ParameterCommands();
// The calendar ... and payments ... commands (case_commands.cpp).
std::vector<Command> CaseCommands();
// The document ... and roster ... commands (document_commands.cpp).
std::vector<Command> DocumentCommands();
// The department ... and referral ... commands (referral_commands.cpp).
std::vector<Command> ReferralCommands();
// The crosscheck ... commands (crosscheck_commands.cpp).
std::vector<Command> CrosscheckCommands();
// The demo's cross-check batches (assets/crosscheck, one per kind, from the
// department that sends it), imported as the connected user, then every
// screening rule run; what happened goes to out (crosscheck_commands.cpp).
void LoadDemoCrosscheck(dal::pg::PgDatabase& db, std::chrono::year_month_day today, std::ostream& out);
// The screen and alerts ... commands (screen_commands.cpp).
std::vector<Command> ScreenCommands();
// --region: a region prefix of 2, 4, 6, 9 or 12 digits, or (fullCodeToo) a
// full 12-digit code of any level. Throws std::invalid_argument naming it.
std::string RegionOption(const CommandContext& ctx, bool fullCodeToo);
// The pairing ... commands (pairing_commands.cpp).
std::vector<Command> PairingCommands();
// The fund ... and help ... commands (fund_commands.cpp).
std::vector<Command> FundCommands();
// The intake ... commands: reporters' tokens and the server's login (intake_commands.cpp).
std::vector<Command> IntakeCommands();
// The attachment ... commands: files kept with the records (attachment_commands.cpp).
std::vector<Command> AttachmentCommands();
// The health command for monitoring (health_commands.cpp).
std::vector<Command> HealthCommands();
// The password for a new login: one line from standard input with
// --password-stdin (never echoed), otherwise a generated one that
// ShowOnce prints (user_commands.cpp).
std::string NewPassword(CommandContext& ctx, bool& generated);
void ShowOnce(CommandContext& ctx, const std::string& role, const std::string& password);
// The screen schedule command (schedule_commands.cpp).
std::vector<Command> ScheduleCommands();
// Runs read on the report standby when it is fit (dal/pg/report_reader.h),
// else on primary, and says on err why a report asked of a standby came
// from the primary. outputStarted as ReportReader::Run's.
void ReadReport(CommandContext& ctx, dal::pg::PgDatabase& primary,
                const std::function<void(dal::pg::PgDatabase&)>& read, const std::function<bool()>& outputStarted = {});
// The codes `roster --kind` takes, the default first.
std::vector<std::string> RosterKindCodes();

}  // namespace doudi::admin
