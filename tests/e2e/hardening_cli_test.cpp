// Issue 12 (hardening) through doudi-admin as a process: hostile and
// over-long values are refused at the field with the file's line and nothing
// half-saved, the database refuses them too, spreadsheet formulas leave as
// text and come back unchanged, no control character reaches the terminal,
// a village list as people write it imports, and the messages are Chinese
// unless --lang en.
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "demo_data.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/dal/schema.h"
#include "doudi/model/household.h"
#include "process.h"
#include "test_database.h"

using doudi::test::FixturePath;
using doudi::test::TestDatabase;

namespace {

using Result = doudi::test::ProcessResult;

// The program under test; DOUDI_TEST_ADMIN_EXE runs these tests against
// another build (e.g. one without the hardening, to see them fail).
std::string AdminExe() {
  const char* other = std::getenv("DOUDI_TEST_ADMIN_EXE");
  return other != nullptr ? other : DOUDI_ADMIN_EXE;
}

// A migrated database with the demo regions and nothing else.
struct HardeningDatabase {
  TestDatabase server;
  HardeningDatabase() {
    BOOST_REQUIRE_EQUAL(Run({"db", "migrate"}).exitCode, 0);
    doudi::dal::pg::PgDatabase(server.ConnectionString()).UpsertRegions(doudi::admin::DemoRegions());
  }
  // doudi-admin in its default language (Chinese).
  Result Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", server.ConnectionString()});
    return doudi::test::RunProcess(AdminExe(), args);
  }
  Result RunEnglish(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--lang", "en"});
    return Run(std::move(args));
  }
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string WriteTemp(const std::string& bytes) {
  const std::string path = Poco::TemporaryFile::tempName() + ".csv";
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// No byte a terminal would act on: C0 controls other than LF, TAB and the
// CR of CRLF, DEL, and the UTF-8 of C1 controls and direction overrides.
bool HasRawControl(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) continue;
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
  }
  return Contains(text, "\u202e") || Contains(text, "\u200b") || Contains(text, "\ufeff");
}

const std::string kHeader = "household_ref,region_code,address,name,id_number,relation,monthly_income,phone\n";
// A valid head's row of household ref, on the village 331022101205.
std::string HeadRow(const std::string& ref, const std::string& name, const std::string& id,
                    const std::string& income = "650.00", const std::string& address = "珠岙镇大岙村2组17号",
                    const std::string& phone = "13867012345") {
  return ref + ",331022101205,\"" + address + "\",\"" + name + "\"," + id + ",户主," + income + "," + phone + "\n";
}
std::string MemberRow(const std::string& ref, const std::string& name, const std::string& id,
                      const std::string& relation = "配偶") {
  return ref + ",,,\"" + name + "\"," + id + "," + relation + ",,\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hardening_cli)

BOOST_AUTO_TEST_CASE(a_village_list_as_people_write_it_imports) {
  HardeningDatabase db;
  const auto r = db.Run({"import", "households", FixturePath("import/village-list.csv")});
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.household") == 2);
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.person") == 8);
  // The category the rules use, and the word the list used.
  BOOST_TEST(db.server.Scalar("SELECT relation || ' ' || relation_term FROM doudi.person WHERE name = '李小红'") ==
             "child 女儿");
  BOOST_TEST(db.server.Scalar("SELECT relation || ' ' || relation_term FROM doudi.person WHERE name = '李建国'") ==
             "child 子");
  BOOST_TEST(db.server.Scalar("SELECT relation || ' ' || relation_term FROM doudi.person WHERE name = '王秀英'") ==
             "spouse 老伴");
  // GB/T 4761 codes stored with their terms.
  BOOST_TEST(db.server.Scalar("SELECT relation || ' ' || relation_term FROM doudi.person WHERE name = '古丽'") ==
             "child 女");
  BOOST_TEST(db.server.Scalar("SELECT relation || ' ' || relation_term FROM doudi.person "
                              "WHERE id_number = '331022194602027715'") == "parent 父亲");
  // Full-width digits read as digits; the middle dots people type as ·.
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.person WHERE id_number = '331022200906115632'") == 1);
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.person WHERE name IN ('阿依古丽·买买提', '艾力·买买提')") ==
             2);
  BOOST_TEST(db.server.Scalar("SELECT disability_category || disability_grade FROM doudi.person "
                              "WHERE id_number = '331022194602027715'") == "physical2");
  BOOST_TEST(db.server.Scalar("SELECT registry_status || ' ' || housing || ' ' || phone FROM doudi.household "
                              "WHERE source_ref = 'VL-02'") == "destitute dilapidated +86-13857612345");

  // Exported and imported again: the same households, the written terms
  // and the +86 phone (written as text against formulas) unchanged.
  const std::string exported = Poco::TemporaryFile::tempName() + ".csv";
  BOOST_REQUIRE(db.Run({"export", "households", "-o", exported}).exitCode == 0);
  const std::string text = ReadFile(exported);
  BOOST_TEST(Contains(text, ",'+86-13857612345,"));
  BOOST_TEST(Contains(text, ",女儿,"));
  const auto again = db.RunEnglish({"import", "households", exported});
  BOOST_TEST(again.exitCode == 0, again.err);
  BOOST_TEST(Contains(again.out, "2 unchanged"), again.out);
  BOOST_TEST(db.server.Scalar("SELECT phone FROM doudi.household WHERE source_ref = 'VL-02'") == "+86-13857612345");
}

