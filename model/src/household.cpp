#include "doudi/model/household.h"

#include <algorithm>
#include <iterator>
#include <variant>

#include "doudi/catalog/message_catalog.h"
#include "doudi/model/code_tables.h"
#include "doudi/model/region_code.h"
#include "doudi/model/resident_id.h"

namespace doudi::model {
namespace {

static_assert(TableIsComplete(Relation::Other));
static_assert(TableIsComplete(RegistryStatus::None));
static_assert(TableIsComplete(DisabilityCategory::Multiple));
static_assert(TableIsComplete(Schooling::Higher));
static_assert(TableIsComplete(Employment::None));
static_assert(TableIsComplete(WorkAbility::None));
static_assert(TableIsComplete(HousingCondition::Homeless));
static_assert(TableIsComplete(IncomeKind::Other));
static_assert(TableIsComplete(AssetKind::RealEstate));

constexpr int kMinDisabilityGrade = 1;
constexpr int kMaxDisabilityGrade = 4;
constexpr std::size_t kMinBankAccountDigits = 10;
constexpr std::size_t kMaxBankAccountDigits = 30;
constexpr std::size_t kMinPhoneLength = 5;
constexpr std::size_t kMaxPhoneLength = 20;

void Add(ValidationIssues& issues, std::string field, std::string code, std::string message) {
  issues.push_back(ValidationIssue{std::move(field), std::move(code), std::move(message)});
}

// Every term of a code table names a value of E, and no term of it is a
// label or code of another value of E (so a term cannot change meaning
// depending on which table is consulted first).
template <DomainEnum E, std::size_t N>
consteval bool CodesNameValuesOf(const std::array<codes::CodedTerm, N>& table) {
  for (const auto& entry : table) {
    bool known = false;
    for (const auto& text : EnumTraits<E>::kTexts) {
      if (text.code == entry.value) known = true;
      if ((text.chinese == entry.term || text.code == entry.term) && text.code != entry.value) return false;
    }
    if (!known) return false;
  }
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t k = i + 1; k < N; ++k) {
      if (table[i].term == table[k].term) return false;
    }
  }
  return true;
}
static_assert(CodesNameValuesOf<Relation>(codes::kCodesFamilyRelation));
static_assert(CodesNameValuesOf<DisabilityCategory>(codes::kCodesDisabilityCategory));
static_assert(CodesNameValuesOf<Schooling>(codes::kCodesSchooling));
static_assert(CodesNameValuesOf<Employment>(codes::kCodesEmployment));
static_assert(CodesNameValuesOf<HousingCondition>(codes::kCodesHousing));
static_assert(CodesNameValuesOf<WorkAbility>(codes::kCodesWorkAbility));
static_assert(CodesNameValuesOf<RegistryStatus>(codes::kCodesRegistryStatus));

// The entry of table whose term is text, or whose code is text's digits
// made half-width (a one-digit code given its leading zero when
// padOneDigit: Excel drops it from "02"); nullptr when none is.
template <std::size_t N>
const codes::CodedTerm* FindCoded(std::string_view text, const std::array<codes::CodedTerm, N>& table,
                                  bool padOneDigit) {
  const std::string_view trimmed = TrimAsciiWhitespace(text);
  for (const auto& entry : table) {
    if (entry.term == trimmed) return &entry;
  }
  std::string code = HalfWidthDigits(trimmed);
  if (!IsAsciiDigits(code)) return nullptr;
  if (padOneDigit && code.size() == 1) code.insert(code.begin(), '0');
  for (const auto& entry : table) {
    if (!entry.code.empty() && entry.code == code) return &entry;  // the first is the standard term
  }
  return nullptr;
}

// ParseEnum, then the terms and codes of table.
template <DomainEnum E, std::size_t N>
std::optional<E> ParseCoded(std::string_view text, const std::array<codes::CodedTerm, N>& table) {
  if (const auto value = ParseEnum<E>(text)) return value;
  if (const auto* entry = FindCoded(text, table, false)) return ParseEnum<E>(entry->value);
  return std::nullopt;
}

void AddText(ValidationIssues& issues, const std::string& field, std::string_view name, std::string_view text,
             std::size_t limit, TextKind kind) {
  const auto problem = CheckStorableText(text, limit, kind);
  if (!problem) return;
  const std::string detail =
      problem->fault == TextFault::TooLong ? std::to_string(limit) : CodePointLabel(problem->codePoint);
  Add(issues, field, std::string(name) + "." + std::string(ReasonCode(problem->fault)),
      catalog::Format(DescribeTemplate(problem->fault), {detail}));
}

