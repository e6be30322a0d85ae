#pragma once
// Search over the registry's current members: always paged, with an
// estimate of the number of matches at once and the exact number on request.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "doudi/model/household.h"

namespace doudi::dal {

struct RegistryQuery {
  // One box: a full ID, an ID prefix (digits, optionally ending in X), a
  // full name or a name fragment. Empty matches everyone in scope.
  std::string text;
  // A region scope prefix of 2, 4, 6, 9 or 12 digits; empty for all.
  std::string regionPrefix;
  std::optional<model::RegistryStatus> status;
};

// How the text of a query was understood, so a screen can say so.
enum class RegistryTextKind { None, FullId, IdPrefix, Name };
RegistryTextKind ClassifyQueryText(const std::string& text);

struct PersonSummary {
  std::int64_t personId = 0;
  std::int64_t householdId = 0;
  std::string name;
  std::string maskedIdNumber;  // masked by the database (DOMAIN.md)
  std::string sex;             // "male" / "female"
  int birthYear = 0;           // the year only: the mask hides the birth date (docs/security.md)
  model::Relation relation = model::Relation::Other;
  std::string regionCode;
  std::string regionName;
  std::string address;
  model::RegistryStatus status = model::RegistryStatus::None;
};

class RegistrySearch {
 public:
  virtual ~RegistrySearch() = default;
  // Matches ordered by name, then region and person id (by ID for an ID prefix), rows
  // [offset, offset+limit). A name of two or more characters matches names
  // containing it; a single character matches names starting with it (a
  // surname). Only what the caller's scope allows, with IDs masked, decided
  // by the database. limit is capped at 1000.
  virtual std::vector<PersonSummary> Search(const RegistryQuery& query, std::int64_t offset,
                                            std::int64_t limit) = 0;
  // The planner's estimate of the number of matches: instant, approximate.
  virtual std::int64_t EstimateCount(const RegistryQuery& query) = 0;
  // The exact number of matches (may take a moment on a whole city).
  virtual std::int64_t CountExact(const RegistryQuery& query) = 0;
  // Every match's person id, in Search's order: a list pages through these
  // (a million ids are 8 MB) instead of through ever deeper offsets.
  virtual std::vector<std::int64_t> SearchIds(const RegistryQuery& query) = 0;
  // The rows of these persons the caller may see, masked, in the order of
  // ids; ids the caller may not see (or gone since) are left out.
  virtual std::vector<PersonSummary> RowsByIds(const std::vector<std::int64_t>& ids) = 0;
};

}  // namespace doudi::dal
