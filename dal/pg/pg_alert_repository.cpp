// AlertRepository over doudi.alert_overview and the functions of migration
// 0003 (docs/screening.md). Reads run under the alerts' row-level security;
// every write is one function call in its own transaction, and the function
// checks scope, rule, state and version.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/alert_repository.h"
#include "doudi/dal/errors.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {


std::vector<std::int64_t> Ids(const std::string& joined) {
  std::vector<std::int64_t> ids;
  std::size_t start = 0;
  while (start < joined.size()) {
    const auto end = joined.find(',', start);
    ids.push_back(std::stoll(joined.substr(start, end - start)));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return ids;
}

// The columns of doudi.alert_overview that AlertRow reads, in its order.
const std::string kAlertColumns =
    "o.id, o.rule, o.rule_name, o.period, coalesce(o.id_number_masked, ''), o.household_id, o.case_id, o.name, "
    "o.region_code, coalesce(o.region_name, ''), o.figure_fen, o.figures::text, array_to_string(o.sources, ','), "
    "o.state, coalesce(o.outcome, ''), coalesce(o.outcome_reason, ''), o.outcome_case_id, " +
    TimeText("o.raised_at") + ", o.raised_count, " + TimeText("o.updated_at") + ", " + TimeText("o.closed_at") +
    ", coalesce(doudi.staff_name(o.closed_by), o.closed_by, ''), o.version, coalesce(o.last_check_method, ''), " +
    TimeText("o.last_check_at");

Alert AlertRow(const soci::row& r) {
  Alert a;
  a.id = r.get<long long>(0);
  a.rule = r.get<std::string>(1);
  a.ruleName = r.get<std::string>(2);
  a.period = r.get<std::string>(3);
  a.idNumberMasked = r.get<std::string>(4);
  a.householdId = OptionalId(r, 5);
  a.caseId = OptionalId(r, 6);
  a.name = r.get<std::string>(7);
  a.regionCode = r.get<std::string>(8);
  a.regionName = r.get<std::string>(9);
  a.figureFen = OptionalId(r, 10);
  a.figuresJson = r.get<std::string>(11);
  a.sources = Ids(r.get<std::string>(12));
  a.state = r.get<std::string>(13);
  a.outcome = r.get<std::string>(14);
  a.outcomeReason = r.get<std::string>(15);
  a.outcomeCaseId = OptionalId(r, 16);
  a.raisedAt = r.get<std::string>(17);
  a.raisedCount = r.get<int>(18);
  a.updatedAt = r.get<std::string>(19);
  a.closedAt = r.get<std::string>(20);
  a.closedBy = r.get<std::string>(21);
  a.version = r.get<int>(22);
  a.lastCheckMethod = r.get<std::string>(23);
  a.lastCheckAt = r.get<std::string>(24);
  return a;
}

class PgAlertRepository final : public AlertRepository {
 public:
  explicit PgAlertRepository(soci::session& sql) : m_sql(sql) {}

  std::vector<Alert> List(const AlertFilter& f) override {
    const std::string rule = f.rule, region = f.regionPrefix, state = f.state, period = f.periodPrefix;
    const int limit = f.limit;
    return ReadRows("reading the alerts",
                    (m_sql.prepare << "SELECT " + kAlertColumns +
                                          " FROM doudi.alert_overview AS o "
                                          "WHERE (:rule = '' OR o.rule = :rule) "
                                          "AND o.region_code LIKE :region || '%' "
                                          "AND (:state = '' OR (:state = 'open' AND o.state <> 'closed') "
                                          "     OR o.state = :state) "
                                          "AND o.period LIKE :period || '%' "
                                          "ORDER BY o.raised_at, o.id LIMIT :n",
                     soci::use(rule, "rule"), soci::use(region, "region"), soci::use(state, "state"),
                     soci::use(period, "period"), soci::use(limit, "n")),
                    AlertRow);
  }

  std::vector<AlertCount> Counts() override {
    return ReadRows("counting the alerts",
                    (m_sql.prepare << "SELECT r.code, r.chinese, "
                                      "count(a.id) FILTER (WHERE a.state <> 'closed'), "
                                      "count(a.id) FILTER (WHERE a.state = 'closed') "
                                      "FROM doudi.alert_rule AS r LEFT JOIN doudi.alert AS a ON a.rule = r.code "
                                      "WHERE doudi.handles_alerts(r.code, NULL) "
                                      "GROUP BY r.code, r.chinese, r.position ORDER BY r.position"),
                    [](const soci::row& r) {
                      AlertCount c;
                      c.rule = r.get<std::string>(0);
                      c.ruleName = r.get<std::string>(1);
                      c.open = r.get<long long>(2);
                      c.closed = r.get<long long>(3);
                      return c;
                    });
  }

  std::optional<Alert> Get(std::int64_t id) override {
    const long long alertId = id;
    auto rows = ReadRows("reading alert " + std::to_string(id),
                         (m_sql.prepare << "SELECT " + kAlertColumns + " FROM doudi.alert_overview AS o WHERE o.id = :id",
                          soci::use(alertId)),
                         AlertRow);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  }

  std::vector<CrosscheckRow> Sources(const Alert& alert) override {
    std::string ids = "{";
    for (std::size_t i = 0; i < alert.sources.size(); ++i) ids += (i ? "," : "") + std::to_string(alert.sources[i]);
    ids += "}";
    return ReadRows("reading the cross-check rows of alert " + std::to_string(alert.id),
                    (m_sql.prepare << "SELECT r.id, r.kind, r.source_department, r.batch_id, r.line, "
                                      "r.id_number_masked, r.name, to_char(r.event_date, 'YYYY-MM-DD'), r.category, "
                                      "r.amount_fen, r.covered_fen, r.self_paid_fen, r.detail::text "
                                      "FROM doudi.crosscheck_row AS r WHERE r.id = ANY (CAST(:ids AS bigint[])) "
                                      "ORDER BY r.event_date, r.id",
                     soci::use(ids)),
                    [](const soci::row& r) {
                      CrosscheckRow c;
                      c.id = r.get<long long>(0);
                      c.kind = r.get<std::string>(1);
                      c.sourceDepartment = r.get<std::string>(2);
                      c.batchId = r.get<long long>(3);
                      c.line = r.get<int>(4);
                      c.idNumberMasked = r.get<std::string>(5);
                      c.name = r.get<std::string>(6);
                      c.eventDate = r.get<std::string>(7);
                      c.category = r.get<std::string>(8);
                      c.amountFen = OptionalId(r, 9);
                      c.coveredFen = OptionalId(r, 10);
                      c.selfPaidFen = OptionalId(r, 11);
                      c.detailJson = r.get<std::string>(12);
                      return c;
                    });
  }

  std::vector<AlertCheck> Checks(std::int64_t alertId) override {
    const long long id = alertId;
    return ReadRows("reading the checks of alert " + std::to_string(alertId),
                    (m_sql.prepare << "SELECT v.method, v.findings, coalesce(doudi.staff_name(v.verified_by), "
                                      "v.verified_by), " +
                                          TimeText("v.verified_at") +
                                          " FROM doudi.alert_verification AS v WHERE v.alert_id = :id ORDER BY v.id",
                     soci::use(id)),
                    [](const soci::row& r) {
                      AlertCheck c;
                      c.method = r.get<std::string>(0);
                      c.findings = r.get<std::string>(1);
                      c.verifiedBy = r.get<std::string>(2);
                      c.verifiedAt = r.get<std::string>(3);
                      return c;
                    });
  }

  std::vector<Alert> OpenForHousehold(std::int64_t householdId) override {
    const long long id = householdId;
    return ReadRows("reading the open alerts of household " + std::to_string(householdId),
                    (m_sql.prepare << "SELECT " + kAlertColumns +
                                          " FROM doudi.alert_overview AS o WHERE o.household_id = :h "
                                          "AND o.state <> 'closed' ORDER BY o.raised_at, o.id",
                     soci::use(id)),
                    AlertRow);
  }

  std::int32_t Verify(std::int64_t id, std::int32_t version, const std::string& method, const std::string& findings,
                      const std::string& requestId) override {
    return Write("recording a check of alert " + std::to_string(id), [&] {
      int next = 0;
      const long long alertId = id;
      m_sql << "SELECT doudi.alert_verify(:a, :v, :m, :f, CAST(:r AS uuid))", soci::use(alertId), soci::use(version),
          soci::use(method), soci::use(findings), soci::use(requestId), soci::into(next);
      return next;
    });
  }

  std::int32_t Close(std::int64_t id, std::int32_t version, const std::string& outcome, const std::string& reason,
                     std::optional<std::int64_t> caseId) override {
    return Write("closing alert " + std::to_string(id), [&] {
      int next = 0;
      const long long alertId = id;
      const long long theCase = caseId.value_or(0);
      soci::indicator caseIndicator = caseId ? soci::i_ok : soci::i_null;
      m_sql << "SELECT doudi.alert_close(:a, :v, :o, :r, :c)", soci::use(alertId), soci::use(version),
          soci::use(outcome), soci::use(reason), soci::use(theCase, caseIndicator), soci::into(next);
      return next;
    });
  }

  std::vector<ScreeningResult> Screen(const std::vector<std::string>& rules, const std::string& regionPrefix) override {
    return Write("screening", [&] {
      const std::string list = TextArrayLiteral(rules);
      const std::string region = regionPrefix;
      soci::indicator rulesIndicator = rules.empty() ? soci::i_null : soci::i_ok;
      soci::indicator regionIndicator = region.empty() ? soci::i_null : soci::i_ok;
      std::vector<ScreeningResult> results;
      soci::rowset<soci::row> rows =
          (m_sql.prepare << "SELECT s.rule, r.chinese, s.raised, s.updated, s.unchanged, s.reraised "
                            "FROM doudi.screen(CAST(:rules AS text[]), CAST(:region AS text)) AS s "
                            "JOIN doudi.alert_rule AS r ON r.code = s.rule ORDER BY r.position",
           soci::use(list, rulesIndicator), soci::use(region, regionIndicator));
      for (const auto& r : rows) {
        ScreeningResult s;
        s.rule = r.get<std::string>(0);
        s.ruleName = r.get<std::string>(1);
        s.raised = r.get<int>(2);
        s.updated = r.get<int>(3);
        s.unchanged = r.get<int>(4);
        s.reraised = r.get<int>(5);
        results.push_back(s);
      }
      return results;
    });
  }

 private:
  template <typename Work>
  auto Write(const std::string& context, Work work) -> decltype(work()) {
    return WriteAndSeal(m_sql, context, work);
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<AlertRepository> MakeAlertRepository(soci::session& sql) {
  return std::make_unique<PgAlertRepository>(sql);
}

}  // namespace doudi::dal::pg
