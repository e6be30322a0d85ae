#include "doudi/model/resident_id.h"

#include <array>
#include <cassert>
#include <cstddef>

#include "doudi/model/text.h"

namespace doudi::model {
namespace {

// DOMAIN.md's second example was born in 1880, so the floor sits below it;
// it only keeps out dates that are typing errors, not old people.
constexpr std::chrono::year kEarliestBirthYear{1800};

constexpr std::size_t kLength = 18;
constexpr std::size_t kBirthDateOffset = 6;
constexpr std::size_t kSequenceSexOffset = 16;
constexpr std::size_t kCheckOffset = 17;

// ISO 7064 MOD 11-2 as GB 11643-1999 applies it.
constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::array<char, 11> kCheckCharacters{'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

unsigned DigitsValue(std::string_view digits) {
  unsigned value = 0;
  for (const char c : digits) {
    value = value * 10U + static_cast<unsigned>(c - '0');
  }
  return value;
}

// The date in "YYYYMMDD" (8 digits), not checked for validity.
std::chrono::year_month_day DateFromDigits(std::string_view digits) {
  return std::chrono::year_month_day{
      std::chrono::year{static_cast<int>(DigitsValue(digits.substr(0, 4)))},
      std::chrono::month{DigitsValue(digits.substr(4, 2))},
      std::chrono::day{DigitsValue(digits.substr(6, 2))}};
}

}  // namespace

std::string_view ReasonCode(ResidentIdError error) {
  switch (error) {
    case ResidentIdError::WrongLength: return "wrong_length";
    case ResidentIdError::InvalidCharacter: return "invalid_character";
    case ResidentIdError::InvalidBirthDate: return "invalid_birth_date";
    case ResidentIdError::BirthDateInFuture: return "birth_date_in_future";
    case ResidentIdError::ChecksumMismatch: return "checksum_mismatch";
  }
  return "unknown";
}

std::string_view Describe(ResidentIdError error) {
  switch (error) {
    case ResidentIdError::WrongLength:
      return "A resident ID number has exactly 18 characters.";
    case ResidentIdError::InvalidCharacter:
      return "A resident ID number is 17 digits followed by a digit or X.";
    case ResidentIdError::InvalidBirthDate:
      return "The birth date in the resident ID number (characters 7 to 14) is not a real date.";
    case ResidentIdError::BirthDateInFuture:
      return "The birth date in the resident ID number is in the future.";
    case ResidentIdError::ChecksumMismatch:
      return "The last character of the resident ID number does not match the others; "
             "check for a mistyped digit.";
  }
  return "The resident ID number is not valid.";
}

std::string_view ToCode(Sex sex) { return sex == Sex::Male ? "male" : "female"; }

char ResidentIdCheckCharacter(std::string_view first17) {
  assert(first17.size() == kWeights.size() && IsAsciiDigits(first17));
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size() && i < first17.size(); ++i) {
    sum += (first17[i] - '0') * kWeights[i];
  }
  return kCheckCharacters[static_cast<std::size_t>(sum % 11)];
}

std::variant<ResidentId, ResidentIdError> ResidentId::Parse(std::string_view text,
                                                            std::chrono::year_month_day today) {
  const std::string_view trimmed = TrimAsciiWhitespace(text);
  if (trimmed.size() != kLength) {
    return ResidentIdError::WrongLength;
  }
  std::string normalized(trimmed);
  if (normalized[kCheckOffset] == 'x') {
    normalized[kCheckOffset] = 'X';
  }
  const std::string_view first17 = std::string_view(normalized).substr(0, kCheckOffset);
  const char check = normalized[kCheckOffset];
  if (!IsAsciiDigits(first17) || !(IsAsciiDigit(check) || check == 'X')) {
    return ResidentIdError::InvalidCharacter;
  }
  const std::chrono::year_month_day birth =
      DateFromDigits(first17.substr(kBirthDateOffset, 8));
  if (!birth.ok() || birth.year() < kEarliestBirthYear) {
    return ResidentIdError::InvalidBirthDate;
  }
  if (birth > today) {
    return ResidentIdError::BirthDateInFuture;
  }
  if (ResidentIdCheckCharacter(first17) != check) {
    return ResidentIdError::ChecksumMismatch;
  }
  return ResidentId(std::move(normalized));
}

std::string ResidentId::Masked() const { return MaskedIdNumber(m_text); }

std::chrono::year_month_day ResidentId::BirthDate() const {
  return DateFromDigits(std::string_view(m_text).substr(kBirthDateOffset, 8));
}

Sex ResidentId::GetSex() const {
  return (m_text[kSequenceSexOffset] - '0') % 2 == 1 ? Sex::Male : Sex::Female;
}

int ResidentId::AgeAt(std::chrono::year_month_day date) const {
  const std::chrono::year_month_day birth = BirthDate();
  if (date < birth) {
    return 0;
  }
  int age = static_cast<int>(date.year()) - static_cast<int>(birth.year());
  std::chrono::year_month_day birthday{date.year(), birth.month(), birth.day()};
  if (!birthday.ok()) {
    // Only a 29 February birth in a common year: the birthday is taken as
    // 1 March, so nobody turns 60 or 18 a day before the anniversary exists.
    birthday = std::chrono::year_month_day{date.year(), std::chrono::March, std::chrono::day{1}};
  }
  if (date < birthday) {
    --age;
  }
  return age;
}

std::string_view ResidentId::AddressCode() const {
  return std::string_view(m_text).substr(0, 6);
}

}  // namespace doudi::model
