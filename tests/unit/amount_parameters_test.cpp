// The program parameters in force mapped to the benefit rules' inputs:
// every key the amount of 低保, 特困 and 临时救助 reads, its default when no row
// is in force, and the issues (naming the parameter) when a value cannot be
// used. The worked 低保 examples of docs/benefits.md run through the mapping.
#include "doudi/model/amount_parameters.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using namespace doudi::model;

namespace {

// The values a region of a demo place has in force: standard 980.00 a person.
ParameterValues Dibao() {
  return {{"dibao.standard_per_person", "98000"},
          {"dibao.method", "gap"},
          {"dibao.gap_rounding", "fen"},
          {"dibao.minimum_per_household", "0"}};
}

Household MakeHousehold(std::size_t size, std::int64_t incomeFen) {
  Household household;
  household.members.resize(size);
  IncomeItem item;
  item.kind = IncomeKind::Wage;
  item.monthly = Money::FromFen(incomeFen);
  household.incomes.push_back(item);
  return household;
}

// "field code" of each issue, in order.
std::vector<std::string> Issues(const ValidationIssues& issues) {
  std::vector<std::string> texts;
  for (const auto& issue : issues) texts.push_back(issue.field + " " + issue.code);
  return texts;
}

template <typename P>
P Mapped(const ParameterMapping<P>& mapping) {
  BOOST_TEST_REQUIRE(mapping.issues.empty(), "issues: " << mapping.issues.front().field);
  BOOST_TEST_REQUIRE(mapping.parameters.has_value());
  return *mapping.parameters;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(amount_parameters)

BOOST_AUTO_TEST_CASE(the_keys_each_program_reads) {
  const auto names = [](std::string_view program) {
    std::vector<std::string> out;
    for (const auto& key : AmountParameterKeys(program)) out.push_back(ParameterName(key));
    return out;
  };
  BOOST_TEST((names("dibao") == std::vector<std::string>{"dibao.standard_per_person", "dibao.method", "dibao.tiers",
                                                         "dibao.gap_rounding", "dibao.minimum_per_household"}));
  BOOST_TEST((names("destitute") ==
              std::vector<std::string>{"destitute.destitute_basic", "destitute.destitute_care_able",
                                       "destitute.destitute_care_partial", "destitute.destitute_care_full"}));
  BOOST_TEST((names("temporary") == std::vector<std::string>{"temporary.temporary_cap"}));
  BOOST_TEST(names("medical").empty());
  BOOST_TEST(names("charity").empty());
}

BOOST_AUTO_TEST_CASE(the_values_in_force_are_asked_for_each_key) {
  std::vector<std::string> asked;
  const auto values = AmountParameterValues("dibao", [&](const ParameterKey& key) -> std::optional<std::string> {
    asked.push_back(ParameterName(key));
    if (key.key == "standard_per_person") return "98000";
    if (key.key == "method") return "gap";
    return std::nullopt;
  });
  BOOST_TEST(asked.size() == AmountParameterKeys("dibao").size());
  BOOST_TEST((values == ParameterValues{{"dibao.method", "gap"}, {"dibao.standard_per_person", "98000"}}));
  BOOST_TEST(
      AmountParameterValues("medical", [](const ParameterKey&) { return std::optional<std::string>("1"); }).empty());
}

BOOST_AUTO_TEST_CASE(dibao_gap_with_every_key) {
  auto values = Dibao();
  values["dibao.gap_rounding"] = "yuan_up";
  values["dibao.minimum_per_household"] = "5000";
  const DibaoParameters p = Mapped(DibaoParametersFrom(values));
  BOOST_TEST(p.standardPerPerson.Fen() == 98000);
  BOOST_TEST((p.method == DibaoMethod::Gap));
  BOOST_TEST((p.rounding == Rounding::UpToYuan));
  BOOST_TEST(p.minimumPerHousehold.Fen() == 5000);
  BOOST_TEST(p.tiers.empty());
  // 3 persons, income 2,900.00: gap 40.00, raised to the minimum 50.00.
  BOOST_TEST(AssessDibao(MakeHousehold(3, 290000), p).amount.Fen() == 5000);
}

BOOST_AUTO_TEST_CASE(dibao_defaults_when_no_row_is_in_force) {
  // Only the standard is required: gap, fen and no minimum otherwise.
  const DibaoParameters p = Mapped(DibaoParametersFrom({{"dibao.standard_per_person", "98000"}}));
  BOOST_TEST((p.method == DibaoMethod::Gap));
  BOOST_TEST((p.rounding == Rounding::Fen));
  BOOST_TEST(p.minimumPerHousehold.Fen() == 0);
  // 3 persons, income 1,199.67: 2,940.00 − 1,199.67 = 1,740.33, kept to the fen.
  BOOST_TEST(AssessDibao(MakeHousehold(3, 119967), p).amount.Fen() == 174033);
}

BOOST_AUTO_TEST_CASE(dibao_tiers_are_read_with_the_tiered_method) {
  auto values = Dibao();
  values["dibao.method"] = "tiers";
  values["dibao.tiers"] = "30000:70000, 60000:45000 ,98000:20000";
  const DibaoParameters p = Mapped(DibaoParametersFrom(values));
  BOOST_TEST((p.method == DibaoMethod::Tiers));
  BOOST_TEST((p.tiers == std::vector<DibaoTier>{{Money::FromFen(30000), Money::FromFen(70000)},
                                                {Money::FromFen(60000), Money::FromFen(45000)},
                                                {Money::FromFen(98000), Money::FromFen(20000)}}));
  // docs/benefits.md: 2 persons, income 600.00 (300.00 a person): second band, 450.00 × 2.
  BOOST_TEST(AssessDibao(MakeHousehold(2, 60000), p).amount.Fen() == 90000);
  // The method's Chinese label reads too.
  values["dibao.method"] = "分档";
  BOOST_TEST((Mapped(DibaoParametersFrom(values)).method == DibaoMethod::Tiers));
}

BOOST_AUTO_TEST_CASE(dibao_tiers_are_ignored_by_the_gap_method) {
  auto values = Dibao();
  values["dibao.tiers"] = "not tiers";
  BOOST_TEST(Mapped(DibaoParametersFrom(values)).tiers.empty());
}

BOOST_AUTO_TEST_CASE(dibao_issues_name_the_parameter) {
  BOOST_TEST((Issues(DibaoParametersFrom({}).issues) ==
              std::vector<std::string>{"dibao.standard_per_person standard_per_person.missing"}));

  auto values = Dibao();
  values["dibao.standard_per_person"] = "980.00";
  values["dibao.method"] = "steps";
  values["dibao.gap_rounding"] = "up";
  values["dibao.minimum_per_household"] = "";
  const auto mapping = DibaoParametersFrom(values);
  BOOST_TEST(!mapping.parameters.has_value());
  BOOST_TEST((Issues(mapping.issues) ==
              std::vector<std::string>{"dibao.standard_per_person standard_per_person.not_a_number",
                                       "dibao.method method.unknown", "dibao.gap_rounding gap_rounding.unknown",
                                       "dibao.minimum_per_household minimum_per_household.not_a_number"}));
  BOOST_TEST(mapping.issues.front().message.find("dibao.standard_per_person") != std::string::npos);

  values = Dibao();
  values["dibao.method"] = "tiers";
  BOOST_TEST((Issues(DibaoParametersFrom(values).issues) == std::vector<std::string>{"dibao.tiers tiers.missing"}));
  for (const char* malformed : {"30000", "30000:", ":70000", "30000:70000,", "30000;70000", "3e4:70000"}) {
    values["dibao.tiers"] = malformed;
    BOOST_TEST((Issues(DibaoParametersFrom(values).issues) == std::vector<std::string>{"dibao.tiers tiers.malformed"}),
               malformed);
  }
}

BOOST_AUTO_TEST_CASE(dibao_values_the_rules_refuse_are_issues_too) {
  // Validate's issues, named after the program's parameters.
  auto values = Dibao();
  values["dibao.minimum_per_household"] = "-1";
  BOOST_TEST((Issues(DibaoParametersFrom(values).issues) ==
              std::vector<std::string>{"dibao.minimum_per_household minimum_per_household.negative"}));
  values = Dibao();
  values["dibao.method"] = "tiers";
  values["dibao.tiers"] = "60000:45000,30000:70000,98000:20000";
  BOOST_TEST((Issues(DibaoParametersFrom(values).issues) ==
              std::vector<std::string>{"dibao.tiers[1].income_below income_below.not_ascending"}));
}

BOOST_AUTO_TEST_CASE(destitute_care_for_the_able_defaults_to_nothing) {
  ParameterValues values{{"destitute.destitute_basic", "130000"},
                         {"destitute.destitute_care_partial", "40000"},
                         {"destitute.destitute_care_full", "120000"}};
  DestituteParameters p = Mapped(DestituteParametersFrom(values));
  BOOST_TEST(p.basicSupportPerMonth.Fen() == 130000);
  BOOST_TEST(p.carePerMonth[0].Fen() == 0);
  BOOST_TEST(p.carePerMonth[1].Fen() == 40000);
  BOOST_TEST(p.carePerMonth[2].Fen() == 120000);
  values["destitute.destitute_care_able"] = "5000";
  p = Mapped(DestituteParametersFrom(values));
  BOOST_TEST(p.carePerMonth[0].Fen() == 5000);
  values.erase("destitute.destitute_basic");
  values.erase("destitute.destitute_care_full");
  BOOST_TEST((Issues(DestituteParametersFrom(values).issues) ==
              std::vector<std::string>{"destitute.destitute_basic destitute_basic.missing",
                                       "destitute.destitute_care_full destitute_care_full.missing"}));
}

BOOST_AUTO_TEST_CASE(temporary_needs_its_cap) {
  BOOST_TEST(Mapped(TemporaryParametersFrom({{"temporary.temporary_cap", "300000"}})).capPerApproval.Fen() == 300000);
  BOOST_TEST((Issues(TemporaryParametersFrom({{"dibao.temporary_cap", "300000"}}).issues) ==
              std::vector<std::string>{"temporary.temporary_cap temporary_cap.missing"}));
  BOOST_TEST((Issues(TemporaryParametersFrom({{"temporary.temporary_cap", "-5"}}).issues) ==
              std::vector<std::string>{"temporary.cap_per_approval cap_per_approval.negative"}));
}

BOOST_AUTO_TEST_SUITE_END()
