// AttachmentRepository over doudi.attachment (the records, read under their
// row-level security) and the attachment functions of dal/schema/functions
// (docs/attachments.md): the bytes are written and read only through them,
// as PostgreSQL's hex text of a bytea (pg_hex.h), never as a large object.
#include <soci/soci.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/attachment_repository.h"
#include "doudi/dal/errors.h"
#include "pg_errors.h"
#include "pg_hex.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// The columns InfoRow reads, in its order (a: attachment).
const std::string kInfoColumns =
    "a.id, a.owner_kind, a.owner_id, a.household_id, a.kind, a.file_name, a.media_type, a.byte_size, "
    "encode(a.sha256, 'hex'), a.version, a.replaces_id, "
    "(SELECT n.id FROM doudi.attachment AS n WHERE n.replaces_id = a.id), a.note, "
    "coalesce(doudi.staff_name(a.added_by), a.added_by), " +
    TimeText("a.added_at AT TIME ZONE 'Asia/Shanghai'") +
    ", coalesce(doudi.staff_name(a.withdrawn_by), a.withdrawn_by, ''), " +
    TimeText("a.withdrawn_at AT TIME ZONE 'Asia/Shanghai'") + ", coalesce(a.withdrawn_reason, '')";

AttachmentInfo InfoRow(const soci::row& r) {
  AttachmentInfo a;
  a.id = r.get<long long>(0);
  a.owner.kind = r.get<std::string>(1);
  a.owner.id = r.get<long long>(2);
  a.householdId = OptionalId(r, 3);
  a.kind = r.get<std::string>(4);
  a.fileName = r.get<std::string>(5);
  a.mediaType = r.get<std::string>(6);
  a.byteSize = r.get<int>(7);
  a.sha256Hex = r.get<std::string>(8);
  a.version = r.get<int>(9);
  a.replacesId = OptionalId(r, 10);
  a.replacedById = OptionalId(r, 11);
  a.note = r.get<std::string>(12);
  a.addedBy = r.get<std::string>(13);
  a.addedAt = r.get<std::string>(14);
  a.withdrawnBy = r.get<std::string>(15);
  a.withdrawnAt = r.get<std::string>(16);
  a.withdrawnReason = r.get<std::string>(17);
  return a;
}

class PgAttachmentRepository final : public AttachmentRepository {
 public:
  explicit PgAttachmentRepository(soci::session& sql) : m_sql(sql) {}

  std::vector<AttachmentInfo> Of(const AttachmentOwnerRef& owner, bool withWithdrawn) override {
    const long long id = owner.id;
    const int all = withWithdrawn ? 1 : 0;
    return ReadRows("reading the files of " + owner.kind + " " + std::to_string(owner.id),
                    (m_sql.prepare << "SELECT " + kInfoColumns +
                                          " FROM doudi.attachment AS a WHERE a.owner_kind = :k AND a.owner_id = :i"
                                          " AND (CAST(:w AS integer) = 1 OR a.withdrawn_at IS NULL)"
                                          " ORDER BY a.added_at DESC, a.id DESC",
                     soci::use(owner.kind), soci::use(id), soci::use(all)),
                    InfoRow);
  }

  std::vector<AttachmentInfo> OfHousehold(std::int64_t householdId, bool withWithdrawn) override {
    const long long id = householdId;
    const int all = withWithdrawn ? 1 : 0;
    return ReadRows("reading the files of household " + std::to_string(householdId),
                    (m_sql.prepare << "SELECT " + kInfoColumns +
                                          " FROM doudi.attachment AS a WHERE a.household_id = :h"
                                          " AND (CAST(:w AS integer) = 1 OR a.withdrawn_at IS NULL)"
                                          " ORDER BY a.added_at DESC, a.id DESC",
                     soci::use(id), soci::use(all)),
                    InfoRow);
  }

  std::optional<std::vector<unsigned char>> Content(std::int64_t id) override {
    const long long theId = id;
    const auto rows = ReadRows(
        "reading file " + std::to_string(id),
        (m_sql.prepare << "SELECT encode(doudi.attachment_content(:i), 'hex')", soci::use(theId)),
        [](const soci::row& r) -> std::optional<std::string> {
          if (r.get_indicator(0) == soci::i_null) return std::nullopt;
          return r.get<std::string>(0);
        });
    if (rows.empty() || !rows.front()) return std::nullopt;
    return BytesOfHex(*rows.front());
  }

  std::int64_t Add(const NewAttachment& file, const std::string& requestId) override {
    const std::string context = "attaching " + file.fileName + " to " + file.owner.kind + " " +
                                std::to_string(file.owner.id);
    return WriteAndSeal(m_sql, context, [&] { return AddAttachment(m_sql, file.owner, file, requestId); });
  }

  void Withdraw(std::int64_t id, const std::string& reason, const std::string& requestId) override {
    WriteAndSeal(m_sql, "withdrawing file " + std::to_string(id), [&] {
      const long long theId = id;
      m_sql << "SELECT doudi.attachment_withdraw(:i, :r, CAST(:q AS uuid))", soci::use(theId), soci::use(reason),
          soci::use(requestId);
      return 0;
    });
  }

  std::int64_t MaxBytes() override {
    try {
      long long limit = 0;
      m_sql << "SELECT doudi.attachment_max_bytes(doudi.session_scope())", soci::into(limit);
      return limit;
    } catch (...) {
      RethrowAsDatabaseError("reading the size limit of files");
    }
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::int64_t AddAttachment(soci::session& sql, const AttachmentOwnerRef& owner, const NewAttachment& file,
                           const std::string& requestId) {
  const long long ownerId = owner.id;
  const std::string hex = HexOf(file.content);
  long long replaces = file.replaces.value_or(0);
  soci::indicator replacesSet = file.replaces ? soci::i_ok : soci::i_null;
  long long id = 0;
  sql << "SELECT doudi.attachment_add(:ok, :oi, :k, :n, decode(:c, 'hex'), :note, :r, CAST(:q AS uuid))",
      soci::use(owner.kind), soci::use(ownerId), soci::use(file.kind), soci::use(file.fileName), soci::use(hex),
      soci::use(file.note), soci::use(replaces, replacesSet), soci::use(requestId), soci::into(id);
  return id;
}

std::unique_ptr<AttachmentRepository> MakeAttachmentRepository(soci::session& sql) {
  return std::make_unique<PgAttachmentRepository>(sql);
}

}  // namespace doudi::dal::pg