// The form in which two entries of the same resident ID compare equal, also
// when one of them is not a valid ID ("...002x " and "...002X").
std::string NormalizedIdNumber(std::string_view idNumber) {
  std::string normalized(TrimAsciiWhitespace(idNumber));
  std::replace(normalized.begin(), normalized.end(), 'x', 'X');
  return normalized;
}

}  // namespace

std::optional<Relation> ParseRelation(std::string_view text) {
  const auto reading = ReadRelation(text);
  return reading ? std::optional(reading->relation) : std::nullopt;
}

std::optional<RelationReading> ReadRelation(std::string_view text) {
  const std::string_view trimmed = TrimAsciiWhitespace(text);
  for (const auto& entry : EnumTraits<Relation>::kTexts) {
    if (EqualsIgnoringAsciiCase(trimmed, entry.code)) return RelationReading{entry.value, {}};
  }
  if (const auto* coded = FindCoded(trimmed, codes::kCodesFamilyRelation, true)) {
    const bool byCode = coded->term != trimmed;
    return RelationReading{*ParseEnum<Relation>(coded->value), std::string(byCode ? coded->term : trimmed)};
  }
  if (const auto label = ParseEnum<Relation>(trimmed)) return RelationReading{*label, std::string(trimmed)};
  return std::nullopt;
}

std::optional<int> ParseDisabilityGrade(std::string_view text) {
  const std::string_view trimmed = TrimAsciiWhitespace(text);
  if (const auto* entry = FindCoded(trimmed, codes::kCodesDisabilityGrade, false)) return entry->value[0] - '0';
  return std::nullopt;
}

std::optional<RegistryStatus> ParseRegistryStatus(std::string_view text) {
  return ParseCoded<RegistryStatus>(text, codes::kCodesRegistryStatus);
}

std::optional<DisabilityCategory> ParseDisabilityCategory(std::string_view text) {
  return ParseCoded<DisabilityCategory>(text, codes::kCodesDisabilityCategory);
}

std::optional<Schooling> ParseSchooling(std::string_view text) {
  return ParseCoded<Schooling>(text, codes::kCodesSchooling);
}

std::optional<Employment> ParseEmployment(std::string_view text) {
  return ParseCoded<Employment>(text, codes::kCodesEmployment);
}

std::optional<WorkAbility> ParseWorkAbility(std::string_view text) {
  return ParseCoded<WorkAbility>(text, codes::kCodesWorkAbility);
}

std::optional<HousingCondition> ParseHousingCondition(std::string_view text) {
  return ParseCoded<HousingCondition>(text, codes::kCodesHousing);
}

std::string_view ReasonCode(TextFault fault) {
  switch (fault) {
    case TextFault::InvalidEncoding:
      return "invalid_encoding";
    case TextFault::ControlCharacter:
      return "control_character";
    case TextFault::InvisibleCharacter:
      return "invisible_character";
    case TextFault::TooLong:
      return "too_long";
    case TextFault::Blank:
      return "blank";
    case TextFault::NonAsciiSpace:
      return "non_ascii_space";
  }
  return "invalid";
}

std::string_view DescribeTemplate(TextFault fault) {
  switch (fault) {
    case TextFault::InvalidEncoding:
      return "the text is not valid UTF-8; type it again";
    case TextFault::ControlCharacter:
      return "contains a control character ({1}, e.g. a line break, tab or escape); type the value again on "
             "one line";
    case TextFault::InvisibleCharacter:
      return "contains an invisible formatting character ({1}, e.g. a zero-width space, a byte-order mark or "
             "a right-to-left override); type the value again";
    case TextFault::TooLong:
      return "is longer than {1} characters";
    case TextFault::Blank:
      return "holds nothing but spaces";
    case TextFault::NonAsciiSpace:
      return "contains a full-width or other special space ({1}); leave it out";
  }
  return "cannot be stored";
}

std::string NormalizeName(std::string_view name) {
  static constexpr std::array<std::string_view, 4> kDotVariants{"\u30FB", "\u2022", "\u2027", "\uFF65"};
  std::string out(name);
  for (const std::string_view variant : kDotVariants) {
    for (auto at = out.find(variant); at != std::string::npos; at = out.find(variant, at)) {
      out.replace(at, variant.size(), "\u00B7");
    }
  }
  return out;
}

std::optional<IncomeKind> ParseIncomeKind(std::string_view text) {
  return ParseEnum<IncomeKind>(text);
}

std::optional<AssetKind> ParseAssetKind(std::string_view text) { return ParseEnum<AssetKind>(text); }

bool IsWellFormedPhone(std::string_view phone) {
  if (phone.size() < kMinPhoneLength || phone.size() > kMaxPhoneLength) {
    return false;
  }
  if (phone.front() == '+') {
    phone.remove_prefix(1);
  }
  bool previousWasDigit = false;
  for (const char c : phone) {
    if (IsAsciiDigit(c)) {
      previousWasDigit = true;
    } else if (c == '-' && previousWasDigit) {
      previousWasDigit = false;
    } else {
      return false;
    }
  }
  return previousWasDigit;
}

