// Cross-check batches: the rows the model's reader accepted are sent with
// COPY into doudi.crosscheck_stage under a new batch id, and
// doudi.crosscheck_import_apply (a definer function) matches them to
// persons, checks each against the caller's scope, stores the batch and its
// rows and screens the rules that read the kind — all in one transaction,
// so a failure leaves nothing half-stored.
#include "doudi/dal/crosscheck_import.h"

#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"
#include "pg_copy.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

constexpr std::int64_t kProgressStep = 10'000;

constexpr const char* kApply = R"sql(
CREATE TEMP TABLE crosscheck_applied ON COMMIT DROP AS
SELECT * FROM doudi.crosscheck_import_apply(CAST(:batch AS uuid), :kind, :source, CAST(:as_of AS date),
                                            :authorization, :sha, :read, :rejected, :dry)
)sql";

// The batch row's counts (its message is a JSON object of them).
constexpr const char* kBatchRow = R"sql(
SELECT code, coalesce(line, 0), (message::jsonb ->> 'stored')::bigint, (message::jsonb ->> 'replaced')::bigint,
       (message::jsonb ->> 'unchanged')::bigint, (message::jsonb ->> 'rejected')::bigint
FROM crosscheck_applied WHERE kind = 'batch'
)sql";

constexpr const char* kBatches = R"sql(
SELECT id, kind, source_department, to_char(as_of, 'YYYY-MM-DD'), authorization_ref, file_sha256, rows_read,
       rows_stored, rows_replaced, rows_unchanged, rows_rejected, imported_by,
       to_char(imported_at, 'YYYY-MM-DD HH24:MI'), to_char(withdrawn_at, 'YYYY-MM-DD HH24:MI'),
       coalesce(withdrawn_by, ''), coalesce(withdraw_reason, '')
FROM doudi.crosscheck_batch
WHERE :kind = '' OR kind = :kind
ORDER BY id DESC
)sql";

void SendRows(soci::session& sql, const std::string& batch, const std::vector<model::CrosscheckRow>& rows,
              const std::function<void(std::int64_t)>& onStored) {
  CopyIn copy(sql,
              "COPY doudi.crosscheck_stage (batch, line, row_key, id_number, name, region_code, event_date, category, "
              "amount_fen, covered_fen, self_paid_fen, detail) FROM STDIN");
  auto optional = [&](const std::optional<std::int64_t>& value) {
    if (value) {
      copy.Field(*value);
    } else {
      copy.Null();
    }
  };
  std::int64_t sent = 0;
  for (const auto& row : rows) {
    copy.Field(batch);
    copy.Field(row.line);
    copy.Field(row.rowKey);
    copy.Field(row.idNumber);
    copy.Field(row.name);
    if (row.regionCode.empty()) {
      copy.Null();
    } else {
      copy.Field(row.regionCode);
    }
    copy.Field(IsoDate(row.eventDate));
    copy.Field(row.category);
    optional(row.amountFen);
    optional(row.coveredFen);
    optional(row.selfPaidFen);
    copy.Field(row.detailJson);
    copy.EndRow();
    if (onStored && ++sent % kProgressStep == 0) onStored(sent);
  }
  copy.Finish();
  if (onStored) onStored(static_cast<std::int64_t>(rows.size()));
}

class PgCrosscheckImporter final : public CrosscheckImporter {
 public:
  explicit PgCrosscheckImporter(soci::session& sql) : m_sql(sql) {}

