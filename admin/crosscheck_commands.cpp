// The crosscheck ... commands: cross-check data from other departments
// (docs/crosscheck-format.md) imported as batches, listed and withdrawn.
#include <algorithm>
#include <charconv>
#include <fstream>
#include <string>

#include "commands.h"
#include "csv_file.h"
#include "demo_data.h"
#include "doudi/model/crosscheck.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/sha256.h"
#include "doudi/model/text.h"
#include "terminal.h"
#include "xlsx_file.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

// --source and --authorization: at most this many characters (the
// database's limit on both).
constexpr std::size_t kMaxReferenceLength = 100;
constexpr std::size_t kMaxReasonLength = 500;

std::string KindCodes() {
  std::vector<std::string> codes;
  for (const auto& entry : model::EnumTexts<model::CrosscheckKind>()) codes.emplace_back(entry.code);
  return model::Join(codes, "|");
}

model::CrosscheckKind ParseKind(const std::string& text) {
  const auto kind = model::ParseCrosscheckKind(text);
  if (!kind) throw std::invalid_argument(TrFormat("the kind is one of {1}, not '{2}'", {KindCodes(), text}));
  return *kind;
}

// A required option's text: given, not blank, within limit, storable.
std::string ReferenceOption(const CommandContext& ctx, const std::string& option, std::size_t limit) {
  const std::string value(model::TrimAsciiWhitespace(ctx.Option(option).value_or("")));
  if (value.empty() || model::CheckStorableText(value, limit)) {
    throw std::invalid_argument(TrFormat(
        "--{1} is required: at most {2} characters, without control or invisible characters",
        {option, std::to_string(limit)}));
  }
  return value;
}

std::chrono::year_month_day AsOfOption(const CommandContext& ctx) {
  const auto text = ctx.Option("as-of");
  const auto date = text ? model::ParseIsoDate(*text) : std::nullopt;
  if (!date) throw std::invalid_argument(Tr("--as-of YYYY-MM-DD is required: the day the department's data is of"));
  if (*date > ctx.today) {
    throw std::invalid_argument(TrFormat("--as-of {1} is after today", {model::IsoDate(*date)}));
  }
  return *date;
}

std::vector<CsvColumnName> HeaderNames(const model::CrosscheckSpec& spec) {
  std::vector<CsvColumnName> names;
  for (const auto& c : spec.columns) {
    // In a workbook, an ID, an account or a credit code stored as a number
    // has lost digits.
    const bool digits = c.value == model::CrosscheckValue::IdNumber || c.value == model::CrosscheckValue::Account ||
                        c.value == model::CrosscheckValue::CreditCode;
    names.push_back({c.code, c.chinese, c.required, digits});
  }
  return names;
}

// The rejected rows as they were written, in the kind's columns, each with
// all its problems, to correct and import again.
void WriteReport(std::ofstream& out, const std::string& path, const model::CrosscheckSpec& spec,
                 const CsvTable& table, const std::vector<model::ImportProblem>& problems) {
  const bool chinese = IsChineseHeader(table.header);
  CsvWriter writer(out);
  std::vector<std::string> header;
  for (const auto& c : spec.columns) header.emplace_back(chinese ? c.chinese : c.code);
  for (auto& name : ReportColumns(chinese)) header.push_back(std::move(name));
  writer.Row(header);
  const auto byLine = ReportCellsByLine(problems);
  for (const auto& row : table.rows) {
    const auto it = byLine.find(row.line);
    if (it == byLine.end()) continue;
    std::vector<std::string> cells = row.values;
    cells.insert(cells.end(), it->second.begin(), it->second.end());
    writer.Row(cells);
  }
  if (!out.flush()) throw CsvFileError(TrFormat("cannot write the report {1}", {path}));
}

// Rows read, checked and stored, on one line; the work is reading, checking
// and storing each row once, so three units a row.
class ImportProgress {
 public:
  void Read(std::int64_t rows) {
    m_read = rows;
    Show(false);
  }
  void Checked(std::int64_t rows) {
    m_checked = rows;
    Show(false);
  }
  void Stored(std::int64_t rows, std::int64_t of) {
    m_stored = rows;
    m_toStore = of;
    Show(rows == of);
  }
  void Clear() { m_line.Clear(); }

