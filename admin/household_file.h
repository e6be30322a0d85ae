#pragma once
// Reading and writing household files in the import template: CSV in UTF-8
// (with or without BOM) or GBK, CRLF or LF line ends, RFC 4180 quoting, or
// an .xlsx workbook's sheet (xlsx_file.h).
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "csv_file.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/import_template.h"

namespace doudi::admin {

// A file that cannot be read as a household file at all: the CSV reader's
// refusal (unreadable, wrong encoding, a header that is not the template).
using HouseholdFileError = CsvFileError;

struct HouseholdFile {
  FileEncoding encoding = FileEncoding::Utf8;  // as detected or given
  std::vector<std::string> header;             // the header names as written
  std::vector<model::ImportRow> rows;
  CellPlaces places;  // a workbook's sheet and column letters
};

// Reads bytes of a CSV household file. Auto takes UTF-8 when the bytes are
// valid UTF-8 and GBK otherwise. A row with the wrong number of fields is
// kept with a read problem so its household is rejected as a whole.
// Throws HouseholdFileError.
HouseholdFile ParseHouseholdCsv(const std::string& bytes, FileEncoding encoding);
// A household file of either kind, chosen by its content (ParseTableFile):
// CSV, or the sheet (by default the first) of an .xlsx workbook.
HouseholdFile ParseHouseholdFile(const std::string& bytes, FileEncoding encoding,
                                 const std::optional<std::string>& sheet);
HouseholdFile ReadHouseholdFile(const std::filesystem::path& path, FileEncoding encoding,
                                const std::optional<std::string>& sheet = {});

// A regions file: header code,name then one region a line (UTF-8).
// Throws HouseholdFileError naming the line of a malformed row.
std::vector<dal::pg::RegionEntry> ParseRegionsCsv(const std::string& text);

// Writes rows in the template with the given header names (English when
// empty) as UTF-8 with BOM and CRLF, which Excel on a desk PC opens as is.
// Every cell is written with ProtectFormula.
// The template's header names, English or Chinese.
std::vector<std::string> HouseholdHeader(bool chineseHeader);

// Collects rows in the template and saves them as an .xlsx workbook of one
// sheet (reports::WriteXlsx, libxlsxwriter): the header row bold and frozen,
// every cell a string as the CSV export writes it (ProtectFormula), so an ID
// keeps its 18 digits and a cell starting with = + - @ shows as text and
// never runs; ParseHouseholdFile reads it back to the same rows.
class HouseholdXlsxWriter {
 public:
  explicit HouseholdXlsxWriter(bool chineseHeader);
  void Write(const model::ImportRow& row);
  // Throws HouseholdFileError when the file cannot be written.
  void Save(const std::filesystem::path& path, const std::string& shownPath) const;

 private:
  bool m_chinese;
  std::vector<model::ImportRow> m_rows;
};

class HouseholdCsvWriter {
 public:
  HouseholdCsvWriter(std::ostream& out, std::vector<std::string> extraColumns, bool chineseHeader);
  void Write(const model::ImportRow& row, const std::vector<std::string>& extraValues = {});

 private:
  CsvWriter m_writer;
  std::size_t m_extra;
};

}  // namespace doudi::admin