  CrosscheckOutcome Import(const std::vector<model::CrosscheckRow>& rows, const CrosscheckImportOptions& options,
                           const std::function<void(std::int64_t)>& onStored) override {
    CrosscheckOutcome outcome;
    try {
      soci::transaction tr(m_sql);
      // A year of a county's settlements runs longer than a desk statement may.
      m_sql << "SET LOCAL statement_timeout = '1h'";
      const std::string batch = NewRequestId();
      SendRows(m_sql, batch, rows, onStored);
      const std::string kind(model::ToCode(options.kind));
      const std::string asOf = IsoDate(options.asOf);
      const int read = static_cast<int>(options.rowsRead);
      const int rejected = static_cast<int>(options.rowsRejected);
      const int dryRun = options.dryRun ? 1 : 0;
      m_sql << kApply, soci::use(batch, "batch"), soci::use(kind, "kind"),
          soci::use(options.sourceDepartment, "source"), soci::use(asOf, "as_of"),
          soci::use(options.authorizationRef, "authorization"), soci::use(options.fileSha256, "sha"),
          soci::use(read, "read"), soci::use(rejected, "rejected"), soci::use(dryRun, "dry");
      ReadOutcome(outcome);
      tr.commit();
      if (outcome.result == CrosscheckBatchResult::New) SealAfterCommit(m_sql);
    } catch (...) {
      RethrowAsDatabaseError("importing cross-check data");
    }
    return outcome;
  }

  std::vector<CrosscheckBatch> Batches(std::optional<model::CrosscheckKind> kind) override {
    const std::string code = kind ? std::string(model::ToCode(*kind)) : std::string();
    return ReadRows("listing cross-check batches", (m_sql.prepare << kBatches, soci::use(code, "kind")),
                    [](const soci::row& r) {
                      CrosscheckBatch b;
                      b.id = r.get<long long>(0);
                      b.kind = r.get<std::string>(1);
                      b.sourceDepartment = r.get<std::string>(2);
                      b.asOf = r.get<std::string>(3);
                      b.authorizationRef = r.get<std::string>(4);
                      b.fileSha256 = r.get<std::string>(5);
                      b.rowsRead = r.get<int>(6);
                      b.rowsStored = r.get<int>(7);
                      b.rowsReplaced = r.get<int>(8);
                      b.rowsUnchanged = r.get<int>(9);
                      b.rowsRejected = r.get<int>(10);
                      b.importedBy = r.get<std::string>(11);
                      b.importedAt = r.get<std::string>(12);
                      if (r.get_indicator(13) == soci::i_ok) b.withdrawnAt = r.get<std::string>(13);
                      b.withdrawnBy = r.get<std::string>(14);
                      b.withdrawReason = r.get<std::string>(15);
                      return b;
                    });
  }

  void Withdraw(std::int64_t batchId, const std::string& reason) override {
    try {
      soci::transaction tr(m_sql);
      const long long id = batchId;
      m_sql << "SELECT doudi.crosscheck_withdraw(:id, :reason)", soci::use(id, "id"), soci::use(reason, "reason");
      tr.commit();
      SealAfterCommit(m_sql);
    } catch (...) {
      RethrowAsDatabaseError("withdrawing a cross-check batch");
    }
  }

 private:
  void ReadOutcome(CrosscheckOutcome& outcome) {
    std::string code;
    long long batchId = 0, stored = 0, replaced = 0, unchanged = 0, rejected = 0;
    m_sql << kBatchRow, soci::into(code), soci::into(batchId), soci::into(stored), soci::into(replaced),
        soci::into(unchanged), soci::into(rejected);
    outcome.result = code == "already_imported" ? CrosscheckBatchResult::AlreadyImported
                     : code == "dry_run"        ? CrosscheckBatchResult::DryRun
                                                : CrosscheckBatchResult::New;
    if (batchId != 0) outcome.batchId = batchId;
    outcome.stored = stored;
    outcome.replaced = replaced;
    outcome.unchanged = unchanged;
    outcome.rejected = rejected;
    soci::rowset<soci::row> problems =
        (m_sql.prepare << "SELECT coalesce(line, 0), coalesce(column_name, ''), code, message FROM crosscheck_applied "
                          "WHERE kind = 'problem' ORDER BY line, column_name, code");
    for (const auto& r : problems) {
      outcome.problems.push_back(model::DecodeImportMessage(r.get<long long>(0), r.get<std::string>(1),
                                                            r.get<std::string>(2), r.get<std::string>(3)));
    }
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<CrosscheckImporter> MakeCrosscheckImporter(soci::session& sql) {
  return std::make_unique<PgCrosscheckImporter>(sql);
}

}  // namespace doudi::dal::pg
