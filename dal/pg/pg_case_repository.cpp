// CaseRepository over the functions and views of migrations 0011 and 0018.
// Every write is one call of a database function in its own transaction;
// the function checks group, scope, state, version and amount caps, so
// nothing here decides a rule. After a failed write, the request id is
// looked up as the registry's SaveHousehold does: a retry whose original
// committed first returns the original's result.
#include <soci/soci.h>

#include <algorithm>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "doudi/dal/case_repository.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/registry_search.h"
#include "doudi/model/region_code.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// Text arrays come back joined by the unit separator, which no typed text
// holds (they go in as TextArrayLiteral).
constexpr char kSeparator = '\x1f';

std::vector<std::string> SplitJoined(const std::string& joined) {
  std::vector<std::string> items;
  if (joined.empty()) return items;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = joined.find(kSeparator, start);
    items.push_back(joined.substr(start, end - start));
    if (end == std::string::npos) return items;
    start = end + 1;
  }
}

// SQL for a text[] column joined for SplitJoined.
std::string Joined(const std::string& column) {
  return "array_to_string(" + column + ", chr(31))";
}

DeadlineStatus ParseDeadlineStatus(const std::string& code) {
  if (code == "on_time") return DeadlineStatus::OnTime;
  if (code == "due_soon") return DeadlineStatus::DueSoon;
  if (code == "overdue") return DeadlineStatus::Overdue;
  if (code == "uncertain") return DeadlineStatus::Uncertain;
  return DeadlineStatus::None;
}

std::string Date(const std::string& column) {
  return "coalesce(to_char(" + column + ", 'YYYY-MM-DD'), '')";
}
std::string Month(const std::string& column) {
  return "to_char(" + column + ", 'YYYY-MM')";
}

// The columns of doudi.case_overview that SummaryRow reads, in its order.
const std::string kSummaryColumns =
    "o.id, o.household_id, coalesce(o.applicant_name, ''), o.region_code, o.region_name, o.program, "
    "o.program_name, o.step_order, o.state, o.version, " +
    Date("o.step_due") + ", o.step_due_certain::int, " + Date("o.overall_due") +
    ", o.overall_due_certain::int, o.deadline_status, o.close_relative::int, " + Date("o.next_review_on") +
    ", coalesce(o.person_id, 0), o.per_person::int";
// How many columns kSummaryColumns reads: a query's own columns follow.
constexpr std::size_t kSummaryCount = 19;

CaseSummary SummaryRow(const soci::row& r) {
  CaseSummary s;
  s.id = r.get<long long>(0);
  s.householdId = r.get<long long>(1);
  s.applicantName = r.get<std::string>(2);
  s.regionCode = r.get<std::string>(3);
  s.regionName = r.get<std::string>(4);
  s.program = r.get<std::string>(5);
  s.programName = r.get<std::string>(6);
  s.stepOrder = r.get<std::string>(7);
  s.state = r.get<std::string>(8);
  s.version = r.get<int>(9);
  s.stepDue = r.get<std::string>(10);
  s.stepDueCertain = r.get<int>(11) != 0;
  s.overallDue = r.get<std::string>(12);
  s.overallDueCertain = r.get<int>(13) != 0;
  s.deadline = ParseDeadlineStatus(r.get<std::string>(14));
  s.closeRelative = r.get<int>(15) != 0;
  s.nextReviewOn = r.get<std::string>(16);
  s.personId = r.get<long long>(17);
  s.perPerson = r.get<int>(18) != 0;  // kSummaryCount - 1
  return s;
}

// A search filter the database would refuse less helpfully, named.
void CheckQuery(const CaseQuery& q) {
  if (!q.idNumber.empty() && ClassifyQueryText(q.idNumber) != RegistryTextKind::FullId) {
    throw std::invalid_argument("the ID number is a full 18-character resident ID: '" + q.idNumber + "'");
  }
  if (!q.regionPrefix.empty() && !model::RegionCode::IsValidScopePrefix(q.regionPrefix)) {
    throw std::invalid_argument("a region prefix has 2, 4, 6, 9 or 12 digits: '" + q.regionPrefix + "'");
  }
  static const std::regex kDate("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  for (const auto& [field, value] : {std::pair{"opened from", &q.openedFrom}, std::pair{"opened to", &q.openedTo}}) {
    if (!value->empty() && !std::regex_match(*value, kDate)) {
      throw std::invalid_argument(std::string(field) + " is a date as YYYY-MM-DD, not '" + *value + "'");
    }
  }
}

