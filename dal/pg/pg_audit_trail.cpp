#include <algorithm>
#include <cctype>

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
      long long seals = 0, rows = 0, brokenRow = 0, brokenSeal = 0, rowsNow = 0, rowsSealed = 0;
      long long pendingTransactions = 0, pendingRows = 0;
      int lockPid = 0;
      std::string problem, lockUser;
      soci::indicator rowInd{}, sealInd{}, problemInd{}, nowInd{}, sealedInd{}, pidInd{}, userInd{};
      m_sql << "SELECT seals, audit_rows, broken_row, broken_seal, problem, rows_now, rows_sealed, "
               "pending_transactions, pending_rows, seal_lock_pid, seal_lock_user FROM doudi.audit_verify()",
          soci::into(seals), soci::into(rows), soci::into(brokenRow, rowInd), soci::into(brokenSeal, sealInd),
          soci::into(problem, problemInd), soci::into(rowsNow, nowInd), soci::into(rowsSealed, sealedInd),
          soci::into(pendingTransactions), soci::into(pendingRows), soci::into(lockPid, pidInd),
          soci::into(lockUser, userInd);
      v.seals = seals;
      v.auditRows = rows;
      if (rowInd == soci::i_ok) v.brokenRow = brokenRow;
      if (sealInd == soci::i_ok) v.brokenSeal = brokenSeal;
      if (nowInd == soci::i_ok) v.rowsNow = rowsNow;
      if (sealedInd == soci::i_ok) v.rowsSealed = rowsSealed;
      v.pendingTransactions = pendingTransactions;
      v.pendingRows = pendingRows;
      if (pidInd == soci::i_ok) v.sealLockPid = lockPid;
      if (userInd == soci::i_ok) v.sealLockUser = lockUser;
      if (problemInd == soci::i_ok) v.breakKind = BreakFromCode(problem);
      v.outsideChanges = Reconcile();
      v.intact = v.breakKind == AuditBreak::None && v.outsideChanges.empty();
      v.problem = Describe(v);
      return v;
    } catch (...) {
      RethrowAsDatabaseError("verifying the audit trail");
    }
  }

  std::optional<AuditAnchor> LatestSeal() override {
    SealPending();
    try {
      long long seq = 0;
      soci::indicator seqInd{};
      m_sql << "SELECT max(seq) FROM doudi.audit_seal", soci::into(seq, seqInd);
      if (seqInd != soci::i_ok) return std::nullopt;
      return SealAt(seq);
    } catch (...) {
      RethrowAsDatabaseError("reading the audit trail's last seal");
    }
  }

  AnchorVerdict CheckAnchor(const AuditAnchor& anchor) override {
    try {
      AnchorVerdict verdict;
      long long last = 0;
      m_sql << "SELECT coalesce(max(seq), 0) FROM doudi.audit_seal", soci::into(last);
      verdict.lastSeq = last;
      const auto found = SealAt(anchor.seq);
      if (!found) {
        verdict.outcome = AnchorVerdict::Outcome::SealMissing;
        return verdict;
      }
      verdict.found = *found;
      std::string hash = anchor.hash;
      std::transform(hash.begin(), hash.end(), hash.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (hash != found->hash) {
        verdict.outcome = AnchorVerdict::Outcome::HashDiffers;
      } else if (anchor.sealedAt != found->sealedAt || anchor.rowCount != found->rowCount) {
        verdict.outcome = AnchorVerdict::Outcome::SealChanged;
      }
      return verdict;
    } catch (...) {
      RethrowAsDatabaseError("checking the audit trail against its anchor");
    }
  }

  std::vector<AuditEntry> HouseholdHistory(std::int64_t householdId) override {
    // One line per changed field, computed by the database from the JSONB
    // images. Read through doudi.audit_trail: masked, within the scope.
    return ReadRows(
        "reading the history of household " + std::to_string(householdId),
        (m_sql.prepare
             << "SELECT r.id, to_char(r.at, 'YYYY-MM-DD HH24:MI:SS'), r.actor, r.table_name, r.operation, r.row_key, "
                "coalesce((SELECT string_agg(CASE r.operation "
                "  WHEN 'UPDATE' THEN k || ': ' || coalesce(r.old_row ->> k, 'null') || ' -> ' || "
                "coalesce(r.new_row ->> k, 'null') "
                "  ELSE k || '=' || coalesce(coalesce(r.new_row, r.old_row) ->> k, 'null') END, E'\\x1e' ORDER BY k) "
                "  FROM jsonb_object_keys(coalesce(r.new_row, r.old_row)) AS k "
                "  WHERE r.operation <> 'UPDATE' OR (r.old_row -> k) IS DISTINCT FROM (r.new_row -> k)), ''), "
                "r.sealed::int FROM doudi.audit_trail AS r WHERE r.household_id = :h ORDER BY r.id",
         soci::use(householdId)),
        [](const soci::row& r) {
          AuditEntry e;
          e.id = r.get<long long>(0);
          e.at = r.get<std::string>(1);
          e.actor = r.get<std::string>(2);
          e.table = r.get<std::string>(3);
          e.operation = r.get<std::string>(4);
          e.key = r.get<std::string>(5);
          e.changes = model::Split(r.get<std::string>(6), '\x1e');
          e.sealed = r.get<int>(7) != 0;
          return e;
        });
  }

 private:
  static AuditBreak BreakFromCode(const std::string& code) {
    if (code == "seal_out_of_order") return AuditBreak::SealOutOfOrder;
    if (code == "row_edited") return AuditBreak::RowEdited;
    if (code == "rows_changed") return AuditBreak::RowsChanged;
    if (code == "seal_rewritten") return AuditBreak::SealRewritten;
    if (code == "row_unsealed") return AuditBreak::RowUnsealed;
    throw DatabaseError("doudi.audit_verify reported a problem this program does not know: " + code);
  }

  // Read with the caller's rights: doudi.audit_seal is granted to auditors
  // and center administrators only. The time is written in UTC so that an
  // anchor compares equal whatever the session's TimeZone.
  std::optional<AuditAnchor> SealAt(std::int64_t seq) {
    AuditAnchor a;
    const long long wanted = seq;
    long long foundSeq = 0, rowCount = 0, auditRows = 0;
    soci::indicator ind{};
    m_sql << "SELECT s.seq, encode(s.hash, 'hex'), "
             "to_char(s.sealed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), s.row_count, "
             "(SELECT sum(x.row_count) FROM doudi.audit_seal AS x WHERE x.seq <= s.seq)::bigint, current_database(), "
             "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), session_user "
             "FROM doudi.audit_seal AS s WHERE s.seq = :seq",
        soci::use(wanted), soci::into(foundSeq, ind), soci::into(a.hash), soci::into(a.sealedAt), soci::into(rowCount),
        soci::into(auditRows), soci::into(a.database), soci::into(a.takenAt), soci::into(a.takenBy);
    if (!m_sql.got_data() || ind != soci::i_ok) return std::nullopt;
    a.seq = foundSeq;
    a.rowCount = rowCount;
    a.auditRows = auditRows;
    return a;
  }

  std::vector<AuditOutsideChange> Reconcile() {
    std::vector<AuditOutsideChange> changes;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << "SELECT table_name, row_key, problem FROM doudi.audit_reconcile()");
    for (const auto& r : rows) {
      AuditOutsideChange c;
      c.table = r.get<std::string>(0);
      c.key = r.get<std::string>(1);
      const auto kind = r.get<std::string>(2);
      c.kind = kind == "gone"        ? AuditOutsideChange::Kind::Gone
               : kind == "unaudited" ? AuditOutsideChange::Kind::Unaudited
                                     : AuditOutsideChange::Kind::Changed;
      changes.push_back(std::move(c));
    }
    return changes;
  }

  // The English summary of the first problem (doudi-admin words its own).
  static std::string Describe(const AuditVerdict& v) {
    const auto row = v.brokenRow ? std::to_string(*v.brokenRow) : std::string("?");
    const auto seal = v.brokenSeal ? std::to_string(*v.brokenSeal) : std::string("?");
    switch (v.breakKind) {
      case AuditBreak::SealOutOfOrder:
        return "seal " + seal + " does not follow the seal before it (the chain was cut or reordered)";
      case AuditBreak::RowEdited:
        return "audit row " + row + " was changed after it was written (its content no longer matches its hash)";
      case AuditBreak::RowsChanged:
        return "the audit rows of seal " + seal + " were added to, removed or rewritten: " + std::to_string(v.rowsNow) +
               " rows now, " + std::to_string(v.rowsSealed) + " sealed" +
               (v.brokenRow ? "; audit row " + row + " is missing" : std::string());
      case AuditBreak::SealRewritten:
        return "seal " + seal + " was rewritten (its hash does not match its content)";
      case AuditBreak::RowUnsealed:
        return "audit row " + row + " belongs to no seal and to no transaction waiting for one (slipped in)";
      case AuditBreak::None:
        break;
    }
    if (!v.outsideChanges.empty()) {
      const auto& c = v.outsideChanges.front();
      return std::to_string(v.outsideChanges.size()) + " audited rows changed outside the audit, the first " + c.table +
             " " + c.key +
             (c.kind == AuditOutsideChange::Kind::Gone        ? " (gone without a DELETE audit row)"
              : c.kind == AuditOutsideChange::Kind::Unaudited ? " (exists without an audit row)"
                                                              : " (differs from its last audit row)");
    }
    return "";
  }

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
