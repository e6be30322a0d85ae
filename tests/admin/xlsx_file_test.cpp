// .xlsx import files as doudi-admin reads them (admin/xlsx_file.h), without
// a database: workbooks written here with libxlsxwriter, parts written by
// hand into a zip (Poco Zip) for what libxlsxwriter never writes (the 1904
// date system, phonetic runs, booleans, error values, cells without a
// reference), the fixtures LibreOffice saved (tests/fixtures/xlsx, made by
// make-libreoffice-fixture.sh), and files that are no workbook.
#include "household_file.h"
#include "xlsx_file.h"

#include <boost/test/unit_test.hpp>
#include <xlsxwriter.h>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "doudi/model/crosscheck.h"
#include "doudi/model/import_template.h"
#include "../unit/temporary_directory.h"

using namespace doudi;
using admin::FileEncoding;
using C = model::ImportColumn;

namespace {

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};
constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::December, std::chrono::day{6}};
// 330102199001011234 as Excel keeps it: 15 significant digits.
constexpr double kIdAsNumber = 330102199001011234.0;

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// "line|column|code" of every problem.
std::string Codes(const std::vector<model::ImportProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : ", ") + std::to_string(p.line) + "|" + p.column + "|" + p.code;
  return out;
}

std::vector<admin::CsvColumnName> CrosscheckNames(const model::CrosscheckSpec& spec) {
  std::vector<admin::CsvColumnName> names;
  for (const auto& c : spec.columns) {
    names.push_back({c.code, c.chinese, c.required, c.value == model::CrosscheckValue::IdNumber});
  }
  return names;
}

admin::CsvTable ParseMedical(const std::string& bytes, const std::optional<std::string>& sheet = {}) {
  const auto& spec = model::SpecOf(model::CrosscheckKind::Medical);
  return admin::ParseTableFile(bytes, FileEncoding::Auto, sheet, CrosscheckNames(spec), model::RowKeyColumn(spec),
                               "docs/crosscheck-format.md");
}

// The message a household file's bytes are refused with; "(no error)".
std::string ErrorOf(const std::string& bytes, const std::optional<std::string>& sheet = {}) {
  try {
    admin::ParseHouseholdFile(bytes, FileEncoding::Auto, sheet);
  } catch (const admin::CsvFileError& e) {
    return e.what();
  }
  return "(no error)";
}

