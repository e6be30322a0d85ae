// doudi-admin: the administrator's command line (Poco::Util::Application).
#include <Poco/Util/Application.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "commands.h"
#include "connection_settings.h"
#include "doudi/catalog/message_catalog.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/failure_text.h"
#include "household_file.h"
#include "language.h"
#include "terminal.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

using Poco::Util::Option;

// The options every command takes.
const std::vector<std::string> kGlobalOptions{"db", "profile", "config", "help", "lang"};
// The options that are switches; every other one takes a value.
const std::set<std::string> kFlags{"help", "dry-run", "chinese-header", "password-stdin", "new-key", "off", "overdue", "all"};
// The options with a one-letter form too.
const std::map<std::string, std::string> kShortNames{{"help", "h"}, {"output", "o"}};

std::chrono::year_month_day Today() {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

// Connects; when the server wants a password that no PGPASSFILE supplied and
// a person is at the terminal, asks for it once.
// A password typed there is kept in typed, for the report standby's login.
std::unique_ptr<dal::pg::PgDatabase> Connect(const ResolvedConnection& target, std::optional<std::string>& typed) {
  const std::string conninfo = dal::WithNetworkTimeouts(target.connectionString);
  try {
    return std::make_unique<dal::pg::PgDatabase>(conninfo);
  } catch (const dal::ConnectionError& e) {
    const bool wantsPassword = std::string(e.what()).find("no password supplied") != std::string::npos;
    if (!wantsPassword || conninfo.find("://") != std::string::npos) throw;
    const auto password = PromptPassword(catalog::Tr("Password: "));
    if (!password) throw;
    auto db = std::make_unique<dal::pg::PgDatabase>(dal::WithConnectionValue(conninfo, "password", *password));
    typed = password;
    return db;
  }
}

// The report standby's connection string, as the primary's login went: ""
// when none is set.
std::string ReportConnection(const ResolvedConnection& target, const std::optional<std::string>& typed) {
  if (target.reportConnectionString.empty()) return {};
  std::string conninfo = dal::WithNetworkTimeouts(target.reportConnectionString);
  if (typed && conninfo.find("://") == std::string::npos) {
    conninfo = dal::WithConnectionValue(conninfo, "password", *typed);
  }
  return conninfo;
}

class AdminApp final : public Poco::Util::Application {
 public:
  AdminApp() {
    setUnixOptions(true);  // the same --option syntax on Windows
  }

 protected:
  // Every option some command accepts: each command lists the options it
  // takes beside its usage and help (commands.h), so they are named once.
  // Poco only needs whether an option takes a value; its description is
  // the command's help.
  void defineOptions(Poco::Util::OptionSet& options) override {
    std::set<std::string> names(kGlobalOptions.begin(), kGlobalOptions.end());
    for (const auto& c : Commands()) names.insert(c.options.begin(), c.options.end());
    for (const auto& name : names) {
      const auto shortName = kShortNames.find(name);
      Option o(name, shortName == kShortNames.end() ? "" : shortName->second);
      o.required(false).repeatable(false);
      if (kFlags.count(name) == 0) o.argument("VALUE");
      options.addOption(o);
    }
  }

  void handleOption(const std::string& name, const std::string& value) override {
    Application::handleOption(name, value);
    m_options[name] = value;
  }

  int main(const ArgVec& args) override {
    const Command* command = Find(args);
    if (command == nullptr) {
      if (!args.empty())
        std::cerr << "doudi-admin: " << catalog::TrFormat("unknown command '{1}'", {Join(args)}) << "\n\n";
      PrintHelp();
      return args.empty() && m_options.count("help") != 0 ? kExitOk : kExitFailure;
    }
    if (m_options.count("help") != 0) {
      PrintCommandHelp(*command);
      return kExitOk;
    }
    std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(command->words.size()), args.end());
    if (const auto problem = CheckUsage(*command, rest)) {
      std::cerr << "doudi-admin " << Join(command->words) << ": " << *problem << "\n"
                << catalog::Tr("usage:") << " doudi-admin " << command->usage << "\n";
      return kExitFailure;
    }
    return Run(*command, rest);
  }

 private:
  // The command whose words begin the arguments, the longest such ("screen
  // schedule" before "screen").
  const Command* Find(const ArgVec& args) const {
    const Command* found = nullptr;
    for (const auto& c : Commands()) {
      if (args.size() >= c.words.size() && std::equal(c.words.begin(), c.words.end(), args.begin()) &&
          (!found || c.words.size() > found->words.size())) {
        found = &c;
      }
    }
    return found;
  }

  std::optional<std::string> CheckUsage(const Command& command, const std::vector<std::string>& rest) const {
    if (static_cast<int>(rest.size()) != command.positional) {
      return catalog::TrFormat("expects {1} argument(s), got {2}",
                               {std::to_string(command.positional), std::to_string(rest.size())});
    }
    for (const auto& [name, value] : m_options) {
      const bool known = std::find(kGlobalOptions.begin(), kGlobalOptions.end(), name) != kGlobalOptions.end() ||
                         std::find(command.options.begin(), command.options.end(), name) != command.options.end();
      if (!known) return catalog::TrFormat("the option --{1} does not apply to this command", {name});
    }
    return std::nullopt;
  }

  int Run(const Command& command, const std::vector<std::string>& rest) {
    const std::string what = "doudi-admin " + Join(command.words);
    try {
      ConnectionRequest request;
      if (auto it = m_options.find("db"); it != m_options.end()) request.dbOption = it->second;
      if (auto it = m_options.find("profile"); it != m_options.end()) request.profileOption = it->second;
      if (auto it = m_options.find("config"); it != m_options.end()) request.configFile = PathFromUtf8(it->second);
      if (auto it = m_options.find("report-db"); it != m_options.end()) request.reportDbOption = it->second;
      auto typed = std::make_shared<std::optional<std::string>>();
      CommandContext ctx{rest,
                         m_options,
                         [request, typed] { return Connect(ResolveConnection(request), *typed); },
                         Today(),
                         std::cout,
                         std::cerr,
                         m_rawOut ? *m_rawOut : std::cout,
                         [request, typed] { return ReportConnection(ResolveConnection(request), *typed); }};
      return command.run(ctx);
    } catch (const dal::SchemaVersionMismatch& e) {
      // Said from the versions, so that it reads in the language in use.
      const std::string database = std::to_string(e.DatabaseVersion());
      const std::string supported = std::to_string(e.SupportedVersion());
      std::cerr << what << ": "
                << (e.DatabaseIsOlder()
                        ? catalog::TrFormat("the database's schema is version {1} but this program needs version {2}: "
                                            "have the administrator run `doudi-admin db migrate`",
                                            {database, supported})
                        : catalog::TrFormat("the database's schema is version {1}, newer than this program supports "
                                            "(version {2}): install the newer Doudi that upgraded it",
                                            {database, supported}))
                << "\n";
    } catch (const dal::SchemaNumberingMismatch& e) {
      std::cerr << what << ": "
                << catalog::TrFormat("the database was made by migrations numbered differently (its version 1 is "
                                     "\"{1}\", this program's is \"{2}\"): it cannot be upgraded in place; make a "
                                     "new database (scripts/demo --reset for the demo)",
                                     {e.DatabaseFirst(), e.ProgramFirst()})
                << "\n";
    } catch (const dal::ConnectionError& e) {
      // The advice in the user's words, then libpq's own for the administrator.
      std::cerr << what << ": " << catalog::TrFormat("cannot connect: {1}", {dal::FailureText(e)}) << "\n  "
                << e.what() << "\n";
    } catch (const dal::DatabaseError& e) {
      // A refusal in the user's words with its stable code beside it; one
      // the server still words in English (no code) with the server's words
      // under it, which is all it says.
      std::cerr << what << ": " << dal::FailureText(e);
      if (!e.Code().empty()) {
        std::cerr << " [doudi:" << e.Code() << "]\n";
      } else {
        std::cerr << "\n  " << e.what() << "\n";
      }
    } catch (const std::exception& e) {
      std::cerr << what << ": " << e.what() << "\n";
    }
    return kExitFailure;
  }

  void PrintHelp() const {
    std::cout << catalog::Tr("doudi-admin — administration of a Doudi database") << "\n\n"
              << catalog::Tr("usage:")
              << " doudi-admin [--db CONN | --profile NAME | --config FILE] [--lang zh_CN|en] COMMAND [options]\n\n"
              << catalog::Tr("commands:") << "\n";
    // Each command's usage line, as README lists them, so that every option
    // and value a command takes is in view; the summary beside it, or under
    // a usage line too long to share.
    for (const auto& c : Commands()) {
      if (c.usage.size() < 22) {
        std::cout << "  " << std::left << std::setw(22) << c.usage << catalog::Tr(c.summary) << "\n";
      } else {
        std::cout << "  " << c.usage << "\n" << std::string(24, ' ') << catalog::Tr(c.summary) << "\n";
      }
    }
    std::cout << "\n"
              << catalog::Tr(
                     "The database is taken from --db, else $DOUDI_DB, else the default profile of doudi.ini\n"
                     "(--config FILE, else the user's file, else the system's). Passwords come from PGPASSFILE "
                     "or a\nprompt, never from the command line or doudi.ini.\n"
                     "`doudi-admin COMMAND --help` explains a command. Exit codes: 0 done, 1 import rejected "
                     "rows,\n2 failure. Messages are in Chinese; --lang en gives English.")
              << "\n";
  }

  void PrintCommandHelp(const Command& c) const {
    std::cout << catalog::Tr("usage:") << " doudi-admin " << c.usage << "\n\n" << catalog::Tr(c.help) << "\n";
  }

  static std::string Join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
  }

  std::map<std::string, std::string> m_options;

 public:
  // Where a command writes data to standard output, past the escaping of
  // control characters that messages get.
  void SetRawOutput(std::ostream* raw) { m_rawOut = raw; }

 private:
  std::ostream* m_rawOut = nullptr;
};

}  // namespace
}  // namespace doudi::admin

int main(int argc, char** argv) {
  const doudi::admin::Utf8Console console;
  // Stored values reach the terminal in messages and listings (audit show);
  // none may act on it.
  doudi::admin::PrintableStandardStreams printable;
  const auto args = doudi::admin::Utf8Arguments(argc, argv);
  // Before anything is printed, Poco's option errors included.
  if (const auto problem = doudi::admin::UseLanguage(doudi::admin::RequestedLanguage(args))) {
    std::cerr << "doudi-admin: " << *problem << "\n";
  }
  doudi::admin::AdminApp app;
  app.SetRawOutput(&printable.Raw());
  try {
    app.init(args);
  } catch (const Poco::Exception& e) {
    std::cerr << "doudi-admin: " << e.displayText() << doudi::catalog::Tr(" (see doudi-admin --help)") << "\n";
    return doudi::admin::kExitFailure;
  }
  return app.run();
}