BOOST_AUTO_TEST_CASE(formulas_leave_as_text_and_return_unchanged) {
  HardeningDatabase db;
  const std::string file = WriteTemp(kHeader +
                                     HeadRow("F-1", "=HYPERLINK(\"\"http://x.invalid\"\",\"\"金德才\"\")",
                                             "331022195803119717", "650.00", "=cmd|' /C calc'!A0", "+86-13800138000") +
                                     MemberRow("F-1", "@梅桂英", "331022196009020503"));
  const auto r = db.Run({"import", "households", file});
  BOOST_TEST(r.exitCode == 0, r.err);
  const std::string exported = Poco::TemporaryFile::tempName() + ".csv";
  BOOST_REQUIRE(db.Run({"export", "households", "-o", exported}).exitCode == 0);
  const std::string text = ReadFile(exported);
  BOOST_TEST(Contains(text, "\"'=HYPERLINK("));
  BOOST_TEST(Contains(text, ",'=cmd|' /C calc'!A0,"));
  BOOST_TEST(Contains(text, ",'+86-13800138000,"));
  BOOST_TEST(Contains(text, ",'@梅桂英,"));
  BOOST_TEST(!std::regex_search(text, std::regex("(^|[,\\n])[=+@-]")), text);
  // The export to standard output is the same file.
  BOOST_TEST(db.Run({"export", "households"}).out == text);
  const auto again = db.RunEnglish({"import", "households", exported});
  BOOST_TEST(again.exitCode == 0, again.err);
  BOOST_TEST(Contains(again.out, "1 unchanged"), again.out);
  BOOST_TEST(db.server.Scalar("SELECT phone || ' ' || address FROM doudi.household") ==
             "+86-13800138000 =cmd|' /C calc'!A0");

  // The rejection report protects its cells too, and imports as the file did.
  const std::string bad = WriteTemp(kHeader + HeadRow("F-2", "=1+1", "331022195803119718"));
  const std::string report = Poco::TemporaryFile::tempName() + ".csv";
  BOOST_TEST(db.RunEnglish({"import", "households", bad, "--report", report}).exitCode == 1);
  const std::string reportText = ReadFile(report);
  BOOST_TEST(Contains(reportText, "\r\nF-2,331022101205,"));
  BOOST_TEST(Contains(reportText, ",'=1+1,"));
  const auto reimported = db.RunEnglish({"import", "households", report, "--dry-run"});
  BOOST_TEST(Contains(reimported.err, "line 2, id_number: id_number.checksum_mismatch"), reimported.err);
}

BOOST_AUTO_TEST_CASE(hostile_values_are_refused_at_the_field_with_their_line) {
  HardeningDatabase db;
  std::string bytes = kHeader;
  bytes += HeadRow("H-1", "金德才", "331022195803119717");                          // line 2: fine
  bytes += MemberRow("H-1", "梅\x1b]0;owned\x07桂英", "331022196009020503");        // 3: ESC in a name
  bytes += HeadRow("H-2", "\u202e才德金", "331022194104096005");                    // 4: right-to-left override
  bytes += HeadRow("H-3", "\u3000\u3000", "331022201205200759");                    // 5: ideographic spaces only
  bytes += HeadRow("\ufeffH-4", "柯秀珠", "35058219441224060X");                    // 6: BOM inside the ref
  bytes += HeadRow("H-5", "金\r\n晨阳", "331022195503011237");                      // 7-8: CR LF in a name
  bytes += HeadRow(std::string("H\0-6", 4), "王秀英", "331022195708122248");        // 9: NUL
  bytes += HeadRow(std::string(5000, 'R'), "李建国", "331022198001153511");         // 10: 5,000 characters
  bytes += HeadRow("H-8", "李小红", "331022198304204523", "92233720368547758.07");  // 11: INT64_MAX fen
  bytes += HeadRow("H-9", "李思远", "331022200906115632", "0", std::string(10U << 20U, 'a'));  // 12: 10 MB address
  bytes += HeadRow("H-10", "阿\u200b依", "331022198807078821");                                // 13: zero-width space
  const std::string file = WriteTemp(bytes);
  const std::string report = Poco::TemporaryFile::tempName() + ".csv";
  const auto r = db.RunEnglish({"import", "households", file, "--report", report});
  BOOST_TEST(r.exitCode == 1, r.err);
  for (const char* expected :
       {"line 3, name: name.control_character", "line 4, name: name.invisible_character", "line 5, name: name.blank",
        "line 6, household_ref: household_ref.invisible_character", "line 7, name: name.control_character",
        "line 9, household_ref: household_ref.control_character", "line 10, household_ref: household_ref.too_long",
        "line 11, monthly_income: monthly_income.too_large", "line 12, address: address.too_long",
        "line 13, name: name.invisible_character", "line 2, household_ref: household.rejected"}) {
    BOOST_TEST(Contains(r.err, expected), expected << " in:\n" << r.err.substr(0, 4000));
  }
  BOOST_TEST(!Contains(r.err, "SQL"), r.err.substr(0, 2000));
  BOOST_TEST(!HasRawControl(r.err));
  BOOST_TEST(Contains(r.out, "11 rows read, 11 rejected"), r.out);
  // Nothing half-saved: H-1's valid head is not stored without its member.
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.household") == 0);
  BOOST_TEST(db.server.Count("SELECT count(*) FROM doudi.person") == 0);
  // The report gives back every rejected row, as it was in the file.
  BOOST_TEST(Contains(ReadFile(report), "\r\nH-1,331022101205,"));
}

