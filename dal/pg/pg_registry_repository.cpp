#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>

#include <soci/postgresql/soci-postgresql.h>

#include "doudi/dal/errors.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/masking.h"
#include "doudi/model/text.h"
#include "pg_errors.h"
#include "pg_hex.h"
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
      LoadCards(h);
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
      return Save(household, requestId).first;
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
      return Save(household, requestId).second;
    } catch (const soci::postgresql_soci_error& e) {
      if (const auto done = AppliedRequestAfterFailure(requestId)) return done->second;
      const std::string state = e.sqlstate();
      if (state == "40001") ThrowStale(id, household.version);
      if (state == "P0002") throw RecordGone(e.what());
      RethrowAsDatabaseError("saving household " + std::to_string(id));
    } catch (...) {
      if (const auto done = AppliedRequestAfterFailure(requestId)) return done->second;
      RethrowAsDatabaseError("saving household " + std::to_string(id));
    }
  }

  std::vector<std::uint8_t> CardPhoto(std::int64_t personId) override {
    try {
      std::string hex;
      soci::indicator ind = soci::i_null;
      m_sql << "SELECT encode(f.photo, 'hex') FROM doudi.person_card_current AS c "
               "JOIN doudi.person_card_photo AS f ON f.card_id = c.id WHERE c.person_id = :p",
          soci::use(personId), soci::into(hex, ind);
      if (!m_sql.got_data() || ind != soci::i_ok) return {};
      return BytesOfHex(hex);
    } catch (...) {
      RethrowAsDatabaseError("loading the card photo of person " + std::to_string(personId));
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

  [[noreturn]] void ThrowStale(std::int64_t id, std::int32_t expected) {
    std::int32_t current = 0;
    m_sql << "SELECT version FROM doudi.household WHERE id = :id", soci::use(id), soci::into(current);
    if (!m_sql.got_data()) throw RecordGone("household " + std::to_string(id) + " no longer exists");
    throw VersionConflict("household " + std::to_string(id) + " was changed by someone else (version " +
                              std::to_string(current) + ", this edit started from version " +
                              std::to_string(expected) + ")",
                          expected, current);
  }

  // One call of doudi.household_save (migration 0017): the household with
  // its members, income and assets as parallel arrays, each one bound value.
  // Members keep their rows (and ids) across saves; a member no longer in the
  // household is marked as having left. A masked ID or account (the caller
  // may not see it) is sent empty: the stored one is kept.
  std::pair<std::int64_t, std::int32_t> Save(const Household& h, const std::string& requestId) {
    std::vector<std::string> ids, idNumbers, names, relations, disabilities, grades, illnesses, schooling, employment,
        ability;
    std::map<std::string, std::size_t> place;  // member ID number -> 1-based place, for income rows
    for (const auto& p : h.members) {
      ids.push_back(std::to_string(p.id.value_or(0)));
      idNumbers.push_back(model::IsMaskedIdNumber(p.idNumber) ? std::string() : p.idNumber);
      names.push_back(p.name);
      relations.emplace_back(model::ToCode(p.relation));
      disabilities.emplace_back(model::ToCode(p.disability));
      grades.push_back(std::to_string(p.disabilityGrade));
      illnesses.push_back(IllnessesText(p));
      schooling.emplace_back(model::ToCode(p.schooling));
      employment.emplace_back(model::ToCode(p.employment));
      ability.emplace_back(model::ToCode(p.workAbility));
      place.emplace(p.idNumber, names.size());
    }
    std::vector<std::string> incomeMembers, incomeKinds, incomeFen, incomeNotes;
    for (const auto& income : h.incomes) {
      const auto member = place.find(income.memberIdNumber);
      incomeMembers.push_back(std::to_string(member == place.end() ? 0 : member->second));
      incomeKinds.emplace_back(model::ToCode(income.kind));
      incomeFen.push_back(std::to_string(income.monthly.Fen()));
      incomeNotes.push_back(income.note);
    }
    std::vector<std::string> assetKinds, assetDescriptions, assetFen;
    for (const auto& asset : h.assets) {
      assetKinds.emplace_back(model::ToCode(asset.kind));
      assetDescriptions.push_back(asset.description);
      assetFen.push_back(std::to_string(asset.value.Fen()));
    }
    const std::string housing(model::ToCode(h.housing));
    const std::string status(model::ToCode(h.status));
    const bool keepAccount = model::IsMaskedBankAccount(h.bankAccount);
    soci::indicator idInd = h.id ? soci::i_ok : soci::i_null;
    soci::indicator accountInd = keepAccount ? soci::i_null : soci::i_ok;
    // Always under a request id: a card read is recorded only beside its
    // save's (doudi.person_card_record).
    const std::string request = requestId.empty() ? NewRequestId() : requestId;
    const long long householdId = h.id.value_or(0);
    const std::string a[] = {TextArrayLiteral(ids),          TextArrayLiteral(idNumbers),    TextArrayLiteral(names),
                             TextArrayLiteral(relations),    TextArrayLiteral(disabilities), TextArrayLiteral(grades),
                             TextArrayLiteral(illnesses),    TextArrayLiteral(schooling),    TextArrayLiteral(employment),
                             TextArrayLiteral(ability),      TextArrayLiteral(incomeMembers), TextArrayLiteral(incomeKinds),
                             TextArrayLiteral(incomeFen),    TextArrayLiteral(incomeNotes),  TextArrayLiteral(assetKinds),
                             TextArrayLiteral(assetDescriptions), TextArrayLiteral(assetFen)};
    long long savedId = 0;
    int savedVersion = 0;
    std::string refusal;
    soci::indicator idOut{}, versionOut{}, refusalInd{};
    soci::transaction tr(m_sql);
    m_sql << "SELECT saved_household_id, saved_version, refusal FROM doudi.household_save(CAST(:req AS uuid), :hid, :ver, "
             ":r, :a, :p, :h, :bn, :ba, :s, CAST(:m0 AS bigint[]), CAST(:m1 AS text[]), CAST(:m2 AS text[]), "
             "CAST(:m3 AS text[]), CAST(:m4 AS text[]), CAST(:m5 AS integer[]), CAST(:m6 AS text[]), "
             "CAST(:m7 AS text[]), CAST(:m8 AS text[]), CAST(:m9 AS text[]), CAST(:i0 AS integer[]), "
             "CAST(:i1 AS text[]), CAST(:i2 AS bigint[]), CAST(:i3 AS text[]), CAST(:a0 AS text[]), "
             "CAST(:a1 AS text[]), CAST(:a2 AS bigint[]))",
        soci::use(request), soci::use(householdId, idInd), soci::use(h.version),
        soci::use(h.regionCode), soci::use(h.address), soci::use(h.phone), soci::use(housing), soci::use(h.bankName),
        soci::use(h.bankAccount, accountInd), soci::use(status), soci::use(a[0]), soci::use(a[1]), soci::use(a[2]),
        soci::use(a[3]), soci::use(a[4]), soci::use(a[5]), soci::use(a[6]), soci::use(a[7]), soci::use(a[8]),
        soci::use(a[9]), soci::use(a[10]), soci::use(a[11]), soci::use(a[12]), soci::use(a[13]), soci::use(a[14]),
        soci::use(a[15]), soci::use(a[16]), soci::into(savedId, idOut), soci::into(savedVersion, versionOut), soci::into(refusal, refusalInd);
    if (refusalInd != soci::i_ok) RecordCards(h, savedId, request);
    // A refusal commits too: it wrote only the record of what was asked.
    tr.commit();
    if (refusalInd == soci::i_ok) {
      // "doudi:<code> <arguments as JSON>", as a raised refusal's MESSAGE and DETAIL.
      const auto space = refusal.find(' ');
      throw ConstraintViolation("while saving a household: " + refusal, "23505",
                                ParseRefusal(std::string_view(refusal).substr(0, space),
                                             space == std::string::npos ? "" : std::string_view(refusal).substr(space + 1)));
    }
    SealAfterCommit(m_sql);
    return {savedId, savedVersion};
  }

  // Each card read at the desk since h was loaded (IdCardFacts::fresh), in
  // the save's transaction: the card and the save are stored together or
  // not at all, and the save's request id keeps a resent save from
  // recording a read twice (doudi.person_card_record).
  void RecordCards(const Household& h, long long householdId, const std::string& request) {
    for (const auto& p : h.members) {
      // A read is its number's: one the member no longer has is not theirs.
      if (!p.card || !p.card->fresh || p.card->idNumber != p.idNumber) continue;
      const auto& card = *p.card;
      const std::string from = model::IsoDate(card.validFrom);
      const std::string until = card.validUntil ? model::IsoDate(*card.validUntil) : std::string();
      const std::string photo = HexOf(card.photo);
      soci::indicator untilInd = card.validUntil ? soci::i_ok : soci::i_null;
      soci::indicator photoInd = card.photo.empty() ? soci::i_null : soci::i_ok;
      long long id = 0;
      m_sql << "SELECT doudi.person_card_record(CAST(:r AS uuid), :h, :n, :e, :a, CAST(:f AS date), "
               "CAST(:u AS date), decode(:p, 'hex'))",
          soci::use(request), soci::use(householdId), soci::use(p.idNumber), soci::use(card.ethnicityCode),
          soci::use(card.authority), soci::use(from), soci::use(until, untilInd), soci::use(photo, photoInd),
          soci::into(id);
    }
  }

  // The card in use of each current member (no photo bytes).
  void LoadCards(Household& h) {
    soci::rowset<soci::row> rows =
        (m_sql.prepare << "SELECT c.person_id, c.ethnicity_code, c.authority, to_char(c.valid_from, 'YYYY-MM-DD'), "
                          "coalesce(to_char(c.valid_until, 'YYYY-MM-DD'), ''), "
                          "to_char(c.read_at, 'YYYY-MM-DD HH24:MI') FROM doudi.person_card_current AS c "
                          "WHERE c.household_id = :h",
         soci::use(*h.id));
    std::map<long long, Person*> byId;
    for (auto& p : h.members) {
      if (p.id) byId[*p.id] = &p;
    }
    for (const auto& r : rows) {
      const auto member = byId.find(r.get<long long>(0));
      if (member == byId.end()) continue;  // a member who has left
      model::IdCardFacts card;
      card.ethnicityCode = r.get<std::string>(1);
      card.authority = r.get<std::string>(2);
      card.validFrom = model::ParseIsoDate(r.get<std::string>(3)).value_or(std::chrono::year_month_day{});
      card.validUntil = model::ParseIsoDate(r.get<std::string>(4));
      card.readAt = r.get<std::string>(5);
      member->second->card = std::move(card);
    }
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
           "WHERE household_id = :h ORDER BY id",  // as written: the demo's backdated stamps too
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
