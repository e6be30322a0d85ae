// ScreeningSchedule over doudi.screening_schedule, doudi.screening_schedule_job
// and doudi.screening_schedule_runs (pg_cron's tables, read as the role that
// owns the job) and doudi.screening_run (what each run screened).
#include <soci/soci.h>

#include <cstdio>

#include "doudi/dal/screening_schedule.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

class PgScreeningSchedule final : public ScreeningSchedule {
 public:
  explicit PgScreeningSchedule(soci::session& sql) : m_sql(sql) {}

  std::string Set(BeijingTime at) override {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", at.hour, at.minute);
    const std::string time = text;
    try {
      std::string schedule;
      m_sql << "SELECT doudi.screening_schedule(CAST(:t AS time), false)", soci::use(time), soci::into(schedule);
      return schedule;
    } catch (...) {
      RethrowAsDatabaseError("scheduling the daily screening at " + time + " Beijing time");
    }
  }

  void Off() override {
    try {
      int ignored = 0;
      m_sql << "SELECT count(doudi.screening_schedule(NULL, true))::int", soci::into(ignored);
    } catch (...) {
      RethrowAsDatabaseError("turning the daily screening off");
    }
  }

  std::optional<ScreeningScheduleJob> Job() override {
    const auto jobs =
        ReadRows("reading the daily screening's schedule",
                 (m_sql.prepare << "SELECT job_id, cron_schedule, coalesce(extract(hour FROM beijing_time)::int, -1), "
                                   "coalesce(extract(minute FROM beijing_time)::int, -1), active::int "
                                   "FROM doudi.screening_schedule_job() ORDER BY job_id LIMIT 1"),
                 [](const soci::row& r) {
                   ScreeningScheduleJob job;
                   job.jobId = r.get<long long>(0);
                   job.cronSchedule = r.get<std::string>(1);
                   if (r.get<int>(2) >= 0) job.at = BeijingTime{r.get<int>(2), r.get<int>(3)};
                   job.active = r.get<int>(4) != 0;
                   return job;
                 });
    if (jobs.empty()) return std::nullopt;
    return jobs.front();
  }

  std::vector<ScheduledScreeningRun> LastRuns(int limit) override {
    // The screening a run did started inside the run (pg_cron stamps the
    // run's start before the job connects and its end after it finished).
    return ReadRows(
        "reading the daily screening's runs",
        (m_sql.prepare << "SELECT r.run_id, r.status, coalesce(r.message, ''), "
                          "coalesce(to_char(r.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), ''), "
                          "coalesce(to_char(r.finished_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), ''), "
                          "coalesce(s.id, 0), coalesce(s.raised, 0), coalesce(s.updated, 0), "
                          "coalesce(s.unchanged, 0), coalesce(s.reraised, 0) "
                          "FROM doudi.screening_schedule_runs(:n) AS r "
                          "LEFT JOIN LATERAL (SELECT s.id, s.raised, s.updated, s.unchanged, s.reraised "
                          "  FROM doudi.screening_run AS s WHERE s.trigger = 'schedule' "
                          "  AND s.started_at >= r.started_at AND s.started_at <= coalesce(r.finished_at, now()) "
                          "  ORDER BY s.id LIMIT 1) AS s ON true "
                          "ORDER BY r.run_id DESC",
         soci::use(limit)),
        [](const soci::row& r) {
          ScheduledScreeningRun run;
          run.runId = r.get<long long>(0);
          run.status = r.get<std::string>(1);
          run.message = r.get<std::string>(2);
          run.startedAt = r.get<std::string>(3);
          run.finishedAt = r.get<std::string>(4);
          if (const auto id = r.get<long long>(5); id != 0) run.screeningRunId = id;
          run.raised = r.get<int>(6);
          run.updated = r.get<int>(7);
          run.unchanged = r.get<int>(8);
          run.reraised = r.get<int>(9);
          return run;
        });
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<ScreeningSchedule> MakeScreeningSchedule(soci::session& sql) {
  return std::make_unique<PgScreeningSchedule>(sql);
}

}  // namespace doudi::dal::pg
