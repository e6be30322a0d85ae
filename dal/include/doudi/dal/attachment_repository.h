#pragma once
// Attachments (docs/attachments.md): files kept in PostgreSQL with what they
// belong to — a household, a member, a case, a case step's evidence, an
// alert, a referral, a pairing visit. The list is read under the row-level
// security of the owner's scope; the bytes only through
// doudi.attachment_content, a definer function that applies the same scope
// (and tells nothing about a file outside it, not even that it exists).
// A stored file never changes: a replacement is a new version, and a wrong
// one is withdrawn (hidden with the reason), never deleted.
//
// Every write is a function of dal/schema/functions/attachment_*.sql that
// checks the staff group, the owner's scope, the type by content, and the
// size limit (the attachments parameter max_bytes in force); refusals arrive
// as the typed failures of errors.h (RuleRefused doudi:attachment.*).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doudi::dal {

struct AttachmentOwnerRef {
  std::string kind;  // model::AttachmentOwner codes: household, member, case, evidence, alert, referral, visit
  std::int64_t id = 0;
};

// One stored file's record (never its bytes).
struct AttachmentInfo {
  std::int64_t id = 0;
  AttachmentOwnerRef owner;
  std::optional<std::int64_t>
      householdId;        // the household the owner belongs to (none: an alert about a person not registered)
  std::string kind;       // model::AttachmentKind codes
  std::string fileName;   // as picked, without the folder
  std::string mediaType;  // application/pdf, image/jpeg, image/png
  std::int64_t byteSize = 0;
  std::string sha256Hex;  // 64 lowercase hex digits
  int version = 1;        // 1, or one more than the file it replaces
  std::optional<std::int64_t> replacesId;
  std::optional<std::int64_t> replacedById;  // set when a newer version exists
  std::string note;
  std::string addedBy;
  std::string addedAt;      // "YYYY-MM-DD HH:MM", China's time
  std::string withdrawnBy;  // "" while in force
  std::string withdrawnAt;
  std::string withdrawnReason;
};

struct NewAttachment {
  AttachmentOwnerRef owner;
  std::string kind;
  std::string fileName;
  std::vector<unsigned char> content;
  std::string note;
  std::optional<std::int64_t> replaces;  // the file this one is a new version of
};

class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;
  // Files of one owner, newest first; withdrawn ones only when asked.
  virtual std::vector<AttachmentInfo> Of(const AttachmentOwnerRef& owner, bool withWithdrawn) = 0;
  // Every file of a household and of everything that belongs to it (its
  // members, cases, evidence, alerts, referrals, visits), newest first.
  virtual std::vector<AttachmentInfo> OfHousehold(std::int64_t householdId, bool withWithdrawn) = 0;
  // The stored bytes; nullopt when the caller may not see the file or it
  // does not exist (the same answer for both).
  virtual std::optional<std::vector<unsigned char>> Content(std::int64_t id) = 0;
  // Stores the file; a resent request id returns the same attachment.
  virtual std::int64_t Add(const NewAttachment& file, const std::string& requestId) = 0;
  virtual void Withdraw(std::int64_t id, const std::string& reason, const std::string& requestId) = 0;
  // The size limit in force today, in bytes (the attachments parameter).
  virtual std::int64_t MaxBytes() = 0;
};

}  // namespace doudi::dal
