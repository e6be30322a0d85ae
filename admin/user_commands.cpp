// doudi-admin user ...: Doudi's users, each a PostgreSQL login role. The
// database decides what the caller may do (user-management functions of
// migration 0002); this side reads passwords without echoing them and makes
// initial ones.
#include <iomanip>
#include <iostream>
#include <random>

#include "commands.h"
#include "doudi/dal/errors.h"
#include "doudi/model/region_code.h"
#include "terminal.h"

namespace doudi::admin {
namespace {

model::StaffGroup GroupOption(const CommandContext& ctx) {
  const auto text = ctx.Option("group");
  if (!text) throw std::invalid_argument(Tr("--group is required"));
  if (const auto group = model::ParseStaffGroup(*text)) return *group;
  std::string names;
  for (const auto& t : model::EnumTexts<model::StaffGroup>())
    names += (names.empty() ? "" : ", ") + std::string(t.code);
  throw std::invalid_argument(TrFormat("--group is one of {1}, not '{2}'", {names, *text}));
}

std::string ScopeArgument(const std::string& scope) {
  if (!model::RegionCode::IsValidScopePrefix(scope)) {
    throw std::invalid_argument(
        TrFormat("a region scope is a code prefix of 2, 4, 6, 9 or 12 digits, not '{1}'", {scope}));
  }
  return scope;
}

int UserAdd(CommandContext& ctx) {
  dal::UserAccount account;
  account.roleName = ctx.args.at(0);
  account.group = GroupOption(ctx);
  account.regionScope = ScopeArgument(ctx.Option("scope").value_or(""));
  account.department = ctx.Option("department").value_or("");
  account.displayName = ctx.Option("name").value_or(account.roleName);
  if (const auto length = model::RequiredScopeLength(account.group); length && account.regionScope.size() != *length) {
    throw std::invalid_argument(
        TrFormat("a {1} works in a scope of {2} digits", {model::ToCode(account.group), std::to_string(*length)}));
  }
  bool generated = false;
  const std::string password = NewPassword(ctx, generated);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  db->Users().Add(account, password);
  ctx.out << TrFormat("user {1} added: {2}, scope {3}",
                      {account.roleName, model::ToCode(account.group), account.regionScope})
          << "\n";
  if (generated) ShowOnce(ctx, account.roleName, password);
  return kExitOk;
}

int UserList(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  ctx.out << PadToWidth(Tr("user"), 20) << PadToWidth(Tr("group"), 20) << PadToWidth(Tr("scope"), 14)
          << PadToWidth(Tr("state"), 10) << Tr("name / department") << "\n";
  for (const auto& u : db->Users().List()) {
    ctx.out << PadToWidth(u.roleName, 20) << PadToWidth(model::ToCode(u.group), 20) << PadToWidth(u.regionScope, 14)
            << PadToWidth(u.disabled || !u.canLogin ? Tr("disabled") : Tr("active"), 10) << u.displayName
            << (u.department.empty() ? "" : " / " + u.department) << "\n";
  }
  return kExitOk;
}

int UserEnable(CommandContext& ctx, bool enabled) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  db->Users().SetEnabled(ctx.args.at(0), enabled);
  ctx.out << (enabled ? TrFormat("user {1} enabled", {ctx.args.at(0)})
                      : TrFormat("user {1} disabled: can no longer log in", {ctx.args.at(0)}))
          << "\n";
  return kExitOk;
}

int UserSetScope(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  db->Users().SetScope(ctx.args.at(0), ScopeArgument(ctx.args.at(1)));
  ctx.out << TrFormat("user {1} now works in scope {2}", {ctx.args.at(0), ctx.args.at(1)}) << "\n";
  return kExitOk;
}

int UserSetRole(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto group = GroupOption(ctx);
  const auto scope = ctx.Option("scope");
  db->Users().SetGroup(ctx.args.at(0), group, ctx.Option("department").value_or(""),
                       scope ? ScopeArgument(*scope) : std::string());
  ctx.out << TrFormat("user {1} is now a {2}", {ctx.args.at(0), model::ToCode(group)}) << "\n";
  return kExitOk;
}

int UserResetPassword(CommandContext& ctx) {
  bool generated = false;
  const std::string password = NewPassword(ctx, generated);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  db->Users().ResetPassword(ctx.args.at(0), password);
  ctx.out << TrFormat("password of {1} reset", {ctx.args.at(0)}) << "\n";
  if (generated) ShowOnce(ctx, ctx.args.at(0), password);
  return kExitOk;
}

// One sweep of the watchdog (doudi.watchdog_sweep): run every minute by the
// center server's cron, it ends the desk sessions that outlast the limits.
int Watchdog(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto ended = db->Users().EndOverdueSessions();
  for (const auto& e : ended) {
    ctx.out << TrFormat("ended session {1} of {2}: {3} since {4}",
                        {std::to_string(e.pid), e.roleName,
                         e.state == "active" ? Tr("running one statement") : Tr("idle in a transaction"), e.since})
            << "\n";
  }
  ctx.out << TrFormat("{1} sessions ended", {std::to_string(ended.size())}) << "\n";
  return kExitOk;
}

}  // namespace