bool IsWellFormedBankAccount(std::string_view account) {
  return account.size() >= kMinBankAccountDigits && account.size() <= kMaxBankAccountDigits &&
         IsAsciiDigits(account);
}

const Person* Household::Head() const {
  const auto head = std::find_if(members.begin(), members.end(),
                                 [](const Person& p) { return p.relation == Relation::Head; });
  return head == members.end() ? nullptr : &*head;
}

Money Household::TotalMonthlyIncome() const {
  Money total;
  for (const IncomeItem& income : incomes) {
    total += income.monthly;
  }
  return total;
}

Money Household::PerCapitaMonthlyIncome() const {
  if (members.empty()) {
    return Money();
  }
  return TotalMonthlyIncome().DividedBy(static_cast<std::int64_t>(members.size()));
}

ValidationIssues ValidatePerson(const Person& person, std::string_view fieldPrefix,
                                std::chrono::year_month_day today) {
  ValidationIssues issues;

  const std::string nameField = JoinField(fieldPrefix, "name");
  const auto nameProblem = CheckStorableText(person.name, kMaxNameLength, TextKind::Name);
  if (TrimAsciiWhitespace(person.name).empty()) {
    Add(issues, nameField, "name.empty", "Enter the person's name.");
  } else if (nameProblem && nameProblem->fault == TextFault::InvalidEncoding) {
    Add(issues, nameField, "name.invalid_encoding",
        "The name contains bytes that are not valid UTF-8 text; enter it again.");
  } else if (nameProblem && nameProblem->fault == TextFault::TooLong) {
    Add(issues, nameField, "name.too_long", "A name has at most 50 characters.");
  } else {
    AddText(issues, nameField, "name", person.name, kMaxNameLength, TextKind::Name);
  }

  const auto id = ResidentId::Parse(person.idNumber, today);
  if (ContainsFullWidthDigit(person.idNumber)) {
    Add(issues, JoinField(fieldPrefix, "id_number"), "id_number.full_width_digits",
        "The resident ID number contains full-width digits (１２３); type it in half-width digits.");
  } else if (const auto* error = std::get_if<ResidentIdError>(&id)) {
    Add(issues, JoinField(fieldPrefix, "id_number"), "id_number." + std::string(ReasonCode(*error)),
        std::string(Describe(*error)));
  }

  const std::string gradeField = JoinField(fieldPrefix, "disability_grade");
  if (person.disability == DisabilityCategory::None) {
    if (person.disabilityGrade != 0) {
      Add(issues, gradeField, "disability_grade.without_category",
          "A disability grade is recorded only together with a disability category.");
    }
  } else if (person.disabilityGrade < kMinDisabilityGrade ||
             person.disabilityGrade > kMaxDisabilityGrade) {
    Add(issues, gradeField, "disability_grade.out_of_range",
        "A disability grade is from 1 (most severe) to 4.");
  }

  const std::string illnessField = JoinField(fieldPrefix, "illnesses");
  std::size_t illnessesLength = 0;
  for (const std::string& illness : person.illnesses) {
    AddText(issues, illnessField, "illnesses", illness, kMaxIllnessLength, TextKind::FreeText);
    illnessesLength += CountUtf8CodePoints(illness).value_or(0) + 1;
  }
  if (illnessesLength > kMaxIllnessesLength + 1) {
    Add(issues, illnessField, "illnesses.too_long",
        catalog::Format(DescribeTemplate(TextFault::TooLong), {std::to_string(kMaxIllnessesLength)}));
  }

  const std::string termField = JoinField(fieldPrefix, "relation_term");
  AddText(issues, termField, "relation_term", person.relationTerm, kMaxRelationTermLength, TextKind::Line);
  if (!person.relationTerm.empty()) {
    const auto reading = ReadRelation(person.relationTerm);
    if (reading && reading->relation != person.relation) {
      Add(issues, termField, "relation_term.mismatch",
          "The written relation names another relation to the head than the one chosen.");
    }
  }
  return issues;
}

