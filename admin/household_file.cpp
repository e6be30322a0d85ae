#include "utf8_path.h"
#include "household_file.h"

#include "doudi/catalog/message_catalog.h"
#include "doudi/model/text.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows936Encoding.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <ostream>
#include <set>

namespace doudi::admin {
namespace {

const std::vector<std::string> kReportColumnsEnglish{"error_line", "error_column", "error_code", "error_message"};
const std::vector<std::string> kReportColumnsChinese{"错误行号", "错误列", "错误代码", "错误说明"};
// Columns a rejection report adds; a clerk re-imports a corrected report,
// so they are accepted and ignored.
const std::set<std::string> kReportColumns = [] {
  std::set<std::string> names(kReportColumnsEnglish.begin(), kReportColumnsEnglish.end());
  names.insert(kReportColumnsChinese.begin(), kReportColumnsChinese.end());
  return names;
}();

// Strict: overlong forms and surrogates are not UTF-8. GBK text can look
// like them (来 is C0 B4), and must then be read as GBK.
bool IsValidUtf8(const std::string& s) {
  return model::CountUtf8CodePoints(s).has_value();
}

std::string GbkToUtf8(const std::string& bytes) {
  Poco::Windows936Encoding gbk;
  Poco::UTF8Encoding utf8;
  Poco::TextConverter converter(gbk, utf8);
  std::string out;
  if (converter.convert(bytes, out) != 0) {
    throw HouseholdFileError(catalog::Tr("the file is neither UTF-8 nor GBK text (try --encoding)"));
  }
  return out;
}

// RFC 4180 records with the physical line each starts on.
struct CsvRecord {
  std::int64_t line = 0;
  std::vector<std::string> fields;
};

std::vector<CsvRecord> SplitCsv(const std::string& text) {
  std::vector<CsvRecord> records;
  CsvRecord current{1, {}};
  std::string field;
  std::int64_t line = 1;
  std::int64_t quoteStart = 0;
  bool inQuotes = false, fieldStarted = false;
  auto endField = [&] {
    current.fields.push_back(std::move(field));
    field.clear();
    fieldStarted = false;
  };
  auto endRecord = [&] {
    const bool blank = current.fields.empty() && field.empty() && !fieldStarted;
    if (!blank) {
      endField();
      records.push_back(std::move(current));
    }
    current = CsvRecord{line + 1, {}};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inQuotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          inQuotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      inQuotes = true;
      fieldStarted = true;
      quoteStart = line;
    } else if (c == ',') {
      endField();
      fieldStarted = true;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // CRLF: the LF ends the record.
    } else if (c == '\n') {
      endRecord();
      ++line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (inQuotes) {
    throw HouseholdFileError(
        catalog::TrFormat("line {1}: a quoted field is never closed", {std::to_string(quoteStart)}));
  }
  endRecord();
  return records;
}

std::vector<int> MapHeader(const std::vector<std::string>& header) {
  std::vector<int> map;  // field index -> column index, -1 ignored
  std::set<model::ImportColumn> seen;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = header[i];
    // Report columns, and nameless ones (spreadsheets leave trailing commas).
    if (kReportColumns.count(name) != 0 || name.empty()) {
      map.push_back(-1);
      continue;
    }
    const auto column = model::ParseImportColumn(name);
    if (!column) {
      throw HouseholdFileError(catalog::TrFormat("line 1, field {1}: unknown column '{2}' (see docs/import-format.md)",
                                                 {std::to_string(i + 1), name}));
    }
    if (!seen.insert(*column).second) {
      throw HouseholdFileError(
          catalog::TrFormat("line 1: the column {1} appears twice", {model::ColumnInfo(*column).code}));
    }
    map.push_back(static_cast<int>(*column));
  }
  for (const auto& info : model::ImportColumns()) {
    if (info.required && seen.count(info.column) == 0) {
      throw HouseholdFileError(
          catalog::TrFormat("line 1: the required column {1} ({2}) is missing", {info.code, info.chinese}));
    }
  }
  return map;
}

}  // namespace

HouseholdFile ParseHouseholdCsv(const std::string& bytes, FileEncoding encoding) {
  HouseholdFile file;
  std::string text = bytes;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
    text.erase(0, 3);
    if (encoding == FileEncoding::Auto) encoding = FileEncoding::Utf8;
  }
  if (encoding == FileEncoding::Auto) encoding = IsValidUtf8(text) ? FileEncoding::Utf8 : FileEncoding::Gbk;
  if (encoding == FileEncoding::Gbk) {
    text = GbkToUtf8(text);
  } else if (!IsValidUtf8(text)) {
    throw HouseholdFileError(catalog::Tr("the file is not valid UTF-8 (is it GBK? try --encoding gbk)"));
  }
  file.encoding = encoding;
  auto records = SplitCsv(text);
  if (records.empty()) throw HouseholdFileError(catalog::Tr("the file is empty: line 1 must be the header"));
  file.header = records.front().fields;
  for (auto& h : file.header) h = std::string(model::TrimAsciiWhitespace(h));
  const auto map = MapHeader(file.header);
  file.rows.reserve(records.size() - 1);
  for (std::size_t r = 1; r < records.size(); ++r) {
    model::ImportRow row;
    row.line = records[r].line;
    const auto& fields = records[r].fields;
    // A row of empty cells is a row a spreadsheet cleared, not data.
    const bool allBlank = std::all_of(fields.begin(), fields.end(),
                                      [](const std::string& f) { return model::TrimAsciiWhitespace(f).empty(); });
    if (allBlank) continue;
    for (std::size_t i = 0; i < fields.size() && i < map.size(); ++i) {
      if (map[i] >= 0) {
        row.values[static_cast<std::size_t>(map[i])] = UnprotectFormula(fields[i]);
      } else if (file.header[i].empty() && !model::TrimAsciiWhitespace(fields[i]).empty()) {
        row.readProblems.push_back(model::MakeImportProblem(row.line, "household_ref", "row.unnamed_column",
                                                            "field {1} holds a value but its column has no name",
                                                            {std::to_string(i + 1)}));
      }
    }
    if (fields.size() != map.size()) {
      row.readProblems.push_back(model::MakeImportProblem(row.line, "household_ref", "row.field_count",
                                                          "the row has {1} fields, the header {2}",
                                                          {std::to_string(fields.size()), std::to_string(map.size())}));
    }
    file.rows.push_back(std::move(row));
  }
  return file;
}

