// Regions in bulk and the registry exported as import-template rows.
#include <algorithm>

#include "doudi/model/money.h"
#include "doudi/model/region_code.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {

int UpsertRegionRows(soci::session& sql, const std::vector<RegionEntry>& regions) {
  try {
    // Parents before children: a shorter scope prefix sorts first.
    std::vector<RegionEntry> ordered = regions;
    std::stable_sort(ordered.begin(), ordered.end(), [](const RegionEntry& a, const RegionEntry& b) {
      const auto level = [](const RegionEntry& e) {
        const auto code = model::RegionCode::Parse(e.code);
        return code ? static_cast<int>(code->Level()) : 99;
      };
      return level(a) < level(b);
    });
    soci::transaction tr(sql);
    int added = 0;
    for (const auto& region : ordered) {
      const auto code = model::RegionCode::Parse(region.code);
      if (!code) throw std::invalid_argument("'" + region.code + "' is not a 12-digit region code");
      const auto parent = code->Parent();
      const std::string parentCode = parent ? parent->Text() : std::string();
      int inserted = 0;
      sql << "INSERT INTO doudi.region (code, name, parent_code) VALUES (:c, :n, NULLIF(:p, '')) "
             "ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING (xmax = 0)::int",
          soci::use(region.code), soci::use(region.name), soci::use(parentCode), soci::into(inserted);
      added += inserted;
    }
    tr.commit();
    return added;
  } catch (const std::invalid_argument&) {
    throw;
  } catch (...) {
    RethrowAsDatabaseError("storing regions");
  }
}

int ReferImportedHouseholds(soci::session& sql, const std::string& source, const std::vector<std::string>& refs,
                            const std::string& department, const std::string& kind, const std::string& request) {
  try {
    soci::transaction tr(sql);
    int added = 0;
    for (const auto& ref : refs) {
      // One send per household, named by a request id drawn from the
      // household, so the demo run again refers nobody twice.
      int n = 0;
      sql << "SELECT count(*) FROM doudi.household AS h, "
             "LATERAL doudi.referral_send(md5('demo referral ' || h.id || CAST(:d AS text))::uuid, h.id, NULL, NULL, '', "
             "jsonb_build_array(jsonb_build_object('department', CAST(:d2 AS text), 'kind', CAST(:k AS text), "
             "'request', CAST(:q AS text)))) AS s "
             "WHERE h.source = :s AND h.source_ref = :r "
             "AND NOT EXISTS (SELECT 1 FROM doudi.referral_send AS x "
             "                WHERE x.request_id = md5('demo referral ' || h.id || CAST(:d3 AS text))::uuid)",
          soci::use(department), soci::use(department), soci::use(kind), soci::use(request), soci::use(source),
          soci::use(ref), soci::use(department), soci::into(n);
      added += n;
    }
    tr.commit();
    SealAfterCommit(sql);
    return added;
  } catch (...) {
    RethrowAsDatabaseError("referring households to " + department);
  }
}

void ExportHouseholdRows(soci::session& sql, const std::string& regionPrefix,
                         const std::function<void(const model::ImportRow&)>& sink) {
  using model::ImportColumn;
  if (!regionPrefix.empty() && !model::RegionCode::IsValidScopePrefix(regionPrefix)) {
    throw std::invalid_argument("a region prefix has 2, 4, 6, 9 or 12 digits: '" + regionPrefix + "'");
  }
  std::string lo = regionPrefix, hi = regionPrefix;
  lo.resize(12, '0');
  hi.resize(12, '9');
  try {
    soci::rowset<soci::row> rows = (sql.prepare <<
        "SELECT coalesce(h.source_ref, 'H' || h.id), h.region_code, h.address, p.name, p.id_number, "
        "coalesce(p.relation_term, p.relation), "
        "coalesce((SELECT sum(monthly_fen) FROM doudi.income_item AS i WHERE i.person_id = p.id), 0)::bigint, "
        "coalesce(h.phone, ''), h.registry_status, h.housing, coalesce(h.bank_name, ''), "
        "coalesce(h.bank_account, ''), p.disability_category, coalesce(p.disability_grade::text, ''), "
        "array_to_string(p.illnesses, ';'), p.schooling, p.employment, p.work_ability "
        "FROM doudi.household AS h JOIN doudi.person AS p ON p.household_id = h.id AND p.left_on IS NULL "
        "WHERE h.closed_on IS NULL AND h.region_code BETWEEN :lo AND :hi ORDER BY h.id, p.position, p.id",
        soci::use(lo), soci::use(hi));
    std::int64_t line = 1;
    for (const auto& r : rows) {
      model::ImportRow out;
      out.line = ++line;
      for (std::size_t c = 0; c < model::kImportColumnCount; ++c) {
        if (static_cast<ImportColumn>(c) == ImportColumn::MonthlyIncome) {
          out.values[c] = model::Money::FromFen(r.get<long long>(c)).ToYuanString();
        } else {
          out.values[c] = r.get<std::string>(c);
        }
      }
      sink(out);
    }
  } catch (...) {
    RethrowAsDatabaseError("exporting households");
  }
}

}  // namespace doudi::dal::pg
