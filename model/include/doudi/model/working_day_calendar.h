#pragma once
// The statutory clock (DOMAIN.md "Working-day clock"): which days are Chinese
// working days, and when a deadline of so many working days, calendar days or
// months falls due. Holidays and make-up working days (调休上班) are data, one
// exception per date, loaded a year at a time from the State Council's notice
// (docs/calendar.md, assets/calendar/cn-public-holidays.csv). A year whose
// notice is not loaded is counted on weekdays alone and every result that
// depends on it says so (certain == false), so a deadline is never silently
// wrong: the screens flag it until the administrator loads the year.
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/model/domain_enum.h"

namespace doudi::model {

enum class DayKind {
  Workday,        // Monday to Friday, not a holiday
  Weekend,        // Saturday or Sunday, not a make-up working day
  PublicHoliday,  // a day off of a holiday period (放假), weekends inside it included
  MakeUpWorkday,  // a Saturday or Sunday worked to make up for a holiday (调休上班)
};

// The unit every deadline parameter names: most statutory limits are working
// days, the public notice (公示) is calendar days, reviews and validity months.
enum class DeadlineUnit { WorkingDays, CalendarDays, Months };

template <>
struct EnumTraits<DayKind> {
  static constexpr std::array<EnumText<DayKind>, 4> kTexts{{
      {DayKind::Workday, "workday", "工作日"},
      {DayKind::Weekend, "weekend", "周末"},
      {DayKind::PublicHoliday, "public_holiday", "节假日"},
      {DayKind::MakeUpWorkday, "make_up_workday", "调休上班日"},
  }};
};

template <>
struct EnumTraits<DeadlineUnit> {
  static constexpr std::array<EnumText<DeadlineUnit>, 3> kTexts{{
      {DeadlineUnit::WorkingDays, "working_days", "工作日"},
      {DeadlineUnit::CalendarDays, "calendar_days", "自然日"},
      {DeadlineUnit::Months, "months", "个月"},
  }};
};

std::optional<DayKind> ParseDayKind(std::string_view text);
// By code ("working_days", ASCII case ignored) or Chinese label ("工作日");
// nullopt for anything else.
std::optional<DeadlineUnit> ParseDeadlineUnit(std::string_view text);

// One date that differs from the Monday-to-Friday week: a holiday
// (PublicHoliday) or a make-up working day (MakeUpWorkday). name is the
// holiday it belongs to as the notice writes it ("春节", "国庆节、中秋节").
struct CalendarException {
  std::chrono::year_month_day date;
  DayKind kind = DayKind::PublicHoliday;
  std::string name;
  friend bool operator==(const CalendarException&, const CalendarException&) = default;
};

// The largest count Add accepts. Statutory limits are a few dozen days or
// months; anything near this is a misconfigured parameter, and the bound keeps
// the day-by-day count short and the month arithmetic inside std::chrono::year.
inline constexpr int kMaxDeadlineCount = 3660;

class WorkingDayCalendar {
 public:
  // A deadline and whether the calendar could vouch for it. certain is false
  // when a day the count depends on lies in a year whose notice is not loaded;
  // date is then the best guess counted on weekdays alone for those days.
  struct Deadline {
    std::chrono::year_month_day date;
    bool certain = true;
    friend bool operator==(const Deadline&, const Deadline&) = default;
  };

  // A number of working days, with certainty as for Deadline.
  struct WorkingDayCount {
    int days = 0;
    bool certain = true;
    friend bool operator==(const WorkingDayCount&, const WorkingDayCount&) = default;
  };

  // Loads the notice for year: its holidays and make-up working days. The year
  // is "known" from then on, even with no exceptions at all. Loading a year
  // again replaces its exceptions (a corrected notice). Throws
  // std::invalid_argument, leaving the calendar unchanged, for an exception
  // whose date is not a valid date in year, whose kind is neither
  // PublicHoliday nor MakeUpWorkday, a make-up working day that is not a
  // Saturday or Sunday, or a date given twice.
  void AddYear(int year, std::vector<CalendarException> exceptions);