BOOST_AUTO_TEST_CASE(the_database_refuses_what_the_program_refuses) {
  HardeningDatabase db;
  BOOST_REQUIRE(db.Run({"import", "households", FixturePath("import/village-list.csv")}).exitCode == 0);
  const auto session = db.server.AsSuperuser();
  const std::string household = db.server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'VL-01'");
  const auto refused = [&](const std::string& sql, const std::string& value) {
    const auto outcome = session.Try(sql, {value, household});
    return outcome.sqlState == "23514";  // check_violation
  };
  const std::string name = "UPDATE doudi.person SET name = $1 WHERE household_id = $2::bigint AND relation = 'head'";
  BOOST_TEST(refused(name, "金\x1b德才"));
  BOOST_TEST(refused(name, "\u202e才德金"));
  BOOST_TEST(refused(name, "\u3000\u3000"));
  BOOST_TEST(refused(name, "张\u3000三"));
  BOOST_TEST(refused(name, "金\u200b德"));
  BOOST_TEST(refused(name, "金\r\n德"));
  BOOST_TEST(!refused(name, "阿依古丽·买买提"));
  BOOST_TEST(!refused(name, "\U00020000\U00030000"));  // CJK extensions B and G
  const std::string address = "UPDATE doudi.household SET address = $1 WHERE id = $2::bigint";
  BOOST_TEST(refused(address, std::string(doudi::model::kMaxAddressLength + 1, 'a')));
  BOOST_TEST(!refused(address, std::string(doudi::model::kMaxAddressLength, 'a')));
  BOOST_TEST(refused("UPDATE doudi.household SET source_ref = $1 WHERE id = $2::bigint", "VL\ufeff01"));
  BOOST_TEST(refused("UPDATE doudi.household SET bank_name = $1 WHERE id = $2::bigint",
                     std::string(doudi::model::kMaxBankNameLength + 1, 'b')));
  const std::string income =
      "INSERT INTO doudi.income_item (household_id, region_code, kind, monthly_fen) "
      "SELECT id, region_code, 'wage', $1::bigint FROM doudi.household WHERE id = $2::bigint";
  BOOST_TEST(refused(income, "9223372036854775807"));
  BOOST_TEST(refused(income, std::to_string(doudi::model::kMaxMonthlyIncome.Fen() + 1)));
  BOOST_TEST(!refused(income, std::to_string(doudi::model::kMaxMonthlyIncome.Fen())));
  const std::string asset =
      "INSERT INTO doudi.asset (household_id, region_code, kind, value_fen) "
      "SELECT id, region_code, 'deposit', $1::bigint FROM doudi.household WHERE id = $2::bigint";
  BOOST_TEST(refused(asset, std::to_string(doudi::model::kMaxAssetValue.Fen() + 1)));
  BOOST_TEST(!refused(asset, std::to_string(doudi::model::kMaxAssetValue.Fen())));
  // A changed relation does not keep the word written for the old one.
  session.Execute("UPDATE doudi.person SET relation = 'other' WHERE name = '李小红'");
  BOOST_TEST(db.server.Scalar("SELECT coalesce(relation_term, '(none)') FROM doudi.person WHERE name = '李小红'") ==
             "(none)");
}

