#pragma once
// Bulk import of households from rows of the import template
// (docs/import-format.md). Rows arrive already split into fields; reading
// files and their encodings is the caller's business.
#include <cstdint>
#include <string>
#include <vector>
#include <chrono>

#include "doudi/model/import_template.h"

namespace doudi::dal {

struct ImportOptions {
  // Names where the rows come from; household_ref is unique within it, so a
  // re-import of the same source finds the households it made before.
  std::string source = "default";
  bool dryRun = false;                 // validate only; store nothing
  std::chrono::year_month_day today;   // for "birth date in the future"
};

struct ImportOutcome {
  std::int64_t rowsRead = 0;
  std::int64_t rowsRejected = 0;
  std::int64_t householdsNew = 0;
  std::int64_t householdsUpdated = 0;
  std::int64_t householdsUnchanged = 0;
  std::int64_t householdsRejected = 0;
  // Every problem, ordered by line then column. A rejected household's rows
  // without a problem of their own carry household.rejected.
  std::vector<model::ImportProblem> problems;
};

class HouseholdImporter {
 public:
  virtual ~HouseholdImporter() = default;
  // Validates all rows and merges the accepted households in one
  // transaction: a household is stored whole or not at all. With
  // options.dryRun nothing is stored, and the outcome is what a real run
  // would report. Throws DatabaseError on infrastructure failure, in which
  // case nothing is stored.
  virtual ImportOutcome Import(const std::vector<model::ImportRow>& rows, const ImportOptions& options) = 0;
};

}  // namespace doudi::dal
