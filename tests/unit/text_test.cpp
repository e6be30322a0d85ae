#include "doudi/model/text.h"
#include "doudi/model/validation.h"

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <optional>
#include <string>

using namespace doudi::model;

namespace {

// -1 for text that is not well-formed UTF-8, so the test can print it.
long long CodePoints(std::string_view text) {
  const std::optional<std::size_t> count = CountUtf8CodePoints(text);
  return count ? static_cast<long long>(*count) : -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(counts_code_points_of_well_formed_utf8) {
  BOOST_TEST(CodePoints("") == 0);
  BOOST_TEST(CodePoints("abc") == 3);
  BOOST_TEST(CodePoints("张三") == 2);
  BOOST_TEST(CodePoints("é") == 1);
  BOOST_TEST(CodePoints("a张\xF0\x9F\x98\x80") == 3);  // U+1F600 takes 4 bytes
  BOOST_TEST(CodePoints("\xF4\x8F\xBF\xBF") == 1);     // U+10FFFF, the last code point
}

BOOST_AUTO_TEST_CASE(rejects_malformed_utf8) {
  BOOST_TEST(CodePoints("\xFF") == -1);
  BOOST_TEST(CodePoints("\x80") == -1);              // lone continuation byte
  BOOST_TEST(CodePoints("\xE5\xBC") == -1);          // truncated
  BOOST_TEST(CodePoints("\xC0\xAF") == -1);          // overlong '/'
  BOOST_TEST(CodePoints("\xE0\x80\xAF") == -1);      // overlong, 3 bytes
  BOOST_TEST(CodePoints("\xED\xA0\x80") == -1);      // surrogate U+D800
  BOOST_TEST(CodePoints("\xF4\x90\x80\x80") == -1);  // above U+10FFFF
  BOOST_TEST(CodePoints("\xE5"
                        "a"
                        "\xBC") == -1);  // continuation expected
}

BOOST_AUTO_TEST_CASE(trims_ascii_whitespace_only) {
  BOOST_TEST(TrimAsciiWhitespace("  a b \t\r\n") == "a b");
  BOOST_TEST(TrimAsciiWhitespace(" \f\v ").empty());
  BOOST_TEST(TrimAsciiWhitespace("") == "");
  BOOST_TEST(TrimAsciiWhitespace("\xE3\x80\x80x") == "\xE3\x80\x80x");  // U+3000 kept
}

BOOST_AUTO_TEST_CASE(digits_and_case) {
  BOOST_TEST(IsAsciiDigits("0123456789"));
  BOOST_TEST(!IsAsciiDigits(""));
  BOOST_TEST(!IsAsciiDigits("12a"));
  BOOST_TEST(!IsAsciiDigits("-1"));
  BOOST_TEST(EqualsIgnoringAsciiCase("Near_Dibao", "near_dibao"));
  BOOST_TEST(!EqualsIgnoringAsciiCase("head", "heads"));
  BOOST_TEST(!EqualsIgnoringAsciiCase("h_ad", "hEad"));
}

BOOST_AUTO_TEST_CASE(field_paths) {
  BOOST_TEST(IndexedField("members", 2) == "members[2]");
  BOOST_TEST(JoinField("members[2]", "id_number") == "members[2].id_number");
  BOOST_TEST(JoinField("", "name") == "name");
}

BOOST_AUTO_TEST_CASE(append_utf8_writes_each_plane_and_replaces_what_is_no_character) {
  std::string out;
  for (char32_t c : {U'A', U'\u00E9', U'\u515C', U'\U00020BB7'}) doudi::model::AppendUtf8(out, c);
  BOOST_TEST(out == "A\u00E9\u515C\U00020BB7");
  out.clear();
  doudi::model::AppendUtf8(out, 0xD800);
  doudi::model::AppendUtf8(out, 0x110000);
  BOOST_TEST(out == "\uFFFD\uFFFD");
}

BOOST_AUTO_TEST_SUITE_END()
