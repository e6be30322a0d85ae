#include "doudi/model/working_day_calendar.h"
#include "doudi/model/iso_date.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using namespace doudi::model;
using std::chrono::year_month_day;

namespace {

// Dates are written and compared as YYYY-MM-DD text, parsed and printed here
// rather than by the code under test.
year_month_day D(std::string_view iso) {
  BOOST_TEST_REQUIRE(iso.size() == 10u);
  const auto number = [&](std::size_t pos, std::size_t length) {
    return std::stoi(std::string(iso.substr(pos, length)));
  };
  const year_month_day date{std::chrono::year{number(0, 4)}, std::chrono::month{static_cast<unsigned>(number(5, 2))},
                            std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  BOOST_TEST_REQUIRE(date.ok(), "not a date: " << iso);
  return date;
}

std::string Iso(year_month_day date) {
  std::ostringstream out;
  out << static_cast<int>(date.year()) << '-' << (static_cast<unsigned>(date.month()) < 10 ? "0" : "")
      << static_cast<unsigned>(date.month()) << '-' << (static_cast<unsigned>(date.day()) < 10 ? "0" : "")
      << static_cast<unsigned>(date.day());
  return out.str();
}

// The State Council General Office's notices, transcribed by hand from their
// text: each holiday period ("X月X日至X日放假调休，共N天") and each make-up
// working day ("X月X日（周日）上班").
struct NoticePeriod {
  const char* first;
  const char* last;
  int days;  // the notice's 共N天, to check the transcription
  const char* name;
};
struct NoticeWorkday {
  const char* date;
  const char* name;
};

// 国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12).
constexpr NoticePeriod kOff2025[] = {
    {"2025-01-01", "2025-01-01", 1, "元旦"},   {"2025-01-28", "2025-02-04", 8, "春节"},
    {"2025-04-04", "2025-04-06", 3, "清明节"}, {"2025-05-01", "2025-05-05", 5, "劳动节"},
    {"2025-05-31", "2025-06-02", 3, "端午节"}, {"2025-10-01", "2025-10-08", 8, "国庆节、中秋节"},
};
constexpr NoticeWorkday kWork2025[] = {
    {"2025-01-26", "春节"},           {"2025-02-08", "春节"},           {"2025-04-27", "劳动节"},
    {"2025-09-28", "国庆节、中秋节"}, {"2025-10-11", "国庆节、中秋节"},
};
// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
constexpr NoticePeriod kOff2026[] = {
    {"2026-01-01", "2026-01-03", 3, "元旦"},   {"2026-02-15", "2026-02-23", 9, "春节"},
    {"2026-04-04", "2026-04-06", 3, "清明节"}, {"2026-05-01", "2026-05-05", 5, "劳动节"},
    {"2026-06-19", "2026-06-21", 3, "端午节"}, {"2026-09-25", "2026-09-27", 3, "中秋节"},
    {"2026-10-01", "2026-10-07", 7, "国庆节"},
};
constexpr NoticeWorkday kWork2026[] = {
    {"2026-01-04", "元旦"},   {"2026-02-14", "春节"},   {"2026-02-28", "春节"},
    {"2026-05-09", "劳动节"}, {"2026-09-20", "国庆节"}, {"2026-10-10", "国庆节"},
};

template <std::size_t NOff, std::size_t NWork>
std::vector<CalendarException> Expand(const NoticePeriod (&off)[NOff], const NoticeWorkday (&work)[NWork]) {
  std::vector<CalendarException> exceptions;
  for (const NoticePeriod& period : off) {
    int days = 0;
    for (auto day = std::chrono::sys_days{D(period.first)}; day <= std::chrono::sys_days{D(period.last)};
         day += std::chrono::days{1}) {
      exceptions.push_back({year_month_day{day}, DayKind::PublicHoliday, period.name});
      ++days;
    }
    BOOST_TEST_REQUIRE(days == period.days, "transcription of " << period.name << " from " << period.first);
  }
  for (const NoticeWorkday& workday : work) {
    exceptions.push_back({D(workday.date), DayKind::MakeUpWorkday, workday.name});
  }
  return exceptions;
}

// 2025 and 2026 as the notices give them; 2024 and 2027 are not loaded.
WorkingDayCalendar NoticeCalendar() {
  WorkingDayCalendar calendar;
  calendar.AddYear(2025, Expand(kOff2025, kWork2025));
  calendar.AddYear(2026, Expand(kOff2026, kWork2026));
  return calendar;
}

std::string Kind(const WorkingDayCalendar& calendar, std::string_view iso) {
  return std::string(ToCode(calendar.KindOf(D(iso))));
}

std::string Due(const WorkingDayCalendar& calendar, std::string_view start, int count, DeadlineUnit unit) {
  return Iso(calendar.Add(D(start), count, unit).date);
}

bool Certain(const WorkingDayCalendar& calendar, std::string_view start, int count, DeadlineUnit unit) {
  return calendar.Add(D(start), count, unit).certain;
}

std::string State(const WorkingDayCalendar& calendar, std::string_view deadline, std::string_view today, int soonDays) {
  return std::string(ToCode(StateOf(calendar, D(deadline), D(today), soonDays)));
}

std::vector<std::string> Lines(const std::vector<CalendarException>& exceptions) {
  std::vector<std::string> lines;
  lines.reserve(exceptions.size());
  for (const CalendarException& exception : exceptions) {
    lines.push_back(Iso(exception.date) + " " + std::string(ToCode(exception.kind)) + " " + exception.name);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// The message ParseHolidayCsv throws for text; empty when it accepts the text.
std::string ParseError(std::string_view text) {
  try {
    ParseHolidayCsv(text);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return {};
}

bool StartsWith(const std::string& text, std::string_view prefix) {
  return text.starts_with(prefix);
}

// The shipped calendar (tests/CMakeLists.txt names it).
std::string ShippedCsv() {
  const std::filesystem::path file = DOUDI_SHIPPED_CALENDAR;
  std::ifstream in(file, std::ios::binary);
  BOOST_TEST_REQUIRE(in.is_open(), "cannot open " << file.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

constexpr auto kWorking = DeadlineUnit::WorkingDays;
constexpr auto kCalendar = DeadlineUnit::CalendarDays;
constexpr auto kMonths = DeadlineUnit::Months;

}  // namespace

BOOST_AUTO_TEST_SUITE(working_day_kinds)

BOOST_AUTO_TEST_CASE(spring_festival_2025_with_its_make_up_sunday_and_saturday) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_TEST(Kind(calendar, "2025-01-24") == "workday");          // Friday
  BOOST_TEST(Kind(calendar, "2025-01-25") == "weekend");          // Saturday
  BOOST_TEST(Kind(calendar, "2025-01-26") == "make_up_workday");  // Sunday worked
  BOOST_TEST(Kind(calendar, "2025-01-27") == "workday");          // Monday
  BOOST_TEST(Kind(calendar, "2025-01-28") == "public_holiday");   // 除夕, Tuesday
  BOOST_TEST(Kind(calendar, "2025-02-01") == "public_holiday");   // Saturday inside the holiday
  BOOST_TEST(Kind(calendar, "2025-02-04") == "public_holiday");   // 初七, Tuesday
  BOOST_TEST(Kind(calendar, "2025-02-05") == "workday");
  BOOST_TEST(Kind(calendar, "2025-02-08") == "make_up_workday");  // Saturday worked
  BOOST_TEST(Kind(calendar, "2025-02-09") == "weekend");
  BOOST_TEST(calendar.IsWorkingDay(D("2025-01-26")));
  BOOST_TEST(!calendar.IsWorkingDay(D("2025-01-28")));
  BOOST_TEST(!calendar.IsWorkingDay(D("2025-01-25")));
  BOOST_TEST(calendar.IsWorkingDay(D("2025-02-05")));
}

BOOST_AUTO_TEST_CASE(spring_festival_2026_with_two_make_up_saturdays) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_TEST(Kind(calendar, "2026-02-13") == "workday");          // Friday
  BOOST_TEST(Kind(calendar, "2026-02-14") == "make_up_workday");  // Saturday worked
  BOOST_TEST(Kind(calendar, "2026-02-15") == "public_holiday");   // Sunday, first day off
  BOOST_TEST(Kind(calendar, "2026-02-16") == "public_holiday");   // Monday
  BOOST_TEST(Kind(calendar, "2026-02-21") == "public_holiday");   // Saturday inside
  BOOST_TEST(Kind(calendar, "2026-02-23") == "public_holiday");   // Monday, last day off
  BOOST_TEST(Kind(calendar, "2026-02-24") == "workday");
  BOOST_TEST(Kind(calendar, "2026-02-28") == "make_up_workday");  // Saturday worked
  BOOST_TEST(Kind(calendar, "2026-03-01") == "weekend");
}

BOOST_AUTO_TEST_CASE(national_day_2025_with_its_make_up_sunday_and_saturday) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_TEST(Kind(calendar, "2025-09-27") == "weekend");          // Saturday
  BOOST_TEST(Kind(calendar, "2025-09-28") == "make_up_workday");  // Sunday worked
  BOOST_TEST(Kind(calendar, "2025-09-30") == "workday");
  BOOST_TEST(Kind(calendar, "2025-10-01") == "public_holiday");
  BOOST_TEST(Kind(calendar, "2025-10-04") == "public_holiday");  // Saturday inside
  BOOST_TEST(Kind(calendar, "2025-10-08") == "public_holiday");  // Wednesday, last day off
  BOOST_TEST(Kind(calendar, "2025-10-09") == "workday");
  BOOST_TEST(Kind(calendar, "2025-10-11") == "make_up_workday");  // Saturday worked
  BOOST_TEST(Kind(calendar, "2025-10-12") == "weekend");
  const auto exception = calendar.ExceptionOn(D("2025-10-06"));
  BOOST_TEST_REQUIRE(exception.has_value());
  BOOST_TEST(exception->name == "国庆节、中秋节");
  BOOST_TEST(!calendar.ExceptionOn(D("2025-10-09")).has_value());
}

BOOST_AUTO_TEST_CASE(a_year_without_its_notice_has_weekdays_and_weekends_only) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_TEST(calendar.KnowsYear(2025));
  BOOST_TEST(calendar.KnowsYear(2026));
  BOOST_TEST(!calendar.KnowsYear(2024));
  BOOST_TEST(!calendar.KnowsYear(2027));
  BOOST_TEST(calendar.KnownYears() == (std::vector<int>{2025, 2026}), boost::test_tools::per_element());
  BOOST_TEST(Kind(calendar, "2027-01-01") == "workday");  // New Year's Day, but no 2027 notice yet
  BOOST_TEST(Kind(calendar, "2027-01-02") == "weekend");
  BOOST_TEST(!calendar.ExceptionOn(D("2027-01-01")).has_value());
}

BOOST_AUTO_TEST_CASE(a_year_loaded_with_no_exceptions_is_known) {
  WorkingDayCalendar calendar;
  calendar.AddYear(2030, {});
  BOOST_TEST(calendar.KnowsYear(2030));
  BOOST_TEST(calendar.Add(D("2030-01-04"), 1, kWorking).certain);
}

BOOST_AUTO_TEST_CASE(loading_a_year_again_replaces_it) {
  WorkingDayCalendar calendar = NoticeCalendar();
  calendar.AddYear(2025, {{D("2025-01-02"), DayKind::PublicHoliday, "测试"}});
  BOOST_TEST(Kind(calendar, "2025-01-01") == "workday");
  BOOST_TEST(Kind(calendar, "2025-01-02") == "public_holiday");
  BOOST_TEST(Kind(calendar, "2026-01-01") == "public_holiday");
}

BOOST_AUTO_TEST_CASE(a_bad_year_is_refused_and_leaves_the_calendar_unchanged) {
  WorkingDayCalendar calendar = NoticeCalendar();
  // A date of another year.
  BOOST_CHECK_THROW(calendar.AddYear(2027, {{D("2026-12-31"), DayKind::PublicHoliday, "元旦"}}), std::invalid_argument);
  // An exception must be a holiday or a make-up working day.
  BOOST_CHECK_THROW(calendar.AddYear(2027, {{D("2027-01-04"), DayKind::Workday, "x"}}), std::invalid_argument);
  BOOST_CHECK_THROW(calendar.AddYear(2027, {{D("2027-01-02"), DayKind::Weekend, "x"}}), std::invalid_argument);
  // A make-up working day on a Monday.
  BOOST_CHECK_THROW(calendar.AddYear(2027, {{D("2027-01-04"), DayKind::MakeUpWorkday, "x"}}), std::invalid_argument);
  // The same date twice.
  BOOST_CHECK_THROW(calendar.AddYear(2027, {{D("2027-01-01"), DayKind::PublicHoliday, "元旦"},
                                            {D("2027-01-01"), DayKind::PublicHoliday, "元旦"}}),
                    std::invalid_argument);
  BOOST_TEST(!calendar.KnowsYear(2027));
  // A corrected 2025 that fails leaves the loaded 2025 in place.
  BOOST_CHECK_THROW(calendar.AddYear(2025, {{D("2025-01-27"), DayKind::MakeUpWorkday, "春节"}}), std::invalid_argument);
  BOOST_TEST(Kind(calendar, "2025-01-28") == "public_holiday");
  // AddYears loads nothing when one year is bad.
  std::map<int, std::vector<CalendarException>> years;
  years[2027] = {{D("2027-01-01"), DayKind::PublicHoliday, "元旦"}};
  years[2028] = {{D("2028-01-03"), DayKind::MakeUpWorkday, "x"}};  // a Monday
  BOOST_CHECK_THROW(calendar.AddYears(years), std::invalid_argument);
  BOOST_TEST(!calendar.KnowsYear(2027));
  BOOST_TEST(!calendar.KnowsYear(2028));
}

BOOST_AUTO_TEST_CASE(invalid_dates_are_refused) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  const year_month_day feb30{std::chrono::year{2025}, std::chrono::February, std::chrono::day{30}};
  BOOST_CHECK_THROW(calendar.KindOf(feb30), std::invalid_argument);
  BOOST_CHECK_THROW(calendar.Add(feb30, 3, kWorking), std::invalid_argument);
  BOOST_CHECK_THROW(calendar.WorkingDaysBetween(D("2025-02-01"), feb30), std::invalid_argument);
  BOOST_CHECK_THROW(StateOf(calendar, feb30, D("2025-02-01"), 2), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(working_day_deadlines)

BOOST_AUTO_TEST_CASE(three_working_days_across_spring_festival_2025) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  // Accepted Friday 24 January: Sunday 26 (make-up), Monday 27, then the
  // holiday until 4 February, so the survey must start by Wednesday 5 February.
  BOOST_TEST(Due(calendar, "2025-01-24", 3, kWorking) == "2025-02-05");
  // Accepted Monday 27 January, the last day before the holiday: 5, 6, 7 February.
  BOOST_TEST(Due(calendar, "2025-01-27", 3, kWorking) == "2025-02-07");
  BOOST_TEST(Certain(calendar, "2025-01-27", 3, kWorking));
}

BOOST_AUTO_TEST_CASE(ten_working_days_across_spring_festival_2025) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  // 5, 6, 7, 8 (Saturday, make-up), 10, 11, 12, 13, 14, 17 February.
  // Weekdays alone would have given 10 February.
  BOOST_TEST(Due(calendar, "2025-01-27", 10, kWorking) == "2025-02-17");
}

BOOST_AUTO_TEST_CASE(working_days_across_spring_festival_2026) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  // From Friday 13 February: Saturday 14 (make-up), then the holiday 15-23, 24, 25.
  BOOST_TEST(Due(calendar, "2026-02-13", 3, kWorking) == "2026-02-25");
  // From Thursday 12 February: 13, 14 (Sat), 24, 25, 26, 27, 28 (Sat), 2, 3, 4 March.
  BOOST_TEST(Due(calendar, "2026-02-12", 10, kWorking) == "2026-03-04");
  // 20 working days (township-confirmed 低保) from Monday 2 February:
  // 3-6 (4), 9-13 (9), 14 (10), 24-27 (14), 28 (15), 2-6 March (20).
  BOOST_TEST(Due(calendar, "2026-02-02", 20, kWorking) == "2026-03-06");
}

