// doudi-admin intake ... as a process: a reporter's token issued with its
// link shown once and only its fingerprint stored, listed, revoked; the
// server's login added and able to ask who a token belongs to; bad input
// refused naming the option; Chinese by default.
#include <boost/test/unit_test.hpp>

#include <regex>
#include <string>
#include <vector>

#include "demo_data.h"
#include "doudi/dal/pg/pg_database.h"
#include "process.h"
#include "test_database.h"

using doudi::test::TestDatabase;

namespace {

struct IntakeDatabase {
  TestDatabase server;
  IntakeDatabase() {
    doudi::dal::pg::PgDatabase db(server.ConnectionString());
    db.Migrator().Migrate();
    db.UpsertRegions(doudi::admin::DemoRegions());
  }
  doudi::test::ProcessResult Run(std::vector<std::string> args, bool english = true) const {
    args.insert(args.begin(), {"--db", server.ConnectionString()});
    if (english) args.insert(args.begin(), {"--lang", "en"});
    return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args);
  }
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake_cli)

BOOST_FIXTURE_TEST_CASE(a_token_is_issued_once_listed_and_revoked, IntakeDatabase) {
  auto r = Run({"intake", "token", "issue", "--name", "王网格员", "--region", "331022001", "--expires", "2099-12-31",
                "--url", "https://intake.example.cn:8443/"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  std::smatch m;
  const std::regex secretPattern("(dd_[A-Za-z0-9_-]{43})");
  BOOST_REQUIRE(std::regex_search(r.out, m, secretPattern));
  const std::string secret = m[1];
  BOOST_TEST(Has(r.out, "https://intake.example.cn:8443/#t=" + secret), r.out);
  // Only the fingerprint is kept.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.intake_token WHERE secret_sha256 = sha256(convert_to('" + secret +
                          "', 'UTF8')) AND expires_on = '2099-12-31'") == 1);
  r = Run({"intake", "token", "list"});
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(Has(r.out, "王网格员"));
  BOOST_TEST(Has(r.out, "in force"));
  BOOST_TEST(!Has(r.out, secret));
  const std::string id = server.Scalar("SELECT id FROM doudi.intake_token");
  r = Run({"intake", "token", "revoke", id});
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(Has(Run({"intake", "token", "list"}).out, "revoked"));
  // Chinese by default.
  r = Run({"intake", "token", "list"}, false);
  BOOST_TEST(Has(r.out, "已于"), r.out);
}

BOOST_FIXTURE_TEST_CASE(bad_input_is_refused_naming_the_option, IntakeDatabase) {
  auto r = Run({"intake", "token", "issue", "--name", "王网格员", "--region", "33102"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "--region"), r.err);
  r = Run({"intake", "token", "issue", "--region", "331022"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "--name"), r.err);
  r = Run({"intake", "token", "issue", "--name", "王", "--region", "331022", "--expires", "2020-01-01"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(Has(r.err, "--expires"), r.err);
  r = Run({"intake", "token", "revoke", "abc"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.intake_token") == 0);
}

BOOST_FIXTURE_TEST_CASE(the_servers_login_may_ask_who_a_token_belongs_to, IntakeDatabase) {
  auto r = Run({"intake", "token", "issue", "--name", "李书记", "--region", "331022001201"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  std::smatch m;
  BOOST_REQUIRE(std::regex_search(r.out, m, std::regex("(dd_[A-Za-z0-9_-]{43})")));
  const std::string secret = m[1];
  const std::string role = server.RoleName("intake");
  r = Run({"intake", "login", "add", role});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  std::smatch p;
  BOOST_REQUIRE(std::regex_search(r.out, p, std::regex(": ([A-Za-z0-9]{16})\\s*$")));
  const auto s = server.AsUser(role, p[1]);
  BOOST_TEST(Has(s.Scalar("SELECT doudi.intake_reporter($1)::text", {secret}), "李书记"));
}

BOOST_AUTO_TEST_SUITE_END()
