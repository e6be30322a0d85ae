#include "doudi/model/working_day_calendar.h"


#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <utility>

#include "doudi/model/iso_date.h"
#include "doudi/model/text.h"

namespace doudi::model {

static_assert(TableIsComplete(DayKind::MakeUpWorkday));
static_assert(TableIsComplete(DeadlineUnit::Months));
static_assert(TableIsComplete(DeadlineState::Overdue));

std::optional<DayKind> ParseDayKind(std::string_view text) {
  return ParseEnum<DayKind>(text);
}
std::optional<DeadlineUnit> ParseDeadlineUnit(std::string_view text) {
  return ParseEnum<DeadlineUnit>(text);
}

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

bool IsWeekend(sys_days day) {
  const std::chrono::weekday weekday{day};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

int YearOf(sys_days day) {
  return static_cast<int>(year_month_day{day}.year());
}

const char* WeekdayName(std::chrono::weekday weekday) {
  static constexpr const char* kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                           "Thursday", "Friday", "Saturday"};
  return kNames[weekday.c_encoding()];
}

sys_days CheckedDay(year_month_day date, const char* what) {
  if (!date.ok()) {
    throw std::invalid_argument(std::string("WorkingDayCalendar: ") + what + " is not a valid date");
  }
  return sys_days{date};
}

// Why an exception cannot be loaded, or empty when it can.
std::string ExceptionProblem(const CalendarException& exception) {
  if (exception.kind != DayKind::PublicHoliday && exception.kind != DayKind::MakeUpWorkday) {
    return "a calendar exception must be a public holiday or a make-up working day";
  }
  if (exception.kind == DayKind::MakeUpWorkday && !IsWeekend(sys_days{exception.date})) {
    return "make-up working day " + IsoDate(exception.date) + " is a " +
           WeekdayName(std::chrono::weekday{sys_days{exception.date}}) + ", not a Saturday or Sunday";
  }
  return {};
}

}  // namespace

void WorkingDayCalendar::AddYear(int year, std::vector<CalendarException> exceptions) {
  std::map<sys_days, CalendarException> byDay;
  for (CalendarException& exception : exceptions) {
    if (!exception.date.ok() || static_cast<int>(exception.date.year()) != year) {
      throw std::invalid_argument("WorkingDayCalendar::AddYear: an exception's date is not a valid date in " +
                                  std::to_string(year));
    }
    if (std::string problem = ExceptionProblem(exception); !problem.empty()) {
      throw std::invalid_argument("WorkingDayCalendar::AddYear: " + problem);
    }
    const sys_days day{exception.date};
    if (byDay.contains(day)) {
      throw std::invalid_argument("WorkingDayCalendar::AddYear: " + IsoDate(exception.date) + " is given twice");
    }
    byDay.emplace(day, std::move(exception));
  }
  m_years[year] = std::move(byDay);
}

void WorkingDayCalendar::AddYears(const std::map<int, std::vector<CalendarException>>& years) {
  // Check every year before loading any, so a bad year leaves the calendar as it was.
  WorkingDayCalendar checked;
  for (const auto& [year, exceptions] : years) {
    checked.AddYear(year, exceptions);
  }
  for (auto& [year, exceptions] : checked.m_years) {
    m_years[year] = std::move(exceptions);
  }
}

bool WorkingDayCalendar::KnowsYear(int year) const {
  return m_years.contains(year);
}

std::vector<int> WorkingDayCalendar::KnownYears() const {
  std::vector<int> years;
  years.reserve(m_years.size());
  for (const auto& entry : m_years) {
    years.push_back(entry.first);
  }
  return years;
}

std::optional<CalendarException> WorkingDayCalendar::ExceptionOn(year_month_day date) const {
  const sys_days day = CheckedDay(date, "the date");
  const auto year = m_years.find(static_cast<int>(date.year()));
  if (year == m_years.end()) {
    return std::nullopt;
  }
  const auto found = year->second.find(day);
  if (found == year->second.end()) {
    return std::nullopt;
  }
  return found->second;
}

