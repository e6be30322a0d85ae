#pragma once
// Program parameters (migration 0008): every number of the rules, per
// program and region prefix, with its unit and the date it takes effect
// from. A change is a new row with a later effective date; rows are never
// changed or deleted, so the history stays. Everyone reads them; center
// administrators add rows for prefixes inside their scope (the database
// refuses others with SQLSTATE 42501). docs/parameters.md lists the keys.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace doudi::dal {

// The units a parameter's value is given in, as the database spells them.
inline constexpr const char* kParameterUnits[] = {"fen",  "percent",   "working_days", "calendar_days", "months",
                                                  "code", "code_list", "count",        "text",          "bytes"};

struct ProgramParameter {
  std::string program;        // doudi.program code: "dibao", "destitute" ...
  std::string regionPrefix;   // 2, 4, 6, 9 or 12 digits; the most specific prefix applies
  std::string key;            // snake_case: "standard_per_person"
  std::string value;          // as stored: whole fen, a whole number, a code, or one line of text
  std::string unit;           // one of kParameterUnits
  std::string effectiveFrom;  // YYYY-MM-DD
  std::string note;           // "" for none
  std::string createdBy;      // set by the database on Add
  std::string createdAt;      // "YYYY-MM-DD HH:MM", set by the database on Add
};

struct ProgramInfo {
  std::string code;     // "dibao"
  std::string chinese;  // "最低生活保障"
};

class ProgramParameters {
 public:
  virtual ~ProgramParameters() = default;

  // The "8+X" programs, by code.
  virtual std::vector<ProgramInfo> Programs() = 0;

  // Every row, history included, ordered by program, key, prefix and
  // effective date. program "" means every program. region "" means every
  // region; otherwise the rows that apply to that region (their prefix is a
  // prefix of it) and those for areas inside it (their prefix starts with it).
  virtual std::vector<ProgramParameter> List(const std::string& program, const std::string& region) = 0;

  // The row in effect for the region on the date: among the rows whose
  // prefix contains regionCode and whose effective date is on or before
  // `on`, the longest prefix, then the latest date (doudi.parameter_value).
  // regionCode is normally a 12-digit code; a shorter prefix asks what
  // applies to that whole area. nullopt when no row applies.
  virtual std::optional<ProgramParameter> Effective(const std::string& program, const std::string& regionCode,
                                                    const std::string& key, std::chrono::year_month_day on) = 0;

  // Adds the row (createdBy and createdAt are ignored: the database stamps
  // them), in one transaction. Throws PermissionDenied for a caller who
  // may not add parameters or a prefix outside their scope;
  // ConstraintViolation 23505 when a row for the same program, prefix, key
  // and date exists, 23503 for an unknown program, 23514 for a malformed
  // value or prefix; RuleRefused (doudi:parameter.unit_differs) when the
  // key's unit differs from the one its earlier rows use.
  virtual void Add(const ProgramParameter& parameter) = 0;
};

}  // namespace doudi::dal
