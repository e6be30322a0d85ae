// The server's refusals in the user's words (catalog/refusal_text): every
// code the SQL raises has a sentence and its Chinese, with the same places,
// and value words read in the user's language.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>

#include "../support/in_chinese.h"
#include "doudi/catalog/message_catalog.h"
#include "doudi/catalog/refusal_text.h"

namespace {

using doudi::test::InChinese;
using doudi::test::ShippedCatalog;

using doudi::catalog::FormatNamed;
using doudi::catalog::NamedArguments;
using doudi::catalog::PlaceNames;
using doudi::catalog::RefusalSentences;
using doudi::catalog::RefusalText;

// The codes every SQL file under the source's dal/migrations and dal/schema
// raises: the literal 'doudi:<code> at the start of a message.
std::set<std::string> CodesRaisedBySql() {
  std::set<std::string> codes;
  const std::regex raised(R"('doudi:([a-z0-9_]+(\.[a-z0-9_]+)+))");
  const std::filesystem::path dal = DOUDI_SOURCE_DAL;
  for (const char* folder : {"migrations", "schema"}) {
    if (!std::filesystem::exists(dal / folder)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dal / folder)) {
      if (entry.path().extension() != ".sql") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string sql((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      for (auto it = std::sregex_iterator(sql.begin(), sql.end(), raised); it != std::sregex_iterator(); ++it) {
        codes.insert((*it)[1].str());
      }
    }
  }
  return codes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(refusal_text)

BOOST_AUTO_TEST_CASE(every_code_the_sql_raises_has_a_sentence_and_its_chinese) {
  const auto raised = CodesRaisedBySql();
  BOOST_TEST(raised.size() >= 10U);  // the folders were found
  std::set<std::string> known;
  for (const auto& s : RefusalSentences()) known.emplace(s.code);
  for (const auto& code : raised) BOOST_TEST(known.contains(code), "no sentence for doudi:" << code);
  // And no sentence for a code nothing raises any more.
  for (const auto& code : known) BOOST_TEST(raised.contains(code), "doudi:" << code << " is raised by no SQL");

  const auto catalog = ShippedCatalog();
  for (const auto& s : RefusalSentences()) {
    const auto chinese = catalog->Find(s.english, "doudi:" + std::string(s.code));
    BOOST_TEST_REQUIRE(chinese.has_value(), "no Chinese for doudi:" << s.code);
    auto english = PlaceNames(s.english);
    auto translated = PlaceNames(*chinese);
    std::sort(english.begin(), english.end());
    std::sort(translated.begin(), translated.end());
    BOOST_TEST(english == translated, "doudi:" << s.code << " has other places in Chinese");
  }
  for (const auto& w : doudi::catalog::RefusalValueWords()) {
    BOOST_TEST(catalog->Find(w.english, "doudi:value").has_value(), "no Chinese for the value " << w.code);
  }
}

BOOST_AUTO_TEST_CASE(sentences_are_in_code_order_once) {
  // RefusalText looks codes up by binary search.
  const auto sentences = RefusalSentences();
  for (std::size_t i = 1; i < sentences.size(); ++i) {
    BOOST_TEST((sentences[i - 1].code < sentences[i].code), sentences[i].code);
  }
}

BOOST_AUTO_TEST_CASE(named_places_are_filled) {
  const NamedArguments args{{"amount_fen", "1,234.56"}, {"limit", "50"}, {"from", "2026-12-01"}, {"part", "one_off"}};
  BOOST_TEST(FormatNamed("{amount_fen} yuan, {limit}, {from}, {part}", args) ==
             "1,234.56 yuan, 50, 2026-12-01, one-off grant");
  // A place without an argument, and other braces, stay as written.
  BOOST_TEST(FormatNamed("{missing} {1} {Upper} { } {", args) == "{missing} {1} {Upper} { } {");
  BOOST_TEST(FormatNamed("{limit}{limit}", args) == "5050");
  BOOST_TEST(PlaceNames("{a} {b_fen} {a} {1}") == (std::vector<std::string>{"a", "b_fen"}));
}

BOOST_AUTO_TEST_CASE(a_refusal_reads_in_the_language_in_use) {
  const NamedArguments args{
      {"part", "monthly"}, {"amount_fen", "1,500.00"}, {"cap_fen", "1,234.00"}, {"parameter", "dibao_standard"}};
  BOOST_TEST(RefusalText("amount.over_cap", args).value_or("") ==
             "The monthly amount of 1,500.00 yuan is above the cap of 1,234.00 yuan (dibao_standard): an amount above "
             "the cap needs a reason and the confirmation of a second city decider.");
  {
    const InChinese chinese;
    BOOST_TEST(
        RefusalText("amount.over_cap", args).value_or("") ==
        "每月金额1,500.00元超过上限1,234.00元（dibao_standard）：超过上限的金额须说明理由，并由另一位市级审批人确认。");
    BOOST_TEST(RefusalText("search.too_long", {{"limit", "50"}}).value_or("") == "搜索内容过长：最多 50 个字符。");
  }
  // Unknown codes, and a sentence whose arguments did not come (the older
  // form of refusal), are left to the caller.
  BOOST_TEST(!RefusalText("amount.no_such_code", args));
  BOOST_TEST(!RefusalText("search.too_long", {}));
  BOOST_TEST(RefusalText("amount.same_person", {}).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
