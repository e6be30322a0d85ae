// HolidayCalendarStore over doudi.calendar_load_year and the calendar tables.
#include <soci/soci.h>

#include "doudi/dal/holiday_calendar.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

class PgHolidayCalendarStore final : public HolidayCalendarStore {
 public:
  explicit PgHolidayCalendarStore(soci::session& sql) : m_sql(sql) {}

  int LoadYears(const std::map<int, std::vector<model::CalendarException>>& years,
                const std::string& source) override {
    try {
      soci::transaction tr(m_sql);
      int loaded = 0;
      for (const auto& [year, exceptions] : years) loaded += LoadYear(year, exceptions, source);
      tr.commit();
      SealAfterCommit(m_sql);
      return loaded;
    } catch (...) {
      RethrowAsDatabaseError("loading the holiday calendar from " + source);
    }
  }

  std::vector<LoadedCalendarYear> Years() override {
    return ReadRows(
        "reading the holiday calendar",
        (m_sql.prepare << "SELECT y.year, (SELECT count(*) FROM doudi.calendar_exception AS e WHERE e.year = y.year)"
                          "::int, y.source, y.loaded_by, to_char(y.loaded_at, 'YYYY-MM-DD HH24:MI') "
                          "FROM doudi.calendar_year AS y ORDER BY y.year"),
        [](const soci::row& r) {
          return LoadedCalendarYear{r.get<int>(0), r.get<int>(1), r.get<std::string>(2), r.get<std::string>(3),
                                    r.get<std::string>(4)};
        });
  }

  model::WorkingDayCalendar Load() override {
    try {
      std::map<int, std::vector<model::CalendarException>> years;
      for (const LoadedCalendarYear& y : Years()) years[y.year];  // a loaded year may have no exceptions
      soci::rowset<soci::row> rows = (m_sql.prepare << "SELECT extract(year FROM day)::int, extract(month FROM day)::int, "
                                                       "extract(day FROM day)::int, kind, name "
                                                       "FROM doudi.calendar_exception ORDER BY day");
      for (const auto& r : rows) {
        const std::chrono::year_month_day date{std::chrono::year{r.get<int>(0)},
                                               std::chrono::month{static_cast<unsigned>(r.get<int>(1))},
                                               std::chrono::day{static_cast<unsigned>(r.get<int>(2))}};
        years[r.get<int>(0)].push_back({date, *model::ParseDayKind(r.get<std::string>(3)), r.get<std::string>(4)});
      }
      model::WorkingDayCalendar calendar;
      calendar.AddYears(years);
      return calendar;
    } catch (...) {
      RethrowAsDatabaseError("reading the holiday calendar");
    }
  }

 private:
  int LoadYear(int year, const std::vector<model::CalendarException>& exceptions, const std::string& source) {
    std::vector<std::string> dates, kinds, names;
    for (const model::CalendarException& e : exceptions) {
      dates.push_back(IsoDate(e.date));
      kinds.emplace_back(model::ToCode(e.kind));
      names.push_back(e.name);
    }
    int loaded = 0;
    const std::string d = TextArrayLiteral(dates), k = TextArrayLiteral(kinds), n = TextArrayLiteral(names);
    m_sql << "SELECT doudi.calendar_load_year(:y, CAST(:d AS date[]), CAST(:k AS text[]), CAST(:n AS text[]), :s)",
        soci::use(year), soci::use(d), soci::use(k), soci::use(n), soci::use(source), soci::into(loaded);
    return loaded;
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<HolidayCalendarStore> MakeHolidayCalendarStore(soci::session& sql) {
  return std::make_unique<PgHolidayCalendarStore>(sql);
}

}  // namespace doudi::dal::pg
