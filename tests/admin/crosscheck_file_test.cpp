// Cross-check files as doudi-admin reads them (the shared CSV reader with a
// kind's columns, then the model's reader): the shipped samples, both
// header languages, GBK, and the progress line; without a database.
#include "csv_file.h"
#include "terminal.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "doudi/model/crosscheck.h"

using namespace doudi;
using namespace std::chrono;
using admin::FileEncoding;

namespace {

// The demo's day: every sample row is of a day up to the data's date.
constexpr year_month_day kAsOf{year{2026}, November, day{30}};
constexpr year_month_day kToday{year{2026}, December, day{6}};

std::vector<admin::CsvColumnName> Names(const model::CrosscheckSpec& spec) {
  std::vector<admin::CsvColumnName> names;
  for (const auto& c : spec.columns) names.push_back({c.code, c.chinese, c.required});
  return names;
}

admin::CsvTable Parse(model::CrosscheckKind kind, const std::string& bytes, FileEncoding encoding = FileEncoding::Auto) {
  const auto& spec = model::SpecOf(kind);
  return admin::ParseCsvTable(bytes, encoding, Names(spec), model::RowKeyColumn(spec), "docs/crosscheck-format.md");
}

std::string Sample(model::CrosscheckKind kind) {
  const std::string path =
      std::string(DOUDI_SOURCE_DIR) + "/assets/crosscheck/" + std::string(model::ToCode(kind)) + ".csv";
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// "line|column|code" of every problem.
std::string Problems(const model::CrosscheckReading& reading) {
  std::string out;
  for (const auto& p : reading.problems) {
    out += (out.empty() ? "" : ", ") + std::to_string(p.line) + "|" + p.column + "|" + p.code;
  }
  return out;
}

std::string ErrorOf(model::CrosscheckKind kind, const std::string& bytes) {
  try {
    Parse(kind, bytes);
  } catch (const admin::CsvFileError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crosscheck_file)

BOOST_AUTO_TEST_CASE(every_sample_reads_without_a_problem_in_either_header_language) {
  for (const auto& spec : model::CrosscheckSpecs()) {
    BOOST_TEST_CONTEXT(model::ToCode(spec.kind)) {
      const std::string bytes = Sample(spec.kind);
      const auto table = Parse(spec.kind, bytes);
      BOOST_TEST(admin::IsChineseHeader(table.header));
      BOOST_TEST((table.header[0] == "身份证号" || table.header[1] == "身份证号"));
      const auto reading = model::ReadCrosscheckRows(spec.kind, table.rows, kAsOf, kToday);
      BOOST_TEST(Problems(reading).empty(), Problems(reading));
      BOOST_TEST(reading.rows.size() >= 2u);
      // The same file with the English names of its columns reads the same.
      const auto headerEnd = bytes.find("\r\n");
      std::string header;
      for (const auto& name : table.header) {
        for (const auto& c : spec.columns) {
          if (c.chinese == name) header += (header.empty() ? "" : ",") + std::string(c.code);
        }
      }
      const auto english = Parse(spec.kind, header + bytes.substr(headerEnd));
      BOOST_TEST(!admin::IsChineseHeader(english.header));
      const auto again = model::ReadCrosscheckRows(spec.kind, english.rows, kAsOf, kToday);
      BOOST_TEST((again.rows == reading.rows));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_gbk_file_with_crlf_reads_as_its_utf8_twin) {
  // 结算单号,身份证号,姓名,就诊日期,医疗机构,医疗总费用,医保报销,个人自付 and a row, in GBK.
  const std::string gbk =
      "\xBD\xE1\xCB\xE3\xB5\xA5\xBA\xC5,\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5,\xD0\xD5\xC3\xFB,"
      "\xBE\xCD\xD5\xEF\xC8\xD5\xC6\xDA,\xD2\xBD\xC1\xC6\xBB\xFA\xB9\xB9,\xD2\xBD\xC1\xC6\xD7\xDC\xB7\xD1\xD3\xC3,"
      "\xD2\xBD\xB1\xA3\xB1\xA8\xCF\xFA,\xB8\xF6\xC8\xCB\xD7\xD4\xB8\xB6\r\n"
      "YB-1,331022197304170891,\xD2\xB6\xBD\xA8\xBE\xFC,2026-02-14,"
      "\xC8\xFD\xC3\xC5\xCF\xD8\xC8\xCB\xC3\xF1\xD2\xBD\xD4\xBA,12000.00,8400.00,3600.00\r\n";
  const std::string utf8 =
      "结算单号,身份证号,姓名,就诊日期,医疗机构,医疗总费用,医保报销,个人自付\n"
      "YB-1,331022197304170891,叶建军,2026-02-14,三门县人民医院,12000.00,8400.00,3600.00\n";
  const auto kind = model::CrosscheckKind::Medical;
  for (const auto encoding : {FileEncoding::Auto, FileEncoding::Gbk}) {
    const auto table = Parse(kind, gbk, encoding);
    BOOST_TEST((table.encoding == FileEncoding::Gbk));
    const auto reading = model::ReadCrosscheckRows(kind, table.rows, kAsOf, kToday);
    BOOST_REQUIRE(reading.rows.size() == 1u);
    BOOST_TEST(reading.rows[0].name == "叶建军");
    const auto twin = model::ReadCrosscheckRows(kind, Parse(kind, "\xEF\xBB\xBF" + utf8).rows, kAsOf, kToday);
    BOOST_TEST((twin.rows == reading.rows));
  }
  BOOST_TEST(ErrorOf(kind, gbk.substr(0, 0) + "\xEF\xBB\xBF" + gbk) != "(no error)");  // BOM, then not UTF-8
}

BOOST_AUTO_TEST_CASE(a_header_of_another_kind_or_unknown_refuses_the_file) {
  const auto kind = model::CrosscheckKind::Vehicle;
  const std::string medical = Sample(model::CrosscheckKind::Medical);
  BOOST_TEST(ErrorOf(kind, medical).find("结算单号") != std::string::npos, ErrorOf(kind, medical));
  const std::string missingPlate = "身份证号,姓名,车辆类型,登记日期\n331022197304170891,叶建军,car,2025-05-18\n";
  BOOST_TEST(ErrorOf(kind, missingPlate).find("plate") != std::string::npos, ErrorOf(kind, missingPlate));
  const std::string twice = "id_number,身份证号,name,plate,vehicle_type,registered_on\n";
  BOOST_TEST(ErrorOf(kind, twice).find("id_number") != std::string::npos);
  BOOST_TEST(ErrorOf(kind, "id_number,name,plate,vehicle_type,registered_on,colour\n").find("crosscheck-format.md") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_short_row_and_a_value_without_a_column_are_the_rows_problems) {
  const auto kind = model::CrosscheckKind::Vehicle;
  const std::string text =
      "id_number,name,plate,vehicle_type,registered_on,,error_line,error_message\n"
      "331022197304170891,叶建军,浙J5M327,motorcycle,2019-04-02,,2,old reason\n"
      "331022197304170891,叶建军,浙J5M328,motorcycle\n"
      ",,,,,,,\n"
      "331022197304170891,叶建军,浙J5M329,motorcycle,2019-04-02,stray,,\n"
      "'=331022197304170891,叶建军,浙J5M330,motorcycle,2019-04-02,,,\n";
  const auto table = Parse(kind, text);
  BOOST_REQUIRE(table.rows.size() == 4u);  // the cleared row is skipped
  const auto reading = model::ReadCrosscheckRows(kind, table.rows, kAsOf, kToday);
  BOOST_TEST(Problems(reading) ==
             "3|plate|row.field_count, 3|registered_on|registered_on.missing, 5|plate|row.unnamed_column, "
             "6|id_number|id_number.wrong_length");  // "=3310...": the apostrophe was the protection
  BOOST_TEST(reading.rows.size() == 1u);
}

BOOST_AUTO_TEST_CASE(report_cells_join_every_problem_of_a_line) {
  const std::vector<model::ImportProblem> problems{
      model::MakeImportProblem(3, "total", "total.sum_mismatch", "the total {1} is not reimbursed {2} plus self-paid {3}",
                               {"1", "2", "3"}),
      model::MakeImportProblem(3, "name", "name.missing", "{1} must be given on every row", {"name"}),
      model::MakeImportProblem(9, "region_code", "region_code.required", "x")};
  const auto cells = admin::ReportCellsByLine(problems);
  BOOST_REQUIRE(cells.size() == 2u);
  BOOST_TEST(cells.at(3)[0] == "3");
  BOOST_TEST(cells.at(3)[1] == "total | name");
  BOOST_TEST(cells.at(3)[2] == "total.sum_mismatch | name.missing");
  BOOST_TEST(cells.at(9)[2] == "region_code.required");
  std::ostringstream out;
  admin::CsvWriter writer(out);
  writer.Row({"=SUM(A1)", "a,b", "plain"});
  BOOST_TEST(out.str() == "\xEF\xBB\xBF'=SUM(A1),\"a,b\",plain\r\n");
}

BOOST_AUTO_TEST_CASE(the_progress_line_shows_the_time_left_at_most_four_times_a_second) {
  using Clock = admin::ProgressLine::Clock;
  Clock::time_point now{};
  std::vector<std::string> shown;
  {
    admin::ProgressLine line([&](std::string_view text) { shown.emplace_back(text); }, [&] { return now; });
    line.Update("a", 0, 100);  // nothing done yet: no estimate
    now += std::chrono::milliseconds(100);
    line.Update("b", 10, 100);  // too soon after the last
    now += std::chrono::milliseconds(1900);
    line.Update("c", 20, 100);  // 2 s for 20: 8 s for the other 80
    now += std::chrono::milliseconds(100);
    line.Update("d", 100, 100, true);  // forced, and done
    line.Show("e");
    line.Clear();
    line.Clear();  // once is enough
    now += std::chrono::milliseconds(100);
    line.Show("f");
  }  // and the end clears it
  BOOST_TEST(shown.size() == 7u);
  BOOST_TEST(shown[0] == "a");
  BOOST_TEST(shown[1] == "c  " + admin::TimeLeftText(std::chrono::seconds(8)));
  BOOST_TEST(shown[2] == "d");
  BOOST_TEST(shown[3] == "e");
  BOOST_TEST(shown[4].empty());
  BOOST_TEST(shown[5] == "f");
  BOOST_TEST(shown[6].empty());
  BOOST_TEST(admin::TimeLeftText(std::chrono::seconds(125)).find("2") != std::string::npos);
  // Nowhere to go: nothing happens.
  admin::ProgressLine silent({}, Clock::now);
  BOOST_TEST(!silent.Active());
  silent.Update("x", 1, 2, true);
}

BOOST_AUTO_TEST_SUITE_END()
