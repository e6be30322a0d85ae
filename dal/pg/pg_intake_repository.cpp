// IntakeRepository over doudi.intake_report, doudi.intake_photo and
// doudi.intake_token (read under their row-level security) and the intake
// functions of dal/schema/functions (docs/intake.md). Every write is one
// function call in its own transaction; the function checks group, scope,
// version and rules.
#include <soci/soci.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/errors.h"
#include "doudi/dal/intake_repository.h"
#include "doudi/model/sha256.h"
#include "pg_errors.h"
#include "pg_hex.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// The columns ReportRow reads, in its order (r: intake_report, t: intake_token, g: region).
const std::string kReportColumns =
    "r.id, r.version, " + TimeText("r.received_at AT TIME ZONE 'Asia/Shanghai'") +
    ", r.region_code, coalesce(g.name, ''), r.name, coalesce(r.id_number_masked, ''), r.phone, r.address, "
    "r.category, r.description, r.urgency, r.state, r.token_id, coalesce(t.name, ''), r.household_id, r.alert_id, "
    "r.case_id, r.referral_send_id, r.merged_into, coalesce(r.outcome, ''), coalesce(r.outcome_note, ''), "
    "coalesce(r.handled_by, ''), coalesce(r.closed_by, ''), " +
    TimeText("r.closed_at AT TIME ZONE 'Asia/Shanghai'") +
    ", (SELECT count(*)::int FROM doudi.intake_photo AS p WHERE p.report_id = r.id)";

const std::string kReportFrom =
    " FROM doudi.intake_report AS r LEFT JOIN doudi.intake_token AS t ON t.id = r.token_id"
    " LEFT JOIN doudi.region AS g ON g.code = r.region_code";

IntakeReport ReportRow(const soci::row& row) {
  IntakeReport r;
  r.id = row.get<long long>(0);
  r.version = row.get<int>(1);
  r.receivedAt = row.get<std::string>(2);
  r.regionCode = row.get<std::string>(3);
  r.regionName = row.get<std::string>(4);
  r.name = row.get<std::string>(5);
  r.idNumberMasked = row.get<std::string>(6);
  r.phone = row.get<std::string>(7);
  r.address = row.get<std::string>(8);
  r.category = row.get<std::string>(9);
  r.description = row.get<std::string>(10);
  r.urgency = row.get<std::string>(11);
  r.state = row.get<std::string>(12);
  r.tokenId = row.get<long long>(13);
  r.reporterName = row.get<std::string>(14);
  r.householdId = OptionalId(row, 15);
  r.alertId = OptionalId(row, 16);
  r.caseId = OptionalId(row, 17);
  r.referralSendId = OptionalId(row, 18);
  r.mergedInto = OptionalId(row, 19);
  r.outcome = row.get<std::string>(20);
  r.outcomeNote = row.get<std::string>(21);
  r.handledBy = row.get<std::string>(22);
  r.closedBy = row.get<std::string>(23);
  r.closedAt = row.get<std::string>(24);
  r.photoCount = row.get<int>(25);
  return r;
}

long long IdOrZero(const std::optional<std::int64_t>& id) {
  return id.value_or(0);
}
soci::indicator IdIndicator(const std::optional<std::int64_t>& id) {
  return id ? soci::i_ok : soci::i_null;
}

class PgIntakeRepository final : public IntakeRepository {
 public:
  explicit PgIntakeRepository(soci::session& sql) : m_sql(sql) {}

  std::vector<IntakeReport> Reports(const IntakeFilter& filter) override {
    const int openOnly = filter.openOnly ? 1 : 0;
    const std::string low = filter.regionPrefix.empty() ? std::string() : filter.regionPrefix;
    const int limit = filter.limit;
    return ReadRows("reading the field reports",
                    (m_sql.prepare << "SELECT " + kReportColumns + kReportFrom +
                                          " WHERE (CAST(:open AS integer) = 0 OR r.state <> 'closed')"
                                          " AND r.region_code LIKE :prefix || '%'"
                                          " ORDER BY (r.state <> 'closed' AND r.urgency <> 'normal') DESC,"
                                          " r.received_at DESC, r.id DESC LIMIT :limit",
                     soci::use(openOnly), soci::use(low), soci::use(limit)),
                    ReportRow);
  }

  std::optional<IntakeReport> Report(std::int64_t id) override {
    const long long theId = id;
    auto rows = ReadRows(
        "reading field report " + std::to_string(id),
        (m_sql.prepare << "SELECT " + kReportColumns + kReportFrom + " WHERE r.id = :id", soci::use(theId)), ReportRow);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  }

  std::vector<IntakePhoto> Photos(std::int64_t reportId) override {
    const long long theId = reportId;
    return ReadRows("reading the photos of field report " + std::to_string(reportId),
                    (m_sql.prepare << "SELECT position, media_type, encode(content, 'hex'), width, height"
                                      " FROM doudi.intake_photo WHERE report_id = :id ORDER BY position",
                     soci::use(theId)),
                    [](const soci::row& r) {
                      IntakePhoto p;
                      p.position = r.get<int>(0);  // SOCI 4.0 gives a smallint as int
                      p.mediaType = r.get<std::string>(1);
                      p.content = BytesOfHex(r.get<std::string>(2));
                      p.width = r.get<int>(3);
                      p.height = r.get<int>(4);
                      return p;
                    });
  }