class PgCaseRepository final : public CaseRepository {
 public:
  explicit PgCaseRepository(soci::session& sql) : m_sql(sql) {}

  std::vector<CaseSummary> MyTasks(int limit) override {
    return ReadRows("reading your tasks",
                    (m_sql.prepare << "SELECT " + kSummaryColumns +
                                          " FROM doudi.case_overview AS o JOIN (SELECT t.id FROM doudi.my_case_tasks "
                                          "AS t ORDER BY t.nearest_due NULLS LAST, t.id LIMIT :n) AS t ON t.id = o.id "
                                          "ORDER BY o.nearest_due NULLS LAST, o.id",
                     soci::use(limit)),
                    SummaryRow);
  }

  std::vector<CaseSummary> HouseholdCases(std::int64_t householdId) override {
    const long long id = householdId;
    return ReadRows("reading the cases of household " + std::to_string(householdId),
                    (m_sql.prepare << "SELECT " + kSummaryColumns +
                                          " FROM doudi.case_overview AS o WHERE o.household_id = :h "
                                          "ORDER BY o.opened_at DESC, o.id DESC",
                     soci::use(id)),
                    SummaryRow);
  }

  std::vector<model::ProgramExclusion> ProgramExclusions() override {
    return ReadRows("reading the programs not received together",
                    (m_sql.prepare << "SELECT program, excludes, reason FROM doudi.program_exclusion "
                                      "ORDER BY program, excludes"),
                    [](const soci::row& r) {
                      return model::ProgramExclusion{r.get<std::string>(0), r.get<std::string>(1),
                                                     r.get<std::string>(2)};
                    });
  }

  std::vector<CaseMember> HouseholdMembers(std::int64_t householdId) override {
    const long long id = householdId;
    return ReadRows("reading the members of household " + std::to_string(householdId),
                    (m_sql.prepare << "SELECT p.id, p.name, p.relation FROM doudi.person AS p "
                                      "WHERE p.household_id = :h AND p.left_on IS NULL ORDER BY p.position, p.id",
                     soci::use(id)),
                    [](const soci::row& r) {
                      return CaseMember{r.get<long long>(0), r.get<std::string>(1), r.get<std::string>(2)};
                    });
  }

  std::optional<CaseRecord> Load(std::int64_t caseId) override {
    try {
      soci::transaction tr(m_sql);  // one snapshot for every part
      m_sql << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY";
      std::optional<CaseRecord> record = LoadHead(caseId);
      if (record) {
        LoadSteps(*record);
        LoadSurveys(*record);
        LoadEvidence(*record);
        LoadAmounts(*record);
        LoadPayments(*record);
        record->missing = MissingRequirements(caseId);
      }
      tr.commit();
      return record;
    } catch (...) {
      RethrowAsDatabaseError("reading case " + std::to_string(caseId));
    }
  }

  std::vector<CaseFound> Search(const CaseQuery& query) override {
    CheckQuery(query);
    const int overdue = query.overdueOnly ? 1 : 0;
    return ReadRows(
        "searching cases",
        (m_sql.prepare << "SELECT " + kSummaryColumns +
                              ", coalesce(o.id_number_masked, ''), coalesce(o.person_name, ''), " +
                              Date("o.opened_at::date") +
                              ", coalesce(o.follows_case_id, 0) FROM doudi.case_search(:n, :i, :p, :s, :r, "
                              "CAST(NULLIF(:f, '') AS date), CAST(NULLIF(:t, '') AS date), CAST(:o AS int) <> 0, "
                              ":l) AS o",
         soci::use(query.name), soci::use(query.idNumber), soci::use(query.program), soci::use(query.state),
         soci::use(query.regionPrefix), soci::use(query.openedFrom), soci::use(query.openedTo), soci::use(overdue),
         soci::use(query.limit)),
        [](const soci::row& r) {
          CaseFound f;
          f.summary = SummaryRow(r);
          f.maskedId = r.get<std::string>(kSummaryCount);
          f.personName = r.get<std::string>(kSummaryCount + 1);
          f.openedOn = r.get<std::string>(kSummaryCount + 2);
          f.followsCaseId = r.get<long long>(kSummaryCount + 3);
          return f;
        });
  }

