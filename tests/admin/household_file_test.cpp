// The household file reader and writer of doudi-admin: bytes in, rows out,
// without a database.
#include "household_file.h"

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using doudi::admin::CsvField;
using doudi::admin::FileEncoding;
using doudi::admin::HouseholdCsvWriter;
using doudi::admin::HouseholdFile;
using doudi::admin::HouseholdFileError;
using doudi::admin::ParseHouseholdCsv;
using doudi::admin::ParseRegionsCsv;
using doudi::admin::ReadHouseholdFile;
using doudi::model::ImportColumn;
using doudi::model::ImportRow;
using C = ImportColumn;

namespace {

const std::string kBom = "\xEF\xBB\xBF";
// The required columns only, in template order.
const std::string kHeader = "household_ref,region_code,address,name,id_number,relation,monthly_income";
const std::string kRow = "S-0001,331022101205,大岙村2组17号,金德才,331022195803119717,户主,650.00";

// The message ParseHouseholdCsv throws for bytes; "(no error)" when it reads them.
std::string ErrorOf(const std::string& bytes, FileEncoding encoding = FileEncoding::Auto) {
  try {
    ParseHouseholdCsv(bytes, encoding);
  } catch (const HouseholdFileError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string RegionsErrorOf(const std::string& text) {
  try {
    ParseRegionsCsv(text);
  } catch (const HouseholdFileError& e) {
    return e.what();
  }
  return "(no error)";
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::int64_t> Lines(const HouseholdFile& file) {
  std::vector<std::int64_t> lines;
  for (const auto& row : file.rows) lines.push_back(row.line);
  return lines;
}

// The read problems of a row as "line|column|code".
std::string ReadProblems(const ImportRow& row) {
  std::string out;
  for (const auto& p : row.readProblems) {
    out += (out.empty() ? "" : ", ") + std::to_string(p.line) + "|" + p.column + "|" + p.code;
  }
  return out;
}

// A row with every column filled, values that need quoting included.
ImportRow TrickyRow(std::int64_t line) {
  ImportRow row;
  row.line = line;
  row[C::HouseholdRef] = "S-0001";
  row[C::RegionCode] = "331022101205";
  row[C::Address] = "沙柳街道沙柳村7号,\"老供销社\"东侧";
  row[C::Name] = "金德才";
  row[C::IdNumber] = "35058219441224060X";
  row[C::Relation] = "head";
  row[C::MonthlyIncome] = "650.00";
  row[C::Phone] = "0576-83312345";
  row[C::RegistryStatus] = "dibao";
  row[C::Housing] = "owned";
  row[C::BankName] = "三门农商银行\n海游支行";  // a line break inside a value
  row[C::BankAccount] = "6217900112233445566";
  row[C::DisabilityCategory] = "physical";
  row[C::DisabilityGrade] = "3";
  row[C::Illness] = "高血压;糖尿病";
  row[C::Schooling] = "none";
  row[C::Employment] = "farming";
  row[C::WorkAbility] = "partial";
  return row;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(household_file)

// --- encodings --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(utf8_without_bom) {
  const auto file = ParseHouseholdCsv(kHeader + "\n" + kRow + "\n", FileEncoding::Auto);
  BOOST_TEST((file.encoding == FileEncoding::Utf8));
  BOOST_TEST_REQUIRE(file.rows.size() == 1U);
  const auto& row = file.rows[0];
  BOOST_TEST(row.line == 2);
  BOOST_TEST(row[C::HouseholdRef] == "S-0001");
  BOOST_TEST(row[C::RegionCode] == "331022101205");
  BOOST_TEST(row[C::Address] == "大岙村2组17号");
  BOOST_TEST(row[C::Name] == "金德才");
  BOOST_TEST(row[C::IdNumber] == "331022195803119717");
  BOOST_TEST(row[C::Relation] == "户主");
  BOOST_TEST(row[C::MonthlyIncome] == "650.00");
  BOOST_TEST(row[C::Phone] == "");  // a column the file leaves out
  BOOST_TEST(ReadProblems(row) == "");
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_stripped) {
  for (const auto encoding : {FileEncoding::Auto, FileEncoding::Utf8}) {
    const auto file = ParseHouseholdCsv(kBom + kHeader + "\n" + kRow + "\n", encoding);
    BOOST_TEST((file.encoding == FileEncoding::Utf8));
    BOOST_TEST_REQUIRE(file.header.size() == 7U);
    BOOST_TEST(file.header[0] == "household_ref");  // not "\xEF\xBB\xBFhousehold_ref"
    BOOST_TEST_REQUIRE(file.rows.size() == 1U);
    BOOST_TEST(file.rows[0][C::HouseholdRef] == "S-0001");
  }
}

BOOST_AUTO_TEST_CASE(gbk_is_detected_and_converted) {
  // 户编号,区划代码,地址,姓名,身份证号,与户主关系,月收入 in GBK.
  const std::string header =
      "\xBB\xA7\xB1\xE0\xBA\xC5,\xC7\xF8\xBB\xAE\xB4\xFA\xC2\xEB,\xB5\xD8\xD6\xB7,\xD0\xD5\xC3\xFB,"
      "\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5,\xD3\xEB\xBB\xA7\xD6\xF7\xB9\xD8\xCF\xB5,\xD4\xC2\xCA\xD5\xC8\xEB";
  // S-0001,331022101205,北京,张三,331022195803119717,户主,0
  const std::string row = "S-0001,331022101205,\xB1\xB1\xBE\xA9,\xD5\xC5\xC8\xFD,331022195803119717,\xBB\xA7\xD6\xF7,0";
  for (const auto encoding : {FileEncoding::Auto, FileEncoding::Gbk}) {
    const auto file = ParseHouseholdCsv(header + "\r\n" + row + "\r\n", encoding);
    BOOST_TEST((file.encoding == FileEncoding::Gbk));
    BOOST_TEST_REQUIRE(file.header.size() == 7U);
    BOOST_TEST(file.header[0] == "户编号");
    BOOST_TEST(file.header[5] == "与户主关系");
    BOOST_TEST_REQUIRE(file.rows.size() == 1U);
    BOOST_TEST(file.rows[0][C::Address] == "北京");
    BOOST_TEST(file.rows[0][C::Name] == "张三");
    BOOST_TEST(file.rows[0][C::Relation] == "户主");
    BOOST_TEST(file.rows[0][C::IdNumber] == "331022195803119717");
  }
}

BOOST_AUTO_TEST_CASE(gbk_bytes_that_resemble_overlong_utf8_are_gbk) {
  // 来 is C0 B4 in GBK: a lead byte and a continuation byte, but C0 never
  // starts well-formed UTF-8, so the file is GBK.
  const auto file =
      ParseHouseholdCsv(kHeader + "\nS-1,331022101205,x,\xC0\xB4,331022195803119717,head,0\n", FileEncoding::Auto);
  BOOST_TEST((file.encoding == FileEncoding::Gbk));
  BOOST_TEST_REQUIRE(file.rows.size() == 1U);
  BOOST_TEST(file.rows[0][C::Name] == "来");
}

BOOST_AUTO_TEST_CASE(gbk_bytes_read_as_utf8_are_refused) {
  const std::string gbk = kHeader + "\nS-1,331022101205,x,\xD5\xC5\xC8\xFD,331022195803119717,head,0\n";
  const auto message = ErrorOf(gbk, FileEncoding::Utf8);
  BOOST_TEST(Contains(message, "not valid UTF-8"), message);
  BOOST_TEST(Contains(message, "--encoding gbk"), message);
}

BOOST_AUTO_TEST_CASE(malformed_utf8_is_refused_when_utf8_is_given) {
  const auto withName = [](const std::string& name) {
    return kHeader + "\nS-1,331022101205,x," + name + ",331022195803119717,head,0\n";
  };
  BOOST_TEST(ErrorOf(withName("\xE5\xBC"), FileEncoding::Utf8) != "(no error)");      // truncated
  BOOST_TEST(ErrorOf(withName("\xC0\xAF"), FileEncoding::Utf8) != "(no error)");      // overlong '/'
  BOOST_TEST(ErrorOf(withName("\xED\xA0\x80"), FileEncoding::Utf8) != "(no error)");  // surrogate
  BOOST_TEST(ErrorOf(kHeader + "\nS-1,x\xE5", FileEncoding::Utf8) != "(no error)");   // cut at the end
  BOOST_TEST(ErrorOf(withName("张三"), FileEncoding::Utf8) == "(no error)");
}

BOOST_AUTO_TEST_CASE(bytes_that_are_neither_utf8_nor_gbk_are_refused) {
  const auto message = ErrorOf(kHeader + "\nS-1,331022101205,x,\xFF\xFF,331022195803119717,head,0\n");
  BOOST_TEST(Contains(message, "neither UTF-8 nor GBK"), message);
}

// --- lines and quoting -------------------------------------------------------

BOOST_AUTO_TEST_CASE(crlf_and_lf_give_the_same_rows) {
  const std::string lf = kHeader + "\n" + kRow + "\n" + kRow + "\n";
  const std::string crlf = kHeader + "\r\n" + kRow + "\r\n" + kRow + "\r\n";
  const auto a = ParseHouseholdCsv(lf, FileEncoding::Auto);
  const auto b = ParseHouseholdCsv(crlf, FileEncoding::Auto);
  BOOST_TEST_REQUIRE(a.rows.size() == 2U);
  BOOST_TEST_REQUIRE(b.rows.size() == 2U);
  BOOST_TEST(b.header == a.header, boost::test_tools::per_element());
  for (std::size_t r = 0; r < 2; ++r) {
    BOOST_TEST(b.rows[r].line == a.rows[r].line);
    BOOST_TEST(b.rows[r].values == a.rows[r].values, boost::test_tools::per_element());
  }
  BOOST_TEST(b.rows[1][C::MonthlyIncome] == "650.00");  // no '\r' left on the last field
  BOOST_TEST(Lines(b) == (std::vector<std::int64_t>{2, 3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(last_row_without_line_end) {
  const auto file = ParseHouseholdCsv(kHeader + "\r\n" + kRow, FileEncoding::Auto);
  BOOST_TEST_REQUIRE(file.rows.size() == 1U);
  BOOST_TEST(file.rows[0][C::MonthlyIncome] == "650.00");
  BOOST_TEST(ReadProblems(file.rows[0]) == "");
}

BOOST_AUTO_TEST_CASE(blank_lines_are_skipped_and_lines_stay_physical) {
  const std::string text = kHeader + "\n\n" + kRow + "\r\n\r\n\n" + kRow + "\n\n";
  const auto file = ParseHouseholdCsv(text, FileEncoding::Auto);
  BOOST_TEST(Lines(file) == (std::vector<std::int64_t>{3, 6}), boost::test_tools::per_element());
  for (const auto& row : file.rows) BOOST_TEST(ReadProblems(row) == "");
}

BOOST_AUTO_TEST_CASE(quoted_fields_hold_commas_quotes_and_line_breaks) {
  const std::string text =
      kHeader + "\n" + "S-1,331022101205,\"沙柳村7号,\"\"老供销社\"\"东侧\",\"金德才\",331022195803119717,户主,\"\"\n" +
      "S-1,,\"第一行\n第二行\r\n第三行\",梅桂英,331022196009020503,配偶,0\n" +
      "S-1,,,\"金\"\"晨\"\"阳\",331022201205200759,孙子女,\n";
  const auto file = ParseHouseholdCsv(text, FileEncoding::Auto);
  BOOST_TEST_REQUIRE(file.rows.size() == 3U);
  BOOST_TEST(file.rows[0][C::Address] == "沙柳村7号,\"老供销社\"东侧");
  BOOST_TEST(file.rows[0][C::Name] == "金德才");
  BOOST_TEST(file.rows[0][C::MonthlyIncome] == "");
  BOOST_TEST(file.rows[1][C::Address] == "第一行\n第二行\r\n第三行");
  BOOST_TEST(file.rows[1][C::Name] == "梅桂英");
  BOOST_TEST(file.rows[2][C::Name] == "金\"晨\"阳");
  // The second row starts on line 3 and spans lines 3 to 5.
  BOOST_TEST(Lines(file) == (std::vector<std::int64_t>{2, 3, 6}), boost::test_tools::per_element());
  for (const auto& row : file.rows) BOOST_TEST(ReadProblems(row) == "");
}

BOOST_AUTO_TEST_CASE(an_unterminated_quote_names_the_line_it_opens_on) {
  const std::string text = kHeader + "\n" + kRow + "\n" + "S-1,,\"two\nlines\",梅桂英,331022196009020503,配偶,0\n" +
                           "S-1,,\"never closed,金晨阳,331022201205200759,孙子女,0\n" + kRow + "\n";
  const auto message = ErrorOf(text);
  BOOST_TEST(Contains(message, "line 5:"), message);
  BOOST_TEST(Contains(message, "never closed"), message);
}

// --- the header --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(columns_in_any_order_and_language) {
  const std::string text =
      " 姓名 ,Relation,ID_NUMBER,月收入,address,region_code,户编号,联系电话\n"
      "金德才,户主,331022195803119717,650,大岙村,331022101205,S-1,13867012345\n";
  const auto file = ParseHouseholdCsv(text, FileEncoding::Auto);
  BOOST_TEST(file.header[0] == "姓名");  // as written, trimmed
  BOOST_TEST(file.header[1] == "Relation");
  BOOST_TEST_REQUIRE(file.rows.size() == 1U);
  const auto& row = file.rows[0];
  BOOST_TEST(row[C::Name] == "金德才");
  BOOST_TEST(row[C::Relation] == "户主");
  BOOST_TEST(row[C::IdNumber] == "331022195803119717");
  BOOST_TEST(row[C::MonthlyIncome] == "650");
  BOOST_TEST(row[C::Address] == "大岙村");
  BOOST_TEST(row[C::RegionCode] == "331022101205");
  BOOST_TEST(row[C::HouseholdRef] == "S-1");
  BOOST_TEST(row[C::Phone] == "13867012345");
}

BOOST_AUTO_TEST_CASE(an_unknown_column_is_named) {
  const auto message = ErrorOf(kHeader + ",备注\n" + kRow + ",x\n");
  BOOST_TEST(Contains(message, "line 1, field 8"), message);
  BOOST_TEST(Contains(message, "'备注'"), message);
}

BOOST_AUTO_TEST_CASE(a_nameless_column_is_ignored_while_empty) {
  // Spreadsheets leave trailing commas after the header and on every row.
  const auto file = ParseHouseholdCsv(kHeader + ",\n" + kRow + ",\n", FileEncoding::Utf8);
  BOOST_REQUIRE(file.rows.size() == 1u);
  BOOST_TEST(file.rows[0].readProblems.empty());
  const auto filled = ParseHouseholdCsv(kHeader + ",\n" + kRow + ",备注\n", FileEncoding::Utf8);
  BOOST_REQUIRE(filled.rows[0].readProblems.size() == 1u);
  BOOST_TEST(filled.rows[0].readProblems[0].code == "row.unnamed_column");
}

BOOST_AUTO_TEST_CASE(rows_of_empty_cells_are_skipped) {
  const auto file = ParseHouseholdCsv(kHeader + "\n" + kRow + "\n,,,,, ,,\n" + kRow + "\n", FileEncoding::Utf8);
  BOOST_REQUIRE(file.rows.size() == 2u);
  BOOST_TEST(file.rows[1].line == 4);
}

BOOST_AUTO_TEST_CASE(a_column_named_twice_is_named) {
  const auto message = ErrorOf(kHeader + ",姓名\n" + kRow + ",金德才\n");
  BOOST_TEST(Contains(message, "line 1"), message);
  BOOST_TEST(Contains(message, "the column name appears twice"), message);
}

BOOST_AUTO_TEST_CASE(a_missing_required_column_is_named) {
  const auto message =
      ErrorOf("household_ref,region_code,address,name,relation,monthly_income\nS-1,331022101205,x,金德才,户主,0\n");
  BOOST_TEST(Contains(message, "line 1"), message);
  BOOST_TEST(Contains(message, "id_number (身份证号) is missing"), message);
  const auto noIncome = ErrorOf(
      "household_ref,region_code,address,name,id_number,relation\nS-1,331022101205,x,金德才,"
      "331022195803119717,户主\n");
  BOOST_TEST(Contains(noIncome, "monthly_income (月收入) is missing"), noIncome);
}

BOOST_AUTO_TEST_CASE(a_file_without_a_header_is_refused) {
  BOOST_TEST(Contains(ErrorOf(""), "line 1"));
  BOOST_TEST(Contains(ErrorOf(kBom), "line 1"));
  BOOST_TEST(Contains(ErrorOf("\r\n\n"), "line 1"));
}

BOOST_AUTO_TEST_CASE(report_columns_are_ignored) {
  const std::string text = kHeader + ",error_line,error_column,error_code,error_message\n" + kRow +
                           ",2,id_number,id_number.checksum_mismatch,\"The last character, ...\"\n";
  const auto file = ParseHouseholdCsv(text, FileEncoding::Auto);
  BOOST_TEST(file.header.size() == 11U);
  BOOST_TEST_REQUIRE(file.rows.size() == 1U);
  BOOST_TEST(ReadProblems(file.rows[0]) == "");
  BOOST_TEST(file.rows[0][C::MonthlyIncome] == "650.00");
  for (const auto& value : file.rows[0].values) {
    BOOST_TEST(!Contains(value, "error"));
    BOOST_TEST(!Contains(value, "checksum"));
  }
}

// --- rows with the wrong number of fields -------------------------------------

BOOST_AUTO_TEST_CASE(too_few_fields_is_a_read_problem) {
  const auto file = ParseHouseholdCsv(kHeader + "\n" + kRow + "\nS-2,331022101205,x,张三\n", FileEncoding::Auto);
  BOOST_TEST_REQUIRE(file.rows.size() == 2U);
  BOOST_TEST(ReadProblems(file.rows[0]) == "");
  const auto& row = file.rows[1];
  BOOST_TEST(ReadProblems(row) == "3|household_ref|row.field_count");
  BOOST_TEST_REQUIRE(row.readProblems.size() == 1U);
  BOOST_TEST(row.readProblems[0].message == "the row has 4 fields, the header 7");
  // The fields it has are kept, so its household can be found and rejected.
  BOOST_TEST(row[C::HouseholdRef] == "S-2");
  BOOST_TEST(row[C::Name] == "张三");
  BOOST_TEST(row[C::IdNumber] == "");
}

BOOST_AUTO_TEST_CASE(too_many_fields_is_a_read_problem) {
  const auto file = ParseHouseholdCsv(kHeader + "\n" + kRow + ",extra,more\n", FileEncoding::Auto);
  BOOST_TEST_REQUIRE(file.rows.size() == 1U);
  BOOST_TEST(ReadProblems(file.rows[0]) == "2|household_ref|row.field_count");
  BOOST_TEST(file.rows[0].readProblems.at(0).message == "the row has 9 fields, the header 7");
  BOOST_TEST(file.rows[0][C::MonthlyIncome] == "650.00");
}

// --- files on disk -------------------------------------------------------------

BOOST_AUTO_TEST_CASE(reads_a_file_and_names_a_missing_one) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto path = dir / ("doudi-household-file-test-" + std::to_string(std::random_device()()) + ".csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << kBom << kHeader << "\r\n" << kRow << "\r\n";
  }
  const auto file = ReadHouseholdFile(path, FileEncoding::Auto);
  std::filesystem::remove(path);
  BOOST_TEST_REQUIRE(file.rows.size() == 1U);
  BOOST_TEST(file.rows[0][C::Name] == "金德才");
  try {
    ReadHouseholdFile(path, FileEncoding::Auto);
    BOOST_ERROR("reading a missing file did not throw");
  } catch (const HouseholdFileError& e) {
    BOOST_TEST(Contains(e.what(), "cannot open"), e.what());
    BOOST_TEST(Contains(e.what(), path.string()), e.what());
  }
}

// --- writing ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(csv_field_quotes_only_when_needed) {
  BOOST_TEST(CsvField("") == "");
  BOOST_TEST(CsvField("金德才") == "金德才");
  BOOST_TEST(CsvField(" spaced ") == " spaced ");
  BOOST_TEST(CsvField("a,b") == "\"a,b\"");
  BOOST_TEST(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(CsvField("\"") == "\"\"\"\"");
  BOOST_TEST(CsvField("a\nb") == "\"a\nb\"");
  BOOST_TEST(CsvField("a\r\nb") == "\"a\r\nb\"");
  BOOST_TEST(CsvField("a\rb") == "\"a\rb\"");
}

BOOST_AUTO_TEST_CASE(writer_writes_bom_header_and_crlf) {
  std::ostringstream english, chinese;
  HouseholdCsvWriter(english, {}, false);
  HouseholdCsvWriter(chinese, {"error_line"}, true);
  BOOST_TEST(english.str() ==
             kBom +
                 "household_ref,region_code,address,name,id_number,relation,monthly_income,phone,registry_status,"
                 "housing,bank_name,bank_account,disability_category,disability_grade,illness,schooling,"
                 "employment,work_ability\r\n");
  BOOST_TEST(chinese.str() == kBom +
                                  "户编号,区划代码,地址,姓名,身份证号,与户主关系,月收入,联系电话,登记状态,住房状况,"
                                  "开户银行,银行账号,残疾类别,残疾等级,患病情况,在学情况,就业状况,劳动能力,"
                                  "error_line\r\n");
}

BOOST_AUTO_TEST_CASE(written_rows_read_back_the_same) {
  for (const bool chineseHeader : {false, true}) {
    BOOST_TEST_CONTEXT("chinese header " << chineseHeader) {
      ImportRow plain;
      plain[C::HouseholdRef] = "S-0001";
      plain[C::Name] = "梅桂英";
      plain[C::IdNumber] = "331022196009020503";
      plain[C::Relation] = "spouse";
      plain[C::Illness] = " leading and trailing spaces ";
      std::ostringstream out;
      HouseholdCsvWriter writer(out, {}, chineseHeader);
      writer.Write(TrickyRow(2));
      writer.Write(plain);
      writer.Write(TrickyRow(0));
      const auto file = ParseHouseholdCsv(out.str(), FileEncoding::Auto);
      BOOST_TEST((file.encoding == FileEncoding::Utf8));
      BOOST_TEST(file.header.size() == doudi::model::kImportColumnCount);
      BOOST_TEST_REQUIRE(file.rows.size() == 3U);
      BOOST_TEST(file.rows[0].values == TrickyRow(0).values, boost::test_tools::per_element());
      BOOST_TEST(file.rows[1].values == plain.values, boost::test_tools::per_element());
      BOOST_TEST(file.rows[2].values == TrickyRow(0).values, boost::test_tools::per_element());
      // The bank name's line break makes the first row two lines long.
      BOOST_TEST(Lines(file) == (std::vector<std::int64_t>{2, 4, 5}), boost::test_tools::per_element());
      for (const auto& row : file.rows) BOOST_TEST(ReadProblems(row) == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(a_written_report_reads_back_without_its_error_columns) {
  std::ostringstream out;
  HouseholdCsvWriter writer(out, {"error_line", "error_column", "error_code", "error_message"}, true);
  writer.Write(TrickyRow(0), {"7", "id_number | name", "id_number.checksum_mismatch | name.missing",
                              "The last character, \"X\", does not match | the name is empty"});
  writer.Write(TrickyRow(0), {"9"});  // missing extra values are written empty
  const std::string text = out.str();
  BOOST_TEST(Contains(text,
                      ",7,id_number | name,id_number.checksum_mismatch | name.missing,"
                      "\"The last character, \"\"X\"\", does not match | the name is empty\"\r\n"));
  BOOST_TEST(Contains(text, ",9,,,\r\n"));
  const auto file = ParseHouseholdCsv(text, FileEncoding::Auto);
  BOOST_TEST_REQUIRE(file.rows.size() == 2U);
  for (const auto& row : file.rows) {
    BOOST_TEST(row.values == TrickyRow(0).values, boost::test_tools::per_element());
    BOOST_TEST(ReadProblems(row) == "");
  }
}

// --- regions --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(regions_file_is_read) {
  const auto regions =
      ParseRegionsCsv("code,name\n330000000000,浙江省\r\n\n331022000000,\"三门县\"\n331022101205,\"大岙村, 2组\"\n");
  BOOST_TEST_REQUIRE(regions.size() == 3U);
  BOOST_TEST(regions[0].code == "330000000000");
  BOOST_TEST(regions[0].name == "浙江省");
  BOOST_TEST(regions[1].code == "331022000000");
  BOOST_TEST(regions[1].name == "三门县");
  BOOST_TEST(regions[2].name == "大岙村, 2组");
  BOOST_TEST(ParseRegionsCsv("code,name\n").empty());
}

BOOST_AUTO_TEST_CASE(a_malformed_regions_file_names_its_line) {
  BOOST_TEST(Contains(RegionsErrorOf(""), "line 1"));
  BOOST_TEST(Contains(RegionsErrorOf("code,label\n330000000000,浙江省\n"), "line 1"));
  BOOST_TEST(Contains(RegionsErrorOf("330000000000,浙江省\n"), "line 1"));
  const auto oneField = RegionsErrorOf("code,name\n330000000000,浙江省\n\n331022000000\n");
  BOOST_TEST(Contains(oneField, "line 4:"), oneField);
  const auto emptyName = RegionsErrorOf("code,name\n330000000000,\n");
  BOOST_TEST(Contains(emptyName, "line 2:"), emptyName);
  const auto emptyCode = RegionsErrorOf("code,name\n,浙江省\n");
  BOOST_TEST(Contains(emptyCode, "line 2:"), emptyCode);
  const auto threeFields = RegionsErrorOf("code,name\n330000000000,浙江,省\n");
  BOOST_TEST(Contains(threeFields, "line 2:"), threeFields);
  const auto unclosed = RegionsErrorOf("code,name\n330000000000,\"浙江省\n");
  BOOST_TEST(Contains(unclosed, "line 2:"), unclosed);
}

BOOST_AUTO_TEST_SUITE_END()