  std::vector<IntakeCandidate> Candidates(std::int64_t reportId) override {
    const long long theId = reportId;
    return ReadRows("finding the households of field report " + std::to_string(reportId),
                    (m_sql.prepare << "SELECT household_id, region_code, person_name, id_number_masked, matched_by"
                                      " FROM doudi.intake_report_candidates(:id)",
                     soci::use(theId)),
                    [](const soci::row& r) {
                      IntakeCandidate c;
                      c.householdId = r.get<long long>(0);
                      c.regionCode = r.get<std::string>(1);
                      c.personName = r.get<std::string>(2);
                      c.idNumberMasked = r.get<std::string>(3);
                      c.matchedBy = r.get<std::string>(4);
                      return c;
                    });
  }

  int Link(std::int64_t reportId, int version, const IntakeLink& link) override {
    return WriteAndSeal(m_sql, "triaging field report " + std::to_string(reportId), [&] {
      const long long theId = reportId;
      long long household = IdOrZero(link.householdId), alert = IdOrZero(link.alertId), theCase = IdOrZero(link.caseId),
                send = IdOrZero(link.referralSendId);
      soci::indicator hi = IdIndicator(link.householdId), ai = IdIndicator(link.alertId), ci = IdIndicator(link.caseId),
                      si = IdIndicator(link.referralSendId);
      int next = 0;
      m_sql << "SELECT doudi.intake_report_link(:id, :v, :h, :a, :c, :s)", soci::use(theId), soci::use(version),
          soci::use(household, hi), soci::use(alert, ai), soci::use(theCase, ci), soci::use(send, si), soci::into(next);
      return next;
    });
  }

  int Close(std::int64_t reportId, int version, const std::string& outcome, const std::string& note) override {
    return WriteAndSeal(m_sql, "closing field report " + std::to_string(reportId), [&] {
      const long long theId = reportId;
      long long into = 0;
      soci::indicator none = soci::i_null;
      int next = 0;
      m_sql << "SELECT doudi.intake_report_close(:id, :v, :o, :n, :i)", soci::use(theId), soci::use(version),
          soci::use(outcome), soci::use(note), soci::use(into, none), soci::into(next);
      return next;
    });
  }

  int Merge(std::int64_t reportId, int version, std::int64_t into) override {
    return WriteAndSeal(m_sql, "merging field report " + std::to_string(reportId), [&] {
      const long long theId = reportId, theInto = into;
      const std::string outcome = "merged", note;
      int next = 0;
      m_sql << "SELECT doudi.intake_report_close(:id, :v, :o, :n, :i)", soci::use(theId), soci::use(version),
          soci::use(outcome), soci::use(note), soci::use(theInto), soci::into(next);
      return next;
    });
  }

  std::int64_t IssueToken(const std::string& name, const std::string& regionPrefix, const std::string& expiresOn,
                          const std::string& secret) override {
    return WriteAndSeal(m_sql, "issuing a reporter's token", [&] {
      const std::string digest = model::Sha256Hex(secret);
      soci::indicator expires = expiresOn.empty() ? soci::i_null : soci::i_ok;
      long long id = 0;
      m_sql << "SELECT doudi.intake_token_issue(:n, :r, CAST(:e AS date), decode(:h, 'hex'))", soci::use(name),
          soci::use(regionPrefix), soci::use(expiresOn, expires), soci::use(digest), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  void RevokeToken(std::int64_t id) override {
    WriteAndSeal(m_sql, "revoking token " + std::to_string(id), [&] {
      const long long theId = id;
      m_sql << "SELECT doudi.intake_token_revoke(:id)", soci::use(theId);
      return 0;
    });
  }

  std::vector<IntakeToken> Tokens() override {
    return ReadRows(
        "reading the reporters' tokens",
        (m_sql.prepare << "SELECT id, name, region_code, coalesce(to_char(expires_on, 'YYYY-MM-DD'), ''), " +
                              TimeText("issued_at AT TIME ZONE 'Asia/Shanghai'") + ", issued_by, " +
                              TimeText("revoked_at AT TIME ZONE 'Asia/Shanghai'") +
                              ", coalesce(revoked_by, '') FROM doudi.intake_token ORDER BY id"),
        [](const soci::row& r) {
          IntakeToken t;
          t.id = r.get<long long>(0);
          t.name = r.get<std::string>(1);
          t.regionCode = r.get<std::string>(2);
          t.expiresOn = r.get<std::string>(3);
          t.issuedAt = r.get<std::string>(4);
          t.issuedBy = r.get<std::string>(5);
          t.revokedAt = r.get<std::string>(6);
          t.revokedBy = r.get<std::string>(7);
          return t;
        });
  }

  void AddServerLogin(const std::string& role, const std::string& password) override {
    WriteAndSeal(m_sql, "adding the intake server's login " + role, [&] {
      const std::string v = ScramVerifier(m_sql, role, password);
      m_sql << "SELECT doudi.intake_login_add(:r, :v)", soci::use(role), soci::use(v);
      return 0;
    });
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<IntakeRepository> MakeIntakeRepository(soci::session& sql) {
  return std::make_unique<PgIntakeRepository>(sql);
}

}  // namespace doudi::dal::pg