BOOST_AUTO_TEST_CASE(working_days_across_national_day_2025) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  // From Friday 26 September: Sunday 28 (make-up), Monday 29, Tuesday 30.
  BOOST_TEST(Due(calendar, "2025-09-26", 3, kWorking) == "2025-09-30");
  // From Tuesday 30 September: the holiday until 8 October, 9, 10, 11 (Saturday, make-up).
  BOOST_TEST(Due(calendar, "2025-09-30", 3, kWorking) == "2025-10-11");
  // 9, 10, 11, 13, 14, 15, 16, 17, 20, 21 October.
  BOOST_TEST(Due(calendar, "2025-09-30", 10, kWorking) == "2025-10-21");
  // The whole 低保 process, 30 working days from acceptance on Monday 15 September:
  // 16-19 (4), 22-26 (9), 28 (10), 29-30 (12), 9-11 Oct (15), 13-17 (20), 20-24 (25), 27-31 (30).
  BOOST_TEST(Due(calendar, "2025-09-15", 30, kWorking) == "2025-10-31");
}

BOOST_AUTO_TEST_CASE(zero_working_days_is_the_start_itself) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_TEST(Due(calendar, "2025-10-01", 0, kWorking) == "2025-10-01");
  BOOST_TEST(Due(calendar, "2025-10-01", 1, kWorking) == "2025-10-09");
}

