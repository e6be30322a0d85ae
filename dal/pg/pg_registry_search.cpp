#include <algorithm>

#include "doudi/dal/errors.h"
#include "doudi/model/region_code.h"
#include "doudi/model/text.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// A registry query as SQL: fixed text chosen by the query's shape, with
// every value from the user bound as a parameter, never spliced in.
struct SqlQuery {
  std::string from;                 // FROM ... WHERE ...
  std::string orderBy;
  std::vector<std::string> params;  // params[i] is bound by name to :p<i+1>

  // The placeholder for a new bound value. Bound by name, so the order in
  // which a longer expression evaluates its Param calls does not matter.
  std::string Param(std::string value) {
    params.push_back(std::move(value));
    return "CAST(:p" + std::to_string(params.size()) + " AS text)";
  }
};

// LIKE treats % _ and \ specially; a clerk's text is matched literally.
std::string EscapeLike(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The smallest string above every string starting with prefix, bytewise,
// for an index range; prefixes here are digits (and X), so the last byte
// never overflows.
std::string PrefixUpperBound(std::string prefix) {
  prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

SqlQuery BuildQuery(const RegistryQuery& query) {
  SqlQuery q;
  q.from =
      " FROM doudi.person AS p JOIN doudi.household AS h ON h.id = p.household_id"
      " WHERE p.left_on IS NULL";
  q.orderBy = " ORDER BY p.name, p.id";
  std::string text(model::TrimAsciiWhitespace(query.text));
  switch (ClassifyQueryText(text)) {
    case RegistryTextKind::None:
      break;
    case RegistryTextKind::FullId:
      std::transform(text.begin(), text.end(), text.begin(), [](char c) { return c == 'x' ? 'X' : c; });
      q.from += " AND p.id_number = " + q.Param(text);
      break;
    case RegistryTextKind::IdPrefix:
      q.from += " AND p.id_number >= " + q.Param(text) + " AND p.id_number < " + q.Param(PrefixUpperBound(text));
      q.orderBy = " ORDER BY p.id_number";
      break;
    case RegistryTextKind::Name:
      // The gram index narrows to names holding every 1-2 character piece
      // of the text; LIKE then keeps those holding it as one piece.
      q.from += " AND doudi.name_grams(p.name) @> doudi.name_grams(" + q.Param(text) + ")" +
                " AND p.name LIKE " + q.Param("%" + EscapeLike(text) + "%");
      break;
  }
  if (!query.regionPrefix.empty()) {
    if (!model::RegionCode::IsValidScopePrefix(query.regionPrefix)) {
      throw std::invalid_argument("a region prefix has 2, 4, 6, 9 or 12 digits: '" + query.regionPrefix + "'");
    }
    // A range on the stored code, which a btree answers (a LIKE on a bound
    // pattern is not index-friendly in a generic plan).
    std::string lo = query.regionPrefix, hi = query.regionPrefix;
    lo.resize(12, '0');
    hi.resize(12, '9');
    q.from += " AND p.region_code BETWEEN " + q.Param(lo) + " AND " + q.Param(hi);
  }
  if (query.status) {
    q.from += " AND h.registry_status = " + q.Param(std::string(model::ToCode(*query.status)));
  }
  return q;
}

soci::details::prepare_temp_type Prepare(soci::session& sql, const std::string& text, const SqlQuery& q) {
  soci::details::prepare_temp_type prep = (sql.prepare << text);
  for (std::size_t i = 0; i < q.params.size(); ++i) prep, soci::use(q.params[i], "p" + std::to_string(i + 1));
  return prep;
}

class PgRegistrySearch final : public RegistrySearch {
 public:
  explicit PgRegistrySearch(soci::session& sql) : m_sql(sql) {}

  std::vector<PersonSummary> Search(const RegistryQuery& query, std::int64_t offset, std::int64_t limit) override {
    limit = std::clamp<std::int64_t>(limit, 0, 1000);
    offset = std::max<std::int64_t>(offset, 0);
    try {
      const SqlQuery q = BuildQuery(query);
      const std::string text =
          "SELECT p.id, p.household_id, p.name, doudi.mask_resident_id(p.id_number), p.sex, "
          "to_char(p.birth_date, 'YYYY-MM-DD'), p.relation, h.region_code, r.name, h.address, h.registry_status "
          "FROM (SELECT p.id" + q.from + q.orderBy + " LIMIT " + std::to_string(limit) +
          " OFFSET " + std::to_string(offset) +
          ") AS page JOIN doudi.person AS p ON p.id = page.id JOIN doudi.household AS h ON h.id = p.household_id "
          "JOIN doudi.region AS r ON r.code = h.region_code" + q.orderBy;
      soci::rowset<soci::row> rows = Prepare(m_sql, text, q);
      std::vector<PersonSummary> out;
      for (const auto& r : rows) {
        PersonSummary s;
        s.personId = r.get<long long>(0);
        s.householdId = r.get<long long>(1);
        s.name = r.get<std::string>(2);
        s.maskedIdNumber = r.get<std::string>(3);
        s.sex = r.get<std::string>(4);
        s.birthDate = r.get<std::string>(5);
        s.relation = model::ParseRelation(r.get<std::string>(6)).value_or(model::Relation::Other);
        s.regionCode = r.get<std::string>(7);
        s.regionName = r.get<std::string>(8);
        s.address = r.get<std::string>(9);
        s.status = model::ParseRegistryStatus(r.get<std::string>(10)).value_or(model::RegistryStatus::None);
        out.push_back(std::move(s));
      }
      return out;
    } catch (const std::invalid_argument&) {
      throw;
    } catch (...) {
      RethrowAsDatabaseError("searching the registry");
    }
  }

  std::int64_t EstimateCount(const RegistryQuery& query) override {
    try {
      const SqlQuery q = BuildQuery(query);
      std::string plan;
      soci::details::prepare_temp_type prep = Prepare(m_sql, "EXPLAIN (FORMAT JSON) SELECT 1" + q.from, q);
      prep, soci::into(plan);
      soci::statement st(prep);
      st.execute(true);
      // The top node's "Plan Rows" is the planner's estimate.
      const auto key = plan.find("\"Plan Rows\":");
      if (key == std::string::npos) return 0;
      return std::stoll(plan.substr(key + 12));
    } catch (const std::invalid_argument&) {
      throw;
    } catch (...) {
      RethrowAsDatabaseError("estimating the number of matches");
    }
  }

  std::int64_t CountExact(const RegistryQuery& query) override {
    try {
      const SqlQuery q = BuildQuery(query);
      long long count = 0;
      soci::details::prepare_temp_type prep = Prepare(m_sql, "SELECT count(*)" + q.from, q);
      prep, soci::into(count);
      soci::statement st(prep);
      st.execute(true);
      return count;
    } catch (const std::invalid_argument&) {
      throw;
    } catch (...) {
      RethrowAsDatabaseError("counting the matches");
    }
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<RegistrySearch> MakeRegistrySearch(soci::session& sql) {
  return std::make_unique<PgRegistrySearch>(sql);
}

}  // namespace doudi::dal::pg