DayKind WorkingDayCalendar::KindOf(year_month_day date) const {
  const sys_days day = CheckedDay(date, "the date");
  if (const auto year = m_years.find(static_cast<int>(date.year())); year != m_years.end()) {
    if (const auto found = year->second.find(day); found != year->second.end()) {
      return found->second.kind;
    }
  }
  return IsWeekend(day) ? DayKind::Weekend : DayKind::Workday;
}

bool WorkingDayCalendar::IsWorkingDay(year_month_day date) const {
  const DayKind kind = KindOf(date);
  return kind == DayKind::Workday || kind == DayKind::MakeUpWorkday;
}

WorkingDayCalendar::Deadline WorkingDayCalendar::Add(year_month_day start, int count, DeadlineUnit unit) const {
  const sys_days first = CheckedDay(start, "the start of a deadline");
  if (count < 0 || count > kMaxDeadlineCount) {
    throw std::invalid_argument("WorkingDayCalendar::Add: count " + std::to_string(count) + " is outside 0.." +
                                std::to_string(kMaxDeadlineCount));
  }
  switch (unit) {
    case DeadlineUnit::WorkingDays: {
      Deadline deadline{start, true};
      sys_days day = first;
      for (int counted = 0; counted < count;) {
        day += days{1};
        if (!KnowsYear(YearOf(day))) {
          deadline.certain = false;
        }
        if (IsWorkingDay(year_month_day{day})) {
          ++counted;
        }
      }
      deadline.date = year_month_day{day};
      return deadline;
    }
    case DeadlineUnit::CalendarDays:
      return {year_month_day{first + days{count}}, true};
    case DeadlineUnit::Months: {
      const std::chrono::year_month month =
          std::chrono::year_month{start.year(), start.month()} + std::chrono::months{count};
      const std::chrono::day lastDay = year_month_day{month / std::chrono::last}.day();
      return {year_month_day{month / std::min(start.day(), lastDay)}, true};
    }
  }
  throw std::invalid_argument("WorkingDayCalendar::Add: unknown deadline unit");
}

WorkingDayCalendar::WorkingDayCount WorkingDayCalendar::WorkingDaysBetween(year_month_day from,
                                                                           year_month_day to) const {
  const sys_days fromDay = CheckedDay(from, "the start of a span");
  const sys_days toDay = CheckedDay(to, "the end of a span");
  const bool backwards = toDay < fromDay;
  const sys_days after = backwards ? toDay : fromDay;
  const sys_days last = backwards ? fromDay : toDay;
  WorkingDayCount count;
  int knownYear = 0;
  bool haveKnownYear = false;
  for (sys_days day = after + days{1}; day <= last; day += days{1}) {
    const int year = YearOf(day);
    if (!haveKnownYear || year != knownYear) {
      if (!KnowsYear(year)) {
        count.certain = false;
      }
      knownYear = year;
      haveKnownYear = true;
    }
    if (IsWorkingDay(year_month_day{day})) {
      ++count.days;
    }
  }
  if (backwards) {
    count.days = -count.days;
  }
  return count;
}

namespace {

[[noreturn]] void FailAt(std::size_t line, const std::string& message) {
  throw std::invalid_argument("line " + std::to_string(line) + ": " + message);
}

// The fields of one CSV line: separated by commas, each optionally enclosed
// in double quotes with "" for a quote inside; unquoted fields are trimmed.
std::vector<std::string> SplitCsvLine(std::string_view line, std::size_t lineNumber) {
  std::vector<std::string> fields;
  std::size_t pos = 0;
  while (true) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) {
      ++pos;
    }
    std::string field;
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      while (true) {
        if (pos >= line.size()) {
          FailAt(lineNumber, "a quoted field is not closed (a field cannot span lines)");
        }
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            field += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        field += line[pos++];
      }
      while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) {
        ++pos;
      }
      if (pos < line.size() && line[pos] != ',') {
        FailAt(lineNumber, "text after a closing quote");
      }
    } else {
      const std::size_t comma = std::min(line.find(',', pos), line.size());
      field = std::string(TrimAsciiWhitespace(line.substr(pos, comma - pos)));
      pos = comma;
    }
    fields.push_back(std::move(field));
    if (pos >= line.size()) {
      return fields;
    }
    ++pos;  // the comma
  }
}

