#include "doudi/model/matching.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/model/case_workflow.h"
#include "doudi/model/resident_id.h"

using namespace doudi::model;
using std::chrono::year_month_day;

// The figures below are worked in fen beside each case; the parameters are
// Sanmen's demo values (docs/parameters.md): standard 1,080.00, 150 %, and
// the 特困 ages 60 and 16.

namespace {

constexpr year_month_day kToday{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{15}};

// A valid resident ID of someone born on y-m-d (Sanmen's address code).
std::string Id(int y, unsigned m, unsigned d, int sequence) {
  const auto two = [](unsigned n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  const std::string first17 = "331022" + std::to_string(y) + two(m) + two(d) + std::to_string(sequence);
  return first17 + ResidentIdCheckCharacter(first17);
}

int g_sequence = 100;

// A member aged `age` today (born on today's date that many years ago).
Person Aged(int age, std::string name = "成员") {
  Person p;
  p.name = std::move(name);
  p.idNumber = Id(2026 - age, 6, 15, ++g_sequence);
  return p;
}

// A member who turns `age` tomorrow: still age − 1 today.
Person TurnsTomorrow(int age, std::string name = "成员") {
  Person p;
  p.name = std::move(name);
  p.idNumber = Id(2026 - age, 6, 16, ++g_sequence);
  return p;
}

ParameterValues Sanmen() {
  return {
      {"dibao.standard_per_person", "108000"},
      {"near_dibao.near_dibao_multiplier", "150"},
      {"dibao.deposit_limit_per_person", "2592000"},
      {"dibao.vehicle_exempt_types", "motorcycle,tricycle,farm,disability"},
      {"dibao.business_capital_limit", "10000000"},
      {"destitute.incapacity_age_from", "60"},
      {"destitute.incapacity_age_below", "16"},
      {"destitute.incapacity_grade_intellectual", "3"},
      {"destitute.incapacity_grade_mental", "3"},
      {"destitute.incapacity_grade_physical", "2"},
      {"destitute.incapacity_grade_visual", "1"},
      {"temporary.disposable_income_per_capita", "3600000"},
      {"temporary.essential_expense_share", "50"},
      {"medical.warning_spending_other", "4000000"},
  };
}

// A household of `size` working adults (aged 40, employed) with one income
// item of `incomeFen` a month.
MatchingInput Working(std::size_t size, std::int64_t incomeFen) {
  MatchingInput in;
  in.today = kToday;
  in.parameters = Sanmen();
  for (std::size_t i = 0; i < size; ++i) {
    Person p = Aged(40, "成员" + std::to_string(i));
    p.employment = Employment::Employed;
    in.household.members.push_back(p);
  }
  in.household.members.front().relation = Relation::Head;
  IncomeItem income;
  income.kind = IncomeKind::Wage;
  income.monthly = Money::FromFen(incomeFen);
  in.household.incomes.push_back(income);
  return in;
}

MatchItem Item(const MatchingInput& in, std::string_view code) {
  const auto items = MatchHousehold(in);
  const auto it = std::find_if(items.begin(), items.end(), [&](const MatchItem& i) { return i.code == code; });
  BOOST_TEST_REQUIRE((it != items.end()), "no item " << code);
  return *it;
}

bool Says(const MatchItem& item, std::string_view reason) {
  return std::find(item.reasons.begin(), item.reasons.end(), reason) != item.reasons.end();
}

// The value of the figure code (of member, when given); fails when absent.
std::int64_t Figure(const MatchItem& item, std::string_view code, std::string_view member = {}) {
  for (const auto& f : item.figures) {
    if (f.code == code && (member.empty() || f.member == member)) return f.value;
  }
  BOOST_TEST_FAIL("no figure " << code << " " << member << " in " << item.code);
  return 0;
}

bool HasFigure(const MatchItem& item, std::string_view code, std::string_view member = {}) {
  return std::any_of(item.figures.begin(), item.figures.end(),
                     [&](const MatchFigure& f) { return f.code == code && (member.empty() || f.member == member); });
}

std::string V(MatchVerdict verdict) {
  return std::string(ToCode(verdict));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(matching)

BOOST_AUTO_TEST_CASE(every_item_comes_once_in_its_order) {
  const auto items = MatchHousehold(Working(3, 100000));
  const auto infos = MatchItems();
  BOOST_TEST_REQUIRE(items.size() == infos.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    BOOST_TEST(items[i].code == infos[i].code);
    BOOST_TEST((items[i].group == infos[i].group));
    BOOST_TEST(items[i].program == infos[i].program);
    BOOST_TEST(!items[i].rule.empty());
    BOOST_TEST(!items[i].reasons.empty(), items[i].code << " gives no reason");
  }
  // Four helps, four supports, and every program of the "8+X".
  BOOST_TEST(std::count_if(items.begin(), items.end(), [](auto& i) { return i.group == MatchGroup::Help; }) == 4);
  BOOST_TEST(std::count_if(items.begin(), items.end(), [](auto& i) { return i.group == MatchGroup::Support; }) == 4);
  std::set<std::string_view> reasons(MatchReasonCodes().begin(), MatchReasonCodes().end());
  BOOST_TEST(reasons.size() == MatchReasonCodes().size());
  std::set<std::string_view> figures;
  for (const auto& f : MatchFigureCodes()) figures.insert(f.code);
  BOOST_TEST(figures.size() == MatchFigureCodes().size());
}

BOOST_AUTO_TEST_CASE(dibao_is_below_the_standard_compared_on_totals) {
  // 3 persons × 1,080.00 = 3,240.00: 3,239.99 qualifies, 3,240.00 and 3,240.01 do not.
  auto below = Item(Working(3, 323999), "dibao");
  BOOST_TEST(V(below.verdict) == "qualifies");
  BOOST_TEST(Says(below, "income_below_standard"));
  BOOST_TEST(Figure(below, "total_income") == 323999);
  BOOST_TEST(Figure(below, "dibao_limit_total") == 324000);
  BOOST_TEST(Figure(below, "dibao_standard") == 108000);
  BOOST_TEST(Figure(below, "members") == 3);
  BOOST_TEST(Figure(below, "per_capita_income") == 108000);  // 1,079.9966… shown rounded; decided on totals
  BOOST_TEST(below.MayApply());

  auto at = Item(Working(3, 324000), "dibao");
  BOOST_TEST(V(at.verdict) == "does_not_qualify");
  BOOST_TEST(Says(at, "income_not_below_standard"));
  BOOST_TEST(V(Item(Working(3, 324001), "dibao").verdict) == "does_not_qualify");
  BOOST_TEST(at.MayApply());  // anyone may apply; the rule only advises
}

BOOST_AUTO_TEST_CASE(near_dibao_is_the_band_from_the_standard_to_its_percentage) {
  // 3 persons: from 3,240.00 up to below 4,860.00 (1.5 ×).
  BOOST_TEST(V(Item(Working(3, 323999), "near_dibao").verdict) == "does_not_qualify");
  BOOST_TEST(Says(Item(Working(3, 323999), "near_dibao"), "income_below_standard"));
  BOOST_TEST(V(Item(Working(3, 324000), "near_dibao").verdict) == "qualifies");
  const auto top = Item(Working(3, 485999), "near_dibao");
  BOOST_TEST(V(top.verdict) == "qualifies");
  BOOST_TEST(Figure(top, "near_dibao_limit_total") == 486000);
  BOOST_TEST(Figure(top, "near_dibao_percent") == 150);
  const auto at = Item(Working(3, 486000), "near_dibao");
  BOOST_TEST(V(at.verdict) == "does_not_qualify");
  BOOST_TEST(Says(at, "income_not_below_near_dibao_limit"));
  // A fractional limit is compared exactly: 1 person, 1,080.01 × 150 % = 1,620.015.
  auto odd = Working(1, 162001);
  odd.parameters["dibao.standard_per_person"] = "108001";
  BOOST_TEST(V(Item(odd, "near_dibao").verdict) == "qualifies");
  odd.household.incomes[0].monthly = Money::FromFen(162002);
  BOOST_TEST(V(Item(odd, "near_dibao").verdict) == "does_not_qualify");
}

BOOST_AUTO_TEST_CASE(a_missing_parameter_is_named_not_guessed) {
  auto in = Working(3, 100000);
  in.parameters.erase("dibao.standard_per_person");
  const auto dibao = Item(in, "dibao");
  BOOST_TEST(V(dibao.verdict) == "cannot_decide");
  BOOST_TEST(dibao.missing == std::vector<std::string>{"dibao.standard_per_person"});
  BOOST_TEST(Says(dibao, "parameter_missing"));
  BOOST_TEST(Figure(dibao, "total_income") == 100000);  // what is known is still shown
  BOOST_TEST(V(Item(in, "support_poverty").verdict) == "cannot_decide");

  in.parameters["dibao.standard_per_person"] = "1080.00";  // yuan, not fen
  const auto unusable = Item(in, "dibao");
  BOOST_TEST(V(unusable.verdict) == "cannot_decide");
  BOOST_TEST(Says(unusable, "parameter_unusable"));

  // A percentage of 100 or less is no band above the standard.
  auto flat = Working(3, 330000);
  flat.parameters["near_dibao.near_dibao_multiplier"] = "100";
  BOOST_TEST(Item(flat, "near_dibao").missing == std::vector<std::string>{"near_dibao.near_dibao_multiplier"});

  // A definite "no" stands although a parameter for another condition is missing.
  auto rich = Working(3, 900000);
  Asset deposit;
  deposit.kind = AssetKind::Deposit;
  deposit.value = Money::FromFen(100);
  rich.household.assets.push_back(deposit);
  rich.parameters.erase("dibao.deposit_limit_per_person");
  BOOST_TEST(V(Item(rich, "dibao").verdict) == "does_not_qualify");
}

BOOST_AUTO_TEST_CASE(deposits_vehicles_and_businesses_are_held_to_their_limits) {
  // 2 persons × 25,920.00 = 51,840.00 of deposits at most.
  auto in = Working(2, 100000);
  Asset deposit;
  deposit.kind = AssetKind::Deposit;
  deposit.value = Money::FromFen(5184000);
  in.household.assets.push_back(deposit);
  auto at = Item(in, "dibao");
  BOOST_TEST(V(at.verdict) == "qualifies");
  BOOST_TEST(Says(at, "deposits_within_limit"));
  BOOST_TEST(Figure(at, "deposit_limit_total") == 5184000);
  in.household.assets[0].value = Money::FromFen(5184001);
  auto over = Item(in, "dibao");
  BOOST_TEST(V(over.verdict) == "does_not_qualify");
  BOOST_TEST(Says(over, "deposits_over_limit"));
  BOOST_TEST(Figure(over, "deposits") == 5184001);

  // Without deposits the limit is not needed; with them it is.
  auto none = Working(2, 100000);
  none.parameters.erase("dibao.deposit_limit_per_person");
  BOOST_TEST(V(Item(none, "dibao").verdict) == "qualifies");
  in.parameters.erase("dibao.deposit_limit_per_person");
  BOOST_TEST(Item(in, "dibao").missing == std::vector<std::string>{"dibao.deposit_limit_per_person"});

  // A vehicle: its type decides, which the survey finds out.
  auto car = Working(2, 100000);
  Asset vehicle;
  vehicle.kind = AssetKind::Vehicle;
  vehicle.description = "电动三轮车";
  car.household.assets.push_back(vehicle);
  const auto withCar = Item(car, "dibao");
  BOOST_TEST(V(withCar.verdict) == "may_qualify");
  BOOST_TEST(Says(withCar, "vehicle_needs_survey"));
  BOOST_TEST(Figure(withCar, "vehicles") == 1);
  BOOST_TEST(std::any_of(withCar.figures.begin(), withCar.figures.end(), [](const MatchFigure& f) {
    return f.code == "vehicle_exempt_types" && f.text == "motorcycle,tricycle,farm,disability";
  }));

  // A registered business: capital at the limit passes, a fen above fails.
  auto shop = Working(2, 100000);
  Asset business;
  business.kind = AssetKind::BusinessRegistration;
  business.value = Money::FromFen(10000000);
  shop.household.assets.push_back(business);
  BOOST_TEST(V(Item(shop, "dibao").verdict) == "qualifies");
  shop.household.assets[0].value = Money::FromFen(10000001);
  BOOST_TEST(Says(Item(shop, "dibao"), "business_over_limit"));
  BOOST_TEST(V(Item(shop, "near_dibao").verdict) == "does_not_qualify");
}

BOOST_AUTO_TEST_CASE(destitute_ages_are_60_and_over_and_under_16) {
  const auto alone = [](Person p) {
    MatchingInput in;
    in.today = kToday;
    in.parameters = Sanmen();
    p.relation = Relation::Head;
    in.household.members.push_back(p);
    return in;
  };
  // 60 today: no capacity to work; with no income and nobody else, qualifies.
  const auto sixty = Item(alone(Aged(60, "老人")), "destitute");
  BOOST_TEST(V(sixty.verdict) == "qualifies");
  BOOST_TEST(Says(sixty, "no_capacity_no_income_no_supporter"));
  BOOST_TEST(Figure(sixty, "age", "老人") == 60);
  BOOST_TEST(Figure(sixty, "elderly_age") == 60);
  // 60 tomorrow: 59 today, able to work.
  const auto fiftyNine = Item(alone(TurnsTomorrow(60, "老人")), "destitute");
  BOOST_TEST(V(fiftyNine.verdict) == "does_not_qualify");
  BOOST_TEST(Says(fiftyNine, "every_member_can_work"));
  // 16 tomorrow: still 15, a minor; 16 today: not.
  BOOST_TEST(V(Item(alone(TurnsTomorrow(16, "孩子")), "destitute").verdict) == "qualifies");
  BOOST_TEST(V(Item(alone(Aged(16, "孩子")), "destitute").verdict) == "does_not_qualify");
  // The elderly-and-young support follows the same ages.
  BOOST_TEST(Figure(Item(alone(Aged(60, "老人")), "support_elderly_young"), "age", "老人") == 60);
  BOOST_TEST(Says(Item(alone(TurnsTomorrow(60)), "support_elderly_young"), "no_elderly_or_minor"));
  BOOST_TEST(V(Item(alone(Aged(15)), "support_elderly_young").verdict) == "qualifies");
  BOOST_TEST(V(Item(alone(Aged(16)), "support_elderly_young").verdict) == "does_not_qualify");

  // The ages are parameters: a place that sets 65 moves the boundary.
  auto later = alone(Aged(60, "老人"));
  later.parameters["destitute.incapacity_age_from"] = "65";
  BOOST_TEST(V(Item(later, "destitute").verdict) == "does_not_qualify");
  later.parameters.erase("destitute.incapacity_age_from");
  BOOST_TEST(Item(later, "destitute").missing == std::vector<std::string>{"destitute.incapacity_age_from"});
}

BOOST_AUTO_TEST_CASE(destitute_disability_grades_follow_each_category) {
  const auto disabled = [](DisabilityCategory category, int grade) {
    MatchingInput in;
    in.today = kToday;
    in.parameters = Sanmen();
    Person p = Aged(40, "残疾人");
    p.relation = Relation::Head;
    p.disability = category;
    p.disabilityGrade = grade;
    in.household.members.push_back(p);
    return V(Item(in, "destitute").verdict);
  };
  // Intellectual and mental 1–3, physical 1–2, visual 1 (《特困人员认定办法》).
  BOOST_TEST(disabled(DisabilityCategory::Intellectual, 3) == "qualifies");
  BOOST_TEST(disabled(DisabilityCategory::Intellectual, 4) == "does_not_qualify");
  BOOST_TEST(disabled(DisabilityCategory::Mental, 3) == "qualifies");
  BOOST_TEST(disabled(DisabilityCategory::Mental, 4) == "does_not_qualify");
  BOOST_TEST(disabled(DisabilityCategory::Physical, 2) == "qualifies");
  BOOST_TEST(disabled(DisabilityCategory::Physical, 3) == "does_not_qualify");
  BOOST_TEST(disabled(DisabilityCategory::Visual, 1) == "qualifies");
  BOOST_TEST(disabled(DisabilityCategory::Visual, 2) == "does_not_qualify");
  BOOST_TEST(disabled(DisabilityCategory::Hearing, 1) == "does_not_qualify");  // not named by the definition

  MatchingInput in;
  in.today = kToday;
  in.parameters = Sanmen();
  Person p = Aged(40, "残疾人");
  p.disability = DisabilityCategory::Physical;
  p.disabilityGrade = 1;
  in.household.members.push_back(p);
  const auto item = Item(in, "destitute");
  const auto grade = std::find_if(item.figures.begin(), item.figures.end(),
                                  [](const MatchFigure& f) { return f.code == "disability"; });
  BOOST_TEST_REQUIRE((grade != item.figures.end()));
  BOOST_TEST(grade->value == 1);
  BOOST_TEST(grade->text == "physical");
  BOOST_TEST(grade->member == "残疾人");
  in.parameters.erase("destitute.incapacity_grade_physical");
  BOOST_TEST(Item(in, "destitute").missing == std::vector<std::string>{"destitute.incapacity_grade_physical"});
  // Recorded as unable to work without meeting the definition: the survey decides.
  in.parameters = Sanmen();
  in.household.members[0].disability = DisabilityCategory::Hearing;
  in.household.members[0].disabilityGrade = 2;
  in.household.members[0].workAbility = WorkAbility::None;
  const auto recorded = Item(in, "destitute");
  BOOST_TEST(V(recorded.verdict) == "may_qualify");
  BOOST_TEST(Says(recorded, "work_ability_none_needs_survey"));
  BOOST_TEST(V(Item(in, "support_disabled").verdict) == "qualifies");  // no income: in the support group
}

BOOST_AUTO_TEST_CASE(destitute_looks_at_income_and_supporters) {
  MatchingInput in;
  in.today = kToday;
  in.parameters = Sanmen();
  Person old = Aged(75, "老人");
  old.relation = Relation::Head;
  Person son = Aged(45, "儿子");
  son.employment = Employment::Employed;
  in.household.members = {old, son};
  IncomeItem wage;
  wage.monthly = Money::FromFen(400000);
  wage.memberIdNumber = son.idNumber;
  in.household.incomes.push_back(wage);
  const auto withSon = Item(in, "destitute");
  BOOST_TEST(V(withSon.verdict) == "may_qualify");
  BOOST_TEST(Says(withSon, "supporter_in_household_needs_survey"));
  BOOST_TEST(Figure(withSon, "able_members") == 1);

  IncomeItem pension;
  pension.kind = IncomeKind::Pension;
  pension.monthly = Money::FromFen(150000);
  pension.memberIdNumber = old.idNumber;
  in.household.incomes.push_back(pension);
  const auto ownIncome = Item(in, "destitute");
  BOOST_TEST(V(ownIncome.verdict) == "does_not_qualify");
  BOOST_TEST(Figure(ownIncome, "own_income", "老人") == 150000);

  // A masked ID hides the birth date: the age is for the survey to find.
  MatchingInput masked;
  masked.today = kToday;
  masked.parameters = Sanmen();
  Person unknown = Aged(70, "某人");
  unknown.idNumber = unknown.idNumber.substr(0, 6) + "********" + unknown.idNumber.substr(14);
  masked.household.members.push_back(unknown);
  const auto hidden = Item(masked, "destitute");
  BOOST_TEST(V(hidden.verdict) == "may_qualify");
  BOOST_TEST(Says(hidden, "age_unknown"));
  BOOST_TEST(HasFigure(hidden, "age_unknown", "某人"));
}

// 特困 is applied for per person: the item names each member without
// capacity and without income of their own, one case each; a member whose
// case is open is not named again, and only when every one has theirs is
// the item marked as the household's.
BOOST_AUTO_TEST_CASE(a_per_person_program_names_each_member_it_would_be_for) {
  MatchingInput in;
  in.today = kToday;
  in.parameters = Sanmen();
  Person head = Aged(66, "龚正发");
  head.id = 11;
  head.relation = Relation::Head;
  Person brother = Aged(59, "龚跃进");
  brother.id = 12;
  brother.disability = DisabilityCategory::Intellectual;
  brother.disabilityGrade = 2;
  Person unsaved = Aged(70, "未保存");  // no id yet: nobody to name
  in.household.members = {head, brother, unsaved};
  auto item = Item(in, "destitute");
  BOOST_TEST(V(item.verdict) == "qualifies");
  BOOST_TEST(item.perPerson);
  BOOST_TEST(item.persons == (std::vector<std::int64_t>{11, 12}));
  BOOST_TEST(item.MayApply());
  BOOST_TEST(Item(in, "dibao").persons.empty());  // a household program names nobody
  BOOST_TEST(!Item(in, "dibao").perPerson);

  // With an income of his own the brother is not named.
  IncomeItem pension;
  pension.kind = IncomeKind::Pension;
  pension.monthly = Money::FromFen(30000);
  pension.memberIdNumber = brother.idNumber;
  MatchingInput withIncome = in;
  withIncome.household.incomes.push_back(pension);
  BOOST_TEST(Item(withIncome, "destitute").persons == (std::vector<std::int64_t>{11}));

  // The head's case is open: the brother may still apply.
  in.cases.push_back({501, "destitute", "applied", 11});
  item = Item(in, "destitute");
  BOOST_TEST(item.persons == (std::vector<std::int64_t>{12}));
  BOOST_TEST(V(item.verdict) == "qualifies");
  BOOST_TEST(item.MayApply());
  // Both have theirs: the item is marked by the newest case, as a
  // household program's.
  in.cases.push_back({502, "destitute", "in_payment", 12});
  item = Item(in, "destitute");
  BOOST_TEST(item.persons.empty());
  BOOST_TEST(V(item.verdict) == "already_receives");
  BOOST_TEST(item.caseId == 502);
  BOOST_TEST(!item.MayApply());
  // A refused case does not count.
  in.cases.back().state = "refusal_notified";
  BOOST_TEST(Item(in, "destitute").persons == (std::vector<std::int64_t>{12}));
}

BOOST_AUTO_TEST_CASE(what_the_household_receives_is_marked_and_not_offered) {
  auto in = Working(3, 100000);
  in.cases = {{11, "dibao", "in_payment"},
              {12, "medical", "accepted"},
              {13, "temporary", "terminated"},
              {14, "education", "refusal_notified"}};
  const auto items = MatchHousehold(in);
  const auto get = [&](std::string_view code) {
    return *std::find_if(items.begin(), items.end(), [&](const MatchItem& i) { return i.code == code; });
  };
  BOOST_TEST(V(get("dibao").verdict) == "already_receives");
  BOOST_TEST(get("dibao").caseId == 11);
  BOOST_TEST(get("dibao").caseState == "in_payment");
  BOOST_TEST(get("dibao").reasons.front() == "case_receiving");
  BOOST_TEST(!get("dibao").MayApply());
  BOOST_TEST(Says(get("dibao"), "income_below_standard"));  // the rule's figures stay
  BOOST_TEST(V(get("medical").verdict) == "application_open");
  BOOST_TEST(get("medical").caseId == 12);
  BOOST_TEST(!get("medical").MayApply());
  BOOST_TEST(V(get("help_medical").verdict) == "application_open");
  BOOST_TEST(!get("help_medical").MayApply());  // applied for through its program
  // Ended cases are history.
  BOOST_TEST(get("temporary").caseId == 0);
  BOOST_TEST(get("education").caseId == 0);
  // Receiving 低保 puts the household in the support group; 低保边缘 and 刚性支出困难 are not for it.
  BOOST_TEST(Says(get("support_poverty"), "receives_assistance"));
  BOOST_TEST(Says(get("near_dibao"), "receives_dibao"));
  BOOST_TEST(Says(get("essential_expense"), "receives_registry_program"));

  // The registry's status says it too, without a case.
  auto registered = Working(1, 50000);
  registered.household.status = RegistryStatus::Destitute;
  const auto destitute = Item(registered, "destitute");
  BOOST_TEST(V(destitute.verdict) == "already_receives");
  BOOST_TEST(destitute.reasons.front() == "registry_status");
  BOOST_TEST(destitute.caseId == 0);
  BOOST_TEST(!destitute.MayApply());
  // 特困 support takes the place of 低保 and 低保边缘.
  BOOST_TEST(Says(Item(registered, "dibao"), "receives_destitute"));
  BOOST_TEST(Says(Item(registered, "near_dibao"), "receives_destitute"));
  registered.household.status = RegistryStatus::EssentialExpense;
  BOOST_TEST(V(Item(registered, "essential_expense").verdict) == "already_receives");

  for (const auto state : {"decided_approved", "notified", "in_payment", "under_review", "adjusted", "gradual_exit"}) {
    BOOST_TEST(FindCaseState(state).has_value(), state);
    BOOST_TEST(CaseStateReceives(state));
  }
  BOOST_TEST(!CaseStateReceives("applied"));
  BOOST_TEST(!CaseStateReceives("awaiting_decision"));
}

// The seeded pairs of doudi.program_exclusion (migration 0008).
std::vector<ProgramExclusion> Exclusions() {
  return {{"destitute", "dibao", "特困人员已由特困供养保障基本生活，不再纳入低保"},
          {"dibao", "near_dibao", "低保家庭不再认定为低保边缘家庭"},
          {"destitute", "near_dibao", "特困人员不再认定为低保边缘家庭成员"}};
}

// A program not received beside an open or paid case is Excluded, naming the
// case and the catalog's reason, whichever way the pair is written, and is
// not offered: doudi.case_open would refuse it (case.programs_exclude).
BOOST_AUTO_TEST_CASE(a_program_excluded_by_an_open_case_is_not_offered) {
  MatchingInput in;
  in.today = kToday;
  in.parameters = Sanmen();
  in.exclusions = Exclusions();
  Person head = Aged(66, "龚正发");
  head.id = 11;
  head.relation = Relation::Head;
  Person son = Aged(40, "龚建");
  son.id = 12;
  son.employment = Employment::Unemployed;
  in.household.members = {head, son};
  BOOST_TEST(Item(in, "dibao").MayApply());  // no income: 低保 qualifies
  BOOST_TEST(V(Item(in, "dibao").verdict) == "qualifies");

  // The head's 特困 application is open: 低保 and 低保边缘 wait for it.
  in.cases.push_back({601, "destitute", "township_reviewed", 11});
  for (const auto* code : {"dibao", "near_dibao"}) {
    BOOST_TEST_CONTEXT(code) {
      const auto item = Item(in, code);
      BOOST_TEST(V(item.verdict) == "excluded");
      BOOST_TEST(item.caseId == 601);
      BOOST_TEST(item.caseState == "township_reviewed");
      BOOST_TEST(item.excludedBy == "destitute");
      BOOST_TEST(!item.exclusion.empty());
      BOOST_TEST(item.reasons.front() == "excluded_by_case");
      BOOST_TEST(!item.MayApply());
    }
  }
  BOOST_TEST(Item(in, "dibao").exclusion == "特困人员已由特困供养保障基本生活，不再纳入低保");
  BOOST_TEST(V(Item(in, "temporary").verdict) != "excluded");  // no pair: still the rule's

  // Refused, the case no longer excludes anything.
  in.cases.back().state = "refusal_notified";
  BOOST_TEST(V(Item(in, "dibao").verdict) == "qualifies");

  // The household's 低保 is paid: 特困 is excluded for every member, the
  // pair written the other way round.
  in.cases = {{602, "dibao", "in_payment", 0}};
  const auto destitute = Item(in, "destitute");
  BOOST_TEST(V(destitute.verdict) == "excluded");
  BOOST_TEST(destitute.caseId == 602);
  BOOST_TEST(destitute.excludedBy == "dibao");
  BOOST_TEST(destitute.persons.empty());
  BOOST_TEST(!destitute.MayApply());
  // 低保 itself is what it receives, not excluded by its own case.
  BOOST_TEST(V(Item(in, "dibao").verdict) == "already_receives");

  // Without the catalog's pairs, nothing is excluded.
  in.exclusions.clear();
  BOOST_TEST(V(Item(in, "destitute").verdict) == "may_qualify");  // the son may support him: a survey decides
  BOOST_TEST(Item(in, "destitute").MayApply());
}

BOOST_AUTO_TEST_CASE(the_special_programs_need_the_support_group) {
  // A student in a household below the 低保边缘 limit: 教育救助 and 帮就学.
  auto in = Working(2, 300000);  // 2 × 1,620.00 = 3,240.00 > 3,000.00
  Person pupil = Aged(12, "学生");
  pupil.schooling = Schooling::Primary;
  in.household.members.push_back(pupil);  // 3 persons: limit 4,860.00
  const auto school = Item(in, "education");
  BOOST_TEST(V(school.verdict) == "qualifies");
  BOOST_TEST(Says(school, "student_in_support_group"));
  BOOST_TEST(V(Item(in, "help_schooling").verdict) == "qualifies");
  BOOST_TEST(Item(in, "help_schooling").program == "education");
  BOOST_TEST(!Item(in, "help_schooling").MayApply());
  in.household.incomes[0].monthly = Money::FromFen(486000);  // at the limit
  const auto richer = Item(in, "education");
  BOOST_TEST(V(richer.verdict) == "does_not_qualify");
  BOOST_TEST(Says(richer, "not_in_support_group"));

  // Housing: owned is no hardship; dilapidated in the group qualifies; rented needs the survey.
  auto house = Working(2, 100000);
  BOOST_TEST(Says(Item(house, "housing"), "housing_adequate"));
  house.household.housing = HousingCondition::Dilapidated;
  BOOST_TEST(V(Item(house, "help_housing").verdict) == "qualifies");
  house.household.housing = HousingCondition::Rented;
  BOOST_TEST(V(Item(house, "housing").verdict) == "may_qualify");

  // Medical: an illness in the group; outside it, self-paid spending above the warning.
  auto ill = Working(2, 100000);
  ill.household.members[1].illnesses = {"尿毒症"};
  BOOST_TEST(V(Item(ill, "medical").verdict) == "qualifies");
  ill.household.incomes[0].monthly = Money::FromFen(900000);
  BOOST_TEST(V(Item(ill, "medical").verdict) == "does_not_qualify");
  ill.medicalSelfPaid = Money::FromFen(4000000);  // at the warning: not above it
  BOOST_TEST(V(Item(ill, "medical").verdict) == "does_not_qualify");
  ill.medicalSelfPaid = Money::FromFen(4000001);
  const auto high = Item(ill, "medical");
  BOOST_TEST(V(high.verdict) == "may_qualify");
  BOOST_TEST(Figure(high, "medical_warning_other") == 4000000);
  BOOST_TEST(Figure(high, "medical_self_paid") == 4000001);
}

BOOST_AUTO_TEST_CASE(employment_and_morale_look_at_able_members_out_of_work) {
  auto in = Working(2, 100000);
  in.household.members[0].employment = Employment::Unemployed;
  in.household.members[1].employment = Employment::None;
  const auto job = Item(in, "employment");
  BOOST_TEST(V(job.verdict) == "qualifies");
  BOOST_TEST(Says(job, "nobody_working"));
  BOOST_TEST(Figure(job, "able_members") == 2);
  BOOST_TEST(V(Item(in, "help_employment").verdict) == "qualifies");
  // 扶志气 is for households already on assistance.
  BOOST_TEST(Says(Item(in, "support_morale"), "not_receiving_assistance"));
  in.household.status = RegistryStatus::Dibao;
  BOOST_TEST(V(Item(in, "support_morale").verdict) == "qualifies");

  // Working age ends at 60 and starts at 16; a student is not out of work.
  auto ages = Working(1, 0);
  ages.household.members[0] = Aged(60);
  ages.household.members[0].employment = Employment::Unemployed;
  BOOST_TEST(Says(Item(ages, "employment"), "no_able_member_out_of_work"));
  ages.household.members[0] = TurnsTomorrow(60);
  ages.household.members[0].employment = Employment::Unemployed;
  BOOST_TEST(V(Item(ages, "employment").verdict) == "qualifies");
  ages.household.members[0] = Aged(16);
  ages.household.members[0].schooling = Schooling::SeniorSecondary;
  BOOST_TEST(V(Item(ages, "employment").verdict) == "does_not_qualify");
  ages.household.members[0].schooling = Schooling::None;
  BOOST_TEST(V(Item(ages, "employment").verdict) == "qualifies");
}

BOOST_AUTO_TEST_CASE(essential_expense_compares_spending_with_a_share_of_income) {
  // 2 persons, 3,000.00 a month: 36,000.00 a year, below 2 × 36,000.00; half of it is 18,000.00.
  auto in = Working(2, 300000);
  in.household.members[1].illnesses = {"白血病"};
  const auto unknown = Item(in, "essential_expense");
  BOOST_TEST(V(unknown.verdict) == "may_qualify");
  BOOST_TEST(Says(unknown, "spending_unknown_needs_survey"));
  BOOST_TEST(unknown.program.empty());
  BOOST_TEST(!unknown.MayApply());  // no case opens it

  in.medicalSelfPaid = Money::FromFen(1800000);
  in.schoolingPaid = Money::FromFen(0);
  const auto at = Item(in, "essential_expense");
  BOOST_TEST(V(at.verdict) == "does_not_qualify");
  BOOST_TEST(Says(at, "essential_spending_within_share"));
  BOOST_TEST(Figure(at, "essential_share_limit") == 1800000);
  BOOST_TEST(Figure(at, "annual_income") == 3600000);
  in.medicalSelfPaid = Money::FromFen(1800001);
  const auto above = Item(in, "essential_expense");
  BOOST_TEST(V(above.verdict) == "qualifies");
  BOOST_TEST(Figure(above, "essential_spending") == 1800001);

  // Annual income at the disposable income × members: not below it.
  auto richer = Working(2, 600000);
  richer.medicalSelfPaid = Money::FromFen(9000000);
  BOOST_TEST(Says(Item(richer, "essential_expense"), "income_not_below_disposable"));
  // The share is needed only once the income condition is met.
  richer.parameters.erase("temporary.essential_expense_share");
  BOOST_TEST(V(Item(richer, "essential_expense").verdict) == "does_not_qualify");
  in.parameters.erase("temporary.essential_expense_share");
  const auto noShare = Item(in, "essential_expense");
  BOOST_TEST(V(noShare.verdict) == "cannot_decide");
  BOOST_TEST(noShare.missing == std::vector<std::string>{"temporary.essential_expense_share"});
}

BOOST_AUTO_TEST_CASE(temporary_assistance_needs_an_emergency_or_an_expense) {
  auto in = Working(2, 100000);
  BOOST_TEST(Says(Item(in, "temporary"), "no_emergency_or_expense_in_record"));
  in.household.housing = HousingCondition::Homeless;
  BOOST_TEST(V(Item(in, "temporary").verdict) == "may_qualify");
  BOOST_TEST(V(Item(in, "disaster").verdict) == "may_qualify");
  auto ill = Working(2, 100000);
  ill.household.members[0].illnesses = {"肺癌"};
  BOOST_TEST(Says(Item(ill, "temporary"), "expense_with_income_below_disposable"));
  ill.household.incomes[0].monthly = Money::FromFen(600000);  // 72,000.00 a year = 2 × 36,000.00
  BOOST_TEST(Says(Item(ill, "temporary"), "income_not_below_disposable"));
}

BOOST_AUTO_TEST_SUITE_END()
