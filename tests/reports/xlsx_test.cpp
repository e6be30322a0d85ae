// Rosters as spreadsheets: numbers are numbers, money is yuan with two
// decimals, the header is bold and frozen; read back from the sheet's XML.

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "doudi/reports/xlsx.h"
#include "report_support.h"
#include "samples.h"

namespace doudi::reports {
namespace {

std::string Unzip(const std::filesystem::path& xlsx, const std::string& member) {
  return testing::Run("unzip -p " + testing::Quote(xlsx) + " " + member);
}

// The <c> element of cell reference (e.g. "H2").
std::string CellXml(const std::string& sheet, const std::string& reference) {
  const std::regex cell("<c r=\"" + reference + "\"[^>]*?(/>|>.*?</c>)");
  std::smatch match;
  return std::regex_search(sheet, match, cell) ? match.str(0) : std::string();
}

BOOST_AUTO_TEST_SUITE(xlsx)

BOOST_AUTO_TEST_CASE(payment_roster_cells_are_numbers_and_yuan) {
  const PaymentRosterInput input = samples::Payment(300);
  testing::ScratchDir dir;
  const auto file = dir / "roster.xlsx";
  WriteXlsx(PaymentRoster(input), file);
  const std::string sheet = Unzip(file, "xl/worksheets/sheet1.xml");

  // Row 2 is the first line: 序号 (A), household size (F) and amount (H) are
  // plain numeric cells (no t="s" or t="inlineStr"), the amount in yuan.
  const std::string index = CellXml(sheet, "A2");
  const std::string size = CellXml(sheet, "F2");
  const std::string amount = CellXml(sheet, "H2");
  for (const std::string& cell : {index, size, amount}) {
    BOOST_TEST(!cell.empty());
    BOOST_TEST(cell.find(" t=") == std::string::npos, "not a number: " << cell);
  }
  BOOST_TEST(index.find("<v>1</v>") != std::string::npos);
  BOOST_TEST(size.find("<v>" + std::to_string(input.lines[0].householdSize) + "</v>") != std::string::npos);
  const double yuan = static_cast<double>(input.lines[0].amount.Fen()) / 100;
  std::smatch value;
  BOOST_REQUIRE(std::regex_search(amount, value, std::regex("<v>([^<]+)</v>")));
  BOOST_TEST(std::stod(value[1]) == yuan, boost::test_tools::tolerance(1e-9));

  // The ID column is text, masked.
  BOOST_TEST(CellXml(sheet, "D2").find("********") != std::string::npos);

  // Frozen header row; bold header; the money format.
  BOOST_TEST(sheet.find("ySplit=\"1\"") != std::string::npos);
  BOOST_TEST(sheet.find("<col ") != std::string::npos);
  const std::string styles = Unzip(file, "xl/styles.xml");
  BOOST_TEST(styles.find("formatCode=\"#,##0.00\"") != std::string::npos);
  BOOST_TEST(styles.find("<b/>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_grand_total_is_the_sum_in_yuan) {
  const PaymentRosterInput input = samples::Payment(120);
  testing::ScratchDir dir;
  const auto file = dir / "roster.xlsx";
  WriteXlsx(PaymentRoster(input), file);
  const std::string sheet = Unzip(file, "xl/worksheets/sheet1.xml");
  std::int64_t fen = 0;
  for (const PaymentLineInput& line : input.lines) {
    fen += line.amount.Fen();
  }
  // Rows: header, 120 lines, 40 village and 5 township subtotals, the total.
  const std::string total = CellXml(sheet, "H" + std::to_string(1 + 120 + 45 + 1));
  std::smatch value;
  BOOST_REQUIRE(std::regex_search(total, value, std::regex("<v>([^<]+)</v>")));
  BOOST_TEST(std::stod(value[1]) == static_cast<double>(fen) / 100, boost::test_tools::tolerance(1e-9));
}

// A desk saves its roster under a Chinese name in a Chinese folder (on
// Windows the name reaches libxlsxwriter in the system's code page, or
// through a temporary file when the code page cannot hold it: 𠮷, outside
// GBK, sends it through the temporary file on a Chinese desk too).
BOOST_AUTO_TEST_CASE(a_workbook_goes_to_a_chinese_file_name) {
  testing::ScratchDir dir;
  const auto folder = dir.Path() / std::filesystem::path(u8"2026年11月 花名册");
  std::filesystem::create_directories(folder);
  const auto file = folder / std::filesystem::path(u8"三门县低保花名册（𠮷村）.xlsx");
  WriteXlsx(PaymentRoster(samples::Payment(20)), file);
  BOOST_REQUIRE(std::filesystem::is_regular_file(file));
  {
    // Closed again before the second save: Windows replaces no open file.
    std::ifstream in(file, std::ios::binary);
    char magic[2] = {};
    in.read(magic, 2);
    BOOST_TEST((magic[0] == 'P' && magic[1] == 'K'));  // a zip: the workbook
  }
  // Written again over the first, as a clerk saving twice does.
  WriteXlsx(PaymentRoster(samples::Payment(30)), file);
  BOOST_TEST(std::filesystem::file_size(file) > 0U);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++entries;
  BOOST_TEST(entries == 1U);
}

BOOST_AUTO_TEST_CASE(a_document_without_a_table_is_refused) {
  testing::ScratchDir dir;
  BOOST_CHECK_THROW(WriteXlsx(Decision(samples::DecisionSample()), dir / "decision.xlsx"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace doudi::reports
