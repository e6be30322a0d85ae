// Where a report is read from (dal/report_route.h), without a database:
// the decision from a look at the standby, the retry rule, the words said,
// and a profile's `report` key as doudi.ini gives it.
#include "doudi/dal/report_route.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "connection_settings.h"

namespace doudi::admin {
namespace {

using dal::ReportFallback;
using dal::ReportSource;
using dal::StandbyReading;

StandbyReading Standby(bool caughtUp, std::optional<double> since, bool replayedAll = false) {
  StandbyReading r;
  r.reached = true;
  r.inRecovery = true;
  r.caughtUp = caughtUp;
  r.replayedAllReceived = replayedAll;
  r.secondsSinceReplay = since;
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_route)

BOOST_AUTO_TEST_CASE(a_caught_up_standby_answers_however_long_the_primary_has_been_idle) {
  // The last replayed commit is an hour old, but nothing has been written
  // since: now() - pg_last_xact_replay_timestamp() alone would say lagging.
  const auto route = dal::DecideReportRoute(true, Standby(true, 3600.0, true), 300);
  BOOST_TEST((route.source == ReportSource::Standby));
  BOOST_TEST((route.fallback == ReportFallback::None));
  BOOST_TEST(route.lagSeconds.value() == 0.0);
  // The same with no transaction replayed at all since it started.
  BOOST_TEST((dal::DecideReportRoute(true, Standby(true, std::nullopt, true), 300).source == ReportSource::Standby));
}

BOOST_AUTO_TEST_CASE(a_standby_behind_the_primary_answers_up_to_the_limit_and_not_past_it) {
  auto route = dal::DecideReportRoute(true, Standby(false, 300.0), 300);
  BOOST_TEST((route.source == ReportSource::Standby));
  BOOST_TEST(route.lagSeconds.value() == 300.0);
  route = dal::DecideReportRoute(true, Standby(false, 300.5), 300);
  BOOST_TEST((route.source == ReportSource::Primary));
  BOOST_TEST((route.fallback == ReportFallback::Lagging));
  BOOST_TEST(route.maxLagSeconds == 300);
  BOOST_TEST(route.receiving);
  // Behind with nothing left to apply: WAL is not arriving.
  route = dal::DecideReportRoute(true, Standby(false, 900.0, true), 300);
  BOOST_TEST((route.fallback == ReportFallback::Lagging));
  BOOST_TEST(!route.receiving);
  // A limit of 0 allows only a caught-up standby.
  BOOST_TEST((dal::DecideReportRoute(true, Standby(false, 0.2), 0).source == ReportSource::Primary));
  // A clock a little ahead on the standby is no lag.
  BOOST_TEST(dal::DecideReportRoute(true, Standby(false, -0.5), 300).lagSeconds.value() == 0.0);
}

BOOST_AUTO_TEST_CASE(behind_with_nothing_replayed_since_it_started_the_lag_is_unknown_and_the_primary_answers) {
  const auto route = dal::DecideReportRoute(true, Standby(false, std::nullopt), 300);
  BOOST_TEST((route.source == ReportSource::Primary));
  BOOST_TEST((route.fallback == ReportFallback::NothingReplayed));
  BOOST_TEST(!route.lagSeconds.has_value());
}

BOOST_AUTO_TEST_CASE(no_report_host_an_unreachable_one_or_one_not_in_recovery_sends_reports_to_the_primary) {
  BOOST_TEST((dal::DecideReportRoute(false, Standby(true, 0.0), 300).fallback == ReportFallback::NoReportHost));
  BOOST_TEST((dal::DecideReportRoute(true, StandbyReading{}, 300).fallback == ReportFallback::Unreachable));
  StandbyReading promoted = Standby(true, 0.0);
  promoted.inRecovery = false;
  const auto route = dal::DecideReportRoute(true, promoted, 300);
  BOOST_TEST((route.source == ReportSource::Primary));
  BOOST_TEST((route.fallback == ReportFallback::NotStandby));
}

BOOST_AUTO_TEST_CASE(only_a_recovery_conflict_on_the_standby_before_any_output_is_read_again_on_the_primary) {
  BOOST_TEST(dal::RetryOnPrimary(ReportSource::Standby, "40001", false));
  BOOST_TEST(dal::RetryOnPrimary(ReportSource::Standby, "40P01", false));   // a deadlock with replay
  BOOST_TEST(!dal::RetryOnPrimary(ReportSource::Standby, "40001", true));   // rows already written
  BOOST_TEST(!dal::RetryOnPrimary(ReportSource::Primary, "40001", false));  // once, and only from the standby
  BOOST_TEST(!dal::RetryOnPrimary(ReportSource::Standby, "25006", false));  // a write the standby refused
  BOOST_TEST(!dal::RetryOnPrimary(ReportSource::Standby, "42501", false));
  const auto after = dal::AfterRecoveryConflict(dal::DecideReportRoute(true, Standby(true, 0.0), 300));
  BOOST_TEST((after.source == ReportSource::Primary));
  BOOST_TEST((after.fallback == ReportFallback::RecoveryConflict));
}

BOOST_AUTO_TEST_CASE(every_fallback_but_none_and_no_report_host_is_said) {
  dal::ReportRoute route;
  for (const auto fallback : {ReportFallback::Unreachable, ReportFallback::NotStandby, ReportFallback::Lagging,
                              ReportFallback::NothingReplayed, ReportFallback::RecoveryConflict}) {
    route.fallback = fallback;
    BOOST_TEST(!dal::ReportRouteText(route).empty());
  }
  route.fallback = ReportFallback::Lagging;
  route.lagSeconds = 412.3;
  route.maxLagSeconds = 300;
  const std::string text = dal::ReportRouteText(route);
  BOOST_TEST(text.find("413") != std::string::npos);
  BOOST_TEST(text.find("300") != std::string::npos);
  route.fallback = ReportFallback::None;
  BOOST_TEST(dal::ReportRouteText(route).empty());
  route.fallback = ReportFallback::NoReportHost;
  BOOST_TEST(dal::ReportRouteText(route).empty());
}

BOOST_AUTO_TEST_CASE(a_report_value_is_a_host_a_host_and_port_or_a_list_of_them) {
  auto hosts = dal::ParseReportHosts("db2.mz.sanmen.gov.cn", "5432");
  BOOST_TEST(hosts.host == "db2.mz.sanmen.gov.cn");
  BOOST_TEST(hosts.port == "5432");
  hosts = dal::ParseReportHosts("db2:5433, db3 ,[2001:db8::5]:5434,/var/run/postgresql", "");
  BOOST_TEST(hosts.host == "db2,db3,2001:db8::5,/var/run/postgresql");
  BOOST_TEST(hosts.port == "5433,,5434,");
  hosts = dal::ParseReportHosts("::1", "");  // a bare IPv6 address: no port in it
  BOOST_TEST(hosts.host == "::1");
  BOOST_TEST(hosts.port.empty());
  BOOST_CHECK_THROW(dal::ParseReportHosts("db2,,db3", ""), std::invalid_argument);
  BOOST_CHECK_THROW(dal::ParseReportHosts("db2:54x", ""), std::invalid_argument);
  BOOST_CHECK_THROW(dal::ParseReportHosts("db2:70000", ""), std::invalid_argument);
  BOOST_CHECK_THROW(dal::ParseReportHosts(":5433", ""), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(the_report_connection_is_the_primarys_pointed_at_the_standby) {
  const std::string primary = "host='db1' port='5432' dbname='doudi' user='li_clerk' application_name='doudi'";
  const std::string report = dal::ReportConnectionString(primary, "db2", "5432");
  BOOST_TEST(report == primary + " host='db2' port='5432' target_session_attrs='prefer-standby'");
  BOOST_TEST(dal::ReportConnectionString(primary, "", "5432").empty());
  BOOST_TEST(dal::ReportConnectionString("postgresql://li@db1/doudi", "db2", "").empty());
}

BOOST_AUTO_TEST_CASE(a_profile_reads_its_report_key_and_refuses_a_bad_one) {
  const auto dir = std::filesystem::temp_directory_path() / "doudi-report-route-test";
  std::filesystem::create_directories(dir);
  const auto ini = dir / "doudi.ini";
  {
    std::ofstream out(ini);
    out << "default = center\n[profile center]\nhost = db1\nport = 5433\ndbname = doudi\nreport = db2, db3:5434\n"
        << "[profile plain]\nhost = db1\ndbname = doudi\n";
  }
  const auto brokenIni = dir / "broken.ini";
  {
    std::ofstream out(brokenIni);
    out << "[profile broken]\nhost = db1\nreport = db2:x\n";
  }
  const auto center = LoadProfile(ini, "center");
  BOOST_TEST(center.report == "db2, db3:5434");
  BOOST_TEST(LoadProfile(ini, "plain").report.empty());
  BOOST_CHECK_THROW(LoadProfile(brokenIni, "broken"), SettingsError);
  ConnectionRequest request;
  request.configFile = ini;
  request.profileOption = "center";
  auto resolved = ResolveConnection(request);
  BOOST_TEST(resolved.reportConnectionString ==
             resolved.connectionString + " host='db2,db3' port='5433,5434' target_session_attrs='prefer-standby'");
  request.reportDbOption = "host=db9 dbname=doudi";
  BOOST_TEST(ResolveConnection(request).reportConnectionString == "host=db9 dbname=doudi");
  request.profileOption = "plain";
  request.reportDbOption.reset();
  BOOST_TEST(ResolveConnection(request).reportConnectionString.empty());
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace doudi::admin
