// doudi-admin screen schedule as a process: what it says without pg_cron
// and for a time it cannot take. Setting, showing and turning off the job
// is tests/db/screening_schedule_test.cpp's, in pg_cron's one database,
// which no other test may touch meanwhile.
#include <boost/test/unit_test.hpp>
#include <string>

#include "process.h"
#include "test_database.h"

namespace {

doudi::test::ProcessResult Admin(const doudi::test::TestDatabase& server, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", server.ConnectionString()});
  return doudi::test::RunProcess(DOUDI_ADMIN_EXE, args);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_cli)

BOOST_AUTO_TEST_CASE(screen_schedule_names_what_is_missing_and_what_it_takes) {
  doudi::test::TestDatabase server;
  BOOST_REQUIRE_EQUAL(Admin(server, {"db", "migrate"}).exitCode, 0);
  // A database pg_cron is not in: the refusal in Chinese, with its code.
  for (const std::vector<std::string>& args : {std::vector<std::string>{"screen", "schedule"},
                                               {"screen", "schedule", "--at", "02:30"},
                                               {"screen", "schedule", "--off"}}) {
    const auto r = Admin(server, args);
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.err.find("数据库" + server.Name() + "尚未配置pg_cron") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("[doudi:schedule.no_pg_cron]") != std::string::npos, r.err);
  }
  // A time of day as HH:MM, Beijing time, and either a time or off; the
  // command says so before it connects.
  for (const char* at : {"24:00", "7:5", "07:60", "0730", "07:30:00", ""}) {
    const auto r = Admin(server, {"--lang", "en", "screen", "schedule", "--at", at});
    BOOST_TEST(r.exitCode == 2, at);
    BOOST_TEST(r.err.find("--at takes a time of day in Beijing time as HH:MM, not '" + std::string(at) + "'") !=
                   std::string::npos,
               r.err);
  }
  const auto both = Admin(server, {"--lang", "en", "screen", "schedule", "--at", "07:30", "--off"});
  BOOST_TEST(both.exitCode == 2);
  BOOST_TEST(both.err.find("either --at HH:MM or --off, not both") != std::string::npos, both.err);
  const auto extra = Admin(server, {"--lang", "en", "screen", "schedule", "--off", "now"});
  BOOST_TEST(extra.exitCode == 2);
  BOOST_TEST(extra.err.find("usage") != std::string::npos, extra.err);
}

BOOST_AUTO_TEST_SUITE_END()
