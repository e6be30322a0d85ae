// doudi-admin document ... and roster ...: the reports layer's documents for a
// case, a household or a month and region, read through the data layer with
// the caller's own rights (the database decides what they may see) and
// written as PDF, HTML or (rosters) XLSX. docs/documents.md describes the
// documents; doudi_case_documents (reports/assembly) maps the records to
// them, the same mapping the workstation uses. This file only reads options.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <iterator>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.h"
#include "doudi/reports/case_documents.h"
#include "doudi/reports/document_file.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

using std::chrono::year_month;

using Format = reports::FileFormat;

Format ParseFormat(const CommandContext& ctx, bool xlsxAllowed) {
  const auto text = ctx.Option("format");
  const std::string allowed = xlsxAllowed ? Tr("pdf, html or xlsx") : Tr("pdf or html");
  if (!text) throw std::invalid_argument(TrFormat("--format is required: {1}", {allowed}));
  if (*text == "pdf") return Format::Pdf;
  if (*text == "html") return Format::Html;
  if (*text == "xlsx" && xlsxAllowed) return Format::Xlsx;
  throw std::invalid_argument(TrFormat("--format takes {1}, not '{2}'", {allowed, *text}));
}

std::string OutputFile(const CommandContext& ctx) {
  const auto file = ctx.Option("output");
  if (!file || file->empty()) throw std::invalid_argument(Tr("-o/--output FILE is required"));
  return *file;
}

std::int64_t ParseId(const std::string& option, const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) {
    throw std::invalid_argument(TrFormat("--{1} takes a positive whole number, not '{2}'", {option, text}));
  }
  return value;
}

std::optional<year_month> ParseMonth(const std::string& text) {
  static const std::regex kMonth("^([0-9]{4})-(0[1-9]|1[0-2])$");
  std::smatch m;
  if (!std::regex_match(text, m, kMonth)) return std::nullopt;
  return year_month{std::chrono::year{std::stoi(m[1])}, std::chrono::month{static_cast<unsigned>(std::stoi(m[2]))}};
}

// What documents are read from: the caller's own repositories and the
// regions in their scope.
reports::DocumentSources SourcesOf(dal::pg::PgDatabase& db) {
  reports::DocumentSources sources{db.Cases(), db.Registry(), db.Parameters(), {}, &db.Attachments()};
  for (const auto& r : db.RegionsInScope()) sources.regionNames[r.code] = r.name;
  return sources;
}

int DocumentCommand(CommandContext& ctx) {
  const std::string& kind = ctx.args.at(0);
  const auto parsed = reports::ParseKindCode(kind);
  if (!parsed) {
    throw std::invalid_argument(
        TrFormat("KIND is approval-form, survey-form, household-file, decision or refusal, not '{1}'", {kind}));
  }
  const auto caseText = ctx.Option("case");
  const auto householdText = ctx.Option("household");
  if (caseText && householdText) throw std::invalid_argument(Tr("give --case or --household, not both"));
  if (*parsed == reports::CaseDocumentKind::HouseholdFile) {
    if (!householdText && !caseText) {
      throw std::invalid_argument(Tr("household-file needs --household ID (or --case ID)"));
    }
  } else if (!caseText) {
    throw std::invalid_argument(TrFormat("{1} needs --case ID", {kind}));
  }
  // 0: not given.
  const std::int64_t caseId = caseText ? ParseId("case", *caseText) : 0;
  const std::int64_t householdId = householdText ? ParseId("household", *householdText) : 0;
  const Format format = ParseFormat(ctx, false);
  const std::string file = OutputFile(ctx);

  auto db = ctx.connect();
  db->RequireSupportedSchema();
  auto sources = SourcesOf(*db);
  const reports::Document document = householdId != 0 ? reports::HouseholdFileDocument(sources, householdId, ctx.today)
                                                      : reports::CaseDocument(sources, *parsed, caseId, ctx.today);
  reports::WriteDocumentFile(document, format, PathFromUtf8(file));
  ctx.out << TrFormat("{1} {2} written to {3}", {document.title, document.number, file}) << "\n";
  return kExitOk;
}

// The rosters --kind chooses, the default first: the one list that the
// command, its usage line and --help read.
using RosterBuilder = reports::Document (*)(reports::DocumentSources&, const std::string&, year_month,
                                            std::chrono::year_month_day);
struct RosterKind {
  const char* code;
  reports::RosterKind kind;
  RosterBuilder build;
};
constexpr RosterKind kRosterKinds[] = {
    {"payment", reports::RosterKind::Payment, reports::PaymentRosterDocument},
    {"notice", reports::RosterKind::Notice, reports::NoticeRosterDocument},
    {"statistics", reports::RosterKind::Statistics, reports::StatisticsDocument},
};

