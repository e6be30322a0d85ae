#pragma once
// Households and their members, income, assets and status history, loaded
// and saved as one aggregate.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "doudi/model/household.h"

namespace doudi::dal {

class RegistryRepository {
 public:
  virtual ~RegistryRepository() = default;

  // The household with its current members; nullopt when no such household.
  virtual std::optional<model::Household> LoadHousehold(std::int64_t householdId) = 0;

  // Stores a new household in one transaction and returns its id (version 1).
  // Throws ConstraintViolation when the database refuses it (e.g. a member
  // is already in another household).
  // requestId (from NewRequestId) makes a retry safe: a save whose reply was
  // lost is found by its id and not applied again; empty: no such record.
  virtual std::int64_t CreateHousehold(const model::Household& household, const std::string& requestId = {}) = 0;

  // Saves household (id and version set) in one transaction, replacing its
  // members, income and assets, and returns the new version. Throws
  // VersionConflict when the stored version is no longer household.version,
  // RecordGone when the household was deleted. requestId as above.
  virtual std::int32_t SaveHousehold(const model::Household& household, const std::string& requestId = {}) = 0;

  // The photo of a person's card in use (doudi.person_card_current) as the
  // desk's reader decoded it (BMP, JPEG or PNG); empty when that read kept
  // none, when no card was read, and for a person outside the caller's
  // scope alike. LoadHousehold leaves the bytes out (model::IdCardFacts).
  virtual std::vector<std::uint8_t> CardPhoto(std::int64_t personId) = 0;
};

// A fresh request id (a random UUID) for one save the user asked for; keep it
// for the retries of that same save.
std::string NewRequestId();

}  // namespace doudi::dal
