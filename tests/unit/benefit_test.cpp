#include "doudi/model/benefit.h"

#include <boost/test/unit_test.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using namespace doudi::model;
using std::chrono::year_month;

// Every expected figure below is worked by hand in the comment beside it, in
// yuan; the code under test works in fen.

namespace {

// Yuan as a person writes it ("1740.33"); fails the test case when rejected.
Money Y(std::string_view yuan) {
  const auto money = Money::ParseYuan(yuan);
  BOOST_TEST_REQUIRE(money.has_value(), "not an amount: " << yuan);
  return *money;
}

std::string Text(Money amount) {
  return amount.ToDisplayString();
}

year_month M(int year, unsigned month) {
  return std::chrono::year{year} / std::chrono::month{month};
}

// A household of size members whose income items are the given amounts.
Household MakeHousehold(std::size_t size, std::initializer_list<std::string_view> incomes) {
  Household household;
  household.members.resize(size);
  for (const std::string_view income : incomes) {
    IncomeItem item;
    item.kind = IncomeKind::Wage;
    item.monthly = Y(income);
    household.incomes.push_back(item);
  }
  return household;
}

// The usual worked-example standard: 980.00 per person, gap method.
DibaoParameters Gap(Rounding rounding = Rounding::Fen, std::string_view minimum = "0") {
  DibaoParameters parameters;
  parameters.standardPerPerson = Y("980");
  parameters.method = DibaoParameters::Method::Gap;
  parameters.rounding = rounding;
  parameters.minimumPerHousehold = Y(minimum);
  return parameters;
}

// Three bands of per-capita income under the 980.00 standard:
// below 300.00 → 700.00 a person; 300.00 to below 600.00 → 450.00;
// 600.00 to below 980.00 → 200.00.
DibaoParameters Tiers() {
  DibaoParameters parameters = Gap();
  parameters.method = DibaoParameters::Method::Tiers;
  parameters.tiers = {{Y("300"), Y("700")}, {Y("600"), Y("450")}, {Y("980"), Y("200")}};
  return parameters;
}

// The amount AssessDibao gives, as display text.
std::string Amount(std::size_t size, std::string_view income, const DibaoParameters& parameters) {
  const DibaoAssessment assessment = AssessDibao(MakeHousehold(size, {income}), parameters);
  BOOST_TEST(assessment.eligible, "not eligible with income " << income);
  return Text(assessment.amount);
}

// "2026-01 1,740.00" for each line, so a whole schedule compares and prints.
std::vector<std::string> Lines(const std::vector<PaymentLine>& schedule) {
  std::vector<std::string> lines;
  for (const PaymentLine& line : schedule) {
    const auto month = static_cast<unsigned>(line.month.month());
    lines.push_back(std::to_string(static_cast<int>(line.month.year())) + (month < 10 ? "-0" : "-") +
                    std::to_string(month) + " " + Text(line.amount));
  }
  return lines;
}

std::array<bool, kSelfCareItemCount> Failed(std::initializer_list<SelfCareItem> items) {
  std::array<bool, kSelfCareItemCount> failed{};
  for (const SelfCareItem item : items) {
    failed.at(static_cast<std::size_t>(item)) = true;
  }
  return failed;
}

DestituteParameters Destitute() {
  DestituteParameters parameters;
  parameters.basicSupportPerMonth = Y("1274");
  parameters.carePerMonth = {Y("60"), Y("300"), Y("900")};
  return parameters;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(benefit)

BOOST_AUTO_TEST_CASE(dibao_gap_worked_example) {
  // 3 persons, standard 980.00, income 800.00 + 400.00 = 1,200.00.
  // 980.00 × 3 = 2,940.00; per capita 400.00 < 980.00: eligible;
  // gap 2,940.00 − 1,200.00 = 1,740.00 (= (980.00 − 400.00) × 3).
  const DibaoAssessment assessment = AssessDibao(MakeHousehold(3, {"800", "400"}), Gap());
  BOOST_TEST(assessment.eligible);
  BOOST_TEST(Text(assessment.amount) == "1,740.00");
  const std::vector<std::string> expected{
      "低保标准 980.00 元 × 3 人 = 2,940.00 元",
      "家庭月收入 1,200.00 元",
      "人均月收入 1,200.00 元 ÷ 3 = 400.00 元",
      "家庭月收入低于 2,940.00 元：符合条件",
      "差额 2,940.00 元 - 1,200.00 元 = 1,740.00 元",
      "月保障金 1,740.00 元",
  };
  BOOST_TEST(assessment.working == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dibao_gap_is_computed_on_totals_not_a_rounded_per_capita_income) {
  // 3 persons, income 1,000.00: per capita 333.333…
  // Exact: 2,940.00 − 1,000.00 = 1,940.00.
  // Rounding the per capita to 333.33 first would give 646.67 × 3 = 1,940.01.
  const DibaoAssessment assessment = AssessDibao(MakeHousehold(3, {"1000"}), Gap());
  BOOST_TEST(Text(assessment.amount) == "1,940.00");
  BOOST_TEST(assessment.working.at(2) == "人均月收入 1,000.00 元 ÷ 3 ≈ 333.33 元");
}

BOOST_AUTO_TEST_CASE(dibao_rounds_as_the_parameters_state) {
  // Income 1,199.67: gap 2,940.00 − 1,199.67 = 1,740.33.
  BOOST_TEST(Amount(3, "1199.67", Gap(Rounding::Fen)) == "1,740.33");
  BOOST_TEST(Amount(3, "1199.67", Gap(Rounding::UpToYuan)) == "1,741.00");
  BOOST_TEST(Amount(3, "1199.67", Gap(Rounding::HalfUpToYuan)) == "1,740.00");
  BOOST_TEST(Amount(3, "1199.67", Gap(Rounding::DownToYuan)) == "1,740.00");
  // Income 1,199.50: gap 1,740.50, exactly half a yuan: half up goes up.
  BOOST_TEST(Amount(3, "1199.50", Gap(Rounding::HalfUpToYuan)) == "1,741.00");
  BOOST_TEST(Amount(3, "1199.50", Gap(Rounding::DownToYuan)) == "1,740.00");
  // Income 1,199.51: gap 1,740.49: half up stays down.
  BOOST_TEST(Amount(3, "1199.51", Gap(Rounding::HalfUpToYuan)) == "1,740.00");
  // Income 1,199.99: gap 1,740.01: up goes to the next yuan for a single fen.
  BOOST_TEST(Amount(3, "1199.99", Gap(Rounding::UpToYuan)) == "1,741.00");
  // A whole-yuan gap (1,740.00) is unchanged by every rounding.
  BOOST_TEST(Amount(3, "1200", Gap(Rounding::UpToYuan)) == "1,740.00");
  BOOST_TEST(Amount(3, "1200", Gap(Rounding::DownToYuan)) == "1,740.00");

  const DibaoAssessment up = AssessDibao(MakeHousehold(3, {"1199.67"}), Gap(Rounding::UpToYuan));
  BOOST_TEST(up.working.at(4) == "差额 2,940.00 元 - 1,199.67 元 = 1,740.33 元");
  BOOST_TEST(up.working.at(5) == "向上取整到元：1,741.00 元");
  BOOST_TEST(up.working.back() == "月保障金 1,741.00 元");
}

BOOST_AUTO_TEST_CASE(round_to_the_yuan_in_each_direction) {
  BOOST_TEST(Text(Round(Y("1740.33"), Rounding::Fen)) == "1,740.33");
  BOOST_TEST(Text(Round(Y("1740.33"), Rounding::UpToYuan)) == "1,741.00");
  BOOST_TEST(Text(Round(Y("1740.99"), Rounding::DownToYuan)) == "1,740.00");
  BOOST_TEST(Text(Round(Y("0.50"), Rounding::HalfUpToYuan)) == "1.00");
  BOOST_TEST(Text(Round(Y("0.49"), Rounding::HalfUpToYuan)) == "0.00");
  BOOST_TEST(Text(Round(Y("0.01"), Rounding::UpToYuan)) == "1.00");
  BOOST_TEST(Text(Round(Y("0"), Rounding::UpToYuan)) == "0.00");
  // Negative amounts (never a benefit; defined for completeness): up toward
  // +∞, down toward −∞, half away from zero.
  BOOST_TEST(Text(Round(Y("-1.01"), Rounding::UpToYuan)) == "-1.00");
  BOOST_TEST(Text(Round(Y("-1.01"), Rounding::DownToYuan)) == "-2.00");
  BOOST_TEST(Text(Round(Y("-1.50"), Rounding::HalfUpToYuan)) == "-2.00");
  BOOST_TEST(Text(Round(Y("-1.49"), Rounding::HalfUpToYuan)) == "-1.00");
}

BOOST_AUTO_TEST_CASE(dibao_minimum_per_household) {
  // Income 2,900.00: gap 2,940.00 − 2,900.00 = 40.00, below the minimum 50.00.
  const DibaoAssessment raised = AssessDibao(MakeHousehold(3, {"2900"}), Gap(Rounding::Fen, "50"));
  BOOST_TEST(Text(raised.amount) == "50.00");
  BOOST_TEST(raised.working.at(5) == "提高到每户最低保障金 50.00 元");
  // Income 2,880.00: gap 60.00, above the minimum: unchanged.
  BOOST_TEST(Amount(3, "2880", Gap(Rounding::Fen, "50")) == "60.00");
  // Rounding comes first: gap 2,940.00 − 2,890.80 = 49.20, rounded down to
  // 49.00, then raised to the minimum 49.50. (Raising first would give 49.50
  // rounded down to 49.00.)
  BOOST_TEST(Amount(3, "2890.80", Gap(Rounding::DownToYuan, "49.50")) == "49.50");
}

BOOST_AUTO_TEST_CASE(dibao_income_at_the_standard_is_not_eligible) {
  // Income 2,940.00 = 980.00 × 3: per capita exactly the standard, not below it.
  const DibaoAssessment at = AssessDibao(MakeHousehold(3, {"2940"}), Gap(Rounding::Fen, "50"));
  BOOST_TEST(!at.eligible);
  BOOST_TEST(Text(at.amount) == "0.00");
  BOOST_TEST(at.working.back() == "家庭月收入不低于 2,940.00 元：不符合条件");
  // One fen less: per capita 979.996…, below the standard; gap 0.01.
  const DibaoAssessment below = AssessDibao(MakeHousehold(3, {"2939.99"}), Gap());
  BOOST_TEST(below.eligible);
  BOOST_TEST(Text(below.amount) == "0.01");
  BOOST_TEST(below.working.at(2) == "人均月收入 2,939.99 元 ÷ 3 ≈ 980.00 元");
  // Above the standard, and a household without members.
  BOOST_TEST(!AssessDibao(MakeHousehold(3, {"3000"}), Gap()).eligible);
  const DibaoAssessment empty = AssessDibao(MakeHousehold(0, {}), Gap());
  BOOST_TEST(!empty.eligible);
  BOOST_TEST(Text(empty.amount) == "0.00");
}

BOOST_AUTO_TEST_CASE(dibao_single_person_without_income) {
  // 1 person, no income: gap 980.00 − 0.00 = 980.00, the whole standard.
  const DibaoAssessment assessment = AssessDibao(MakeHousehold(1, {}), Gap());
  BOOST_TEST(Text(assessment.amount) == "980.00");
  BOOST_TEST(assessment.working.at(0) == "低保标准 980.00 元 × 1 人 = 980.00 元");
}

BOOST_AUTO_TEST_CASE(dibao_tiers_and_their_boundaries) {
  // 2 persons; bands by per-capita income (× 2 for household income):
  // below 600.00 → 700.00 × 2 = 1,400.00;
  // 600.00 to below 1,200.00 → 450.00 × 2 = 900.00;
  // 1,200.00 to below 1,960.00 → 200.00 × 2 = 400.00.
  BOOST_TEST(Amount(2, "0", Tiers()) == "1,400.00");
  BOOST_TEST(Amount(2, "599.99", Tiers()) == "1,400.00");  // per capita 299.995
  BOOST_TEST(Amount(2, "600", Tiers()) == "900.00");       // per capita 300.00: the next band
  // Per capita 599.995: rounded it would be 600.00 (next band); exactly it is below.
  BOOST_TEST(Amount(2, "1199.99", Tiers()) == "900.00");
  BOOST_TEST(Amount(2, "1200", Tiers()) == "400.00");
  BOOST_TEST(Amount(2, "1959.99", Tiers()) == "400.00");
  BOOST_TEST(!AssessDibao(MakeHousehold(2, {"1960"}), Tiers()).eligible);  // at the standard

  const DibaoAssessment middle = AssessDibao(MakeHousehold(2, {"600"}), Tiers());
  BOOST_TEST(middle.working.at(4) == "分档：人均月收入不低于 300.00 元、低于 600.00 元：每人 450.00 元");
  BOOST_TEST(middle.working.at(5) == "每人 450.00 元 × 2 人 = 900.00 元");
  const DibaoAssessment first = AssessDibao(MakeHousehold(2, {"0"}), Tiers());
  BOOST_TEST(first.working.at(4) == "分档：人均月收入低于 300.00 元：每人 700.00 元");

  // The minimum applies to tiers too: 1 person in the top band gets 200.00,
  // raised to 250.00.
  DibaoParameters withMinimum = Tiers();
  withMinimum.minimumPerHousehold = Y("250");
  BOOST_TEST(Amount(1, "900", withMinimum) == "250.00");
}

BOOST_AUTO_TEST_CASE(dibao_parameters_are_checked) {
  BOOST_TEST(Validate(Gap()).empty());
  BOOST_TEST(Validate(Tiers()).empty());

  DibaoParameters bad = Tiers();
  bad.standardPerPerson = Money();
  bad.minimumPerHousehold = Y("-1");
  bad.tiers = {{Y("300"), Y("700")}, {Y("300"), Y("-1")}};
  std::vector<std::string> fields;
  for (const ValidationIssue& issue : Validate(bad)) {
    fields.push_back(issue.field);
  }
  const std::vector<std::string> expected{"standard_per_person", "minimum_per_household", "tiers[1].income_below",
                                          "tiers[1].amount_per_person"};
  BOOST_TEST(fields == expected, boost::test_tools::per_element());
  BOOST_CHECK_THROW(AssessDibao(MakeHousehold(1, {}), bad), std::invalid_argument);

  // Tiers that stop short of the standard (600.00 < 980.00) would leave
  // eligible households without a band.
  DibaoParameters shortTiers = Tiers();
  shortTiers.tiers.pop_back();
  const ValidationIssues issues = Validate(shortTiers);
  BOOST_TEST_REQUIRE(issues.size() == 1u);
  BOOST_TEST(issues[0].field == "tiers[1].income_below");
  BOOST_TEST(issues[0].code == "income_below.below_standard");
  BOOST_CHECK_THROW(AssessDibao(MakeHousehold(2, {"1500"}), shortTiers), std::invalid_argument);

  DibaoParameters noTiers = Tiers();
  noTiers.tiers.clear();
  BOOST_TEST(Validate(noTiers).size() == 1u);
  noTiers.method = DibaoMethod::Gap;  // the gap method needs none
  BOOST_TEST(Validate(noTiers).empty());
}

BOOST_AUTO_TEST_CASE(near_dibao_below_one_and_a_half_times_the_standard) {
  // 3 persons: 150% of 980.00 × 3 = 1,470.00 × 3 = 4,410.00.
  const DibaoParameters dibao = Gap();
  const NearDibaoParameters near;
  BOOST_TEST(near.standardMultiplierPercent == 150);
  BOOST_TEST(!NearDibaoEligible(MakeHousehold(3, {"4410"}), dibao, near));  // exactly 150%
  // 4,409.99: per capita 1,469.996…, below 1,470.00 (rounded it would equal it).
  BOOST_TEST(NearDibaoEligible(MakeHousehold(3, {"4409.99"}), dibao, near));
  // At the 低保 standard (2,940.00) the household is no longer 低保 but is 边缘.
  BOOST_TEST(NearDibaoEligible(MakeHousehold(3, {"2940"}), dibao, near));
  // One fen below it, it is 低保, hence not 边缘.
  BOOST_TEST(!NearDibaoEligible(MakeHousehold(3, {"2939.99"}), dibao, near));
  BOOST_TEST(!NearDibaoEligible(MakeHousehold(0, {}), dibao, near));

  // The multiplier is a parameter: at 120%, 980.00 × 3 × 1.2 = 3,528.00.
  NearDibaoParameters lower;
  lower.standardMultiplierPercent = 120;
  BOOST_TEST(!NearDibaoEligible(MakeHousehold(3, {"3528"}), dibao, lower));
  BOOST_TEST(NearDibaoEligible(MakeHousehold(3, {"3527.99"}), dibao, lower));

  NearDibaoParameters bad;
  bad.standardMultiplierPercent = 100;
  BOOST_TEST(Validate(bad).size() == 1u);
  BOOST_CHECK_THROW(NearDibaoEligible(MakeHousehold(3, {"3000"}), dibao, bad), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(self_care_from_the_six_items) {
  using enum SelfCareItem;
  BOOST_TEST((AssessSelfCare(Failed({})) == SelfCare::Able));
  BOOST_TEST((AssessSelfCare(Failed({Bathing})) == SelfCare::PartialLoss));
  BOOST_TEST((AssessSelfCare(Failed({Eating})) == SelfCare::PartialLoss));
  BOOST_TEST((AssessSelfCare(Failed({Dressing, WalkingIndoors, Bathing})) == SelfCare::PartialLoss));
  BOOST_TEST((AssessSelfCare(Failed({Eating, Dressing, UsingTheToilet, Bathing})) == SelfCare::FullLoss));
  BOOST_TEST((AssessSelfCare(Failed({Eating, Dressing, GettingInAndOutOfBed, UsingTheToilet, WalkingIndoors,
                                     Bathing})) == SelfCare::FullLoss));
}

BOOST_AUTO_TEST_CASE(destitute_support_is_basic_plus_care) {
  // Basic 1,274.00; care 60.00 / 300.00 / 900.00.
  BOOST_TEST(Text(DestituteAmount(SelfCare::Able, Destitute()).amount) == "1,334.00");      // 1,274 + 60
  BOOST_TEST(Text(DestituteAmount(SelfCare::FullLoss, Destitute()).amount) == "2,174.00");  // 1,274 + 900
  const BenefitAmount partial = DestituteAmount(SelfCare::PartialLoss, Destitute());
  BOOST_TEST(Text(partial.amount) == "1,574.00");  // 1,274 + 300
  const std::vector<std::string> expected{
      "基本生活标准 1,274.00 元",
      "照料护理标准（部分丧失生活自理能力） 300.00 元",
      "月供养金 1,274.00 元 + 300.00 元 = 1,574.00 元",
  };
  BOOST_TEST(partial.working == expected, boost::test_tools::per_element());

  DestituteParameters bad = Destitute();
  bad.carePerMonth[2] = Y("-1");
  const ValidationIssues issues = Validate(bad);
  BOOST_TEST_REQUIRE(issues.size() == 1u);
  BOOST_TEST(issues[0].field == "care_per_month[2]");
  BOOST_CHECK_THROW(DestituteAmount(SelfCare::Able, bad), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(temporary_assistance_is_capped) {
  TemporaryParameters parameters;
  parameters.capPerApproval = Y("3000");
  const BenefitAmount over = TemporaryAmount(Y("5000"), parameters);
  BOOST_TEST(Text(over.amount) == "3,000.00");
  BOOST_TEST(over.working.back() == "救助金额 3,000.00 元（按上限）");
  const BenefitAmount at = TemporaryAmount(Y("3000"), parameters);  // exactly the cap: nothing cut
  BOOST_TEST(Text(at.amount) == "3,000.00");
  BOOST_TEST(at.working.back() == "救助金额 3,000.00 元（未超上限）");
  const BenefitAmount under = TemporaryAmount(Y("2999.99"), parameters);
  BOOST_TEST(Text(under.amount) == "2,999.99");
  BOOST_TEST(under.working.back() == "救助金额 2,999.99 元（未超上限）");
  BOOST_CHECK_THROW(TemporaryAmount(Y("-1"), parameters), std::invalid_argument);
  parameters.capPerApproval = Y("-0.01");
  BOOST_CHECK_THROW(TemporaryAmount(Y("1"), parameters), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(payments_start_the_month_after_approval_across_a_year_end) {
  // Approved in December 2025: the first payment is for January 2026.
  const std::vector<std::string> fromDecember{"2026-01 1,740.00", "2026-02 1,740.00", "2026-03 1,740.00"};
  BOOST_TEST(Lines(PaymentSchedule(Y("1740"), M(2025, 12), std::nullopt, M(2026, 3))) == fromDecember,
             boost::test_tools::per_element());
  // Approved in November, exit after January: December and January.
  const std::vector<std::string> toJanuary{"2025-12 1,740.00", "2026-01 1,740.00"};
  BOOST_TEST(Lines(PaymentSchedule(Y("1740"), M(2025, 11), M(2026, 1), M(2026, 6))) == toJanuary,
             boost::test_tools::per_element());
  // Nothing yet in the month of approval, nor when the exit comes first.
  BOOST_TEST(PaymentSchedule(Y("1740"), M(2025, 12), std::nullopt, M(2025, 12)).empty());
  BOOST_TEST(PaymentSchedule(Y("1740"), M(2025, 12), M(2025, 12), M(2026, 6)).empty());
  // A year of payments from an approval in March.
  const auto year = PaymentSchedule(Y("980"), M(2025, 3), std::nullopt, M(2026, 3));
  BOOST_TEST_REQUIRE(year.size() == 12u);
  BOOST_TEST(Lines(year).front() == "2025-04 980.00");
  BOOST_TEST(Lines(year).back() == "2026-03 980.00");
  BOOST_CHECK_THROW(PaymentSchedule(Y("-1"), M(2025, 3), std::nullopt, M(2026, 3)), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_mid_month_change_takes_effect_from_the_next_month) {
  // Approved in November 2025 at 1,740.00 (3 persons, income 1,200.00).
  // On 15 February 2026 a member's new job raises the income to 1,800.00;
  // reassessed: 2,940.00 − 1,800.00 = 1,140.00, decided that day.
  const auto before = AssessDibao(MakeHousehold(3, {"1200"}), Gap());
  const auto after = AssessDibao(MakeHousehold(3, {"1200", "600"}), Gap());
  BOOST_TEST_REQUIRE(Text(after.amount) == "1,140.00");
  const auto schedule = PaymentSchedule(before.amount, M(2025, 11), std::nullopt, M(2026, 4));
  // February keeps the old amount; March and April have the new one.
  const std::vector<std::string> expected{"2025-12 1,740.00", "2026-01 1,740.00", "2026-02 1,740.00",
                                          "2026-03 1,140.00", "2026-04 1,140.00"};
  BOOST_TEST(Lines(ApplyChange(schedule, after.amount, M(2026, 2))) == expected, boost::test_tools::per_element());
  // Decided before the first payment month: every line changes; decided in
  // the last month: none does.
  for (const std::string& line : Lines(ApplyChange(schedule, Y("1140"), M(2025, 11)))) {
    BOOST_TEST(line.substr(8) == "1,140.00");
  }
  BOOST_TEST(Lines(ApplyChange(schedule, Y("1140"), M(2026, 4))) == Lines(schedule), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(parameter_enumerations_have_codes_and_chinese_labels) {
  BOOST_TEST(ToCode(Rounding::HalfUpToYuan) == "yuan_half_up");
  BOOST_TEST(ToChinese(Rounding::UpToYuan) == "向上取整到元");
  BOOST_TEST((ParseRounding(" Yuan_Down ") == Rounding::DownToYuan));
  BOOST_TEST((ParseRounding("四舍五入到元") == Rounding::HalfUpToYuan));
  BOOST_TEST((ParseRounding("yuan_up") == Rounding::UpToYuan));  // as the demo parameters write it
  BOOST_TEST((ParseRounding("fen") == Rounding::Fen));
  BOOST_TEST(!ParseRounding("round").has_value());
  BOOST_TEST((ParseDibaoMethod("分档") == DibaoMethod::Tiers));
  BOOST_TEST(ToCode(DibaoMethod::Gap) == "gap");
  BOOST_TEST(ToCode(SelfCare::PartialLoss) == "partial_loss");
  BOOST_TEST((ParseSelfCare("完全丧失生活自理能力") == SelfCare::FullLoss));
  BOOST_TEST(ToChinese(SelfCareItem::UsingTheToilet) == "自主如厕");
  BOOST_TEST((ParseSelfCareItem("bathing") == SelfCareItem::Bathing));
}

BOOST_AUTO_TEST_SUITE_END()
