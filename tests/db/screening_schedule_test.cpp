// The daily screening inside the server (docs/deployment.md section 5):
// pg_cron, preloaded by scripts/test for the one database DOUDI_TEST_CRON_DB,
// runs the job doudi.screening_schedule makes as doudi_scheduler. These
// tests work in that database, which outlives them (dropping it would end
// pg_cron's launcher until the server restarts), and leave no job behind.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "db_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/screening_schedule.h"

namespace {

using doudi::dal::BeijingTime;
using doudi::dal::pg::PgDatabase;
using doudi::test::TestDatabase;

std::string CronDatabaseName() {
  const char* name = std::getenv("DOUDI_TEST_CRON_DB");
  if (name == nullptr || *name == '\0') {
    throw std::runtime_error(
        "DOUDI_TEST_CRON_DB is not set: run the database tests through scripts/test, which "
        "preloads pg_cron for that database");
  }
  return name;
}

// pg_cron's database, migrated, with the extension the superuser creates
// and a center administrator; the schedule off before and after.
struct CronDatabase {
  TestDatabase server{TestDatabase::Existing{CronDatabaseName()}};
  std::unique_ptr<PgDatabase> db;
  std::string admin;
  std::unique_ptr<PgDatabase> asAdmin;

  CronDatabase() {
    server.Execute("CREATE EXTENSION IF NOT EXISTS pg_cron");
    db = std::make_unique<PgDatabase>(server.ConnectionString());
    db->Migrator().Migrate();
    db->UpsertRegions(doudi::admin::DemoRegions());
    admin = server.CreateUser("admin", "center_admin", "331022");
    asAdmin = std::make_unique<PgDatabase>(server.ConnectionStringFor(admin));
    asAdmin->Schedule().Off();
  }
  ~CronDatabase() {
    try {
      db->Schedule().Off();
    } catch (...) {
      // The test's own failure is the message that matters.
    }
  }
  CronDatabase(const CronDatabase&) = delete;
  CronDatabase& operator=(const CronDatabase&) = delete;

