#pragma once
// The household (家庭) as a case worker records it: members, income, assets,
// housing and registry status, with the rules any record must satisfy before
// it is saved.
//
// Domain enumerations each have a stable English snake_case code (what the
// database stores and files exchange) and a Chinese label (what forms and
// imported spreadsheets use). Both come from one table per enumeration,
// EnumTraits<E>::kTexts, and the same few templates below serve every
// enumeration, so adding a value means adding one table row.

#include <array>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "doudi/model/domain_enum.h"
#include "doudi/model/id_card_facts.h"
#include "doudi/model/money.h"
#include "doudi/model/text.h"
#include "doudi/model/validation.h"

namespace doudi::model {

enum class Relation { Head, Spouse, Child, Parent, Grandparent, Grandchild, Sibling, Other };
enum class RegistryStatus { Dibao, NearDibao, Destitute, EssentialExpense, OtherLowIncome, None };
enum class DisabilityCategory { None, Visual, Hearing, Speech, Physical, Intellectual, Mental, Multiple };
enum class Schooling { None, Preschool, Primary, JuniorSecondary, SeniorSecondary, Vocational, Higher };
enum class Employment { Employed, SelfEmployed, Farming, Unemployed, Retired, Student, None };
enum class WorkAbility { Full, Partial, None };
enum class HousingCondition { Owned, Rented, Borrowed, Dilapidated, Homeless };
enum class IncomeKind { Declared, Wage, Business, Farming, Pension, Transfer, Property, Other };
enum class AssetKind { Vehicle, BusinessRegistration, Deposit, RealEstate };

template <>
struct EnumTraits<Relation> {
  static constexpr std::array<EnumText<Relation>, 8> kTexts{{
      {Relation::Head, "head", "户主"},
      {Relation::Spouse, "spouse", "配偶"},
      {Relation::Child, "child", "子女"},
      {Relation::Parent, "parent", "父母"},
      {Relation::Grandparent, "grandparent", "祖父母"},
      {Relation::Grandchild, "grandchild", "孙子女"},
      {Relation::Sibling, "sibling", "兄弟姐妹"},
      {Relation::Other, "other", "其他"},
  }};
};

template <>
struct EnumTraits<RegistryStatus> {
  static constexpr std::array<EnumText<RegistryStatus>, 6> kTexts{{
      {RegistryStatus::Dibao, "dibao", "低保"},
      {RegistryStatus::NearDibao, "near_dibao", "低保边缘"},
      {RegistryStatus::Destitute, "destitute", "特困"},
      {RegistryStatus::EssentialExpense, "essential_expense", "刚性支出困难"},
      {RegistryStatus::OtherLowIncome, "other_low_income", "其他低收入"},
      {RegistryStatus::None, "none", "无"},
  }};
};

template <>
struct EnumTraits<DisabilityCategory> {
  static constexpr std::array<EnumText<DisabilityCategory>, 8> kTexts{{
      {DisabilityCategory::None, "none", "无"},
      {DisabilityCategory::Visual, "visual", "视力"},
      {DisabilityCategory::Hearing, "hearing", "听力"},
      {DisabilityCategory::Speech, "speech", "言语"},
      {DisabilityCategory::Physical, "physical", "肢体"},
      {DisabilityCategory::Intellectual, "intellectual", "智力"},
      {DisabilityCategory::Mental, "mental", "精神"},
      {DisabilityCategory::Multiple, "multiple", "多重"},
  }};
};

template <>
struct EnumTraits<Schooling> {
  static constexpr std::array<EnumText<Schooling>, 7> kTexts{{
      {Schooling::None, "none", "无"},
      {Schooling::Preschool, "preschool", "学前"},
      {Schooling::Primary, "primary", "小学"},
      {Schooling::JuniorSecondary, "junior_secondary", "初中"},
      {Schooling::SeniorSecondary, "senior_secondary", "高中"},
      {Schooling::Vocational, "vocational", "中职"},
      {Schooling::Higher, "higher", "高等教育"},
  }};
};

template <>
struct EnumTraits<Employment> {
  static constexpr std::array<EnumText<Employment>, 7> kTexts{{
      {Employment::Employed, "employed", "就业"},
      {Employment::SelfEmployed, "self_employed", "个体经营"},
      {Employment::Farming, "farming", "务农"},
      {Employment::Unemployed, "unemployed", "失业"},
      {Employment::Retired, "retired", "退休"},
      {Employment::Student, "student", "在校学生"},
      {Employment::None, "none", "无"},
  }};
};

template <>
struct EnumTraits<WorkAbility> {
  static constexpr std::array<EnumText<WorkAbility>, 3> kTexts{{
      {WorkAbility::Full, "full", "完全劳动能力"},
      {WorkAbility::Partial, "partial", "部分劳动能力"},
      {WorkAbility::None, "none", "无劳动能力"},
  }};
};

template <>
struct EnumTraits<HousingCondition> {
  static constexpr std::array<EnumText<HousingCondition>, 5> kTexts{{
      {HousingCondition::Owned, "owned", "自有住房"},
      {HousingCondition::Rented, "rented", "租房"},
      {HousingCondition::Borrowed, "borrowed", "借住"},
      {HousingCondition::Dilapidated, "dilapidated", "危房"},
      {HousingCondition::Homeless, "homeless", "无房"},
  }};
};

template <>
struct EnumTraits<IncomeKind> {
  static constexpr std::array<EnumText<IncomeKind>, 8> kTexts{{
      {IncomeKind::Declared, "declared", "申报收入"},
      {IncomeKind::Wage, "wage", "工资"},
      {IncomeKind::Business, "business", "经营"},
      {IncomeKind::Farming, "farming", "务农"},
      {IncomeKind::Pension, "pension", "养老金"},
      {IncomeKind::Transfer, "transfer", "转移性收入"},
      {IncomeKind::Property, "property", "财产性收入"},
      {IncomeKind::Other, "other", "其他"},
  }};
};

template <>
struct EnumTraits<AssetKind> {
  static constexpr std::array<EnumText<AssetKind>, 4> kTexts{{
      {AssetKind::Vehicle, "vehicle", "车辆"},
      {AssetKind::BusinessRegistration, "business_registration", "工商登记"},
      {AssetKind::Deposit, "deposit", "存款"},
      {AssetKind::RealEstate, "real_estate", "房产"},
  }};
};

// Named entry points for each enumeration (ToCode: stable code; ToChinese:
// label; Parse...: code or label, trimmed, nullopt when unknown).
std::optional<Relation> ParseRelation(std::string_view text);

std::optional<RegistryStatus> ParseRegistryStatus(std::string_view text);

std::optional<DisabilityCategory> ParseDisabilityCategory(std::string_view text);

std::optional<Schooling> ParseSchooling(std::string_view text);

std::optional<Employment> ParseEmployment(std::string_view text);

std::optional<WorkAbility> ParseWorkAbility(std::string_view text);

std::optional<HousingCondition> ParseHousingCondition(std::string_view text);

std::optional<IncomeKind> ParseIncomeKind(std::string_view text);

std::optional<AssetKind> ParseAssetKind(std::string_view text);

// The parsers of the coded columns also accept the terms and national codes
// of the code tables in assets/codes/ (docs/import-format.md): GB/T 4761
// family relations ("20", "子", "女儿"), GB/T 26341 disability categories
// ("4", "肢体残疾"), and the common names of schooling, employment, housing,
// work ability and registry status. A code's full-width digits count as
// digits, and a one-digit relation code is the two-digit one a spreadsheet
// shortened ("2" for "02").

// A relation as a list writes it: the model's category and the term to keep.
struct RelationReading {
  Relation relation = Relation::Other;
  // The GB/T 4761 term for a code ("20" gives "子"), the Chinese term as
  // written otherwise ("女儿"); empty for an English code ("child").
  std::string term;
};
std::optional<RelationReading> ReadRelation(std::string_view text);

// A disability grade: 1..4 as a digit, or a written grade ("一级", "3级",
// "二"); nullopt otherwise.
std::optional<int> ParseDisabilityGrade(std::string_view text);

struct Person {
  std::optional<std::int64_t> id;  // database id; empty until saved
  std::string idNumber;            // resident ID as entered; Validate checks it
  std::string name;
  Relation relation = Relation::Other;  // to the head of the household
  DisabilityCategory disability = DisabilityCategory::None;
  int disabilityGrade = 0;  // 1 (most severe) .. 4; 0 when not disabled
  std::vector<std::string> illnesses;
  Schooling schooling = Schooling::None;
  Employment employment = Employment::None;
  WorkAbility workAbility = WorkAbility::Full;
  // The relation as the source wrote it ("女儿", "长子"), kept beside the
  // category; empty when none was written. Validate checks it names the same
  // category as relation.
  std::string relationTerm;
  // The latest read of the member's ID card (stored, or fresh: recorded
  // with the next save); nullopt when no card was ever read.
  std::optional<IdCardFacts> card;

