// What the pairing section shows and checks without a window
// (workstation/pairing_levels.h): the six levels in order with the current
// person, the missing levels in words, a typed date.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "doudi/workstation/pairing_levels.h"

using namespace doudi;

namespace {

dal::PairingAssignment Assignment(const std::string& level, const std::string& name, const std::string& until = "") {
  dal::PairingAssignment a;
  a.level = level;
  a.name = name;
  a.until = until;
  return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pairing_levels)

BOOST_AUTO_TEST_CASE(the_six_levels_come_in_order_with_the_current_person_only) {
  const auto rows = workstation::PairingLevels(
      {Assignment("social_worker", "陈志愿"), Assignment("village", "老村长", "2026-03-01"), Assignment("village", "李文书")});
  BOOST_REQUIRE_EQUAL(rows.size(), 6u);
  BOOST_TEST((rows[0].level == model::PairingLevel::County));
  BOOST_TEST(!rows[0].current.has_value());
  BOOST_TEST((rows[2].level == model::PairingLevel::Village));
  BOOST_REQUIRE(rows[2].current.has_value());
  BOOST_TEST(rows[2].current->name == "李文书");  // the ended term is not the current one
  BOOST_TEST((rows[5].level == model::PairingLevel::SocialWorker));
  BOOST_TEST(rows[5].current->name == "陈志愿");
}

BOOST_AUTO_TEST_CASE(missing_levels_read_in_chinese) {
  BOOST_TEST(workstation::MissingLevelsText({}) == "");
  BOOST_TEST(workstation::MissingLevelsText({"township", "enterprise"}) == "乡镇（街道）级、企业");
}

BOOST_AUTO_TEST_CASE(a_date_is_empty_or_a_day_not_after_today) {
  using workstation::PairingDateProblem;
  const std::chrono::year_month_day today{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{6}};
  BOOST_TEST((workstation::CheckPairingDate("", today) == PairingDateProblem::None));
  BOOST_TEST((workstation::CheckPairingDate("2026-12-06", today) == PairingDateProblem::None));
  BOOST_TEST((workstation::CheckPairingDate("2026-12-07", today) == PairingDateProblem::Future));
  BOOST_TEST((workstation::CheckPairingDate("2026-02-30", today) == PairingDateProblem::Malformed));
  BOOST_TEST((workstation::CheckPairingDate("6/12/2026", today) == PairingDateProblem::Malformed));
}

BOOST_AUTO_TEST_SUITE_END()
