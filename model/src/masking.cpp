#include "doudi/model/masking.h"

#include <algorithm>

#include "doudi/model/text.h"

namespace doudi::model {

namespace {

constexpr std::size_t kIdLength = 18;
constexpr std::size_t kIdShown = 6;     // the address code
constexpr std::size_t kIdHidden = 8;    // the birth date
constexpr std::size_t kAccountShown = 4;
constexpr std::string_view kAccountMask = "****";

bool AllAsterisks(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == '*'; });
}

}  // namespace

std::string MaskedIdNumber(std::string_view idNumber) {
  if (idNumber.size() != kIdLength) return {};
  std::string masked(idNumber.substr(0, kIdShown));
  masked.append(kIdHidden, '*');
  masked += idNumber.substr(kIdShown + kIdHidden);
  return masked;
}

bool IsMaskedIdNumber(std::string_view text) {
  if (text.size() != kIdLength) return false;
  const std::string_view tail = text.substr(kIdShown + kIdHidden);
  return IsAsciiDigits(text.substr(0, kIdShown)) && AllAsterisks(text.substr(kIdShown, kIdHidden)) &&
         IsAsciiDigits(tail.substr(0, tail.size() - 1)) && (IsAsciiDigit(tail.back()) || tail.back() == 'X');
}

std::string MaskBankAccount(std::string_view account) {
  std::string masked(kAccountMask);
  if (account.size() >= kAccountShown) masked += account.substr(account.size() - kAccountShown);
  return masked;
}

bool IsMaskedBankAccount(std::string_view text) {
  if (!text.starts_with(kAccountMask)) return false;
  const std::string_view shown = text.substr(kAccountMask.size());
  return shown.empty() || (shown.size() == kAccountShown && IsAsciiDigits(shown));
}

}  // namespace doudi::model
