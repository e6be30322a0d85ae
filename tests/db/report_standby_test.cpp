// The report standby (docs/deployment.md, "4. A read replica") against the
// real streaming standby scripts/test starts (DOUDI_TEST_STANDBY_DB): a
// roster read there shows a scoped user the same rows as the primary under
// row-level security; a standby that does not answer or is further behind
// than report_standby_max_lag sends the read to the primary and says so; a
// query the standby cancels for a conflict with recovery is read again on
// the primary; a write is never made there; doudi-admin's roster and export
// read through it.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

#include "case_fixture.h"
#include "commands.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/pg/report_reader.h"
#include "doudi/dal/report_route.h"
#include "in_chinese.h"

namespace doudi::test {
namespace {

using dal::ReportFallback;
using dal::ReportSource;

// The registry with three Sanmen and three Jinjiang households in payment
// for November 2026, a Sanmen finance officer, and the standby.
struct StandbyReports : DemoRegistry {
  std::string finance;
  std::string financeConninfo;
  std::unique_ptr<dal::pg::PgDatabase> financeDb;

  StandbyReports() {
    for (const std::string county : {"331022", "350582"}) {
      for (const auto& id :
           server.Rows("SELECT id FROM doudi.household WHERE closed_on IS NULL AND region_code LIKE '" + county +
                       "%' ORDER BY id LIMIT 3")) {
        const std::string theCase = server.Scalar("SELECT doudi.case_open(" + id + ", 'dibao', gen_random_uuid())");
        server.Execute("UPDATE doudi.assistance_case SET state = 'in_payment' WHERE id = " + theCase);
        server.Execute(
            "INSERT INTO doudi.payment_line (case_id, household_id, region_code, program, month, kind, amount_fen) "
            "SELECT " +
            theCase +
            ", h.id, h.region_code, 'dibao', DATE '2026-11-01', 'monthly', 116000 "
            "FROM doudi.household AS h WHERE h.id = " +
            id);
      }
    }
    finance = server.CreateUser("finance", "finance_officer", "331022");
    financeConninfo = server.ConnectionStringFor(finance);
    financeDb = std::make_unique<dal::pg::PgDatabase>(financeConninfo);
    WaitForReplay();
  }
  ~StandbyReports() {
    try {
      Standby().Execute("SELECT pg_wal_replay_resume()");
    } catch (...) {
    }
  }