// The header names, English and Chinese, in their fixed order.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kHeader{{
    {"date", "日期"},
    {"kind", "类型"},
    {"holiday", "节日"},
}};

bool IsHeader(const std::vector<std::string>& fields) {
  if (fields.size() != kHeader.size()) {
    return false;
  }
  for (std::size_t i = 0; i < kHeader.size(); ++i) {
    if (!EqualsIgnoringAsciiCase(fields[i], kHeader[i].first) && fields[i] != kHeader[i].second) {
      return false;
    }
  }
  return true;
}

std::optional<DayKind> ParseExceptionKind(std::string_view text) {
  if (EqualsIgnoringAsciiCase(text, "off") || text == "放假") {
    return DayKind::PublicHoliday;
  }
  if (EqualsIgnoringAsciiCase(text, "work") || text == "上班") {
    return DayKind::MakeUpWorkday;
  }
  return std::nullopt;
}

}  // namespace

std::map<int, std::vector<CalendarException>> ParseHolidayCsv(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) {
    text.remove_prefix(kBom.size());
  }
  std::map<int, std::vector<CalendarException>> years;
  std::map<sys_days, std::size_t> lineOfDay;
  bool headerSeen = false;
  std::size_t lineNumber = 0;
  while (!text.empty()) {
    ++lineNumber;
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (!headerSeen) {
      if (!IsHeader(SplitCsvLine(line, lineNumber))) {
        FailAt(lineNumber, "the header must be date,kind,holiday (or 日期,类型,节日)");
      }
      headerSeen = true;
      continue;
    }
    if (TrimAsciiWhitespace(line).empty()) {
      continue;
    }
    const std::vector<std::string> fields = SplitCsvLine(line, lineNumber);
    if (fields.size() != kHeader.size()) {
      FailAt(lineNumber, "expected 3 fields (date,kind,holiday), found " + std::to_string(fields.size()));
    }
    const std::optional<year_month_day> date = ParseIsoDate(fields[0]);
    if (!date) {
      FailAt(lineNumber, "'" + fields[0] + "' is not a date written YYYY-MM-DD");
    }
    const std::optional<DayKind> kind = ParseExceptionKind(fields[1]);
    if (!kind) {
      FailAt(lineNumber, "unknown kind '" + fields[1] + "' (expected off/放假 or work/上班)");
    }
    if (fields[2].empty()) {
      FailAt(lineNumber, "the holiday name is empty");
    }
    CalendarException exception{*date, *kind, fields[2]};
    if (std::string problem = ExceptionProblem(exception); !problem.empty()) {
      FailAt(lineNumber, problem);
    }
    const auto [previous, inserted] = lineOfDay.emplace(sys_days{*date}, lineNumber);
    if (!inserted) {
      FailAt(lineNumber, IsoDate(*date) + " is already given on line " + std::to_string(previous->second));
    }
    years[static_cast<int>(date->year())].push_back(std::move(exception));
  }
  if (!headerSeen) {
    FailAt(1, "the file is empty (expected the header date,kind,holiday)");
  }
  return years;
}

DeadlineState StateOf(const WorkingDayCalendar& calendar, year_month_day deadline, year_month_day today, int soonDays) {
  if (soonDays < 0) {
    throw std::invalid_argument("StateOf: soonDays must not be negative");
  }
  if (!deadline.ok() || !today.ok()) {
    throw std::invalid_argument("StateOf: the deadline or today is not a valid date");
  }
  if (sys_days{today} > sys_days{deadline}) {
    return DeadlineState::Overdue;
  }
  return calendar.WorkingDaysBetween(today, deadline).days <= soonDays ? DeadlineState::DueSoon : DeadlineState::OnTime;
}

}  // namespace doudi::model
