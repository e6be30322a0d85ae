// doudi-admin pairing ... as a process (六位一体挂钩帮扶): a county's
// contact, a household taken in, its enterprise level named, a visit sent
// twice with the same request (one visit), the gaps list in Chinese, and a
// refusal in the catalog's words with its code.
#include <boost/test/unit_test.hpp>
#include <string>

#include "demo_data.h"
#include "doudi/dal/pg/pg_database.h"
#include "process.h"
#include "test_database.h"

namespace {

doudi::test::ProcessResult Admin(const doudi::test::TestDatabase& server, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", server.ConnectionString()});
  return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pairing_cli)

BOOST_AUTO_TEST_CASE(a_household_is_paired_visited_and_listed_with_its_gaps) {
  doudi::test::TestDatabase server;
  BOOST_REQUIRE_EQUAL(Admin(server, {"db", "migrate"}).exitCode, 0);
  doudi::dal::pg::PgDatabase(server.ConnectionString()).UpsertRegions(doudi::admin::DemoRegions());
  BOOST_REQUIRE_EQUAL(
      Admin(server, {"import", "households", doudi::test::FixturePath("import/good-utf8.csv")}).exitCode, 0);
  const std::string household = server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'FX-0001'");

  const auto contact = Admin(server, {"pairing", "contact", "add", "--county", "331022", "--kind", "enterprise",
                                      "--name", "王经理", "--organization", "三门海润公司"});
  BOOST_TEST(contact.exitCode == 0, contact.err);
  const std::string contactId = server.Scalar("SELECT id FROM doudi.pairing_contact");
  BOOST_TEST(contact.out.find("联系人 " + contactId + "：王经理（企业）") != std::string::npos, contact.out);
  BOOST_TEST(Admin(server, {"pairing", "contact", "list"}).out.find("三门海润公司") != std::string::npos);

  const auto enroll = Admin(server, {"pairing", "enroll", household, "--since", "2025-01-01"});
  BOOST_TEST(enroll.exitCode == 0, enroll.err);
  BOOST_TEST(enroll.out.find("自 2025-01-01 起纳入挂钩帮扶") != std::string::npos, enroll.out);
  BOOST_TEST(Admin(server, {"pairing", "enroll", household}).out.find("已纳入挂钩帮扶") != std::string::npos);

  const auto assign = Admin(server, {"pairing", "assign", household, "--level", "enterprise", "--contact", contactId});
  BOOST_TEST(assign.exitCode == 0, assign.err);
  BOOST_TEST(assign.out.find("企业：王经理") != std::string::npos, assign.out);
  // A level of users takes --user; a user who does not cover the household is refused in Chinese, with the code.
  const auto wrongOption = Admin(server, {"pairing", "assign", household, "--level", "village", "--contact", contactId});
  BOOST_TEST(wrongOption.exitCode == 2);
  const auto nobody = Admin(server, {"pairing", "assign", household, "--level", "village", "--user", "nobody_here"});
  BOOST_TEST(nobody.exitCode == 2);
  BOOST_TEST(nobody.err.find("nobody_here 不是管辖范围覆盖该家庭的有效斗底用户") != std::string::npos, nobody.err);
  BOOST_TEST(nobody.err.find("[doudi:pairing.user_not_eligible]") != std::string::npos, nobody.err);

  const std::string request = "6c1f7a52-3d0e-4a8e-9b1e-2f6f3c9d1a77";
  for (int i = 0; i < 2; ++i) {
    const auto visit = Admin(server, {"pairing", "visit", "add", household, "--level", "enterprise", "--date",
                                      "2025-02-01", "--found", "生活基本稳定", "--request", request});
    BOOST_TEST(visit.exitCode == 0, visit.err);
  }
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.pairing_visit") == 1);
  const auto show = Admin(server, {"pairing", "show", household});
  BOOST_TEST(show.out.find("王经理（企业）：生活基本稳定") != std::string::npos, show.out);

  // Five levels missing and the visit long overdue (every 3 months by the demo parameter).
  const auto gaps = Admin(server, {"pairing", "gaps", "--region", "331022"});
  BOOST_TEST(gaps.exitCode == 0, gaps.err);
  BOOST_TEST(gaps.out.find("1/6") != std::string::npos, gaps.out);
  BOOST_TEST(gaps.out.find("2025-05-01") != std::string::npos, gaps.out);
  BOOST_TEST(gaps.out.find("走访逾期; 市县级、乡镇（街道）级、村（社区）级、部门、社工（志愿者）") != std::string::npos,
             gaps.out);
  BOOST_TEST(gaps.out.find("共 1 户，其中 1 户走访逾期") != std::string::npos, gaps.out);
  BOOST_TEST(Admin(server, {"pairing", "gaps", "--region", "350582"}).out.find("共 0 户") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
