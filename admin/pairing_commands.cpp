// doudi-admin pairing ...: six-party pairing (六位一体挂钩帮扶,
// docs/joint-loop-pairing.md) — the contacts of a county for the enterprise
// and social worker levels, taking a household into the program and ending
// it, naming the responsible person at each level, logging visits, and the
// households missing a level or overdue for a visit.
#include <ostream>
#include <stdexcept>

#include "commands.h"
#include "doudi/dal/pairing_repository.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/pairing.h"
#include "enum_options.h"
#include "terminal.h"

namespace doudi::admin {
namespace {

// An option holding a code of E (its code or Chinese label), as its code.
template <typename E>
std::string EnumOption(const CommandContext& ctx, const std::string& option) {
  const auto text = ctx.Option(option);
  if (!text) throw std::invalid_argument(TrFormat("--{1} is required", {option}));
  return EnumCodeOption<E>(option, *text);
}

// A date option as YYYY-MM-DD; "" (today) when not given.
std::string DateOption(const CommandContext& ctx, const std::string& option) {
  const auto text = ctx.Option(option);
  if (!text) return {};
  if (!model::ParseIsoDate(*text)) {
    throw std::invalid_argument(TrFormat("--{1} takes a date as YYYY-MM-DD, not '{2}'", {option, *text}));
  }
  return *text;
}

std::unique_ptr<dal::pg::PgDatabase> Connect(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  return db;
}

int ContactAdd(CommandContext& ctx) {
  dal::PairingContact contact;
  const auto county = ctx.Option("county");
  if (!county || county->size() != 6 || county->find_first_not_of("0123456789") != std::string::npos) {
    throw std::invalid_argument(Tr("--county takes a county's six-digit code"));
  }
  contact.countyCode = *county;
  contact.kind = EnumOption<model::PairingContactKind>(ctx, "kind");
  const auto name = ctx.Option("name");
  if (!name || name->empty()) throw std::invalid_argument(TrFormat("--{1} is required", {"name"}));
  contact.name = *name;
  contact.organization = ctx.Option("organization").value_or("");
  contact.phone = ctx.Option("phone").value_or("");
  auto db = Connect(ctx);
  const auto id = db->Pairing().AddContact(contact);
  ctx.out << TrFormat("Contact {1}: {2} ({3}) of county {4}.",
                      {std::to_string(id), contact.name, EnumWords<model::PairingContactKind>(contact.kind), contact.countyCode})
          << "\n";
  return kExitOk;
}

int ContactList(CommandContext& ctx) {
  const std::string county = ctx.Option("county").value_or("");
  if (county.size() > 6 || county.find_first_not_of("0123456789") != std::string::npos) {
    throw std::invalid_argument(Tr("--county takes a county's six-digit code"));
  }
  auto db = Connect(ctx);
  const auto contacts = db->Pairing().Contacts(county);
  ctx.out << PadToWidth(Tr("contact"), 8) << PadToWidth(Tr("county"), 8) << PadToWidth(Tr("kind"), 16)
          << PadToWidth(Tr("name"), 14) << PadToWidth(Tr("organization"), 30) << Tr("phone") << "\n";
  for (const auto& c : contacts) {
    ctx.out << PadToWidth(std::to_string(c.id), 8) << PadToWidth(c.countyCode, 8)
            << PadToWidth(EnumWords<model::PairingContactKind>(c.kind), 16) << PadToWidth(c.name, 14)
            << PadToWidth(c.organization, 30) << c.phone << (c.active ? "" : "  " + Tr("(inactive)")) << "\n";
  }
  ctx.out << TrFormat("{1} contacts", {std::to_string(contacts.size())}) << "\n";
  return kExitOk;
}

int Enroll(CommandContext& ctx) {
  const auto household = IdNumber(Tr("HOUSEHOLD"), ctx.args.at(0));
  const std::string since = DateOption(ctx, "since");
  auto db = Connect(ctx);
  if (db->Pairing().Enroll(household, since)) {
    ctx.out << TrFormat("Household {1} is in the pairing program from {2}.",
                        {std::to_string(household), since.empty() ? Tr("today") : since})
            << "\n";
  } else {
    ctx.out << TrFormat("Household {1} already is in the pairing program.", {std::to_string(household)}) << "\n";
  }
  return kExitOk;
}

int End(CommandContext& ctx) {
  const auto household = IdNumber(Tr("HOUSEHOLD"), ctx.args.at(0));
  const std::string on = DateOption(ctx, "on");
  auto db = Connect(ctx);
  if (db->Pairing().End(household, on, ctx.Option("reason").value_or(""))) {
    ctx.out << TrFormat("The pairing of household {1} has ended.", {std::to_string(household)}) << "\n";
  } else {
    ctx.out << TrFormat("The pairing of household {1} had already ended.", {std::to_string(household)}) << "\n";
  }
  return kExitOk;
}

int Assign(CommandContext& ctx) {
  const auto household = IdNumber(Tr("HOUSEHOLD"), ctx.args.at(0));
  const std::string level = EnumOption<model::PairingLevel>(ctx, "level");
  const bool contactLevel = model::PairingLevelNamesContact(*model::ParseEnum<model::PairingLevel>(level));
  if (ctx.Has("user") == ctx.Has("contact") || (contactLevel && !ctx.Has("contact")) ||
      (!contactLevel && !ctx.Has("user"))) {
    throw std::invalid_argument(
        Tr("The county, township, village and department levels take --user ROLE, the enterprise and social_worker "
           "levels --contact ID"));
  }
  std::optional<std::int64_t> contact;
  if (contactLevel) contact = IdNumber("--contact", ctx.Option("contact").value());
  const std::string user = contactLevel ? std::string() : ctx.Option("user").value();
  auto db = Connect(ctx);
  const auto id = db->Pairing().Assign(household, level, user, contact, DateOption(ctx, "since"));
  for (const auto& a : db->Pairing().Assignments(household, false)) {
    if (a.id != id) continue;
    ctx.out << TrFormat("Household {1}, {2}: {3} since {4}.",
                        {std::to_string(household), EnumWords<model::PairingLevel>(level), a.name, a.since})
            << "\n";
  }
  return kExitOk;
}

int Candidates(CommandContext& ctx) {
  const auto household = IdNumber(Tr("HOUSEHOLD"), ctx.args.at(0));
  const std::string level = EnumOption<model::PairingLevel>(ctx, "level");
  auto db = Connect(ctx);
  for (const auto& c : db->Pairing().Candidates(household, level)) {
    ctx.out << PadToWidth(c.contactId ? "--contact " + std::to_string(*c.contactId) : "--user " + c.userRole, 30)
            << PadToWidth(c.name, 14) << c.detail << "\n";
  }
  return kExitOk;
}

int VisitAdd(CommandContext& ctx) {
  dal::PairingVisitInput visit;
  visit.householdId = IdNumber(Tr("HOUSEHOLD"), ctx.args.at(0));
  visit.level = EnumOption<model::PairingLevel>(ctx, "level");
  visit.visitedOn = DateOption(ctx, "date");
  visit.visitor = ctx.Option("visitor").value_or("");
  visit.found = ctx.Option("found").value_or("");
  visit.nextStep = ctx.Option("next-step").value_or("");
  // --request makes a scripted resend safe: the same id returns the same visit.
  visit.requestId = ctx.Option("request").value_or(dal::NewRequestId());
  auto db = Connect(ctx);
  const auto id = db->Pairing().AddVisit(visit);
  ctx.out << TrFormat("Visit {1} to household {2} recorded (request {3}).",
                      {std::to_string(id), std::to_string(visit.householdId), visit.requestId})
          << "\n";
  return kExitOk;
}

int Show(CommandContext& ctx) {
  const auto household = IdNumber(Tr("HOUSEHOLD"), ctx.args.at(0));
  auto db = Connect(ctx);
  const auto pairing = db->Pairing().Household(household);
  if (!pairing) {
    ctx.out << TrFormat("Household {1} is not in the pairing program.", {std::to_string(household)}) << "\n";
    return kExitOk;
  }
  ctx.out << TrFormat("Household {1} ({2}, {3}) is in the pairing program since {4}.",
                      {std::to_string(household), pairing->headName, pairing->regionName, pairing->since})
          << "\n";
  for (const auto& a : db->Pairing().Assignments(household, ctx.Has("history"))) {
    ctx.out << "  " << PadToWidth(EnumWords<model::PairingLevel>(a.level), 16) << PadToWidth(a.name, 14)
            << PadToWidth(a.since + (a.until.empty() ? std::string() : " ~ " + a.until), 26) << a.detail << "\n";
  }
  for (const auto& v : db->Pairing().Visits(household)) {
    ctx.out << "  " << TrFormat("Visit {1} on {2} by {3} ({4}): {5}",
                                {std::to_string(v.id), v.visitedOn, v.visitor, EnumWords<model::PairingLevel>(v.level),
                                 v.found});
    if (!v.nextStep.empty()) ctx.out << " " << TrFormat("Next: {1}", {v.nextStep});
    ctx.out << "\n";
  }
  return kExitOk;
}

int ListHouseholds(CommandContext& ctx, bool gapsOnly) {
  dal::PairingFilter filter;
  if (ctx.Has("region")) filter.regionPrefix = RegionOption(ctx, false);
  filter.gapsOnly = gapsOnly;
  filter.limit = 1'000'000;
  auto db = Connect(ctx);
  const auto households = db->Pairing().Households(filter);
  ctx.out << PadToWidth(Tr("household No."), 10) << PadToWidth(Tr("head"), 10) << PadToWidth(Tr("village"), 16)
          << PadToWidth(Tr("since"), 12) << PadToWidth(Tr("levels"), 8) << PadToWidth(Tr("last visit"), 12)
          << PadToWidth(Tr("next visit due"), 16) << Tr("missing") << "\n";
  int overdue = 0;
  for (const auto& h : households) {
    std::string missing;
    for (const auto& level : h.missingLevels) {
      missing += (missing.empty() ? "" : "、") + EnumWords<model::PairingLevel>(level);
    }
    if (h.overdue) {
      ++overdue;
      missing = Tr("visit overdue") + (missing.empty() ? "" : "; " + missing);
    }
    ctx.out << PadToWidth(std::to_string(h.householdId), 10) << PadToWidth(h.headName, 10)
            << PadToWidth(h.regionName, 16) << PadToWidth(h.since, 12)
            << PadToWidth(std::to_string(h.levelsFilled) + "/6", 8)
            << PadToWidth(h.lastVisitOn.empty() ? Tr("never") : h.lastVisitOn, 12) << PadToWidth(h.visitDueOn, 16)
            << missing << "\n";
  }
  ctx.out << TrFormat("{1} households, {2} overdue for a visit", {std::to_string(households.size()),
                                                                   std::to_string(overdue)})
          << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> PairingCommands() {
  return {
      {{"pairing", "contact", "add"},
       "pairing contact add --county CODE --kind enterprise|social_worker --name NAME [--organization O] [--phone P]",
       "add an enterprise's or social worker's contact for pairing",
       "Adds a contact of a county (six digits, in your scope) whom the enterprise or social_worker level of a "
       "household's pairing can name. The same contact again prints the id it has. Needs the "
       "manage_pairing_contacts capability (center administrators).",
       {"county", "kind", "name", "organization", "phone"},
       0,
       ContactAdd},
      {{"pairing", "contact", "list"},
       "pairing contact list [--county PREFIX]",
       "list the pairing contacts",
       "Lists the enterprises' and social workers' contacts of the counties you may see (or under --county), with "
       "the id `pairing assign --contact` takes.",
       {"county"},
       0,
       ContactList},
      {{"pairing", "enroll"},
       "pairing enroll HOUSEHOLD [--since YYYY-MM-DD]",
       "take a household into the pairing program",
       "Takes the household (its id) into six-party pairing (六位一体挂钩帮扶) from --since (default today). A "
       "household already in it is left as it is. Needs manage_pairing (township reviewers, city deciders, center "
       "administrators) and the household in your scope.",
       {"since"},
       1,
       Enroll},
      {{"pairing", "end"},
       "pairing end HOUSEHOLD --reason TEXT [--on YYYY-MM-DD]",
       "end a household's pairing",
       "Ends the household's pairing on --on (default today) with the reason; every responsible person still "
       "named ends the same day.",
       {"reason", "on"},
       1,
       End},
      {{"pairing", "assign"},
       "pairing assign HOUSEHOLD --level L (--user ROLE | --contact ID) [--since YYYY-MM-DD]",
       "name the responsible person at one level",
       "Names the responsible person of the household at a level: county, township or village (a Doudi user whose "
       "scope covers the household and is of that level), department (a department liaison of the county) with "
       "--user, enterprise or social_worker with --contact (a contact of the household's county). A change ends "
       "the current person's term on --since (default today). `pairing candidates` lists who may be named.",
       {"level", "user", "contact", "since"},
       1,
       Assign},
      {{"pairing", "candidates"},
       "pairing candidates HOUSEHOLD --level L",
       "list who may be named at a level",
       "Lists the users (or, for enterprise and social_worker, the contacts) who may be named at the level for "
       "the household, with the option `pairing assign` takes.",
       {"level"},
       1,
       Candidates},
      {{"pairing", "visit", "add"},
       "pairing visit add HOUSEHOLD --level L --found TEXT [--date YYYY-MM-DD] [--visitor NAME] [--next-step TEXT] "
       "[--request UUID]",
       "log a visit to a household in pairing",
       "Logs a visit: the visitor's level, the date (default today), who visited (default: the person responsible "
       "at that level), what was found and the next step. The same --request again returns the same visit. Needs "
       "record_visit (village clerks, township reviewers, city deciders, center administrators).",
       {"level", "found", "date", "visitor", "next-step", "request"},
       1,
       VisitAdd},
      {{"pairing", "show"},
       "pairing show HOUSEHOLD [--history]",
       "show a household's pairing and visits",
       "Shows the responsible person at each level (with --history the earlier ones too) and the visits, latest "
       "first.",
       {"history"},
       1,
       Show},
      {{"pairing", "list"},
       "pairing list [--region PREFIX]",
       "list the households in pairing",
       "Lists the households in the pairing program in your scope (or under --region): levels filled, last visit "
       "and when the next is due by the joint_help parameter pairing_visit_months.",
       {"region"},
       0,
       [](CommandContext& ctx) { return ListHouseholds(ctx, false); }},
      {{"pairing", "gaps"},
       "pairing gaps [--region PREFIX]",
       "list incomplete pairing and overdue visits",
       "Lists the households in the pairing program that lack a responsible person at one of the six levels or "
       "whose last visit (or enrolment, when never visited) is older than pairing_visit_months.",
       {"region"},
       0,
       [](CommandContext& ctx) { return ListHouseholds(ctx, true); }},
  };
}

}  // namespace doudi::admin