 private:
  void Show(bool force) {
    const std::int64_t total = m_checked > 0 ? m_read * 2 + m_toStore : 0;
    m_line.Update(TrFormat("{1} rows read, {2} checked, {3} stored",
                           {std::to_string(m_read), std::to_string(m_checked), std::to_string(m_stored)}) +
                      (m_toStore > 0 && m_stored == m_toStore ? Tr("; the database is matching them") : ""),
                  m_read + m_checked + m_stored, total, force);
  }

  ProgressLine m_line;
  std::int64_t m_read = 0, m_checked = 0, m_stored = 0, m_toStore = 0;
};

// The reader's and the server's problems together, by line.
std::vector<model::ImportProblem> AllProblems(std::vector<model::ImportProblem> reader,
                                              const std::vector<model::ImportProblem>& server) {
  reader.insert(reader.end(), server.begin(), server.end());
  std::stable_sort(reader.begin(), reader.end(),
                   [](const model::ImportProblem& a, const model::ImportProblem& b) { return a.line < b.line; });
  return reader;
}

std::int64_t LinesWithProblems(const std::vector<model::ImportProblem>& problems) {
  std::int64_t lines = 0;
  for (std::size_t i = 0; i < problems.size(); ++i) {
    if (i == 0 || problems[i].line != problems[i - 1].line) ++lines;
  }
  return lines;
}

int CrosscheckImport(CommandContext& ctx) {
  const auto kind = ParseKind(ctx.args.at(0));
  const model::CrosscheckSpec& spec = model::SpecOf(kind);
  dal::CrosscheckImportOptions options;
  options.kind = kind;
  options.sourceDepartment = ReferenceOption(ctx, "source", kMaxReferenceLength);
  options.asOf = AsOfOption(ctx);
  options.authorizationRef = ReferenceOption(ctx, "authorization", kMaxReferenceLength);
  options.dryRun = ctx.Has("dry-run");
  const auto encoding = ParseFileEncoding(ctx.Option("encoding"));
  // Open the report first: a report that cannot be written must not be
  // found out after the rows are stored.
  const auto reportPath = ctx.Option("report");
  std::ofstream report;
  if (reportPath) {
    report.open(PathFromUtf8(*reportPath), std::ios::binary);
    if (!report) throw CsvFileError(TrFormat("cannot write the report {1}; nothing was imported", {*reportPath}));
  }

  ImportProgress progress;
  const std::string bytes = ReadFileBytes(PathFromUtf8(ctx.args.at(1)));
  options.fileSha256 = model::Sha256Hex(bytes);
  const auto names = HeaderNames(spec);
  const CsvTable table = ParseTableFile(bytes, encoding, ctx.Option("sheet"), names, model::RowKeyColumn(spec),
                                        "docs/crosscheck-format.md", [&](std::int64_t rows) { progress.Read(rows); });
  progress.Read(static_cast<std::int64_t>(table.rows.size()));
  auto reading = model::ReadCrosscheckRows(kind, table.rows, options.asOf, ctx.today,
                                           [&](std::int64_t rows) { progress.Checked(rows); });
  options.rowsRead = reading.rowsRead;
  options.rowsRejected = reading.rowsRejected;

  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto toStore = static_cast<std::int64_t>(reading.rows.size());
  const auto outcome = db->Crosscheck().Import(reading.rows, options,
                                               [&](std::int64_t rows) { progress.Stored(rows, toStore); });
  progress.Clear();

  const auto problems = AllProblems(std::move(reading.problems), outcome.problems);
  const auto rejected = LinesWithProblems(problems);
  PrintProblems(ctx.err, problems, table.places);
  const std::string counts =
      TrFormat("{1}: {2} rows read, {3} rejected; {4} stored ({5} of them replacing an earlier row), {6} unchanged",
               {std::string(model::ToChinese(kind)), std::to_string(reading.rowsRead), std::to_string(rejected),
                std::to_string(outcome.stored), std::to_string(outcome.replaced), std::to_string(outcome.unchanged)});
  const std::string batch = outcome.batchId ? std::to_string(*outcome.batchId) : std::string();
  switch (outcome.result) {
    case dal::CrosscheckBatchResult::DryRun:
      ctx.out << Tr("dry run, nothing stored: ") << counts << "\n";
      break;
    case dal::CrosscheckBatchResult::AlreadyImported:
      ctx.out << TrFormat("this file from {1} was already imported as batch {2}; nothing changed",
                          {options.sourceDepartment, batch})
              << "\n";
      break;
    case dal::CrosscheckBatchResult::New:
      ctx.out << TrFormat("batch {1}: ", {batch}) << counts << "\n";
      break;
  }
  if (reportPath) {
    WriteReport(report, *reportPath, spec, table, problems);
    ctx.out << TrFormat("report of {1} rejected rows written to {2}", {std::to_string(rejected), *reportPath})
            << "\n";
  }
  return rejected == 0 ? kExitOk : kExitRowsRejected;
}

