// doudi-admin with Excel workbooks as the desk has them: a village's list
// saved by LibreOffice imported as it is (its rejected row named by sheet,
// row and column, in Chinese by default), a sheet that is not there, a file
// that is no workbook, and the registry exported as .xlsx with a
// formula-looking address that stays text and imports again unchanged.
#include <Poco/TemporaryFile.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "demo_data.h"
#include "doudi/dal/pg/pg_database.h"
#include "process.h"
#include "test_database.h"

using doudi::test::FixturePath;

namespace {

using Result = doudi::test::ProcessResult;

// A migrated database with the demo regions and no households.
struct RegionsDatabase {
  doudi::test::TestDatabase server;
  RegionsDatabase() {
    BOOST_REQUIRE_EQUAL(Run({"db", "migrate"}).exitCode, 0);
    doudi::dal::pg::PgDatabase(server.ConnectionString()).UpsertRegions(doudi::admin::DemoRegions());
  }
  // In English unless chinese.
  Result Run(std::vector<std::string> args, bool chinese = false) const {
    args.insert(args.begin(), {"--db", server.ConnectionString()});
    if (!chinese) args.insert(args.begin(), {"--lang", "en"});
    return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args, "", {});
  }
};

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The first worksheet's XML of an .xlsx file's bytes (Poco Zip).
std::string FirstSheetXml(const std::string& bytes) {
  std::istringstream in(bytes);
  const Poco::Zip::ZipArchive archive(in);
  const auto header = archive.findHeader("xl/worksheets/sheet1.xml");
  BOOST_REQUIRE(header != archive.headerEnd());
  in.clear();
  Poco::Zip::ZipInputStream part(in, header->second, true);
  return {std::istreambuf_iterator<char>(part), std::istreambuf_iterator<char>()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx_cli)

BOOST_FIXTURE_TEST_CASE(a_workbook_saved_by_libreoffice_is_imported_with_its_number_stored_id_refused,
                        RegionsDatabase) {
  const std::string file = FixturePath("xlsx/households-libreoffice.xlsx");
  const auto chinese = Run({"import", "households", file, "--dry-run"}, true);
  BOOST_TEST(chinese.exitCode == 1, chinese.out << chinese.err);
  BOOST_TEST(Contains(chinese.err, "households-libreoffice 第5行 E列，id_number：id_number.stored_as_number：单元格E5以数字形式存储"),
             chinese.err);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.household") == 0);

  const auto r = Run({"import", "households", file});
  BOOST_TEST(r.exitCode == 1, r.out << r.err);
  BOOST_TEST(Contains(r.err, "households-libreoffice row 5 column E, id_number: id_number.stored_as_number: the cell E5 "
                             "is stored as a number (3.31022201205201E+17), digits lost"),
             r.err);
  BOOST_TEST(Contains(r.out, "4 rows read, 1 rejected; households: 2 new, 0 updated, 0 unchanged, 1 rejected"), r.out);
  // The region code and the amount Calc stored as numbers, as the desk typed them.
  BOOST_TEST(server.Scalar("SELECT region_code FROM doudi.household WHERE source_ref = 'S-0001'") == "331022101205");
  BOOST_TEST(server.Scalar("SELECT i.monthly_fen FROM doudi.income_item i JOIN doudi.person p ON p.id = i.person_id "
                           "WHERE p.name = '金德才'") == "123450");
}

BOOST_FIXTURE_TEST_CASE(a_missing_sheet_or_a_file_that_is_no_workbook_stores_nothing, RegionsDatabase) {
  const auto missing = Run({"import", "households", FixturePath("xlsx/households-libreoffice.xlsx"), "--sheet", "村名单"});
  BOOST_TEST(missing.exitCode == 2);
  BOOST_TEST(Contains(missing.err, "the workbook has no sheet named '村名单'; its sheets are: households-libreoffice"),
             missing.err);
  const std::string cut = Poco::TemporaryFile::tempName() + ".xlsx";
  const std::string bytes = ReadBytes(FixturePath("xlsx/households-libreoffice.xlsx"));
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  const auto truncated = Run({"import", "households", cut});
  BOOST_TEST(truncated.exitCode == 2);
  BOOST_TEST(Contains(truncated.err, "the .xlsx workbook cannot be read (damaged or cut short?)"), truncated.err);
  std::filesystem::remove(cut);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.household") == 0);
}

BOOST_FIXTURE_TEST_CASE(an_xlsx_export_keeps_a_formula_looking_address_as_text, RegionsDatabase) {
  const std::string csv = Poco::TemporaryFile::tempName() + ".csv";
  std::ofstream(csv, std::ios::binary)
      << "household_ref,region_code,address,name,id_number,relation,monthly_income\n"
         "F-1,331022101205,\"=HYPERLINK(\"\"http://example.com\"\",\"\"大岙村\"\")\",金德才,331022195803119717,户主,"
         "650.00\n";
  const auto imported = Run({"import", "households", csv});
  BOOST_REQUIRE_MESSAGE(imported.exitCode == 0, imported.err);

  const std::string xlsx = Poco::TemporaryFile::tempName() + ".xlsx";
  const auto exported = Run({"export", "households", "-o", xlsx});
  BOOST_TEST(exported.exitCode == 0, exported.err);
  const std::string sheet = FirstSheetXml(ReadBytes(xlsx));
  BOOST_TEST(!Contains(sheet, "<f>"));
  BOOST_TEST(!Contains(sheet, "<f "));
  BOOST_TEST(Contains(sheet, ">'=HYPERLINK("), sheet);
  BOOST_TEST(Contains(sheet, ">331022195803119717<"), sheet);
  const auto again = Run({"import", "households", xlsx});
  BOOST_TEST(again.exitCode == 0, again.err);
  BOOST_TEST(Contains(again.out, "1 unchanged"), again.out);

  // The CSV export protects the same cell the same way.
  const auto plain = Run({"export", "households", "--format", "csv"});
  BOOST_TEST(Contains(plain.out, "\"'=HYPERLINK(\"\"http://example.com\"\","), plain.out);
  const auto toTerminal = Run({"export", "households", "--format", "xlsx"});
  BOOST_TEST(toTerminal.exitCode == 2);
  BOOST_TEST(Contains(toTerminal.err, "an .xlsx export is written to a file: give -o FILE.xlsx"), toTerminal.err);
  std::filesystem::remove(csv);
  std::filesystem::remove(xlsx);
}

BOOST_AUTO_TEST_SUITE_END()
