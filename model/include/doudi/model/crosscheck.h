#pragma once
// Cross-check data (核对数据): the files other departments send (medical
// settlements, household-registration changes, vehicles, business
// registrations, deposits, real estate, social insurance, school costs),
// each kind's columns as data, and the reader that turns a file's rows into
// typed rows for the database with every problem of every line
// (docs/crosscheck-format.md). Matching rows to persons and the caller's
// scope are the database's (doudi.crosscheck_import_apply).
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/model/domain_enum.h"
#include "doudi/model/import_template.h"

namespace doudi::model {

enum class CrosscheckKind { Medical, Hukou, Vehicle, Business, Deposit, Property, Insurance, Schooling };

template <>
struct EnumTraits<CrosscheckKind> {
  static constexpr std::array<EnumText<CrosscheckKind>, 8> kTexts{{
      {CrosscheckKind::Medical, "medical", "医疗结算"},
      {CrosscheckKind::Hukou, "hukou", "户籍变动"},
      {CrosscheckKind::Vehicle, "vehicle", "车辆登记"},
      {CrosscheckKind::Business, "business", "工商登记"},
      {CrosscheckKind::Deposit, "deposit", "存款及金融资产"},
      {CrosscheckKind::Property, "property", "不动产登记"},
      {CrosscheckKind::Insurance, "insurance", "社会保险"},
      {CrosscheckKind::Schooling, "schooling", "教育缴费"},
  }};
};

std::optional<CrosscheckKind> ParseCrosscheckKind(std::string_view text);

// What a column holds, and so how its cells are checked.
enum class CrosscheckValue {
  IdNumber,    // an 18-character resident ID with a right check character
  Name,        // a person's name, as in the household import
  RegionCode,  // a 12-digit statistical region code
  Text,        // one line of text (a number on a document, a name)
  FreeText,    // an address, an institution (a TAB inside is tolerated)
  Date,        // YYYY-MM-DD (also YYYY/M/D and YYYYMMDD)
  Yuan,        // an amount in yuan, at most 2 decimals, >= 0: stored in fen
  Code,        // one of the column's codes, in English or Chinese
  Area,        // square metres, at most 2 decimals, >= 0
  Account,     // an account number: 4 to 40 ASCII letters and digits, stored masked
  CreditCode,  // an 18-character unified social credit code (GB 32100) with its check character
};

// Where a column's value goes in the row the database keeps.
// Key: only in the row key; Detail: in the row's detail under the column's code.
enum class CrosscheckTarget { IdNumber, Name, RegionCode, EventDate, Category, Amount, Covered, SelfPaid, Key, Detail };

struct CrosscheckCode {
  std::string_view code;     // stored
  std::string_view chinese;  // accepted in a file, as is the code in any ASCII case
};

struct CrosscheckColumn {
  std::string_view code;     // English header, the column's name in reports, the detail key
  std::string_view chinese;  // Chinese header
  CrosscheckValue value;
  bool required;             // in the header, and a value on every row
  CrosscheckTarget target;
  std::size_t maxLength;     // code points a cell may hold
  std::vector<CrosscheckCode> codes;  // for CrosscheckValue::Code
};

struct CrosscheckSpec {
  CrosscheckKind kind;
  // id_number, name and region_code first, then the kind's own columns.
  std::vector<CrosscheckColumn> columns;
  // The columns whose values make the row's natural key (a settlement
  // number; an ID, event and date ...): a later row with the same key from
  // the same department replaces the earlier one.
  std::vector<std::size_t> rowKey;
};

// Every kind's specification, in the order of the enumeration.
std::span<const CrosscheckSpec> CrosscheckSpecs();
const CrosscheckSpec& SpecOf(CrosscheckKind kind);
// The key's columns as one name for reports: "settlement_id",
// "id_number+event+event_date".
std::string RowKeyColumn(const CrosscheckSpec& spec);

// An area is at most 1,000,000.00 m², counted in hundredths; an amount at
// most kMaxAssetValue (household.h), 10,000,000,000.00 yuan.
inline constexpr std::int64_t kMaxCrosscheckAreaHundredths = 100'000'000;

// A row as the database stages it (doudi.crosscheck_stage).
struct CrosscheckRow {
  std::int64_t line = 0;
  std::string rowKey;
  std::string idNumber;
  std::string name;
  std::string regionCode;  // empty when the file gave none
  std::chrono::year_month_day eventDate;
  std::string category;    // a code, or empty for a kind without one
  std::optional<std::int64_t> amountFen;
  std::optional<std::int64_t> coveredFen;
  std::optional<std::int64_t> selfPaidFen;
  std::string detailJson;  // a JSON object of the detail columns given
  friend bool operator==(const CrosscheckRow&, const CrosscheckRow&) = default;
};

struct CrosscheckReading {
  std::vector<CrosscheckRow> rows;      // the rows without a problem, in file order
  std::vector<ImportProblem> problems;  // every problem of every other row, by line
  std::int64_t rowsRead = 0;
  std::int64_t rowsRejected = 0;        // lines with at least one problem
};

// Checks every row of a file of kind: each cell on its own (the characters
// no field may hold, its limit, its value), then the row (a medical total
// must be reimbursed + self-paid, an end date not before its start), then
// the rows together (a row key given on two lines rejects both). Event
// dates may not be after asOf (the day the department's data is of); a
// resident ID's birth date not after today. onChecked, when given, is told
// how many rows are checked every few thousand rows and at the end.
CrosscheckReading ReadCrosscheckRows(CrosscheckKind kind, std::span<const FileRow> rows,
                                     std::chrono::year_month_day asOf, std::chrono::year_month_day today,
                                     const std::function<void(std::int64_t)>& onChecked = {});

// Whether text is a unified social credit code: 18 characters of
// 0-9 and A-Z without I, O, S, V, Z, the last its GB 32100 check character.
bool IsValidCreditCode(std::string_view text);
// The check character for the first 17 characters of a credit code (for
// data generators and tests); '?' when they are not all allowed characters.
char CreditCodeCheckCharacter(std::string_view first17);

// A date as cross-check files write it: YYYY-MM-DD, YYYY/M/D (what Excel
// writes on a Chinese desk PC) or YYYYMMDD; a real date with year >= 1900.
std::optional<std::chrono::year_month_day> ParseCrosscheckDate(std::string_view text);

}  // namespace doudi::model