BOOST_AUTO_TEST_CASE(seven_calendar_day_notice_ignores_holidays) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_TEST(Due(calendar, "2025-09-30", 7, kCalendar) == "2025-10-07");
  BOOST_TEST(Due(calendar, "2026-02-12", 7, kCalendar) == "2026-02-19");
  BOOST_TEST(Due(calendar, "2025-12-28", 7, kCalendar) == "2026-01-04");
  // Holidays cannot move a calendar-day deadline, so an unknown year does not make it uncertain.
  BOOST_TEST(Due(calendar, "2026-12-28", 7, kCalendar) == "2027-01-04");
  BOOST_TEST(Certain(calendar, "2026-12-28", 7, kCalendar));
}

BOOST_AUTO_TEST_CASE(months_keep_the_day_and_clamp_to_the_month_end) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_TEST(Due(calendar, "2025-11-30", 3, kMonths) == "2026-02-28");  // review after a death
  BOOST_TEST(Due(calendar, "2027-11-30", 3, kMonths) == "2028-02-29");  // leap year
  BOOST_TEST(Due(calendar, "2025-08-31", 6, kMonths) == "2026-02-28");  // half-yearly review
  BOOST_TEST(Due(calendar, "2025-03-31", 1, kMonths) == "2025-04-30");
  BOOST_TEST(Due(calendar, "2025-10-15", 3, kMonths) == "2026-01-15");
  BOOST_TEST(Due(calendar, "2025-02-17", 12, kMonths) == "2026-02-17");  // yearly review, inside a holiday
  BOOST_TEST(Due(calendar, "2025-01-31", 0, kMonths) == "2025-01-31");
  BOOST_TEST(Certain(calendar, "2027-11-30", 3, kMonths));
}

