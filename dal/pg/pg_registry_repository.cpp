#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "doudi/dal/errors.h"
#include "doudi/model/text.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

using model::Household;
using model::Person;

// Enumerations are stored as the model's English codes; a code the model
// does not know can only come from a newer schema, so it is an error.
template <typename E, typename Parse>
E FromCode(const std::string& code, Parse parse) {
  if (const auto value = parse(code)) return *value;
  throw DatabaseError("the database holds an unknown code '" + code + "'");
}

std::chrono::year_month_day DateFromIso(const std::string& iso) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%u-%u", &y, &m, &d) != 3) throw DatabaseError("unexpected date '" + iso + "'");
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

std::string IllnessesText(const Person& p) { return model::Join(p.illnesses, ";"); }

// Masked values (an ID or account shown with asterisks to a role that may
// not see it) are never written back.
bool IsMasked(const std::string& value) { return value.find('*') != std::string::npos; }

class PgRegistryRepository final : public RegistryRepository {
 public:
  explicit PgRegistryRepository(soci::session& sql) : m_sql(sql) {}

  std::optional<Household> LoadHousehold(std::int64_t householdId) override {
    try {
      Household h;
      soci::indicator phoneInd{}, bankNameInd{}, bankAccountInd{};
      std::string housing, status;
      // The full bank account is not readable here (migration 0002); the
      // masked one is, and a save leaves a masked value untouched.
      m_sql << "SELECT id, version, region_code, address, phone, housing, bank_name, bank_account_masked, registry_status, "
               "updated_by, to_char(updated_at, 'YYYY-MM-DD HH24:MI') FROM doudi.household WHERE id = :id",
          soci::use(householdId), soci::into(h.id.emplace()), soci::into(h.version), soci::into(h.regionCode),
          soci::into(h.address), soci::into(h.phone, phoneInd), soci::into(housing), soci::into(h.bankName, bankNameInd),
          soci::into(h.bankAccount, bankAccountInd), soci::into(status), soci::into(h.updatedBy),
          soci::into(h.updatedAt);
      if (!m_sql.got_data()) return std::nullopt;
      h.housing = FromCode<model::HousingCondition>(housing, model::ParseHousingCondition);
      h.status = FromCode<model::RegistryStatus>(status, model::ParseRegistryStatus);
      LoadMembers(h);
      LoadIncomes(h);
      LoadAssets(h);
      LoadStatusHistory(h);
      return h;
    } catch (...) {
      RethrowAsDatabaseError("loading household " + std::to_string(householdId));
    }
  }

  std::int64_t CreateHousehold(const Household& household, const std::string& requestId) override {
    try {
      if (const auto done = AppliedRequest(requestId)) return done->first;
      soci::transaction tr(m_sql);
      std::int64_t id = 0;
      const std::string housing(model::ToCode(household.housing));
      const std::string status(model::ToCode(household.status));
      m_sql << "INSERT INTO doudi.household (region_code, address, phone, housing, bank_name, bank_account, "
               "registry_status) VALUES (:r, :a, NULLIF(:p, ''), :h, NULLIF(:bn, ''), NULLIF(:ba, ''), :s) "
               "RETURNING id",
          soci::use(household.regionCode), soci::use(household.address), soci::use(household.phone),
          soci::use(housing), soci::use(household.bankName), soci::use(household.bankAccount), soci::use(status),
          soci::into(id);
      Household stored = household;
      stored.id = id;
      SaveParts(stored);
      RecordRequest(requestId, id, 1);
      tr.commit();
      SealAfterCommit(m_sql);
      return id;
    } catch (const ConstraintViolation&) {
      throw;
    } catch (...) {
      // The same request committed meanwhile (a retry racing the original).
      if (const auto done = AppliedRequestAfterFailure(requestId)) return done->first;
      RethrowAsDatabaseError("creating a household");
    }
  }

