#pragma once
// The daily screening inside the server: the pg_cron job that runs every
// screening rule over every region at a time of day, and what its runs did
// (docs/deployment.md section 5). A center administrator or the superuser
// sets it; the database checks both (doudi.screening_schedule). Refusals:
// RuleRefused doudi:schedule.no_pg_cron when pg_cron is not set up in the
// database, doudi:schedule.bad_time for a time that is not a whole minute.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doudi::dal {

// A time of day in Beijing time, to the minute.
struct BeijingTime {
  int hour = 0;    // 0-23
  int minute = 0;  // 0-59
  bool operator==(const BeijingTime&) const = default;
};

// The pg_cron job.
struct ScreeningScheduleJob {
  std::int64_t jobId = 0;
  std::string cronSchedule;       // as pg_cron keeps it, in GMT: "30 18 * * *"
  std::optional<BeijingTime> at;  // none when the schedule is not a daily time Doudi wrote
  bool active = true;
};

// One run of the job, and the screening it did when it ran.
struct ScheduledScreeningRun {
  std::int64_t runId = 0;
  std::string status;                          // pg_cron's: starting, running, sending, connecting, succeeded, failed
  std::string message;                         // the command's result or the server's error
  std::string startedAt;                       // YYYY-MM-DD HH:MM:SS, Beijing time
  std::string finishedAt;                      // likewise; empty while running
  std::optional<std::int64_t> screeningRunId;  // its doudi.screening_run, when the screening got that far
  int raised = 0;
  int updated = 0;
  int unchanged = 0;
  int reraised = 0;
};

class ScreeningSchedule {
 public:
  virtual ~ScreeningSchedule() = default;
  // Runs the screening every day at the time (replacing the time set
  // before); returns the job's cron schedule in GMT.
  virtual std::string Set(BeijingTime at) = 0;
  // No scheduled screening any more (nothing happens when there was none).
  virtual void Off() = 0;
  // The job, none when the screening is not scheduled.
  virtual std::optional<ScreeningScheduleJob> Job() = 0;
  // The last runs, newest first, those of an earlier time too.
  virtual std::vector<ScheduledScreeningRun> LastRuns(int limit) = 0;
};

}  // namespace doudi::dal
