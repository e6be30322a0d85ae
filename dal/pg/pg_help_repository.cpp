// HelpRepository over doudi.help_record, doudi.household_support, the charity
// funds and doudi.fund_grant (docs/joint-loop-help.md). Reads run under
// row-level security; every write is one function call in its own
// transaction, and the function checks group, scope, the fund's region and
// balance.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/errors.h"
#include "doudi/dal/help_repository.h"
#include "pg_errors.h"
#include "pg_internal.h"

namespace doudi::dal::pg {
namespace {

// The texts of an array column read as one value: array_to_string(x, ',') of
// codes, which hold no comma.
std::vector<std::string> Codes(const std::string& joined) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start < joined.size()) {
    const auto end = joined.find(',', start);
    codes.push_back(joined.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return codes;
}

// The columns HelpRow reads, in its order (r: doudi.help_record).
const std::string kHelpColumns =
    "r.id, r.household_id, r.person_id, coalesce(p.name, ''), r.kind, r.giver_kind, r.giver, "
    "coalesce(r.department, ''), coalesce(r.fund_code, ''), coalesce(f.name, ''), to_char(r.given_on, 'YYYY-MM-DD'), "
    "r.amount_fen, r.description, r.given_by, array_to_string(r.terms, ','), r.referral_id, r.case_id, "
    "r.corrects_id, (SELECT c.id FROM doudi.help_record AS c WHERE c.corrects_id = r.id), r.on_behalf::int, " +
    TimeText("r.recorded_at") + ", coalesce(doudi.staff_name(r.recorded_by), r.recorded_by)";

HelpRecord HelpRow(const soci::row& r) {
  HelpRecord h;
  h.id = r.get<long long>(0);
  h.householdId = r.get<long long>(1);
  h.entry.personId = OptionalId(r, 2);
  h.personName = r.get<std::string>(3);
  h.entry.kind = r.get<std::string>(4);
  h.entry.giverKind = r.get<std::string>(5);
  h.entry.giver = r.get<std::string>(6);
  h.entry.department = r.get<std::string>(7);
  h.entry.fundCode = r.get<std::string>(8);
  h.fundName = r.get<std::string>(9);
  h.entry.givenOn = r.get<std::string>(10);
  if (const auto fen = OptionalId(r, 11)) h.entry.amount = model::Money::FromFen(*fen);
  h.entry.description = r.get<std::string>(12);
  h.entry.givenBy = r.get<std::string>(13);
  h.entry.terms = Codes(r.get<std::string>(14));
  h.referralId = OptionalId(r, 15);
  h.entry.caseId = OptionalId(r, 16);
  h.correctsId = OptionalId(r, 17);
  h.correctedById = OptionalId(r, 18);
  h.onBehalf = r.get<int>(19) != 0;
  h.recordedAt = r.get<std::string>(20);
  h.recordedBy = r.get<std::string>(21);
  return h;
}

class PgHelpRepository final : public HelpRepository {
 public:
  explicit PgHelpRepository(soci::session& sql) : m_sql(sql) {}

  std::int64_t Add(std::int64_t householdId, const HelpEntry& help, const std::string& requestId) override {
    return Write("recording help for household " + std::to_string(householdId), [&] {
      const long long household = householdId;
      Bound b(help);
      long long id = 0;
      m_sql << "SELECT doudi.help_record_add(CAST(:r AS uuid), :h, :p, :k, :gk, :g, :d, :f, CAST(:on AS date), :a, "
               ":ds, :by, CAST(:t AS text[]), :c)",
          soci::use(requestId), soci::use(household), soci::use(b.person, b.personIndicator), soci::use(help.kind),
          soci::use(help.giverKind), soci::use(help.giver), soci::use(help.department, b.departmentIndicator),
          soci::use(help.fundCode, b.fundIndicator), soci::use(help.givenOn), soci::use(b.amount, b.amountIndicator),
          soci::use(help.description), soci::use(help.givenBy), soci::use(b.terms),
          soci::use(b.theCase, b.caseIndicator), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  std::int64_t Correct(std::int64_t correctsId, const HelpEntry& help, const std::string& requestId) override {
    return Write("correcting help record " + std::to_string(correctsId), [&] {
      const long long corrects = correctsId;
      Bound b(help);
      long long id = 0;
      m_sql << "SELECT doudi.help_record_correct(CAST(:r AS uuid), :x, :k, :gk, :g, :d, :f, CAST(:on AS date), :a, "
               ":ds, :by, CAST(:t AS text[]))",
          soci::use(requestId), soci::use(corrects), soci::use(help.kind), soci::use(help.giverKind),
          soci::use(help.giver), soci::use(help.department, b.departmentIndicator),
          soci::use(help.fundCode, b.fundIndicator), soci::use(help.givenOn), soci::use(b.amount, b.amountIndicator),
          soci::use(help.description), soci::use(help.givenBy), soci::use(b.terms), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  std::vector<HelpRecord> ForHousehold(std::int64_t householdId) override {
    const long long id = householdId;
    return ReadRows("reading the help of household " + std::to_string(householdId),
                    (m_sql.prepare << "SELECT " + kHelpColumns +
                                          " FROM doudi.help_record AS r "
                                          "LEFT JOIN doudi.person AS p ON p.id = r.person_id "
                                          "LEFT JOIN doudi.charity_fund AS f ON f.code = r.fund_code "
                                          "WHERE r.household_id = :h ORDER BY r.given_on DESC, r.id DESC",
                     soci::use(id)),
                    HelpRow);
  }

  std::vector<SupportTermCount> Summary(std::int64_t householdId) override {
    const long long id = householdId;
    return ReadRows("reading the 四帮四扶 summary of household " + std::to_string(householdId),
                    (m_sql.prepare << "SELECT s.term, s.chinese, s.help_count, s.program_count, "
                                      "coalesce(to_char(s.last_on, 'YYYY-MM-DD'), '') "
                                      "FROM doudi.household_support AS s WHERE s.household_id = :h "
                                      "ORDER BY s.position",
                     soci::use(id)),
                    [](const soci::row& r) {
                      SupportTermCount c;
                      c.term = r.get<std::string>(0);
                      c.chinese = r.get<std::string>(1);
                      c.helps = r.get<int>(2);
                      c.programs = r.get<int>(3);
                      c.lastOn = r.get<std::string>(4);
                      return c;
                    });
  }

  std::vector<FundBalance> Funds(const std::string& regionPrefix) override {
    return ReadRows("reading the charity funds",
                    (m_sql.prepare << "SELECT f.code, f.name, f.donor, f.region_prefix, f.kind, f.amount_fen, "
                                      "coalesce(doudi.charity_fund_left(f.code), 0), "
                                      "coalesce((SELECT sum(t.amount_fen) FROM doudi.charity_fund_topup AS t "
                                      "          WHERE t.fund_code = f.code), 0)::bigint, " +
                                          TimeText("f.created_at") +
                                          " FROM doudi.charity_fund AS f "
                                          "WHERE left(f.region_prefix, length(:p)) = :p2 "
                                          "OR left(:p3, length(f.region_prefix)) = f.region_prefix ORDER BY f.code",
                     soci::use(regionPrefix), soci::use(regionPrefix), soci::use(regionPrefix)),
                    [](const soci::row& r) {
                      FundBalance b;
                      b.fund = CharityFund{r.get<std::string>(0),
                                           r.get<std::string>(1),
                                           r.get<std::string>(2),
                                           r.get<std::string>(3),
                                           r.get<std::string>(4),
                                           Fen(r, 5),
                                           Fen(r, 6)};
                      b.toppedUp = Fen(r, 7);
                      b.granted = model::Money::FromFen(b.fund.amount.Fen() + b.toppedUp.Fen() - b.fund.left.Fen());
                      b.createdAt = r.get<std::string>(8);
                      return b;
                    });
  }

  std::int64_t TopUp(const std::string& fundCode, model::Money amount, const std::string& source,
                     const std::string& receivedOn, const std::string& requestId) override {
    return Write("topping up charity fund " + fundCode, [&] {
      const long long fen = amount.Fen();
      long long id = 0;
      m_sql << "SELECT doudi.fund_top_up(CAST(:r AS uuid), :f, :a, :s, CAST(:on AS date))", soci::use(requestId),
          soci::use(fundCode), soci::use(fen), soci::use(source), soci::use(receivedOn), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  std::vector<FundTopUp> TopUps(const std::string& fundCode) override {
    return ReadRows("reading the top-ups of charity fund " + fundCode,
                    (m_sql.prepare << "SELECT t.id, t.fund_code, t.amount_fen, t.source, "
                                      "to_char(t.received_on, 'YYYY-MM-DD'), " +
                                          TimeText("t.added_at") +
                                          ", coalesce(doudi.staff_name(t.added_by), t.added_by) "
                                          "FROM doudi.charity_fund_topup AS t WHERE t.fund_code = :f "
                                          "ORDER BY t.received_on DESC, t.id DESC",
                     soci::use(fundCode)),
                    [](const soci::row& r) {
                      FundTopUp t;
                      t.id = r.get<long long>(0);
                      t.fundCode = r.get<std::string>(1);
                      t.amount = Fen(r, 2);
                      t.source = r.get<std::string>(3);
                      t.receivedOn = r.get<std::string>(4);
                      t.addedAt = r.get<std::string>(5);
                      t.addedBy = r.get<std::string>(6);
                      return t;
                    });
  }

  std::vector<FundGrant> Grants(const std::string& fundCode) override {
    return ReadRows(
        "reading the grants of charity fund " + fundCode,
        (m_sql.prepare << "SELECT g.source, g.id, g.fund_code, g.household_id, "
                          "coalesce((SELECT p.name FROM doudi.person AS p "
                          "          WHERE p.household_id = g.household_id AND p.left_on IS NULL "
                          "          ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1), ''), "
                          "coalesce(v.name, g.region_code), to_char(g.granted_on, 'YYYY-MM-DD'), "
                          "g.amount_fen, g.case_id, g.in_force::int "
                          "FROM doudi.fund_grant AS g LEFT JOIN doudi.region AS v ON v.code = g.region_code "
                          "WHERE g.fund_code = :f ORDER BY g.granted_on DESC, g.id DESC",
         soci::use(fundCode)),
        [](const soci::row& r) {
          FundGrant g;
          g.source = r.get<std::string>(0);
          g.id = r.get<long long>(1);
          g.fundCode = r.get<std::string>(2);
          g.householdId = r.get<long long>(3);
          g.headName = r.get<std::string>(4);
          g.regionName = r.get<std::string>(5);
          g.grantedOn = r.get<std::string>(6);
          g.amount = Fen(r, 7);
          g.caseId = OptionalId(r, 8);
          g.inForce = r.get<int>(9) != 0;
          return g;
        });
  }

 private:
  // A help entry's optional values as SOCI binds them.
  struct Bound {
    explicit Bound(const HelpEntry& help)
        : person(help.personId.value_or(0)),
          personIndicator(help.personId ? soci::i_ok : soci::i_null),
          departmentIndicator(help.department.empty() ? soci::i_null : soci::i_ok),
          fundIndicator(help.fundCode.empty() ? soci::i_null : soci::i_ok),
          amount(help.amount ? help.amount->Fen() : 0),
          amountIndicator(help.amount ? soci::i_ok : soci::i_null),
          terms(TextArrayLiteral(help.terms)),
          theCase(help.caseId.value_or(0)),
          caseIndicator(help.caseId ? soci::i_ok : soci::i_null) {}
    long long person;
    soci::indicator personIndicator;
    soci::indicator departmentIndicator;
    soci::indicator fundIndicator;
    long long amount;
    soci::indicator amountIndicator;
    std::string terms;
    long long theCase;
    soci::indicator caseIndicator;
  };

  template <typename Work>
  auto Write(const std::string& context, Work work) -> decltype(work()) {
    return WriteAndSeal(m_sql, context, work);
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<HelpRepository> MakeHelpRepository(soci::session& sql) {
  return std::make_unique<PgHelpRepository>(sql);
}

}  // namespace doudi::dal::pg