int CrosscheckList(CommandContext& ctx) {
  std::optional<model::CrosscheckKind> kind;
  if (const auto text = ctx.Option("kind")) kind = ParseKind(*text);
  const std::string format = ctx.Option("format").value_or("table");
  if (format != "table" && format != "csv") {
    throw std::invalid_argument(TrFormat("--format is table or csv, not '{1}'", {format}));
  }
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto batches = db->Crosscheck().Batches(kind);
  if (format == "csv") {
    CsvWriter writer(ctx.data);
    writer.Row({"batch_id", "kind", "source_department", "as_of", "authorization_ref", "file_sha256", "rows_read",
                "rows_stored", "rows_replaced", "rows_unchanged", "rows_rejected", "imported_by",
                "imported_at", "withdrawn_at", "withdrawn_by", "withdraw_reason"});
    for (const auto& b : batches) {
      writer.Row({std::to_string(b.id), b.kind, b.sourceDepartment, b.asOf, b.authorizationRef, b.fileSha256,
                  std::to_string(b.rowsRead), std::to_string(b.rowsStored), std::to_string(b.rowsReplaced),
                  std::to_string(b.rowsUnchanged), std::to_string(b.rowsRejected),
                  b.importedBy, b.importedAt, b.withdrawnAt.value_or(""), b.withdrawnBy, b.withdrawReason});
    }
    if (!ctx.data.flush()) throw CsvFileError(Tr("cannot write the list"));
    return kExitOk;
  }
  ctx.out << PadToWidth(Tr("batch"), 8) << PadToWidth(Tr("kind"), 16) << PadToWidth(Tr("source"), 20)
          << PadToWidth(Tr("data of"), 12) << PadToWidth(Tr("read/stored/replaced/unchanged/rejected"), 42)
          << PadToWidth(Tr("imported"), 28) << Tr("authorization") << "\n";
  for (const auto& b : batches) {
    const auto parsed = model::ParseCrosscheckKind(b.kind);
    ctx.out << PadToWidth(std::to_string(b.id), 8) << PadToWidth(parsed ? model::ToChinese(*parsed) : b.kind, 16)
            << PadToWidth(b.sourceDepartment, 20) << PadToWidth(b.asOf, 12)
            << PadToWidth(std::to_string(b.rowsRead) + " / " + std::to_string(b.rowsStored) + " / " +
                              std::to_string(b.rowsReplaced) + " / " + std::to_string(b.rowsUnchanged) + " / " +
                              std::to_string(b.rowsRejected),
                          42)
            << PadToWidth(b.importedAt + " " + b.importedBy, 28) << b.authorizationRef << "\n";
    if (b.withdrawnAt) {
      ctx.out << "        "
              << TrFormat("withdrawn {1} by {2}: {3}", {*b.withdrawnAt, b.withdrawnBy, b.withdrawReason}) << "\n";
    }
  }
  if (batches.empty()) ctx.out << Tr("no cross-check batches") << "\n";
  return kExitOk;
}

int CrosscheckWithdraw(CommandContext& ctx) {
  const std::string& text = ctx.args.at(0);
  std::int64_t batch = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), batch);
  if (error != std::errc() || end != text.data() + text.size() || batch <= 0) {
    throw std::invalid_argument(TrFormat("BATCH is a batch number as crosscheck list shows it, not '{1}'", {text}));
  }
  const std::string reason = ReferenceOption(ctx, "reason", kMaxReasonLength);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  db->Crosscheck().Withdraw(batch, reason);
  ctx.out << TrFormat("batch {1} withdrawn; the persons it named are screened again", {std::to_string(batch)})
          << "\n";
  return kExitOk;
}

}  // namespace

