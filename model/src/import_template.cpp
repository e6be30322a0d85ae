#include "doudi/model/import_template.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <type_traits>

#include "doudi/catalog/message_catalog.h"
#include "doudi/model/household.h"
#include "doudi/model/money.h"
#include "doudi/model/region_code.h"
#include "doudi/model/resident_id.h"
#include "doudi/model/text.h"

namespace doudi::model {
namespace {

using C = ImportColumn;

// Cells holding a code, a number or an ID: their own check says what is
// wrong with a longer value; this only keeps absurd ones out.
constexpr std::size_t kMaxCodedCellLength = 100;
constexpr char kMessageSeparator = '\x1f';

constexpr std::array<ImportColumnInfo, kImportColumnCount> kColumns{{
    {C::HouseholdRef, "household_ref", "户编号", true, false, kMaxHouseholdRefLength},
    {C::RegionCode, "region_code", "区划代码", true, true, kMaxCodedCellLength},
    {C::Address, "address", "地址", true, true, kMaxAddressLength},
    {C::Name, "name", "姓名", true, false, kMaxNameLength},
    {C::IdNumber, "id_number", "身份证号", true, false, kMaxCodedCellLength},
    {C::Relation, "relation", "与户主关系", true, false, kMaxCodedCellLength},
    {C::MonthlyIncome, "monthly_income", "月收入", true, false, kMaxCodedCellLength},
    {C::Phone, "phone", "联系电话", false, true, kMaxCodedCellLength},
    {C::RegistryStatus, "registry_status", "登记状态", false, true, kMaxCodedCellLength},
    {C::Housing, "housing", "住房状况", false, true, kMaxCodedCellLength},
    {C::BankName, "bank_name", "开户银行", false, true, kMaxBankNameLength},
    {C::BankAccount, "bank_account", "银行账号", false, true, kMaxCodedCellLength},
    {C::DisabilityCategory, "disability_category", "残疾类别", false, false, kMaxCodedCellLength},
    {C::DisabilityGrade, "disability_grade", "残疾等级", false, false, kMaxCodedCellLength},
    {C::Illness, "illness", "患病情况", false, false, kMaxIllnessesLength},
    {C::Schooling, "schooling", "在学情况", false, false, kMaxCodedCellLength},
    {C::Employment, "employment", "就业状况", false, false, kMaxCodedCellLength},
    {C::WorkAbility, "work_ability", "劳动能力", false, false, kMaxCodedCellLength},
}};

// Collects the problems of one row.
class RowChecker {
 public:
  explicit RowChecker(CheckedImportRow& out) : m_out(out) {}

  void Problem(ImportColumn column, std::string_view what, std::string messageId, std::vector<std::string> args = {}) {
    const auto code = ColumnInfo(column).code;
    m_out.problems.push_back(MakeImportProblem(m_out.normalized.line, std::string(code),
                                               std::string(code) + "." + std::string(what), std::move(messageId),
                                               std::move(args)));
    m_failed[static_cast<std::size_t>(column)] = true;
  }

  void Add(ImportColumn column, ImportProblem problem) {
    m_out.problems.push_back(std::move(problem));
    m_failed[static_cast<std::size_t>(column)] = true;
  }

  // A cell the reader already refused ("<column>.<reason>": a workbook's ID
  // stored as a number) is not checked again; a row's problems
  // ("row.<reason>") leave the cells to their checks.
  void MarkReadProblems() {
    for (const auto& problem : m_out.problems) {
      for (const auto& info : kColumns) {
        if (IsCellProblem(problem, info.code)) m_failed[static_cast<std::size_t>(info.column)] = true;
      }
    }
  }

  // Whether column already has a problem (then its own checks are skipped).
  bool Failed(ImportColumn column) const { return m_failed[static_cast<std::size_t>(column)]; }

  // An enumeration column: it must name a value in English or Chinese and is
  // stored as the English code. Empty takes whenEmpty, when there is one:
  // the model's default, so an import and a later export of the same
  // household read the same.
  template <typename Parse, typename E = typename std::invoke_result_t<Parse, std::string_view>::value_type>
  void Enumeration(ImportColumn column, Parse parse, std::optional<E> whenEmpty) {
    if (Failed(column)) return;
    std::string& value = m_out.normalized[column];
    if (value.empty()) {
      if (whenEmpty) value = std::string(ToCode(*whenEmpty));
      return;
    }
    if (const auto parsed = parse(value)) {
      value = std::string(ToCode(*parsed));
    } else {
      Problem(column, "unknown", "'{1}' is not one of the accepted values for {2} (see docs/import-format.md)",
              {value, std::string(ColumnInfo(column).code)});
    }
  }

