#pragma once
// Cross-check batches (docs/crosscheck-format.md): the rows a department
// sent, already read and checked by the model (model/crosscheck.h), stored
// as one batch; the batches listed; a batch withdrawn.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "doudi/model/crosscheck.h"
#include "doudi/model/import_template.h"

namespace doudi::dal {

struct CrosscheckImportOptions {
  model::CrosscheckKind kind = model::CrosscheckKind::Medical;
  std::string sourceDepartment;         // who sent the file (医疗保障局)
  std::chrono::year_month_day asOf;     // the day the data is of
  std::string authorizationRef;         // the agreement or letter that allows the exchange
  std::string fileSha256;               // the file's digest: the same file again changes nothing
  std::int64_t rowsRead = 0;            // every data row of the file
  std::int64_t rowsRejected = 0;        // the rows the reader rejected (not among the rows given)
  bool dryRun = false;                  // check everything, store nothing
};

enum class CrosscheckBatchResult { New, AlreadyImported, DryRun };

struct CrosscheckOutcome {
  CrosscheckBatchResult result = CrosscheckBatchResult::New;
  // The new batch, or the one the same file made before; none on a dry run.
  std::optional<std::int64_t> batchId;
  std::int64_t stored = 0;      // rows stored (new keys and replacements)
  std::int64_t replaced = 0;    // of them, rows that replace an earlier row of the same key
  std::int64_t unchanged = 0;   // rows the same as the current row of their key: not stored again
  std::int64_t rejected = 0;    // rows rejected, by the reader or the server
  // No count of persons new to Doudi: it would tell the importer who is
  // registered elsewhere (docs/crosscheck-format.md, "What the report never says").
  // The problems the server found with the rows given (a row without a
  // region for a person outside the caller's scope ...), by line.
  std::vector<model::ImportProblem> problems;
};

struct CrosscheckBatch {
  std::int64_t id = 0;
  std::string kind;
  std::string sourceDepartment;
  std::string asOf;              // YYYY-MM-DD
  std::string authorizationRef;
  std::string fileSha256;
  std::int64_t rowsRead = 0;
  std::int64_t rowsStored = 0;
  std::int64_t rowsReplaced = 0;
  std::int64_t rowsUnchanged = 0;
  std::int64_t rowsRejected = 0;
  std::string importedBy;
  std::string importedAt;        // YYYY-MM-DD HH:MM (Beijing time)
  std::optional<std::string> withdrawnAt;
  std::string withdrawnBy;
  std::string withdrawReason;
};

class CrosscheckImporter {
 public:
  virtual ~CrosscheckImporter() = default;
  // Stages rows (COPY) under a new batch and lets the server match, store
  // and screen them, in one transaction: nothing is half-stored. onStored,
  // when given, hears how many rows are sent every few thousand. Throws
  // DatabaseError (a refusal as RuleRefused), and then nothing is stored.
  virtual CrosscheckOutcome Import(const std::vector<model::CrosscheckRow>& rows,
                                   const CrosscheckImportOptions& options,
                                   const std::function<void(std::int64_t)>& onStored = {}) = 0;
  // The batches the caller may see, newest first; of one kind when given.
  virtual std::vector<CrosscheckBatch> Batches(std::optional<model::CrosscheckKind> kind) = 0;
  // Withdraws a batch imported by mistake (audited; the persons it touched
  // screened again). Refuses doudi:crosscheck.batch_not_found (also for a batch the caller may not
  // see) and doudi:crosscheck.already_withdrawn.
  virtual void Withdraw(std::int64_t batchId, const std::string& reason) = 0;
};

}  // namespace doudi::dal
