// Bulk import: rows are checked one by one in C++ (the model's rules), sent
// with COPY into temporary tables, checked against each other and the
// registry in set-based SQL, and the accepted households merged — all in
// one transaction, so a failure leaves nothing half-imported.
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

// Across the whole registry, not only the importer's scope (RLS would hide
// a member registered in another county, and the merge would then fail on
// the unique index): doudi.import_registered_members sees everything and
// tells only the household's import reference, and its id where visible.
constexpr const char* kInOtherHousehold = R"sql(
INSERT INTO import_problem
SELECT r.line, 'id_number', 'id_number.in_other_household',
       CASE WHEN m.visible_household_id IS NULL
            THEN 'this person is already a member of a household outside your scope'
            ELSE 'this person is already a member of household {1}' || E'\x1f' || m.visible_household_id END
FROM import_row AS r
JOIN doudi.import_registered_members(ARRAY(SELECT x.id_number FROM import_row AS x WHERE x.id_ok)) AS m
  ON m.id_number = r.id_number
WHERE r.id_ok AND (m.household_source IS DISTINCT FROM :source OR m.household_ref IS DISTINCT FROM r.household_ref)
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

// The accepted households, each with the digest of its content (household
// fields from the head's row, members in ID order) and what becomes of it.
constexpr const char* kClassify = R"sql(
CREATE TEMP TABLE import_household ON COMMIT DROP AS
WITH digest AS (
  SELECT household_ref,
         string_agg(concat_ws(E'\x1f', id_number, name, relation, income_fen, disability_category,
                              disability_grade, illness, schooling, employment, work_ability, relation_term),
                    E'\x1e' ORDER BY id_number) AS members
  FROM import_row GROUP BY household_ref)
SELECT h.household_ref, h.region_code, h.address, h.phone, h.registry_status, h.housing, h.bank_name,
       h.bank_account, d.content_hash, e.id AS existing_id,
       CASE WHEN e.id IS NULL THEN 'new' WHEN e.import_hash = d.content_hash THEN 'unchanged'
            ELSE 'updated' END AS state
FROM import_head AS h
JOIN (SELECT household_ref,
             md5(concat_ws(E'\x1d', h2.region_code, h2.address, h2.phone, h2.registry_status, h2.housing,
                           h2.bank_name, h2.bank_account, digest.members)) AS content_hash
      FROM digest JOIN import_head AS h2 USING (household_ref)) AS d USING (household_ref)
LEFT JOIN doudi.household AS e ON e.source = :source AND e.source_ref = h.household_ref
WHERE NOT EXISTS (SELECT 1 FROM import_rejected AS x WHERE x.household_ref = h.household_ref);
ALTER TABLE import_household ADD COLUMN household_id bigint;
)sql";

constexpr const char* kMerge = R"sql(
UPDATE import_household SET household_id = CASE WHEN state = 'new'
  THEN nextval(pg_get_serial_sequence('doudi.household', 'id')) ELSE existing_id END;
ANALYZE import_household;

UPDATE doudi.household AS e
SET region_code = i.region_code, address = i.address, phone = NULLIF(i.phone, ''),
    housing = coalesce(NULLIF(i.housing, ''), 'owned'), bank_name = NULLIF(i.bank_name, ''),
    bank_account = NULLIF(i.bank_account, ''), registry_status = coalesce(NULLIF(i.registry_status, ''), 'none'),
    import_hash = i.content_hash
FROM import_household AS i WHERE i.state = 'updated' AND e.id = i.household_id;

INSERT INTO doudi.household (id, region_code, address, phone, housing, bank_name, bank_account,
                             registry_status, source, source_ref, import_hash)
SELECT household_id, region_code, address, NULLIF(phone, ''), coalesce(NULLIF(housing, ''), 'owned'),
       NULLIF(bank_name, ''), NULLIF(bank_account, ''), coalesce(NULLIF(registry_status, ''), 'none'),
       :source, household_ref, content_hash
FROM import_household WHERE state = 'new';

UPDATE doudi.person AS p SET left_on = current_date
FROM import_household AS i
WHERE i.state = 'updated' AND p.household_id = i.household_id AND p.left_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM import_row AS r
                  WHERE r.household_ref = i.household_ref AND r.id_number = p.id_number);