// A village's list as a clerk keeps it in Excel: a first sheet with numbers
// where the template wants text, an empty row, a formula-looking address
// and a cell left out, and a second sheet.
std::string VillageWorkbook(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const auto path = dir / "village.xlsx";
  lxw_workbook* workbook = workbook_new(path.string().c_str());
  lxw_worksheet* first = workbook_add_worksheet(workbook, "村名单");
  lxw_worksheet* second = workbook_add_worksheet(workbook, "Sheet2");
  const char* header[] = {"household_ref", "region_code", "address", "name", "id_number", "relation",
                          "monthly_income", "phone"};
  for (lxw_col_t c = 0; c < 8; ++c) {
    worksheet_write_string(first, 0, c, header[c], nullptr);
    worksheet_write_string(second, 0, c, header[c], nullptr);
  }
  // Row 2: a region code and a phone as numbers, 1234.5 yuan.
  worksheet_write_string(first, 1, 0, "S-0001", nullptr);
  worksheet_write_number(first, 1, 1, 331022101205.0, nullptr);
  worksheet_write_string(first, 1, 2, "=HYPERLINK(\"http://example.com\",\"大岙村\")", nullptr);
  worksheet_write_string(first, 1, 3, "金德才", nullptr);
  worksheet_write_string(first, 1, 4, "331022195803119717", nullptr);
  worksheet_write_string(first, 1, 5, "户主", nullptr);
  worksheet_write_number(first, 1, 6, 1234.5, nullptr);
  worksheet_write_number(first, 1, 7, 13867012345.0, nullptr);
  // Row 3 is empty. Row 4: the ID typed as a number; 0.1 + 0.2 yuan as a
  // spreadsheet sums it.
  worksheet_write_string(first, 3, 0, "S-0002", nullptr);
  worksheet_write_string(first, 3, 1, "350582111205", nullptr);
  worksheet_write_string(first, 3, 2, "龙湖镇衙口村中街8号", nullptr);
  worksheet_write_string(first, 3, 3, "柯秀珠", nullptr);
  worksheet_write_number(first, 3, 4, kIdAsNumber, nullptr);
  worksheet_write_string(first, 3, 5, "户主", nullptr);
  worksheet_write_number(first, 3, 6, 0.1 + 0.2, nullptr);
  // Row 5: cells left out, three decimals of yuan, a rich-text name.
  worksheet_write_string(first, 4, 0, "S-0003", nullptr);
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_rich_string_tuple surname{bold, const_cast<char*>("金")};
  lxw_rich_string_tuple given{nullptr, const_cast<char*>("晨阳")};
  lxw_rich_string_tuple* name[] = {&surname, &given, nullptr};
  worksheet_write_rich_string(first, 4, 3, name, nullptr);
  worksheet_write_string(first, 4, 5, "户主", nullptr);
  worksheet_write_number(first, 4, 6, 1234.567, nullptr);
  // The second sheet, for --sheet.
  worksheet_write_string(second, 1, 0, "T-0001", nullptr);
  worksheet_write_string(second, 1, 3, "王彩英", nullptr);
  BOOST_REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
  return ReadBytes(path);
}

