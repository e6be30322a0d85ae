#include "household_file.h"

#include "doudi/catalog/message_catalog.h"
#include "doudi/reports/xlsx.h"
#include "xlsx_file.h"

namespace doudi::admin {
namespace {

// The template's columns as its header may name them; in a workbook, an
// ID number or a bank account stored as a number has lost digits.
const std::vector<CsvColumnName> kHeaderNames = [] {
  std::vector<CsvColumnName> names;
  for (const auto& info : model::ImportColumns()) {
    const bool digits = info.column == model::ImportColumn::IdNumber || info.column == model::ImportColumn::BankAccount;
    names.push_back({info.code, info.chinese, info.required, digits});
  }
  return names;
}();

constexpr std::string_view kRowColumn = "household_ref";
constexpr std::string_view kFormatDoc = "docs/import-format.md";

HouseholdFile FromTable(CsvTable table) {
  HouseholdFile file;
  file.encoding = table.encoding;
  file.header = std::move(table.header);
  file.places = std::move(table.places);
  file.rows.reserve(table.rows.size());
  for (auto& read : table.rows) {
    model::ImportRow row;
    row.line = read.line;
    std::move(read.values.begin(), read.values.end(), row.values.begin());
    row.readProblems = std::move(read.readProblems);
    file.rows.push_back(std::move(row));
  }
  return file;
}

}  // namespace

HouseholdFile ParseHouseholdCsv(const std::string& bytes, FileEncoding encoding) {
  return FromTable(ParseCsvTable(bytes, encoding, kHeaderNames, kRowColumn, kFormatDoc));
}

HouseholdFile ParseHouseholdFile(const std::string& bytes, FileEncoding encoding,
                                 const std::optional<std::string>& sheet) {
  return FromTable(ParseTableFile(bytes, encoding, sheet, kHeaderNames, kRowColumn, kFormatDoc));
}

HouseholdFile ReadHouseholdFile(const std::filesystem::path& path, FileEncoding encoding,
                                const std::optional<std::string>& sheet) {
  return ParseHouseholdFile(ReadFileBytes(path), encoding, sheet);
}

std::vector<dal::pg::RegionEntry> ParseRegionsCsv(const std::string& text) {
  const auto records = SplitCsv(text);
  if (records.empty() || records.front().fields != std::vector<std::string>{"code", "name"}) {
    throw HouseholdFileError(catalog::Tr("line 1: a regions file starts with the header code,name"));
  }
  std::vector<dal::pg::RegionEntry> regions;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    if (r.fields.size() != 2 || r.fields[0].empty() || r.fields[1].empty()) {
      throw HouseholdFileError(catalog::TrFormat("line {1}: expected a code and a name", {std::to_string(r.line)}));
    }
    regions.push_back({r.fields[0], r.fields[1]});
  }
  return regions;
}

std::vector<std::string> HouseholdHeader(bool chineseHeader) {
  std::vector<std::string> header;
  for (const auto& info : model::ImportColumns()) header.emplace_back(chineseHeader ? info.chinese : info.code);
  return header;
}

HouseholdXlsxWriter::HouseholdXlsxWriter(bool chineseHeader) : m_chinese(chineseHeader) {}

void HouseholdXlsxWriter::Write(const model::ImportRow& row) { m_rows.push_back(row); }

void HouseholdXlsxWriter::Save(const std::filesystem::path& path, const std::string& shownPath) const {
  // Spreadsheet widths relative to a short name: an ID's 18 digits, an
  // address's words.
  constexpr double kDefaultWidth = 1.6, kDigitsWidth = 2.8, kFreeTextWidth = 4;
  reports::Table table;
  for (const auto& info : model::ImportColumns()) {
    const bool digits = info.column == model::ImportColumn::IdNumber || info.column == model::ImportColumn::BankAccount;
    const bool free = info.column == model::ImportColumn::Address || info.column == model::ImportColumn::BankName;
    reports::Column column;
    column.header = std::string(m_chinese ? info.chinese : info.code);
    column.width = digits ? kDigitsWidth : free ? kFreeTextWidth : kDefaultWidth;
    table.columns.push_back(std::move(column));
  }
  table.rows.reserve(m_rows.size());
  for (const auto& row : m_rows) {
    reports::Row cells;
    for (const auto& value : row.values) cells.cells.push_back(reports::TextCell(ProtectFormula(value)));
    table.rows.push_back(std::move(cells));
  }
  reports::Document document;
  document.title = m_chinese ? "家庭" : "households";
  document.blocks.emplace_back(std::move(table));
  try {
    reports::WriteXlsx(document, path);
  } catch (const std::exception&) {
    throw HouseholdFileError(catalog::TrFormat("cannot write {1}", {shownPath}));
  }
}

HouseholdCsvWriter::HouseholdCsvWriter(std::ostream& out, std::vector<std::string> extraColumns, bool chineseHeader)
    : m_writer(out), m_extra(extraColumns.size()) {
  std::vector<std::string> header = HouseholdHeader(chineseHeader);
  header.insert(header.end(), extraColumns.begin(), extraColumns.end());
  m_writer.Row(header);
}

void HouseholdCsvWriter::Write(const model::ImportRow& row, const std::vector<std::string>& extraValues) {
  std::vector<std::string> cells(row.values.begin(), row.values.end());
  for (std::size_t e = 0; e < m_extra; ++e) cells.push_back(e < extraValues.size() ? extraValues[e] : "");
  m_writer.Row(cells);
}

}  // namespace doudi::admin
