#pragma once
// The demo's joint loop (docs/joint-loop.md) in Sanmen, where the demo users
// work: two households on 低保 referred to departments (answered with
// feedback, declined with the reason, accepted and overdue past escalation,
// sent and not yet due), help records from a charity fund and an
// enterprise, a fund top-up, and a household paired with an enterprise and
// a social worker who visited. Built through the real functions with the
// demo clock, like the demo cases, so every screen of the loop has
// something to show.
#include <chrono>
#include <iosfwd>

#include "doudi/dal/pg/pg_database.h"

namespace doudi::admin {

// Makes it after MakeDemoCases (it needs Sanmen's 低保 cases in payment and
// the Sanmen charity fund), with the set-up superuser. Does nothing (says
// so, returns 0) when it is already there. Returns the referrals sent.
int MakeDemoJointLoop(dal::pg::PgDatabase& db, std::chrono::year_month_day today, std::ostream& log);

}  // namespace doudi::admin