// A medical settlements file whose visit dates are Excel serial days with
// three kinds of date format: a custom one, the built-in 14 and a Chinese one.
std::string MedicalWorkbook(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const auto path = dir / "medical.xlsx";
  lxw_workbook* workbook = workbook_new(path.string().c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  lxw_format* iso = workbook_add_format(workbook);
  format_set_num_format(iso, "yyyy-mm-dd");
  lxw_format* builtIn = workbook_add_format(workbook);
  format_set_num_format_index(builtIn, 14);
  lxw_format* chinese = workbook_add_format(workbook);
  format_set_num_format(chinese, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format* money = workbook_add_format(workbook);
  format_set_num_format(money, "#,##0.00");
  const char* header[] = {"结算单号", "身份证号", "姓名", "区划代码", "就诊日期", "医疗机构", "医疗总费用", "医保报销", "个人自付"};
  for (lxw_col_t c = 0; c < 9; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);
  lxw_format* dates[] = {iso, builtIn, chinese};
  for (lxw_row_t r = 1; r <= 3; ++r) {
    worksheet_write_string(sheet, r, 0, ("YB-" + std::to_string(r)).c_str(), nullptr);
    worksheet_write_string(sheet, r, 1, "331022197304170891", nullptr);
    worksheet_write_string(sheet, r, 2, "叶建军", nullptr);
    worksheet_write_number(sheet, r, 4, 46067 + r - 1, dates[r - 1]);  // 2026-02-14 on
    worksheet_write_string(sheet, r, 5, "三门县人民医院", nullptr);
    worksheet_write_number(sheet, r, 6, 8312.4, money);
    worksheet_write_number(sheet, r, 7, 5818.68, money);
    worksheet_write_number(sheet, r, 8, 2493.72, money);
  }
  BOOST_REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
  return ReadBytes(path);
}

// A zip of the given parts, written with Poco Zip.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::ostringstream out;
  Poco::Zip::Compress compress(out, true);
  for (const auto& [name, text] : parts) {
    std::istringstream in(text);
    compress.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  compress.close();
  return out.str();
}

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook as another program might write it: a hidden first sheet, the
// 1904 date system, no shared strings.
std::string HandMadeWorkbook(const std::string& sheetData) {
  return Zip({
      {"_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "<Relationship Id=\"rId1\" Type=\"" + kRel + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                      "</Relationships>"},
      {"xl/workbook.xml", "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\"><workbookPr date1904=\"1\"/>"
                          "<sheets><sheet name=\"old\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"
                          "<sheet name=\"数据\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"" + kRel + "/worksheet\" Target=\"worksheets/old.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"" + kRel + "/worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
       "<Relationship Id=\"rId3\" Type=\"" + kRel + "/styles\" Target=\"styles.xml\"/></Relationships>"},
      {"xl/styles.xml", "<styleSheet xmlns=\"" + kMain + "\"><numFmts count=\"1\">"
                        "<numFmt numFmtId=\"170\" formatCode=\"[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
                        "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                        "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"170\"/><xf numFmtId=\"4\"/></cellXfs>"
                        "</styleSheet>"},
      {"xl/worksheets/old.xml", "<worksheet xmlns=\"" + kMain + "\"><sheetData/></worksheet>"},
      {"xl/worksheets/data.xml", "<worksheet xmlns=\"" + kMain + "\"><sheetData>" + sheetData + "</sheetData></worksheet>"},
  });
}

std::string InlineCell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx_file)

BOOST_AUTO_TEST_CASE(a_village_list_from_excel_reads_like_its_csv_with_cells_named) {
  test::TemporaryDirectory dir("doudi-xlsx");
  const auto file = admin::ParseHouseholdFile(VillageWorkbook(dir.path), FileEncoding::Auto, std::nullopt);
  BOOST_TEST(file.places.sheet == "村名单");
  BOOST_TEST(file.places.letters.at("id_number") == "E");
  BOOST_TEST(file.places.letters.at("monthly_income") == "G");
  BOOST_TEST_REQUIRE(file.rows.size() == 3U);  // the empty row 3 is no row
  const auto& head = file.rows[0];
  BOOST_TEST(head.line == 2);
  BOOST_TEST(head[C::RegionCode] == "331022101205");  // 12 digits as a number are exact
  BOOST_TEST(head[C::Address] == "=HYPERLINK(\"http://example.com\",\"大岙村\")");
  BOOST_TEST(head[C::MonthlyIncome] == "1234.5");
  BOOST_TEST(head[C::Phone] == "13867012345");
  BOOST_TEST(head.readProblems.empty());
  const auto checked = model::CheckImportRow(head, kToday);
  BOOST_TEST(checked.problems.empty(), Codes(checked.problems));
  BOOST_TEST(checked.monthlyIncomeFen == 123450);  // 1234.50 yuan

  const auto& numbered = file.rows[1];
  BOOST_TEST(numbered.line == 4);
  BOOST_TEST(numbered[C::MonthlyIncome] == "0.3");  // 0.30000000000000004 as Excel shows it
  BOOST_TEST(Codes(numbered.readProblems) == "4|id_number|id_number.stored_as_number");
  BOOST_TEST(numbered.readProblems[0].message ==
             "the cell E4 is stored as a number (3.30102199001011E+17), digits lost: Excel keeps 15 significant "
             "digits; format the column as text and type the value again");
  // Refused once: the ID is not checked again as a malformed one.
  const auto refused = model::CheckImportRow(numbered, kToday);
  BOOST_TEST(Codes(refused.problems) == "4|id_number|id_number.stored_as_number");

  const auto& sparse = file.rows[2];
  BOOST_TEST(sparse.line == 5);
  BOOST_TEST(sparse[C::Name] == "金晨阳");  // rich-text runs joined
  BOOST_TEST(sparse[C::RegionCode].empty());
  BOOST_TEST(sparse[C::MonthlyIncome] == "1234.567");
  BOOST_TEST(Contains(Codes(model::CheckImportRow(sparse, kToday).problems), "5|monthly_income|monthly_income.malformed"));

  std::ostringstream printed;
  admin::PrintProblems(printed, refused.problems, file.places);
  BOOST_TEST(Contains(printed.str(), "村名单 row 4 column E, id_number: id_number.stored_as_number: the cell E4"),
             printed.str());
  // A problem of a column the sheet does not have names the row.
  std::ostringstream row;
  admin::PrintProblems(row, {model::MakeImportProblem(5, "bank_name", "bank_name.missing", "x")}, file.places);
  BOOST_TEST(row.str() == "村名单 row 5, bank_name: bank_name.missing: x\n");
}

BOOST_AUTO_TEST_CASE(sheet_chooses_another_sheet_and_a_missing_one_lists_them) {
  test::TemporaryDirectory dir("doudi-xlsx");
  const std::string bytes = VillageWorkbook(dir.path);
  BOOST_TEST(admin::XlsxSheetNames(bytes) == (std::vector<std::string>{"村名单", "Sheet2"}));
  for (const std::string name : {"Sheet2", "sheet2"}) {
    const auto file = admin::ParseHouseholdFile(bytes, FileEncoding::Auto, name);
    BOOST_TEST(file.places.sheet == "Sheet2");
    BOOST_TEST_REQUIRE(file.rows.size() == 1U);
    BOOST_TEST(file.rows[0][C::HouseholdRef] == "T-0001");
  }
  BOOST_TEST(ErrorOf(bytes, "Sheet9") == "the workbook has no sheet named 'Sheet9'; its sheets are: 村名单, Sheet2");
}

BOOST_AUTO_TEST_CASE(serial_dates_with_date_formats_read_as_days) {
  test::TemporaryDirectory dir("doudi-xlsx");
  const auto table = ParseMedical(MedicalWorkbook(dir.path));
  BOOST_TEST_REQUIRE(table.rows.size() == 3U);
  BOOST_TEST(table.rows[0].values[4] == "2026-02-14");
  BOOST_TEST(table.rows[1].values[4] == "2026-02-15");
  BOOST_TEST(table.rows[2].values[4] == "2026-02-16");
  BOOST_TEST(table.rows[0].values[6] == "8312.4");
  const auto reading = model::ReadCrosscheckRows(model::CrosscheckKind::Medical, table.rows, kAsOf, kToday, {});
  BOOST_TEST(reading.problems.empty(), Codes(reading.problems));
  BOOST_TEST_REQUIRE(reading.rows.size() == 3U);
  BOOST_TEST(reading.rows[0].amountFen.value_or(0) == 831240);
}

BOOST_AUTO_TEST_CASE(other_writers_parts_inline_strings_booleans_errors_and_the_1904_system) {
  const std::string data =
      "<row r=\"1\">" + InlineCell("A1", "结算单号") + InlineCell("B1", "身份证号") + InlineCell("C1", "姓名") +
      InlineCell("E1", "就诊日期") + InlineCell("F1", "医疗机构") + InlineCell("G1", "医疗总费用") +
      InlineCell("H1", "医保报销") + InlineCell("I1", "个人自付") + "</row>"
      // No r attributes: the cells follow each other; the row follows row 1.
      "<row><c t=\"inlineStr\"><is><t>YB-1</t></is></c>"
      "<c t=\"inlineStr\"><is><r><t>3310221973</t></r><r><t>04170891</t></r></is></c>"
      "<c t=\"inlineStr\"><is><t>叶建军</t><rPh sb=\"0\" eb=\"3\"><t>ye jian jun</t></rPh></is></c>"
      "<c/><c s=\"1\"><v>44605</v></c>" + InlineCell("F2", "医院_x000D_一部") +
      "<c r=\"G2\" t=\"e\"><v>#N/A</v></c><c r=\"H2\" t=\"b\"><v>1</v></c>"
      "<c r=\"I2\" t=\"str\"><f>G2-H2</f><v>#N/A</v></c></row>"
      "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>YB-9</t></is></c>"
      "<c r=\"E9\" t=\"d\"><v>2026-03-01T00:00:00</v></c><c r=\"G9\" s=\"2\"><v>12.5</v></c></row>";
  const auto table = ParseMedical(HandMadeWorkbook(data));
  BOOST_TEST(table.places.sheet == "数据");  // the hidden first sheet is passed over
  BOOST_TEST_REQUIRE(table.rows.size() == 2U);
  const auto& row = table.rows[0];
  BOOST_TEST(row.line == 2);
  // The kind's columns: id_number, name, region_code, then its own.
  BOOST_TEST(row.values[0] == "331022197304170891");  // rich-text runs joined
  BOOST_TEST(row.values[1] == "叶建军");              // the phonetic guide is not the name
  BOOST_TEST(row.values[3] == "YB-1");
  BOOST_TEST(row.values[4] == "2026-02-14");            // 44605 days after 1904-01-01
  BOOST_TEST(row.values[5] == "医院\r一部");
  BOOST_TEST(row.values[7] == "TRUE");
  BOOST_TEST(Codes(row.readProblems) == "2|total|total.cell_error");
  BOOST_TEST(row.readProblems[0].message == "the cell G2 holds the spreadsheet error #N/A");
  BOOST_TEST(table.rows[1].line == 9);
  BOOST_TEST(table.rows[1].values[4] == "2026-03-01");
  BOOST_TEST(table.rows[1].values[6] == "12.5");
}

BOOST_AUTO_TEST_CASE(files_saved_by_libreoffice) {
  const std::string fixtures = std::string(DOUDI_SOURCE_DIR) + "/tests/fixtures/xlsx/";
  const auto households =
      admin::ReadHouseholdFile(fixtures + "households-libreoffice.xlsx", FileEncoding::Auto, std::nullopt);
  BOOST_TEST(households.places.sheet == "households-libreoffice");
  BOOST_TEST_REQUIRE(households.rows.size() == 4U);
  BOOST_TEST(households.rows[0][C::RegionCode] == "331022101205");
  BOOST_TEST(households.rows[0][C::Address] == "珠岙镇大岙村2组17号");
  BOOST_TEST(households.rows[0][C::IdNumber] == "331022195803119717");
  BOOST_TEST(households.rows[0][C::BankAccount] == "6217900112233445566");
  BOOST_TEST(households.rows[0][C::Phone] == "13867012345");
  BOOST_TEST(households.rows[2][C::IdNumber] == "35058219441224060X");
  std::string problems;
  std::int64_t incomeFen = 0;
  for (const auto& row : households.rows) {
    const auto checked = model::CheckImportRow(row, kToday);
    problems += Codes(checked.problems);
    if (row.line == 2) incomeFen = checked.monthlyIncomeFen;
  }
  BOOST_TEST(incomeFen == 123450);
  // The unquoted ID became a number in Calc: refused, naming E5.
  BOOST_TEST(problems == "5|id_number|id_number.stored_as_number");
  BOOST_TEST(Contains(households.rows[3].readProblems.at(0).message, "the cell E5 is stored as a number"));

  const auto medical = ParseMedical(ReadBytes(fixtures + "medical-libreoffice.xlsx"));
  BOOST_TEST_REQUIRE(medical.rows.size() == 3U);
  BOOST_TEST(medical.rows[0].values[4] == "2026-02-14");
  BOOST_TEST(medical.rows[1].values[2] == "331022101201");  // a region code Calc made a number
  BOOST_TEST(medical.rows[2].values[6] == "3200.5");
  const auto reading = model::ReadCrosscheckRows(model::CrosscheckKind::Medical, medical.rows, kAsOf, kToday, {});
  BOOST_TEST(Codes(reading.problems) == "4|id_number|id_number.stored_as_number");
  BOOST_TEST(reading.rows.size() == 2U);
}

BOOST_AUTO_TEST_CASE(files_that_are_no_workbook_are_refused_saying_what_they_are) {
  test::TemporaryDirectory dir("doudi-xlsx");
  const std::string workbook = VillageWorkbook(dir.path);
  BOOST_TEST(ErrorOf(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(24, '\0') + "IHDR") ==
             "the file is neither CSV text nor an .xlsx workbook");
  // One NUL in a CSV cell is that cell's problem (name.control_character), not the file's.
  BOOST_TEST(ErrorOf("household_ref,region_code,address,name,id_number,relation,monthly_income\nS-1,1,x,a" +
                     std::string(1, '\0') + "b,1,head,0\n") == "(no error)");
  BOOST_TEST(ErrorOf(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)) ==
             "the file is an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV");
  BOOST_TEST(ErrorOf(Zip({{"readme.txt", "not a workbook"}})) ==
             "the file is a zip archive but not an .xlsx workbook: it has no xl/workbook.xml");
  for (const std::size_t keep : {workbook.size() / 2, workbook.size() - 30, std::size_t{100}}) {
    const std::string error = ErrorOf(workbook.substr(0, keep));
    BOOST_TEST(Contains(error, "the .xlsx workbook cannot be read (damaged or cut short?)"), keep << ": " << error);
  }
  BOOST_TEST(ErrorOf("household_ref,name\nS-1,x\n", "Sheet1") == "--sheet is for .xlsx workbooks; this file is CSV text");
  BOOST_TEST(ErrorOf(HandMadeWorkbook("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t> </t></is></c></row>")) ==
             "sheet 数据 is empty: its first row must be the header");
  BOOST_TEST(Contains(ErrorOf(HandMadeWorkbook("<row r=\"1\">" + InlineCell("A1", "户编号") + InlineCell("B1", "籍贯") +
                                                "</row>")),
                      "sheet 数据: line 1, field 2: unknown column '籍贯'"));
}