BOOST_AUTO_TEST_CASE(a_deadline_reaching_into_2027_is_uncertain) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  // From Thursday 24 December 2026: 25, 28, 29, 30, 31 December are certain ...
  BOOST_TEST(Due(calendar, "2026-12-24", 5, kWorking) == "2026-12-31");
  BOOST_TEST(Certain(calendar, "2026-12-24", 5, kWorking));
  // ... the sixth falls on 1 January 2027, for which there is no notice yet:
  // the weekday guess 1, 4, 5, 6, 7 January, flagged.
  BOOST_TEST(Due(calendar, "2026-12-24", 6, kWorking) == "2027-01-01");
  BOOST_TEST(!Certain(calendar, "2026-12-24", 6, kWorking));
  BOOST_TEST(Due(calendar, "2026-12-24", 10, kWorking) == "2027-01-07");
  BOOST_TEST(!Certain(calendar, "2026-12-24", 10, kWorking));
}

BOOST_AUTO_TEST_CASE(a_deadline_counted_through_an_earlier_unknown_year_is_uncertain) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  // Monday 30 December 2024: 31 December (2024 not loaded), 2 and 3 January 2025.
  BOOST_TEST(Due(calendar, "2024-12-30", 3, kWorking) == "2025-01-03");
  BOOST_TEST(!Certain(calendar, "2024-12-30", 3, kWorking));
  // Starting on 31 December 2024 itself counts only 2025 days.
  BOOST_TEST(Due(calendar, "2024-12-31", 2, kWorking) == "2025-01-03");
  BOOST_TEST(Certain(calendar, "2024-12-31", 2, kWorking));
}

