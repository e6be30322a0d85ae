// doudi-admin screen schedule: the daily screening inside the server, a
// pg_cron job set in Beijing time (docs/deployment.md section 5). The
// database converts the time, owns the job and decides who may set it
// (doudi.screening_schedule); this side reads HH:MM and shows the job and
// its last runs.
#include <cstdio>
#include <optional>
#include <regex>
#include <stdexcept>

#include "commands.h"

namespace doudi::admin {
namespace {

constexpr int kRunsShown = 10;

// "2:30" or "02:30", 00:00 to 23:59.
std::optional<dal::BeijingTime> ParseBeijingTime(const std::string& text) {
  static const std::regex kTime("^([01]?[0-9]|2[0-3]):([0-5][0-9])$");
  std::smatch m;
  if (!std::regex_match(text, m, kTime)) return std::nullopt;
  return dal::BeijingTime{std::stoi(m[1].str()), std::stoi(m[2].str())};
}

std::string HourMinute(const dal::BeijingTime& t) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", t.hour, t.minute);
  return text;
}

void ShowRuns(CommandContext& ctx, const std::vector<dal::ScheduledScreeningRun>& runs) {
  if (runs.empty()) {
    ctx.out << Tr("no scheduled screening has run yet") << "\n";
    return;
  }
  ctx.out << TrFormat("last {1} runs (Beijing time):", {std::to_string(runs.size())}) << "\n";
  for (const auto& r : runs) {
    ctx.out << "  " << r.startedAt << "  " << r.status;
    if (r.screeningRunId) {
      ctx.out << "  "
              << TrFormat("screening {1}: {2} raised, {3} updated, {4} unchanged, {5} raised again",
                          {std::to_string(*r.screeningRunId), std::to_string(r.raised), std::to_string(r.updated),
                           std::to_string(r.unchanged), std::to_string(r.reraised)});
    } else if (!r.message.empty()) {
      ctx.out << "  " << r.message;
    }
    ctx.out << "\n";
  }
}

int ScreenSchedule(CommandContext& ctx) {
  const auto at = ctx.Option("at");
  if (at && ctx.Has("off")) throw std::invalid_argument(Tr("give either --at HH:MM or --off, not both"));
  std::optional<dal::BeijingTime> time;
  if (at) {
    time = ParseBeijingTime(*at);
    if (!time) {
      throw std::invalid_argument(TrFormat("--at takes a time of day in Beijing time as HH:MM, not '{1}'", {*at}));
    }
  }
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  auto& schedule = db->Schedule();
  if (time) {
    const std::string cron = schedule.Set(*time);
    ctx.out << TrFormat("the screening now runs every day at {1} Beijing time (pg_cron schedule '{2}', in GMT)",
                        {HourMinute(*time), cron})
            << "\n";
    return kExitOk;
  }
  if (ctx.Has("off")) {
    schedule.Off();
    ctx.out << Tr("the screening is no longer scheduled") << "\n";
    return kExitOk;
  }
  if (const auto job = schedule.Job()) {
    ctx.out << (job->at ? TrFormat("the screening runs every day at {1} Beijing time (pg_cron job {2}, schedule '{3}' "
                                   "in GMT)",
                                   {HourMinute(*job->at), std::to_string(job->jobId), job->cronSchedule})
                        : TrFormat("the screening runs on pg_cron schedule '{1}' (GMT; job {2}), set outside Doudi",
                                   {job->cronSchedule, std::to_string(job->jobId)}));
    if (!job->active) ctx.out << " " << Tr("but the job is inactive");
    ctx.out << "\n";
  } else {
    ctx.out << Tr("the screening is not scheduled (screen schedule --at HH:MM sets it)") << "\n";
  }
  ShowRuns(ctx, schedule.LastRuns(kRunsShown));
  return kExitOk;
}

}  // namespace

std::vector<Command> ScheduleCommands() {
  return {
      {{"screen", "schedule"},
       "screen schedule [--at HH:MM | --off]",
       "run the screening every day inside the server, or show when it runs",
       "With --at HH:MM: the screening rules run every day at that time, Beijing time, inside PostgreSQL (pg_cron; "
       "docs/deployment.md), over every region, replacing the time set before. With --off: no scheduled screening. "
       "Alone: when it runs and what its last runs did. Needs pg_cron set up in the database by the superuser. "
       "Center administrators.",
       {"at", "off"},
       0,
       ScreenSchedule},
  };
}

}  // namespace doudi::admin
