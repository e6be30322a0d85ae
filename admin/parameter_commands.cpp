// doudi-admin param ...: program parameters (migration 0008). A change is a
// new row with its own effective date; rows are never changed, so the
// history stays. The database decides who may add what (center
// administrators, for prefixes in their scope); this side checks the input
// first so that a mistake is named by its field.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <regex>

#include "commands.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/program_parameters.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/money.h"
#include "doudi/model/region_code.h"
#include "doudi/model/text.h"

namespace doudi::admin {
namespace {

bool IsUnit(const std::string& unit) {
  return std::any_of(std::begin(dal::kParameterUnits), std::end(dal::kParameterUnits),
                     [&](const char* u) { return unit == u; });
}

std::string UnitNames() {
  std::string names;
  for (const char* u : dal::kParameterUnits) names += (names.empty() ? "" : ", ") + std::string(u);
  return names;
}

std::chrono::year_month_day DateOption(const CommandContext& ctx, const std::string& option) {
  const auto text = ctx.Option(option);
  if (!text) throw std::invalid_argument(TrFormat("--{1} YYYY-MM-DD is required", {option}));
  const auto date = model::ParseIsoDate(*text);
  if (!date) throw std::invalid_argument(TrFormat("--{1} takes a date as YYYY-MM-DD, not '{2}'", {option, *text}));
  return *date;
}

// The program's code, checked against the database's catalog.
void RequireProgram(dal::pg::PgDatabase& db, const std::string& field, const std::string& program) {
  const auto programs = db.Parameters().Programs();
  if (std::any_of(programs.begin(), programs.end(), [&](const auto& p) { return p.code == program; })) return;
  std::string names;
  for (const auto& p : programs) names += (names.empty() ? "" : ", ") + p.code;
  throw std::invalid_argument(TrFormat("{1} is one of {2}, not '{3}'", {field, names, program}));
}

void RequireKeyShape(const std::string& key) {
  static const std::regex kKey("^[a-z][a-z0-9_]{0,62}$");
  if (!std::regex_match(key, kKey)) {
    throw std::invalid_argument(
        TrFormat("KEY is a snake_case code (standard_per_person, decision_deadline ...), not '{1}'", {key}));
  }
}

// The value as the database stores it: fen from yuan with two decimals
// (requiring the decimals keeps "1080" typed as fen from becoming 1,080
// yuan, or the other way round), whole numbers above zero for percent,
// days, months and counts, a snake_case code for code.
std::string StoredValue(const std::string& value, const std::string& unit) {
  if (unit == "fen") {
    static const std::regex kYuan("^[0-9]+\\.[0-9]{2}$");
    const auto money = std::regex_match(value, kYuan) ? model::Money::ParseYuan(value) : std::nullopt;
    if (!money || money->Fen() > 9'999'999'999'999'999) {
      throw std::invalid_argument(
          TrFormat("VALUE in unit fen is given in yuan with two decimals (1080.00), not '{1}'", {value}));
    }
    return std::to_string(money->Fen());
  }
  if (unit == "code") {
    static const std::regex kCode("^[a-z][a-z0-9_]{0,62}$");
    if (!std::regex_match(value, kCode)) {
      throw std::invalid_argument(
          TrFormat("VALUE in unit code is a snake_case code (national, yuan_up ...), not '{1}'", {value}));
    }
    return value;
  }
  if (unit == "code_list") {
    static const std::regex kCodes("^[a-z][a-z0-9_]{0,62}(,[a-z][a-z0-9_]{0,62}){0,31}$");
    if (!std::regex_match(value, kCodes)) {
      throw std::invalid_argument(TrFormat(
          "VALUE in unit code_list is snake_case codes separated by commas (dibao,near_dibao), not '{1}'", {value}));
    }
    return value;
  }
  if (unit == "text") {
    // One line, as the documents print it: the database refuses the rest too.
    const auto length = model::CountUtf8CodePoints(value);
    const bool control = std::any_of(value.begin(), value.end(), [](char c) { return c >= 0 && c < ' '; });
    if (!length || *length == 0 || *length > 100 || control || model::TrimAsciiWhitespace(value) != value) {
      throw std::invalid_argument(
          Tr("VALUE in unit text is one line of 1 to 100 characters without surrounding spaces"));
    }
    return value;
  }
  static const std::regex kCount("^[1-9][0-9]{0,8}$");
  if (!std::regex_match(value, kCount)) {
    throw std::invalid_argument(TrFormat("VALUE in unit {1} is a whole number above zero, not '{2}'", {unit, value}));
  }
  return value;
}

// The value for people: yuan for money, the number with its unit otherwise.
std::string Shown(const dal::ProgramParameter& p) {
  if (p.unit == "fen") {
    try {
      return TrFormat("{1} yuan", {model::Money::FromFen(std::stoll(p.value)).ToDisplayString()});
    } catch (const std::exception&) {
      return TrFormat("{1} fen", {p.value});
    }
  }
  if (p.unit == "code" || p.unit == "code_list" || p.unit == "text") return p.value;
  return p.value + " " + p.unit;
}

int ParamList(CommandContext& ctx) {
  const auto program = ctx.Option("program").value_or("");
  const std::string region = ctx.Has("region") ? RegionOption(ctx, true) : std::string();
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  if (!program.empty()) RequireProgram(*db, "--program", program);
  const auto rows = db->Parameters().List(program, region);
  for (const auto& p : rows) {
    ctx.out << p.program << "  " << p.key << "  " << p.regionPrefix << "  " << TrFormat("from {1}", {p.effectiveFrom})
            << "  " << Shown(p) << "  (" << TrFormat("{1}, by {2} {3}", {p.unit, p.createdBy, p.createdAt}) << ")"
            << (p.note.empty() ? "" : "  " + p.note) << "\n";
  }
  ctx.err << TrFormat("{1} parameter rows", {std::to_string(rows.size())}) << "\n";
  return kExitOk;
}

int ParamShow(CommandContext& ctx) {
  const std::string& program = ctx.args.at(0);
  const std::string& key = ctx.args.at(1);
  RequireKeyShape(key);
  const std::string region = RegionOption(ctx, true);
  const auto on = ctx.Has("on") ? DateOption(ctx, "on") : ctx.today;
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  RequireProgram(*db, "PROGRAM", program);
  const auto p = db->Parameters().Effective(program, region, key, on);
  if (!p) {
    ctx.err << TrFormat("no value of {1}.{2} applies to {3} on {4}", {program, key, region, model::IsoDate(on)})
            << "\n";
    return kExitRowsRejected;
  }
  ctx.out << TrFormat("{1}.{2} for {3} on {4}: {5} (stored {6} {7})",
                      {program, key, region, model::IsoDate(on), Shown(*p), p->value, p->unit})
          << "\n  "
          << TrFormat("from the row for {1} effective {2}, added by {3} {4}",
                      {p->regionPrefix, p->effectiveFrom, p->createdBy, p->createdAt})
          << (p->note.empty() ? "" : ": " + p->note) << "\n";
  return kExitOk;
}

int ParamSet(CommandContext& ctx) {
  dal::ProgramParameter p;
  p.program = ctx.args.at(0);
  p.key = ctx.args.at(1);
  RequireKeyShape(p.key);
  const auto unit = ctx.Option("unit");
  if (!unit) throw std::invalid_argument(TrFormat("--unit is required ({1})", {UnitNames()}));
  if (!IsUnit(*unit)) throw std::invalid_argument(TrFormat("--unit is one of {1}, not '{2}'", {UnitNames(), *unit}));
  p.unit = *unit;
  p.value = StoredValue(ctx.args.at(2), p.unit);
  p.regionPrefix = RegionOption(ctx, false);
  const auto from = DateOption(ctx, "from");
  p.effectiveFrom = model::IsoDate(from);
  p.note = ctx.Option("note").value_or("");

  auto db = ctx.connect();
  db->RequireSupportedSchema();
  RequireProgram(*db, "PROGRAM", p.program);
  // A friendlier word than the database's for the two mistakes a person
  // makes most: another unit than the key's, and a key never seen before.
  const auto existing = db->Parameters().List(p.program, "");
  const auto same = std::find_if(existing.begin(), existing.end(), [&](const auto& e) { return e.key == p.key; });
  if (same != existing.end() && same->unit != p.unit) {
    throw std::invalid_argument(
        TrFormat("--unit: {1}.{2} is given in {3}, not {4}", {p.program, p.key, same->unit, p.unit}));
  }
  // Rows are never deleted: a misspelt key would stay for good, read by
  // nobody. A key no row of the program has yet takes --new-key.
  if (same == existing.end() && !ctx.Has("new-key")) {
    throw std::invalid_argument(TrFormat(
        "KEY: {1} has no parameter '{2}' yet; check its spelling (docs/parameters.md), or add --new-key to start one",
        {p.program, p.key}));
  }
  if (from < ctx.today) {
    ctx.err << Tr("note: effective from a past date; amounts already computed are not recomputed") << "\n";
  }
  try {
    db->Parameters().Add(p);
  } catch (const dal::PermissionDenied&) {
    throw std::invalid_argument(TrFormat(
        "--region {1}: you may not add parameters there (center administrators add them for their own scope)",
        {p.regionPrefix}));
  } catch (const dal::ConstraintViolation& e) {
    if (e.SqlState() == "23505") {  // unique_violation: the same key, region and day
      throw std::invalid_argument(TrFormat(
          "--from {1}: {2}.{3} for {4} already has a row effective that day; rows are never changed, choose another "
          "date",
          {p.effectiveFrom, p.program, p.key, p.regionPrefix}));
    }
    throw;
  }
  ctx.out << TrFormat("added {1}.{2} = {3} for {4} from {5}",
                      {p.program, p.key, Shown(p), p.regionPrefix, p.effectiveFrom})
          << "\n";
  return kExitOk;
}

}  // namespace

// A region prefix of 2, 4, 6, 9 or 12 digits (for a row), or also a full
// 12-digit code of any level when asking what applies (331022000000).
std::string RegionOption(const CommandContext& ctx, bool fullCodeToo) {
  const auto text = ctx.Option("region");
  if (!text) throw std::invalid_argument(Tr("--region is required"));
  if (model::RegionCode::IsValidScopePrefix(*text) || (fullCodeToo && model::RegionCode::Parse(*text))) {
    return *text;
  }
  throw std::invalid_argument(
      TrFormat("--region takes a region code prefix of 2, 4, 6, 9 or 12 digits, not '{1}'", {*text}));
}

std::vector<Command> ParameterCommands() {
  return {
      {{"param", "list"},
       "param list [--program P] [--region PREFIX]",
       "list program parameters with their history",
       "Lists every parameter row, history included, by program, key, region prefix and effective date. "
       "--program keeps one program (dibao, destitute, near_dibao, temporary, medical, education, housing, "
       "employment, disaster, charity); --region keeps the rows that apply to that region and those for areas "
       "inside it. docs/parameters.md explains every key.",
       {"program", "region"},
       0,
       ParamList},
      {{"param", "show"},
       "param show PROGRAM KEY --region CODE [--on YYYY-MM-DD]",
       "the value in effect for a region on a date",
       "Prints the value of PROGRAM's KEY in effect for the region (a 12-digit code, or a prefix for a whole area) "
       "on the date (default today), and the row it comes from: the most specific region prefix that contains the "
       "region, and of its rows the latest effective on or before the date. Exit code 1 when no row applies.",
       {"region", "on"},
       2,
       ParamShow},
      {{"param", "set"},
       "param set PROGRAM KEY VALUE --unit U --region PREFIX --from YYYY-MM-DD [--note TEXT] [--new-key]",
       "add a parameter value from a date on",
       "Adds a row: PROGRAM's KEY is VALUE for the region prefix (2, 4, 6, 9 or 12 digits) from the date on. Rows "
       "are never changed or deleted: a change is a new row with a later date, and the earlier one stays as "
       "history. --unit is fen (VALUE in yuan with two decimals, 1080.00), percent, working_days, calendar_days, "
       "months, count (whole numbers above zero), code (a snake_case code), code_list (codes separated by commas) "
       "or text (one line, such as an "
       "office's name); a key keeps one unit. A key that no row of the program has yet is refused as a likely "
       "misspelling unless --new-key is given. Center "
       "administrators add parameters within their own scope; the database refuses anything else.",
       {"unit", "region", "from", "note", "new-key"},
       3,
       ParamSet},
  };
}

}  // namespace doudi::admin
