#include "doudi/dal/audit_trail.h"
#include "doudi/dal/errors.h"
#include "doudi/model/text.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

class PgAuditTrail final : public AuditTrail {
 public:
  explicit PgAuditTrail(soci::session& sql) : m_sql(sql) {}

  int SealPending() override {
    try {
      int sealed = 0;
      soci::transaction tr(m_sql);
      m_sql << "SELECT doudi.audit_seal_pending()", soci::into(sealed);
      tr.commit();
      return sealed;
    } catch (...) {
      RethrowAsDatabaseError("sealing the audit trail");
    }
  }

  AuditVerdict Verify() override {
    SealPending();
    try {
      AuditVerdict v;
      long long seals = 0, rows = 0, brokenRow = 0, brokenSeal = 0;
      soci::indicator rowInd{}, sealInd{}, problemInd{};
      std::string problem;
      m_sql << "SELECT seals, audit_rows, broken_row, broken_seal, problem FROM doudi.audit_verify()",
          soci::into(seals), soci::into(rows), soci::into(brokenRow, rowInd), soci::into(brokenSeal, sealInd),
          soci::into(problem, problemInd);
      v.seals = seals;
      v.auditRows = rows;
      if (rowInd == soci::i_ok) v.brokenRow = brokenRow;
      if (sealInd == soci::i_ok) v.brokenSeal = brokenSeal;
      if (problemInd == soci::i_ok) {
        v.intact = false;
        v.problem = problem;
      }
      return v;
    } catch (...) {
      RethrowAsDatabaseError("verifying the audit trail");
    }
  }

  std::vector<AuditEntry> HouseholdHistory(std::int64_t householdId) override {
    try {
      // One line per changed field, computed by the database from the JSONB
      // images. Read through doudi.audit_trail: masked, within the scope.
      soci::rowset<soci::row> rows = (m_sql.prepare <<
          "SELECT r.id, to_char(r.at, 'YYYY-MM-DD HH24:MI:SS'), r.actor, r.table_name, r.operation, r.row_key, "
          "coalesce((SELECT string_agg(CASE r.operation "
          "  WHEN 'UPDATE' THEN k || ': ' || coalesce(r.old_row ->> k, 'null') || ' -> ' || coalesce(r.new_row ->> k, 'null') "
          "  ELSE k || '=' || coalesce(coalesce(r.new_row, r.old_row) ->> k, 'null') END, E'\\x1e' ORDER BY k) "
          "  FROM jsonb_object_keys(coalesce(r.new_row, r.old_row)) AS k "
          "  WHERE r.operation <> 'UPDATE' OR (r.old_row -> k) IS DISTINCT FROM (r.new_row -> k)), ''), "
          "r.sealed::int FROM doudi.audit_trail AS r WHERE r.household_id = :h ORDER BY r.id",
          soci::use(householdId));
      std::vector<AuditEntry> history;
      for (const auto& r : rows) {
        AuditEntry e;
        e.id = r.get<long long>(0);
        e.at = r.get<std::string>(1);
        e.actor = r.get<std::string>(2);
        e.table = r.get<std::string>(3);
        e.operation = r.get<std::string>(4);
        e.key = r.get<std::string>(5);
        e.changes = model::Split(r.get<std::string>(6), '\x1e');
        e.sealed = r.get<int>(7) != 0;
        history.push_back(std::move(e));
      }
      return history;
    } catch (...) {
      RethrowAsDatabaseError("reading the history of household " + std::to_string(householdId));
    }
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<AuditTrail> MakeAuditTrail(soci::session& sql) { return std::make_unique<PgAuditTrail>(sql); }

// Sealing after a commit is the committer's courtesy to the chain: if it
// fails (or another session is sealing), the next seal or verify picks the
// transaction up, so the save itself has still succeeded.
void SealAfterCommit(soci::session& sql) {
  try {
    soci::transaction tr(sql);
    sql << "SELECT doudi.audit_seal_pending()";
    tr.commit();
  } catch (const soci::soci_error&) {
  }
}

}  // namespace doudi::dal::pg
