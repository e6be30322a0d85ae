// The add-help dialog's checks, the 四帮四扶 boxes and the funds that may pay
// a household (workstation/help_entry.h), without a window or a database.
#include "doudi/workstation/help_entry.h"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace doudi;
using workstation::CheckHelpInput;
using workstation::HelpInput;

namespace {

constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{28}};

HelpInput Enterprise() {
  HelpInput input;
  input.kind = "job";
  input.giverKind = "enterprise";
  input.giver = " 某某制衣厂 ";
  input.description = "安排缝纫工岗位";
  input.givenOn = "2026-11-20";
  return input;
}

std::vector<std::string> Fields(const workstation::CheckedHelp& checked) {
  std::vector<std::string> fields;
  for (const auto& p : checked.problems) fields.push_back(p.field + ":" + p.problem);
  return fields;
}

dal::FundBalance Fund(const std::string& code, const std::string& prefix, std::int64_t leftFen) {
  dal::FundBalance f;
  f.fund.code = code;
  f.fund.regionPrefix = prefix;
  f.fund.left = model::Money::FromFen(leftFen);
  return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(help_entry)

BOOST_AUTO_TEST_CASE(good_input_makes_the_entry_trimmed) {
  auto input = Enterprise();
  input.amountYuan = "1200.50";
  input.terms = {"help_job", "support_morale"};
  const auto checked = CheckHelpInput(input, kToday);
  BOOST_TEST_REQUIRE(checked.entry.has_value(), Fields(checked).size());
  BOOST_TEST(checked.entry->giver == "某某制衣厂");
  BOOST_TEST(checked.entry->amount->Fen() == 120050);
  BOOST_TEST(checked.entry->givenOn == "2026-11-20");
  BOOST_TEST(checked.entry->fundCode.empty());
  BOOST_TEST((checked.entry->terms == std::vector<std::string>{"help_job", "support_morale"}));
}

BOOST_AUTO_TEST_CASE(each_bad_field_is_named_with_its_problem) {
  HelpInput input;
  input.kind = "lottery";
  input.giverKind = "enterprise";
  input.amountYuan = "-5";
  input.givenOn = "2026-11-29";
  input.terms = {"help_luck"};
  const auto checked = CheckHelpInput(input, kToday);
  BOOST_TEST(!checked.entry.has_value());
  BOOST_TEST((Fields(checked) == std::vector<std::string>{"kind:bad_code", "giver:required", "amountYuan:bad_amount",
                                                          "givenOn:future_date", "terms:bad_code"}),
             boost::test_tools::per_element());
  // Neither a value nor a description; a value above the bound; a bad date.
  auto nothing = Enterprise();
  nothing.description = "  ";
  nothing.givenOn = "2026-02-30";
  BOOST_TEST((Fields(CheckHelpInput(nothing, kToday)) ==
              std::vector<std::string>{"description:amount_or_description", "givenOn:bad_date"}),
             boost::test_tools::per_element());
  auto huge = Enterprise();
  huge.amountYuan = "1000000.01";
  BOOST_TEST((Fields(CheckHelpInput(huge, kToday)) == std::vector<std::string>{"amountYuan:too_large"}));
  auto longGiver = Enterprise();
  longGiver.giver = std::string(101, 'x');
  BOOST_TEST((Fields(CheckHelpInput(longGiver, kToday)) == std::vector<std::string>{"giver:too_long"}));
}

BOOST_AUTO_TEST_CASE(a_fund_grant_names_its_fund_and_its_amount) {
  HelpInput input = Enterprise();
  input.giverKind = "fund";
  input.giver.clear();
  input.description.clear();
  BOOST_TEST(
      (Fields(CheckHelpInput(input, kToday)) == std::vector<std::string>{"fundCode:required", "amountYuan:required"}),
      boost::test_tools::per_element());
  input.fundCode = "sm_help";
  input.amountYuan = "500";
  const auto checked = CheckHelpInput(input, kToday);
  BOOST_TEST_REQUIRE(checked.entry.has_value());
  BOOST_TEST(checked.entry->fundCode == "sm_help");
  BOOST_TEST(checked.entry->giver.empty());  // the database names the fund
}

BOOST_AUTO_TEST_CASE(the_eight_boxes_follow_the_terms_order_whatever_the_summary_holds) {
  std::vector<dal::SupportTermCount> summary{{"support_morale", "扶志气", 1, 0, "2026-01-02"},
                                             {"help_medical", "帮就医", 2, 1, "2026-03-04"}};
  const auto boxes = workstation::SupportBoxes(summary);
  BOOST_TEST_REQUIRE(boxes.size() == 8u);
  BOOST_TEST(boxes[0].term == "help_job");
  BOOST_TEST(!boxes[0].Lit());
  BOOST_TEST(boxes[1].chinese == "帮就医");
  BOOST_TEST(boxes[1].Count() == 3);
  BOOST_TEST(boxes[1].Lit());
  BOOST_TEST(boxes[7].term == "support_morale");
  BOOST_TEST(boxes[7].Count() == 1);
  int lit = 0;
  for (const auto& b : boxes) lit += b.Lit() ? 1 : 0;
  BOOST_TEST(lit == 2);
}

BOOST_AUTO_TEST_CASE(a_household_is_paid_by_funds_of_its_area_with_money_left) {
  const std::vector<dal::FundBalance> funds{Fund("county", "331022", 100), Fund("township", "331022001", 5),
                                            Fund("empty", "331022", 0), Fund("other", "350582", 100),
                                            Fund("province", "33", 1)};
  std::vector<std::string> codes;
  for (const auto& f : workstation::FundsFor(funds, "331022001201")) codes.push_back(f.fund.code);
  BOOST_TEST((codes == std::vector<std::string>{"county", "township", "province"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
