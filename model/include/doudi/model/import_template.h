#pragma once
// The household import template (docs/import-format.md): its columns with
// their English and Chinese header names, and the checks a single row must
// pass on its own. Checks that need the other rows or the database (an ID
// twice in the file, the household's head, unknown regions) are the
// importer's.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/model/text.h"

namespace doudi::model {

enum class ImportColumn {
  HouseholdRef, RegionCode, Address, Name, IdNumber, Relation, MonthlyIncome, Phone,
  RegistryStatus, Housing, BankName, BankAccount, DisabilityCategory, DisabilityGrade,
  Illness, Schooling, Employment, WorkAbility,
};
inline constexpr std::size_t kImportColumnCount = 18;

struct ImportColumnInfo {
  ImportColumn column;
  std::string_view code;     // English header and the column's name in reports
  std::string_view chinese;  // Chinese header
  bool required;             // the header must be present
  bool householdLevel;       // read from the head's row; others may leave it empty
  std::size_t maxLength;     // code points a cell may hold (docs/import-format.md)
};

// Every column in template order.
std::span<const ImportColumnInfo> ImportColumns();
const ImportColumnInfo& ColumnInfo(ImportColumn column);
// The column a header names (English case-insensitively, or Chinese), after
// trimming spaces; nullopt for an unknown header.
std::optional<ImportColumn> ParseImportColumn(std::string_view header);
// Whether a header cell names the column whose English header is code (in
// any ASCII case) or whose Chinese header is chinese, spaces around it
// trimmed: the rule of every import file's header.
bool NamesColumn(std::string_view header, std::string_view code, std::string_view chinese);

// One data row of a file, by column; line is the 1-based physical line in
// the file where the row starts (the header is line 1).
// A problem with a row: the line, the column's code ("id_number"), a stable
// error code ("id_number.checksum_mismatch") and an English message. The
// message is also kept as its template and values (messageId "'{1}' is not
// a relation to the head", args {"表兄"}) so that a program can show it
// translated: Format(Tr(messageId), args).
struct ImportProblem {
  std::int64_t line = 0;
  std::string column;
  std::string code;
  std::string message;
  std::string messageId;
  std::vector<std::string> args;
  friend bool operator==(const ImportProblem&, const ImportProblem&) = default;
};

// A problem whose message is messageId with its places filled from args.
ImportProblem MakeImportProblem(std::int64_t line, std::string column, std::string code, std::string messageId,
                                std::vector<std::string> args = {});

// Whether problem is about the value of the column whose code is column
// (its code is "<column>.<reason>"), not about its row ("row.<reason>").
bool IsCellProblem(const ImportProblem& problem, std::string_view column);

// A problem's template and values in one text, messageId and each value
// separated by U+001F (which no stored value contains), as the importer's
// staging table keeps them; DecodeImportMessage reverses it.
std::string EncodeImportMessage(const ImportProblem& problem);
// The problem at line, column, code with the template and values of
// encoded; a text without U+001F is a template without values.
ImportProblem DecodeImportMessage(std::int64_t line, std::string column, std::string code, const std::string& encoded);

// The single-cell checks every import shares, each reporting as
// "<column>.<reason>" at line. CheckImportCell: the characters no field may
// hold and the column's limit of maxLength code points; a failing value is
// replaced by its SanitizedText. CheckImportIdNumber: a non-empty resident
// ID (full-width digits read as digits) that ResidentId::Parse accepts,
// replaced by its normalised text; only the first fault is reported.
std::optional<ImportProblem> CheckImportCell(std::int64_t line, std::string_view column, std::string& value,
                                             std::size_t maxLength, TextKind kind);
std::optional<ImportProblem> CheckImportIdNumber(std::int64_t line, std::string_view column, std::string& value,
                                                 std::chrono::year_month_day today);

// One data row of a file whose columns the caller defines (the cross-check
// kinds): the cells by the caller's column index, and the problems found
// while reading it (a wrong number of fields).
struct FileRow {
  std::int64_t line = 0;
  std::vector<std::string> values;
  std::vector<ImportProblem> readProblems;
};

struct ImportRow {
  std::int64_t line = 0;
  std::array<std::string, kImportColumnCount> values;
  // Problems found while reading the file (e.g. a wrong number of fields);
  // CheckImportRow reports them with its own.
  std::vector<ImportProblem> readProblems;

  const std::string& operator[](ImportColumn column) const { return values[static_cast<std::size_t>(column)]; }
  std::string& operator[](ImportColumn column) { return values[static_cast<std::size_t>(column)]; }
};

struct CheckedImportRow {
  // Values normalised for storage: trimmed, ID upper-case, enumerations as
  // their English codes, illnesses joined by ';'.
  ImportRow normalized;
  std::int64_t monthlyIncomeFen = 0;
  // The relation as written, to keep beside its category (ReadRelation).
  std::string relationTerm;
  std::vector<ImportProblem> problems;  // empty: the row is fine on its own
};

// Runs every check one row can pass or fail by itself. Every cell is first
// CheckStorableText within its column's maxLength ("<column>.<ReasonCode>",
// e.g. "name.control_character", "household_ref.too_long"); a cell that
// fails is normalised to SanitizedText, so no control character, NUL or
// over-long value goes further, and is not checked further.
CheckedImportRow CheckImportRow(const ImportRow& row, std::chrono::year_month_day today);

}  // namespace doudi::model
