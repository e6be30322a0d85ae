#pragma once
// Reading .xlsx workbooks (Office Open XML spreadsheets as Excel, WPS and
// LibreOffice save them) as import files, beside the CSV reader: the zip
// through Poco Zip, the parts through Poco XML's SAX parser. A sheet's rows
// become the same CsvTable the CSV reader makes, so the checks and the
// per-line report are the same; the table remembers the sheet and each
// column's letter so that a problem names its cell ("Sheet1 第7行 C列").
//
// What is read (docs/import-format.md, "Excel workbooks"): the sheet list
// (xl/workbook.xml and its relationships), shared strings with rich-text
// runs (phonetic runs left out), inline strings, formula results as Excel
// cached them, numbers, booleans, error values (a problem on the cell), and
// the styles' number formats, so that a number shown as a date (built-in
// formats 14-22, 27-36, 45-47, 50-58, or a custom format with date or time
// tokens) reads as YYYY-MM-DD in the workbook's 1900 or 1904 date system.
// Rows and cells may be sparse (their r attributes). The header is the
// sheet's first row with a value.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "csv_file.h"

namespace doudi::admin {

// Whether bytes start like a zip archive ("PK\3\4"), as every .xlsx does.
bool IsZipArchive(std::string_view bytes);

// The workbook's sheet names in order. Throws CsvFileError when bytes are
// not a readable .xlsx workbook.
std::vector<std::string> XlsxSheetNames(const std::string& bytes);

// The rows of one sheet (sheet, or the first visible one) read with a
// format's columns as ParseCsvTable reads a CSV file: the header mapped by
// the same rules, rows of empty cells skipped, each string cell's formula
// protection taken off. A number in a column is its digits when it is a
// whole number below 10^15, otherwise as Excel shows it with 15 significant
// digits (1234.5, 0.3); a number in a column marked digitsOnly (an ID
// number, a bank account), or a whole number of 10^15 or more anywhere, is
// refused on its row as "<column>.stored_as_number" naming the cell, since
// Excel has kept only 15 of its digits. Throws CsvFileError for a file that
// is not a workbook, a sheet that is not there (naming the sheets), or a
// damaged part.
CsvTable ParseXlsxTable(const std::string& bytes, const std::optional<std::string>& sheet,
                        std::span<const CsvColumnName> columns, std::string_view rowColumn,
                        std::string_view formatDoc, const std::function<void(std::int64_t)>& onRecords = {});

// An import file of either kind, chosen by its content: an .xlsx workbook
// (a zip archive) is read with ParseXlsxTable, anything else that is text
// with ParseCsvTable. An Excel 97-2003 .xls file, or bytes that are neither
// (at least 1% NUL bytes in the first 8 KiB: a picture, a PDF, UTF-16), are
// refused saying so; --sheet with a CSV file is refused too. Throws
// CsvFileError.
CsvTable ParseTableFile(const std::string& bytes, FileEncoding encoding, const std::optional<std::string>& sheet,
                        std::span<const CsvColumnName> columns, std::string_view rowColumn,
                        std::string_view formatDoc, const std::function<void(std::int64_t)>& onRecords = {});

// "A" for column 0, "Z" for 25, "AA" for 26: a spreadsheet column's letters.
std::string ColumnLetters(std::size_t column);

// The date of an Excel serial day number as YYYY-MM-DD: the 1900 date
// system (day 1 is 1900-01-01, with Excel's day 60, the 1900-02-29 that
// never was, given as such so a date check refuses it) or, date1904, the
// 1904 one (day 0 is 1904-01-01); a time of day is dropped. nullopt for a
// day before the system's first or after 9999-12-31.
std::optional<std::string> SerialDate(double serial, bool date1904);

// Whether a number format code shows a date or a time: outside quoted text,
// escaped characters and [colour]/[$-locale] brackets it has y, m, d, h or
// s (any case) or AM/PM or an elapsed-time bracket ([h], [mm], [ss]).
bool IsDateFormatCode(std::string_view code);

}  // namespace doudi::admin