ValidationIssues Validate(const Household& household, std::chrono::year_month_day today) {
  ValidationIssues issues;

  const std::optional<RegionCode> region = RegionCode::Parse(household.regionCode);
  if (!region) {
    Add(issues, "region_code", "region_code.invalid",
        "The region code must be a 12-digit statistical region code.");
  } else if (region->Level() != RegionLevel::Village) {
    Add(issues, "region_code", "region_code.not_village",
        "A household belongs to a village or community: choose a region at that level.");
  }

  AddText(issues, "address", "address", household.address, kMaxAddressLength, TextKind::FreeText);
  AddText(issues, "bank_name", "bank_name", household.bankName, kMaxBankNameLength, TextKind::FreeText);

  if (household.members.size() > kMaxMembers) {
    Add(issues, "members", "members.too_many",
        catalog::Format("A household has at most {1} members.", {std::to_string(kMaxMembers)}));
  }
  if (household.incomes.size() > kMaxIncomeItems) {
    Add(issues, "incomes", "incomes.too_many",
        catalog::Format("A household has at most {1} income items.", {std::to_string(kMaxIncomeItems)}));
  }
  if (household.assets.size() > kMaxAssets) {
    Add(issues, "assets", "assets.too_many",
        catalog::Format("A household has at most {1} assets.", {std::to_string(kMaxAssets)}));
  }

  if (household.members.empty()) {
    Add(issues, "members", "members.empty", "A household has at least one member.");
  } else if (household.Head() == nullptr) {
    Add(issues, "members", "members.no_head", "Mark one member as the head of the household.");
  }

  bool headSeen = false;
  std::vector<std::string> idNumbers;  // normalised, by member index
  idNumbers.reserve(household.members.size());
  for (std::size_t i = 0; i < household.members.size(); ++i) {
    const Person& member = household.members[i];
    const std::string prefix = IndexedField("members", i);

    if (member.relation == Relation::Head) {
      if (headSeen) {
        Add(issues, JoinField(prefix, "relation"), "relation.multiple_heads",
            "Another member is already the head of the household; a household has exactly one.");
      }
      headSeen = true;
    }

    ValidationIssues memberIssues = ValidatePerson(member, prefix, today);
    issues.insert(issues.end(), std::make_move_iterator(memberIssues.begin()),
                  std::make_move_iterator(memberIssues.end()));

    std::string idNumber = NormalizedIdNumber(member.idNumber);
    const auto earlier = std::find(idNumbers.begin(), idNumbers.end(), idNumber);
    if (!idNumber.empty() && earlier != idNumbers.end()) {
      const auto earlierIndex = static_cast<std::size_t>(earlier - idNumbers.begin());
      Add(issues, JoinField(prefix, "id_number"), "id_number.duplicate",
          "This ID number is already entered for member " + std::to_string(earlierIndex + 1) +
              " of this household.");
    }
    idNumbers.push_back(std::move(idNumber));
  }

  for (std::size_t i = 0; i < household.incomes.size(); ++i) {
    const IncomeItem& income = household.incomes[i];
    const std::string prefix = IndexedField("incomes", i);
    if (income.monthly < Money()) {
      Add(issues, JoinField(prefix, "monthly"), "monthly.negative",
          "A monthly income cannot be negative.");
    } else if (income.monthly > kMaxMonthlyIncome) {
      Add(issues, JoinField(prefix, "monthly"), "monthly.too_large",
          catalog::Format("A monthly income is at most {1} yuan.", {kMaxMonthlyIncome.ToDisplayString()}));
    }
    AddText(issues, JoinField(prefix, "note"), "note", income.note, kMaxNoteLength, TextKind::FreeText);
    if (!TrimAsciiWhitespace(income.memberIdNumber).empty() &&
        std::find(idNumbers.begin(), idNumbers.end(), NormalizedIdNumber(income.memberIdNumber)) ==
            idNumbers.end()) {
      Add(issues, JoinField(prefix, "member_id_number"), "member_id_number.unknown_member",
          "The income is assigned to an ID number that is not a member of this household.");
    }
  }

  for (std::size_t i = 0; i < household.assets.size(); ++i) {
    const Asset& asset = household.assets[i];
    const std::string prefix = IndexedField("assets", i);
    if (asset.value < Money()) {
      Add(issues, JoinField(prefix, "value"), "value.negative", "An asset's value cannot be negative.");
    } else if (asset.value > kMaxAssetValue) {
      Add(issues, JoinField(prefix, "value"), "value.too_large",
          catalog::Format("An asset's value is at most {1} yuan.", {kMaxAssetValue.ToDisplayString()}));
    }
    AddText(issues, JoinField(prefix, "description"), "description", asset.description, kMaxNoteLength,
            TextKind::FreeText);
  }

  if (!household.bankAccount.empty() && !IsWellFormedBankAccount(household.bankAccount)) {
    Add(issues, "bank_account", "bank_account.invalid",
        "A bank account number is 10 to 30 digits, without spaces.");
  }

  if (!household.phone.empty() && !IsWellFormedPhone(household.phone)) {
    Add(issues, "phone", "phone.invalid",
        "A phone number is 5 to 20 characters: digits, an optional leading +, and - between "
        "groups of digits.");
  }

  return issues;
}

}  // namespace doudi::model
