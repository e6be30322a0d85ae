#include "commands.h"
#include "utf8_path.h"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

#include "demo_cases.h"
#include "demo_joint_loop.h"
#include "demo_data.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/pg/report_reader.h"
#include "doudi/model/household.h"
#include "doudi/model/text.h"
#include "household_file.h"

namespace doudi::admin {
namespace {

std::unique_ptr<dal::pg::PgDatabase> ConnectCurrent(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  return db;
}

int DbMigrate(CommandContext& ctx) {
  auto db = ctx.connect();
  const int before = db->Migrator().CurrentVersion();
  const auto result = db->Migrator().Migrate();
  if (result.Nothing()) {
    ctx.out << TrFormat("schema is up to date (version {1})", {std::to_string(before)}) << "\n";
    return kExitOk;
  }
  for (const int v : result.migrations) ctx.out << TrFormat("applied migration {1}", {std::to_string(v)}) << "\n";
  if (!result.migrations.empty()) {
    ctx.out << TrFormat("schema migrated from version {1} to {2}",
                        {std::to_string(before), std::to_string(result.migrations.back())})
            << "\n";
  }
  if (!result.schemaFiles.empty()) {
    // Every file on a new database: the count says enough; a few, by name.
    constexpr std::size_t kListed = 20;
    if (result.schemaFiles.size() <= kListed) {
      for (const auto& path : result.schemaFiles) ctx.out << TrFormat("applied schema file {1}", {path}) << "\n";
    }
    ctx.out << TrFormat("{1} schema file(s) applied", {std::to_string(result.schemaFiles.size())}) << "\n";
  }
  return kExitOk;
}

int DbStatus(CommandContext& ctx) {
  auto db = ctx.connect();
  const auto info = db->Info();
  ctx.out << TrFormat("server {1}, database {2}, user {3}, connection {4}",
                      {info.serverVersion, info.database, info.user,
                       info.tls ? TrFormat("encrypted ({1})", {info.tlsVersion}) : Tr("not encrypted")})
          << "\n";
  int pending = 0;
  const auto migrations = db->Migrator().Status();
  // The name column as wide as the longest name, and two spaces after it.
  std::size_t nameWidth = 0;
  for (const auto& m : migrations) nameWidth = std::max(nameWidth, m.name.size());
  for (const auto& m : migrations) {
    ctx.out << std::setw(4) << std::setfill('0') << m.version << std::setfill(' ') << "  " << std::left
            << std::setw(static_cast<int>(nameWidth + 2)) << m.name << std::right;
    if (m.applied) {
      ctx.out << TrFormat("applied {1} by {2}", {m.appliedAt, m.appliedBy});
      if (m.checksumMismatch) ctx.out << "  " << Tr("WARNING: the built-in file differs from what was applied");
    } else {
      ctx.out << Tr("pending");
      ++pending;
    }
    ctx.out << "\n";
  }
  // Schema files: only those not as this program has them, then a count.
  int currentFiles = 0;
  int staleFiles = 0;
  for (const auto& f : db->Migrator().SchemaStatus()) {
    if (f.builtIn && f.current) {
      ++currentFiles;
      continue;
    }
    ++staleFiles;
    ctx.out << "  " << f.path << "  "
            << (!f.builtIn   ? TrFormat("applied {1} by {2}, not in this program", {f.appliedAt, f.appliedBy})
                : f.applied ? TrFormat("changed since it was applied {1} by {2}", {f.appliedAt, f.appliedBy})
                            : Tr("pending"))
            << "\n";
  }
  ctx.out << TrFormat("schema files: {1} current, {2} to apply", {std::to_string(currentFiles),
                                                                 std::to_string(staleFiles)})
          << "\n";
  const int current = db->Migrator().CurrentVersion();
  ctx.out << TrFormat("schema version {1}, this program supports {2}",
                      {std::to_string(current), std::to_string(dal::SupportedSchemaVersion())});
  if (pending > 0 || staleFiles > 0) ctx.out << Tr(" — run `doudi-admin db migrate`");
  if (current > dal::SupportedSchemaVersion()) ctx.out << Tr(" — the database is newer: upgrade this program");
  ctx.out << "\n";
  return kExitOk;
}

std::int64_t PositiveNumber(const CommandContext& ctx, const std::string& option, std::int64_t fallback) {
  const auto text = ctx.Option(option);
  if (!text) return fallback;
  try {
    std::size_t used = 0;
    const long long value = std::stoll(*text, &used);
    if (used == text->size() && value > 0) return value;
  } catch (const std::exception&) {
  }
  throw std::invalid_argument(TrFormat("--{1} takes a positive whole number, not '{2}'", {option, *text}));
}

void PrintOutcome(CommandContext& ctx, const dal::ImportOutcome& o, bool dryRun, const CellPlaces& places = {}) {
  PrintProblems(ctx.err, o.problems, places);
  ctx.out << (dryRun ? Tr("dry run, nothing stored: ") : std::string())
          << TrFormat("{1} rows read, {2} rejected; households: {3} new, {4} updated, {5} unchanged, {6} rejected",
                      {std::to_string(o.rowsRead), std::to_string(o.rowsRejected), std::to_string(o.householdsNew),
                       std::to_string(o.householdsUpdated), std::to_string(o.householdsUnchanged),
                       std::to_string(o.householdsRejected)})
          << "\n";
}

// The rejected rows as they were written, each with all its problems, so a
// clerk can correct the report and import it again.
void WriteReport(std::ofstream& out, const std::string& path, const HouseholdFile& file,
                 const dal::ImportOutcome& outcome, bool chineseHeader) {
  const auto byLine = ReportCellsByLine(outcome.problems);
  HouseholdCsvWriter writer(out, ReportColumns(chineseHeader), chineseHeader);
  for (const auto& row : file.rows) {
    if (const auto it = byLine.find(row.line); it != byLine.end()) writer.Write(row, it->second);
  }
  if (!out.flush()) throw HouseholdFileError(TrFormat("cannot write the report {1}", {path}));
}

int ImportHouseholds(CommandContext& ctx) {
  const auto file = ReadHouseholdFile(PathFromUtf8(ctx.args.at(0)), ParseFileEncoding(ctx.Option("encoding")),
                                      ctx.Option("sheet"));
  // Open the report first: a report that cannot be written must not be
  // found out after the households are stored.
  const auto reportPath = ctx.Option("report");
  std::ofstream report;
  if (reportPath) {
    report.open(PathFromUtf8(*reportPath), std::ios::binary);
    if (!report) {
      throw HouseholdFileError(TrFormat("cannot write the report {1}; nothing was imported", {*reportPath}));
    }
  }
  dal::ImportOptions options;
  options.source = ctx.Option("source").value_or("default");
  if (options.source.empty() || model::CheckStorableText(options.source, model::kMaxHouseholdRefLength)) {
    throw std::invalid_argument(
        Tr("--source names the origin of the data in at most 64 characters, without "
           "control or invisible characters"));
  }
  options.dryRun = ctx.Has("dry-run");
  options.today = ctx.today;
  auto db = ConnectCurrent(ctx);
  const auto outcome = db->Importer().Import(file.rows, options);
  PrintOutcome(ctx, outcome, options.dryRun, file.places);
  if (reportPath) {
    // The report speaks the header language of the file it reports on.
    WriteReport(report, *reportPath, file, outcome, IsChineseHeader(file.header));
    ctx.out << TrFormat("report of {1} rejected rows written to {2}",
                        {std::to_string(outcome.rowsRejected), *reportPath})
            << "\n";
  }
  return outcome.rowsRejected == 0 ? kExitOk : kExitRowsRejected;
}

// --format csv|xlsx; without it, xlsx when -o names a .xlsx file.
bool ExportsXlsx(const CommandContext& ctx) {
  const auto path = ctx.Option("output");
  bool xlsx = path && path->size() > 5 && model::EqualsIgnoringAsciiCase(path->substr(path->size() - 5), ".xlsx");
  if (const auto format = ctx.Option("format")) {
    if (*format != "csv" && *format != "xlsx") {
      throw std::invalid_argument(TrFormat("--format is csv or xlsx, not '{1}'", {*format}));
    }
    xlsx = *format == "xlsx";
  }
  if (xlsx && (!path || path->empty())) {
    throw std::invalid_argument(Tr("an .xlsx export is written to a file: give -o FILE.xlsx"));
  }
  return xlsx;
}

// The export reads the report standby when there is one (ReadReport): a
// read it cancels is read again on the primary unless rows were written.
int ExportHouseholds(CommandContext& ctx) {
  const bool xlsx = ExportsXlsx(ctx);
  auto db = ConnectCurrent(ctx);
  const std::string region = ctx.Option("region").value_or("");
  if (xlsx) {
    const std::string path = *ctx.Option("output");
    std::optional<HouseholdXlsxWriter> writer;
    std::int64_t rows = 0;
    ReadReport(ctx, *db, [&](dal::pg::PgDatabase& source) {
      writer.emplace(ctx.Has("chinese-header"));  // anew when read again
      rows = 0;
      source.ExportHouseholds(region, [&](const model::ImportRow& row) {
        writer->Write(row);
        ++rows;
      });
    });
    writer->Save(PathFromUtf8(path), path);
    ctx.err << TrFormat("{1} rows exported", {std::to_string(rows)}) << "\n";
    return kExitOk;
  }
  std::ofstream file;
  std::ostream* out = &ctx.data;
  if (const auto path = ctx.Option("output")) {
    file.open(PathFromUtf8(*path), std::ios::binary);
    if (!file) throw HouseholdFileError(TrFormat("cannot write {1}", {*path}));
    out = &file;
  }
  HouseholdCsvWriter writer(*out, {}, ctx.Has("chinese-header"));
  std::int64_t rows = 0;
  ReadReport(
      ctx, *db,
      [&](dal::pg::PgDatabase& source) {
        source.ExportHouseholds(region, [&](const model::ImportRow& row) {
          writer.Write(row);
          ++rows;
        });
      },
      [&] { return rows > 0; });
  if (!out->flush()) throw HouseholdFileError(Tr("cannot write the export"));
  if (file.is_open()) ctx.err << TrFormat("{1} rows exported", {std::to_string(rows)}) << "\n";
  return kExitOk;
}

int DemoData(CommandContext& ctx) {
  const bool synthetic = ctx.Has("households") || ctx.Has("seed");
  if (ctx.Has("csv") && !synthetic) throw std::invalid_argument(Tr("--csv goes with --households N [--seed S]"));
  if (!synthetic) {
    auto db = ConnectCurrent(ctx);
    const int regions = db->UpsertRegions(DemoRegions());
    dal::ImportOptions options;
    options.source = "demo";
    options.today = ctx.today;
    const auto outcome = db->Importer().Import(DemoHouseholdRows(), options);
    // Two Sanmen families referred to medical insurance, so the demo's
    // department liaison has something to see.
    const int referrals = db->ReferImportedHouseholds("demo", {"SM-0001", "SM-0002"}, "medical_insurance",
                                                      "medical_aid", "演示：核查住院费用，落实医疗救助");
    ctx.out << TrFormat("demo data: {1} regions and {2} referrals added; ",
                        {std::to_string(regions), std::to_string(referrals)});
    PrintOutcome(ctx, outcome, false);
    if (outcome.rowsRejected != 0) return kExitFailure;
    MakeDemoCases(*db, ctx.today, ctx.out);
    MakeDemoJointLoop(*db, ctx.today, ctx.out);
    LoadDemoCrosscheck(*db, ctx.today, ctx.out);
    return kExitOk;
  }
  const auto households = PositiveNumber(ctx, "households", 1000);
  const auto seed = static_cast<std::uint64_t>(PositiveNumber(ctx, "seed", 1));
  const auto registry = MakeSyntheticRegistry(households, seed, ctx.today);
  if (const auto csv = ctx.Option("csv")) {
    std::ofstream out(PathFromUtf8(*csv), std::ios::binary);
    HouseholdCsvWriter writer(out, {}, false);
    for (const auto& row : registry.rows) writer.Write(row);
    if (!out.flush()) throw HouseholdFileError(TrFormat("cannot write {1}", {*csv}));
    ctx.out << TrFormat("{1} persons in {2} households written to {3}",
                        {std::to_string(registry.rows.size()), std::to_string(households), *csv})
            << "\n";
    return kExitOk;
  }
  auto db = ConnectCurrent(ctx);
  const int regions = db->UpsertRegions(registry.regions);
  dal::ImportOptions options;
  options.source = "synthetic-" + std::to_string(seed);
  options.today = ctx.today;
  const auto outcome = db->Importer().Import(registry.rows, options);
  ctx.out << TrFormat("synthetic registry: {1} regions added; ", {std::to_string(regions)});
  PrintOutcome(ctx, outcome, false);
  return outcome.rowsRejected == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void ReadReport(CommandContext& ctx, dal::pg::PgDatabase& primary,
                const std::function<void(dal::pg::PgDatabase&)>& read, const std::function<bool()>& outputStarted) {
  dal::pg::ReportReader reader(ctx.reportConnection());
  const auto route = reader.Run(primary, read, outputStarted);
  if (const std::string text = dal::ReportRouteText(route); !text.empty()) ctx.err << text << "\n";
}

const std::vector<Command>& Commands() {
  static const std::vector<Command> all = [] {
    std::vector<Command> commands{
        {{"db", "migrate"},
         "db migrate",
         "apply pending schema migrations and changed schema files",
         "Applies, in one transaction, the schema migrations built into this program that the database lacks, in "
         "order, then every schema file (function, view, triggers, policies, grants) whose text differs from what "
         "the database has, with what depends on it. Safe to run again; refuses a database newer than this program "
         "or one made by migrations numbered differently.",
         {},
         0,
         DbMigrate},
        {{"db", "status"},
         "db status",
         "list applied and pending migrations and schema files",
         "Shows the server, the connection's encryption, every migration with when and by whom it was applied, "
         "each schema file not as this program has it, and whether this program supports the database's schema "
         "version.",
         {},
         0,
         DbStatus},
        {{"demo-data"},
         "demo-data [--households N [--seed S] [--csv FILE]]",
         "load demo or synthetic data",
         "Without options: loads the demo registry (regions and about a hundred households of Sanmen, Jinjiang "
         "and Dianjiang; fictional people). Loading it again reports the households as unchanged.\n"
         "With --households N: generates a synthetic registry of N households (about 2.5 persons each), the same "
         "for the same N and --seed S on every machine, and imports it (source synthetic-S), or with --csv FILE "
         "writes it in the import template instead, without connecting.",
         {"households", "seed", "csv"},
         0,
         DemoData},
        {{"import", "households"},
         "import households FILE [--sheet NAME] [--encoding auto|utf-8|gbk] [--dry-run] [--report FILE.csv] "
         "[--source NAME]",
         "import households from a CSV file or an Excel workbook",
         "Imports households in the import template (docs/import-format.md) from a CSV file or an .xlsx "
         "workbook (told apart by content; the first sheet, or --sheet NAME). A household is stored whole or not "
         "at all; every rejected row is reported with its line, column and reason (in a workbook: its sheet, row "
         "and column letter). Households already imported "
         "from the same --source (default: default) are matched by household_ref: identical ones are reported "
         "unchanged, others updated.\n"
         "--dry-run validates only. --report writes the rejected rows with their reasons in the same template, "
         "to correct and import again. Exit code 0 when every row was accepted, 1 when any was rejected, 2 on "
         "any other failure.",
         {"sheet", "encoding", "dry-run", "report", "source"},
         1,
         ImportHouseholds},
        {{"export", "households"},
         "export households [--region PREFIX] [-o FILE] [--format csv|xlsx] [--chinese-header] [--report-db CONN]",
         "export the registry in the import template",
         "Writes the current registry (or the part under a region prefix of 2, 4, 6, 9 or 12 digits) in the "
         "import template: as CSV, UTF-8 with BOM, to standard output or -o FILE, or as an .xlsx workbook "
         "(--format xlsx, or -o FILE.xlsx) whose cells are all text, so IDs keep their digits. It holds full ID "
         "numbers and bank accounts: keep the file safe. Cells starting with = + - @ get a leading apostrophe, so "
         "that spreadsheets show them as text, not as formulas. It is read from the report standby (the "
         "profile's report key, or --report-db CONN) when that is up and not too far behind, else from the "
         "primary, which a line then says.",
         {"region", "output", "format", "chinese-header", "report-db"},
         0,
         ExportHouseholds},
    };
    for (auto& c : UserCommands()) commands.push_back(std::move(c));
    for (auto& c : AuditCommands()) commands.push_back(std::move(c));
    for (auto& c : ParameterCommands()) commands.push_back(std::move(c));
    for (auto& c : CaseCommands()) commands.push_back(std::move(c));
    for (auto& c : DocumentCommands()) commands.push_back(std::move(c));
    for (auto& c : CrosscheckCommands()) commands.push_back(std::move(c));
    for (auto& c : ScreenCommands()) commands.push_back(std::move(c));
    for (auto& c : ScheduleCommands()) commands.push_back(std::move(c));
    for (auto& c : ReferralCommands()) commands.push_back(std::move(c));
    for (auto& c : PairingCommands()) commands.push_back(std::move(c));
    for (auto& c : FundCommands()) commands.push_back(std::move(c));
    for (auto& c : IntakeCommands()) commands.push_back(std::move(c));
    for (auto& c : AttachmentCommands()) commands.push_back(std::move(c));
    for (auto& c : HealthCommands()) commands.push_back(std::move(c));
    return commands;
  }();
  return all;
}

}  // namespace doudi::admin
