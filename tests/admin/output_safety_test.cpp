// What doudi-admin writes can do no harm where it is read: cells that a
// spreadsheet would run as formulas are written as text (and read back as
// they were), and control characters never reach a terminal raw.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "../support/zip_part.h"
#include "../unit/temporary_directory.h"
#include "household_file.h"
#include "terminal.h"
#include "xlsx_file.h"

using doudi::admin::FileEncoding;
using doudi::admin::HouseholdCsvWriter;
using doudi::admin::NeedsFormulaProtection;
using doudi::admin::ParseHouseholdCsv;
using doudi::admin::PrintableStreamBuf;
using doudi::admin::ProtectFormula;
using doudi::admin::UnprotectFormula;
using doudi::model::ImportColumn;
using doudi::model::ImportRow;
using C = ImportColumn;

namespace {

// The row the safety tests write: formula-looking cells in several columns.
ImportRow FormulaRow() {
  ImportRow row;
  row[C::HouseholdRef] = "=1+1";
  row[C::RegionCode] = "331022101205";
  row[C::Address] = "@地址";
  row[C::Name] = "=HYPERLINK(\"http://evil\",\"金德才\")";
  row[C::IdNumber] = "331022195803119717";
  row[C::Relation] = "户主";
  row[C::MonthlyIncome] = "-0";
  row[C::Phone] = "+86-13800138000";
  row[C::BankName] = "'=already quoted";
  return row;
}

std::string Printed(const std::string& text) {
  std::ostringstream target;
  {
    PrintableStreamBuf buffer(target.rdbuf());
    std::ostream out(&buffer);
    out << text << std::flush;
  }
  return target.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output_safety)

BOOST_AUTO_TEST_CASE(formula_cells_get_an_apostrophe) {
  for (const char* formula : {"=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"点击\")", "+86-13800138000", "-1+1",
                              "@SUM(A1)", "\t=1", "\r=1", "'=1", "''+1"}) {
    BOOST_TEST_CONTEXT(formula) {
      BOOST_TEST(NeedsFormulaProtection(formula));
      BOOST_TEST(ProtectFormula(formula) == std::string("'") + formula);
      BOOST_TEST(UnprotectFormula(ProtectFormula(formula)) == formula);
    }
  }
  for (const char* text : {"金德才", "13800138000", "a=b", "'text", "", "'", "S-0001"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(!NeedsFormulaProtection(text));
      BOOST_TEST(ProtectFormula(text) == text);
      BOOST_TEST(UnprotectFormula(text) == text);
    }
  }
}

BOOST_AUTO_TEST_CASE(written_cells_are_protected_and_read_back_unchanged) {
  const ImportRow row = FormulaRow();
  std::ostringstream out;
  HouseholdCsvWriter writer(out, {"error_message"}, false);
  writer.Write(row, {"=2+2"});
  const std::string csv = out.str();
  BOOST_TEST(csv.find(",'+86-13800138000,") != std::string::npos);
  BOOST_TEST(csv.find("\r\n'=1+1,") != std::string::npos);
  BOOST_TEST(csv.find(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"金德才\"\")\",") != std::string::npos);
  BOOST_TEST(csv.find(",'=2+2\r\n") != std::string::npos);
  // No cell of the data row starts with a formula character.
  const std::string data = csv.substr(csv.find("\r\n") + 2);
  for (std::size_t at = 0; at != std::string::npos; at = data.find(',', at + 1)) {
    const std::size_t cell = at == 0 ? 0 : at + 1;
    if (cell < data.size()) BOOST_TEST(std::string("=+-@").find(data[cell]) == std::string::npos);
  }

  const auto file = ParseHouseholdCsv(csv, FileEncoding::Auto);
  BOOST_REQUIRE(file.rows.size() == 1U);
  for (std::size_t c = 0; c < doudi::model::kImportColumnCount; ++c) {
    BOOST_TEST(file.rows[0].values[c] == row.values[c]);
  }
}

BOOST_AUTO_TEST_CASE(an_xlsx_export_holds_strings_never_formulas_and_reads_back_unchanged) {
  const ImportRow row = FormulaRow();
  doudi::test::TemporaryDirectory dir("doudi-xlsx-export");
  std::filesystem::create_directories(dir.path);
  const auto path = dir.path / "export.xlsx";
  doudi::admin::HouseholdXlsxWriter writer(true);
  writer.Write(row);
  writer.Save(path, path.string());
  std::ifstream in(path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};

  // Every cell is a string (inline, or shared), with the same apostrophe as
  // the CSV export; no cell is a formula or a number.
  const std::string sheet = doudi::test::ZipPart(bytes, "xl/worksheets/sheet1.xml");
  BOOST_TEST(sheet.find("<f>") == std::string::npos);
  BOOST_TEST(sheet.find("<f ") == std::string::npos);
  BOOST_TEST(sheet.find("<v>") == std::string::npos, sheet);
  const bool linkAsText = sheet.find("'=HYPERLINK(&quot;http://evil&quot;,&quot;金德才&quot;)") != std::string::npos ||
                          sheet.find("'=HYPERLINK(\"http://evil\",\"金德才\")") != std::string::npos;
  BOOST_TEST(linkAsText, sheet);
  BOOST_TEST(sheet.find(">'+86-13800138000<") != std::string::npos);
  BOOST_TEST(sheet.find(">''=already quoted<") != std::string::npos);
  BOOST_TEST(sheet.find(">331022195803119717<") != std::string::npos);

  const auto file = doudi::admin::ParseHouseholdFile(bytes, FileEncoding::Auto, std::nullopt);
  BOOST_TEST(file.header.front() == "户编号");
  BOOST_REQUIRE(file.rows.size() == 1U);
  for (std::size_t c = 0; c < doudi::model::kImportColumnCount; ++c) {
    BOOST_TEST(file.rows[0].values[c] == row.values[c]);
  }
}

BOOST_AUTO_TEST_CASE(control_characters_are_printed_as_escapes) {
  BOOST_TEST(Printed("金\x1b]0;owned\x07德才\n") == "金\\x1B]0;owned\\x07德才\n");
  BOOST_TEST(Printed("\x1b[2J\x1b[31m") == "\\x1B[2J\\x1B[31m");
  BOOST_TEST(Printed("a\rb") == "a\\x0Db");
  BOOST_TEST(Printed("a\r\nb\tc") == "a\r\nb\tc");
  BOOST_TEST(Printed("\u202e才德金\u200b") == "\\u202E才德金\\u200B");
  BOOST_TEST(Printed("\u009b31m") == "\\x9B31m");
  BOOST_TEST(Printed("\xff\xc3(") == "\\xFF\\xC3(");
  BOOST_TEST(Printed(std::string("a\0b", 3)) == "a\\x00b");
  BOOST_TEST(Printed("𠀀·金德才 €") == "𠀀·金德才 €");
  BOOST_TEST(Printed("trailing\r") == "trailing\\x0D");
}

BOOST_AUTO_TEST_SUITE_END()