  friend bool operator==(const Person&, const Person&) = default;
};

struct IncomeItem {
  std::optional<std::int64_t> id;
  IncomeKind kind = IncomeKind::Declared;
  Money monthly;
  std::string memberIdNumber;  // empty: household-level income
  std::string note;

  friend bool operator==(const IncomeItem&, const IncomeItem&) = default;
};

struct Asset {
  std::optional<std::int64_t> id;
  AssetKind kind = AssetKind::Deposit;
  std::string description;
  Money value;

  friend bool operator==(const Asset&, const Asset&) = default;
};

struct RegistryStatusChange {
  RegistryStatus status = RegistryStatus::None;
  std::chrono::year_month_day since{};
  std::string reason;
  std::string changedBy;

  friend bool operator==(const RegistryStatusChange&, const RegistryStatusChange&) = default;
};

struct Household {
  std::optional<std::int64_t> id;
  std::int32_t version = 0;  // optimistic-locking version the database checks
  std::string regionCode;    // 12-digit village (community) code
  std::string address;
  std::string phone;
  HousingCondition housing = HousingCondition::Owned;
  std::string bankName;
  std::string bankAccount;
  RegistryStatus status = RegistryStatus::None;
  std::vector<Person> members;
  std::vector<IncomeItem> incomes;
  std::vector<Asset> assets;
  std::vector<RegistryStatusChange> statusHistory;
  // Who saved the stored version, and when ("YYYY-MM-DD HH:MM"), as the
  // database stamped them; empty for a household not yet stored.
  std::string updatedBy;
  std::string updatedAt;