// 16 characters from an alphabet without look-alikes (0/O, 1/l/I).
namespace {
std::string GeneratePassword() {
  static constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  std::random_device random;
  std::string password;
  for (int i = 0; i < 16; ++i) password += kAlphabet[random() % kAlphabet.size()];
  return password;
}
}  // namespace

// The password to set: one line from standard input with --password-stdin
// (for scripts; never echoed), otherwise a generated one shown once.
std::string NewPassword(CommandContext& ctx, bool& generated) {
  generated = !ctx.Has("password-stdin");
  if (generated) return GeneratePassword();
  std::string password;
  if (StdinIsTerminal()) {
    password = PromptPassword(Tr("New password: ")).value_or("");
  } else {
    std::getline(std::cin, password);
  }
  if (password.size() < 8) throw std::invalid_argument(Tr("a password has at least 8 characters"));
  return password;
}

void ShowOnce(CommandContext& ctx, const std::string& role, const std::string& password) {
  ctx.out << TrFormat("initial password for {1} (shown once; give it to the user in person): {2}", {role, password})
          << "\n";
}

std::vector<Command> UserCommands() {
  const std::string who =
      " A center administrator may manage users within their own region scope; the database refuses anything "
      "else.";
  return {
      {{"user", "add"},
       "user add NAME --group GROUP --scope PREFIX [--department D] [--name DISPLAY] [--password-stdin]",
       "add a user (a database login role)",
       "Creates the login role NAME in GROUP (village_clerk, township_reviewer, city_decider, department_liaison, "
       "finance_officer, center_admin, auditor) with a region scope (12 digits for a village clerk, 9 for a "
       "township reviewer). A generated initial password is shown once, unless --password-stdin reads one from "
       "standard input (for scripts)." +
           who,
       {"group", "scope", "department", "name", "password-stdin"},
       1,
       UserAdd},
      {{"user", "list"},
       "user list",
       "list the users you may see",
       "Lists users with group, scope and state." + who,
       {},
       0,
       UserList},
      {{"user", "disable"},
       "user disable NAME",
       "stop a user from logging in",
       "The role keeps its history but can no longer log in." + who,
       {},
       1,
       [](CommandContext& ctx) { return UserEnable(ctx, false); }},
      {{"user", "enable"},
       "user enable NAME",
       "let a disabled user log in again",
       "Undoes user disable." + who,
       {},
       1,
       [](CommandContext& ctx) { return UserEnable(ctx, true); }},
      {{"user", "set-scope"},
       "user set-scope NAME PREFIX",
       "change a user's region scope",
       "Sets the region code prefix that bounds what the user sees and changes." + who,
       {},
       2,
       UserSetScope},
      {{"user", "set-role"},
       "user set-role NAME --group GROUP [--department D] [--scope PREFIX]",
       "move a user to another group",
       "Moves the user to another group (a liaison needs --department; --scope changes the scope in the same step, "
       "as a village clerk who becomes a township reviewer needs)." +
           who,
       {"group", "department", "scope"},
       1,
       UserSetRole},
      {{"user", "reset-password"},
       "user reset-password NAME [--password-stdin]",
       "set a new password",
       "Sets a generated password, shown once, or one read from standard input." + who,
       {"password-stdin"},
       1,
       UserResetPassword},
      {{"watchdog"},
       "watchdog",
       "end desk sessions that outlast the time limits",
       "Ends the sessions of desk users that are idle in a transaction, or run one statement, longer than the limits "
       "in doudi.security_limit (300 s and 1,800 s), which a user could otherwise hold for ever; run it every minute "
       "from the center server's cron (docs/deployment.md). Center administrators.",
       {},
       0,
       Watchdog},
  };
}

}  // namespace doudi::admin
