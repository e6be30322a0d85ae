#include "doudi/dal/errors.h"
#include "doudi/dal/program_parameters.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// The columns every read selects, in the order Row() takes them.
constexpr const char* kColumns =
    "p.program, p.region_prefix, p.key, p.value, p.unit, to_char(p.effective_from, 'YYYY-MM-DD'), "
    "coalesce(p.note, ''), p.created_by, to_char(p.created_at, 'YYYY-MM-DD HH24:MI')";

ProgramParameter Row(const soci::row& r) {
  ProgramParameter p;
  p.program = r.get<std::string>(0);
  p.regionPrefix = r.get<std::string>(1);
  p.key = r.get<std::string>(2);
  p.value = r.get<std::string>(3);
  p.unit = r.get<std::string>(4);
  p.effectiveFrom = r.get<std::string>(5);
  p.note = r.get<std::string>(6);
  p.createdBy = r.get<std::string>(7);
  p.createdAt = r.get<std::string>(8);
  return p;
}

class PgProgramParameters final : public ProgramParameters {
 public:
  explicit PgProgramParameters(soci::session& sql) : m_sql(sql) {}

  std::vector<ProgramInfo> Programs() override {
    return ReadRows("reading the programs", (m_sql.prepare << "SELECT code, chinese FROM doudi.program ORDER BY code"),
                    [](const soci::row& r) {
                      return ProgramInfo{r.get<std::string>(0), r.get<std::string>(1)};
                    });
  }

  std::vector<ProgramParameter> List(const std::string& program, const std::string& region) override {
    // "" filters nothing; a region keeps the rows that apply to it and
    // those for areas inside it.
    static const std::string kList = std::string(
                                         "WITH f AS (SELECT CAST(:program AS text) AS program, "
                                         "CAST(:region AS text) AS region) SELECT ") +
                                     kColumns +
                                     " FROM f, doudi.program_parameter AS p "
                                     "WHERE (f.program = '' OR p.program = f.program) AND (f.region = '' "
                                     "OR p.region_prefix = left(f.region, length(p.region_prefix)) "
                                     "OR left(p.region_prefix, length(f.region)) = f.region) "
                                     "ORDER BY p.program, p.key, p.region_prefix, p.effective_from";
    return ReadRows("listing the program parameters", (m_sql.prepare << kList, soci::use(program), soci::use(region)),
                    Row);
  }

  std::optional<ProgramParameter> Effective(const std::string& program, const std::string& regionCode,
                                            const std::string& key, std::chrono::year_month_day on) override {
    // The choice is doudi.parameter_value's, so the rule lives in one place;
    // the join adds the chosen row's note and stamps.
    static const std::string kEffective =
        std::string(
            "WITH f AS (SELECT CAST(:program AS text) AS program, CAST(:region AS text) AS region, "
            "CAST(:key AS text) AS key, CAST(:on AS date) AS day) SELECT ") +
        kColumns +
        " FROM f CROSS JOIN LATERAL doudi.parameter_value(f.program, f.region, f.key, f.day) AS v "
        "JOIN doudi.program_parameter AS p ON p.program = f.program AND p.key = f.key "
        "AND p.region_prefix = v.region_prefix AND p.effective_from = v.effective_from";
    try {
      const std::string date = IsoDate(on);
      soci::rowset<soci::row> rows =
          (m_sql.prepare << kEffective, soci::use(program), soci::use(regionCode), soci::use(key), soci::use(date));
      for (const auto& r : rows) return Row(r);
      return std::nullopt;
    } catch (...) {
      RethrowAsDatabaseError("reading parameter " + program + "." + key + " for " + regionCode);
    }
  }

  void Add(const ProgramParameter& p) override {
    try {
      soci::transaction tr(m_sql);
      m_sql << "INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note) "
               "VALUES (:program, :prefix, :key, :value, :unit, CAST(:day AS date), NULLIF(:note, ''))",
          soci::use(p.program), soci::use(p.regionPrefix), soci::use(p.key), soci::use(p.value), soci::use(p.unit),
          soci::use(p.effectiveFrom), soci::use(p.note);
      tr.commit();
    } catch (...) {
      RethrowAsDatabaseError("adding parameter " + p.program + "." + p.key + " for " + p.regionPrefix + " from " +
                             p.effectiveFrom);
    }
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<ProgramParameters> MakeProgramParameters(soci::session& sql) {
  return std::make_unique<PgProgramParameters>(sql);
}

}  // namespace doudi::dal::pg
