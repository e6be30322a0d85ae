#include "doudi/model/money.h"

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>

using namespace doudi::model;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// Fen of the parsed text; fails the test case when the text is rejected.
std::int64_t FenOf(std::string_view text) {
  const auto money = Money::ParseYuan(text);
  BOOST_TEST_REQUIRE(money.has_value(), "rejected: '" << text << "'");
  return money->Fen();
}

bool Rejected(std::string_view text) { return !Money::ParseYuan(text).has_value(); }

Money Fen(std::int64_t fen) { return Money::FromFen(fen); }

}  // namespace

BOOST_AUTO_TEST_SUITE(money)

BOOST_AUTO_TEST_CASE(parses_yuan_with_up_to_two_decimals) {
  BOOST_TEST(FenOf("1234") == 123400);
  BOOST_TEST(FenOf("1234.5") == 123450);
  BOOST_TEST(FenOf("1234.56") == 123456);
  BOOST_TEST(FenOf("1234.05") == 123405);
  BOOST_TEST(FenOf("-0.50") == -50);
  BOOST_TEST(FenOf("-0.05") == -5);
  BOOST_TEST(FenOf("+3") == 300);
  BOOST_TEST(FenOf("0") == 0);
  BOOST_TEST(FenOf("-0") == 0);
  BOOST_TEST(FenOf("0.00") == 0);
  BOOST_TEST(FenOf("007.10") == 710);
  BOOST_TEST(FenOf("  12.30\t\r\n") == 1230);
}

BOOST_AUTO_TEST_CASE(rejects_what_is_not_plain_yuan) {
  const char* bad[] = {"",     "   ",   "-",      "+",      ".",     "1.",   ".5",
                       "1.234", "0.001", "1,234",  "1,234.00", "1 234", "1e3",  "1E3",
                       "1.5e2", "--1",   "+-1",    "1.2.3",  "¥12",   "12元", "0x10",
                       "NaN",   "inf",   "１２",   "12 .5",  "12. 5", "- 1",  "1-"};
  for (const char* text : bad) {
    BOOST_TEST(Rejected(text), "accepted: '" << text << "'");
  }
}

BOOST_AUTO_TEST_CASE(parsing_stops_at_the_int64_range) {
  BOOST_TEST(FenOf("92233720368547758.07") == kMax);
  BOOST_TEST(Rejected("92233720368547758.08"));
  BOOST_TEST(FenOf("-92233720368547758.08") == kMin);
  BOOST_TEST(Rejected("-92233720368547758.09"));
  BOOST_TEST(Rejected("92233720368547759"));
  BOOST_TEST(Rejected("99999999999999999999"));
  BOOST_TEST(Rejected("999999999999999999999999999999"));
}

BOOST_AUTO_TEST_CASE(yuan_string_has_two_decimals) {
  BOOST_TEST(Fen(0).ToYuanString() == "0.00");
  BOOST_TEST(Fen(5).ToYuanString() == "0.05");
  BOOST_TEST(Fen(50).ToYuanString() == "0.50");
  BOOST_TEST(Fen(-50).ToYuanString() == "-0.50");
  BOOST_TEST(Fen(123456).ToYuanString() == "1234.56");
  BOOST_TEST(Fen(100000000).ToYuanString() == "1000000.00");
  BOOST_TEST(Fen(kMax).ToYuanString() == "92233720368547758.07");
  BOOST_TEST(Fen(kMin).ToYuanString() == "-92233720368547758.08");
}

BOOST_AUTO_TEST_CASE(yuan_string_reads_back_to_the_same_amount) {
  for (const std::int64_t fen : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1},
                                 std::int64_t{99}, std::int64_t{-12345}, kMax, kMin}) {
    BOOST_TEST(FenOf(Fen(fen).ToYuanString()) == fen);
  }
}

BOOST_AUTO_TEST_CASE(display_string_groups_thousands) {
  BOOST_TEST(Fen(0).ToDisplayString() == "0.00");
  BOOST_TEST(Fen(12345).ToDisplayString() == "123.45");
  BOOST_TEST(Fen(99999).ToDisplayString() == "999.99");
  BOOST_TEST(Fen(100000).ToDisplayString() == "1,000.00");
  BOOST_TEST(Fen(123456).ToDisplayString() == "1,234.56");
  BOOST_TEST(Fen(99999999).ToDisplayString() == "999,999.99");
  BOOST_TEST(Fen(100000000).ToDisplayString() == "1,000,000.00");
  BOOST_TEST(Fen(-123456789).ToDisplayString() == "-1,234,567.89");
  BOOST_TEST(Fen(-50).ToDisplayString() == "-0.50");
  BOOST_TEST(Fen(kMax).ToDisplayString() == "92,233,720,368,547,758.07");
}