  // The finance officer's login pointed at the standby, as a profile's
  // `report` key makes it.
  std::string ReportConninfo(const std::string& spec) const {
    return dal::ReportConnectionString(financeConninfo, spec, "");
  }
  // A reader of the standby that looks again at every report: a connection
  // that fails under the load of the suites beside this one must not keep
  // it away for the minute a desk's reader waits (that memory is the
  // found-down test's own).
  dal::pg::ReportReader Reader() const {
    return dal::pg::ReportReader(ReportConninfo(StandbyReportHost()), std::chrono::seconds(0));
  }
  // The superuser on the standby, in this test's database.
  Session Standby() const {
    return Session(dal::ReportConnectionString(server.ConnectionString(), StandbyReportHost(), ""));
  }
  void WaitForReplay() const { WaitForStandby(server); }
  static std::vector<std::string> Lines(dal::pg::PgDatabase& db) {
    std::vector<std::string> out;
    for (const auto& l : db.Cases().PaymentRoster("2026-11", "")) {
      out.push_back(std::to_string(l.caseId) + "|" + l.regionCode + "|" + l.applicantName + "|" + l.maskedId + "|" +
                    std::to_string(l.amount.Fen()));
    }
    return out;
  }
  // The roster read through a ReportReader for the report host spec.
  std::vector<std::string> ReadRoster(dal::pg::ReportReader& reader, dal::ReportRoute& route) const {
    std::vector<std::string> lines;
    route = reader.Run(*financeDb, [&](dal::pg::PgDatabase& source) { lines = Lines(source); });
    return lines;
  }
  // The route the reader chooses once it chooses the standby, looking up
  // to 50 times 200 ms apart: the other suites running beside this one
  // write to the cluster, and a look can fall between a commit and its
  // replay. What the last look said otherwise, for the failure's message.
  static dal::ReportRoute UntilStandby(dal::pg::ReportReader& reader, dal::pg::PgDatabase& primary) {
    dal::ReportRoute route;
    for (int look = 0; look < 50; ++look) {
      route = reader.Choose(primary);
      if (route.source == ReportSource::Standby) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return route;
  }
  static std::string RouteText(const dal::ReportRoute& route) {
    return "route: source " + std::to_string(static_cast<int>(route.source)) + ", fallback " +
           std::to_string(static_cast<int>(route.fallback)) + ", lag " +
           (route.lagSeconds ? std::to_string(*route.lagSeconds) : std::string("-")) + " s of " +
           std::to_string(route.maxLagSeconds) + (route.receiving ? ", receiving" : "") + ": " +
           dal::ReportRouteText(route);
  }
  void SetMaxLag(int seconds) const {
    server.Execute(
        "INSERT INTO doudi.security_limit (key, value, unit, effective_from) VALUES "
        "('report_standby_max_lag', " +
        std::to_string(seconds) +
        ", 'seconds', "
        "(SELECT max(effective_from) + 1 FROM doudi.security_limit WHERE key = 'report_standby_max_lag'))");
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(report_standby)

BOOST_FIXTURE_TEST_CASE(a_roster_read_on_the_standby_shows_a_scoped_user_the_rows_of_the_primary, StandbyReports) {
  const auto onPrimary = Lines(*financeDb);
  BOOST_TEST(onPrimary.size() == 3u);  // Sanmen's three; Jinjiang's are outside the scope
  for (const auto& line : onPrimary) BOOST_TEST(line.find("|331022") != std::string::npos);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.payment_line") == 6);

  dal::pg::ReportReader reader = Reader();
  dal::ReportRoute route = UntilStandby(reader, *financeDb);
  BOOST_TEST_REQUIRE((route.source == ReportSource::Standby), RouteText(route));
  const auto onStandby = ReadRoster(reader, route);
  BOOST_TEST((route.source == ReportSource::Standby), RouteText(route));
  BOOST_TEST((route.fallback == ReportFallback::None));
  BOOST_TEST(route.maxLagSeconds == 300);  // migration 0013's default
  BOOST_TEST(dal::ReportRouteText(route).empty());
  BOOST_TEST(onStandby == onPrimary, boost::test_tools::per_element());
  // It was the standby that answered: the same login there is in recovery.
  dal::pg::PgDatabase standbyAsFinance(ReportConninfo(StandbyReportHost()));
  BOOST_TEST(standbyAsFinance.ReadAsStandby("0/0").inRecovery);
  BOOST_TEST(Lines(standbyAsFinance) == onPrimary, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(a_standby_that_does_not_answer_sends_the_roster_to_the_primary_and_says_so, StandbyReports) {
  // A stopped standby, as a client meets it: nothing listens on its socket.
  std::string spec = StandbyReportHost();
  const auto colon = spec.rfind(':');
  spec = spec.substr(0, colon + 1) + std::to_string(std::stoi(spec.substr(colon + 1)) + 7);
  dal::pg::ReportReader reader(ReportConninfo(spec));
  dal::ReportRoute route;
  const auto lines = ReadRoster(reader, route);
  BOOST_TEST((route.source == ReportSource::Primary));
  BOOST_TEST((route.fallback == ReportFallback::Unreachable));
  {
    const InChinese chinese;
    BOOST_TEST(dal::ReportRouteText(route) == "报表备库无法连接：本报表改从主库读取。");
  }
  BOOST_TEST(lines == Lines(*financeDb), boost::test_tools::per_element());
  // No report host at all: the primary, and nothing to say.
  dal::pg::ReportReader none("");
  const auto direct = ReadRoster(none, route);
  BOOST_TEST((route.fallback == ReportFallback::NoReportHost));
  BOOST_TEST(dal::ReportRouteText(route).empty());
  BOOST_TEST(direct.size() == 3u);
}

// A reader kept for a session (the workstation keeps one per worker thread)
// does not try a standby it found down again for retryAfter, so a desk
// whose standby is down does not wait out a connect timeout per roster.
// The standby "comes back" as its socket appearing in a directory that had
// none: a socket, so not under Windows, where the standby listens on TCP.
BOOST_FIXTURE_TEST_CASE(a_standby_found_down_is_not_tried_again_until_the_retry_time, StandbyReports,
                        *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
                          return boost::unit_test::assertion_result(StandbyReportHost().front() == '/');
                        })) {
  const std::string spec = StandbyReportHost();
  const auto colon = spec.rfind(':');
  const std::string port = spec.substr(colon + 1);
  const auto dir = std::filesystem::temp_directory_path() / ("doudi-standby-socket-" + server.Name());
  std::filesystem::create_directories(dir);
  const std::string there = dir.string() + ":" + port;
  dal::pg::ReportReader patient(ReportConninfo(there), std::chrono::seconds(3600));
  dal::pg::ReportReader eager(ReportConninfo(there), std::chrono::seconds(0));
  dal::ReportRoute route;
  ReadRoster(patient, route);
  BOOST_TEST((route.fallback == ReportFallback::Unreachable));
  ReadRoster(eager, route);
  BOOST_TEST((route.fallback == ReportFallback::Unreachable));
  // The standby's socket (and its lock file, which libpq does not read).
  const std::string socket = ".s.PGSQL." + port;
  std::filesystem::create_symlink(std::filesystem::path(spec.substr(0, colon)) / socket, dir / socket);
  // Found down a moment ago: not tried, the primary answers at once.
  const auto lines = ReadRoster(patient, route);
  BOOST_TEST((route.fallback == ReportFallback::Unreachable));
  BOOST_TEST(lines.size() == 3u);
  // A reader that tries again (the retry time passed) reaches it.
  for (int look = 0; look < 20; ++look) {
    ReadRoster(eager, route);
    if (route.source == ReportSource::Standby) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  BOOST_TEST((route.source == ReportSource::Standby), RouteText(route));
  BOOST_TEST((route.fallback == ReportFallback::None));
  std::filesystem::remove_all(dir);
}

BOOST_FIXTURE_TEST_CASE(a_standby_further_behind_than_the_limit_sends_the_roster_to_the_primary, StandbyReports) {
  dal::pg::ReportReader reader = Reader();
  dal::ReportRoute route;
  Standby().Execute("SELECT pg_wal_replay_pause()");
  // A line the standby has not seen: it is behind the primary.
  const std::string jan = server.Scalar(
      "SELECT id FROM doudi.household WHERE region_code LIKE '331022%' "
      "AND id NOT IN (SELECT household_id FROM doudi.payment_line) ORDER BY id LIMIT 1");
  const std::string theCase = server.Scalar("SELECT doudi.case_open(" + jan + ", 'dibao', gen_random_uuid())");
  server.Execute(
      "INSERT INTO doudi.payment_line (case_id, household_id, region_code, program, month, kind, amount_fen) "
      "SELECT " +
      theCase +
      ", h.id, h.region_code, 'dibao', DATE '2026-11-01', 'monthly', 50000 "
      "FROM doudi.household AS h WHERE h.id = " +
      jan);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  // Within the 300 s allowed: the standby answers, without the new line.
  const auto looked = UntilStandby(reader, *financeDb);
  BOOST_TEST((looked.source == ReportSource::Standby), RouteText(looked));
  auto lines = ReadRoster(reader, route);
  BOOST_TEST((route.source == ReportSource::Standby), RouteText(route));
  BOOST_TEST(route.lagSeconds.value_or(0) >= 2.0);
  BOOST_TEST(lines.size() == 3u);
  // Over a limit of 1 s: the primary answers, with it, and the user is told.
  SetMaxLag(1);
  lines = ReadRoster(reader, route);
  BOOST_TEST((route.source == ReportSource::Primary));
  BOOST_TEST((route.fallback == ReportFallback::Lagging));
  BOOST_TEST(route.maxLagSeconds == 1);
  BOOST_TEST(route.receiving);  // the WAL has arrived, replay is what waits
  BOOST_TEST(!dal::ReportRouteText(route).empty());
  BOOST_TEST(lines.size() == 4u);
  BOOST_TEST(lines == Lines(*financeDb), boost::test_tools::per_element());

  // Replayed again and the primary idle: its last replayed commit grows
  // old, yet a standby at the primary's position is caught up.
  Standby().Execute("SELECT pg_wal_replay_resume()");
  WaitForReplay();
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  route = UntilStandby(reader, *financeDb);
  BOOST_TEST_REQUIRE((route.source == ReportSource::Standby), RouteText(route));
  lines = ReadRoster(reader, route);
  BOOST_TEST((route.source == ReportSource::Standby), RouteText(route));
  BOOST_TEST(lines.size() == 4u);
}

BOOST_FIXTURE_TEST_CASE(a_roster_the_standby_cancels_for_a_conflict_with_recovery_is_read_again_on_the_primary,
                        StandbyReports) {
  const auto expected = Lines(*financeDb);
  dal::pg::ReportReader reader = Reader();
  const auto before = UntilStandby(reader, *financeDb);
  BOOST_TEST_REQUIRE((before.source == ReportSource::Standby), RouteText(before));
  // One attempt of the conflict; the reader may still judge the standby
  // unfit at its own look (other suites write to the same cluster beside
  // this one): then the primary answers from the start and the attempt is
  // made again, up to three times.
  std::atomic<bool> cancelled{false};
  dal::ReportRoute route;
  std::vector<std::string> lines;
  const auto attempt = [&] {
    const Session locker = server.AsSuperuser();
    const Session flusher = server.AsSuperuser();
    // A commit with an xid, flushed at once: the WAL before it reaches the standby.
    const auto flush = [&] { flusher.Execute("SET synchronous_commit = on; SELECT pg_current_xact_id()"); };
    // The standby replays an exclusive lock of a table the roster's view
    // reads, so the roster waits there, holding its lock of the view ...
    locker.Execute("BEGIN; LOCK TABLE doudi.payment_line IN ACCESS EXCLUSIVE MODE");
    flush();
    const Session standby = Standby();
    const auto replayedLock = [&] {
      return standby.Count(
                 "SELECT count(*) FROM pg_locks WHERE locktype = 'relation' AND granted AND "
                 "relation = 'doudi.payment_line'::regclass AND mode = 'AccessExclusiveLock'") > 0;
    };
    for (int i = 0; i < 600 && !replayedLock(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    BOOST_TEST_REQUIRE(replayedLock());
    // ... then one of the view, which the replay cannot take while the roster
    // holds it: the standby cancels the roster (SQLSTATE 40001).
    cancelled = false;
    std::thread primarySide([&] {
      const Session watcher = Standby();
      const auto waiting = [&] {
        return watcher.Count(
                   "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
                   "usename = $1 AND wait_event_type = 'Lock'",
                   {finance}) > 0;
      };
      for (int i = 0; i < 600 && !waiting(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      locker.Execute("LOCK TABLE doudi.payment_roster IN ACCESS EXCLUSIVE MODE");
      flush();
      for (int i = 0; i < 600 && waiting(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      cancelled = !waiting();
      // The roster's second reading, on the primary, waits for this.
      locker.Execute("ROLLBACK");
    });
    try {
      lines = ReadRoster(reader, route);
    } catch (...) {
      primarySide.join();
      throw;
    }
    primarySide.join();
  };
  for (int i = 0; i < 3; ++i) {
    attempt();
    if (route.fallback != ReportFallback::Lagging && route.fallback != ReportFallback::NothingReplayed) break;
    BOOST_TEST_MESSAGE("the standby was not chosen at the look (" << RouteText(route) << "): again");
    UntilStandby(reader, *financeDb);
  }
  BOOST_TEST(cancelled.load());
  BOOST_TEST((route.source == ReportSource::Primary));
  BOOST_TEST((route.fallback == ReportFallback::RecoveryConflict), RouteText(route));
  BOOST_TEST(!dal::ReportRouteText(route).empty());
  BOOST_TEST(lines == expected, boost::test_tools::per_element());
  // The standby counted it as a lock conflict with recovery (SQLSTATE 40001).
  BOOST_TEST(Standby().Count("SELECT confl_lock FROM pg_stat_database_conflicts WHERE datname = current_database()") >=
             1);
}

BOOST_FIXTURE_TEST_CASE(a_write_attempted_on_the_standby_is_never_made, StandbyReports) {
  const std::string admin = server.CreateUser("admin", "center_admin", "331022");
  const std::string adminConninfo = server.ConnectionStringFor(admin);
  WaitForReplay();  // the new login on the standby too
  dal::pg::PgDatabase primary(adminConninfo);
  // Looking again at every report, as Reader(): a first connection that
  // fails under the suites' load must not keep the standby away for the
  // minute the default reader remembers it down (this test's flake).
  dal::pg::ReportReader reader(dal::ReportConnectionString(adminConninfo, StandbyReportHost(), ""),
                               std::chrono::seconds(0));
  dal::ProgramParameter row{"dibao", "331022", "issuing_office", "三门县民政局（备库）", "text", "2026-12-01", "",
                            "",      ""};
  dal::ReportSource ranOn = ReportSource::Primary;
  std::string state;
  // Fit to answer first (UntilStandby), so what follows is the write's fate.
  const auto before = UntilStandby(reader, primary);
  BOOST_TEST_REQUIRE((before.source == ReportSource::Standby), RouteText(before));
  try {
    reader.Run(primary, [&](dal::pg::PgDatabase& source) {
      ranOn = &source == &primary ? ReportSource::Primary : ReportSource::Standby;
      source.Parameters().Add(row);
    });
  } catch (const dal::DatabaseError& e) {
    state = e.SqlState();
  }
  BOOST_TEST((ranOn == ReportSource::Standby), RouteText(reader.Choose(primary)));
  BOOST_TEST(state == "25006");  // read_only_sql_transaction: refused, and not tried on the primary
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.program_parameter WHERE value = '三门县民政局（备库）'") == 0);
}

BOOST_FIXTURE_TEST_CASE(doudi_admin_roster_and_export_read_the_standby_and_write_nothing_there, StandbyReports) {
  const auto dir = std::filesystem::temp_directory_path() / ("doudi-report-" + server.Name());
  std::filesystem::create_directories(dir);
  // The commands as admin_app runs them, given connections instead of options.
  const auto run = [&](const std::vector<std::string>& words, std::map<std::string, std::string> options,
                       const std::string& conninfo, const std::string& report, std::ostringstream& err,
                       std::ostringstream& data) {
    std::ostringstream out;
    const auto& all = admin::Commands();
    const auto command =
        std::find_if(all.begin(), all.end(), [&](const admin::Command& c) { return c.words == words; });
    BOOST_TEST_REQUIRE((command != all.end()));
    admin::CommandContext ctx{{},
                              std::move(options),
                              [conninfo] { return std::make_unique<dal::pg::PgDatabase>(conninfo); },
                              kToday,
                              out,
                              err,
                              data,
                              [report] { return report; }};
    return command->run(ctx);
  };
  {
    dal::pg::ReportReader look = Reader();  // looks again at every try (the fixture's Reader says why)
    const auto route = UntilStandby(look, *financeDb);
    BOOST_TEST_REQUIRE((route.source == ReportSource::Standby), RouteText(route));
  }
  std::ostringstream err, data;
  const auto file = (dir / "roster.xlsx").string();
  BOOST_TEST(run({"roster"}, {{"month", "2026-11"}, {"region", "331022"}, {"format", "xlsx"}, {"output", file}},
                 financeConninfo, ReportConninfo(StandbyReportHost()), err, data) == admin::kExitOk);
  BOOST_TEST(err.str().empty(), err.str());  // the standby answered: nothing to say
  BOOST_TEST(std::filesystem::file_size(file) > 0u);

  // The export under the superuser, once through the standby and once from
  // the primary alone: the same bytes.
  std::ostringstream viaStandby, direct, err2, err3;
  BOOST_TEST(run({"export", "households"}, {{"region", "331022"}}, server.ConnectionString(),
                 dal::ReportConnectionString(server.ConnectionString(), StandbyReportHost(), ""), err2,
                 viaStandby) == admin::kExitOk);
  BOOST_TEST(err2.str().empty(), err2.str());
  BOOST_TEST(run({"export", "households"}, {{"region", "331022"}}, server.ConnectionString(), "", err3, direct) ==
             admin::kExitOk);
  BOOST_TEST(viaStandby.str().size() > 100u);
  BOOST_TEST((viaStandby.str() == direct.str()));

  // A standby that does not answer: the roster comes from the primary, and
  // a line says so.
  std::string down = StandbyReportHost();
  down = down.substr(0, down.rfind(':') + 1) + "1";
  std::ostringstream err4;
  BOOST_TEST(
      run({"roster"},
          {{"month", "2026-11"}, {"region", "331022"}, {"format", "html"}, {"output", (dir / "roster.html").string()}},
          financeConninfo, ReportConninfo(down), err4, data) == admin::kExitOk);
  dal::ReportRoute unreachable;
  unreachable.fallback = ReportFallback::Unreachable;
  BOOST_TEST(err4.str() == dal::ReportRouteText(unreachable) + "\n");
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace doudi::test
