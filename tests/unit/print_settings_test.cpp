// The desk's printing settings (workstation/print_settings.h): read from the
// stored text values, written back, and a bad value named and not used.
#include "doudi/workstation/print_settings.h"

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

using namespace doudi::workstation;

namespace {

ReadPrintSettingsResult Read(const std::map<std::string, std::string, std::less<>>& stored) {
  return ReadPrintSettings([&](std::string_view key) -> std::optional<std::string> {
    const auto it = stored.find(key);
    if (it == stored.end()) return std::nullopt;
    return it->second;
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(print_settings)

BOOST_AUTO_TEST_CASE(nothing_stored_means_no_printer_a4_one_copy_simplex) {
  const auto read = Read({});
  BOOST_TEST(read.problems.empty());
  BOOST_TEST(read.settings.printer.empty());
  BOOST_TEST(!read.settings.paper.has_value());
  BOOST_TEST(read.settings.copies == 1);
  BOOST_TEST((read.settings.duplex == Duplex::Simplex));
}

BOOST_AUTO_TEST_CASE(what_is_written_reads_back_the_same) {
  PrintSettings settings;
  settings.printer = "审批室打印机";
  settings.paper = PaperMillimetres{297, 420};
  settings.copies = 3;
  settings.duplex = Duplex::ShortEdge;
  std::map<std::string, std::string, std::less<>> stored;
  for (const auto& [key, value] : PrintSettingsEntries(settings)) stored[key] = value;
  BOOST_TEST(stored.at("print/paper") == "297x420");
  BOOST_TEST(stored.at("print/duplex") == "short-edge");
  const auto read = Read(stored);
  BOOST_TEST(read.problems.empty());
  BOOST_TEST((read.settings == settings));
}

BOOST_AUTO_TEST_CASE(a_value_that_cannot_be_read_is_named_and_the_default_stands) {
  const auto read = Read({{"print/printer", "DoudiPDF"},
                          {"print/copies", "0"},
                          {"print/paper", "210x"},
                          {"print/duplex", "both"}});
  BOOST_TEST(read.settings.printer == "DoudiPDF");
  BOOST_TEST(read.settings.copies == 1);
  BOOST_TEST(!read.settings.paper.has_value());
  BOOST_TEST((read.settings.duplex == Duplex::Simplex));
  BOOST_REQUIRE(read.problems.size() == 3u);
  BOOST_TEST(read.problems[0].key == "print/paper");
  BOOST_TEST(read.problems[0].value == "210x");
  BOOST_TEST(read.problems[1].key == "print/copies");
  BOOST_TEST(read.problems[2].key == "print/duplex");
  BOOST_TEST(Read({{"print/copies", "100"}}).problems.size() == 1u);
  BOOST_TEST(Read({{"print/copies", "2 "}}).problems.size() == 1u);
  BOOST_TEST(Read({{"print/copies", "99"}}).settings.copies == 99);
}

BOOST_AUTO_TEST_SUITE_END()
