// Bulk import: rows are checked one by one in C++ (the model's rules), sent
// with COPY into temporary tables and checked against each other in
// set-based SQL; the rows of the households that pass are staged in
// doudi.import_stage and doudi.household_import_apply checks them against
// the registry and the caller's scope and merges them as the owner (desk
// roles write no registry table themselves, migration 0017) — all in one
// transaction, so a failure leaves nothing half-imported.
#include <unordered_map>

#include "doudi/dal/errors.h"
#include "pg_copy.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

using model::ImportColumn;

constexpr const char* kCreateStaging = R"sql(
CREATE TEMP TABLE import_row (
  line bigint PRIMARY KEY, position smallint NOT NULL, id_ok boolean NOT NULL, region_ok boolean NOT NULL,
  household_ref text COLLATE "C", region_code text COLLATE "C", address text, name text COLLATE "C",
  id_number text COLLATE "C", relation text, income_fen bigint NOT NULL, phone text, registry_status text,
  housing text, bank_name text, bank_account text, disability_category text, disability_grade text,
  illness text, schooling text, employment text, work_ability text, relation_term text
) ON COMMIT DROP;
-- message: the English template, then each of its values, separated by
-- U+001F (model::EncodeImportMessage), so the program can translate it.
CREATE TEMP TABLE import_problem (
  line bigint NOT NULL, column_name text NOT NULL, code text NOT NULL, message text NOT NULL
) ON COMMIT DROP;
)sql";

// Checks that need the other rows or the registry. Each adds problems.
constexpr const char* kSetChecks = R"sql(
ANALYZE import_row;
CREATE TEMP TABLE import_head ON COMMIT DROP AS
  SELECT DISTINCT ON (household_ref) * FROM import_row
  WHERE household_ref <> '' AND relation = 'head' ORDER BY household_ref, line;
ANALYZE import_head;

INSERT INTO import_problem
SELECT r.line, 'id_number', 'id_number.duplicate_in_file',
       'the same ID number is on lines {1}' || E'\x1f' || d.lines
FROM import_row AS r
JOIN (SELECT id_number, string_agg(line::text, ', ' ORDER BY line) AS lines
      FROM import_row WHERE id_ok GROUP BY id_number HAVING count(*) > 1) AS d USING (id_number)
WHERE r.id_ok;

INSERT INTO import_problem
SELECT r.line, 'region_code', 'region_code.unknown', 'region code {1} is not a known region' || E'\x1f' || r.region_code
FROM import_row AS r
WHERE r.region_ok AND r.region_code <> ''
  AND NOT EXISTS (SELECT 1 FROM doudi.region AS g WHERE g.code = r.region_code);

INSERT INTO import_problem
SELECT r.line, 'relation', 'household.no_head',
       'household {1} has no row whose relation is head (户主)' || E'\x1f' || r.household_ref
FROM import_row AS r
WHERE r.household_ref <> ''
  AND NOT EXISTS (SELECT 1 FROM import_head AS h WHERE h.household_ref = r.household_ref);

INSERT INTO import_problem
SELECT r.line, 'relation', 'household.two_heads',
       'household {1} already has its head on line {2}' || E'\x1f' || r.household_ref || E'\x1f' || h.line
FROM import_row AS r JOIN import_head AS h USING (household_ref)
WHERE r.relation = 'head' AND r.line <> h.line;

INSERT INTO import_problem
SELECT r.line, v.col, v.col || '.inconsistent',
       '{1} differs from the head''s row (line {2})' || E'\x1f' || v.col || E'\x1f' || h.line
FROM import_row AS r JOIN import_head AS h USING (household_ref)
CROSS JOIN LATERAL (VALUES
  ('region_code', r.region_code, h.region_code), ('address', r.address, h.address),
  ('phone', r.phone, h.phone), ('registry_status', r.registry_status, h.registry_status),
  ('housing', r.housing, h.housing), ('bank_name', r.bank_name, h.bank_name),
  ('bank_account', r.bank_account, h.bank_account)) AS v(col, mine, theirs)
WHERE r.line <> h.line AND v.mine <> '' AND v.mine IS DISTINCT FROM v.theirs;
)sql";

// A household with any problem is rejected whole; its other rows say so.
constexpr const char* kRejectHouseholds = R"sql(
CREATE TEMP TABLE import_rejected ON COMMIT DROP AS
  SELECT r.household_ref, min(p.line) AS first_line
  FROM import_problem AS p JOIN import_row AS r ON r.line = p.line
  WHERE r.household_ref <> '' GROUP BY r.household_ref;
INSERT INTO import_problem
SELECT r.line, 'household_ref', 'household.rejected',
       'household {1} is not imported because of the problem on line {2}' || E'\x1f' || r.household_ref
       || E'\x1f' || x.first_line
FROM import_row AS r JOIN import_rejected AS x USING (household_ref)
WHERE NOT EXISTS (SELECT 1 FROM import_problem AS p WHERE p.line = r.line);
)sql";

// The rows of the households without a problem so far, for the server's
// checks and merge; and what it found.
constexpr const char* kStage = R"sql(
INSERT INTO doudi.import_stage (batch, line, position, household_ref, region_code, address, name, id_number,
  relation, income_fen, phone, registry_status, housing, bank_name, bank_account, disability_category,
  disability_grade, illness, schooling, employment, work_ability, relation_term)
SELECT CAST(:batch AS uuid), r.line, r.position, r.household_ref, r.region_code, r.address, r.name, r.id_number,
       r.relation, r.income_fen, r.phone, r.registry_status, r.housing, r.bank_name, r.bank_account,
       r.disability_category, r.disability_grade, r.illness, r.schooling, r.employment, r.work_ability,
       r.relation_term