BOOST_AUTO_TEST_CASE(audit_show_prints_no_raw_control_character) {
  HardeningDatabase db;
  BOOST_REQUIRE(db.Run({"import", "households", FixturePath("import/village-list.csv")}).exitCode == 0);
  // A name stored before the database refused such names.
  const auto session = db.server.AsSuperuser();
  session.Execute("ALTER TABLE doudi.person DROP CONSTRAINT person_name_storable");
  session.Execute("UPDATE doudi.person SET name = E'李\\x1b]0;owned\\x07\\x1b[2J\\u202e小红' WHERE name = '李小红'");
  const std::string household = db.server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'VL-01'");
  const auto shown = db.Run({"audit", "show", "--household", household});
  BOOST_TEST(shown.exitCode == 0, shown.err);
  BOOST_TEST(!HasRawControl(shown.out));
  BOOST_TEST(Contains(shown.out, "\\x1B]0;owned\\x07\\x1B[2J\\u202E"), shown.out);
}

BOOST_AUTO_TEST_CASE(messages_are_chinese_unless_english_is_asked_for) {
  HardeningDatabase db;
  const std::string file = WriteTemp("户编号,区划代码,地址,姓名,身份证号,与户主关系,月收入,联系电话\n" +
                                     HeadRow("C-1", "金德才", "331022195803119718") +
                                     MemberRow("C-1", "梅桂英", "331022196009020503", "表兄"));
  const std::string report = Poco::TemporaryFile::tempName() + ".csv";
  const auto chinese = db.Run({"import", "households", file, "--report", report});
  BOOST_TEST(chinese.exitCode == 1);
  BOOST_TEST(Contains(chinese.err, "第2行，id_number：id_number.checksum_mismatch："), chinese.err);
  BOOST_TEST(Contains(chinese.err, "“表兄”不是"), chinese.err);
  BOOST_TEST(Contains(chinese.out, "读取2行，拒绝2行"), chinese.out);
  const std::string reportText = ReadFile(report);
  // The stable code in its own column, the message in Chinese.
  BOOST_TEST(Contains(reportText, ",id_number.checksum_mismatch,"), reportText);
  BOOST_TEST(Contains(reportText, "“表兄”不是"), reportText);
  BOOST_TEST(Contains(reportText, ",错误行号,错误列,错误代码,错误说明\r\n"), reportText);
  // A report with Chinese column names imports as the file did.
  const auto again = db.Run({"import", "households", report, "--dry-run"});
  BOOST_TEST(again.exitCode == 1, again.err);
  BOOST_TEST(Contains(again.err, "第2行，id_number：id_number.checksum_mismatch："), again.err);
  const auto english = db.RunEnglish({"import", "households", file});
  BOOST_TEST(Contains(english.err, "line 2, id_number: id_number.checksum_mismatch: "), english.err);
  BOOST_TEST(Contains(english.out, "2 rows read, 2 rejected"), english.out);

  const auto usage = db.Run({"import", "households"});
  BOOST_TEST(usage.exitCode == 2);
  BOOST_TEST(Contains(usage.err, "用法"), usage.err);
  const auto help = doudi::test::RunProcess(AdminExe(), {"--help"});
  BOOST_TEST(Contains(help.out, "导入"), help.out);
  const auto badLang = doudi::test::RunProcess(AdminExe(), {"--lang", "fr", "--help"});
  BOOST_TEST(Contains(badLang.err, "--lang"), badLang.err);
}

BOOST_AUTO_TEST_CASE(an_unmigrated_database_is_named_in_chinese) {
  TestDatabase server;
  const auto r = doudi::test::RunProcess(AdminExe(), {"--db", server.ConnectionString(), "demo-data"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Contains(r.err, "请管理员运行 `doudi-admin db migrate`"), r.err);
}

BOOST_AUTO_TEST_CASE(db_status_keeps_its_columns_apart) {
  HardeningDatabase db;
  const auto status = db.Run({"db", "status"});
  BOOST_TEST(status.exitCode == 0, status.err);
  // Every migration line: number, two spaces, name, at least two spaces, state.
  std::istringstream lines(status.out);
  std::string line;
  int migrations = 0;
  while (std::getline(lines, line)) {
    if (!std::regex_search(line, std::regex("^[0-9]{4}  "))) continue;
    ++migrations;
    BOOST_TEST(std::regex_search(line, std::regex("^[0-9]{4}  [a-z0-9_]+  +\\S")), line);
  }
  BOOST_TEST(migrations == static_cast<int>(doudi::dal::BuiltInMigrations().size()));
  BOOST_TEST(Contains(status.out, "0001  baseline  "), status.out);
  // The schema files: all current after db migrate, counted on one line.
  BOOST_TEST(Contains(status.out, "结构文件：" + std::to_string(doudi::dal::BuiltInSchemaFiles().size()) +
                                      "个为最新，0个待应用"),
             status.out);
}

BOOST_AUTO_TEST_SUITE_END()
