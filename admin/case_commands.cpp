// doudi-admin calendar ..., payments ... and case confirm-amount: the
// holiday calendar the database counts deadlines on, the monthly payment
// lines finance writes, and a second city decider's confirmation of an
// amount above its cap. The database decides who may do each (migrations
// 0011, 0018).
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>

#include "commands.h"
#include "doudi/dal/case_repository.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/case_workflow.h"
#include "doudi/model/iso_date.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

std::string ReadFile(const std::string& name) {
  std::ifstream in(PathFromUtf8(name), std::ios::binary);
  if (!in) throw std::invalid_argument(TrFormat("cannot open {1}", {name}));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int CalendarLoad(CommandContext& ctx) {
  const std::string& file = ctx.args.at(0);
  std::map<int, std::vector<model::CalendarException>> years;
  try {
    years = model::ParseHolidayCsv(ReadFile(file));
  } catch (const std::invalid_argument& e) {
    // The parser names the line; the file name makes it findable.
    throw std::invalid_argument(file + ": " + e.what());
  }
  if (years.empty()) throw std::invalid_argument(TrFormat("{1}: no dates in the file", {file}));
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const int rows = db->Calendar().LoadYears(years, ctx.Option("source").value_or(file));
  std::string loaded;
  for (const auto& [year, dates] : years)
    loaded += " " + std::to_string(year) + " (" + std::to_string(dates.size()) + ")";
  ctx.out << TrFormat("{1} dates loaded for{2}; each year loaded replaces what was there",
                      {std::to_string(rows), loaded})
          << "\n";
  return kExitOk;
}

int CalendarList(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto years = db->Calendar().Years();
  if (years.empty()) ctx.out << Tr("no year is loaded: every working-day deadline is flagged as uncertain") << "\n";
  for (const auto& y : years) {
    ctx.out << y.year << "\t" << TrFormat("{1} dates", {std::to_string(y.exceptions)}) << "\t" << y.source << "\t"
            << y.loadedBy << "\t" << y.loadedAt << "\n";
  }
  return kExitOk;
}

int PaymentsGenerate(CommandContext& ctx) {
  static const std::regex kMonth("^[0-9]{4}-(0[1-9]|1[0-2])$");
  const auto month = ctx.Option("month");
  if (!month || !std::regex_match(*month, kMonth)) {
    throw std::invalid_argument(month ? TrFormat("--month takes a month as YYYY-MM, not '{1}'", {*month})
                                      : Tr("--month takes a month as YYYY-MM"));
  }
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const int written = db->Cases().GeneratePayments(*month);
  ctx.out << TrFormat("{1} payment lines written for {2} (lines already written are kept)",
                      {std::to_string(written), *month})
          << "\n";
  return kExitOk;
}

int CaseConfirmAmount(CommandContext& ctx) {
  std::int64_t caseId = 0;
  try {
    caseId = std::stoll(ctx.args.at(0));
  } catch (const std::exception&) {
    throw std::invalid_argument("CASE is a case number, not '" + ctx.args.at(0) + "'");
  }
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto record = db->Cases().Load(caseId);
  if (!record || !record->proposal || record->proposal->overCapReason.empty()) {
    throw std::invalid_argument("case " + ctx.args.at(0) + " has no amount above its cap to confirm");
  }
  const auto& proposal = *record->proposal;
  db->Cases().ConfirmAmount(caseId, proposal.id, "", dal::NewRequestId());
  ctx.out << "case " << caseId << ": confirmed " << proposal.monthly.ToDisplayString() << " a month, "
          << proposal.oneOff.ToDisplayString() << " one-off, proposed by " << proposal.proposedBy << " ("
          << proposal.overCapReason << ")\n";
  return kExitOk;
}

// The deadline column of case list: the nearer due date and how it stands.
std::string DeadlineCell(const dal::CaseSummary& s) {
  const std::string& due =
      !s.stepDue.empty() && (s.overallDue.empty() || s.stepDue <= s.overallDue) ? s.stepDue : s.overallDue;
  switch (s.deadline) {
    case dal::DeadlineStatus::Overdue:
      return TrFormat("overdue since {1}", {due});
    case dal::DeadlineStatus::DueSoon:
      return TrFormat("due soon: {1}", {due});
    case dal::DeadlineStatus::OnTime:
      return TrFormat("due {1}", {due});
    case dal::DeadlineStatus::Uncertain:
      return TrFormat("due {1} (uncertain)", {due});
    case dal::DeadlineStatus::None:
      break;
  }
  return "-";
}

int CaseList(CommandContext& ctx) {
  dal::CaseQuery query;
  query.name = ctx.Option("name").value_or("");
  query.idNumber = ctx.Option("id").value_or("");
  query.program = ctx.Option("program").value_or("");
  query.state = ctx.Option("state").value_or("");
  if (!query.state.empty() && !model::FindCaseState(query.state)) {
    throw std::invalid_argument(TrFormat("--state takes a case state code (docs/workflow.md), not '{1}'", {query.state}));
  }
  if (ctx.Has("region")) query.regionPrefix = RegionOption(ctx, false);
  for (const auto& [option, date] : {std::pair{"from", &query.openedFrom}, std::pair{"to", &query.openedTo}}) {
    *date = ctx.Option(option).value_or("");
    if (!date->empty() && !model::ParseIsoDate(*date)) {
      throw std::invalid_argument(TrFormat("--{1} takes a date as YYYY-MM-DD, not '{2}'", {option, *date}));
    }
  }
  query.overdueOnly = ctx.Has("overdue");
  query.limit = 1000;
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto found = db->Cases().Search(query);
  ctx.out << Tr("case") << "\t" << Tr("opened") << "\t" << Tr("applicant") << "\t" << Tr("ID number") << "\t"
          << Tr("village") << "\t" << Tr("program") << "\t" << Tr("state") << "\t" << Tr("deadline") << "\n";
  for (const auto& f : found) {
    const auto& s = f.summary;
    const auto state = model::FindCaseState(s.state);
    std::string program = s.programName;
    if (!f.personName.empty()) program += "（" + f.personName + "）";
    ctx.out << s.id << "\t" << f.openedOn << "\t" << s.applicantName << "\t" << f.maskedId << "\t" << s.regionName
            << "\t" << program << "\t" << (state ? std::string(state->chinese) : s.state) << "\t" << DeadlineCell(s)
            << "\n";
  }
  ctx.out << (found.size() >= 1000U ? Tr("the first 1000 cases found; narrow the search to see the rest")
                                    : TrFormat("{1} cases found", {std::to_string(found.size())}))
          << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> CaseCommands() {
  return {
      {{"calendar", "load"},
       "calendar load FILE [--source TEXT]",
       "load the holiday calendar (one or more years) from a CSV file",
       "Loads the State Council's holidays and make-up working days from FILE (docs/calendar.md: date,kind,holiday; "
       "assets/calendar/cn-public-holidays.csv ships every published year). Each year in the file replaces that "
       "year's dates in the database whole, in one transaction; the database counts every working-day deadline on "
       "them, and flags a deadline that reaches into a year not loaded as uncertain. --source records where the "
       "dates come from (default: the file name). Center administrators.",
       {"source"},
       1,
       CalendarLoad},
      {{"calendar", "list"},
       "calendar list",
       "the years of the holiday calendar that are loaded",
       "Lists each loaded year with its number of dates, its source, who loaded it and when.",
       {},
       0,
       CalendarList},
      {{"payments", "generate"},
       "payments generate --month YYYY-MM",
       "write the month's payment lines for every paying case in scope",
       "Writes one payment line per paying case in your scope for the month, at the benefit in force that month "
       "(a decision takes effect from the next month), and the one-off grants decided that month. Lines already "
       "written are kept as they are, so running it again adds only what is new. Finance officers and center "
       "administrators.",
       {"month"},
       0,
       PaymentsGenerate},
      {{"case", "list"},
       "case list [--name TEXT] [--id ID] [--program CODE] [--state CODE] [--region PREFIX] [--from DATE] "
       "[--to DATE] [--overdue]",
       "search the cases in your scope",
       "Lists the cases in your scope, newest first, matching every filter given: --name a part of a current "
       "member's name, --id a member's full resident ID (the applicant's ID is shown masked), --program a program "
       "code (dibao, temporary ...), --state a case state code (docs/workflow.md), --region a region prefix of 2, "
       "4, 6, 9 or 12 digits, --from and --to the days the case was opened between (YYYY-MM-DD, inclusive), "
       "--overdue only cases whose nearer deadline has passed. At most 1000 cases.",
       {"name", "id", "program", "state", "region", "from", "to", "overdue"},
       0,
       CaseList},
      {{"case", "confirm-amount"},
       "case confirm-amount CASE",
       "confirm the amount above its cap proposed for a case, as a second city decider",
       "Confirms the latest amount proposed for case CASE, which is above the cap of the parameters in force "
       "(docs/parameters.md, \"Caps on amounts\") and says why; the case's decision waits for this. City "
       "deciders other than the one who proposed it.",
       {},
       1,
       CaseConfirmAmount},
  };
}

}  // namespace doudi::admin