int RosterCommand(CommandContext& ctx) {
  const std::string kind = ctx.Option("kind").value_or(kRosterKinds[0].code);
  const auto* chosen = std::find_if(std::begin(kRosterKinds), std::end(kRosterKinds),
                                    [&](const RosterKind& k) { return kind == k.code; });
  if (chosen == std::end(kRosterKinds)) {
    throw std::invalid_argument(TrFormat("--kind takes payment, notice or statistics, not '{1}'", {kind}));
  }
  const auto monthText = ctx.Option("month");
  if (!monthText) throw std::invalid_argument(Tr("--month YYYY-MM is required"));
  const auto month = ParseMonth(*monthText);
  if (!month) throw std::invalid_argument(TrFormat("--month takes a month as YYYY-MM, not '{1}'", {*monthText}));
  const auto region = ctx.Option("region");
  if (!region)
    throw std::invalid_argument(Tr("--region CODE is required: a county (6 digits), township (9) or village (12)"));
  if (!reports::RosterTakesRegion(chosen->kind, *region)) {
    throw std::invalid_argument(
        chosen->kind == reports::RosterKind::Statistics
            ? TrFormat("--region takes a province (2 digits), prefecture (4), county (6), township (9) or village "
                       "(12) code, not '{1}'",
                       {*region})
            : TrFormat("--region takes a county (6 digits), township (9) or village (12) code, not '{1}'", {*region}));
  }
  const Format format = ParseFormat(ctx, true);
  const std::string file = OutputFile(ctx);

  auto db = ctx.connect();
  db->RequireSupportedSchema();
  // A region above the login's scope would print the scope's rows under a
  // larger name: refused (row-level security shows no more either way).
  const std::string scope = db->WhoAmI().regionScope;
  if (region->rfind(scope, 0) != 0) {
    throw std::invalid_argument(TrFormat("--region {1} is not a region in your scope", {*region}));
  }
  std::string padded = *region;
  padded.append(12 - padded.size(), '0');  // the database's codes have 12 digits
  // Read from the report standby when it is fit, else the primary.
  std::optional<reports::Document> document;
  ReadReport(ctx, *db, [&](dal::pg::PgDatabase& source) {
    auto sources = SourcesOf(source);
    if (!sources.regionNames.count(padded)) {
      throw std::invalid_argument(TrFormat("--region {1} is not a region in your scope", {*region}));
    }
    document = chosen->build(sources, *region, *month, ctx.today);
  });
  reports::WriteDocumentFile(*document, format, PathFromUtf8(file));
  ctx.out << TrFormat("{1} {2} written to {3}", {document->title, document->number, file}) << "\n";
  return kExitOk;
}

}  // namespace

std::vector<std::string> RosterKindCodes() {
  std::vector<std::string> codes;
  for (const auto& k : kRosterKinds) codes.emplace_back(k.code);
  return codes;
}

std::vector<Command> DocumentCommands() {
  std::string kinds;
  for (const auto& code : RosterKindCodes()) kinds += (kinds.empty() ? "" : "|") + code;
  return {
      {{"document"},
       "document KIND (--case ID | --household ID) --format pdf|html -o FILE",
       "write a case's or household's document as PDF or HTML",
       "KIND is approval-form (审批表), survey-form (入户调查表), household-file (家庭档案), decision (决定书, an "
       "approved case) or refusal (不予批准通知书, a refused case). household-file takes --household ID or a case; "
       "the others --case ID. The data is read with your own rights; every ID number and bank account is printed "
       "masked. The issuing office is the issuing_office parameter (else the county's 民政局); objections go "
       "to the county's 人民政府 within administrative_review_days or its 人民法院 within lawsuit_months. Numbers: the "
       "county's first character + "
       "民 + 审/调/档/决/否 + 〔year〕 + the case (household) id + 号, e.g. 三民审〔2026〕0042号; decisions and "
       "refusals are dated on the day of the decision, the other documents today.",
       {"case", "household", "format", "output"},
       1,
       DocumentCommand},
      {{"roster"},
       "roster [--kind " + kinds + "] --month YYYY-MM --region CODE --format pdf|html|xlsx -o FILE [--report-db CONN]",
       "write the month's payment roster (发放花名册), public-notice roster (公示名单) or statistics summary",
       "CODE is a county (6 digits), township (9) or village (12) code in your scope. --kind payment (the "
       "default): the month's payment lines (written by `payments generate`) with masked IDs and accounts, "
       "subtotals per village and township, page totals and the grand total. --kind notice: the public notices "
       "that run during the month, one list per village, showing only name, household size and amount. "
       "--kind statistics: the month's households, persons and amounts per program for each prefecture (of a "
       "province, 2 digits), county (of a prefecture, 4), township (of a county) or village (of a township), "
       "summed by the database from the payment lines. Rosters are read from the report standby (the "
       "profile's report key, or --report-db CONN) when it is up and at most report_standby_max_lag behind, else "
       "from the primary, which a line then says.",
       {"kind", "month", "region", "format", "output", "report-db"},
       0,
       RosterCommand},
  };
}

}  // namespace doudi::admin