  // Loads every year of a ParseHolidayCsv result (each as AddYear).
  void AddYears(const std::map<int, std::vector<CalendarException>>& years);

  // True once the year's notice is loaded.
  bool KnowsYear(int year) const;
  bool KnowsYear(std::chrono::year year) const { return KnowsYear(static_cast<int>(year)); }
  // The loaded years in ascending order.
  std::vector<int> KnownYears() const;

  // The kind of date: the loaded exception, else Workday or Weekend by the day
  // of the week (which is all there is for a year that is not known). Throws
  // std::invalid_argument for an invalid date (!date.ok()).
  DayKind KindOf(std::chrono::year_month_day date) const;
  // True for Workday and MakeUpWorkday. Throws as KindOf.
  bool IsWorkingDay(std::chrono::year_month_day date) const;
  // The loaded exception on date; nullopt for an ordinary day or an unknown year.
  std::optional<CalendarException> ExceptionOn(std::chrono::year_month_day date) const;

  // The deadline count units after start. The day of the triggering event does
  // not count:
  //  - WorkingDays: the count-th working day after start (start itself for
  //    count 0). Uncertain when any day after start up to the deadline lies in
  //    an unknown year.
  //  - CalendarDays: start + count days, whatever kind the days are.
  //  - Months: the same day of the month count months later, clamped to the
  //    end of a shorter month (30 November + 3 months = 28 or 29 February).
  // Calendar days and months do not depend on holidays, so they are always
  // certain. Throws std::invalid_argument for an invalid start or a count
  // outside 0..kMaxDeadlineCount.
  Deadline Add(std::chrono::year_month_day start, int count, DeadlineUnit unit) const;

  // The working days after from up to and including to; negative (minus the
  // working days after to up to and including from) when to is before from,
  // 0 when they are equal. Uncertain when any day in that span lies in an
  // unknown year. Throws std::invalid_argument for an invalid date.
  WorkingDayCount WorkingDaysBetween(std::chrono::year_month_day from, std::chrono::year_month_day to) const;

 private:
  std::map<int, std::map<std::chrono::sys_days, CalendarException>> m_years;
};

// Reads the holiday calendar file (docs/calendar.md): UTF-8 CSV, an optional
// byte-order mark, LF or CRLF line ends, a header line "date,kind,holiday"
// (or "日期,类型,节日"), then one row per date: YYYY-MM-DD, "off" / "放假"
// (PublicHoliday) or "work" / "上班" (MakeUpWorkday), and the holiday's name.
// Fields may be double-quoted as spreadsheets write them; empty lines are
// skipped. Returns the exceptions grouped by the year of their date, in file
// order. Throws std::invalid_argument whose message starts with "line N: " (N
// the 1-based line, the header being line 1) for a missing or wrong header, a
// wrong number of fields, an invalid date, an unknown kind, a make-up working
// day that is not a Saturday or Sunday, an empty name, or a date given twice
// (naming the earlier line too).
std::map<int, std::vector<CalendarException>> ParseHolidayCsv(std::string_view text);

enum class DeadlineState {
  OnTime,   // more than soonDays working days left
  DueSoon,  // today is the deadline, or at most soonDays working days remain
  Overdue,  // today is after the deadline
};

template <>
struct EnumTraits<DeadlineState> {
  static constexpr std::array<EnumText<DeadlineState>, 3> kTexts{{
      {DeadlineState::OnTime, "on_time", "未到期"},
      {DeadlineState::DueSoon, "due_soon", "即将到期"},
      {DeadlineState::Overdue, "overdue", "已超期"},
  }};
};


// Where a deadline stands today: Overdue once today is after it (the deadline
// day itself is still on time); DueSoon when the working days after today up
// to the deadline are at most soonDays (so a deadline behind a week of holiday
// turns due soon as the holiday starts, and one on a weekend or holiday with
// no working day left before it is due soon); otherwise OnTime. Throws
// std::invalid_argument for an invalid date or a negative soonDays.
DeadlineState StateOf(const WorkingDayCalendar& calendar, std::chrono::year_month_day deadline,
                      std::chrono::year_month_day today, int soonDays);

}  // namespace doudi::model