BOOST_AUTO_TEST_CASE(serial_days_and_date_formats) {
  BOOST_TEST(admin::SerialDate(1, false).value_or("") == "1900-01-01");
  BOOST_TEST(admin::SerialDate(59, false).value_or("") == "1900-02-28");
  BOOST_TEST(admin::SerialDate(60, false).value_or("") == "1900-02-29");  // Excel's day that never was
  BOOST_TEST(admin::SerialDate(61, false).value_or("") == "1900-03-01");
  BOOST_TEST(admin::SerialDate(45000.75, false).value_or("") == "2023-03-15");
  BOOST_TEST(admin::SerialDate(2958465, false).value_or("") == "9999-12-31");
  BOOST_TEST(admin::SerialDate(0, true).value_or("") == "1904-01-01");
  BOOST_TEST(!admin::SerialDate(0, false));
  BOOST_TEST(!admin::SerialDate(-3, false));
  BOOST_TEST(!admin::SerialDate(2958466, false));
  for (const char* code : {"yyyy-mm-dd", "yyyy\\-mm\\-dd", "m/d/yy", "[$-804]yyyy\"年\"m\"月\"d\"日\"", "[h]:mm:ss",
                           "h:mm AM/PM", "dd/mm/yyyy;@"}) {
    BOOST_TEST(admin::IsDateFormatCode(code), code);
  }
  for (const char* code : {"General", "0.00", "#,##0.00_);[Red](#,##0.00)", "\"¥\"#,##0.00", "0.00E+00", "@",
                           "[$¥-804]#,##0.00", "0\"天\"", "#,##0;-#,##0;\"d\""}) {
    BOOST_TEST(!admin::IsDateFormatCode(code), code);
  }
  BOOST_TEST(admin::ColumnLetters(0) == "A");
  BOOST_TEST(admin::ColumnLetters(25) == "Z");
  BOOST_TEST(admin::ColumnLetters(26) == "AA");
  BOOST_TEST(admin::ColumnLetters(701) == "ZZ");
  BOOST_TEST(admin::ColumnLetters(702) == "AAA");
}

BOOST_AUTO_TEST_SUITE_END()
