#pragma once
// Reading and writing household files in the import template: CSV in UTF-8
// (with or without BOM) or GBK, CRLF or LF line ends, RFC 4180 quoting.
#include <filesystem>
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

// Writes rows in the template with the given header names (English when
// empty) as UTF-8 with BOM and CRLF, which Excel on a desk PC opens as is.
// Every cell is written with ProtectFormula.
class HouseholdCsvWriter {
 public:
  HouseholdCsvWriter(std::ostream& out, std::vector<std::string> extraColumns, bool chineseHeader);
  void Write(const model::ImportRow& row, const std::vector<std::string>& extraValues = {});

 private:
  CsvWriter m_writer;
  std::size_t m_extra;
};

}  // namespace doudi::admin