HouseholdFile ReadHouseholdFile(const std::filesystem::path& path, FileEncoding encoding) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw HouseholdFileError(catalog::TrFormat("cannot open {1}", {PathToUtf8(path)}));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw HouseholdFileError(catalog::TrFormat("cannot read {1}", {PathToUtf8(path)}));
  return ParseHouseholdCsv(bytes, encoding);
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

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string ProblemText(const model::ImportProblem& problem) {
  if (problem.messageId.empty()) return catalog::Tr(problem.message);
  return catalog::Format(catalog::Tr(problem.messageId), problem.args);
}

std::vector<std::string> ReportColumns(bool chinese) {
  return chinese ? kReportColumnsChinese : kReportColumnsEnglish;
}

bool NeedsFormulaProtection(std::string_view value) {
  const auto first = value.find_first_not_of('\'');
  return first != std::string_view::npos && std::string_view("=+-@\t\r").find(value[first]) != std::string_view::npos;
}

std::string ProtectFormula(const std::string& value) {
  return NeedsFormulaProtection(value) ? "'" + value : value;
}

std::string UnprotectFormula(const std::string& value) {
  if (value.size() > 1 && value.front() == '\'' && NeedsFormulaProtection(std::string_view(value).substr(1))) {
    return value.substr(1);
  }
  return value;
}

HouseholdCsvWriter::HouseholdCsvWriter(std::ostream& out, std::vector<std::string> extraColumns, bool chineseHeader)
    : m_out(out), m_extra(extraColumns.size()) {
  m_out << "\xEF\xBB\xBF";
  bool first = true;
  for (const auto& info : model::ImportColumns()) {
    m_out << (first ? "" : ",") << (chineseHeader ? info.chinese : info.code);
    first = false;
  }
  for (const auto& extra : extraColumns) m_out << ',' << CsvField(ProtectFormula(extra));
  m_out << "\r\n";
}

void HouseholdCsvWriter::Write(const model::ImportRow& row, const std::vector<std::string>& extraValues) {
  for (std::size_t c = 0; c < model::kImportColumnCount; ++c) {
    m_out << (c == 0 ? "" : ",") << CsvField(ProtectFormula(row.values[c]));
  }
  for (std::size_t e = 0; e < m_extra; ++e) {
    m_out << ',' << (e < extraValues.size() ? CsvField(ProtectFormula(extraValues[e])) : "");
  }
  m_out << "\r\n";
}

}  // namespace doudi::admin
