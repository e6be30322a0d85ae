// doudi-admin fund ... and help ... as a process against a database with
// the demo registry: a fund added, topped up once however often the same
// request is sent, a grant above what is left refused with the catalog's
// sentence, the grants and the 四帮四扶 summary listed, bad input refused
// naming the option before anything is sent.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "demo_data.h"
#include "doudi/dal/household_import.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/dal/registry_repository.h"
#include "process.h"
#include "test_database.h"

using doudi::test::TestDatabase;

namespace {

struct FundDatabase {
  TestDatabase server;
  std::string household;
  FundDatabase() {
    doudi::dal::pg::PgDatabase db(server.ConnectionString());
    db.Migrator().Migrate();
    db.UpsertRegions(doudi::admin::DemoRegions());
    doudi::dal::ImportOptions options;
    options.source = "demo";
    options.today = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{28}};
    db.Importer().Import(doudi::admin::DemoHouseholdRows(), options);
    household = server.Scalar("SELECT id FROM doudi.household WHERE source_ref = 'SM-0001'");
  }
  doudi::test::ProcessResult Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--lang", "en", "--db", server.ConnectionString()});
    return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args);
  }
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fund_cli)

BOOST_FIXTURE_TEST_CASE(a_fund_is_added_topped_up_once_and_grants_no_more_than_it_has, FundDatabase) {
  auto r = Run({"fund", "add", "sm_help", "--name", "三门县慈善总会助困基金", "--donor", "三门县慈善总会", "--region",
                "331022", "--amount", "500"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  // The same fund again is done; bad input names its option.
  BOOST_TEST(Run({"fund", "add", "sm_help", "--name", "三门县慈善总会助困基金", "--donor", "三门县慈善总会", "--region",
                  "331022", "--amount", "500"})
                 .exitCode == 0);
  r = Run({"fund", "add", "sm_x", "--name", "x", "--donor", "y", "--region", "331022", "--amount", "abc"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "--amount"), r.err);
  r = Run(
      {"fund", "add", "sm_x", "--name", "x", "--donor", "y", "--region", "331022", "--amount", "5", "--kind", "gold"});
  BOOST_TEST(Has(r.err, "--kind"), r.err);

  const std::string request = doudi::dal::NewRequestId();
  for (int i = 0; i < 2; ++i) {
    r = Run({"fund", "top-up", "sm_help", "--amount", "100", "--source", "爱心企业捐赠", "--request", request});
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(Has(r.out, "600.00"), r.out);
  }
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.charity_fund_topup") == 1);

  r = Run({"help", "add", household, "--kind", "cash", "--giver-kind", "fund", "--fund", "sm_help", "--amount", "700"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "fund.not_enough"), r.err);
  r = Run({"help", "add", household, "--kind", "cash", "--giver-kind", "fund", "--fund", "sm_help", "--amount", "200",
           "--description", "助困金"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  r = Run({"fund", "list"});
  BOOST_TEST(Has(r.out, "400.00"), r.out);
  r = Run({"fund", "grants", "sm_help"});
  BOOST_TEST(Has(r.out, "1 top-ups, 1 grants"), r.out);
  BOOST_TEST(Has(r.out, "200.00"), r.out);
}

BOOST_FIXTURE_TEST_CASE(help_is_recorded_and_summed_up_in_the_eight_terms, FundDatabase) {
  auto r = Run({"help", "add", household, "--kind", "job", "--giver-kind", "enterprise", "--giver", "三门某制衣厂",
                "--description", "安排缝纫工岗位", "--terms", "help_job,support_morale"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  r = Run({"help", "add", household, "--kind", "job", "--giver-kind", "enterprise", "--giver", "厂", "--description",
           "x", "--terms", "help_luck"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "--terms"), r.err);
  r = Run({"help", "add", household, "--kind", "job", "--giver-kind", "enterprise", "--description", "x"});
  BOOST_TEST(Has(r.err, "--giver"), r.err);
  r = Run({"help", "add", "SM-0001", "--kind", "job", "--giver-kind", "other", "--giver", "x", "--description", "x"});
  BOOST_TEST(Has(r.err, "HOUSEHOLD"), r.err);
  r = Run({"help", "list", household});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  BOOST_TEST(Has(r.out, "帮就业"), r.out);
  BOOST_TEST(Has(r.out, "1 (1 help records, 0 programs)"), r.out);
  BOOST_TEST(Has(r.out, "三门某制衣厂"), r.out);
  BOOST_TEST(Has(r.out, "1 help records"), r.out);
}

BOOST_AUTO_TEST_SUITE_END()