  std::vector<TimelineEntry> HouseholdTimeline(std::int64_t householdId) override {
    const long long id = householdId;
    return ReadRows(
        "reading the story of household " + std::to_string(householdId),
        (m_sql.prepare << "SELECT " + Date("t.on_date") + ", t.kind, t.item_id, t.what, t.state, " + Date("t.due_on") +
                              ", coalesce(t.amount_fen, -1) FROM doudi.household_timeline(:h) AS t",
         soci::use(id)),
        [](const soci::row& r) {
          TimelineEntry e;
          e.date = r.get<std::string>(0);
          e.kind = r.get<std::string>(1);
          e.itemId = r.get<long long>(2);
          e.what = r.get<std::string>(3);
          e.state = r.get<std::string>(4);
          e.dueOn = r.get<std::string>(5);
          if (r.get<long long>(6) >= 0) e.amount = Fen(r, 6);
          return e;
        });
  }

  std::int64_t Open(const NewCase& application, const std::string& requestId) override {
    const long long household = application.householdId;
    try {
      return Write("opening a case for household " + std::to_string(application.householdId), [&] {
        long long id = 0;
        const int closeRelative = application.closeRelative ? 1 : 0;
        const long long person = application.personId;
        const long long follows = application.followsCaseId;
        m_sql << "SELECT doudi.case_open(:h, :p, CAST(:r AS uuid), CAST(:c AS int) <> 0, :n, NULLIF(:pe, 0), "
                 "NULLIF(:fo, 0))",
            soci::use(household), soci::use(application.program), soci::use(requestId), soci::use(closeRelative),
            soci::use(application.closeRelativeNote), soci::use(person), soci::use(follows), soci::into(id);
        return static_cast<std::int64_t>(id);
      });
    } catch (const DatabaseError&) {
      const long long person = application.personId;
      const auto opened = AppliedAfterFailure([&] {
        long long id = 0;
        m_sql << "SELECT s.case_id FROM doudi.case_step AS s JOIN doudi.assistance_case AS a ON a.id = s.case_id "
                 "WHERE s.request_id = CAST(:r AS uuid) AND s.action = 'apply' AND a.household_id = :h "
                 "AND a.program = :p "
                 "AND a.person_id IS NOT DISTINCT FROM coalesce(NULLIF(CAST(:pe AS bigint), 0), a.person_id)",
            soci::use(requestId), soci::use(household), soci::use(application.program), soci::use(person),
            soci::into(id);
        return m_sql.got_data() ? std::optional<long long>(id) : std::nullopt;
      });
      if (opened) return *opened;
      throw;
    }
  }

  std::int32_t Transition(std::int64_t caseId, const std::string& action, std::int32_t expectedVersion,
                          const std::string& opinion, const std::string& requestId) override {
    const std::string context = "taking action " + action + " on case " + std::to_string(caseId);
    try {
      return Write(context, [&] {
        int version = 0;
        const long long id = caseId;
        const int expected = expectedVersion;
        m_sql << "SELECT doudi.case_transition(:c, :a, :v, CAST(:r AS uuid), :o)", soci::use(id), soci::use(action),
            soci::use(expected), soci::use(requestId), soci::use(opinion), soci::into(version);
        return static_cast<std::int32_t>(version);
      });
    } catch (const DatabaseError& e) {
      // The step this request took, if it committed first: then the
      // "changed meanwhile" is this request's own change.
      const auto taken = AppliedAfterFailure([&] {
        int version = 0;
        const long long id = caseId;
        m_sql << "SELECT s.version FROM doudi.case_step AS s WHERE s.request_id = CAST(:r AS uuid) AND s.case_id = :c "
                 "AND s.action = :a",
            soci::use(requestId), soci::use(id), soci::use(action), soci::into(version);
        return m_sql.got_data() ? std::optional<long long>(version) : std::nullopt;
      });
      if (taken) return static_cast<std::int32_t>(*taken);
      if (e.SqlState() != "40001") throw;
      throw VersionConflict(e.what(), expectedVersion, CurrentVersion(caseId));
    }
  }

