// Registry search through the database's doudi.registry_search and
// doudi.registry_count functions, which apply the caller's scope themselves
// (migration 0002). This side only turns the search box into bound values.
#include <algorithm>
#include <unordered_map>

#include "doudi/dal/errors.h"
#include "doudi/model/region_code.h"
#include "doudi/model/text.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// The values of a query as the SQL functions take them, every one bound.
struct SearchArguments {
  std::string kind = "none";  // none | full_id | id_prefix | surname | name
  std::string text;
  std::string pattern;        // '%text%' for LIKE, specials escaped
  std::string textHigh;       // exclusive upper bound of an ID prefix
  std::string regionLow;      // '' for no region filter
  std::string regionHigh;
  std::string status;         // '' for any
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

SearchArguments ToArguments(const RegistryQuery& query) {
  SearchArguments a;
  a.text = std::string(model::TrimAsciiWhitespace(query.text));
  switch (ClassifyQueryText(a.text)) {
    case RegistryTextKind::None:
      break;
    case RegistryTextKind::FullId:
      a.kind = "full_id";
      if (a.text.back() == 'x') a.text.back() = 'X';
      break;
    case RegistryTextKind::IdPrefix:
      // Digits only: the byte after the prefix's last one bounds the range.
      a.kind = "id_prefix";
      a.textHigh = a.text;
      a.textHigh.back() = static_cast<char>(a.textHigh.back() + 1);
      break;
    case RegistryTextKind::Name:
      if (model::CountUtf8CodePoints(a.text) == 1u) {
        // One character is taken as a surname: names starting with it.
        a.kind = "surname";
        // Above every name starting with it (bytewise, C collation): the
        // character followed by U+10FFFF, the highest code point.
        a.textHigh = a.text + "\xF4\x8F\xBF\xBF";
      } else {
        a.kind = "name";
        a.pattern = "%" + EscapeLike(a.text) + "%";
      }
      break;
  }
  if (!query.regionPrefix.empty()) {
    if (!model::RegionCode::IsValidScopePrefix(query.regionPrefix)) {
      throw std::invalid_argument("a region prefix has 2, 4, 6, 9 or 12 digits: '" + query.regionPrefix + "'");
    }
    a.regionLow = a.regionHigh = query.regionPrefix;
    a.regionLow.resize(12, '0');
    a.regionHigh.resize(12, '9');
  }
  if (query.status) a.status = std::string(model::ToCode(*query.status));
  return a;
}

// The columns of doudi.registry_search and doudi.registry_rows, in order.
constexpr const char* kSummaryColumns =
    "person_id, household_id, name, id_number_masked, sex, birth_year, relation, "
    "region_code, region_name, address, registry_status";

PersonSummary ToSummary(const soci::row& r) {
  PersonSummary s;
  s.personId = r.get<long long>(0);
  s.householdId = r.get<long long>(1);
  s.name = r.get<std::string>(2);
  s.maskedIdNumber = r.get<std::string>(3);
  s.sex = r.get<std::string>(4);
  s.birthYear = r.get<int>(5);
  s.relation = model::ParseRelation(r.get<std::string>(6)).value_or(model::Relation::Other);
  s.regionCode = r.get<std::string>(7);
  s.regionName = r.get<std::string>(8);
  s.address = r.get<std::string>(9);
  s.status = model::ParseRegistryStatus(r.get<std::string>(10)).value_or(model::RegistryStatus::None);
  return s;
}

class PgRegistrySearch final : public RegistrySearch {
 public:
  explicit PgRegistrySearch(soci::session& sql) : m_sql(sql) {}

  std::vector<PersonSummary> Search(const RegistryQuery& query, std::int64_t offset, std::int64_t limit) override {
    const SearchArguments a = ToArguments(query);
    const int pageSize = static_cast<int>(std::clamp<std::int64_t>(limit, 0, 1000));
    const long long from = std::max<std::int64_t>(offset, 0);
    return ReadRows(
        "searching the registry",
        (m_sql.prepare << "SELECT " + std::string(kSummaryColumns) +
                              " FROM doudi.registry_search(:k, :t, :p, :th, :rl, :rh, :s, :lim, :off)",
         soci::use(a.kind), soci::use(a.text), soci::use(a.pattern), soci::use(a.textHigh), soci::use(a.regionLow),
         soci::use(a.regionHigh), soci::use(a.status), soci::use(pageSize), soci::use(from)),
        ToSummary);
  }

  std::int64_t EstimateCount(const RegistryQuery& query) override {
    return Count(false, query, "estimating the number of matches");
  }

  std::int64_t CountExact(const RegistryQuery& query) override {
    return Count(true, query, "counting the matches");
  }

  std::vector<std::int64_t> SearchIds(const RegistryQuery& query) override {
    const SearchArguments a = ToArguments(query);
    try {
      std::vector<std::int64_t> ids;
      std::vector<long long> batch(10000);
      soci::statement st = (m_sql.prepare << "SELECT * FROM doudi.registry_search_ids(:k, :t, :p, :th, :rl, :rh, :s)",
                            soci::use(a.kind), soci::use(a.text), soci::use(a.pattern), soci::use(a.textHigh),
                            soci::use(a.regionLow), soci::use(a.regionHigh), soci::use(a.status), soci::into(batch));
      st.execute();
      while (st.fetch()) {
        ids.insert(ids.end(), batch.begin(), batch.end());
        batch.resize(10000);
      }
      return ids;
    } catch (...) {
      RethrowAsDatabaseError("listing the matches");
    }
  }

  std::vector<PersonSummary> RowsByIds(const std::vector<std::int64_t>& ids) override {
    if (ids.empty()) return {};
    std::string array = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) array += (i ? "," : "") + std::to_string(ids[i]);
    array += "}";
    try {
      soci::rowset<soci::row> rows = (m_sql.prepare << "SELECT " + std::string(kSummaryColumns) +
                                                           " FROM doudi.registry_rows(CAST(:ids AS bigint[]))",
                                      soci::use(array));
      std::unordered_map<std::int64_t, PersonSummary> byId;
      for (const auto& r : rows) {
        auto s = ToSummary(r);
        byId.emplace(s.personId, std::move(s));
      }
      std::vector<PersonSummary> out;
      for (const auto id : ids) {
        if (auto it = byId.find(id); it != byId.end()) out.push_back(std::move(it->second));
      }
      return out;
    } catch (...) {
      RethrowAsDatabaseError("loading rows of the list");
    }
  }

 private:
  std::int64_t Count(bool exact, const RegistryQuery& query, const std::string& context) {
    const SearchArguments a = ToArguments(query);
    try {
      long long count = 0;
      const int exactFlag = exact ? 1 : 0;
      m_sql << "SELECT doudi.registry_count(CAST(:e AS integer) <> 0, :k, :t, :p, :th, :rl, :rh, :s)", soci::use(exactFlag),
          soci::use(a.kind), soci::use(a.text), soci::use(a.pattern), soci::use(a.textHigh), soci::use(a.regionLow),
          soci::use(a.regionHigh), soci::use(a.status), soci::into(count);
      return count;
    } catch (...) {
      RethrowAsDatabaseError(context);
    }
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<RegistrySearch> MakeRegistrySearch(soci::session& sql) {
  return std::make_unique<PgRegistrySearch>(sql);
}

}  // namespace doudi::dal::pg