  // The first member whose relation is Head; nullptr when there is none.
  // Validate reports a household with more than one head.
  const Person* Head() const;

  // The sum of all income items, household-level and per member. Throws
  // std::overflow_error only for sums beyond the int64 range of fen.
  Money TotalMonthlyIncome() const;

  // TotalMonthlyIncome divided by the number of members, rounded to the fen
  // half away from zero; 0 for a household without members.
  Money PerCapitaMonthlyIncome() const;

  friend bool operator==(const Household&, const Household&) = default;
};

// The rules Validate applies to single fields, exposed so that the importer
// checks a spreadsheet cell by the very same rule. The database has the same
// limits as CHECK constraints (dal/migrations/0016_field_limits.sql), and
// docs/import-format.md names them. Lengths are Unicode code points.
inline constexpr std::size_t kMaxNameLength = 50;
inline constexpr std::size_t kMaxHouseholdRefLength = 64;  // also an import's --source
inline constexpr std::size_t kMaxAddressLength = 200;
inline constexpr std::size_t kMaxBankNameLength = 100;
inline constexpr std::size_t kMaxIllnessLength = 100;    // one illness
inline constexpr std::size_t kMaxIllnessesLength = 500;  // all of a person's, joined by ';'
inline constexpr std::size_t kMaxRelationTermLength = 20;
inline constexpr std::size_t kMaxNoteLength = 500;  // an income's note, an asset's description
// Money bounds: generous for any household the safety net sees, and small
// enough that no sum over a valid household can overflow: 100 members and
// 1,000 income items of at most 10,000,000.00 yuan sum to at most 10^12 fen,
// and 1,000 assets of at most 10,000,000,000.00 yuan to 10^15 fen, far below
// the 9.2 * 10^18 fen of int64 (a year of any of them too).
inline constexpr Money kMaxMonthlyIncome = Money::FromFen(1'000'000'000);   // 10,000,000.00 yuan
inline constexpr Money kMaxAssetValue = Money::FromFen(1'000'000'000'000);  // 10,000,000,000.00 yuan
inline constexpr std::size_t kMaxMembers = 100;
inline constexpr std::size_t kMaxIncomeItems = 1000;
inline constexpr std::size_t kMaxAssets = 1000;

// The stable reason code of a TextFault, as the last part of an issue code
// ("name.control_character"): invalid_encoding, control_character,
// invisible_character, too_long, blank, non_ascii_space.
std::string_view ReasonCode(TextFault fault);
// An English message template for a TextFault, {1} standing for the
// character's CodePointLabel, or the field's limit for too_long.
std::string_view DescribeTemplate(TextFault fault);

// name with the middle dots people type in minority and transliterated names
// (・ U+30FB, • U+2022, ‧ U+2027, ･ U+FF65) written as the one the ID card
// uses, · U+00B7 ("阿依古丽•买买提" becomes "阿依古丽·买买提").
std::string NormalizeName(std::string_view name);
// Digits with an optional leading '+' and single '-' between digit groups,
// 5..20 characters in all ("0571-87654321", "+86-13800138000").
bool IsWellFormedPhone(std::string_view phone);
// 10..30 ASCII digits, nothing else (no spaces).
bool IsWellFormedBankAccount(std::string_view account);

// Every problem with household at once, each naming its field: region_code
// parses and is a village (community); at least one member; exactly one head;
// each member as ValidatePerson checks under "members[i]"; no resident ID twice
// in the household; incomes and asset values not negative; an income's
// member_id_number, when set, names a member; bank_account, when set,
// IsWellFormedBankAccount; phone, when set, IsWellFormedPhone. Empty when the
// household is fine. today is the date against which birth dates are checked.
// Also every text field is CheckStorableText within its limit above (codes
// "<field>.<ReasonCode>"), at most kMaxMembers members, kMaxIncomeItems
// incomes and kMaxAssets assets, an income at most kMaxMonthlyIncome
// ("monthly.too_large") and an asset at most kMaxAssetValue
// ("value.too_large"): a household that passes cannot overflow Money in
// TotalMonthlyIncome or any sum of its amounts.
ValidationIssues Validate(const Household& household, std::chrono::year_month_day today);

// The member checks for one person, fields prefixed with fieldPrefix
// ("members[2]" gives "members[2].name"; an empty prefix gives "name"): name
// not blank, well-formed UTF-8 of at most 50 code points; id_number a valid
// resident ID (code "id_number.<ReasonCode>"; full-width digits are
// "id_number.full_width_digits"); disability_grade 1..4 when there is a
// disability category, 0 when there is none; the name, each illness and the
// relation term CheckStorableText (the name with the name rules, codes
// "name.<ReasonCode>", "illnesses.<ReasonCode>", "relation_term.<ReasonCode>");
// a relation term that names another category than relation is
// "relation_term.mismatch".
ValidationIssues ValidatePerson(const Person& person, std::string_view fieldPrefix,
                                std::chrono::year_month_day today);

}  // namespace doudi::model
