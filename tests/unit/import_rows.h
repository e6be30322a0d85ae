#pragma once
// Rows of the import template that pass every check, for the model's tests
// of the importer's row rules (import_template_test.cpp, field_limits_test.cpp).
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

#include "doudi/model/import_template.h"

namespace doudi::test::import_rows {

using doudi::model::ImportColumn;
using doudi::model::ImportRow;
using std::chrono::day;
using std::chrono::June;
using std::chrono::year;
using std::chrono::year_month_day;

inline constexpr year_month_day kToday{year{2025}, June, day{15}};

// Valid IDs; check characters computed independently of the model.
inline constexpr const char* kHeadId = "331022195803119717";
inline constexpr const char* kSpouseId = "331022196009020503";
inline constexpr const char* kIdEndingInX = "35058219441224060X";
inline constexpr const char* kBornToday = "331022202506150016";     // 2025-06-15
inline constexpr const char* kBornTomorrow = "331022202506160011";  // 2025-06-16, check character right

inline ImportRow MakeRow(std::int64_t line, std::initializer_list<std::pair<ImportColumn, std::string>> values) {
  ImportRow row;
  row.line = line;
  for (const auto& [column, value] : values) row[column] = value;
  return row;
}

// A head's row that passes every check.
inline ImportRow HeadRow(std::int64_t line = 2) {
  return MakeRow(line, {{ImportColumn::HouseholdRef, "S-0001"},
                        {ImportColumn::RegionCode, "331022101205"},
                        {ImportColumn::Address, "珠岙镇大岙村2组17号"},
                        {ImportColumn::Name, "金德才"},
                        {ImportColumn::IdNumber, kHeadId},
                        {ImportColumn::Relation, "户主"},
                        {ImportColumn::MonthlyIncome, "650.00"}});
}

// A member's row that passes every check: household fields left empty.
inline ImportRow MemberRow(std::int64_t line = 3) {
  return MakeRow(line, {{ImportColumn::HouseholdRef, "S-0001"},
                        {ImportColumn::Name, "梅桂英"},
                        {ImportColumn::IdNumber, kSpouseId},
                        {ImportColumn::Relation, "配偶"}});
}

}  // namespace doudi::test::import_rows
