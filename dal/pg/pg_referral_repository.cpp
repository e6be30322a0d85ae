// ReferralRepository over doudi.referral_overview, the department catalog
// and the referral functions of the joint loop (docs/joint-loop.md). Reads
// run under row-level security; every write is one function call in its
// own transaction, and the function checks capability, scope, state and
// version.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/referral_repository.h"
#include "doudi/model/text.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// Arrays cross as their elements joined by the unit separator, which no
// stored text holds.
constexpr char kSeparator = '\x1f';

std::vector<std::string> Elements(const std::string& joined) { return model::Split(joined, kSeparator); }

// The columns of doudi.referral_overview that ReferralRow reads, in its order.
const std::string kReferralColumns =
    "o.id, o.send_id, o.household_id, o.region_code, coalesce(o.village_name, ''), coalesce(o.head_name, ''), "
    "coalesce(o.head_id_masked, ''), coalesce(o.address, ''), coalesce(o.phone, ''), o.case_id, "
    "coalesce(o.case_program, ''), coalesce(o.case_state, ''), o.alert_id, o.department, o.department_name, o.kind, "
    "o.request, array_to_string(o.documents, chr(31)), o.due_days, to_char(o.due_on, 'YYYY-MM-DD'), o.state, " +
    TimeText("o.referred_at") + ", coalesce(doudi.staff_name(o.referred_by), o.referred_by, ''), " +
    TimeText("o.accepted_at") + ", coalesce(doudi.staff_name(o.accepted_by), o.accepted_by, ''), " +
    TimeText("o.closed_at") + ", coalesce(doudi.staff_name(o.closed_by), o.closed_by, ''), " +
    "CASE WHEN o.closed_on_behalf THEN 1 ELSE 0 END, coalesce(o.decline_reason, ''), o.duplicate_of, "
    "coalesce(o.feedback_kind, ''), o.feedback_amount_fen, coalesce(o.feedback_description, ''), "
    "coalesce(to_char(o.feedback_given_on, 'YYYY-MM-DD'), ''), coalesce(o.feedback_given_by, ''), "
    "o.overdue_days, CASE WHEN o.escalated THEN 1 ELSE 0 END, o.version, "
    "coalesce(array_to_string(o.feedback_terms, chr(31)), ''), CASE WHEN o.help_closed THEN 1 ELSE 0 END";

Referral ReferralRow(const soci::row& r) {
  Referral x;
  std::size_t c = 0;
  x.id = r.get<long long>(c++);
  x.sendId = r.get<long long>(c++);
  x.householdId = r.get<long long>(c++);
  x.regionCode = r.get<std::string>(c++);
  x.villageName = r.get<std::string>(c++);
  x.headName = r.get<std::string>(c++);
  x.headIdMasked = r.get<std::string>(c++);
  x.address = r.get<std::string>(c++);
  x.phone = r.get<std::string>(c++);
  x.caseId = OptionalId(r, c++);
  x.caseProgram = r.get<std::string>(c++);
  x.caseState = r.get<std::string>(c++);
  x.alertId = OptionalId(r, c++);
  x.department = r.get<std::string>(c++);
  x.departmentName = r.get<std::string>(c++);
  x.kind = r.get<std::string>(c++);
  x.request = r.get<std::string>(c++);
  x.documents = Elements(r.get<std::string>(c++));
  x.dueDays = r.get<int>(c++);
  x.dueOn = r.get<std::string>(c++);
  x.state = r.get<std::string>(c++);
  x.referredAt = r.get<std::string>(c++);
  x.referredBy = r.get<std::string>(c++);
  x.acceptedAt = r.get<std::string>(c++);
  x.acceptedBy = r.get<std::string>(c++);
  x.closedAt = r.get<std::string>(c++);
  x.closedBy = r.get<std::string>(c++);
  x.closedOnBehalf = r.get<int>(c++) != 0;
  x.declineReason = r.get<std::string>(c++);
  x.duplicateOf = OptionalId(r, c++);
  x.feedbackKind = r.get<std::string>(c++);
  x.feedbackAmountFen = OptionalId(r, c++);
  x.feedbackDescription = r.get<std::string>(c++);
  x.feedbackGivenOn = r.get<std::string>(c++);
  x.feedbackGivenBy = r.get<std::string>(c++);
  x.overdueDays = r.get<int>(c++);
  x.escalated = r.get<int>(c++) != 0;
  x.version = r.get<int>(c++);
  x.feedbackTerms = Elements(r.get<std::string>(c++));
  x.helpClosed = r.get<int>(c++) != 0;
  return x;
}

