#include "doudi/model/import_template.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <type_traits>

#include "doudi/model/household.h"
#include "doudi/model/money.h"
#include "doudi/model/region_code.h"
#include "doudi/model/resident_id.h"
#include "doudi/model/text.h"

namespace doudi::model {
namespace {

using C = ImportColumn;

constexpr std::array<ImportColumnInfo, kImportColumnCount> kColumns{{
    {C::HouseholdRef, "household_ref", "户编号", true, false},
    {C::RegionCode, "region_code", "区划代码", true, true},
    {C::Address, "address", "地址", true, true},
    {C::Name, "name", "姓名", true, false},
    {C::IdNumber, "id_number", "身份证号", true, false},
    {C::Relation, "relation", "与户主关系", true, false},
    {C::MonthlyIncome, "monthly_income", "月收入", true, false},
    {C::Phone, "phone", "联系电话", false, true},
    {C::RegistryStatus, "registry_status", "登记状态", false, true},
    {C::Housing, "housing", "住房状况", false, true},
    {C::BankName, "bank_name", "开户银行", false, true},
    {C::BankAccount, "bank_account", "银行账号", false, true},
    {C::DisabilityCategory, "disability_category", "残疾类别", false, false},
    {C::DisabilityGrade, "disability_grade", "残疾等级", false, false},
    {C::Illness, "illness", "患病情况", false, false},
    {C::Schooling, "schooling", "在学情况", false, false},
    {C::Employment, "employment", "就业状况", false, false},
    {C::WorkAbility, "work_ability", "劳动能力", false, false},
}};

// Collects the problems of one row.
class RowChecker {
 public:
  explicit RowChecker(CheckedImportRow& out) : m_out(out) {}

  void Problem(ImportColumn column, std::string_view what, std::string message) {
    const auto code = ColumnInfo(column).code;
    m_out.problems.push_back(
        {m_out.normalized.line, std::string(code), std::string(code) + "." + std::string(what), std::move(message)});
  }

  // An enumeration column: it must name a value in English or Chinese and is
  // stored as the English code. Empty takes whenEmpty, when there is one:
  // the model's default, so an import and a later export of the same
  // household read the same.
  template <typename Parse, typename E = typename std::invoke_result_t<Parse, std::string_view>::value_type>
  void Enumeration(ImportColumn column, Parse parse, std::optional<E> whenEmpty) {
    std::string& value = m_out.normalized[column];
    if (value.empty()) {
      if (whenEmpty) value = std::string(ToCode(*whenEmpty));
      return;
    }
    if (const auto parsed = parse(value)) {
      value = std::string(ToCode(*parsed));
    } else {
      Problem(column, "unknown", "'" + value + "' is not one of the accepted values for " +
                                     std::string(ColumnInfo(column).code) + " (see docs/import-format.md)");
    }
  }

