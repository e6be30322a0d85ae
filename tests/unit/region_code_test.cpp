#include "doudi/model/region_code.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace doudi::model;

namespace {

RegionCode MustParse(std::string_view text) {
  const auto code = RegionCode::Parse(text);
  BOOST_TEST_REQUIRE(code.has_value(), "expected a valid region code: " << text);
  return *code;
}

std::string LevelOf(std::string_view text) { return std::string(ToCode(MustParse(text).Level())); }

}  // namespace

BOOST_AUTO_TEST_SUITE(region_code)

BOOST_AUTO_TEST_CASE(levels_follow_the_last_significant_part) {
  BOOST_TEST(LevelOf("330000000000") == "province");
  BOOST_TEST(LevelOf("331000000000") == "prefecture");
  BOOST_TEST(LevelOf("331022000000") == "county");
  BOOST_TEST(LevelOf("331022001000") == "township");  // street office
  BOOST_TEST(LevelOf("331022100000") == "township");  // town
  BOOST_TEST(LevelOf("331022001001") == "village");   // community under a street office
  BOOST_TEST(LevelOf("331022100201") == "village");
  BOOST_TEST(LevelOf("110101001001") == "village");
}

BOOST_AUTO_TEST_CASE(rejects_malformed_codes) {
  const char* bad[] = {
      "",
      "33102200100",     // 11 digits
      "3310220010011",   // 13 digits
      "33102200100A",    // letter
      " 331022001001",   // no trimming
      "331022001001 ",
      "331022000101",    // village under a township of zeros
      "330022000000",    // county under a prefecture of zeros
      "331000001000",    // township under a county of zeros
      "000000000000",
      "001022001001",    // province 00
      "-31022001001",
      "３31022001001",   // full-width digit
  };
  for (const char* text : bad) {
    BOOST_TEST(!RegionCode::Parse(text).has_value(), "accepted: '" << text << "'");
  }
}

BOOST_AUTO_TEST_CASE(parents_climb_one_level_at_a_time) {
  std::vector<std::string> chain;
  std::optional<RegionCode> code = MustParse("331022001001");
  while (code) {
    chain.push_back(code->Text());
    code = code->Parent();
  }
  const std::vector<std::string> expected{"331022001001", "331022001000", "331022000000",
                                          "331000000000", "330000000000"};
  BOOST_TEST(chain == expected, boost::test_tools::per_element());
  BOOST_TEST(!MustParse("110000000000").Parent().has_value());
}

BOOST_AUTO_TEST_CASE(scope_prefix_has_the_significant_digits) {
  BOOST_TEST(MustParse("330000000000").ScopePrefix() == "33");
  BOOST_TEST(MustParse("331000000000").ScopePrefix() == "3310");
  BOOST_TEST(MustParse("331022000000").ScopePrefix() == "331022");
  BOOST_TEST(MustParse("331022001000").ScopePrefix() == "331022001");
  BOOST_TEST(MustParse("331022001001").ScopePrefix() == "331022001001");
  // Zeros inside a part are significant: township 100, village 010.
  BOOST_TEST(MustParse("331022100000").ScopePrefix() == "331022100");
  BOOST_TEST(MustParse("331022100010").ScopePrefix() == "331022100010");
}

BOOST_AUTO_TEST_CASE(contains_itself_and_what_lies_below) {
  const RegionCode county = MustParse("331022000000");
  const RegionCode village = MustParse("331022001001");
  BOOST_TEST(county.Contains(county));
  BOOST_TEST(county.Contains(village));
  BOOST_TEST(county.Contains(MustParse("331022001000")));
  BOOST_TEST(MustParse("330000000000").Contains(village));
  BOOST_TEST(MustParse("331000000000").Contains(village));
  BOOST_TEST(MustParse("331022001000").Contains(village));
  BOOST_TEST(village.Contains(village));

  BOOST_TEST(!village.Contains(county));
  BOOST_TEST(!county.Contains(MustParse("331023001001")));           // sibling county
  BOOST_TEST(!MustParse("331000000000").Contains(MustParse("331122001001")));
  BOOST_TEST(!MustParse("331022001000").Contains(MustParse("331022010001")));
  BOOST_TEST(!MustParse("331022001001").Contains(MustParse("331022001002")));
  BOOST_TEST(!MustParse("330000000000").Contains(MustParse("340000000000")));
}

BOOST_AUTO_TEST_CASE(valid_scope_prefixes) {
  for (const char* prefix : {"33", "3310", "331022", "331022001", "331022001001", "331022100"}) {
    BOOST_TEST(RegionCode::IsValidScopePrefix(prefix), prefix);
  }
  const char* bad[] = {
      "",      "3",       "331",          "33102",         "3310220", "33102200",
      "3310220010", "33102200100", "3310220010011",  // lengths between levels or too long
      "00",                                           // no province 00
      "3300",                                         // prefecture 00: that is province 33
      "331000",                                       // county 00
      "331022000",                                    // township 000
      "331022001000",                                 // village 000
      "330022",                                       // county under prefecture 00
      "33a0",   "33 0",
  };
  for (const char* prefix : bad) {
    BOOST_TEST(!RegionCode::IsValidScopePrefix(prefix), "accepted: '" << prefix << "'");
  }
}

BOOST_AUTO_TEST_CASE(scope_prefix_of_every_level_is_valid) {
  for (const char* text : {"330000000000", "331000000000", "331022000000", "331022001000",
                           "331022001001"}) {
    BOOST_TEST(RegionCode::IsValidScopePrefix(MustParse(text).ScopePrefix()), text);
  }
}

BOOST_AUTO_TEST_CASE(orders_by_text) {
  std::vector<RegionCode> codes{MustParse("331022001001"), MustParse("110000000000"),
                                MustParse("331022000000")};
  std::sort(codes.begin(), codes.end());
  BOOST_TEST(codes[0].Text() == "110000000000");
  BOOST_TEST(codes[1].Text() == "331022000000");
  BOOST_TEST(codes[2].Text() == "331022001001");
  BOOST_TEST((MustParse("331022001001") == MustParse("331022001001")));
  BOOST_TEST((MustParse("331022001001") != MustParse("331022001002")));
}

BOOST_AUTO_TEST_SUITE_END()
