// doudi-admin fund ... and help ...: the charity funds (add, top up, list,
// what was granted) and the help a household received (帮扶措施), with its
// 四帮四扶 summary (docs/joint-loop-help.md). The database checks who may,
// the scope, a fund's region and balance; bad input is refused here first,
// naming the option.
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "commands.h"
#include "doudi/dal/help_repository.h"
#include "doudi/model/help.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/money.h"
#include "doudi/model/text.h"
#include "enum_options.h"
#include "terminal.h"

namespace doudi::admin {
namespace {

template <typename E>
std::string CodeList() {
  std::vector<std::string> codes;
  for (const auto& t : model::EnumTexts<E>()) codes.emplace_back(t.code);
  return model::Join(codes, "|");
}

// An option naming one of E's codes (fallback when not given).
template <typename E>
std::string CodeOption(const CommandContext& ctx, const std::string& option, const std::string& fallback = "") {
  const std::string value = ctx.Option(option).value_or(fallback);
  if (!model::ParseEnum<E>(value)) {
    throw std::invalid_argument(TrFormat("--{1} is one of {2}, not '{3}'", {option, CodeList<E>(), value}));
  }
  return value;
}

// --amount in yuan ("1200" or "1200.50").
std::optional<model::Money> AmountOption(const CommandContext& ctx, bool required) {
  const auto text = ctx.Option("amount");
  if (!text) {
    if (required) throw std::invalid_argument(Tr("--amount is required: yuan, e.g. 1200 or 1200.50"));
    return std::nullopt;
  }
  const auto money = model::Money::ParseYuan(*text);
  if (!money || money->Fen() <= 0) {
    throw std::invalid_argument(TrFormat("--amount takes a positive amount in yuan, e.g. 1200.50, not '{1}'", {*text}));
  }
  return money;
}

// --on: a date not after today; today when not given.
std::string DateOption(const CommandContext& ctx) {
  const auto text = ctx.Option("on");
  if (!text) return model::IsoDate(ctx.today);
  const auto date = model::ParseIsoDate(*text);
  if (!date) throw std::invalid_argument(TrFormat("--on takes a date YYYY-MM-DD, not '{1}'", {*text}));
  if (*date > ctx.today) throw std::invalid_argument(TrFormat("--on {1} is after today", {*text}));
  return model::IsoDate(*date);
}

// An option's text, trimmed; required ones must not be blank.
std::string TextOption(const CommandContext& ctx, const std::string& option, bool required) {
  const std::string value(model::TrimAsciiWhitespace(ctx.Option(option).value_or("")));
  if (required && value.empty()) throw std::invalid_argument(TrFormat("--{1} is required", {option}));
  return value;
}

std::int64_t HouseholdArgument(const CommandContext& ctx) {
  const std::string& text = ctx.args.at(0);
  try {
    std::size_t used = 0;
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw std::invalid_argument(TrFormat("HOUSEHOLD is a household's number, not '{1}'", {text}));
}

int FundAdd(CommandContext& ctx) {
  dal::CharityFund fund;
  fund.code = ctx.args.at(0);
  fund.name = TextOption(ctx, "name", true);
  fund.donor = TextOption(ctx, "donor", true);
  fund.regionPrefix = RegionOption(ctx, false);
  fund.kind = CodeOption<model::FundKind>(ctx, "kind", "money");
  fund.amount = *AmountOption(ctx, true);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  db->Cases().AddFund(fund);
  ctx.out << TrFormat("charity fund {1} ({2}) added with {3} yuan",
                      {fund.code, fund.name, fund.amount.ToDisplayString()})
          << "\n";
  return kExitOk;
}

int FundTopUp(CommandContext& ctx) {
  const std::string code = ctx.args.at(0);
  const model::Money amount = *AmountOption(ctx, true);
  const std::string source = TextOption(ctx, "source", true);
  const std::string on = DateOption(ctx);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto id = db->Help().TopUp(code, amount, source, on, ctx.Option("request").value_or(dal::NewRequestId()));
  for (const auto& f : db->Help().Funds("")) {
    if (f.fund.code != code) continue;
    ctx.out << TrFormat("top-up {1}: {2} yuan into {3}; {4} yuan left",
                        {std::to_string(id), amount.ToDisplayString(), f.fund.name, f.fund.left.ToDisplayString()})
            << "\n";
  }
  return kExitOk;
}

int FundList(CommandContext& ctx) {
  const std::string region = ctx.Has("region") ? RegionOption(ctx, false) : std::string();
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto funds = db->Help().Funds(region);
  ctx.out << PadToWidth(Tr("fund"), 24) << PadToWidth(Tr("name of the fund"), 30) << PadToWidth(Tr("area"), 10)
          << PadToWidth(Tr("kind"), 6) << PadToWidth(Tr("amount (yuan)"), 14) << PadToWidth(Tr("topped up"), 14)
          << PadToWidth(Tr("granted"), 14) << Tr("left") << "\n";
  for (const auto& f : funds) {
    ctx.out << PadToWidth(f.fund.code, 24) << PadToWidth(f.fund.name, 30) << PadToWidth(f.fund.regionPrefix, 10)
            << PadToWidth(EnumWords<model::FundKind>(f.fund.kind), 6) << PadToWidth(f.fund.amount.ToDisplayString(), 14)
            << PadToWidth(f.toppedUp.ToDisplayString(), 14) << PadToWidth(f.granted.ToDisplayString(), 14)
            << f.fund.left.ToDisplayString() << "\n";
  }
  ctx.out << TrFormat("{1} funds", {std::to_string(funds.size())}) << "\n";
  return kExitOk;
}

int FundGrants(CommandContext& ctx) {
  const std::string code = ctx.args.at(0);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto topUps = db->Help().TopUps(code);
  ctx.out << TrFormat("Top-ups of {1}:", {code}) << "\n";
  for (const auto& t : topUps) {
    ctx.out << "  " << PadToWidth(t.receivedOn, 12) << PadToWidth(t.amount.ToDisplayString(), 14) << t.source << "\n";
  }
  const auto grants = db->Help().Grants(code);
  ctx.out << TrFormat("Granted from {1}:", {code}) << "\n";
  ctx.out << "  " << PadToWidth(Tr("date"), 12) << PadToWidth(Tr("household No."), 10) << PadToWidth(Tr("head"), 10)
          << PadToWidth(Tr("village"), 16) << PadToWidth(Tr("amount (yuan)"), 14) << Tr("through") << "\n";
  for (const auto& g : grants) {
    std::string through = g.source == "case" ? TrFormat("case {1}", {std::to_string(g.caseId.value_or(0))})
                                             : TrFormat("help record {1}", {std::to_string(g.id)});
    if (!g.inForce) through += " " + Tr("(corrected)");
    ctx.out << "  " << PadToWidth(g.grantedOn, 12) << PadToWidth(std::to_string(g.householdId), 10)
            << PadToWidth(g.headName, 10) << PadToWidth(g.regionName, 16) << PadToWidth(g.amount.ToDisplayString(), 14)
            << through << "\n";
  }
  ctx.out << TrFormat("{1} top-ups, {2} grants", {std::to_string(topUps.size()), std::to_string(grants.size())})
          << "\n";
  return kExitOk;
}

// --terms: SupportTerm codes separated by commas.
std::vector<std::string> TermsOption(const CommandContext& ctx) {
  std::vector<std::string> terms;
  const auto text = ctx.Option("terms");
  if (!text) return terms;
  std::stringstream in(*text);
  for (std::string term; std::getline(in, term, ',');) {
    if (!model::ParseEnum<model::SupportTerm>(term)) {
      throw std::invalid_argument(
          TrFormat("--terms takes {1} separated by commas, not '{2}'", {CodeList<model::SupportTerm>(), term}));
    }
    terms.push_back(term);
  }
  return terms;
}

int HelpAdd(CommandContext& ctx) {
  const std::int64_t household = HouseholdArgument(ctx);
  dal::HelpEntry help;
  help.kind = CodeOption<model::HelpKind>(ctx, "kind");
  help.giverKind = CodeOption<model::HelpGiverKind>(ctx, "giver-kind");
  const bool department = help.giverKind == "department", fund = help.giverKind == "fund";
  help.giver = TextOption(ctx, "giver", !department && !fund);
  help.department = TextOption(ctx, "department", department);
  help.fundCode = TextOption(ctx, "fund", fund);
  help.amount = AmountOption(ctx, fund);
  help.description = TextOption(ctx, "description", !help.amount);
  help.givenBy = TextOption(ctx, "given-by", false);
  help.givenOn = DateOption(ctx);
  help.terms = TermsOption(ctx);
  if (const auto text = ctx.Option("case")) {
    try {
      help.caseId = std::stoll(*text);
    } catch (const std::exception&) {
      throw std::invalid_argument(TrFormat("--case is a case number, not '{1}'", {*text}));
    }
  }
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto id = db->Help().Add(household, help, ctx.Option("request").value_or(dal::NewRequestId()));
  ctx.out << TrFormat("help record {1} added for household {2}", {std::to_string(id), std::to_string(household)})
          << "\n";
  return kExitOk;
}

std::string TermWords(const std::vector<std::string>& terms) {
  std::vector<std::string> words;
  for (const auto& t : terms) words.push_back(EnumWords<model::SupportTerm>(t));
  return model::Join(words, "、");
}

int HelpList(CommandContext& ctx) {
  const std::int64_t household = HouseholdArgument(ctx);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  ctx.out << TrFormat("Four helps and four supports of household {1}:", {std::to_string(household)}) << "\n";
  for (const auto& t : db->Help().Summary(household)) {
    ctx.out << "  " << PadToWidth(t.chinese, 8)
            << TrFormat("{1} ({2} help records, {3} programs)",
                        {std::to_string(t.Total()), std::to_string(t.helps), std::to_string(t.programs)})
            << "\n";
  }
  const auto records = db->Help().ForHousehold(household);
  ctx.out << PadToWidth(Tr("record"), 8) << PadToWidth(Tr("date"), 12) << PadToWidth(Tr("kind"), 18)
          << PadToWidth(Tr("giver"), 26) << PadToWidth(Tr("amount (yuan)"), 14) << Tr("terms") << "\n";
  for (const auto& h : records) {
    std::string giver = EnumWords<model::HelpGiverKind>(h.entry.giverKind) + " " + h.entry.giver;
    if (h.onBehalf) giver += Tr(" (recorded for it)");
    std::string terms = TermWords(h.entry.terms);
    if (h.correctedById) terms += " " + TrFormat("[corrected by {1}]", {std::to_string(*h.correctedById)});
    if (h.correctsId) terms += " " + TrFormat("[corrects {1}]", {std::to_string(*h.correctsId)});
    ctx.out << PadToWidth(std::to_string(h.id), 8) << PadToWidth(h.entry.givenOn, 12)
            << PadToWidth(EnumWords<model::HelpKind>(h.entry.kind), 18) << PadToWidth(giver, 26)
            << PadToWidth(h.entry.amount ? h.entry.amount->ToDisplayString() : "", 14) << terms << "\n";
    if (!h.entry.description.empty()) ctx.out << "        " << h.entry.description << "\n";
  }
  ctx.out << TrFormat("{1} help records", {std::to_string(records.size())}) << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> FundCommands() {
  return {
      {{"fund", "add"},
       "fund add CODE --name NAME --donor DONOR --region PREFIX --amount YUAN [--kind money|in_kind]",
       "add a charity fund",
       "Adds a charity fund: its code (lowercase letters, digits, _), name, donor, the area its grants may go to "
       "(a region prefix within your scope), money or goods in kind (valued in yuan) and its first amount. Later "
       "money comes with `fund top-up`. Center administrators.",
       {"name", "donor", "region", "amount", "kind"},
       1,
       FundAdd},
      {{"fund", "top-up"},
       "fund top-up CODE --amount YUAN --source TEXT [--on YYYY-MM-DD] [--request UUID]",
       "top up a charity fund",
       "Records money received by a fund (a donation, a transfer): the amount, where it came from and the day "
       "(today unless --on). The same --request sent again adds nothing. Center administrators, for funds of "
       "their scope.",
       {"amount", "source", "on", "request"},
       1,
       FundTopUp},
      {{"fund", "list"},
       "fund list [--region PREFIX]",
       "list the charity funds with their balance",
       "Lists the funds whose area overlaps the region prefix (default: all), with the first amount, the top-ups, "
       "what was granted (charity cases' one-off amounts and help recorded as given by the fund) and what is left.",
       {"region"},
       0,
       FundList},
      {{"fund", "grants"},
       "fund grants CODE",
       "list a fund's top-ups and what was granted from it",
       "Lists the fund's top-ups and every grant from it to a household you see, newest first: a charity case's "
       "decided one-off amount or a help record (a corrected record is marked and no longer counts).",
       {},
       1,
       FundGrants},
      {{"help", "add"},
       "help add HOUSEHOLD --kind KIND --giver-kind fund|enterprise|social_worker|other|department [--giver NAME] "
       "[--fund CODE] [--department CODE] [--amount YUAN] [--description TEXT] [--given-by NAME] [--on YYYY-MM-DD] "
       "[--terms TERM,...] [--case ID] [--request UUID]",
       "record help a household received",
       "Records help (帮扶措施) household HOUSEHOLD received: its kind (cash, in_kind, service, job, school_aid, "
       "medical_aid, housing, care), the giver (a fund's grant draws on its balance and needs --amount; a "
       "department's help is recorded on its behalf), the value or a description, the day (today unless --on), "
       "the 四帮四扶 terms it counts under (default: its kind's) and the case it answers. The same --request sent "
       "again records nothing new. Village clerks, township reviewers, city deciders and center administrators.",
       {"kind", "giver-kind", "giver", "fund", "department", "amount", "description", "given-by", "on", "terms", "case",
        "request"},
       1,
       HelpAdd},
      {{"help", "list"},
       "help list HOUSEHOLD",
       "show a household's help and its 四帮四扶 summary",
       "Shows, for each of the eight 四帮四扶 terms, how many help records and programs (cases with a decided or "
       "paid amount) count under it, then every help record of the household, newest first, corrections marked.",
       {},
       1,
       HelpList},
  };
}

}  // namespace doudi::admin