 private:
  CheckedImportRow& m_out;
};

void CheckIdNumber(CheckedImportRow& out, RowChecker& check, std::chrono::year_month_day today) {
  std::string& id = out.normalized[C::IdNumber];
  if (id.empty()) {
    check.Problem(C::IdNumber, "missing", "the resident ID number is empty");
    return;
  }
  const auto parsed = ResidentId::Parse(id, today);
  if (const auto* error = std::get_if<ResidentIdError>(&parsed)) {
    check.Problem(C::IdNumber, ReasonCode(*error), std::string(Describe(*error)));
  } else {
    id = std::get<ResidentId>(parsed).Text();
  }
}

void CheckIncome(CheckedImportRow& out, RowChecker& check) {
  const std::string& text = out.normalized[C::MonthlyIncome];
  if (text.empty()) return;  // no income declared: 0.00
  const auto money = Money::ParseYuan(text);
  if (!money) {
    check.Problem(C::MonthlyIncome, "malformed", "'" + text + "' is not an amount in yuan with at most two decimals");
  } else if (money->Fen() < 0) {
    check.Problem(C::MonthlyIncome, "negative", "a monthly income cannot be negative");
  } else {
    out.monthlyIncomeFen = money->Fen();
  }
}

// Region, address and the other household fields are required on the head's
// row only; when present on any row they must be well-formed.
void CheckHouseholdFields(CheckedImportRow& out, RowChecker& check, bool isHead) {
  const ImportRow& row = out.normalized;
  if (row[C::RegionCode].empty()) {
    if (isHead) check.Problem(C::RegionCode, "missing", "the head's row must give the household's region code");
  } else if (const auto region = model::RegionCode::Parse(row[C::RegionCode]); !region) {
    check.Problem(C::RegionCode, "malformed", "'" + row[C::RegionCode] + "' is not a 12-digit statistical region code");
  } else if (region->Level() != RegionLevel::Village) {
    check.Problem(C::RegionCode, "not_village", "a household's region code must name a village or community");
  }
  if (isHead && row[C::Address].empty()) {
    check.Problem(C::Address, "missing", "the head's row must give the household's address");
  }
  if (!row[C::Phone].empty() && !IsWellFormedPhone(row[C::Phone])) {
    check.Problem(C::Phone, "malformed", "'" + row[C::Phone] + "' is not a phone number");
  }
  if (!row[C::BankAccount].empty() && !IsWellFormedBankAccount(row[C::BankAccount])) {
    check.Problem(C::BankAccount, "malformed", "a bank account number has 10 to 30 digits");
  }
  // Other rows leave household fields empty to mean "as on the head's row".
  const Household defaults;
  check.Enumeration(C::RegistryStatus, [](std::string_view v) { return ParseRegistryStatus(v); },
                    isHead ? std::optional(defaults.status) : std::nullopt);
  check.Enumeration(C::Housing, [](std::string_view v) { return ParseHousingCondition(v); },
                    isHead ? std::optional(defaults.housing) : std::nullopt);
}

void CheckDisability(CheckedImportRow& out, RowChecker& check) {
  check.Enumeration(C::DisabilityCategory, [](std::string_view v) { return ParseDisabilityCategory(v); },
                    std::optional(Person{}.disability));
  ImportRow& row = out.normalized;
  const bool disabled = row[C::DisabilityCategory] != ToCode(DisabilityCategory::None);
  const std::string& grade = row[C::DisabilityGrade];
  if (grade.empty()) {
    if (disabled) check.Problem(C::DisabilityGrade, "missing", "a disability category needs its grade (1 to 4)");
  } else if (grade.size() != 1 || grade[0] < '1' || grade[0] > '4') {
    check.Problem(C::DisabilityGrade, "malformed", "a disability grade is 1, 2, 3 or 4");
  } else if (!disabled) {
    check.Problem(C::DisabilityGrade, "unexpected", "a disability grade needs a disability category");
  }
}

// Illnesses may be separated by ASCII or full-width semicolons.
std::string NormalizeIllnesses(std::string text) {
  for (auto at = text.find("；"); at != std::string::npos; at = text.find("；", at)) text.replace(at, 3, ";");
  std::vector<std::string> parts;
  for (const auto& part : Split(text, ';')) {
    if (const auto trimmed = TrimAsciiWhitespace(part); !trimmed.empty()) parts.emplace_back(trimmed);
  }
  return Join(parts, ";");
}

}  // namespace

std::span<const ImportColumnInfo> ImportColumns() { return kColumns; }

const ImportColumnInfo& ColumnInfo(ImportColumn column) { return kColumns[static_cast<std::size_t>(column)]; }

std::optional<ImportColumn> ParseImportColumn(std::string_view header) {
  const std::string_view name = TrimAsciiWhitespace(header);
  for (const auto& info : kColumns) {
    if (EqualsIgnoringAsciiCase(name, info.code) || name == info.chinese) return info.column;
  }
  return std::nullopt;
}

CheckedImportRow CheckImportRow(const ImportRow& row, std::chrono::year_month_day today) {
  CheckedImportRow out;
  out.normalized.line = row.line;
  out.problems = row.readProblems;
  for (std::size_t i = 0; i < kImportColumnCount; ++i) {
    out.normalized.values[i] = std::string(TrimAsciiWhitespace(row.values[i]));
  }
  RowChecker check(out);

  if (out.normalized[C::HouseholdRef].empty()) {
    check.Problem(C::HouseholdRef, "missing", "every row needs the household_ref of its household");
  }
  const std::string& name = out.normalized[C::Name];
  if (name.empty()) {
    check.Problem(C::Name, "missing", "the name is empty");
  } else if (CountUtf8CodePoints(name).value_or(kMaxNameLength + 1) > kMaxNameLength) {
    check.Problem(C::Name, "too_long", "a name has at most 50 characters");
  }
  CheckIdNumber(out, check, today);
  bool isHead = false;
  if (out.normalized[C::Relation].empty()) {
    check.Problem(C::Relation, "missing", "the relation to the head is empty");
  } else if (const auto relation = ParseRelation(out.normalized[C::Relation])) {
    isHead = *relation == model::Relation::Head;
    out.normalized[C::Relation] = std::string(ToCode(*relation));
  } else {
    check.Problem(C::Relation, "unknown", "'" + out.normalized[C::Relation] + "' is not a relation to the head");
  }
  CheckIncome(out, check);
  CheckHouseholdFields(out, check, isHead);
  CheckDisability(out, check);
  out.normalized[C::Illness] = NormalizeIllnesses(out.normalized[C::Illness]);
  const Person defaults;
  check.Enumeration(C::Schooling, [](std::string_view v) { return ParseSchooling(v); }, std::optional(defaults.schooling));
  check.Enumeration(C::Employment, [](std::string_view v) { return ParseEmployment(v); },
                    std::optional(defaults.employment));
  check.Enumeration(C::WorkAbility, [](std::string_view v) { return ParseWorkAbility(v); },
                    std::optional(defaults.workAbility));
  return out;
}

}  // namespace doudi::model