  std::int32_t SaveHousehold(const Household& household, const std::string& requestId) override {
    if (!household.id) throw std::invalid_argument("SaveHousehold needs a household id");
    const std::int64_t id = *household.id;
    try {
      if (const auto done = AppliedRequest(requestId)) return done->second;
      soci::transaction tr(m_sql);
      std::int32_t newVersion = 0;
      const std::string housing(model::ToCode(household.housing));
      const std::string status(model::ToCode(household.status));
      const bool newAccount = !IsMasked(household.bankAccount);
      m_sql << "UPDATE doudi.household SET region_code = :r, address = :a, phone = NULLIF(:p, ''), housing = :h, "
               "bank_name = NULLIF(:bn, ''), registry_status = :s" +
                   std::string(newAccount ? ", bank_account = NULLIF(:ba, '')" : "") +
                   " WHERE id = :id AND version = :v RETURNING version",
          soci::use(household.regionCode, "r"), soci::use(household.address, "a"), soci::use(household.phone, "p"),
          soci::use(housing, "h"), soci::use(household.bankName, "bn"), soci::use(status, "s"),
          soci::use(household.bankAccount, "ba"), soci::use(id, "id"), soci::use(household.version, "v"),
          soci::into(newVersion);
      if (!m_sql.got_data()) ThrowStale(id, household.version);
      SaveParts(household);
      RecordRequest(requestId, id, newVersion);
      tr.commit();
      SealAfterCommit(m_sql);
      return newVersion;
    } catch (const VersionConflict&) {
      // A retry of a save that did commit meets its own new version.
      if (const auto done = AppliedRequestAfterFailure(requestId)) return done->second;
      throw;
    } catch (...) {
      if (const auto done = AppliedRequestAfterFailure(requestId)) return done->second;
      RethrowAsDatabaseError("saving household " + std::to_string(id));
    }
  }

 private:
  // (household id, version) of a save already applied under requestId.
  std::optional<std::pair<std::int64_t, std::int32_t>> AppliedRequest(const std::string& requestId) {
    if (requestId.empty()) return std::nullopt;
    long long householdId = 0;
    int version = 0;
    m_sql << "SELECT household_id, version FROM doudi.save_request WHERE request_id = CAST(:r AS uuid)",
        soci::use(requestId), soci::into(householdId), soci::into(version);
    if (!m_sql.got_data()) return std::nullopt;
    return std::pair<std::int64_t, std::int32_t>{householdId, version};
  }

  // The same lookup after a failed save, when the connection still works;
  // nullopt when it does not or the request is unknown.
  std::optional<std::pair<std::int64_t, std::int32_t>> AppliedRequestAfterFailure(const std::string& requestId) {
    try {
      return AppliedRequest(requestId);
    } catch (const soci::soci_error&) {
      return std::nullopt;
    }
  }

  void RecordRequest(const std::string& requestId, std::int64_t householdId, std::int32_t version) {
    if (requestId.empty()) return;
    m_sql << "INSERT INTO doudi.save_request (request_id, household_id, version) VALUES (CAST(:r AS uuid), :h, :v)",
        soci::use(requestId), soci::use(householdId), soci::use(version);
  }

  [[noreturn]] void ThrowStale(std::int64_t id, std::int32_t expected) {
    std::int32_t current = 0;
    m_sql << "SELECT version FROM doudi.household WHERE id = :id", soci::use(id), soci::into(current);
    if (!m_sql.got_data()) throw RecordGone("household " + std::to_string(id) + " no longer exists");
    throw VersionConflict("household " + std::to_string(id) + " was changed by someone else (version " +
                              std::to_string(current) + ", this edit started from version " +
                              std::to_string(expected) + ")",
                          expected, current);
  }

