#pragma once
// The holiday calendar in the database (migration 0011): the years whose
// State Council notice is loaded and their exceptional dates, from which the
// database counts every statutory deadline. Center administrators load a
// year at a time; loading a year again replaces it whole (a corrected notice).
#include <map>
#include <string>
#include <vector>

#include "doudi/model/working_day_calendar.h"

namespace doudi::dal {

struct LoadedCalendarYear {
  int year = 0;
  int exceptions = 0;    // holidays and make-up working days on record
  std::string source;    // the file or notice it came from
  std::string loadedBy;
  std::string loadedAt;  // "YYYY-MM-DD HH:MM"
};

class HolidayCalendarStore {
 public:
  virtual ~HolidayCalendarStore() = default;

  // Replaces the years' exceptions, every year in one transaction. Returns
  // the rows loaded. Throws PermissionDenied for a caller who is not a
  // center administrator, RuleRefused (doudi:calendar.other_year) for a date
  // outside its year.
  virtual int LoadYears(const std::map<int, std::vector<model::CalendarException>>& years,
                        const std::string& source) = 0;
  // The loaded years, ascending.
  virtual std::vector<LoadedCalendarYear> Years() = 0;
  // The loaded calendar, for counting on the desk as the database does.
  virtual model::WorkingDayCalendar Load() = 0;
};

}  // namespace doudi::dal
