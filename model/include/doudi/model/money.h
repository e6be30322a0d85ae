#pragma once
// An amount of money in integer fen (分). There is no floating point anywhere
// in Money: yuan text is parsed and printed digit by digit, so 0.10 + 0.20 is
// exactly 0.30 and totals over a year of payments never drift.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace doudi::model {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromFen(std::int64_t fen) { return Money(fen); }

  // Yuan as written by a person or a spreadsheet: an optional '+' or '-',
  // one or more digits, and optionally '.' with one or two digits ("1234",
  // "1234.5", "1234.56", "-0.50", "+3"); surrounding ASCII white space is
  // trimmed. nullopt for empty text, more than two decimals, a missing digit
  // before or after '.', thousands separators, exponents, any other character,
  // or an amount outside the int64 range of fen.
  static std::optional<Money> ParseYuan(std::string_view text);

  constexpr std::int64_t Fen() const { return m_fen; }

  // Yuan with exactly two decimals and no separators: "1234.56", "-0.50",
  // "0.00". ParseYuan reads it back to the same amount.
  std::string ToYuanString() const;

  // Like ToYuanString with ',' between thousands: "1,234.56", "-1,234.56".
  std::string ToDisplayString() const;

  // Arithmetic is checked: a result outside the int64 range of fen throws
  // std::overflow_error (no user input gets this far unvalidated, so an
  // overflow is a defect or corrupt data, not something to correct on a form).
  friend Money operator+(Money a, Money b);
  friend Money operator-(Money a, Money b);
  friend Money operator-(Money a);
  friend Money operator*(Money a, std::int64_t factor);
  friend Money operator*(std::int64_t factor, Money a);
  Money& operator+=(Money other);
  Money& operator-=(Money other);

  // This amount divided into divisor equal parts, rounded to the fen half
  // away from zero (1.00 / 8 = 0.13, -1.00 / 8 = -0.13). Throws
  // std::invalid_argument when divisor <= 0: splitting among no one is a
  // defect in the caller.
  Money DividedBy(std::int64_t divisor) const;

  friend constexpr auto operator<=>(const Money&, const Money&) = default;
  friend constexpr bool operator==(const Money&, const Money&) = default;

 private:
  constexpr explicit Money(std::int64_t fen) : m_fen(fen) {}

  std::int64_t m_fen = 0;
};

}  // namespace doudi::model
