#include "doudi/model/household.h"

#include <algorithm>
#include <iterator>
#include <variant>

#include "doudi/model/region_code.h"
#include "doudi/model/resident_id.h"

namespace doudi::model {
namespace {

static_assert(TableIsWellFormed<Relation>());
static_assert(TableIsWellFormed<RegistryStatus>());
static_assert(TableIsWellFormed<DisabilityCategory>());
static_assert(TableIsWellFormed<Schooling>());
static_assert(TableIsWellFormed<Employment>());
static_assert(TableIsWellFormed<WorkAbility>());
static_assert(TableIsWellFormed<HousingCondition>());
static_assert(TableIsWellFormed<IncomeKind>());
static_assert(TableIsWellFormed<AssetKind>());
// The last enumerator is in each table, so no value was left out at the end.
static_assert(EnumTraits<Relation>::kTexts.back().value == Relation::Other);
static_assert(EnumTraits<RegistryStatus>::kTexts.back().value == RegistryStatus::None);
static_assert(EnumTraits<DisabilityCategory>::kTexts.back().value == DisabilityCategory::Multiple);
static_assert(EnumTraits<Schooling>::kTexts.back().value == Schooling::Higher);
static_assert(EnumTraits<Employment>::kTexts.back().value == Employment::None);
static_assert(EnumTraits<WorkAbility>::kTexts.back().value == WorkAbility::None);
static_assert(EnumTraits<HousingCondition>::kTexts.back().value == HousingCondition::Homeless);
static_assert(EnumTraits<IncomeKind>::kTexts.back().value == IncomeKind::Other);
static_assert(EnumTraits<AssetKind>::kTexts.back().value == AssetKind::RealEstate);

constexpr int kMinDisabilityGrade = 1;
constexpr int kMaxDisabilityGrade = 4;
constexpr std::size_t kMinBankAccountDigits = 10;
constexpr std::size_t kMaxBankAccountDigits = 30;
constexpr std::size_t kMinPhoneLength = 5;
constexpr std::size_t kMaxPhoneLength = 20;

void Add(ValidationIssues& issues, std::string field, std::string code, std::string message) {
  issues.push_back(ValidationIssue{std::move(field), std::move(code), std::move(message)});
}

// The form in which two entries of the same resident ID compare equal, also
// when one of them is not a valid ID ("...002x " and "...002X").
std::string NormalizedIdNumber(std::string_view idNumber) {
  std::string normalized(TrimAsciiWhitespace(idNumber));
  std::replace(normalized.begin(), normalized.end(), 'x', 'X');
  return normalized;
}

}  // namespace

std::optional<Relation> ParseRelation(std::string_view text) { return ParseEnum<Relation>(text); }

std::optional<RegistryStatus> ParseRegistryStatus(std::string_view text) {
  return ParseEnum<RegistryStatus>(text);
}

std::optional<DisabilityCategory> ParseDisabilityCategory(std::string_view text) {
  return ParseEnum<DisabilityCategory>(text);
}

std::optional<Schooling> ParseSchooling(std::string_view text) { return ParseEnum<Schooling>(text); }

std::optional<Employment> ParseEmployment(std::string_view text) {
  return ParseEnum<Employment>(text);
}

std::optional<WorkAbility> ParseWorkAbility(std::string_view text) {
  return ParseEnum<WorkAbility>(text);
}

std::optional<HousingCondition> ParseHousingCondition(std::string_view text) {
  return ParseEnum<HousingCondition>(text);
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
  const std::optional<std::size_t> nameLength = CountUtf8CodePoints(person.name);
  if (TrimAsciiWhitespace(person.name).empty()) {
    Add(issues, nameField, "name.empty", "Enter the person's name.");
  } else if (!nameLength) {
    Add(issues, nameField, "name.invalid_encoding",
        "The name contains bytes that are not valid UTF-8 text; enter it again.");
  } else if (*nameLength > kMaxNameLength) {
    Add(issues, nameField, "name.too_long", "A name has at most 50 characters.");
  }

  const auto id = ResidentId::Parse(person.idNumber, today);
  if (const auto* error = std::get_if<ResidentIdError>(&id)) {
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
    }
    if (!TrimAsciiWhitespace(income.memberIdNumber).empty() &&
        std::find(idNumbers.begin(), idNumbers.end(), NormalizedIdNumber(income.memberIdNumber)) ==
            idNumbers.end()) {
      Add(issues, JoinField(prefix, "member_id_number"), "member_id_number.unknown_member",
          "The income is assigned to an ID number that is not a member of this household.");
    }
  }

  for (std::size_t i = 0; i < household.assets.size(); ++i) {
    if (household.assets[i].value < Money()) {
      Add(issues, JoinField(IndexedField("assets", i), "value"), "value.negative",
          "An asset's value cannot be negative.");
    }
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
