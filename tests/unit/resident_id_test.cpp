#include "doudi/model/resident_id.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <variant>

using namespace doudi::model;
using namespace std::chrono;

namespace {

constexpr year_month_day kToday{year{2025}, June, day{15}};

// The reason code of the failure, or "ok".
std::string Outcome(std::string_view text, year_month_day today = kToday) {
  const auto parsed = ResidentId::Parse(text, today);
  if (const auto* error = std::get_if<ResidentIdError>(&parsed)) {
    return std::string(ReasonCode(*error));
  }
  return "ok";
}

ResidentId MustParse(std::string_view text, year_month_day today = kToday) {
  auto parsed = ResidentId::Parse(text, today);
  BOOST_TEST_REQUIRE(std::holds_alternative<ResidentId>(parsed), "expected a valid ID: " << text);
  return std::get<ResidentId>(parsed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(resident_id)

BOOST_AUTO_TEST_CASE(domain_example_with_x_parses) {
  const ResidentId id = MustParse("11010519491231002X");
  BOOST_TEST(id.Text() == "11010519491231002X");
  BOOST_TEST(id.AddressCode() == "110105");
  BOOST_TEST((id.BirthDate() == year_month_day{year{1949}, December, day{31}}));
  BOOST_TEST(ToCode(id.GetSex()) == "female");  // sequence 002 is even
  BOOST_TEST(id.Masked() == "110105********002X");
}

BOOST_AUTO_TEST_CASE(domain_example_from_1880_passes) {
  BOOST_TEST(ResidentIdCheckCharacter("44052418800101001") == '4');
  BOOST_TEST(Outcome("440524188001010014") == "ok");
}

BOOST_AUTO_TEST_CASE(check_character_covers_x_and_digits) {
  BOOST_TEST(ResidentIdCheckCharacter("11010519491231002") == 'X');
  BOOST_TEST(ResidentIdCheckCharacter("11010519491231001") == '1');
  BOOST_TEST(ResidentIdCheckCharacter("11010519491231003") == '8');
  BOOST_TEST(ResidentIdCheckCharacter("33102219900101123") == '5');
}

BOOST_AUTO_TEST_CASE(lowercase_x_and_surrounding_space_are_normalised) {
  const ResidentId lower = MustParse(" \t11010519491231002x\r\n");
  BOOST_TEST(lower.Text() == "11010519491231002X");
  BOOST_TEST((lower == MustParse("11010519491231002X")));
}

BOOST_AUTO_TEST_CASE(male_when_the_17th_digit_is_odd) {
  BOOST_TEST(ToCode(MustParse("110105194912310011").GetSex()) == "male");
  BOOST_TEST(ToCode(MustParse("331022199001011235").GetSex()) == "male");
  BOOST_TEST(ToCode(MustParse("331022198510200021").GetSex()) == "female");
}

BOOST_AUTO_TEST_CASE(wrong_length) {
  BOOST_TEST(Outcome("") == "wrong_length");
  BOOST_TEST(Outcome("   ") == "wrong_length");
  BOOST_TEST(Outcome("1101051949123100") == "wrong_length");      // 16
  BOOST_TEST(Outcome("11010519491231002") == "wrong_length");     // 17
  BOOST_TEST(Outcome("11010519491231002X1") == "wrong_length");   // 19
  BOOST_TEST(Outcome("110105491231002") == "wrong_length");       // old 15-digit form
  BOOST_TEST(Outcome("１１010519491231002X") == "wrong_length");  // full-width digits are 3 bytes
}

BOOST_AUTO_TEST_CASE(invalid_character) {
  BOOST_TEST(Outcome("A1010519491231002X") == "invalid_character");
  BOOST_TEST(Outcome("11010519491231002Y") == "invalid_character");
  BOOST_TEST(Outcome("1101051949123100X2") == "invalid_character");  // X only last
  BOOST_TEST(Outcome("110105 9491231002X") == "invalid_character");
  BOOST_TEST(Outcome("11010519491231-02X") == "invalid_character");
}

BOOST_AUTO_TEST_CASE(birth_date_must_be_real) {
  BOOST_TEST(Outcome("110105200002290013") == "ok");                  // 29 Feb 2000, leap
  BOOST_TEST(Outcome("110105200102290010") == "invalid_birth_date");  // 29 Feb 2001
  BOOST_TEST(Outcome("110105200004310014") == "invalid_birth_date");  // 31 Apr
  BOOST_TEST(Outcome("110105179912310016") == "invalid_birth_date");  // year 1799
  BOOST_TEST(Outcome("110105180001010010") == "ok");                  // 1 Jan 1800
  BOOST_TEST(Outcome("110105194913310010") == "invalid_birth_date");  // month 13
  BOOST_TEST(Outcome("110105194900310010") == "invalid_birth_date");  // month 0
  BOOST_TEST(Outcome("110105194912000010") == "invalid_birth_date");  // day 0
}

BOOST_AUTO_TEST_CASE(birth_date_not_after_today) {
  BOOST_TEST(Outcome("110105202506160027") == "birth_date_in_future");  // tomorrow
  BOOST_TEST(Outcome("110105202506150021") == "ok");                    // today
  BOOST_TEST(Outcome("110105202506160027", year_month_day{year{2025}, June, day{16}}) == "ok");
}

BOOST_AUTO_TEST_CASE(checksum_mismatch) {
  BOOST_TEST(Outcome("110105194912310021") == "checksum_mismatch");
  BOOST_TEST(Outcome("110105194912310012") == "checksum_mismatch");
  BOOST_TEST(Outcome("11010519491231003X") == "checksum_mismatch");
  // Two digits swapped in the sequence: the check character catches it.
  BOOST_TEST(Outcome("331022199001012135") == "checksum_mismatch");
}

BOOST_AUTO_TEST_CASE(checks_run_in_the_documented_order) {
  // Bad date and bad check character: the date is reported.
  BOOST_TEST(Outcome("110105200102290011") == "invalid_birth_date");
  // Future date and bad check character: the date is reported.
  BOOST_TEST(Outcome("110105202506160020") == "birth_date_in_future");
  // A letter and a wrong length: the length is reported.
  BOOST_TEST(Outcome("A10105194912310") == "wrong_length");
}

BOOST_AUTO_TEST_CASE(every_reason_has_a_code_and_a_sentence) {
  const ResidentIdError all[] = {ResidentIdError::WrongLength, ResidentIdError::InvalidCharacter,
                                 ResidentIdError::InvalidBirthDate,
                                 ResidentIdError::BirthDateInFuture,
                                 ResidentIdError::ChecksumMismatch};
  const char* codes[] = {"wrong_length", "invalid_character", "invalid_birth_date",
                         "birth_date_in_future", "checksum_mismatch"};
  std::set<std::string> sentences;
  for (std::size_t i = 0; i < std::size(all); ++i) {
    BOOST_TEST(ReasonCode(all[i]) == codes[i]);
    const std::string sentence(Describe(all[i]));
    BOOST_TEST(!sentence.empty());
    BOOST_TEST(sentence.back() == '.');
    sentences.insert(sentence);
  }
  BOOST_TEST(sentences.size() == std::size(all));
}

BOOST_AUTO_TEST_CASE(age_counts_completed_years) {
  const ResidentId id = MustParse("11010519491231002X");
  BOOST_TEST(id.AgeAt(year_month_day{year{1949}, December, day{31}}) == 0);
  BOOST_TEST(id.AgeAt(year_month_day{year{1950}, December, day{30}}) == 0);
  BOOST_TEST(id.AgeAt(year_month_day{year{1950}, December, day{31}}) == 1);
  BOOST_TEST(id.AgeAt(year_month_day{year{2009}, December, day{30}}) == 59);
  BOOST_TEST(id.AgeAt(year_month_day{year{2009}, December, day{31}}) == 60);
  BOOST_TEST(id.AgeAt(year_month_day{year{2010}, January, day{1}}) == 60);
  BOOST_TEST(id.AgeAt(kToday) == 75);
  BOOST_TEST(id.AgeAt(year_month_day{year{1940}, January, day{1}}) == 0);  // before birth
}

BOOST_AUTO_TEST_CASE(age_of_a_leap_day_birth) {
  const ResidentId id = MustParse("110105200002290013");
  BOOST_TEST((id.BirthDate() == year_month_day{year{2000}, February, day{29}}));
  BOOST_TEST(id.AgeAt(year_month_day{year{2001}, February, day{28}}) == 0);
  BOOST_TEST(id.AgeAt(year_month_day{year{2001}, March, day{1}}) == 1);
  BOOST_TEST(id.AgeAt(year_month_day{year{2004}, February, day{28}}) == 3);
  BOOST_TEST(id.AgeAt(year_month_day{year{2004}, February, day{29}}) == 4);
  BOOST_TEST(id.AgeAt(year_month_day{year{2018}, February, day{28}}) == 17);
  BOOST_TEST(id.AgeAt(year_month_day{year{2018}, March, day{1}}) == 18);
}

BOOST_AUTO_TEST_CASE(masking) {
  BOOST_TEST(MustParse("331022199001011235").Masked() == "331022********1235");
}

BOOST_AUTO_TEST_SUITE_END()