  // Members keep their rows (and ids) across saves; a member no longer in
  // the household is marked as having left rather than deleted. Income and
  // assets are replaced.
  void SaveParts(const Household& h) {
    const std::int64_t hid = *h.id;
    std::set<std::int64_t> kept;
    std::map<std::string, long long> personIds;  // member ID number -> person id, for income rows
    for (std::size_t i = 0; i < h.members.size(); ++i) {
      const auto personId = SaveMember(h, h.members[i], static_cast<int>(i));
      kept.insert(personId);
      personIds[h.members[i].idNumber] = personId;
    }
    std::vector<long long> current;
    {
      long long pid = 0;
      soci::statement st = (m_sql.prepare << "SELECT id FROM doudi.person WHERE household_id = :h AND left_on IS NULL",
                            soci::use(hid), soci::into(pid));
      st.execute();
      while (st.fetch()) current.push_back(pid);
    }
    for (const long long pid : current) {
      if (kept.count(pid) == 0) {
        m_sql << "UPDATE doudi.person SET left_on = current_date WHERE id = :id", soci::use(pid);
      }
    }
    m_sql << "DELETE FROM doudi.income_item WHERE household_id = :h", soci::use(hid);
    for (const auto& income : h.incomes) {
      const std::string kind(model::ToCode(income.kind));
      const long long fen = income.monthly.Fen();
      const auto member = personIds.find(income.memberIdNumber);
      soci::indicator personInd = member == personIds.end() ? soci::i_null : soci::i_ok;
      const long long personId = member == personIds.end() ? 0 : member->second;
      m_sql << "INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, monthly_fen, note) "
               "VALUES (:h, :r, :p, :k, :f, :n)",
          soci::use(hid), soci::use(h.regionCode), soci::use(personId, personInd), soci::use(kind), soci::use(fen),
          soci::use(income.note);
    }
    m_sql << "DELETE FROM doudi.asset WHERE household_id = :h", soci::use(hid);
    for (const auto& asset : h.assets) {
      const std::string kind(model::ToCode(asset.kind));
      const long long fen = asset.value.Fen();
      m_sql << "INSERT INTO doudi.asset (household_id, region_code, kind, description, value_fen) "
               "VALUES (:h, :r, :k, :d, :v)",
          soci::use(hid), soci::use(h.regionCode), soci::use(kind), soci::use(asset.description), soci::use(fen);
    }
  }

  std::int64_t SaveMember(const Household& h, const Person& p, int position) {
    const std::string relation(model::ToCode(p.relation));
    const std::string disability(model::ToCode(p.disability));
    const std::string schooling(model::ToCode(p.schooling));
    const std::string employment(model::ToCode(p.employment));
    const std::string ability(model::ToCode(p.workAbility));
    const std::string illnesses = IllnessesText(p);
    const int grade = p.disabilityGrade;
    const std::int64_t hid = *h.id;
    long long id = 0;
    if (p.id) {
      const long long existing = *p.id;
      // A member shown masked (the caller may not see full IDs) keeps the ID.
      const bool newId = !IsMasked(p.idNumber);
      m_sql << "UPDATE doudi.person SET position = :pos, name = :n, relation = :rel, "
               "disability_category = :dc, disability_grade = NULLIF(:dg, 0), "
               "illnesses = string_to_array(:ill, ';'), schooling = :sc, employment = :em, work_ability = :wa" +
                   std::string(newId ? ", id_number = :idn" : "") +
                   " WHERE id = :id AND household_id = :h AND left_on IS NULL RETURNING id",
          soci::use(position, "pos"), soci::use(p.name, "n"), soci::use(relation, "rel"), soci::use(disability, "dc"),
          soci::use(grade, "dg"), soci::use(illnesses, "ill"), soci::use(schooling, "sc"), soci::use(employment, "em"),
          soci::use(ability, "wa"), soci::use(p.idNumber, "idn"), soci::use(existing, "id"), soci::use(hid, "h"),
          soci::into(id);
      if (!m_sql.got_data()) throw RecordGone("member " + std::to_string(existing) + " is no longer in the household");
      return id;
    }
    m_sql << "INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation, "
             "disability_category, disability_grade, illnesses, schooling, employment, work_ability) "
             "VALUES (:h, :r, :pos, :idn, :n, :rel, :dc, NULLIF(:dg, 0), string_to_array(:ill, ';'), :sc, :em, :wa) "
             "RETURNING id",
        soci::use(hid), soci::use(h.regionCode), soci::use(position), soci::use(p.idNumber), soci::use(p.name),
        soci::use(relation), soci::use(disability), soci::use(grade), soci::use(illnesses), soci::use(schooling),
        soci::use(employment), soci::use(ability), soci::into(id);
    return id;
  }

