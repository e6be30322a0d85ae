#include "csv_file.h"
#include "utf8_path.h"

#include "doudi/catalog/message_catalog.h"
#include "doudi/model/text.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows936Encoding.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

namespace doudi::admin {
namespace {

constexpr std::int64_t kProgressStep = 10'000;

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
    throw CsvFileError(catalog::Tr("the file is neither UTF-8 nor GBK text (try --encoding)"));
  }
  return out;
}

std::vector<CsvRecord> Split(const std::string& text, const std::function<void(std::int64_t)>& onRecords) {
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
      if (onRecords && records.size() % kProgressStep == 0) onRecords(static_cast<std::int64_t>(records.size()));
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
    throw CsvFileError(catalog::TrFormat("line {1}: a quoted field is never closed", {std::to_string(quoteStart)}));
  }
  endRecord();
  return records;
}

}  // namespace

std::vector<int> MapHeaderColumns(const std::vector<std::string>& header, std::span<const CsvColumnName> columns,
                                  std::string_view formatDoc) {
  std::vector<int> map;
  std::vector<bool> seen(columns.size(), false);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& name = header[i];
    // Report columns, and nameless ones (spreadsheets leave trailing commas).
    if (kReportColumns.count(name) != 0 || name.empty()) {
      map.push_back(-1);
      continue;
    }
    const auto column = std::find_if(columns.begin(), columns.end(), [&](const CsvColumnName& c) {
      return model::NamesColumn(name, c.code, c.chinese);
    });
    if (column == columns.end()) {
      throw CsvFileError(catalog::TrFormat("line 1, field {1}: unknown column '{2}' (see {3})",
                                           {std::to_string(i + 1), name, std::string(formatDoc)}));
    }
    const auto index = static_cast<std::size_t>(column - columns.begin());
    if (seen[index]) {
      throw CsvFileError(catalog::TrFormat("line 1: the column {1} appears twice", {std::string(column->code)}));
    }
    seen[index] = true;
    map.push_back(static_cast<int>(index));
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].required && !seen[c]) {
      throw CsvFileError(catalog::TrFormat("line 1: the required column {1} ({2}) is missing",
                                           {std::string(columns[c].code), std::string(columns[c].chinese)}));
    }
  }
  return map;
}

model::ImportProblem UnnamedColumnProblem(std::int64_t line, std::string_view rowColumn, std::size_t field) {
  return model::MakeImportProblem(line, std::string(rowColumn), "row.unnamed_column",
                                  "field {1} holds a value but its column has no name", {std::to_string(field)});
}

FileEncoding ParseFileEncoding(const std::optional<std::string>& text) {
  if (!text || *text == "auto") return FileEncoding::Auto;
  if (*text == "utf-8" || *text == "utf8") return FileEncoding::Utf8;
  if (*text == "gbk" || *text == "gb18030" || *text == "cp936") return FileEncoding::Gbk;
  throw std::invalid_argument(catalog::TrFormat("--encoding is auto, utf-8 or gbk, not '{1}'", {*text}));
}

std::vector<CsvRecord> SplitCsv(const std::string& text) { return Split(text, {}); }

