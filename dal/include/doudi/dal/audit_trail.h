#pragma once
// The tamper-evident audit trail the database keeps of every change to
// personal data and users (migration 0003).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doudi::dal {

struct AuditVerdict {
  std::int64_t seals = 0;       // seals checked and intact
  std::int64_t auditRows = 0;   // rows under those seals
  bool intact = true;
  std::optional<std::int64_t> brokenRow;   // the first audit row where it breaks, when one can be named
  std::optional<std::int64_t> brokenSeal;
  std::string problem;          // what is wrong, for a person
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;               // YYYY-MM-DD HH:MM:SS, server time zone
  std::string actor;            // the database role that made the change
  std::string table;
  std::string operation;        // INSERT, UPDATE, DELETE
  std::string key;
  // field=value for inserts and deletes; field: old -> new for updates
  std::vector<std::string> changes;
  bool sealed = false;
};

class AuditTrail {
 public:
  virtual ~AuditTrail() = default;
  // Chains every committed, unsealed transaction; returns how many. 0 at
  // once when another session is sealing (it will seal these too).
  virtual int SealPending() = 0;
  // Seals what is pending, then recomputes the whole chain.
  virtual AuditVerdict Verify() = 0;
  // Every audited change of a household and the rows it owns, oldest first.
  virtual std::vector<AuditEntry> HouseholdHistory(std::int64_t householdId) = 0;
};

}  // namespace doudi::dal
