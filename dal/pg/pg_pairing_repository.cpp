// PairingRepository over doudi.pairing_overview, the pairing tables (read
// under their row-level security) and the pairing functions of
// dal/schema/functions (docs/joint-loop-pairing.md). Every write is one
// function call in its own transaction; the function checks group, scope
// and rules.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/errors.h"
#include "doudi/dal/pairing_repository.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

std::vector<std::string> Split(const std::string& joined) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < joined.size()) {
    const auto end = joined.find(',', start);
    parts.push_back(joined.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

// SQL for a date column as "YYYY-MM-DD" ("" for NULL).
std::string DateText(const std::string& column) { return "coalesce(to_char(" + column + ", 'YYYY-MM-DD'), '')"; }

// The columns of doudi.pairing_overview that HouseholdRow reads, in its order.
const std::string kHouseholdColumns =
    "o.household_id, o.region_code, coalesce(o.region_name, ''), coalesce(o.head_name, ''), " + DateText("o.since") +
    ", o.levels_filled, array_to_string(o.missing_levels, ','), " + DateText("o.last_visit_on") +
    ", o.visit_months, " + DateText("o.visit_due_on") + ", o.overdue::int";

PairingHousehold HouseholdRow(const soci::row& r) {
  PairingHousehold h;
  h.householdId = r.get<long long>(0);
  h.regionCode = r.get<std::string>(1);
  h.regionName = r.get<std::string>(2);
  h.headName = r.get<std::string>(3);
  h.since = r.get<std::string>(4);
  h.levelsFilled = r.get<int>(5);
  h.missingLevels = Split(r.get<std::string>(6));
  h.lastVisitOn = r.get<std::string>(7);
  if (r.get_indicator(8) != soci::i_null) h.visitMonths = r.get<int>(8);
  h.visitDueOn = r.get<std::string>(9);
  h.overdue = r.get<int>(10) != 0;
  return h;
}

// A date sent: NULL (today) when empty.
soci::indicator DateIndicator(const std::string& date) { return date.empty() ? soci::i_null : soci::i_ok; }

class PgPairingRepository final : public PairingRepository {
 public:
  explicit PgPairingRepository(soci::session& sql) : m_sql(sql) {}

  std::vector<PairingContact> Contacts(const std::string& countyPrefix) override {
    const std::string prefix = countyPrefix;
    return ReadRows("reading the pairing contacts",
                    (m_sql.prepare << "SELECT c.id, c.county_code, c.kind, c.name, c.organization, c.phone, "
                                      "c.active::int FROM doudi.pairing_contact AS c "
                                      "WHERE c.county_code LIKE left(:p, 6) || '%' "
                                      "ORDER BY c.active DESC, c.county_code, c.kind, c.name, c.id",
                     soci::use(prefix, "p")),
                    [](const soci::row& r) {
                      PairingContact c;
                      c.id = r.get<long long>(0);
                      c.countyCode = r.get<std::string>(1);
                      c.kind = r.get<std::string>(2);
                      c.name = r.get<std::string>(3);
                      c.organization = r.get<std::string>(4);
                      c.phone = r.get<std::string>(5);
                      c.active = r.get<int>(6) != 0;
                      return c;
                    });
  }

  std::int64_t AddContact(const PairingContact& contact) override {
    return WriteAndSeal(m_sql, "adding a pairing contact", [&] {
      long long id = 0;
      m_sql << "SELECT doudi.pairing_contact_add(:c, :k, :n, :o, :p)", soci::use(contact.countyCode),
          soci::use(contact.kind), soci::use(contact.name), soci::use(contact.organization), soci::use(contact.phone),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  std::vector<PairingHousehold> Households(const PairingFilter& f) override {
    const std::string region = f.regionPrefix;
    const int gaps = f.gapsOnly ? 1 : 0;
    const int limit = f.limit;
    return ReadRows("reading the households in pairing",
                    (m_sql.prepare << "SELECT " + kHouseholdColumns +
                                          " FROM doudi.pairing_overview AS o WHERE o.region_code LIKE :region || '%' "
                                          "AND (:gaps = 0 OR o.levels_filled < 6 OR o.overdue) "
                                          "ORDER BY o.region_code, o.household_id LIMIT :n",
                     soci::use(region, "region"), soci::use(gaps, "gaps"), soci::use(limit, "n")),
                    HouseholdRow);
  }

  std::optional<PairingHousehold> Household(std::int64_t householdId) override {
    const long long id = householdId;
    auto rows = ReadRows("reading the pairing of household " + std::to_string(householdId),
                         (m_sql.prepare << "SELECT " + kHouseholdColumns +
                                               " FROM doudi.pairing_overview AS o WHERE o.household_id = :h",
                          soci::use(id)),
                         HouseholdRow);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  }

  bool Enroll(std::int64_t householdId, const std::string& since) override {
    return WriteAndSeal(m_sql, "taking household " + std::to_string(householdId) + " into pairing", [&] {
      int done = 0;
      const long long id = householdId;
      soci::indicator sinceIndicator = DateIndicator(since);
      m_sql << "SELECT doudi.pairing_enroll(:h, CAST(:d AS date))::int", soci::use(id),
          soci::use(since, sinceIndicator), soci::into(done);
      return done != 0;
    });
  }

  bool End(std::int64_t householdId, const std::string& endedOn, const std::string& reason) override {
    return WriteAndSeal(m_sql, "ending the pairing of household " + std::to_string(householdId), [&] {
      int done = 0;
      const long long id = householdId;
      soci::indicator endedIndicator = DateIndicator(endedOn);
      m_sql << "SELECT doudi.pairing_end(:h, CAST(:d AS date), :r)::int", soci::use(id),
          soci::use(endedOn, endedIndicator), soci::use(reason), soci::into(done);
      return done != 0;
    });
  }

  std::int64_t Assign(std::int64_t householdId, const std::string& level, const std::string& userRole,
                      std::optional<std::int64_t> contactId, const std::string& since) override {
    return WriteAndSeal(m_sql, "naming the " + level + " responsible person of household " + std::to_string(householdId), [&] {
      long long assignment = 0;
      const long long id = householdId;
      const long long contact = contactId.value_or(0);
      soci::indicator userIndicator = userRole.empty() ? soci::i_null : soci::i_ok;
      soci::indicator contactIndicator = contactId ? soci::i_ok : soci::i_null;
      soci::indicator sinceIndicator = DateIndicator(since);
      m_sql << "SELECT doudi.pairing_assign(:h, :l, :u, :c, CAST(:d AS date))", soci::use(id), soci::use(level),
          soci::use(userRole, userIndicator), soci::use(contact, contactIndicator), soci::use(since, sinceIndicator),
          soci::into(assignment);
      return static_cast<std::int64_t>(assignment);
    });
  }

  std::vector<PairingAssignment> Assignments(std::int64_t householdId, bool history) override {
    const long long id = householdId;
    const int all = history ? 1 : 0;
    return ReadRows(
        "reading the responsible persons of household " + std::to_string(householdId),
        (m_sql.prepare << "SELECT a.id, a.level, coalesce(a.user_role, ''), a.contact_id, "
                          "coalesce(doudi.staff_name(a.user_role), c.name, a.user_role, ''), "
                          "coalesce(concat_ws(' ', nullif(c.organization, ''), nullif(c.phone, '')), ''), " +
                              DateText("a.since") + ", " + DateText("a.until") +
                              ", coalesce(doudi.staff_name(a.assigned_by), a.assigned_by) "
                              "FROM doudi.pairing_assignment AS a "
                              "LEFT JOIN doudi.pairing_contact AS c ON c.id = a.contact_id "
                              "WHERE a.household_id = :h AND (:hist = 1 OR a.until IS NULL) "
                              "ORDER BY array_position(ARRAY['county', 'township', 'village', 'department', "
                              "'enterprise', 'social_worker'], a.level), a.since DESC, a.id DESC",
         soci::use(id, "h"), soci::use(all, "hist")),
        [](const soci::row& r) {
          PairingAssignment a;
          a.id = r.get<long long>(0);
          a.level = r.get<std::string>(1);
          a.userRole = r.get<std::string>(2);
          a.contactId = OptionalId(r, 3);
          a.name = r.get<std::string>(4);
          a.detail = r.get<std::string>(5);
          a.since = r.get<std::string>(6);
          a.until = r.get<std::string>(7);
          a.assignedBy = r.get<std::string>(8);
          return a;
        });
  }

  std::vector<PairingCandidate> Candidates(std::int64_t householdId, const std::string& level) override {
    const long long id = householdId;
    const std::string theLevel = level;
    return ReadRows("reading who may be responsible for household " + std::to_string(householdId),
                    (m_sql.prepare << "SELECT coalesce(c.user_role, ''), c.contact_id, c.name, c.detail "
                                      "FROM doudi.pairing_candidates(:h, :l) AS c",
                     soci::use(id), soci::use(theLevel)),
                    [](const soci::row& r) {
                      PairingCandidate c;
                      c.userRole = r.get<std::string>(0);
                      c.contactId = OptionalId(r, 1);
                      c.name = r.get<std::string>(2);
                      c.detail = r.get<std::string>(3);
                      return c;
                    });
  }

  std::int64_t AddVisit(const PairingVisitInput& v) override {
    return WriteAndSeal(m_sql, "recording a visit to household " + std::to_string(v.householdId), [&] {
      long long id = 0;
      const long long household = v.householdId;
      soci::indicator dateIndicator = DateIndicator(v.visitedOn);
      m_sql << "SELECT doudi.pairing_visit_add(CAST(:r AS uuid), :h, CAST(:d AS date), :l, :w, :f, :n)",
          soci::use(v.requestId), soci::use(household), soci::use(v.visitedOn, dateIndicator),
          soci::use(v.level), soci::use(v.visitor), soci::use(v.found), soci::use(v.nextStep), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  std::vector<PairingVisit> Visits(std::int64_t householdId) override {
    const long long id = householdId;
    return ReadRows("reading the visits of household " + std::to_string(householdId),
                    (m_sql.prepare << "SELECT v.id, " + DateText("v.visited_on") +
                                          ", v.level, v.visitor, v.found, v.next_step, "
                                          "coalesce(doudi.staff_name(v.recorded_by), v.recorded_by), " +
                                          TimeText("v.recorded_at") +
                                          " FROM doudi.pairing_visit AS v WHERE v.household_id = :h "
                                          "ORDER BY v.visited_on DESC, v.id DESC",
                     soci::use(id)),
                    [](const soci::row& r) {
                      PairingVisit v;
                      v.id = r.get<long long>(0);
                      v.visitedOn = r.get<std::string>(1);
                      v.level = r.get<std::string>(2);
                      v.visitor = r.get<std::string>(3);
                      v.found = r.get<std::string>(4);
                      v.nextStep = r.get<std::string>(5);
                      v.recordedBy = r.get<std::string>(6);
                      v.recordedAt = r.get<std::string>(7);
                      return v;
                    });
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<PairingRepository> MakePairingRepository(soci::session& sql) {
  return std::make_unique<PgPairingRepository>(sql);
}

}  // namespace doudi::dal::pg