  // The screening jobs in cron.job, as the superuser sees them all.
  std::string Jobs() const {
    std::string jobs;
    for (const auto& row : server.Rows("SELECT jobname || ':' || username || ':' || database || ':' || schedule || "
                                       "':' || active FROM cron.job ORDER BY jobid")) {
      jobs += (jobs.empty() ? "" : ",") + row;
    }
    return jobs;
  }
};

// The refusal's code, or its SQLSTATE when it has none.
std::string Refusal(const std::function<void()>& call) {
  try {
    call();
  } catch (const doudi::dal::DatabaseError& e) {
    return e.Code().empty() ? e.SqlState() : e.Code();
  }
  return "accepted";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(screening_schedule)

BOOST_AUTO_TEST_CASE(beijing_time_is_kept_as_the_same_minute_in_gmt) {
  CronDatabase c;
  auto& schedule = c.asAdmin->Schedule();
  BOOST_TEST(!schedule.Job().has_value());
  // Beijing is GMT+8 all year: 02:30 is 18:30 GMT the evening before.
  BOOST_TEST(schedule.Set({2, 30}) == "30 18 * * *");
  const auto job = schedule.Job();
  BOOST_REQUIRE(job.has_value());
  BOOST_TEST(job->cronSchedule == "30 18 * * *");
  BOOST_TEST((job->at == BeijingTime{2, 30}));
  BOOST_TEST(job->active);
  BOOST_TEST(c.Jobs() == "doudi_screening:doudi_scheduler:" + c.server.Name() + ":30 18 * * *:true");
  // A new time replaces the job's schedule; it stays the same job.
  BOOST_TEST(schedule.Set({8, 0}) == "0 0 * * *");
  BOOST_TEST(schedule.Set({0, 0}) == "0 16 * * *");
  BOOST_TEST(schedule.Set({23, 59}) == "59 15 * * *");
  BOOST_TEST(schedule.Job()->jobId == job->jobId);
  BOOST_TEST((schedule.Job()->at == BeijingTime{23, 59}));
  BOOST_TEST(c.Jobs() == "doudi_screening:doudi_scheduler:" + c.server.Name() + ":59 15 * * *:true");
  // The job's command is the screening's, whatever the caller.
  BOOST_TEST(c.server.Scalar("SELECT command FROM cron.job WHERE jobname = 'doudi_screening'") ==
             "SELECT * FROM doudi.screen(NULL, NULL, 'schedule')");
  // A schedule set with pg_cron itself shows as such.
  c.server.Execute("UPDATE cron.job SET schedule = '*/5 * * * *' WHERE jobname = 'doudi_screening'");
  BOOST_TEST(!schedule.Job()->at.has_value());
  BOOST_TEST(schedule.Job()->cronSchedule == "*/5 * * * *");
  schedule.Off();
  BOOST_TEST(!schedule.Job().has_value());
  BOOST_TEST(c.Jobs() == "");
  schedule.Off();  // nothing to turn off: nothing happens
  // The database takes whole minutes, and a time or off.
  const auto session = c.server.AsUser(c.admin);
  for (const char* call :
       {"SELECT doudi.screening_schedule('02:30:15', false)", "SELECT doudi.screening_schedule(NULL, false)",
        "SELECT doudi.screening_schedule('02:30', true)", "SELECT doudi.screening_schedule('02:30', NULL)"}) {
    const auto outcome = session.Try(call);
    BOOST_TEST(outcome.message == "doudi:schedule.bad_time", call);
  }
  BOOST_TEST(c.Jobs() == "");
}

BOOST_AUTO_TEST_CASE(only_who_may_run_the_screening_sets_it_and_the_job_is_always_doudi_schedulers) {
  CronDatabase c;
  const std::string reviewer = c.server.CreateUser("reviewer", "township_reviewer", "331022001");
  PgDatabase asReviewer(c.server.ConnectionStringFor(reviewer));
  BOOST_TEST(Refusal([&] { asReviewer.Schedule().Set({3, 0}); }) == "42501");
  BOOST_TEST(Refusal([&] { asReviewer.Schedule().Job(); }) == "42501");
  BOOST_TEST(Refusal([&] { asReviewer.Schedule().LastRuns(5); }) == "42501");
  BOOST_TEST(c.Jobs() == "");
  // The superuser's job too runs as doudi_scheduler (pg_cron 1.4 gives a job
  // to the role scheduling it: inside the function, its owner).
  BOOST_TEST(c.db->Schedule().Set({3, 0}) == "0 19 * * *");
  BOOST_TEST(c.Jobs() == "doudi_screening:doudi_scheduler:" + c.server.Name() + ":0 19 * * *:true");
  BOOST_TEST(c.asAdmin->Schedule().Job().has_value());
  c.asAdmin->Schedule().Off();
  BOOST_TEST(c.Jobs() == "");
  // doudi_scheduler has LOGIN (PostgreSQL 15 starts no worker for a role
  // without it) and no password, and is nobody's member nor member of any.
  BOOST_TEST(c.server.Scalar("SELECT rolcanlogin::text || ' ' || rolsuper::text || ' ' || (rolpassword IS NULL)::text "
                             "|| ' ' || rolcreaterole::text || ' ' || rolbypassrls::text FROM pg_authid "
                             "WHERE rolname = 'doudi_scheduler'") == "true false true false false");
  BOOST_TEST(c.server.Count("SELECT count(*) FROM pg_auth_members WHERE member = 'doudi_scheduler'::regrole OR "
                            "roleid = 'doudi_scheduler'::regrole") == 0);
  // No desk role reaches pg_cron itself: with schema cron anybody could run
  // any SQL of theirs on a schedule.
  const auto session = c.server.AsUser(c.admin);
  BOOST_TEST(session.TryExecute("SELECT cron.schedule('x', '* * * * *', 'SELECT 1')") == "42501");
  BOOST_TEST(c.server.Scalar("SELECT string_agg(r.rolname, ',') FROM pg_roles AS r WHERE r.rolname LIKE 'doudi\\_%' "
                             "AND has_schema_privilege(r.oid, 'cron', 'USAGE')") == "doudi_scheduler");
  // doudi_scheduler may call the screening and its own helpers, and read
  // or change no table directly.
  BOOST_TEST(c.server.Count("SELECT count(*) FROM pg_class AS t WHERE t.relnamespace = 'doudi'::regnamespace AND "
                            "t.relkind IN ('r', 'v') AND t.relname NOT IN ('staff_capability', 'staff_operation') AND "
                            "has_table_privilege('doudi_scheduler', t.oid, 'SELECT, INSERT, UPDATE, DELETE')") == 0);
}

BOOST_AUTO_TEST_CASE(the_job_runs_at_the_next_minute_and_screens) {
  CronDatabase c;
  auto& schedule = c.asAdmin->Schedule();
  // A villager in no household with 46,000 yuan paid himself this year,
  // which the medical warning for the unregistered (40,000 yuan) must catch.
  // Another ID on every run: the database outlives the test.
  const std::string id = doudi::test::MakeId(
      "331022", "19580317", 501 + static_cast<int>(c.server.Count("SELECT count(*) FROM doudi.crosscheck_row")));
  c.server.Execute(
      "WITH b AS (INSERT INTO doudi.crosscheck_batch (kind, source_department, as_of, authorization_ref, "
      "file_sha256, rows_read, rows_stored, rows_replaced, rows_unchanged, rows_rejected) "
      "VALUES ('medical', '医疗保障局', doudi.clock_date(), 'cron test', encode(sha256(convert_to('" +
      id +
      "', 'UTF8')), 'hex'), 1, 1, 0, 0, 0) RETURNING id) "
      "INSERT INTO doudi.crosscheck_row (batch_id, kind, source_department, row_key, line, id_number, name, "
      "region_code, event_date, amount_fen, covered_fen, self_paid_fen, content_hash) "
      "SELECT b.id, 'medical', '医疗保障局', 'JS-" +
      id + "', 1, '" + id +
      "', '郑海生', '331022001201', "
      "doudi.clock_date(), 4600000, 0, 4600000, 'cron test' FROM b");
  // The next minute at least a few seconds away, in Beijing time.
  const std::string next = c.server.Scalar(
      "SELECT to_char(date_trunc('minute', now() + interval '63 seconds') AT TIME ZONE 'Asia/Shanghai', 'HH24:MI')");
  const BeijingTime at{std::stoi(next.substr(0, 2)), std::stoi(next.substr(3, 2))};
  const std::string since = c.server.Scalar("SELECT now()::text");
  const std::string cron = schedule.Set(at);
  BOOST_TEST_MESSAGE("scheduled at " << next << " Beijing time, pg_cron schedule " << cron);

  // pg_cron records the run when it starts and again when it ends.
  const std::string jobId = c.server.Scalar("SELECT jobid FROM cron.job WHERE jobname = 'doudi_screening'");
  const std::string ran = "SELECT count(*) FROM cron.job_run_details WHERE jobid = " + jobId + " AND start_time >= '" +
                          since + "' AND status IN ('succeeded', 'failed')";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
  while (c.server.Count(ran) == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  BOOST_REQUIRE_MESSAGE(c.server.Count(ran) == 1, "no run of the job within 90 s of scheduling it at " << next);
  // One row per rule.
  const std::string rules = c.server.Scalar("SELECT count(*) FROM doudi.alert_rule");
  BOOST_TEST(c.server.Scalar("SELECT status || ' ' || username || ' ' || database || ': ' || return_message "
                             "FROM cron.job_run_details WHERE jobid = " +
                             jobId + " ORDER BY runid DESC LIMIT 1") ==
             "succeeded doudi_scheduler " + c.server.Name() + ": SELECT " + rules);

  // Its effect: a screening of every rule over every region, by the job,
  // which raised the villager's alert.
  BOOST_TEST(
      c.server.Scalar("SELECT trigger || ' ' || run_by || ' ' || (region IS NULL)::text || ' ' || "
                      "(finished_at IS NOT NULL)::text || ' ' || cardinality(rules) || ' ' || (raised > 0)::text "
                      "FROM doudi.screening_run WHERE started_at >= '" +
                      since + "' ORDER BY id") == "schedule doudi_scheduler true true " + rules + " true");
  BOOST_TEST(c.server.Scalar("SELECT string_agg(rule || ' ' || state || ' ' || figure_fen, ',') FROM doudi.alert "
                             "WHERE id_number = '" +
                             id + "' AND raised_at >= '" + since + "'") == "medical_unregistered new 4600000");

  // What screen schedule shows: the time and the run with what it did.
  const auto job = schedule.Job();
  BOOST_REQUIRE(job.has_value());
  BOOST_TEST((job->at == at));
  const auto runs = schedule.LastRuns(10);
  BOOST_REQUIRE(!runs.empty());
  BOOST_TEST(runs.front().status == "succeeded");
  BOOST_TEST(runs.front().screeningRunId.has_value());
  BOOST_TEST(runs.front().raised >= 1);
  BOOST_TEST(runs.front().startedAt.substr(11, 5) == next);

  schedule.Off();
  BOOST_TEST(c.Jobs() == "");
}

BOOST_AUTO_TEST_CASE(without_pg_cron_the_schema_migrates_and_scheduling_is_refused_by_name) {
  doudi::test::MigratedDatabase m;  // a database pg_cron is not in
  const std::string admin = m.server.CreateUser("admin", "center_admin", "331022");
  PgDatabase asAdmin(m.server.ConnectionStringFor(admin));
  try {
    asAdmin.Schedule().Set({2, 30});
    BOOST_FAIL("scheduling without pg_cron was accepted");
  } catch (const doudi::dal::RuleRefused& e) {
    BOOST_TEST(e.Code() == "schedule.no_pg_cron");
    BOOST_TEST(e.Arguments().at("database") == m.server.Name());
  }
  BOOST_TEST(Refusal([&] { asAdmin.Schedule().Job(); }) == "schedule.no_pg_cron");
  BOOST_TEST(Refusal([&] { asAdmin.Schedule().LastRuns(1); }) == "schedule.no_pg_cron");
  BOOST_TEST(m.server.Count("SELECT count(*) FROM pg_namespace WHERE nspname = 'cron'") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