std::string ItemsJson(const std::vector<ReferralItem>& items) {
  std::string json = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    json += (i ? "," : "");
    json += "{\"department\":" + model::JsonString(item.department) + ",\"kind\":" + model::JsonString(item.kind) +
            ",\"request\":" + model::JsonString(item.request) + ",\"documents\":[";
    for (std::size_t d = 0; d < item.documents.size(); ++d) {
      json += (d ? "," : "") + model::JsonString(item.documents[d]);
    }
    json += "]}";
  }
  return json + "]";
}

class PgReferralRepository final : public ReferralRepository {
 public:
  explicit PgReferralRepository(soci::session& sql) : m_sql(sql) {}

  std::vector<Department> Departments(const std::string& county) override {
    const std::string theCounty = county;
    auto departments = ReadRows(
        "reading the departments of " + county,
        (m_sql.prepare << "SELECT d.county_code, d.code, d.name, d.phone, CASE WHEN d.active THEN 1 ELSE 0 END, "
                          "d.sort_order, d.version FROM doudi.department AS d WHERE d.county_code = :c "
                          "ORDER BY d.sort_order, d.code",
         soci::use(theCounty)),
        [](const soci::row& r) {
          Department d;
          d.county = r.get<std::string>(0);
          d.code = r.get<std::string>(1);
          d.name = r.get<std::string>(2);
          d.phone = r.get<std::string>(3);
          d.active = r.get<int>(4) != 0;
          d.sortOrder = r.get<int>(5);
          d.version = r.get<int>(6);
          return d;
        });
    struct HelpRow {
      std::string department;
      DepartmentHelp help;
    };
    const auto help = ReadRows(
        "reading the help the departments of " + county + " give",
        (m_sql.prepare << "SELECT h.department, h.kind, h.description, CASE WHEN h.active THEN 1 ELSE 0 END, "
                          "coalesce(d.working_days, 0), coalesce(to_char(d.effective_from, 'YYYY-MM-DD'), '') "
                          "FROM doudi.department_help AS h "
                          "LEFT JOIN LATERAL (SELECT x.working_days, x.effective_from FROM doudi.department_due_days AS x "
                          "  WHERE x.county_code = h.county_code AND x.department = h.department AND x.kind = h.kind "
                          "  AND x.effective_from <= doudi.clock_date() ORDER BY x.effective_from DESC LIMIT 1) AS d "
                          "ON true WHERE h.county_code = :c ORDER BY h.department, h.kind",
         soci::use(theCounty)),
        [](const soci::row& r) {
          HelpRow row;
          row.department = r.get<std::string>(0);
          row.help.kind = r.get<std::string>(1);
          row.help.description = r.get<std::string>(2);
          row.help.active = r.get<int>(3) != 0;
          row.help.workingDays = r.get<int>(4);
          row.help.daysFrom = r.get<std::string>(5);
          return row;
        });
    for (auto& d : departments) {
      for (const auto& h : help) {
        if (h.department == d.code) d.help.push_back(h.help);
      }
    }
    return departments;
  }

