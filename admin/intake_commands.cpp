// doudi-admin intake ...: the reporters' tokens of field intake (issue,
// revoke, list) and the login doudi-intake connects as (docs/intake.md).
// A token's secret is made here, shown once (with the link to hand over)
// and only its SHA-256 is sent to the database; the database checks who
// may (center administrators) and that the region lies in their scope.
#include <ostream>
#include <stdexcept>

#include "commands.h"
#include "doudi/dal/intake_repository.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/region_code.h"
#include "doudi/model/text.h"
#include "enum_options.h"
#include "terminal.h"

namespace doudi::admin {
namespace {

int TokenIssue(CommandContext& ctx) {
  const std::string name(model::TrimAsciiWhitespace(ctx.Option("name").value_or("")));
  if (name.empty()) throw std::invalid_argument(Tr("--name is required: the reporter's name"));
  if (const auto problem = model::CheckStorableText(name, 50, model::TextKind::Name)) {
    throw std::invalid_argument(Tr("--name is not a name that can be stored (at most 50 characters)"));
  }
  const std::string region = ctx.Option("region").value_or("");
  if (!model::RegionCode::IsValidScopePrefix(region)) {
    throw std::invalid_argument(
        TrFormat("--region is a region code prefix of 2, 4, 6, 9 or 12 digits, not '{1}'", {region}));
  }
  std::string expires;
  if (const auto text = ctx.Option("expires")) {
    const auto date = model::ParseIsoDate(*text);
    if (!date) throw std::invalid_argument(TrFormat("--expires takes a date YYYY-MM-DD, not '{1}'", {*text}));
    if (*date < ctx.today) throw std::invalid_argument(TrFormat("--expires {1} is in the past", {*text}));
    expires = model::IsoDate(*date);
  }
  const std::string secret = dal::NewIntakeSecret();
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto id = db->Intake().IssueToken(name, region, expires, secret);
  ctx.out << TrFormat("token {1} issued to {2} for region {3}{4}",
                      {std::to_string(id), name, region,
                       expires.empty() ? std::string() : TrFormat(", valid until {1}", {expires})})
          << "\n";
  ctx.out << TrFormat("secret (shown once; only its fingerprint is kept): {1}", {secret}) << "\n";
  if (const auto url = ctx.Option("url")) {
    std::string base = *url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    ctx.out << TrFormat("link to hand over (or as a QR code: qrencode -o token.png 'LINK'): {1}",
                        {base + "/#t=" + secret})
            << "\n";
  }
  return kExitOk;
}

int TokenRevoke(CommandContext& ctx) {
  const auto id = IdNumber("TOKEN", ctx.args.at(0));
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  db->Intake().RevokeToken(id);
  ctx.out << TrFormat("token {1} revoked: its reports are kept, new ones are refused", {std::to_string(id)}) << "\n";
  return kExitOk;
}

int TokenList(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto tokens = db->Intake().Tokens();
  ctx.out << PadToWidth(Tr("token"), 7) << PadToWidth(Tr("reporter"), 20) << PadToWidth(Tr("region"), 14)
          << PadToWidth(Tr("valid until"), 12) << PadToWidth(Tr("issued"), 18) << Tr("state") << "\n";
  for (const auto& t : tokens) {
    const std::string state =
        t.revokedAt.empty() ? Tr("in force") : TrFormat("revoked {1} by {2}", {t.revokedAt, t.revokedBy});
    ctx.out << PadToWidth(std::to_string(t.id), 7) << PadToWidth(t.name, 20) << PadToWidth(t.regionCode, 14)
            << PadToWidth(t.expiresOn.empty() ? "-" : t.expiresOn, 12) << PadToWidth(t.issuedAt, 18) << state << "\n";
  }
  ctx.out << TrFormat("{1} tokens", {std::to_string(tokens.size())}) << "\n";
  return kExitOk;
}

int LoginAdd(CommandContext& ctx) {
  const std::string role = ctx.args.at(0);
  bool generated = false;
  const std::string password = NewPassword(ctx, generated);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  db->Intake().AddServerLogin(role, password);
  ctx.out << TrFormat("login {1} added for doudi-intake: it may only store reports and check tokens", {role}) << "\n";
  if (generated) ShowOnce(ctx, role, password);
  return kExitOk;
}

}  // namespace

std::vector<Command> IntakeCommands() {
  return {
      {{"intake", "token", "issue"},
       "intake token issue --name NAME --region PREFIX [--expires YYYY-MM-DD] [--url https://HOST:PORT]",
       "issue a reporter's token for the phone form",
       "Issues a personal token to a volunteer, village cadre or grid worker: their name, the region their reports "
       "may be about (a region code prefix within your scope) and, if given, the last day it is valid. The secret "
       "is shown once and only its fingerprint (SHA-256) is stored; with --url the link to hand over is printed "
       "too (the phone page keeps the token). Center administrators.",
       {"name", "region", "expires", "url"},
       0,
       TokenIssue},
      {{"intake", "token", "revoke"},
       "intake token revoke TOKEN",
       "revoke a reporter's token",
       "Revokes the token at once: doudi-intake refuses it from the next request on; the reports sent with it are "
       "kept. Center administrators, for tokens of their scope.",
       {},
       1,
       TokenRevoke},
      {{"intake", "token", "list"},
       "intake token list",
       "list the reporters' tokens",
       "Lists the tokens whose region overlaps your scope: number, reporter, region, last day, when issued and "
       "whether in force or revoked (never the secret).",
       {},
       0,
       TokenList},
      {{"intake", "login", "add"},
       "intake login add ROLE [--password-stdin]",
       "add the login doudi-intake connects as",
       "Adds the PostgreSQL login the intake server uses (intake.database in its configuration): a member of "
       "doudi_intake, which may call the three intake functions and read no table. The password is generated and "
       "shown once, or read from standard input with --password-stdin. Center administrators.",
       {"password-stdin"},
       1,
       LoginAdd},
  };
}

}  // namespace doudi::admin
