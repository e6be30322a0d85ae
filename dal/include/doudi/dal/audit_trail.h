#pragma once
// The tamper-evident audit trail the database keeps of every change to
// personal data and users (migrations 3 and 16).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doudi::dal {

// Where the chain itself breaks (the first place, in seal order).
enum class AuditBreak {
  None,
  SealOutOfOrder,  // brokenSeal does not follow the seal before it: the chain was cut or reordered
  RowEdited,       // brokenRow's content no longer gives its hash
  RowsChanged,     // brokenSeal's rows were added to, removed or rewritten (rowsNow of rowsSealed); brokenRow,
                   // when set, is the first audit row missing from the seal's range
  SealRewritten,   // brokenSeal's hash does not match its content
  RowUnsealed,     // brokenRow belongs to no seal and to no transaction waiting for one: slipped in
};

// A row of an audited table that does not match the trail: changed, added
// or removed outside the audit (triggers off, session_replication_role).
struct AuditOutsideChange {
  enum class Kind {
    Changed,    // differs from the new image of its last audit row
    Unaudited,  // exists, but no audit row records it (or the last one deleted it)
    Gone,       // not there, and its last audit row did not delete it
  };
  std::string table;
  std::string key;  // the row's key as the trail writes it (an id, a role name)
  Kind kind = Kind::Changed;
};

struct AuditVerdict {
  std::int64_t seals = 0;       // seals checked and intact
  std::int64_t auditRows = 0;   // rows under those seals
  bool intact = true;           // no break and no change outside the audit
  AuditBreak breakKind = AuditBreak::None;
  std::optional<std::int64_t> brokenRow;   // the first audit row where it breaks, when one can be named
  std::optional<std::int64_t> brokenSeal;
  std::int64_t rowsNow = 0, rowsSealed = 0;  // RowsChanged: the seal's rows now and when sealed
  std::string problem;                       // what is wrong, in English, for logs and tests
  // Committed transactions whose rows wait for their seal (not a break: the
  // next sealing step chains them), and who holds the seal lock meanwhile.
  std::int64_t pendingTransactions = 0;
  std::int64_t pendingRows = 0;
  std::optional<int> sealLockPid;
  std::string sealLockUser;
  // Every audited row that differs from its last audited image, by table and key.
  std::vector<AuditOutsideChange> outsideChanges;
};

// A seal written down outside the database (doudi-admin audit anchor): the
// chain must still hold it, unchanged, later.
struct AuditAnchor {
  std::int64_t seq = 0;
  std::string hash;            // the seal's hash, 64 lowercase hex digits
  std::string sealedAt;        // YYYY-MM-DDTHH:MM:SS.ffffffZ, UTC
  std::int64_t rowCount = 0;   // audit rows under this seal
  std::int64_t auditRows = 0;  // audit rows under this seal and every one before it
  std::string database;        // the database's name, for the person keeping it
  std::string takenAt;         // when it was read (YYYY-MM-DDTHH:MM:SSZ, UTC) and by which role: for the
  std::string takenBy;         // person keeping it, not compared
};

// The chain against an anchor. The chain's own validity after the anchored
// seal is AuditTrail::Verify's to judge.
struct AnchorVerdict {
  enum class Outcome {
    Contained,    // the seal is there with the anchor's hash, time and row count
    SealMissing,  // the chain ends before the anchored seal: seals were removed
    HashDiffers,  // the seal is there with another hash: the chain up to it was rewritten
    SealChanged,  // same hash, but its time or row count differs
  };
  Outcome outcome = Outcome::Contained;
  std::int64_t lastSeq = 0;  // the chain's last seal now (0: none)
  AuditAnchor found;         // the seal now at the anchor's sequence number (if any)
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
  // Seals what is pending, then recomputes the whole chain and compares the
  // audited tables with their last audited image. Auditors and center
  // administrators.
  virtual AuditVerdict Verify() = 0;
  // Seals what is pending and returns the chain's last seal, or nothing
  // when nothing was ever sealed. Auditors and center administrators.
  virtual std::optional<AuditAnchor> LatestSeal() = 0;
  // Whether the chain still holds the anchored seal as it was.
  virtual AnchorVerdict CheckAnchor(const AuditAnchor& anchor) = 0;
  // Every audited change of a household and the rows it owns, oldest first.
  virtual std::vector<AuditEntry> HouseholdHistory(std::int64_t householdId) = 0;
};

}  // namespace doudi::dal
