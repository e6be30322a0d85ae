#include "doudi/model/money.h"

#include <limits>
#include <stdexcept>

#include "doudi/model/text.h"

namespace doudi::model {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

[[noreturn]] void ThrowOverflow(const char* operation) {
  throw std::overflow_error(std::string("Money ") + operation + " overflows the int64 range of fen");
}

// |fen| without overflowing for the minimum value.
std::uint64_t Magnitude(std::int64_t fen) {
  return fen < 0 ? 0U - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
}

// The yuan part of a magnitude in fen, optionally with ',' between thousands.
std::string FormatYuan(std::int64_t fen, bool groupThousands) {
  const std::uint64_t magnitude = Magnitude(fen);
  const std::string yuan = std::to_string(magnitude / 100U);
  const auto cents = static_cast<unsigned>(magnitude % 100U);

  std::string text;
  if (fen < 0) {
    text += '-';
  }
  for (std::size_t i = 0; i < yuan.size(); ++i) {
    if (groupThousands && i > 0 && (yuan.size() - i) % 3 == 0) {
      text += ',';
    }
    text += yuan[i];
  }
  text += '.';
  text += static_cast<char>('0' + cents / 10U);
  text += static_cast<char>('0' + cents % 10U);
  return text;
}

}  // namespace

std::optional<Money> Money::ParseYuan(std::string_view text) {
  const std::string_view s = TrimAsciiWhitespace(text);
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    negative = s[i] == '-';
    ++i;
  }
  // The largest magnitude in fen the sign allows; -2^63 fen is representable.
  const std::uint64_t limit = static_cast<std::uint64_t>(kMax) + (negative ? 1U : 0U);

  const std::size_t integerBegin = i;
  std::uint64_t yuan = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) {
    const auto digit = static_cast<std::uint64_t>(s[i] - '0');
    if (yuan > (limit - digit) / 10U) {
      return std::nullopt;
    }
    yuan = yuan * 10U + digit;
    ++i;
  }
  if (i == integerBegin) {
    return std::nullopt;  // empty, a sign alone, ".5", or not a number at all
  }

  std::uint64_t cents = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t fractionBegin = i;
    while (i < s.size() && IsAsciiDigit(s[i])) {
      ++i;
    }
    const std::size_t decimals = i - fractionBegin;
    if (decimals == 0 || decimals > 2) {
      return std::nullopt;
    }
    cents = static_cast<std::uint64_t>(s[fractionBegin] - '0') * 10U;
    if (decimals == 2) {
      cents += static_cast<std::uint64_t>(s[fractionBegin + 1] - '0');
    }
  }
  if (i != s.size()) {
    return std::nullopt;  // separators, exponents, currency signs, inner spaces
  }
  if (yuan > (limit - cents) / 100U) {
    return std::nullopt;
  }
  const std::uint64_t magnitude = yuan * 100U + cents;
  if (!negative) {
    return Money(static_cast<std::int64_t>(magnitude));
  }
  if (magnitude == static_cast<std::uint64_t>(kMax) + 1U) {
    return Money(kMin);
  }
  return Money(-static_cast<std::int64_t>(magnitude));
}

std::string Money::ToYuanString() const { return FormatYuan(m_fen, false); }

std::string Money::ToDisplayString() const { return FormatYuan(m_fen, true); }

Money operator+(Money a, Money b) {
  if ((b.m_fen > 0 && a.m_fen > kMax - b.m_fen) || (b.m_fen < 0 && a.m_fen < kMin - b.m_fen)) {
    ThrowOverflow("addition");
  }
  return Money(a.m_fen + b.m_fen);
}

Money operator-(Money a, Money b) {
  if ((b.m_fen < 0 && a.m_fen > kMax + b.m_fen) || (b.m_fen > 0 && a.m_fen < kMin + b.m_fen)) {
    ThrowOverflow("subtraction");
  }
  return Money(a.m_fen - b.m_fen);
}

Money operator-(Money a) {
  if (a.m_fen == kMin) {
    ThrowOverflow("negation");
  }
  return Money(-a.m_fen);
}

Money operator*(Money a, std::int64_t factor) {
  const std::int64_t x = a.m_fen;
  const std::int64_t y = factor;
  if (x != 0 && y != 0) {
    const bool overflows = x > 0 ? (y > 0 ? x > kMax / y : y < kMin / x)
                                 : (y > 0 ? x < kMin / y : y < kMax / x);
    if (overflows) {
      ThrowOverflow("multiplication");
    }
  }
  return Money(x * y);
}

Money operator*(std::int64_t factor, Money a) { return a * factor; }

Money& Money::operator+=(Money other) { return *this = *this + other; }

Money& Money::operator-=(Money other) { return *this = *this - other; }

Money Money::DividedBy(std::int64_t divisor) const {
  if (divisor <= 0) {
    throw std::invalid_argument("Money::DividedBy needs a positive divisor");
  }
  std::int64_t quotient = m_fen / divisor;  // truncates toward zero
  const std::int64_t remainder = m_fen % divisor;  // has the sign of m_fen
  const std::int64_t absRemainder = remainder < 0 ? -remainder : remainder;
  // Round half away from zero; compared this way because 2 * remainder could
  // overflow for a huge divisor.
  if (absRemainder >= divisor - absRemainder) {
    quotient += m_fen < 0 ? -1 : 1;
  }
  return Money(quotient);
}

}  // namespace doudi::model
