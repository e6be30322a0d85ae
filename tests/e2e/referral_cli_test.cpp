// doudi-admin department and referral as the center runs them: the
// catalog, the answer file a department fills in from `referral list
// --format csv`, a file with a bad line that changes nothing, the good file
// recorded once, and the same file again.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "process.h"
#include "test_database.h"

namespace {

using Result = doudi::test::ProcessResult;

struct Demo {
  doudi::test::TestDatabase server;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("doudi-referral-" + server.Name());
  Demo() {
    std::filesystem::create_directories(dir);
    BOOST_REQUIRE_EQUAL(Run({"db", "migrate"}).exitCode, 0);
    BOOST_REQUIRE_EQUAL(Run({"demo-data"}).exitCode, 0);
  }
  ~Demo() { std::filesystem::remove_all(dir); }
  Result Run(std::vector<std::string> args, const std::string& lang = "zh") const {
    args.insert(args.begin(), {"--lang", lang, "--db", server.ConnectionString()});
    return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args, "", {});
  }
  std::string Write(const std::string& name, const std::string& text) const {
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

// The referral ids of `referral list --format csv`, in its order.
std::vector<std::string> Ids(const std::string& csv) {
  std::vector<std::string> ids;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    const auto comma = line.find(',');
    if (comma != std::string::npos) ids.push_back(line.substr(0, comma));
  }
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(referral_cli)

BOOST_FIXTURE_TEST_CASE(a_departments_answer_file_is_recorded_once_and_a_bad_one_changes_nothing, Demo) {
  const Result catalog = Run({"department", "list", "--county", "331022"});
  BOOST_TEST(catalog.exitCode == 0, catalog.err);
  BOOST_TEST(catalog.out.find("医疗保障局") != std::string::npos, catalog.out);
  BOOST_TEST(catalog.out.find("县 331022 共14个部门") != std::string::npos, catalog.out);

  // The demo referred two Sanmen families to medical insurance on import
  // (its joint loop sent others, answered some: admin/demo_joint_loop.cpp).
  const Result listed =
      Run({"referral", "list", "--department", "medical_insurance", "--state", "sent", "--format", "csv"});
  BOOST_TEST_REQUIRE(listed.exitCode == 0, listed.err);
  const auto ids = Ids(listed.out);
  BOOST_TEST_REQUIRE(ids.size() == 2u, listed.out);
  BOOST_TEST(listed.out.find("referral_id,result,kind,amount") != std::string::npos, listed.out);

  const std::string header = "转办编号,办理结果,帮扶类型,金额,帮扶内容,帮扶日期,经办人,退回理由\r\n";
  const std::string bad = Write("bad.csv", header + ids[0] + ",已办结,医疗救助,3200.50,,2026-11-20,张科长,\r\n" +
                                               ids[1] + ",也许,,,,,,\r\n");
  const std::string report = (dir / "report.csv").string();
  const Result refused = Run({"referral", "answers", bad, "--report", report});
  BOOST_TEST(refused.exitCode == 1, refused.err);
  BOOST_TEST(refused.err.find("第3行") != std::string::npos, refused.err);
  std::ifstream reportFile(report, std::ios::binary);
  const std::string reportText((std::istreambuf_iterator<char>(reportFile)), std::istreambuf_iterator<char>());
  BOOST_TEST(reportText.find("错误说明") != std::string::npos, reportText);
  BOOST_TEST(reportText.find("也许") != std::string::npos, reportText);
  const std::vector<std::string> openToMedical{"referral", "list", "--department", "medical_insurance", "--state", "open"};
  BOOST_TEST(Run(openToMedical).out.find("共2件转办事项") != std::string::npos);

  const std::string good = Write("good.csv", header + ids[0] + ",已办结,医疗救助,3200.50,,2026-11-20,张科长,\r\n" +
                                                 ids[1] + ",退回,,,,,,该户已由民政局临时救助解决\r\n");
  const Result answered = Run({"referral", "answers", good});
  BOOST_TEST(answered.exitCode == 0, answered.err);
  BOOST_TEST(answered.out.find("读取答复2条，登记2条，此前已登记0条") != std::string::npos, answered.out);
  const Result again = Run({"referral", "answers", good});
  BOOST_TEST(again.exitCode == 0, again.err);
  BOOST_TEST(again.out.find("登记0条，此前已登记2条") != std::string::npos, again.out);

  const Result done = Run({"referral", "list", "--department", "medical_insurance", "--state", "done"});
  BOOST_TEST(done.out.find("已给予3,200.50元") != std::string::npos, done.out);
  BOOST_TEST(done.out.find("中心代为登记") != std::string::npos, done.out);  // the superuser is not the department
  BOOST_TEST(Run({"referral", "list", "--department", "medical_insurance", "--state", "declined"})
                 .out.find("共1件转办事项") != std::string::npos);

  // Bad options name themselves, in Chinese.
  const Result noTarget = Run({"referral", "send", "--to", "education:school_aid", "--request", "x"});
  BOOST_TEST(noTarget.exitCode == 2);
  BOOST_TEST(noTarget.err.find("请指明转办对象") != std::string::npos, noTarget.err);
  const Result badKind = Run({"referral", "send", "--household", "1", "--to", "education:money", "--request", "x"});
  BOOST_TEST(badKind.err.find("--to 取") != std::string::npos, badKind.err);
}

BOOST_AUTO_TEST_SUITE_END()
