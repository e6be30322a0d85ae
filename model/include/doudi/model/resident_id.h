#pragma once
// The 18-character resident identity number of GB 11643-1999 (公民身份号码):
// 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male),
// and an ISO 7064 MOD 11-2 check character.

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "doudi/model/masking.h"  // MaskBankAccount, used with the ID by the same screens

namespace doudi::model {

// Why a text is not a resident ID, in the order Parse checks.
enum class ResidentIdError {
  WrongLength,
  InvalidCharacter,
  InvalidBirthDate,
  BirthDateInFuture,
  ChecksumMismatch,
};

// Stable snake_case code: "wrong_length", "invalid_character",
// "invalid_birth_date", "birth_date_in_future", "checksum_mismatch".
std::string_view ReasonCode(ResidentIdError error);

// An English sentence for a person, e.g. for a validation message.
std::string_view Describe(ResidentIdError error);

enum class Sex { Male, Female };

// "male" or "female".
std::string_view ToCode(Sex sex);

// The check character ('0'..'9' or 'X') for the first 17 characters of an ID.
// Precondition: first17 is exactly 17 ASCII digits (checked by assert only);
// meant for data generators and for Parse.
char ResidentIdCheckCharacter(std::string_view first17);

// A resident ID that passed every check; only Parse makes one, so holding a
// ResidentId means the text is well-formed.
class ResidentId {
 public:
  // Trims surrounding ASCII white space and accepts a lowercase 'x' (stored as
  // 'X'). Checks, reporting the first failure: length 18; 17 digits followed
  // by a digit or X; a real birth date YYYYMMDD with year >= 1900; the birth
  // date not after today; the check character. The address code is not
  // checked against a list: codes are retired over time, so an unknown one
  // is for the caller to warn about, not an error.
  static std::variant<ResidentId, ResidentIdError> Parse(
      std::string_view text, std::chrono::year_month_day today);

  // The normalised 18 characters (uppercase X).
  const std::string& Text() const noexcept { return m_text; }

  // The first 6 and last 4 characters with 8 '*' between
  // ("110105********002X"), as display rules require outside the screens
  // that need the full number.
  std::string Masked() const;

  std::chrono::year_month_day BirthDate() const;

  // From the 17th character: odd is male, even is female.
  Sex GetSex() const;

  // Completed years of age on date: 0 before the first birthday, and also 0
  // for a date before the birth date. A person born on 29 February has the
  // birthday on 1 March in common years.
  int AgeAt(std::chrono::year_month_day date) const;

  // The first 6 characters (the address code at issue time); a view into
  // Text(), valid as long as this object.
  std::string_view AddressCode() const;

  friend bool operator==(const ResidentId&, const ResidentId&) = default;

 private:
  explicit ResidentId(std::string text) : m_text(std::move(text)) {}

  std::string m_text;
};

}  // namespace doudi::model
