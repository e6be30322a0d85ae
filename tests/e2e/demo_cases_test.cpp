// `doudi-admin demo-data` makes the demo cases (every state of the workflow
// in each of the three places, and recipients paid for the current month and
// the twelve before it) and the joint loop in Sanmen; a second run adds none.
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "process.h"
#include "test_database.h"

using doudi::test::TestDatabase;

namespace {

// Runs doudi-admin against the database; returns its standard output and
// fails the test on a non-zero exit.
std::string RunAdmin(const TestDatabase& server, const std::vector<std::string>& command) {
  std::vector<std::string> args{"--lang", "en", "--db", server.ConnectionString()};
  args.insert(args.end(), command.begin(), command.end());
  const auto result = doudi::test::RunProcess(DOUDI_ADMIN_EXE, args);
  BOOST_REQUIRE_MESSAGE(result.exitCode == 0, result.err);
  return result.out;
}

// The states a place's order can reach (Jinjiang's adds village_recommended)
// that none of its cases is in.
std::vector<std::string> MissingStates(const TestDatabase& server, const std::string& place, const std::string& order) {
  return server.Rows(
      "SELECT s.state FROM (SELECT to_state AS state FROM doudi.case_transition_rule WHERE step_order = '" + order +
      "' UNION SELECT 'applied') AS s WHERE NOT EXISTS (SELECT 1 FROM doudi.assistance_case AS c WHERE c.state = "
      "s.state AND left(c.region_code, 6) = '" +
      place + "') ORDER BY 1");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_cases)

BOOST_AUTO_TEST_CASE(every_state_in_every_place_and_thirteen_months_paid) {
  TestDatabase server;
  RunAdmin(server, {"db", "migrate"});
  // How long it takes is the benchmarks' to measure (docs/benchmarks.md), not a test's.
  const auto first = RunAdmin(server, {"demo-data"});
  BOOST_TEST(first.find("demo cases: ") != std::string::npos, first);

  BOOST_TEST(server.Rows("SELECT r.state FROM doudi.case_state_rule AS r WHERE NOT EXISTS ("
                         "SELECT 1 FROM doudi.assistance_case AS c WHERE c.state = r.state)")
                 .empty());
  BOOST_TEST(MissingStates(server, "331022", "national").empty());
  BOOST_TEST(MissingStates(server, "350582", "jinjiang").empty());
  BOOST_TEST(MissingStates(server, "500231", "national").empty());
  // All "8+X" programs, charity grants paid from its fund included.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.program AS p WHERE p.opens_cases AND NOT EXISTS (SELECT 1 FROM "
                          "doudi.assistance_case AS c WHERE c.program = p.code)") == 0);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.payment_line WHERE program = 'charity' AND fund_code IS NOT NULL") >= 3);

  // This month and the twelve before it each have lines, and at least 20
  // recipients were paid in every one of them.
  const std::string thirteenMonths =
      "month >= date_trunc('month', current_date) - interval '12 months' AND month <= current_date";
  BOOST_TEST(server.Count("SELECT count(DISTINCT month) FROM doudi.payment_line WHERE " + thirteenMonths) == 13);
  BOOST_TEST(server.Count("SELECT count(*) FROM (SELECT case_id FROM doudi.payment_line WHERE kind = 'monthly' AND " +
                          thirteenMonths + " GROUP BY case_id HAVING count(*) = 13) AS paid") >= 20);
  // Every step is on record with a role at its level, never the set-up user.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_step WHERE actor = current_user") == 0);

  // The joint loop in Sanmen: every state a referral takes, an overdue one
  // escalated to the administrator, feedback, help records from a fund and
  // an enterprise, a top-up, a paired household with its visits; each
  // recorded for a role, never the set-up user.
  BOOST_TEST(first.find("demo joint loop: 5 referrals") != std::string::npos, first);
  BOOST_TEST(server.Rows("SELECT s FROM unnest(ARRAY['sent','accepted','done','declined']) AS s "
                         "WHERE NOT EXISTS (SELECT 1 FROM doudi.referral AS r WHERE r.state = s "
                         "AND r.region_code LIKE '331022%')")
                 .empty());
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral_overview WHERE escalated") >= 1);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.help_record WHERE giver_kind IN ('fund', 'enterprise')") >= 2);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.charity_fund_topup") >= 1);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.pairing_visit") == 2);
  const auto bySetUp = server.Rows("SELECT r.id || ' ' || r.referred_by || ' ' || coalesce(r.accepted_by, '-') || ' ' || "
                                   "coalesce(r.closed_by, '-') FROM doudi.referral AS r JOIN doudi.referral_send AS s "
                                   "ON s.id = r.send_id WHERE s.case_id IS NOT NULL AND (r.referred_by = current_user "
                                   "OR r.accepted_by = current_user OR r.closed_by = current_user)");
  BOOST_TEST(bySetUp.empty(), (bySetUp.empty() ? std::string() : bySetUp.front()));

  const auto cases = server.Count("SELECT count(*) FROM doudi.assistance_case");
  const auto referrals = server.Count("SELECT count(*) FROM doudi.referral");
  const auto again = RunAdmin(server, {"demo-data"});
  BOOST_TEST(again.find("none added") != std::string::npos, again);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.assistance_case") == cases);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.referral") == referrals);

  // Every table the demo wrote, cases, steps, benefits and payment lines
  // included, agrees with its last audit row: audit verify raises no false
  // alarm over the whole workflow (RunAdmin requires exit code 0).
  const auto verified = RunAdmin(server, {"audit", "verify"});
  BOOST_TEST(verified.find("audit trail intact") != std::string::npos, verified);
}

BOOST_AUTO_TEST_SUITE_END()