BOOST_AUTO_TEST_CASE(counts_outside_the_range_are_refused) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_CHECK_THROW(calendar.Add(D("2025-01-02"), -1, kWorking), std::invalid_argument);
  BOOST_CHECK_THROW(calendar.Add(D("2025-01-02"), kMaxDeadlineCount + 1, kMonths), std::invalid_argument);
  BOOST_CHECK_NO_THROW(calendar.Add(D("2025-01-02"), kMaxDeadlineCount, kMonths));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(working_day_spans)

BOOST_AUTO_TEST_CASE(working_days_in_holiday_months) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  // February 2026: 20 weekdays, 6 of them off (16-20, 23), 2 Saturdays worked (14, 28).
  BOOST_TEST(calendar.WorkingDaysBetween(D("2026-01-31"), D("2026-02-28")).days == 16);
  // October 2025: 23 weekdays, 6 off (1-3, 6-8), Saturday 11 worked.
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-09-30"), D("2025-10-31")).days == 18);
  // January 2026: 22 weekdays, 2 off (1, 2), Sunday 4 worked.
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-12-31"), D("2026-01-31")).days == 21);
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-01-24"), D("2025-02-05")).days == 3);
}

BOOST_AUTO_TEST_CASE(working_days_in_whole_years) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  // 2025: 261 weekdays, 18 of them off, 5 weekend days worked.
  const auto y2025 = calendar.WorkingDaysBetween(D("2024-12-31"), D("2025-12-31"));
  BOOST_TEST(y2025.days == 248);
  BOOST_TEST(y2025.certain);
  // 2026: 261 weekdays, 19 of them off, 6 weekend days worked.
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")).days == 248);
}