  void LoadMembers(Household& h) {
    soci::rowset<soci::row> rows = (m_sql.prepare
        << "SELECT id, id_number_masked, name, relation, disability_category, coalesce(disability_grade, 0)::int, "
           "array_to_string(illnesses, ';'), schooling, employment, work_ability "
           "FROM doudi.person WHERE household_id = :h AND left_on IS NULL ORDER BY position, id",
        soci::use(*h.id));
    for (const auto& r : rows) {
      Person p;
      p.id = r.get<long long>(0);
      p.idNumber = r.get<std::string>(1);
      p.name = r.get<std::string>(2);
      p.relation = FromCode<model::Relation>(r.get<std::string>(3), model::ParseRelation);
      p.disability = FromCode<model::DisabilityCategory>(r.get<std::string>(4), model::ParseDisabilityCategory);
      p.disabilityGrade = r.get<int>(5);
      p.illnesses = model::Split(r.get<std::string>(6), ';');
      p.schooling = FromCode<model::Schooling>(r.get<std::string>(7), model::ParseSchooling);
      p.employment = FromCode<model::Employment>(r.get<std::string>(8), model::ParseEmployment);
      p.workAbility = FromCode<model::WorkAbility>(r.get<std::string>(9), model::ParseWorkAbility);
      h.members.push_back(std::move(p));
    }
    // Full ID numbers where the caller's role may see them (recorded by the
    // database as a viewing of unmasked data); masked ones otherwise.
    std::map<long long, std::string> ids;
    soci::rowset<soci::row> full =
        (m_sql.prepare << "SELECT person_id, id_number FROM doudi.household_member_ids(:h)", soci::use(*h.id));
    for (const auto& r : full) ids[r.get<long long>(0)] = r.get<std::string>(1);
    for (auto& p : h.members) {
      if (const auto it = ids.find(*p.id); it != ids.end()) p.idNumber = it->second;
    }
  }

  void LoadIncomes(Household& h) {
    soci::rowset<soci::row> rows = (m_sql.prepare
        << "SELECT id, kind, monthly_fen, coalesce(person_id, 0), note FROM doudi.income_item "
           "WHERE household_id = :h ORDER BY id",
        soci::use(*h.id));
    for (const auto& r : rows) {
      model::IncomeItem item;
      item.id = r.get<long long>(0);
      item.kind = FromCode<model::IncomeKind>(r.get<std::string>(1), model::ParseIncomeKind);
      item.monthly = model::Money::FromFen(r.get<long long>(2));
      const long long personId = r.get<long long>(3);
      for (const auto& member : h.members) {
        if (member.id && *member.id == personId) item.memberIdNumber = member.idNumber;
      }
      item.note = r.get<std::string>(4);
      h.incomes.push_back(std::move(item));
    }
  }

  void LoadAssets(Household& h) {
    soci::rowset<soci::row> rows = (m_sql.prepare
        << "SELECT id, kind, description, value_fen FROM doudi.asset WHERE household_id = :h ORDER BY id",
        soci::use(*h.id));
    for (const auto& r : rows) {
      model::Asset asset;
      asset.id = r.get<long long>(0);
      asset.kind = FromCode<model::AssetKind>(r.get<std::string>(1), model::ParseAssetKind);
      asset.description = r.get<std::string>(2);
      asset.value = model::Money::FromFen(r.get<long long>(3));
      h.assets.push_back(std::move(asset));
    }
  }

  void LoadStatusHistory(Household& h) {
    soci::rowset<soci::row> rows = (m_sql.prepare
        << "SELECT status, to_char(since, 'YYYY-MM-DD'), reason, changed_by FROM doudi.registry_status_change "
           "WHERE household_id = :h ORDER BY changed_at, id",
        soci::use(*h.id));
    for (const auto& r : rows) {
      model::RegistryStatusChange change;
      change.status = FromCode<model::RegistryStatus>(r.get<std::string>(0), model::ParseRegistryStatus);
      change.since = DateFromIso(r.get<std::string>(1));
      change.reason = r.get<std::string>(2);
      change.changedBy = r.get<std::string>(3);
      h.statusHistory.push_back(std::move(change));
    }
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<RegistryRepository> MakeRegistryRepository(soci::session& sql) {
  return std::make_unique<PgRegistryRepository>(sql);
}

}  // namespace doudi::dal::pg