UPDATE doudi.person AS p
SET position = r.position, name = r.name, relation = r.relation, relation_term = NULLIF(r.relation_term, ''),
    disability_category = coalesce(NULLIF(r.disability_category, ''), 'none'),
    disability_grade = NULLIF(r.disability_grade, '')::smallint,
    illnesses = string_to_array(r.illness, ';'), schooling = coalesce(NULLIF(r.schooling, ''), 'none'),
    employment = coalesce(NULLIF(r.employment, ''), 'none'),
    work_ability = coalesce(NULLIF(r.work_ability, ''), 'full')
FROM import_row AS r JOIN import_household AS i USING (household_ref)
WHERE i.state = 'updated' AND p.household_id = i.household_id AND p.id_number = r.id_number
  AND p.left_on IS NULL;

INSERT INTO doudi.person (household_id, region_code, position, id_number, name, relation, relation_term,
                          disability_category, disability_grade, illnesses, schooling, employment, work_ability)
SELECT i.household_id, i.region_code, r.position, r.id_number, r.name, r.relation, NULLIF(r.relation_term, ''),
       coalesce(NULLIF(r.disability_category, ''), 'none'), NULLIF(r.disability_grade, '')::smallint,
       string_to_array(r.illness, ';'), coalesce(NULLIF(r.schooling, ''), 'none'),
       coalesce(NULLIF(r.employment, ''), 'none'), coalesce(NULLIF(r.work_ability, ''), 'full')
FROM import_row AS r JOIN import_household AS i USING (household_ref)
WHERE i.state = 'new'
   OR (i.state = 'updated' AND NOT EXISTS (
         SELECT 1 FROM doudi.person AS p
         WHERE p.household_id = i.household_id AND p.id_number = r.id_number AND p.left_on IS NULL));

DELETE FROM doudi.income_item AS x USING import_household AS i
WHERE i.state = 'updated' AND x.household_id = i.household_id AND x.kind = 'declared';

INSERT INTO doudi.income_item (household_id, region_code, person_id, kind, monthly_fen)
SELECT i.household_id, i.region_code, p.id, 'declared', r.income_fen
FROM import_row AS r JOIN import_household AS i USING (household_ref)
JOIN doudi.person AS p ON p.id_number = r.id_number AND p.left_on IS NULL
WHERE i.state IN ('new', 'updated') AND r.income_fen > 0;
)sql";

// The statements above hold one bound :source each at most; scripts with
// it are run statement by statement through SOCI, the others through libpq.
void RunWithSource(soci::session& sql, const std::string& script, const std::string& source) {
  std::size_t start = 0;
  while (start < script.size()) {
    std::size_t end = script.find(";\n", start);
    if (end == std::string::npos) end = script.size();
    const std::string statement = script.substr(start, end - start);
    start = end + 2;
    if (statement.find_first_not_of(" \n") == std::string::npos) continue;
    if (statement.find(":source") != std::string::npos) {
      sql << statement, soci::use(source);
    } else {
      sql << statement;
    }
  }
}

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
      ExecuteScript(m_sql, kCreateStaging, "preparing the import");
      SendRows(m_sql, rows, options.today, outcome.rowsRead);
      ExecuteScript(m_sql, kSetChecks, "checking the rows against each other");
      m_sql << kInOtherHousehold, soci::use(options.source);
      ExecuteScript(m_sql, kRejectHouseholds, "rejecting households with problems");
      RunWithSource(m_sql, kClassify, options.source);
      if (!options.dryRun) RunWithSource(m_sql, kMerge, options.source);
      ReadOutcome(outcome);
      if (options.dryRun) {
        tr.rollback();
      } else {
        tr.commit();
        SealAfterCommit(m_sql);
      }
    } catch (...) {
      RethrowAsDatabaseError("importing households");
    }
    return outcome;
  }

 private:
  void ReadOutcome(ImportOutcome& outcome) {
    long long isNew = 0, updated = 0, unchanged = 0, rejected = 0, rowsRejected = 0;
    m_sql << "SELECT count(*) FILTER (WHERE state = 'new'), count(*) FILTER (WHERE state = 'updated'), "
             "count(*) FILTER (WHERE state = 'unchanged'), (SELECT count(*) FROM import_rejected), "
             "(SELECT count(DISTINCT line) FROM import_problem) FROM import_household",
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