BOOST_AUTO_TEST_CASE(spans_are_signed_and_exclusive_of_their_start) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-10-31"), D("2025-09-30")).days == -18);
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-10-09"), D("2025-10-09")).days == 0);
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-10-08"), D("2025-10-09")).days == 1);
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-10-09"), D("2025-10-10")).days == 1);
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-10-01"), D("2025-10-08")).days == 0);
}

BOOST_AUTO_TEST_CASE(spans_into_an_unknown_year_are_uncertain) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  const auto known = calendar.WorkingDaysBetween(D("2026-12-24"), D("2026-12-31"));
  BOOST_TEST(known.days == 5);
  BOOST_TEST(known.certain);
  // 1 (Friday) and 4 January 2027 counted as weekdays, flagged.
  const auto guessed = calendar.WorkingDaysBetween(D("2026-12-31"), D("2027-01-04"));
  BOOST_TEST(guessed.days == 2);
  BOOST_TEST(!guessed.certain);
  BOOST_TEST(!calendar.WorkingDaysBetween(D("2027-01-04"), D("2026-12-31")).certain);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(working_day_deadline_state)

BOOST_AUTO_TEST_CASE(overdue_only_after_the_deadline_day) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_TEST(State(calendar, "2025-02-05", "2025-02-06", 2) == "overdue");
  BOOST_TEST(State(calendar, "2025-02-05", "2025-02-05", 2) == "due_soon");
  BOOST_TEST(State(calendar, "2025-02-05", "2025-02-05", 0) == "due_soon");
  BOOST_TEST(State(calendar, "2025-02-05", "2026-01-01", 2) == "overdue");
}