BOOST_AUTO_TEST_CASE(arithmetic_is_exact) {
  BOOST_TEST((*Money::ParseYuan("0.10") + *Money::ParseYuan("0.20") == *Money::ParseYuan("0.30")));
  BOOST_TEST((Fen(500) - Fen(750)).Fen() == -250);
  BOOST_TEST((Fen(333) * 3).Fen() == 999);
  BOOST_TEST((4 * Fen(-25)).Fen() == -100);
  BOOST_TEST((-Fen(40)).Fen() == -40);
  Money total;
  total += Fen(1050);
  total += Fen(2);
  total -= Fen(52);
  BOOST_TEST(total.Fen() == 1000);
  BOOST_TEST(Money().Fen() == 0);
}

BOOST_AUTO_TEST_CASE(overflow_throws) {
  BOOST_CHECK_THROW(Fen(kMax) + Fen(1), std::overflow_error);
  BOOST_CHECK_THROW(Fen(kMin) + Fen(-1), std::overflow_error);
  BOOST_CHECK_THROW(Fen(kMin) - Fen(1), std::overflow_error);
  BOOST_CHECK_THROW(Fen(kMax) - Fen(-1), std::overflow_error);
  BOOST_CHECK_THROW(Fen(kMax) * 2, std::overflow_error);
  BOOST_CHECK_THROW(Fen(kMin) * -1, std::overflow_error);
  BOOST_CHECK_THROW(Fen(-2) * (kMax / 2 + 2), std::overflow_error);
  BOOST_CHECK_THROW(-Fen(kMin), std::overflow_error);
  Money m = Fen(kMax);
  BOOST_CHECK_THROW(m += Fen(1), std::overflow_error);
  BOOST_TEST(m.Fen() == kMax);  // unchanged after the failed addition
  BOOST_TEST((Fen(kMax) + Fen(kMin)).Fen() == -1);
  BOOST_TEST((Fen(kMin) * 1).Fen() == kMin);
  BOOST_TEST((Fen(-1) * kMax).Fen() == -kMax);
}

BOOST_AUTO_TEST_CASE(division_rounds_half_away_from_zero) {
  BOOST_TEST(Fen(100).DividedBy(8).Fen() == 13);    // 12.5
  BOOST_TEST(Fen(-100).DividedBy(8).Fen() == -13);  // -12.5
  BOOST_TEST(Fen(100).DividedBy(3).Fen() == 33);    // 33.33
  BOOST_TEST(Fen(200).DividedBy(3).Fen() == 67);    // 66.67
  BOOST_TEST(Fen(-200).DividedBy(3).Fen() == -67);
  BOOST_TEST(Fen(-100).DividedBy(3).Fen() == -33);
  BOOST_TEST(Fen(1).DividedBy(2).Fen() == 1);
  BOOST_TEST(Fen(-1).DividedBy(2).Fen() == -1);
  BOOST_TEST(Fen(1).DividedBy(3).Fen() == 0);
  BOOST_TEST(Fen(-1).DividedBy(3).Fen() == 0);
  BOOST_TEST(Fen(0).DividedBy(7).Fen() == 0);
  BOOST_TEST(Fen(12345).DividedBy(1).Fen() == 12345);
  BOOST_TEST(Fen(kMax).DividedBy(2).Fen() == kMax / 2 + 1);  // .5 rounds up
  BOOST_TEST(Fen(kMin).DividedBy(2).Fen() == kMin / 2);      // exact
  BOOST_TEST(Fen(kMax).DividedBy(kMax).Fen() == 1);
  BOOST_TEST(Fen(kMax / 2 + 1).DividedBy(kMax).Fen() == 1);  // just over half
  BOOST_TEST(Fen(kMax / 2).DividedBy(kMax).Fen() == 0);      // just under half
  BOOST_TEST(Fen(kMin).DividedBy(kMax).Fen() == -1);
}

BOOST_AUTO_TEST_CASE(division_needs_a_positive_divisor) {
  BOOST_CHECK_THROW(Fen(100).DividedBy(0), std::invalid_argument);
  BOOST_CHECK_THROW(Fen(100).DividedBy(-2), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(compares_by_amount) {
  BOOST_TEST((Fen(-1) < Fen(0)));
  BOOST_TEST((Fen(100) > Fen(99)));
  BOOST_TEST((Fen(100) == *Money::ParseYuan("1.00")));
  BOOST_TEST((Fen(100) != Fen(101)));
  static_assert(Money::FromFen(7).Fen() == 7);
}

BOOST_AUTO_TEST_SUITE_END()
