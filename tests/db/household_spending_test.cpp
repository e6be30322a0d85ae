// A household's essential spending for the matching panel
// (doudi.household_spending, SpendingRecords): its current members' medical
// self-paid spending and school costs in the cross-check rows in force over
// the 12 months up to the day — not a withdrawn batch's, not a replaced row,
// not outside the window — and only for those who read cross-check data in
// their scope; everyone else learns nothing (unknown, not zero).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "case_fixture.h"
#include "doudi/dal/household_spending.h"

using namespace doudi;

namespace {

struct SpendingData : test::DemoRegistry {
  std::string household = Household("SM-0001");
  std::vector<std::string> members = server.Rows(
      "SELECT id_number FROM doudi.person WHERE household_id = " + household + " AND left_on IS NULL ORDER BY position");
  int rowNumber = 0;

  // A batch of kind; withdrawn when a reason is given.
  std::string Batch(const std::string& kind, const std::string& withdrawn = "") {
    const std::string id = server.Scalar(
        "INSERT INTO doudi.crosscheck_batch (kind, source_department, as_of, authorization_ref, file_sha256, "
        "rows_read, rows_stored, rows_replaced, rows_unchanged, rows_rejected) VALUES ('" + kind +
        "', '三门县医疗保障局', DATE '2026-11-20', '三医保核〔2026〕7号', md5('" + kind + std::to_string(++rowNumber) +
        "') || md5('x'), 0, 0, 0, 0, 0) RETURNING id");
    if (!withdrawn.empty()) {
      server.Execute("UPDATE doudi.crosscheck_batch SET withdrawn_at = now(), withdrawn_by = 'test', "
                     "withdraw_reason = '" + withdrawn + "' WHERE id = " + id);
    }
    return id;
  }
  // A row of the batch for the person: medical with total = covered + self-paid, schooling with its amount.
  std::string Row(const std::string& batch, const std::string& kind, const std::string& idNumber,
                  const std::string& date, long long selfPaid, long long amount) {
    const std::string key = "K" + std::to_string(++rowNumber);
    const bool medical = kind == "medical";
    return server.Scalar(
        "INSERT INTO doudi.crosscheck_row (batch_id, kind, source_department, row_key, line, id_number, name, "
        "region_code, event_date, amount_fen, covered_fen, self_paid_fen, content_hash) VALUES (" + batch + ", '" +
        kind + "', '三门县医疗保障局', '" + key + "', 2, '" + idNumber + "', '某人', '331022001201', DATE '" + date +
        "', " + std::to_string(medical ? amount + selfPaid : amount) + ", " +
        (medical ? std::to_string(amount) : "NULL") + ", " + (medical ? std::to_string(selfPaid) : "NULL") +
        ", md5('" + key + "')) RETURNING id");
  }
  std::string Spending(const test::Session& as) const {
    return as.Scalar("SELECT coalesce(medical_self_paid_fen::text, 'unknown') || '|' || "
                     "coalesce(schooling_fen::text, 'unknown') FROM doudi.household_spending(" + household +
                     ", DATE '2026-11-28')");
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(household_spending)

BOOST_FIXTURE_TEST_CASE(sums_the_rows_in_force_of_the_last_12_months_for_those_who_read_them, SpendingData) {
  BOOST_TEST_REQUIRE(members.size() == 4U);
  const std::string medical = Batch("medical");
  Row(medical, "medical", members[0], "2026-03-01", 300000, 700000);  // counts
  Row(medical, "medical", members[1], "2025-11-28", 500, 0);          // 12 months before: outside
  Row(medical, "medical", members[1], "2025-11-29", 100, 0);          // the window's first day
  Row(medical, "medical", members[0], "2026-11-29", 7000, 0);         // after the day asked
  const std::string replaced = Row(medical, "medical", members[2], "2026-05-05", 40000, 0);
  const std::string later = Batch("medical");
  const std::string by = Row(later, "medical", members[2], "2026-05-05", 45000, 0);  // the same settlement re-sent
  server.Execute("INSERT INTO doudi.crosscheck_replaced (row_id, by_row_id) VALUES (" + replaced + ", " + by + ")");
  Row(Batch("medical", "错发的文件"), "medical", members[0], "2026-06-01", 999900, 0);  // withdrawn
  Row(Batch("schooling"), "schooling", members[3], "2026-09-01", 0, 250000);

  const auto reviewer = server.AsUser(server.CreateUser("reviewer", "township_reviewer", "331022001"));
  BOOST_TEST(Spending(reviewer) == "345100|250000");  // 3,000.00 + 1.00 + 450.00; 2,500.00

  // Village clerks read no cross-check data; nor does a reviewer elsewhere.
  const auto clerk = server.AsUser(server.CreateUser("clerk", "village_clerk", "331022001201"));
  BOOST_TEST(Spending(clerk) == "unknown|unknown");
  const auto elsewhere = server.AsUser(server.CreateUser("other", "township_reviewer", "350582001"));
  BOOST_TEST(Spending(elsewhere) == "unknown|unknown");

  // Through the data layer, as the matching panel reads it.
  dal::pg::PgDatabase asReviewer(server.ConnectionStringFor(server.RoleName("reviewer")));
  const auto spending = asReviewer.Spending().Last12Months(std::stoll(household), test::kToday);
  BOOST_TEST_REQUIRE(spending.medicalSelfPaid.has_value());
  BOOST_TEST(spending.medicalSelfPaid->Fen() == 345100);
  BOOST_TEST_REQUIRE(spending.schoolingPaid.has_value());
  BOOST_TEST(spending.schoolingPaid->Fen() == 250000);
  dal::pg::PgDatabase asClerk(server.ConnectionStringFor(server.RoleName("clerk")));
  const auto none = asClerk.Spending().Last12Months(std::stoll(household), test::kToday);
  BOOST_TEST(!none.medicalSelfPaid.has_value());
  BOOST_TEST(!none.schoolingPaid.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
