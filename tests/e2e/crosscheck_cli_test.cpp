// doudi-admin crosscheck as an administrator runs it: the shipped samples
// imported into the demo registry, the same file again, a bad file with its
// report, the list and a withdrawal.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "doudi/model/crosscheck.h"
#include "process.h"
#include "test_database.h"

namespace {

using Result = doudi::test::ProcessResult;

struct DemoDatabase {
  doudi::test::TestDatabase server;
  DemoDatabase() {
    BOOST_REQUIRE_EQUAL(Run({"db", "migrate"}).exitCode, 0);
    BOOST_REQUIRE_EQUAL(Run({"demo-data"}).exitCode, 0);
  }
  Result Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--lang", "en", "--db", server.ConnectionString()});
    return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args, "", {});
  }
  Result Import(const std::string& kind, const std::string& file, std::vector<std::string> more = {}) const {
    std::vector<std::string> args{"crosscheck", "import", kind, file, "--source", "三门县医疗保障局",
                                  "--as-of", "2026-11-30", "--authorization", "三医保〔2026〕12号"};
    args.insert(args.end(), more.begin(), more.end());
    return Run(args);
  }
};

std::string Sample(std::string_view kind) {
  return doudi::test::FixturePath("../../assets/crosscheck/" + std::string(kind) + ".csv");
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(crosscheck_cli)

BOOST_FIXTURE_TEST_CASE(the_samples_import_once_each_and_a_bad_file_is_reported_line_by_line, DemoDatabase) {
  // demo-data imported one batch of each kind first (its own departments).
  const auto demoBatches = static_cast<int>(doudi::model::EnumTexts<doudi::model::CrosscheckKind>().size());
  const std::string first = std::to_string(demoBatches + 1);
  int batch = demoBatches;
  for (const auto& entry : doudi::model::EnumTexts<doudi::model::CrosscheckKind>()) {
    const auto result = Import(std::string(entry.code), Sample(entry.code));
    BOOST_TEST_CONTEXT(entry.code << ": " << result.out << result.err) {
      BOOST_TEST(result.exitCode == 0);
      BOOST_TEST(Contains(result.out, "batch " + std::to_string(++batch) + ": "));
      BOOST_TEST(Contains(result.out, ", 0 rejected;"));
    }
  }
  const auto again = Import("medical", Sample("medical"));
  BOOST_TEST(again.exitCode == 0);
  BOOST_TEST(Contains(again.out, "already imported as batch " + first + "; nothing changed"), again.out);

  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("doudi-cc-" + server.Name());
  std::filesystem::create_directories(dir);
  const auto bad = (dir / "bad.csv").string();
  const auto report = (dir / "report.csv").string();
  std::ofstream(bad, std::ios::binary)
      << "结算单号,身份证号,姓名,区划代码,就诊日期,医疗机构,医疗总费用,医保报销,个人自付\r\n"
         "X-1,331022197304170891,叶建军,,2026-12-01,医院,1,1,1\r\n"
         "X-2,331022197304170891,叶建军,,2026-01-01,医院,=1+2,1,0\r\n"
         "X-3,331022196803170437,陈阿富,,2026-01-01,医院,2,1,1\r\n"
         "X-4,331022197304170891,叶建军,,2026-01-02,医院,2,1,1\r\n";
  const auto checked = Import("medical", bad, {"--report", report, "--dry-run"});
  BOOST_TEST(checked.exitCode == 1, checked.out << checked.err);
  BOOST_TEST(Contains(checked.err, "line 2, visit_date: visit_date.after_as_of"));
  BOOST_TEST(Contains(checked.err, "line 2, total: total.sum_mismatch"));
  BOOST_TEST(Contains(checked.err, "line 3, total: total.malformed"));
  // Found by the database: a person in no household, and no region given.
  BOOST_TEST(Contains(checked.err, "line 4, region_code: region_code.required"), checked.err);
  BOOST_TEST(Contains(checked.out, "dry run, nothing stored"));
  std::ifstream in(report, std::ios::binary);
  const std::string written{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  BOOST_TEST(written.rfind("\xEF\xBB\xBF身份证号,姓名,区划代码,结算单号", 0) == 0u, written);
  BOOST_TEST(Contains(written, ",错误行号,错误列,错误代码,错误说明\r\n"));
  BOOST_TEST(Contains(written, "visit_date | total,visit_date.after_as_of | total.sum_mismatch"));
  BOOST_TEST(Contains(written, ",'=1+2,"));  // written as text, not as a formula
  BOOST_TEST(!Contains(written, "X-4"));    // the good row is not in the report
  std::filesystem::remove_all(dir);

  const auto list = Run({"crosscheck", "list", "--kind", "medical", "--format", "csv"});
  BOOST_TEST(list.exitCode == 0);
  BOOST_TEST(Contains(list.out, "\n" + first + ",medical,三门县医疗保障局,2026-11-30,三医保〔2026〕12号,"), list.out);
  BOOST_TEST(Run({"crosscheck", "withdraw", first, "--reason", "误导入"}).exitCode == 0);
  const auto twice = Run({"crosscheck", "withdraw", first, "--reason", "误导入"});
  BOOST_TEST(twice.exitCode == 2);
  BOOST_TEST(Contains(twice.err, "crosscheck.already_withdrawn"), twice.err);
  BOOST_TEST(Run({"crosscheck", "withdraw", "x1", "--reason", "误导入"}).exitCode == 2);
  BOOST_TEST(Run({"crosscheck", "import", "cars", Sample("vehicle"), "--source", "a", "--as-of", "2026-11-30",
                  "--authorization", "b"})
                 .exitCode == 2);
  BOOST_TEST(Import("vehicle", Sample("medical")).exitCode == 2);  // another kind's header
}

// The department's file as an .xlsx saved by LibreOffice (dates as serial
// days, amounts as numbers, one ID stored as a number):
// tests/fixtures/xlsx/make-libreoffice-fixture.sh.
BOOST_FIXTURE_TEST_CASE(a_workbook_is_imported_with_its_dates_and_its_number_stored_id_named, DemoDatabase) {
  const auto result = Import("medical", doudi::test::FixturePath("xlsx/medical-libreoffice.xlsx"));
  BOOST_TEST(result.exitCode == 1, result.out << result.err);
  BOOST_TEST(Contains(result.err, "medical-libreoffice row 4 column B, id_number: id_number.stored_as_number: the "
                                  "cell B4 is stored as a number (3.31022197304171E+17), digits lost"),
             result.err);
  BOOST_TEST(Contains(result.out, "3 rows read, 1 rejected;"), result.out);
  BOOST_TEST(Contains(result.out, "2 stored"), result.out);
  const auto sheet = Import("medical", doudi::test::FixturePath("xlsx/medical-libreoffice.xlsx"),
                            {"--sheet", "Sheet1", "--dry-run"});
  BOOST_TEST(sheet.exitCode == 2);
  BOOST_TEST(Contains(sheet.err, "its sheets are: medical-libreoffice"), sheet.err);
}

BOOST_AUTO_TEST_SUITE_END()