BOOST_AUTO_TEST_CASE(due_soon_counts_working_days_so_a_holiday_brings_it_forward) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  // Nine calendar days ahead, but only 5 February remains after Monday 27 January.
  BOOST_TEST(State(calendar, "2025-02-05", "2025-01-27", 2) == "due_soon");
  BOOST_TEST(State(calendar, "2025-02-05", "2025-01-27", 0) == "on_time");
  // From Friday 24 January three working days remain (26, 27 January, 5 February).
  BOOST_TEST(State(calendar, "2025-02-05", "2025-01-24", 2) == "on_time");
  BOOST_TEST(State(calendar, "2025-02-05", "2025-01-24", 3) == "due_soon");
  // A notice ending on a holiday Sunday with no working day left before it.
  BOOST_TEST(State(calendar, "2025-10-05", "2025-09-30", 0) == "due_soon");
  BOOST_TEST(State(calendar, "2025-10-05", "2025-09-26", 2) == "on_time");  // 28, 29, 30 September remain
}

BOOST_AUTO_TEST_CASE(negative_soon_days_are_refused) {
  const WorkingDayCalendar calendar = NoticeCalendar();
  BOOST_CHECK_THROW(StateOf(calendar, D("2025-02-05"), D("2025-01-27"), -1), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(states_and_units_have_codes_and_chinese_labels) {
  BOOST_TEST(ToCode(DeadlineState::DueSoon) == "due_soon");
  BOOST_TEST(ToChinese(DeadlineState::Overdue) == "已超期");
  BOOST_TEST(ToCode(DeadlineUnit::WorkingDays) == "working_days");
  BOOST_TEST(ToChinese(DeadlineUnit::WorkingDays) == "工作日");
  BOOST_TEST(ToChinese(DeadlineUnit::CalendarDays) == "自然日");
  BOOST_TEST(ToChinese(DeadlineUnit::Months) == "个月");
  BOOST_TEST((ParseDeadlineUnit("calendar_days") == DeadlineUnit::CalendarDays));
  BOOST_TEST((ParseDeadlineUnit(" Months ") == DeadlineUnit::Months));
  BOOST_TEST((ParseDeadlineUnit("工作日") == DeadlineUnit::WorkingDays));
  BOOST_TEST(!ParseDeadlineUnit("days").has_value());
  BOOST_TEST((ParseDayKind("调休上班日") == DayKind::MakeUpWorkday));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(working_day_csv)

BOOST_AUTO_TEST_CASE(the_shipped_calendar_is_the_notices) {
  const auto years = ParseHolidayCsv(ShippedCsv());
  BOOST_TEST_REQUIRE(years.size() == 2u);
  BOOST_TEST_REQUIRE(years.count(2025) == 1u);
  BOOST_TEST_REQUIRE(years.count(2026) == 1u);
  BOOST_TEST(Lines(years.at(2025)) == Lines(Expand(kOff2025, kWork2025)), boost::test_tools::per_element());
  BOOST_TEST(Lines(years.at(2026)) == Lines(Expand(kOff2026, kWork2026)), boost::test_tools::per_element());
  WorkingDayCalendar calendar;
  calendar.AddYears(years);
  BOOST_TEST(Due(calendar, "2025-01-24", 3, kWorking) == "2025-02-05");
}

BOOST_AUTO_TEST_CASE(reads_spreadsheet_output) {
  // Byte-order mark, CRLF, Chinese header and kinds, a quoted name with a comma, an empty line.
  const auto years = ParseHolidayCsv(
      "\xEF\xBB\xBF日期,类型,节日\r\n2027-02-06,上班,春节\r\n\r\n2027-10-01,放假,\"国庆节,中秋节\"\r\n"
      "2028-01-01 , OFF , 元旦\r\n");
  BOOST_TEST_REQUIRE(years.size() == 2u);
  BOOST_TEST(Lines(years.at(2027)) == (std::vector<std::string>{"2027-02-06 make_up_workday 春节",
                                                                "2027-10-01 public_holiday 国庆节,中秋节"}),
             boost::test_tools::per_element());
  BOOST_TEST(Lines(years.at(2028)) == (std::vector<std::string>{"2028-01-01 public_holiday 元旦"}),
             boost::test_tools::per_element());
  BOOST_TEST(ParseHolidayCsv("date,kind,holiday").empty());
}

BOOST_AUTO_TEST_CASE(errors_name_the_line) {
  const std::string header = "date,kind,holiday\n";
  BOOST_TEST(StartsWith(ParseError(header + "2025-01-01,off,元旦\n2025-02-30,off,春节\n"),
                        "line 3: '2025-02-30' is not a date written YYYY-MM-DD"));
  BOOST_TEST(StartsWith(ParseError(header + "2025/01/28,off,春节\n"), "line 2: '2025/01/28' is not a date"));
  BOOST_TEST(StartsWith(ParseError(header + "2025-01-28,holiday,春节\n"), "line 2: unknown kind 'holiday'"));
  BOOST_TEST(ParseError(header + "2025-01-28,off,春节\n2025-01-29,off,春节\n2025-01-28,off,春节\n") ==
             "line 4: 2025-01-28 is already given on line 2");
  BOOST_TEST(StartsWith(ParseError(header + "2025-01-28,off\n"), "line 2: expected 3 fields"));
  BOOST_TEST(StartsWith(ParseError(header + "2025-01-28,off,春节,x\n"), "line 2: expected 3 fields"));
  BOOST_TEST(ParseError(header + "2025-01-27,work,春节\n") ==
             "line 2: make-up working day 2025-01-27 is a Monday, not a Saturday or Sunday");
  BOOST_TEST(ParseError(header + "2025-01-28,off,\n") == "line 2: the holiday name is empty");
  BOOST_TEST(StartsWith(ParseError(header + "2025-01-28,off,\"春节\n"), "line 2: a quoted field is not closed"));
  // Blank lines still count, with CRLF as with LF.
  BOOST_TEST(
      StartsWith(ParseError("date,kind,holiday\r\n2025-01-28,off,春节\r\n\r\n2025-13-01,off,x\r\n"), "line 4: "));
  // The shared notice file's '#' comment lines are not part of the format.
  BOOST_TEST(StartsWith(ParseError("# Dates that differ\n" + header), "line 1: the header must be"));
  BOOST_TEST(StartsWith(ParseError("date,kind\n"), "line 1: the header must be"));
  BOOST_TEST(StartsWith(ParseError(""), "line 1: the file is empty"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(iso_dates)

BOOST_AUTO_TEST_CASE(dates_are_written_and_read_as_yyyy_mm_dd) {
  using namespace std::chrono;
  BOOST_TEST(doudi::model::IsoDate(year{2026} / February / day{5}) == "2026-02-05");
  BOOST_TEST(doudi::model::IsoDate(year{987} / December / day{31}) == "0987-12-31");
  BOOST_TEST((doudi::model::ParseIsoDate("2026-02-05") == year{2026} / February / day{5}));
  for (const char* bad : {"2026-02-30", "2026-2-05", " 2026-02-05", "2026-02-05 10:00", "2026/02/05", ""}) {
    BOOST_TEST(!doudi::model::ParseIsoDate(bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()
