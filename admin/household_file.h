#pragma once
// Reading and writing household files in the import template: CSV in UTF-8
// (with or without BOM) or GBK, CRLF or LF line ends, RFC 4180 quoting.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/import_template.h"

namespace doudi::admin {

enum class FileEncoding { Auto, Utf8, Gbk };

// A file that cannot be read as a household file at all: unreadable, wrong
// encoding, or a header that is not the template. what() names the line.
class HouseholdFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct HouseholdFile {
  FileEncoding encoding = FileEncoding::Utf8;  // as detected or given
  std::vector<std::string> header;             // the header names as written
  std::vector<model::ImportRow> rows;
};

// Reads bytes of a CSV household file. Auto takes UTF-8 when the bytes are
// valid UTF-8 and GBK otherwise. A row with the wrong number of fields is
// kept with a read problem so its household is rejected as a whole.
// Throws HouseholdFileError.
HouseholdFile ParseHouseholdCsv(const std::string& bytes, FileEncoding encoding);
HouseholdFile ReadHouseholdFile(const std::filesystem::path& path, FileEncoding encoding);

// A regions file: header code,name then one region a line (UTF-8).
// Throws HouseholdFileError naming the line of a malformed row.
std::vector<dal::pg::RegionEntry> ParseRegionsCsv(const std::string& text);

// A problem's message in the language in use (doudi_catalog): its template
// translated and filled with its values.
std::string ProblemText(const model::ImportProblem& problem);

// The names of the four columns a rejection report adds: error_line,
// error_column, error_code, error_message, or in Chinese (错误行号, 错误列,
// 错误代码, 错误说明) for a file with a Chinese header. Either set is
// accepted and ignored when a corrected report is imported again.
std::vector<std::string> ReportColumns(bool chinese);

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

// Writes rows in the template with the given header names (English when
// empty) as UTF-8 with BOM and CRLF, which Excel on a desk PC opens as is.
// Every cell is written with ProtectFormula.
class HouseholdCsvWriter {
 public:
  HouseholdCsvWriter(std::ostream& out, std::vector<std::string> extraColumns, bool chineseHeader);
  void Write(const model::ImportRow& row, const std::vector<std::string>& extraValues = {});

 private:
  std::ostream& m_out;
  std::size_t m_extra;
};

}  // namespace doudi::admin
