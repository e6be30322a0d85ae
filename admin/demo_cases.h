#pragma once
// Demo cases for the demo households (assets/demo): in every state of the
// workflow in each of the three places, over the programs, with active
// recipients paid for the current month and the twelve before it, so every
// screen and document has something real to show. Built through the real case
// functions with the demo clock (PgDatabase::SetDemoClock), so the database
// checks every step as it would a desk's.
#include <chrono>
#include <iosfwd>

#include "doudi/dal/pg/pg_database.h"

namespace doudi::admin {

// Makes the demo cases on or before today and writes one line saying what it
// made to log. Needs the set-up superuser (only it may set the demo clock)
// and the demo households imported. Does nothing (says so, returns 0) when a
// demo household already has a case, so demo-data may run again. Returns the
// number of cases made. Adds parameter rows dated early enough for the
// backdated steps where the demo places' parameters start later. Throws
// DatabaseError when the database refuses a step.
int MakeDemoCases(dal::pg::PgDatabase& db, std::chrono::year_month_day today, std::ostream& log);

}  // namespace doudi::admin
