#include "household_file.h"

#include "doudi/catalog/message_catalog.h"

namespace doudi::admin {
namespace {

// The template's columns as its header may name them.
const std::vector<CsvColumnName> kHeaderNames = [] {
  std::vector<CsvColumnName> names;
  for (const auto& info : model::ImportColumns()) names.push_back({info.code, info.chinese, info.required});
  return names;
}();

}  // namespace

HouseholdFile ParseHouseholdCsv(const std::string& bytes, FileEncoding encoding) {
  auto table = ParseCsvTable(bytes, encoding, kHeaderNames, "household_ref", "docs/import-format.md");
  HouseholdFile file;
  file.encoding = table.encoding;
  file.header = std::move(table.header);
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

HouseholdFile ReadHouseholdFile(const std::filesystem::path& path, FileEncoding encoding) {
  return ParseHouseholdCsv(ReadFileBytes(path), encoding);
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

HouseholdCsvWriter::HouseholdCsvWriter(std::ostream& out, std::vector<std::string> extraColumns, bool chineseHeader)
    : m_writer(out), m_extra(extraColumns.size()) {
  std::vector<std::string> header;
  for (const auto& info : model::ImportColumns()) header.emplace_back(chineseHeader ? info.chinese : info.code);
  header.insert(header.end(), extraColumns.begin(), extraColumns.end());
  m_writer.Row(header);
}

void HouseholdCsvWriter::Write(const model::ImportRow& row, const std::vector<std::string>& extraValues) {
  std::vector<std::string> cells(row.values.begin(), row.values.end());
  for (std::size_t e = 0; e < m_extra; ++e) cells.push_back(e < extraValues.size() ? extraValues[e] : "");
  m_writer.Row(cells);
}

}  // namespace doudi::admin
