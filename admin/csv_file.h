#pragma once
// Reading and writing the CSV files doudi-admin imports and reports on (the
// household template, the cross-check kinds): UTF-8 with or without BOM or
// GBK, CRLF or LF line ends, RFC 4180 quoting, a header of Chinese or
// English column names, and the formula protection of every cell written.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/model/import_template.h"

namespace doudi::admin {

enum class FileEncoding { Auto, Utf8, Gbk };

// --encoding: auto (or absent), utf-8/utf8, gbk/gb18030/cp936. Throws
// std::invalid_argument for anything else.
FileEncoding ParseFileEncoding(const std::optional<std::string>& text);

// A file that cannot be read as an import file at all: unreadable, wrong
// encoding, or a header that is not the format's. what() names the line.
class CsvFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// RFC 4180 records with the physical line each starts on.
struct CsvRecord {
  std::int64_t line = 0;
  std::vector<std::string> fields;
};

// Every record of text (UTF-8). Throws CsvFileError for a quote never closed.
std::vector<CsvRecord> SplitCsv(const std::string& text);

// A column of a format as its header may name it.
struct CsvColumnName {
  std::string_view code;     // English, any ASCII case
  std::string_view chinese;
  bool required;             // the header must name it
  // A number of digits (an ID number, a bank account): in a workbook, a cell
  // stored as a number is refused (Excel keeps 15 significant digits).
  bool digitsOnly = false;
};

// Where in a workbook a file's problems are: the sheet and, by a format
// column's code, the letter of the column holding it. Empty for a CSV
// file, whose problems name their line.
struct CellPlaces {
  std::string sheet;
  std::map<std::string, std::string, std::less<>> letters;
};

struct CsvTable {
  FileEncoding encoding = FileEncoding::Utf8;  // as detected or given
  std::vector<std::string> header;             // the header names as written
  // Values by the index of the format's column (empty for a column the
  // header leaves out). Rows of empty cells are skipped. A row with the
  // wrong number of fields, or with a value under a nameless header cell,
  // is kept with a read problem on rowColumn.
  std::vector<model::FileRow> rows;
  CellPlaces places;  // a workbook's sheet and column letters
};

// The bytes of a file of format columns: decoded (Auto takes UTF-8 after a
// BOM or when the bytes are valid UTF-8, GBK otherwise), split, the header
// mapped (names in Chinese or English in any order; the report columns and
// nameless ones ignored; an unknown name, a column named twice or a
// required one missing refuse the file naming formatDoc), each cell's
// formula protection taken off. onRecords, when given, hears how many
// records are read every few thousand. Throws CsvFileError.
CsvTable ParseCsvTable(const std::string& bytes, FileEncoding encoding, std::span<const CsvColumnName> columns,
                       std::string_view rowColumn, std::string_view formatDoc,
                       const std::function<void(std::int64_t)>& onRecords = {});

// A whole file's bytes. Throws CsvFileError naming the file.
std::string ReadFileBytes(const std::filesystem::path& path);

// A problem's message in the language in use (doudi_catalog): its template
// translated and filled with its values.
std::string ProblemText(const model::ImportProblem& problem);

// The header's names mapped to the format's columns: by field, the index of
// the column it names, -1 for a report column or a nameless one. An unknown
// name, a column named twice or a required one missing refuse the file
// (CsvFileError naming formatDoc).
std::vector<int> MapHeaderColumns(const std::vector<std::string>& header, std::span<const CsvColumnName> columns,
                                  std::string_view formatDoc);
// The read problem of a value under a nameless header cell (field is 1-based).
model::ImportProblem UnnamedColumnProblem(std::int64_t line, std::string_view rowColumn, std::size_t field);

// The first hundred problems, one a line ("line 7, id_number: code: text",
// or in a workbook "Sheet1 row 7 column E, id_number: code: text"), and how
// many more --report would write.
void PrintProblems(std::ostream& err, const std::vector<model::ImportProblem>& problems,
                   const CellPlaces& places = {});

// The names of the four columns a rejection report adds: error_line,
// error_column, error_code, error_message, or in Chinese (错误行号, 错误列,
// 错误代码, 错误说明) for a file with a Chinese header. Either set is
// accepted and ignored when a corrected report is imported again.
std::vector<std::string> ReportColumns(bool chinese);
// Whether a header is written in Chinese (its first name is not ASCII), so
// that a report speaks the header language of the file it reports on.
bool IsChineseHeader(const std::vector<std::string>& header);
// The four report cells of each line with a problem: the line, then the
// columns, codes and messages of all its problems joined by " | ".
std::map<std::int64_t, std::vector<std::string>> ReportCellsByLine(const std::vector<model::ImportProblem>& problems);

// One CSV field quoted when it needs to be.
std::string CsvField(const std::string& value);

// Formula protection. Excel and WPS take a cell that starts with = + - @
// (or TAB or CR before one of them) as a formula even when it is quoted, so
// `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` in a name or address would run
// on the clerk's PC. Doudi writes such a cell with a leading apostrophe,
// which spreadsheets show as text; it is visible, so nobody mistakes the
// cell for a formula. A cell that would need it is one starting with one of
// = + - @ TAB CR, or with apostrophes followed by one of them (so a value
// that itself starts "'=" survives the round trip).
bool NeedsFormulaProtection(std::string_view value);
// value with the apostrophe prepended when NeedsFormulaProtection.
std::string ProtectFormula(const std::string& value);
// Exactly what ProtectFormula added taken off again: one leading apostrophe
// when what follows NeedsFormulaProtection; any other value unchanged. So
// "'+86-13800138000" reads as "+86-13800138000", and a phone exported and
// imported again is the same.
std::string UnprotectFormula(const std::string& value);

// Writes a file as Excel on a desk PC opens it as is: UTF-8 with BOM, CRLF,
// every cell quoted when it needs to be and written with ProtectFormula.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out);
  void Row(const std::vector<std::string>& cells);

 private:
  std::ostream& m_out;
};

}  // namespace doudi::admin
