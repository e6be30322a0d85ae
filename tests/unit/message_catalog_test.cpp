// The toolkit-free catalog reader (catalog/): .mo files as msgfmt writes
// them, the shipped Chinese catalog found beside the program, and Format.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "doudi/catalog/message_catalog.h"

namespace {

using doudi::catalog::Format;
using doudi::catalog::MessageCatalog;

// A .mo file with entries (sorted by original, as msgfmt writes them) in the
// given byte order.
std::string MakeMo(std::vector<std::pair<std::string, std::string>> entries, bool bigEndian) {
  std::string out;
  const auto word = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
      const int shift = bigEndian ? 24 - 8 * i : 8 * i;
      out += static_cast<char>((v >> static_cast<unsigned>(shift)) & 0xFFU);
    }
  };
  const auto n = static_cast<std::uint32_t>(entries.size());
  const std::uint32_t originals = 28;
  const std::uint32_t translations = originals + 8 * n;
  std::uint32_t strings = translations + 8 * n;
  word(0x950412deU);
  word(0);
  word(n);
  word(originals);
  word(translations);
  word(0);
  word(0);
  std::string pool;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> originalTable, translationTable;
  for (const auto& [original, translation] : entries) {
    originalTable.emplace_back(static_cast<std::uint32_t>(original.size()), strings);
    pool += original + '\0';
    strings += static_cast<std::uint32_t>(original.size() + 1);
  }
  for (const auto& [original, translation] : entries) {
    translationTable.emplace_back(static_cast<std::uint32_t>(translation.size()), strings);
    pool += translation + '\0';
    strings += static_cast<std::uint32_t>(translation.size() + 1);
  }
  for (const auto& [length, offset] : originalTable) {
    word(length);
    word(offset);
  }
  for (const auto& [length, offset] : translationTable) {
    word(length);
    word(offset);
  }
  return out + pool;
}

const std::vector<std::pair<std::string, std::string>> kEntries{
    {"", "Content-Type: text/plain; charset=UTF-8\n"},
    {"line {1}: {2}", "第{1}行：{2}"},
    {std::string("menu\x04Open"), "打开"},
    {std::string("one row\0{1} rows", 16), std::string("{1}行", 7)},
    {"untranslated", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(message_catalog)

BOOST_AUTO_TEST_CASE(reads_either_byte_order) {
  for (const bool bigEndian : {false, true}) {
    const auto catalog = MessageCatalog::Parse(MakeMo(kEntries, bigEndian));
    BOOST_REQUIRE(catalog);
    BOOST_TEST(catalog->Find("line {1}: {2}").value_or("") == "第{1}行：{2}");
    BOOST_TEST(catalog->Find("Open", "menu").value_or("") == "打开");
    BOOST_TEST(!catalog->Find("Open"));
    BOOST_TEST(catalog->Find("one row").value_or("") == "{1}行");
    // Neither the header nor an empty translation is a translation.
    BOOST_TEST(!catalog->Find(""));
    BOOST_TEST(!catalog->Find("untranslated"));
    BOOST_TEST(catalog->Size() == 3U);
  }
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_a_catalog) {
  const std::string good = MakeMo(kEntries, false);
  BOOST_TEST(!MessageCatalog::Parse(""));
  BOOST_TEST(!MessageCatalog::Parse(good.substr(0, 27)));
  std::string badMagic = good;
  badMagic[0] = 'x';
  BOOST_TEST(!MessageCatalog::Parse(badMagic));
  // Strings cut off at the end, and a table pointing beyond the file.
  BOOST_TEST(!MessageCatalog::Parse(good.substr(0, good.size() - 4)));
  std::string farTable = good;
  farTable[16] = '\xFF';
  farTable[17] = '\xFF';
  BOOST_TEST(!MessageCatalog::Parse(farTable));
  BOOST_TEST(!MessageCatalog::Load("no/such/catalog.mo"));
}

BOOST_AUTO_TEST_CASE(the_shipped_catalog_is_found_beside_the_program) {
  // The build compiles assets/locale/zh_CN/doudi.po beside this test, as
  // beside doudi-admin and the workstation.
  const auto path = doudi::catalog::ProgramCatalogPath("zh_CN");
  BOOST_REQUIRE(path);
  const auto catalog = MessageCatalog::Load(*path);
  BOOST_REQUIRE_MESSAGE(catalog, "no catalog at " << path->string());
  BOOST_TEST(catalog->Find("Propose the amount").value_or("") == "提出救助金额");
  BOOST_TEST(catalog->Size() > 100U);

  doudi::catalog::UseCatalog(std::make_shared<const MessageCatalog>(*catalog));
  BOOST_TEST(doudi::catalog::Tr("Propose the amount") == "提出救助金额");
  BOOST_TEST(doudi::catalog::Tr("no such message") == "no such message");
  doudi::catalog::UseCatalog(nullptr);
  BOOST_TEST(doudi::catalog::Tr("Propose the amount") == "Propose the amount");
}

BOOST_AUTO_TEST_CASE(format_fills_numbered_places) {
  BOOST_TEST(Format("第{2}行，{1}", {"姓名", "17"}) == "第17行，姓名");
  BOOST_TEST(Format("{1}{1}", {"a"}) == "aa");
  // A place without its argument and other braces stay as written.
  BOOST_TEST(Format("{2} {x} {", {"a"}) == "{2} {x} {");
  BOOST_TEST(Format("{1}", std::vector<std::string>{"{2}", "b"}) == "{2}");
}

BOOST_AUTO_TEST_SUITE_END()