 private:
  CheckedImportRow& m_out;
  std::array<bool, kImportColumnCount> m_failed{};
};

// Every cell against its column's length limit and the characters no field
// may hold; a failing cell is replaced by its sanitised form.
void CheckCellTexts(CheckedImportRow& out, RowChecker& check) {
  for (const auto& info : kColumns) {
    if (check.Failed(info.column)) continue;
    const auto kind = info.column == C::Name ? TextKind::Name
                      : info.column == C::Address || info.column == C::BankName || info.column == C::Illness
                          ? TextKind::FreeText
                          : TextKind::Line;
    if (auto problem = CheckImportCell(out.normalized.line, info.code, out.normalized[info.column], info.maxLength,
                                       kind)) {
      check.Add(info.column, std::move(*problem));
    }
  }
}

void CheckIdNumber(CheckedImportRow& out, RowChecker& check, std::chrono::year_month_day today) {
  if (check.Failed(C::IdNumber)) return;
  if (auto problem = CheckImportIdNumber(out.normalized.line, "id_number", out.normalized[C::IdNumber], today)) {
    check.Add(C::IdNumber, std::move(*problem));
  }
}

void CheckIncome(CheckedImportRow& out, RowChecker& check) {
  const std::string& text = out.normalized[C::MonthlyIncome];
  if (text.empty() || check.Failed(C::MonthlyIncome)) return;  // empty: no income declared, 0.00
  const auto money = Money::ParseYuan(text);
  if (!money) {
    check.Problem(C::MonthlyIncome, "malformed", "'{1}' is not an amount in yuan with at most two decimals", {text});
  } else if (money->Fen() < 0) {
    check.Problem(C::MonthlyIncome, "negative", "a monthly income cannot be negative");
  } else if (*money > kMaxMonthlyIncome) {
    check.Problem(C::MonthlyIncome, "too_large", "a monthly income is at most {1} yuan",
                  {kMaxMonthlyIncome.ToYuanString()});
  } else {
    out.monthlyIncomeFen = money->Fen();
  }
}

// Region, address and the other household fields are required on the head's
// row only; when present on any row they must be well-formed.
void CheckHouseholdFields(CheckedImportRow& out, RowChecker& check, bool isHead) {
  const ImportRow& row = out.normalized;
  if (check.Failed(C::RegionCode)) {
  } else if (row[C::RegionCode].empty()) {
    if (isHead) check.Problem(C::RegionCode, "missing", "the head's row must give the household's region code");
  } else if (const auto region = model::RegionCode::Parse(row[C::RegionCode]); !region) {
    check.Problem(C::RegionCode, "malformed", "'{1}' is not a 12-digit statistical region code", {row[C::RegionCode]});
  } else if (region->Level() != RegionLevel::Village) {
    check.Problem(C::RegionCode, "not_village", "a household's region code must name a village or community");
  }
  if (isHead && row[C::Address].empty()) {
    check.Problem(C::Address, "missing", "the head's row must give the household's address");
  }
  if (!check.Failed(C::Phone) && !row[C::Phone].empty() && !IsWellFormedPhone(row[C::Phone])) {
    check.Problem(C::Phone, "malformed", "'{1}' is not a phone number", {row[C::Phone]});
  }
  if (!check.Failed(C::BankAccount) && !row[C::BankAccount].empty() && !IsWellFormedBankAccount(row[C::BankAccount])) {
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
  std::string& grade = row[C::DisabilityGrade];
  if (check.Failed(C::DisabilityGrade)) return;
  const auto parsed = ParseDisabilityGrade(grade);
  if (grade.empty()) {
    if (disabled) check.Problem(C::DisabilityGrade, "missing", "a disability category needs its grade (1 to 4)");
  } else if (!parsed) {
    check.Problem(C::DisabilityGrade, "malformed", "a disability grade is 1, 2, 3 or 4 (also 一级 to 四级)");
  } else if (!disabled) {
    check.Problem(C::DisabilityGrade, "unexpected", "a disability grade needs a disability category");
  } else {
    grade = std::to_string(*parsed);
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
  for (const auto& info : kColumns) {
    if (NamesColumn(header, info.code, info.chinese)) return info.column;
  }
  return std::nullopt;
}

bool NamesColumn(std::string_view header, std::string_view code, std::string_view chinese) {
  const std::string_view name = TrimAsciiWhitespace(header);
  return EqualsIgnoringAsciiCase(name, code) || name == chinese;
}

std::optional<ImportProblem> CheckImportCell(std::int64_t line, std::string_view column, std::string& value,
                                             std::size_t maxLength, TextKind kind) {
  const auto problem = CheckStorableText(value, maxLength, kind);
  if (!problem) return std::nullopt;
  const std::string detail =
      problem->fault == TextFault::TooLong ? std::to_string(maxLength) : CodePointLabel(problem->codePoint);
  value = SanitizedText(value, maxLength);
  return MakeImportProblem(line, std::string(column), std::string(column) + "." + std::string(ReasonCode(problem->fault)),
                           std::string(DescribeTemplate(problem->fault)), {detail});
}

std::optional<ImportProblem> CheckImportIdNumber(std::int64_t line, std::string_view column, std::string& value,
                                                 std::chrono::year_month_day today) {
  const std::string code(column);
  if (value.empty()) return MakeImportProblem(line, code, code + ".missing", "the resident ID number is empty");
  // Full-width digits (typed with a Chinese input method) are the same
  // digits; the checksum still guards against a wrong one.
  value = HalfWidthDigits(value);
  const auto parsed = ResidentId::Parse(value, today);
  if (const auto* error = std::get_if<ResidentIdError>(&parsed)) {
    return MakeImportProblem(line, code, code + "." + std::string(ReasonCode(*error)), std::string(Describe(*error)));
  }
  value = std::get<ResidentId>(parsed).Text();
  return std::nullopt;
}

ImportProblem MakeImportProblem(std::int64_t line, std::string column, std::string code, std::string messageId,
                                std::vector<std::string> args) {
  ImportProblem problem{line, std::move(column), std::move(code), {}, std::move(messageId), std::move(args)};
  problem.message = catalog::Format(problem.messageId, problem.args);
  return problem;
}

bool IsCellProblem(const ImportProblem& problem, std::string_view column) {
  return problem.column == column && problem.code.size() > column.size() && problem.code.starts_with(column) &&
         problem.code[column.size()] == '.';
}

std::string EncodeImportMessage(const ImportProblem& problem) {
  std::string encoded = problem.messageId.empty() ? problem.message : problem.messageId;
  for (const auto& arg : problem.args) encoded.append(1, kMessageSeparator).append(arg);
  return encoded;
}

ImportProblem DecodeImportMessage(std::int64_t line, std::string column, std::string code, const std::string& encoded) {
  std::vector<std::string> parts = Split(encoded, kMessageSeparator);
  std::string messageId = parts.empty() ? std::string() : std::move(parts.front());
  if (!parts.empty()) parts.erase(parts.begin());
  return MakeImportProblem(line, std::move(column), std::move(code), std::move(messageId), std::move(parts));
}

CheckedImportRow CheckImportRow(const ImportRow& row, std::chrono::year_month_day today) {
  CheckedImportRow out;
  out.normalized.line = row.line;
  out.problems = row.readProblems;
  for (std::size_t i = 0; i < kImportColumnCount; ++i) {
    out.normalized.values[i] = std::string(TrimAsciiWhitespace(row.values[i]));
  }
  out.normalized[C::Name] = NormalizeName(out.normalized[C::Name]);
  RowChecker check(out);
  check.MarkReadProblems();
  // Read problems (a wrong number of fields) come first, then each cell's own.
  CheckCellTexts(out, check);

  if (out.normalized[C::HouseholdRef].empty()) {
    check.Problem(C::HouseholdRef, "missing", "every row needs the household_ref of its household");
  }
  if (out.normalized[C::Name].empty()) check.Problem(C::Name, "missing", "the name is empty");
  CheckIdNumber(out, check, today);
  bool isHead = false;
  if (check.Failed(C::Relation)) {
  } else if (out.normalized[C::Relation].empty()) {
    check.Problem(C::Relation, "missing", "the relation to the head is empty");
  } else if (const auto relation = ReadRelation(out.normalized[C::Relation])) {
    isHead = relation->relation == model::Relation::Head;
    out.normalized[C::Relation] = std::string(ToCode(relation->relation));
    out.relationTerm = relation->term;
  } else {
    check.Problem(C::Relation, "unknown", "'{1}' is not a relation to the head", {out.normalized[C::Relation]});
  }
  CheckIncome(out, check);
  CheckHouseholdFields(out, check, isHead);
  CheckDisability(out, check);
  out.normalized[C::Illness] = NormalizeIllnesses(out.normalized[C::Illness]);
  if (!check.Failed(C::Illness)) {
    for (const auto& illness : Split(out.normalized[C::Illness], ';')) {
      if (CountUtf8CodePoints(illness).value_or(0) > kMaxIllnessLength) {
        check.Problem(C::Illness, "too_long", "an illness is longer than {1} characters; separate illnesses with ；",
                      {std::to_string(kMaxIllnessLength)});
        break;
      }
    }
  }
  const Person defaults;
  check.Enumeration(C::Schooling, [](std::string_view v) { return ParseSchooling(v); }, std::optional(defaults.schooling));
  check.Enumeration(C::Employment, [](std::string_view v) { return ParseEmployment(v); },
                    std::optional(defaults.employment));
  check.Enumeration(C::WorkAbility, [](std::string_view v) { return ParseWorkAbility(v); },
                    std::optional(defaults.workAbility));
  return out;
}

}  // namespace doudi::model
