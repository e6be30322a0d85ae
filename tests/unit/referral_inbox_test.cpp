// The order of a 转办待办 (workstation/referral_inbox.h): escalated first,
// then overdue most late first, then open by due date, answered last.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "doudi/workstation/referral_inbox.h"

namespace {

doudi::dal::Referral Row(std::int64_t id, const std::string& state, const std::string& dueOn, int overdueDays = 0,
                         bool escalated = false) {
  doudi::dal::Referral row;
  row.id = id;
  row.state = state;
  row.dueOn = dueOn;
  row.overdueDays = overdueDays;
  row.escalated = escalated;
  return row;
}

std::vector<std::int64_t> Ids(const std::vector<doudi::dal::Referral>& rows) {
  std::vector<std::int64_t> ids;
  for (const auto& row : rows) ids.push_back(row.id);
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(referral_inbox)

BOOST_AUTO_TEST_CASE(escalated_then_overdue_most_late_first_then_by_due_date_answered_last) {
  std::vector<doudi::dal::Referral> rows{
      Row(1, "done", "2026-11-01"),        Row(2, "sent", "2026-12-20"),
      Row(3, "accepted", "2026-12-01", 3), Row(4, "sent", "2026-11-20", 9, true),
      Row(5, "declined", "2026-11-25"),    Row(6, "sent", "2026-12-10"),
      Row(7, "sent", "2026-11-28", 5),     Row(8, "accepted", "2026-11-10", 15, true),
  };
  doudi::workstation::OrderInbox(rows);
  BOOST_TEST(Ids(rows) == (std::vector<std::int64_t>{8, 4, 7, 3, 6, 2, 5, 1}));
}

BOOST_AUTO_TEST_CASE(an_answered_referral_is_never_late_whatever_its_figures_say) {
  std::vector<doudi::dal::Referral> rows{Row(1, "done", "2026-11-01", 7, true), Row(2, "sent", "2026-12-20")};
  doudi::workstation::OrderInbox(rows);
  BOOST_TEST(Ids(rows) == (std::vector<std::int64_t>{2, 1}));
}

// The center's filter: each department once, with its counts; choosing
// one keeps its referrals in the inbox's order, "" keeps all.
BOOST_AUTO_TEST_CASE(the_departments_of_an_inbox_each_once_with_counts_and_a_filter_keeping_the_order) {
  const auto of = [](doudi::dal::Referral row, const char* code, const char* name) {
    row.department = code;
    row.departmentName = name;
    return row;
  };
  std::vector<doudi::dal::Referral> rows{
      of(Row(1, "sent", "2026-12-01", 4), "medical_insurance", "医疗保障局"),
      of(Row(2, "sent", "2026-12-20"), "education", "教育局"),
      of(Row(3, "done", "2026-11-01", 9), "medical_insurance", "医疗保障局"),
      of(Row(4, "accepted", "2026-12-05"), "medical_insurance", "医疗保障局"),
  };
  const auto departments = doudi::workstation::InboxDepartments(rows);
  BOOST_REQUIRE(departments.size() == 2u);
  const auto& medical = departments[0].code == "medical_insurance" ? departments[0] : departments[1];
  BOOST_TEST(medical.name == "医疗保障局");
  BOOST_TEST(medical.referrals == 3u);
  BOOST_TEST(medical.overdue == 1u);  // the answered one's figure is not lateness
  BOOST_TEST(Ids(doudi::workstation::OfDepartment(rows, "medical_insurance")) == (std::vector<std::int64_t>{1, 3, 4}));
  BOOST_TEST(Ids(doudi::workstation::OfDepartment(rows, "")) == (std::vector<std::int64_t>{1, 2, 3, 4}));
  BOOST_TEST(doudi::workstation::OfDepartment(rows, "civil_affairs").empty());
}

BOOST_AUTO_TEST_SUITE_END()