CsvTable ParseCsvTable(const std::string& bytes, FileEncoding encoding, std::span<const CsvColumnName> columns,
                       std::string_view rowColumn, std::string_view formatDoc,
                       const std::function<void(std::int64_t)>& onRecords) {
  CsvTable table;
  std::string text = bytes;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
    text.erase(0, 3);
    if (encoding == FileEncoding::Auto) encoding = FileEncoding::Utf8;
  }
  if (encoding == FileEncoding::Auto) encoding = IsValidUtf8(text) ? FileEncoding::Utf8 : FileEncoding::Gbk;
  if (encoding == FileEncoding::Gbk) {
    text = GbkToUtf8(text);
  } else if (!IsValidUtf8(text)) {
    throw CsvFileError(catalog::Tr("the file is not valid UTF-8 (is it GBK? try --encoding gbk)"));
  }
  table.encoding = encoding;
  auto records = Split(text, onRecords);
  text.clear();
  if (records.empty()) throw CsvFileError(catalog::Tr("the file is empty: line 1 must be the header"));
  table.header = records.front().fields;
  for (auto& h : table.header) h = std::string(model::TrimAsciiWhitespace(h));
  const auto map = MapHeaderColumns(table.header, columns, formatDoc);
  const std::string problemColumn(rowColumn);
  table.rows.reserve(records.size() - 1);
  for (std::size_t r = 1; r < records.size(); ++r) {
    model::FileRow row;
    row.line = records[r].line;
    auto& fields = records[r].fields;
    // A row of empty cells is a row a spreadsheet cleared, not data.
    const bool allBlank = std::all_of(fields.begin(), fields.end(),
                                      [](const std::string& f) { return model::TrimAsciiWhitespace(f).empty(); });
    if (allBlank) continue;
    row.values.resize(columns.size());
    for (std::size_t i = 0; i < fields.size() && i < map.size(); ++i) {
      if (map[i] >= 0) {
        row.values[static_cast<std::size_t>(map[i])] = UnprotectFormula(fields[i]);
      } else if (table.header[i].empty() && !model::TrimAsciiWhitespace(fields[i]).empty()) {
        row.readProblems.push_back(UnnamedColumnProblem(row.line, problemColumn, i + 1));
      }
    }
    if (fields.size() != map.size()) {
      row.readProblems.push_back(model::MakeImportProblem(row.line, problemColumn, "row.field_count",
                                                          "the row has {1} fields, the header {2}",
                                                          {std::to_string(fields.size()), std::to_string(map.size())}));
    }
    fields = {};
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string ReadFileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CsvFileError(catalog::TrFormat("cannot open {1}", {PathToUtf8(path)}));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw CsvFileError(catalog::TrFormat("cannot read {1}", {PathToUtf8(path)}));
  return bytes;
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

void PrintProblems(std::ostream& err, const std::vector<model::ImportProblem>& problems, const CellPlaces& places) {
  constexpr std::size_t kShown = 100;
  for (std::size_t i = 0; i < problems.size() && i < kShown; ++i) {
    const auto& p = problems[i];
    const std::string line = std::to_string(p.line);
    if (places.sheet.empty()) {
      err << catalog::TrFormat("line {1}, {2}: {3}: {4}", {line, p.column, p.code, ProblemText(p)});
    } else if (const auto letter = places.letters.find(p.column); letter != places.letters.end()) {
      err << catalog::TrFormat("{1} row {2} column {3}, {4}: {5}: {6}",
                               {places.sheet, line, letter->second, p.column, p.code, ProblemText(p)});
    } else {
      err << catalog::TrFormat("{1} row {2}, {3}: {4}: {5}", {places.sheet, line, p.column, p.code, ProblemText(p)});
    }
    err << "\n";
  }
  if (problems.size() > kShown) {
    err << catalog::TrFormat("... and {1} more problems (write them all with --report)",
                             {std::to_string(problems.size() - kShown)})
        << "\n";
  }
}

std::vector<std::string> ReportColumns(bool chinese) {
  return chinese ? kReportColumnsChinese : kReportColumnsEnglish;
}

bool IsChineseHeader(const std::vector<std::string>& header) {
  return !header.empty() && !header.front().empty() && static_cast<unsigned char>(header.front().front()) >= 0x80;
}

std::map<std::int64_t, std::vector<std::string>> ReportCellsByLine(const std::vector<model::ImportProblem>& problems) {
  std::map<std::int64_t, std::vector<std::string>> cells;
  for (const auto& p : problems) {
    auto& line = cells[p.line];
    if (line.empty()) {
      line = {std::to_string(p.line), p.column, p.code, ProblemText(p)};
    } else {
      line[1] += " | " + p.column;
      line[2] += " | " + p.code;
      line[3] += " | " + ProblemText(p);
    }
  }
  return cells;
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

CsvWriter::CsvWriter(std::ostream& out) : m_out(out) { m_out << "\xEF\xBB\xBF"; }

void CsvWriter::Row(const std::vector<std::string>& cells) {
  for (std::size_t c = 0; c < cells.size(); ++c) m_out << (c == 0 ? "" : ",") << CsvField(ProtectFormula(cells[c]));
  m_out << "\r\n";
}

}  // namespace doudi::admin