FROM import_row AS r
WHERE r.household_ref <> '' AND NOT EXISTS (SELECT 1 FROM import_rejected AS x WHERE x.household_ref = r.household_ref)
)sql";

constexpr const char* kApply = R"sql(
CREATE TEMP TABLE import_applied ON COMMIT DROP AS
SELECT * FROM doudi.household_import_apply(CAST(:batch AS uuid), :source, :dry)
)sql";

constexpr const char* kApplied = R"sql(
INSERT INTO import_problem (line, column_name, code, message)
SELECT line, column_name, code, message FROM import_applied WHERE kind = 'problem'
)sql";

void SendRows(soci::session& sql, const std::vector<model::ImportRow>& rows, std::chrono::year_month_day today,
              std::int64_t& rowsRead) {
  CopyIn rowCopy(sql, "COPY import_row FROM STDIN");
  std::vector<model::ImportProblem> problems;
  std::unordered_map<std::string, int> positions;  // next member position per household
  for (const auto& row : rows) {
    const model::CheckedImportRow checked = model::CheckImportRow(row, today);
    const auto& v = checked.normalized;
    auto hasProblemIn = [&](std::string_view column) {
      for (const auto& p : checked.problems) {
        if (p.column == column) return true;
      }
      return false;
    };
    rowCopy.Field(v.line);
    rowCopy.Field(positions[v[ImportColumn::HouseholdRef]]++);
    rowCopy.Field(hasProblemIn("id_number") ? "f" : "t");
    rowCopy.Field(hasProblemIn("region_code") ? "f" : "t");
    for (std::size_t c = 0; c < model::kImportColumnCount; ++c) {
      if (static_cast<ImportColumn>(c) == ImportColumn::MonthlyIncome) {
        rowCopy.Field(checked.monthlyIncomeFen);
      } else {
        rowCopy.Field(v.values[c]);
      }
    }
    rowCopy.Field(checked.relationTerm);
    rowCopy.EndRow();
    problems.insert(problems.end(), checked.problems.begin(), checked.problems.end());
    ++rowsRead;
  }
  rowCopy.Finish();
  CopyIn problemCopy(sql, "COPY import_problem FROM STDIN");
  for (const auto& p : problems) {
    problemCopy.Field(p.line);
    problemCopy.Field(p.column);
    problemCopy.Field(p.code);
    problemCopy.Field(model::EncodeImportMessage(p));
    problemCopy.EndRow();
  }
  problemCopy.Finish();
}

class PgHouseholdImporter final : public HouseholdImporter {
 public:
  explicit PgHouseholdImporter(soci::session& sql) : m_sql(sql) {}

  ImportOutcome Import(const std::vector<model::ImportRow>& rows, const ImportOptions& options) override {
    ImportOutcome outcome;
    try {
      soci::transaction tr(m_sql);
      // An import of a county runs longer than a desk statement may.
      m_sql << "SET LOCAL statement_timeout = '1h'";
      ExecuteScript(m_sql, kCreateStaging, "preparing the import");
      SendRows(m_sql, rows, options.today, outcome.rowsRead);
      ExecuteScript(m_sql, kSetChecks, "checking the rows against each other");
      ExecuteScript(m_sql, kRejectHouseholds, "rejecting households with problems");
      const std::string batch = NewRequestId();
      const int dryRun = options.dryRun ? 1 : 0;
      m_sql << kStage, soci::use(batch);
      m_sql << kApply, soci::use(batch, "batch"), soci::use(options.source, "source"), soci::use(dryRun, "dry");
      m_sql << kApplied;
      ReadOutcome(outcome);
      // A dry run merged nothing (the server was told so) and commits the
      // record of any question about persons outside the caller's scope.
      tr.commit();
      if (!options.dryRun) SealAfterCommit(m_sql);
    } catch (...) {
      RethrowAsDatabaseError("importing households");
    }
    return outcome;
  }

 private:
  void ReadOutcome(ImportOutcome& outcome) {
    long long isNew = 0, updated = 0, unchanged = 0, rejected = 0, rowsRejected = 0;
    m_sql << "SELECT count(*) FILTER (WHERE kind = 'household' AND code = 'new'), "
             "count(*) FILTER (WHERE kind = 'household' AND code = 'updated'), "
             "count(*) FILTER (WHERE kind = 'household' AND code = 'unchanged'), "
             "(SELECT count(*) FROM import_rejected) + (SELECT count(DISTINCT r.household_ref) FROM import_applied AS a "
             "JOIN import_row AS r ON r.line = a.line WHERE a.kind = 'problem'), "
             "(SELECT count(DISTINCT line) FROM import_problem) FROM import_applied",
        soci::into(isNew), soci::into(updated), soci::into(unchanged), soci::into(rejected), soci::into(rowsRejected);
    outcome.householdsNew = isNew;
    outcome.householdsUpdated = updated;
    outcome.householdsUnchanged = unchanged;
    outcome.householdsRejected = rejected;
    outcome.rowsRejected = rowsRejected;
    soci::rowset<soci::row> problems =
        (m_sql.prepare << "SELECT line, column_name, code, message FROM import_problem ORDER BY line, column_name, code");
    for (const auto& r : problems) {
      outcome.problems.push_back(
          model::DecodeImportMessage(r.get<long long>(0), r.get<std::string>(1), r.get<std::string>(2),
                                     r.get<std::string>(3)));
    }
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<HouseholdImporter> MakeHouseholdImporter(soci::session& sql) {
  return std::make_unique<PgHouseholdImporter>(sql);
}

}  // namespace doudi::dal::pg