  std::int32_t SaveDepartment(const Department& d, std::optional<std::int32_t> version) override {
    return WriteAndSeal(m_sql, "saving department " + d.code, [&] {
      int next = 0;
      const int theVersion = version.value_or(0);
      soci::indicator versionIndicator = version ? soci::i_ok : soci::i_null;
      const int active = d.active ? 1 : 0;
      m_sql << "SELECT doudi.department_save(:county, :code, :name, :phone, CAST(:active AS integer) = 1, :sort, :v)",
          soci::use(d.county), soci::use(d.code), soci::use(d.name), soci::use(d.phone), soci::use(active),
          soci::use(d.sortOrder), soci::use(theVersion, versionIndicator), soci::into(next);
      return next;
    });
  }

  void SetDepartmentHelp(const std::string& county, const std::string& department,
                         const DepartmentHelp& help) override {
    WriteAndSeal(m_sql, "setting the help of department " + department, [&] {
      const int active = help.active ? 1 : 0;
      const int days = help.workingDays;
      soci::indicator daysIndicator = days > 0 ? soci::i_ok : soci::i_null;
      const std::string from = help.daysFrom;
      soci::indicator fromIndicator = from.empty() ? soci::i_null : soci::i_ok;
      m_sql << "SELECT doudi.department_help_set(:county, :department, :kind, :description, "
               "CAST(:active AS integer) = 1, :days, CAST(:from AS date))",
          soci::use(county), soci::use(department), soci::use(help.kind), soci::use(help.description),
          soci::use(active), soci::use(days, daysIndicator), soci::use(from, fromIndicator);
      return 0;
    });
  }

  std::vector<std::int64_t> Send(const std::string& requestId, const ReferralSubject& subject, const std::string& note,
                                 const std::vector<ReferralItem>& items) override {
    return WriteAndSeal(m_sql, "sending referrals", [&] {
      const long long household = subject.householdId.value_or(0);
      const long long theCase = subject.caseId.value_or(0);
      const long long alert = subject.alertId.value_or(0);
      soci::indicator householdIndicator = subject.householdId ? soci::i_ok : soci::i_null;
      soci::indicator caseIndicator = subject.caseId ? soci::i_ok : soci::i_null;
      soci::indicator alertIndicator = subject.alertId ? soci::i_ok : soci::i_null;
      const std::string json = ItemsJson(items);
      std::vector<std::int64_t> ids;
      soci::rowset<soci::row> rows =
          (m_sql.prepare << "SELECT s FROM doudi.referral_send(CAST(:r AS uuid), CAST(:h AS bigint), "
                            "CAST(:c AS bigint), CAST(:a AS bigint), :n, CAST(:items AS jsonb)) AS s",
           soci::use(requestId), soci::use(household, householdIndicator), soci::use(theCase, caseIndicator),
           soci::use(alert, alertIndicator), soci::use(note), soci::use(json));
      for (const auto& r : rows) ids.push_back(r.get<long long>(0));
      return ids;
    });
  }

  std::vector<Referral> List(const ReferralFilter& f) override {
    const std::string department = f.department, state = f.state, region = f.regionPrefix;
    const long long household = f.householdId.value_or(0), theCase = f.caseId.value_or(0),
                    alert = f.alertId.value_or(0);
    const int byHousehold = f.householdId ? 1 : 0, byCase = f.caseId ? 1 : 0, byAlert = f.alertId ? 1 : 0;
    const int overdue = f.overdueOnly ? 1 : 0, escalated = f.escalatedOnly ? 1 : 0;
    const int limit = f.limit;
    return ReadRows(
        "reading the referrals",
        (m_sql.prepare << "SELECT " + kReferralColumns +
                              " FROM doudi.referral_overview AS o "
                              "WHERE (:department = '' OR o.department = :department) "
                              "AND (:state = '' OR (:state = 'open' AND o.state IN ('sent', 'accepted')) "
                              "     OR o.state = :state) "
                              "AND o.region_code LIKE :region || '%' "
                              "AND (:byh = 0 OR o.household_id = :h) AND (:byc = 0 OR o.case_id = :c) "
                              "AND (:bya = 0 OR o.alert_id = :a) "
                              "AND (:overdue = 0 OR o.overdue_days > 0 OR (o.state IN ('sent', 'accepted') "
                              "     AND o.due_on < doudi.clock_date())) "
                              "AND (:escalated = 0 OR o.escalated) "
                              "ORDER BY o.state NOT IN ('sent', 'accepted'), o.escalated DESC, "
                              "CASE WHEN o.state IN ('sent', 'accepted') THEN o.due_on END, o.closed_at DESC, o.id "
                              "LIMIT :n",
         soci::use(department, "department"), soci::use(state, "state"), soci::use(region, "region"),
         soci::use(byHousehold, "byh"), soci::use(household, "h"), soci::use(byCase, "byc"),
         soci::use(theCase, "c"), soci::use(byAlert, "bya"), soci::use(alert, "a"), soci::use(overdue, "overdue"),
         soci::use(escalated, "escalated"), soci::use(limit, "n")),
        ReferralRow);
  }