  void RecordSurvey(std::int64_t caseId, const CaseSurvey& survey, const std::string& requestId) override {
    WriteOnce("doudi.case_survey", caseId, requestId, "recording the survey of case " + std::to_string(caseId), [&] {
      const long long id = caseId;
      const std::string surveyors = TextArrayLiteral(survey.surveyors);
      m_sql << "SELECT doudi.case_record_survey(:c, CAST(:s AS text[]), CAST(NULLIF(:d, '') AS date), :f, :m, "
               "CAST(:r AS uuid))",
          soci::use(id), soci::use(surveyors), soci::use(survey.surveyedOn), soci::use(survey.findings),
          soci::use(survey.membersPresent), soci::use(requestId);
      return 0;
    });
  }

  std::int64_t AddEvidence(std::int64_t caseId, const CaseEvidence& evidence, const std::string& requestId) override {
    return AddEvidenceAndFile(caseId, evidence, nullptr, requestId);
  }

  std::int64_t AddEvidenceWithFile(std::int64_t caseId, const CaseEvidence& evidence, const NewAttachment& file,
                                   const std::string& requestId) override {
    return AddEvidenceAndFile(caseId, evidence, &file, requestId);
  }

  std::vector<MissingRequirement> MissingRequirements(std::int64_t caseId) override {
    const long long id = caseId;
    return ReadRows("reading what case " + std::to_string(caseId) + " still misses",
                    (m_sql.prepare << "SELECT m.action, m.requirement, m.refusal"
                                      " FROM doudi.case_missing_requirements(:c) AS m",
                     soci::use(id)),
                    [](const soci::row& r) {
                      return MissingRequirement{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2)};
                    });
  }

  void ProposeAmount(std::int64_t caseId, const AmountProposal& proposal, const std::string& requestId) override {
    const std::string context = "proposing the amount of case " + std::to_string(caseId);
    WriteOnce("doudi.case_amount_proposal", caseId, requestId, context, [&] {
      const long long id = caseId;
      const long long monthly = proposal.monthly.Fen();
      const long long oneOff = proposal.oneOff.Fen();
      const std::string working = TextArrayLiteral(proposal.working);
      m_sql << "SELECT doudi.case_propose_amount(:c, :m, :o, CAST(:w AS text[]), NULLIF(:f, ''), CAST(:r AS uuid), "
               "NULLIF(:x, ''))",
          soci::use(id), soci::use(monthly), soci::use(oneOff), soci::use(working), soci::use(proposal.fundCode),
          soci::use(requestId), soci::use(proposal.overCapReason);
      return 0;
    });
  }

  void ConfirmAmount(std::int64_t caseId, std::int64_t proposalId, const std::string& opinion,
                     const std::string& requestId) override {
    const std::string context = "confirming the amount of case " + std::to_string(caseId);
    WriteOnce("doudi.case_amount_confirmation", caseId, requestId, context, [&] {
      const long long id = caseId;
      const long long proposal = proposalId;
      m_sql << "SELECT doudi.case_confirm_amount(:c, :p, :o, CAST(:r AS uuid))", soci::use(id), soci::use(proposal),
          soci::use(opinion), soci::use(requestId);
      return 0;
    });
  }

  void ExtendLimit(std::int64_t caseId, const std::string& reason, const std::string&) override {
    // Extending twice is the same as once, so a retry needs no request id.
    Write("extending the time limit of case " + std::to_string(caseId), [&] {
      const long long id = caseId;
      m_sql << "SELECT doudi.case_extend_limit(:c, :r)", soci::use(id), soci::use(reason);
      return 0;
    });
  }

  std::vector<NoticeEntry> PublicNotices(const std::string& regionPrefix) override {
    return ReadRows(
        "reading the public notices",
        (m_sql.prepare << "SELECT n.case_id, n.version, n.region_code, n.region_name, coalesce(n.applicant_name, ''), "
                          "n.household_size, n.program, n.program_name, n.monthly_fen, n.one_off_fen, " +
                              Date("n.notice_start") + ", " + Date("n.notice_end") +
                              ", n.state, n.objections FROM doudi.public_notice AS n "
                              "WHERE n.region_code LIKE :p || '%' AND n.notice_end >= doudi.clock_date() - 30 "
                              "ORDER BY n.region_code, n.notice_start, n.case_id",
         soci::use(regionPrefix)),
        [](const soci::row& r) {
          NoticeEntry n;
          n.caseId = r.get<long long>(0);
          n.version = r.get<int>(1);
          n.regionCode = r.get<std::string>(2);
          n.regionName = r.get<std::string>(3);
          n.applicantName = r.get<std::string>(4);
          n.householdSize = r.get<int>(5);
          n.program = r.get<std::string>(6);
          n.programName = r.get<std::string>(7);
          n.monthly = Fen(r, 8);
          n.oneOff = Fen(r, 9);
          n.noticeStart = r.get<std::string>(10);
          n.noticeEnd = r.get<std::string>(11);
          n.state = r.get<std::string>(12);
          n.objections = r.get<int>(13);
          return n;
        });
  }

  std::vector<CharityFund> Funds(const std::string& regionPrefix) override {
    return ReadRows("reading the charity funds",
                    (m_sql.prepare << "SELECT f.code, f.name, f.donor, f.region_prefix, f.kind, f.amount_fen, "
                                      "doudi.charity_fund_left(f.code) FROM doudi.charity_fund AS f "
                                      "WHERE left(f.region_prefix, length(:p)) = :p2 "
                                      "OR left(:p3, length(f.region_prefix)) = f.region_prefix ORDER BY f.code",
                     soci::use(regionPrefix), soci::use(regionPrefix), soci::use(regionPrefix)),
                    [](const soci::row& r) {
                      return CharityFund{r.get<std::string>(0),
                                         r.get<std::string>(1),
                                         r.get<std::string>(2),
                                         r.get<std::string>(3),
                                         r.get<std::string>(4),
                                         Fen(r, 5),
                                         Fen(r, 6)};
                    });
  }

  void AddFund(const CharityFund& fund) override {
    Write("adding charity fund " + fund.code, [&] {
      const long long amount = fund.amount.Fen();
      m_sql << "SELECT doudi.fund_add(:c, :n, :d, :p, :k, :a)", soci::use(fund.code), soci::use(fund.name),
          soci::use(fund.donor), soci::use(fund.regionPrefix), soci::use(fund.kind), soci::use(amount);
      return 0;
    });
  }

  int GeneratePayments(const std::string& month) override {
    return Write("writing the payment lines of " + month, [&] {
      int written = 0;
      const std::string first = month + "-01";
      m_sql << "SELECT doudi.payments_generate(CAST(:m AS date))", soci::use(first), soci::into(written);
      return written;
    });
  }

  std::vector<RosterLine> PaymentRoster(const std::string& month, const std::string& regionPrefix) override {
    const std::string first = month + "-01";
    return ReadRows(
        "reading the payment roster of " + month,
        (m_sql.prepare << "SELECT l.case_id, l.region_code, l.village_name, coalesce(l.township_name, ''), "
                          "coalesce(l.applicant_name, ''), coalesce(l.id_number_masked, ''), "
                          "coalesce(l.bank_account_masked, ''), l.household_size, l.program, l.program_name, "
                          "l.kind, l.amount_fen FROM doudi.payment_roster AS l "
                          "WHERE l.month = CAST(:m AS date) AND l.region_code LIKE :p || '%' "
                          "ORDER BY l.region_code, l.applicant_name, l.case_id, l.kind",
         soci::use(first), soci::use(regionPrefix)),
        [](const soci::row& r) {
          RosterLine l;
          l.caseId = r.get<long long>(0);
          l.regionCode = r.get<std::string>(1);
          l.villageName = r.get<std::string>(2);
          l.townshipName = r.get<std::string>(3);
          l.applicantName = r.get<std::string>(4);
          l.maskedId = r.get<std::string>(5);
          l.maskedAccount = r.get<std::string>(6);
          l.householdSize = r.get<int>(7);
          l.program = r.get<std::string>(8);
          l.programName = r.get<std::string>(9);
          l.kind = r.get<std::string>(10);
          l.amount = Fen(r, 11);
          return l;
        });
  }

  std::vector<StatisticsRow> PaymentStatistics(const std::string& month, const std::string& regionPrefix,
                                               std::size_t areaDigits) override {
    const std::string first = month + "-01";
    const int digits = static_cast<int>(areaDigits);
    // A case counts once per program however many lines (monthly, one-off)
    // it has, with its household's current members.
    return ReadRows(
        "reading the payment statistics of " + month,
        (m_sql.prepare << "SELECT a.area, coalesce(r.name, a.area), a.program, g.chinese, count(*)::bigint, "
                          "coalesce(sum(s.persons), 0)::bigint, sum(a.amount_fen)::bigint "
                          "FROM (SELECT rpad(left(l.region_code, :d), 12, '0') AS area, l.program, l.case_id, "
                          "min(l.household_id) AS household_id, sum(l.amount_fen) AS amount_fen "
                          "FROM doudi.payment_line AS l "
                          "WHERE l.month = CAST(:m AS date) AND l.region_code LIKE :p || '%' "
                          "GROUP BY 1, 2, 3) AS a "
                          "JOIN doudi.program AS g ON g.code = a.program "
                          "LEFT JOIN doudi.region AS r ON r.code = a.area "
                          "CROSS JOIN LATERAL (SELECT count(*) AS persons FROM doudi.person AS p "
                          "WHERE p.household_id = a.household_id AND p.left_on IS NULL) AS s "
                          "GROUP BY a.area, r.name, a.program, g.chinese ORDER BY a.area, a.program",
         soci::use(digits), soci::use(first), soci::use(regionPrefix)),
        [](const soci::row& r) {
          StatisticsRow row;
          row.areaCode = r.get<std::string>(0);
          row.areaName = r.get<std::string>(1);
          row.program = r.get<std::string>(2);
          row.programName = r.get<std::string>(3);
          row.households = r.get<long long>(4);
          row.persons = r.get<long long>(5);
          row.amount = Fen(r, 6);
          return row;
        });
  }

 private:
  template <typename Work>
  auto Write(const std::string& context, Work work) -> decltype(work()) {
    return WriteAndSeal(m_sql, context, work);
  }

  // Write, for a change recorded in table under the request id: a failure
  // whose request is recorded there for the case (its original committed
  // first) is this request's success.
  template <typename Work>
  void WriteOnce(const char* table, std::int64_t caseId, const std::string& requestId, const std::string& context,
                 Work work) {
    try {
      Write(context, work);
    } catch (const DatabaseError&) {
      const auto recorded = AppliedAfterFailure([&] {
        long long found = 0;
        const long long id = caseId;
        m_sql << std::string("SELECT count(*) FROM ") + table + " WHERE request_id = CAST(:r AS uuid) AND case_id = :c",
            soci::use(requestId), soci::use(id), soci::into(found);
        return found > 0 ? std::optional<long long>(found) : std::nullopt;
      });
      if (!recorded) throw;
    }
  }

  // What a request already did, looked up after a failed write while the
  // connection still works; nullopt when it does not or nothing is found.
  template <typename Lookup>
  std::optional<long long> AppliedAfterFailure(Lookup lookup) {
    try {
      return lookup();
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }

  // The evidence, and with file its file, in one transaction under one
  // request id; a failure whose request is recorded for the case (its
  // original committed first) is this request's success.
  std::int64_t AddEvidenceAndFile(std::int64_t caseId, const CaseEvidence& evidence, const NewAttachment* file,
                                  const std::string& requestId) {
    const long long id = caseId;
    try {
      return Write("adding evidence to case " + std::to_string(caseId), [&] {
        long long evidenceId = 0;
        m_sql << "SELECT doudi.case_add_evidence(:c, :k, :t, :n, CAST(:r AS uuid))", soci::use(id),
            soci::use(evidence.kind), soci::use(evidence.title), soci::use(evidence.note), soci::use(requestId),
            soci::into(evidenceId);
        if (file != nullptr) AddAttachment(m_sql, AttachmentOwnerRef{"evidence", evidenceId}, *file, requestId);
        return static_cast<std::int64_t>(evidenceId);
      });
    } catch (const DatabaseError&) {
      const auto recorded = AppliedAfterFailure([&] {
        long long found = 0;
        soci::indicator none = soci::i_ok;
        m_sql << "SELECT e.id FROM doudi.case_evidence AS e WHERE e.request_id = CAST(:r AS uuid) AND e.case_id = :c",
            soci::use(requestId), soci::use(id), soci::into(found, none);
        return m_sql.got_data() && none == soci::i_ok ? std::optional<long long>(found) : std::nullopt;
      });
      if (!recorded) throw;
      return *recorded;
    }
  }

  std::int32_t CurrentVersion(std::int64_t caseId) {
    int version = 0;
    const long long id = caseId;
    m_sql << "SELECT coalesce((SELECT version FROM doudi.assistance_case WHERE id = :c), 0)", soci::use(id),
        soci::into(version);
    return version;
  }

  std::optional<CaseRecord> LoadHead(std::int64_t caseId) {
    const long long id = caseId;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << "SELECT " + kSummaryColumns + ", " + TimeText("c.opened_at") +
                              ", coalesce(doudi.staff_name(c.opened_by), c.opened_by), " + Date("c.accepted_on") +
                              ", c.limit_extended::int, c.close_relative_note, " + Date("c.notice_start") + ", " +
                              Date("c.notice_end") +
                              ", coalesce((SELECT p.name FROM doudi.person AS p "
                              "WHERE p.id = c.person_id), ''), coalesce(c.follows_case_id, 0), "
                              "coalesce((SELECT p.id_number_masked FROM doudi.person AS p WHERE p.id = c.person_id), "
                              "''), "
                              "coalesce((SELECT string_agg(f.id::text, ',' ORDER BY f.id) FROM doudi.assistance_case "
                              "AS f WHERE f.follows_case_id = c.id), '')"
                              " FROM doudi.case_overview AS o JOIN doudi.assistance_case AS c ON c.id = o.id "
                              "WHERE o.id = :c",
         soci::use(id));
    for (const auto& r : rows) {
      CaseRecord record;
      record.summary = SummaryRow(r);
      record.openedAt = r.get<std::string>(kSummaryCount);
      record.openedBy = r.get<std::string>(kSummaryCount + 1);
      record.acceptedOn = r.get<std::string>(kSummaryCount + 2);
      record.limitExtended = r.get<int>(kSummaryCount + 3) != 0;
      record.closeRelativeNote = r.get<std::string>(kSummaryCount + 4);
      record.noticeStart = r.get<std::string>(kSummaryCount + 5);
      record.noticeEnd = r.get<std::string>(kSummaryCount + 6);
      record.personName = r.get<std::string>(kSummaryCount + 7);
      record.followsCaseId = r.get<long long>(kSummaryCount + 8);
      record.personMaskedId = r.get<std::string>(kSummaryCount + 9);
      const std::string followers = r.get<std::string>(kSummaryCount + 10);
      for (std::size_t start = 0; start < followers.size();) {
        const std::size_t end = std::min(followers.find(',', start), followers.size());
        record.followedBy.push_back(std::stoll(followers.substr(start, end - start)));
        start = end + 1;
      }
      return record;
    }
    return std::nullopt;
  }

  void LoadSteps(CaseRecord& record) {
    const long long id = record.summary.id;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << "SELECT coalesce(s.from_state, ''), s.action, s.to_state, s.level, s.actor, "
                          "coalesce(doudi.staff_name(s.actor), ''), " +
                              TimeText("s.acted_at") +
                              ", s.opinion FROM doudi.case_step AS s WHERE s.case_id = :c ORDER BY s.id",
         soci::use(id));
    for (const auto& r : rows) {
      record.steps.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                              r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
                              r.get<std::string>(6), r.get<std::string>(7)});
    }
  }

  void LoadSurveys(CaseRecord& record) {
    const long long id = record.summary.id;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << "SELECT " + Joined("s.surveyors") + ", " + Date("s.surveyed_on") +
                              ", s.findings, s.members_present, s.recorded_by, " + TimeText("s.recorded_at") +
                              " FROM doudi.case_survey AS s WHERE s.case_id = :c ORDER BY s.id",
         soci::use(id));
    for (const auto& r : rows) {
      record.surveys.push_back({SplitJoined(r.get<std::string>(0)), r.get<std::string>(1), r.get<std::string>(2),
                                r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5)});
    }
  }

  void LoadEvidence(CaseRecord& record) {
    const long long id = record.summary.id;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << "SELECT e.kind, e.title, e.note, e.added_by, " + TimeText("e.added_at") +
                              ", e.id, (SELECT count(*)::int FROM doudi.attachment AS a WHERE a.owner_kind = 'evidence'"
                              " AND a.owner_id = e.id AND a.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM"
                              " doudi.attachment AS n WHERE n.replaces_id = a.id))"
                              " FROM doudi.case_evidence AS e WHERE e.case_id = :c ORDER BY e.id",
         soci::use(id));
    for (const auto& r : rows) {
      record.evidence.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                                 r.get<std::string>(3), r.get<std::string>(4), r.get<long long>(5), r.get<int>(6)});
    }
  }

  void LoadAmounts(CaseRecord& record) {
    const long long id = record.summary.id;
    soci::rowset<soci::row> proposals =
        (m_sql.prepare << "SELECT p.monthly_fen, p.one_off_fen, " + Joined("p.working") +
                              ", coalesce(p.fund_code, ''), p.proposed_by, " + TimeText("p.proposed_at") +
                              ", coalesce(e.reason, ''), p.id, coalesce(k.confirmed_by, '') "
                              "FROM doudi.case_amount_proposal AS p "
                              "LEFT JOIN doudi.case_amount_exception AS e ON e.proposal_id = p.id "
                              "LEFT JOIN doudi.case_amount_confirmation AS k ON k.exception_id = e.id "
                              "WHERE p.case_id = :c ORDER BY p.id DESC LIMIT 1",
         soci::use(id));
    for (const auto& r : proposals) {
      record.proposal = AmountProposal{Fen(r, 0),
                                       Fen(r, 1),
                                       SplitJoined(r.get<std::string>(2)),
                                       r.get<std::string>(3),
                                       r.get<std::string>(4),
                                       r.get<std::string>(5),
                                       r.get<std::string>(6),
                                       r.get<long long>(7),
                                       r.get<std::string>(8)};
    }
    soci::rowset<soci::row> benefits =
        (m_sql.prepare << "SELECT " + Month("b.effective_month") + ", b.monthly_fen, b.one_off_fen, " +
                              Joined("b.working") +
                              " FROM doudi.case_benefit AS b WHERE b.case_id = :c ORDER BY b.effective_month, b.id",
         soci::use(id));
    for (const auto& r : benefits) {
      record.benefits.push_back({r.get<std::string>(0), Fen(r, 1), Fen(r, 2), SplitJoined(r.get<std::string>(3))});
    }
  }

  void LoadPayments(CaseRecord& record) {
    const long long id = record.summary.id;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << "SELECT " + Month("l.month") +
                              ", l.kind, l.amount_fen FROM doudi.payment_line AS l WHERE l.case_id = :c "
                              "AND l.month > date_trunc('month', doudi.clock_date()) - interval '13 months' "
                              "ORDER BY l.month DESC, l.kind",
         soci::use(id));
    for (const auto& r : rows) {
      record.recentPayments.push_back({record.summary.id, r.get<std::string>(0), r.get<std::string>(1), Fen(r, 2)});
    }
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<CaseRepository> MakeCaseRepository(soci::session& sql) {
  return std::make_unique<PgCaseRepository>(sql);
}

}  // namespace doudi::dal::pg