void LoadDemoCrosscheck(dal::pg::PgDatabase& db, std::chrono::year_month_day today, std::ostream& out) {
  // Who sends each kind to a county center.
  static constexpr std::pair<model::CrosscheckKind, const char*> kSources[] = {
      {model::CrosscheckKind::Medical, "医疗保障局"},       {model::CrosscheckKind::Hukou, "公安局"},
      {model::CrosscheckKind::Vehicle, "公安局交通管理大队"}, {model::CrosscheckKind::Business, "市场监督管理局"},
      {model::CrosscheckKind::Deposit, "中国人民银行县支行"}, {model::CrosscheckKind::Property, "自然资源和规划局"},
      {model::CrosscheckKind::Insurance, "人力资源和社会保障局"}, {model::CrosscheckKind::Schooling, "教育局"},
  };
  for (const auto& [kind, source] : kSources) {
    const std::string bytes = DemoCrosscheckFile(model::ToCode(kind));
    const model::CrosscheckSpec& spec = model::SpecOf(kind);
    const auto names = HeaderNames(spec);
    const CsvTable table = ParseCsvTable(bytes, FileEncoding::Utf8, names, model::RowKeyColumn(spec),
                                         "docs/crosscheck-format.md", {});
    auto reading = model::ReadCrosscheckRows(kind, table.rows, today, today, {});
    dal::CrosscheckImportOptions options;
    options.kind = kind;
    options.sourceDepartment = source;
    options.asOf = today;
    options.authorizationRef = "演示：县社会救助家庭经济状况核对协议";
    options.fileSha256 = model::Sha256Hex(bytes);
    options.rowsRead = reading.rowsRead;
    options.rowsRejected = reading.rowsRejected;
    const auto outcome = db.Crosscheck().Import(reading.rows, options);
    out << TrFormat("cross-check {1} from {2}: {3} rows stored, {4} rejected",
                    {std::string(model::ToChinese(kind)), source, std::to_string(outcome.stored),
                     std::to_string(reading.rowsRejected + static_cast<std::int64_t>(outcome.problems.size()))})
        << "\n";
  }
  int raised = 0;
  for (const auto& r : db.Alerts().Screen({}, "")) raised += r.raised + r.reraised;
  out << TrFormat("screening: {1} more alerts raised", {std::to_string(raised)}) << "\n";
}

std::vector<Command> CrosscheckCommands() {
  const std::string kinds = KindCodes();
  return {
      {{"crosscheck", "import"},
       "crosscheck import " + kinds +
           " FILE --source DEPARTMENT --as-of YYYY-MM-DD --authorization REF [--sheet NAME] "
           "[--encoding auto|utf-8|gbk] [--dry-run] [--report FILE.csv]",
       "import cross-check data a department sent",
       "Imports a file of cross-check data of one kind (docs/crosscheck-format.md), CSV or an .xlsx workbook "
       "(told apart by content; the first sheet, or --sheet NAME), as one batch: --source names "
       "the department that sent it, --as-of the day its data is of, --authorization the agreement or letter "
       "that allows the exchange. Every row is checked; rows with a problem are rejected and reported with "
       "their line, column and reason, the others stored in one transaction. A row whose key (a settlement "
       "number, a plate ...) the same department sent before replaces the earlier row; the same file again "
       "changes nothing. The screening rules that read the kind then run for the persons the batch named.\n"
       "--dry-run checks only. --report writes the rejected rows with their reasons, to correct and import "
       "again. Exit code 0 when every row was accepted, 1 when any was rejected, 2 on any other failure.",
       {"source", "as-of", "authorization", "sheet", "encoding", "dry-run", "report"},
       2,
       CrosscheckImport},
      {{"crosscheck", "list"},
       "crosscheck list [--kind " + kinds + "] [--format table|csv]",
       "list the cross-check batches",
       "Lists the cross-check batches you may see, newest first: kind, department, the day the data is of, row "
       "counts, who imported it when, the authorization, and whether it was withdrawn. --format csv writes "
       "them as CSV (UTF-8 with BOM) to standard output.",
       {"kind", "format"},
       0,
       CrosscheckList},
      {{"crosscheck", "withdraw"},
       "crosscheck withdraw BATCH --reason TEXT",
       "withdraw a cross-check batch imported by mistake",
       "Withdraws a batch: its rows no longer count, the rows it replaced count again, and the persons it "
       "named are screened again. Audited with the reason; the batch stays listed as withdrawn.",
       {"reason"},
       1,
       CrosscheckWithdraw},
  };
}

}  // namespace doudi::admin