  std::optional<Referral> Get(std::int64_t id) override {
    const long long referralId = id;
    auto rows = ReadRows("reading referral " + std::to_string(id),
                         (m_sql.prepare << "SELECT " + kReferralColumns +
                                               " FROM doudi.referral_overview AS o WHERE o.id = :id",
                          soci::use(referralId)),
                         ReferralRow);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  }

  std::int32_t Accept(std::int64_t id, std::int32_t version) override {
    return WriteAndSeal(m_sql, "accepting referral " + std::to_string(id), [&] {
      int next = 0;
      const long long referralId = id;
      m_sql << "SELECT doudi.referral_accept(:r, :v)", soci::use(referralId), soci::use(version), soci::into(next);
      return next;
    });
  }

  std::int32_t Decline(std::int64_t id, std::int32_t version, const std::string& reason) override {
    return WriteAndSeal(m_sql, "declining referral " + std::to_string(id), [&] {
      int next = 0;
      const long long referralId = id;
      m_sql << "SELECT doudi.referral_decline(:r, :v, :reason)", soci::use(referralId), soci::use(version),
          soci::use(reason), soci::into(next);
      return next;
    });
  }

  std::int32_t Feedback(std::int64_t id, std::int32_t version, const ReferralFeedback& f) override {
    return WriteAndSeal(m_sql, "recording the feedback on referral " + std::to_string(id), [&] {
      int next = 0;
      const long long referralId = id;
      const long long amount = f.amountFen.value_or(0);
      soci::indicator amountIndicator = f.amountFen ? soci::i_ok : soci::i_null;
      const std::string terms = TextArrayLiteral(f.terms);
      m_sql << "SELECT doudi.referral_feedback(:r, :v, CAST(:request AS uuid), :kind, CAST(:amount AS bigint), "
               ":description, CAST(:given_on AS date), :given_by, CAST(:terms AS text[]))",
          soci::use(referralId), soci::use(version), soci::use(f.requestId), soci::use(f.kind),
          soci::use(amount, amountIndicator), soci::use(f.description), soci::use(f.givenOn), soci::use(f.givenBy),
          soci::use(terms), soci::into(next);
      return next;
    });
  }

  void CloseHelp(std::optional<std::int64_t> caseId, std::optional<std::int64_t> alertId) override {
    WriteAndSeal(m_sql, "closing the help", [&] {
      const long long theCase = caseId.value_or(0), alert = alertId.value_or(0);
      soci::indicator caseIndicator = caseId ? soci::i_ok : soci::i_null;
      soci::indicator alertIndicator = alertId ? soci::i_ok : soci::i_null;
      m_sql << "SELECT doudi.help_close(CAST(:c AS bigint), CAST(:a AS bigint))",
          soci::use(theCase, caseIndicator), soci::use(alert, alertIndicator);
      return 0;
    });
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<ReferralRepository> MakeReferralRepository(soci::session& sql) {
  return std::make_unique<PgReferralRepository>(sql);
}

}  // namespace doudi::dal::pg
