// doudi-admin screen and alerts ...: running the screening rules by hand and
// listing what they raised (docs/screening.md). The daily schedule is
// `screen schedule` (schedule_commands.cpp).
#include <chrono>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "commands.h"
#include "doudi/dal/alert_repository.h"
#include "doudi/model/alert_rule.h"
#include "doudi/model/alert_state.h"
#include "doudi/model/money.h"
#include "enum_options.h"
#include "household_file.h"
#include "terminal.h"

namespace doudi::admin {
namespace {

// --rule: one rule code or several separated by commas; empty for all.
std::vector<std::string> RuleOption(const CommandContext& ctx) {
  std::vector<std::string> rules;
  const auto text = ctx.Option("rule");
  if (!text) return rules;
  std::stringstream in(*text);
  for (std::string rule; std::getline(in, rule, ',');) {
    if (rule.empty()) throw std::invalid_argument(TrFormat("--rule takes rule codes separated by commas, not '{1}'", {*text}));
    rules.push_back(rule);
  }
  return rules;
}

std::string Seconds(std::chrono::steady_clock::duration d) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << std::chrono::duration<double>(d).count();
  return s.str();
}

// Runs each rule in its own call so a terminal sees progress rule by rule.
int Screen(CommandContext& ctx) {
  const auto chosen = RuleOption(ctx);
  const std::string region = ctx.Has("region") ? RegionOption(ctx, false) : std::string();
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  // Every rule of this program's rule table (assets/rules/alert_rules.csv)
  // unless some are named; the database refuses a name it does not know.
  std::vector<std::string> rules = chosen;
  if (rules.empty()) {
    for (const auto& r : model::EnumTexts<model::AlertRule>()) rules.emplace_back(r.code);
  }
  ProgressLine progress;
  const auto start = std::chrono::steady_clock::now();
  std::vector<dal::ScreeningResult> results;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    progress.Show(TrFormat("screening {1}/{2}: {3} ({4} s so far)",
                           {std::to_string(i + 1), std::to_string(rules.size()), rules[i],
                            Seconds(std::chrono::steady_clock::now() - start)}));
    for (auto& r : db->Alerts().Screen({rules[i]}, region)) results.push_back(std::move(r));
  }
  ctx.out << PadToWidth(Tr("rule"), 34) << PadToWidth(Tr("raised"), 8) << PadToWidth(Tr("updated"), 8)
          << PadToWidth(Tr("raised again"), 10) << Tr("left as they were") << "\n";
  int raised = 0;
  for (const auto& r : results) {
    ctx.out << PadToWidth(r.ruleName, 34) << PadToWidth(std::to_string(r.raised), 8)
            << PadToWidth(std::to_string(r.updated), 8) << PadToWidth(std::to_string(r.reraised), 10) << r.unchanged
            << "\n";
    raised += r.raised + r.reraised;
  }
  ctx.out << TrFormat("{1} rules screened in {2} s; {3} alerts raised. `doudi-admin alerts list --state open` lists "
                      "them.",
                      {std::to_string(results.size()), Seconds(std::chrono::steady_clock::now() - start),
                       std::to_string(raised)})
          << "\n";
  return kExitOk;
}

std::string Yuan(const std::optional<std::int64_t>& fen) {
  return fen ? model::Money::FromFen(*fen).ToDisplayString() : std::string();
}

int AlertsList(CommandContext& ctx) {
  dal::AlertFilter filter;
  const auto rules = RuleOption(ctx);
  if (rules.size() > 1) throw std::invalid_argument(Tr("alerts list takes one --rule"));
  if (!rules.empty()) {
    filter.rule = rules.front();
    if (!model::ParseAlertRule(filter.rule)) {
      std::string names;
      for (const auto& r : model::EnumTexts<model::AlertRule>()) names += (names.empty() ? "" : ", ") + std::string(r.code);
      throw std::invalid_argument(TrFormat("--rule is one of {1}, not '{2}'", {names, filter.rule}));
    }
  }
  if (ctx.Has("region")) filter.regionPrefix = RegionOption(ctx, false);
  filter.state = ctx.Option("state").value_or("");
  if (!filter.state.empty() && filter.state != "open" && !model::ParseEnum<model::AlertState>(filter.state)) {
    throw std::invalid_argument(
        TrFormat("--state is open, new, verifying, referred or closed, not '{1}'", {filter.state}));
  }
  const std::string format = ctx.Option("format").value_or("table");
  if (format != "table" && format != "csv") {
    throw std::invalid_argument(TrFormat("--format takes table or csv, not '{1}'", {format}));
  }
  filter.limit = 1'000'000;
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto alerts = db->Alerts().List(filter);
  if (format == "csv") {
    ctx.data << "alert_id,rule,period,name,id_number_masked,region_code,figure_yuan,state,outcome,raised_at\r\n";
    for (const auto& a : alerts) {
      ctx.data << a.id << ',' << a.rule << ',' << a.period << ',' << CsvField(ProtectFormula(a.name)) << ','
               << a.idNumberMasked << ',' << a.regionCode << ',' << Yuan(a.figureFen) << ',' << a.state << ','
               << a.outcome << ',' << a.raisedAt << "\r\n";
    }
    return kExitOk;
  }
  ctx.out << PadToWidth(Tr("alert"), 8) << PadToWidth(Tr("rule"), 30) << PadToWidth(Tr("period"), 12)
          << PadToWidth(Tr("name"), 10) << PadToWidth(Tr("ID number"), 20) << PadToWidth(Tr("village"), 16)
          << PadToWidth(Tr("figure (yuan)"), 14) << Tr("state") << "\n";
  for (const auto& a : alerts) {
    std::string state = EnumWords<model::AlertState>(a.state);
    if (!a.outcome.empty()) state += " · " + EnumWords<model::AlertOutcome>(a.outcome);
    ctx.out << PadToWidth(std::to_string(a.id), 8) << PadToWidth(a.ruleName, 30) << PadToWidth(a.period, 12)
            << PadToWidth(a.name, 10) << PadToWidth(a.idNumberMasked, 20)
            << PadToWidth(a.regionName.empty() ? a.regionCode : a.regionName, 16) << PadToWidth(Yuan(a.figureFen), 14)
            << state << "\n";
  }
  ctx.out << TrFormat("{1} alerts", {std::to_string(alerts.size())}) << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> ScreenCommands() {
  return {
      {{"screen"},
       "screen [--rule CODE[,CODE...]] [--region PREFIX]",
       "run the screening rules and report what they raised",
       "Runs the screening rules (docs/screening.md; all of them unless --rule names some) over the region prefix "
       "(default: your whole scope) and prints, per rule, how many alerts it raised, updated with new figures, "
       "raised again (closed, but the figure has grown by more than the rule's step) and left as they were. Never "
       "two alerts for the same rule, subject and period. Needs the run_screening capability (center "
       "administrators). A terminal shows the rule being screened.",
       {"rule", "region"},
       0,
       Screen},
      {{"alerts", "list"},
       "alerts list [--region PREFIX] [--rule CODE] [--state open|new|verifying|referred|closed] [--format table|csv]",
       "list the alerts you handle",
       "Lists the alerts your group handles within your scope, oldest first, filtered by region prefix, rule and "
       "state (open: every state but closed). --format csv writes alert_id, rule, period, name, id_number_masked, "
       "region_code, figure_yuan, state, outcome and raised_at to standard output for a spreadsheet.",
       {"region", "rule", "state", "format"},
       0,
       AlertsList},
  };
}

}  // namespace doudi::admin
