#include "doudi/model/household.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

using namespace doudi::model;
using namespace std::chrono;

namespace {

constexpr year_month_day kToday{year{2025}, June, day{15}};

// Valid IDs, check characters computed independently of the model.
constexpr const char* kHeadId = "331022198510200021";
constexpr const char* kSpouseId = "331022199001011235";
constexpr const char* kChildId = "331022201003150044";

Person MakePerson(std::string name, std::string idNumber, Relation relation) {
  Person person;
  person.name = std::move(name);
  person.idNumber = std::move(idNumber);
  person.relation = relation;
  return person;
}

IncomeItem MakeIncome(IncomeKind kind, std::int64_t fen, std::string memberIdNumber = {}) {
  IncomeItem income;
  income.kind = kind;
  income.monthly = Money::FromFen(fen);
  income.memberIdNumber = std::move(memberIdNumber);
  return income;
}

Household MakeValidHousehold() {
  Household household;
  household.regionCode = "331022001001";
  household.address = "海门街道东海社区 12 号";
  household.phone = "0576-83111234";
  household.bankName = "农村商业银行";
  household.bankAccount = "6222021234567890";
  household.members = {MakePerson("陈秀英", kHeadId, Relation::Head),
                       MakePerson("王建国", kSpouseId, Relation::Spouse),
                       MakePerson("王小明", kChildId, Relation::Child)};
  household.incomes = {MakeIncome(IncomeKind::Wage, 200000, kSpouseId),
                       MakeIncome(IncomeKind::Transfer, 50050)};
  Asset deposit;
  deposit.kind = AssetKind::Deposit;
  deposit.value = Money::FromFen(1000000);
  household.assets = {deposit};
  return household;
}

// "field code" lines joined by "; ", in order: one string, so that a failing
// comparison prints everything that was reported and everything expected.
std::string Join(const std::vector<std::string>& lines) {
  std::string joined;
  for (const std::string& line : lines) {
    joined += joined.empty() ? "" : "; ";
    joined += line;
  }
  return joined;
}

std::string Summary(const ValidationIssues& issues) {
  std::vector<std::string> lines;
  for (const ValidationIssue& issue : issues) {
    lines.push_back(issue.field + " " + issue.code);
  }
  return Join(lines);
}

template <typename E>
struct ExpectedText {
  E value;
  const char* code;
  const char* chinese;
};

// Checks every value both ways in both languages against a list written out
// here by hand (not read from the model's table), and that the table has no
// value the list lacks.
template <typename E, std::size_t N, typename Parse>
void CheckRoundTrips(const ExpectedText<E> (&expected)[N], Parse parse) {
  BOOST_TEST(EnumTexts<E>().size() == N);
  for (const ExpectedText<E>& e : expected) {
    BOOST_TEST(ToCode(e.value) == e.code);
    BOOST_TEST(ToChinese(e.value) == e.chinese);
    BOOST_TEST((parse(e.code) == e.value), "code " << e.code);
    BOOST_TEST((parse(e.chinese) == e.value), "label " << e.chinese);
    BOOST_TEST((parse(" " + std::string(e.chinese) + "\t") == e.value), "trimmed " << e.chinese);
    std::string upper = e.code;
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
      }
    }
    BOOST_TEST((parse(upper) == e.value), "upper-case " << upper);
  }
  BOOST_TEST(!parse("").has_value());
  BOOST_TEST(!parse("   ").has_value());
  BOOST_TEST(!parse("no_such_value").has_value());
  BOOST_TEST(!parse("未知").has_value());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(household)

BOOST_AUTO_TEST_CASE(relation_texts) {
  const ExpectedText<Relation> expected[] = {
      {Relation::Head, "head", "户主"},           {Relation::Spouse, "spouse", "配偶"},
      {Relation::Child, "child", "子女"},         {Relation::Parent, "parent", "父母"},
      {Relation::Grandparent, "grandparent", "祖父母"},
      {Relation::Grandchild, "grandchild", "孙子女"},
      {Relation::Sibling, "sibling", "兄弟姐妹"}, {Relation::Other, "other", "其他"},
  };
  CheckRoundTrips(expected, [](std::string_view t) { return ParseRelation(t); });
}

BOOST_AUTO_TEST_CASE(registry_status_texts) {
  const ExpectedText<RegistryStatus> expected[] = {
      {RegistryStatus::Dibao, "dibao", "低保"},
      {RegistryStatus::NearDibao, "near_dibao", "低保边缘"},
      {RegistryStatus::Destitute, "destitute", "特困"},
      {RegistryStatus::EssentialExpense, "essential_expense", "刚性支出困难"},
      {RegistryStatus::OtherLowIncome, "other_low_income", "其他低收入"},
      {RegistryStatus::None, "none", "无"},
  };
  CheckRoundTrips(expected, [](std::string_view t) { return ParseRegistryStatus(t); });
}

BOOST_AUTO_TEST_CASE(disability_category_texts) {
  const ExpectedText<DisabilityCategory> expected[] = {
      {DisabilityCategory::None, "none", "无"},
      {DisabilityCategory::Visual, "visual", "视力"},
      {DisabilityCategory::Hearing, "hearing", "听力"},
      {DisabilityCategory::Speech, "speech", "言语"},
      {DisabilityCategory::Physical, "physical", "肢体"},
      {DisabilityCategory::Intellectual, "intellectual", "智力"},
      {DisabilityCategory::Mental, "mental", "精神"},
      {DisabilityCategory::Multiple, "multiple", "多重"},
  };
  CheckRoundTrips(expected, [](std::string_view t) { return ParseDisabilityCategory(t); });
}

BOOST_AUTO_TEST_CASE(schooling_texts) {
  const ExpectedText<Schooling> expected[] = {
      {Schooling::None, "none", "无"},
      {Schooling::Preschool, "preschool", "学前"},
      {Schooling::Primary, "primary", "小学"},
      {Schooling::JuniorSecondary, "junior_secondary", "初中"},
      {Schooling::SeniorSecondary, "senior_secondary", "高中"},
      {Schooling::Vocational, "vocational", "中职"},
      {Schooling::Higher, "higher", "高等教育"},
  };
  CheckRoundTrips(expected, [](std::string_view t) { return ParseSchooling(t); });
}

BOOST_AUTO_TEST_CASE(employment_texts) {
  const ExpectedText<Employment> expected[] = {
      {Employment::Employed, "employed", "就业"},
      {Employment::SelfEmployed, "self_employed", "个体经营"},
      {Employment::Farming, "farming", "务农"},
      {Employment::Unemployed, "unemployed", "失业"},
      {Employment::Retired, "retired", "退休"},
      {Employment::Student, "student", "在校学生"},
      {Employment::None, "none", "无"},
  };
  CheckRoundTrips(expected, [](std::string_view t) { return ParseEmployment(t); });
}

BOOST_AUTO_TEST_CASE(work_ability_texts) {
  const ExpectedText<WorkAbility> expected[] = {
      {WorkAbility::Full, "full", "完全劳动能力"},
      {WorkAbility::Partial, "partial", "部分劳动能力"},
      {WorkAbility::None, "none", "无劳动能力"},
  };
  CheckRoundTrips(expected, [](std::string_view t) { return ParseWorkAbility(t); });
}

BOOST_AUTO_TEST_CASE(housing_condition_texts) {
  const ExpectedText<HousingCondition> expected[] = {
      {HousingCondition::Owned, "owned", "自有住房"},
      {HousingCondition::Rented, "rented", "租房"},
      {HousingCondition::Borrowed, "borrowed", "借住"},
      {HousingCondition::Dilapidated, "dilapidated", "危房"},
      {HousingCondition::Homeless, "homeless", "无房"},
  };
  CheckRoundTrips(expected, [](std::string_view t) { return ParseHousingCondition(t); });
}

BOOST_AUTO_TEST_CASE(income_kind_texts) {
  const ExpectedText<IncomeKind> expected[] = {
      {IncomeKind::Declared, "declared", "申报收入"},
      {IncomeKind::Wage, "wage", "工资"},
      {IncomeKind::Business, "business", "经营"},
      {IncomeKind::Farming, "farming", "务农"},
      {IncomeKind::Pension, "pension", "养老金"},
      {IncomeKind::Transfer, "transfer", "转移性收入"},
      {IncomeKind::Property, "property", "财产性收入"},
      {IncomeKind::Other, "other", "其他"},
  };
  CheckRoundTrips(expected, [](std::string_view t) { return ParseIncomeKind(t); });
}

BOOST_AUTO_TEST_CASE(asset_kind_texts) {
  const ExpectedText<AssetKind> expected[] = {
      {AssetKind::Vehicle, "vehicle", "车辆"},
      {AssetKind::BusinessRegistration, "business_registration", "工商登记"},
      {AssetKind::Deposit, "deposit", "存款"},
      {AssetKind::RealEstate, "real_estate", "房产"},
  };
  CheckRoundTrips(expected, [](std::string_view t) { return ParseAssetKind(t); });
}

BOOST_AUTO_TEST_CASE(a_label_belongs_to_its_own_enumeration_only) {
  BOOST_TEST(!ParseRelation("无").has_value());
  BOOST_TEST(!ParseRegistryStatus("head").has_value());
  BOOST_TEST(!ParseEmployment("申报收入").has_value());
  BOOST_TEST(!ParseRelation("户 主").has_value());
}

BOOST_AUTO_TEST_CASE(head_is_the_member_marked_head) {
  Household household = MakeValidHousehold();
  BOOST_TEST_REQUIRE(household.Head() != nullptr);
  BOOST_TEST(household.Head()->name == "陈秀英");
  household.members[0].relation = Relation::Parent;
  BOOST_TEST(household.Head() == nullptr);
  household.members.clear();
  BOOST_TEST(household.Head() == nullptr);
}

BOOST_AUTO_TEST_CASE(income_totals_and_per_capita) {
  Household household = MakeValidHousehold();
  BOOST_TEST(household.TotalMonthlyIncome().Fen() == 250050);
  BOOST_TEST(household.PerCapitaMonthlyIncome().Fen() == 83350);  // 2500.50 / 3 = 833.50

  household.incomes = {MakeIncome(IncomeKind::Wage, 100000), MakeIncome(IncomeKind::Pension, 50001)};
  BOOST_TEST(household.PerCapitaMonthlyIncome().Fen() == 50000);  // 1500.01 / 3 = 500.0033

  household.incomes = {MakeIncome(IncomeKind::Declared, 100)};
  household.members.resize(8);
  BOOST_TEST(household.PerCapitaMonthlyIncome().Fen() == 13);  // 1.00 / 8 = 0.125

  household.members.resize(2);
  household.incomes = {MakeIncome(IncomeKind::Declared, 1)};
  BOOST_TEST(household.PerCapitaMonthlyIncome().Fen() == 1);  // 0.005 rounds away from zero

  household.members.clear();
  BOOST_TEST(household.PerCapitaMonthlyIncome().Fen() == 0);

  household.incomes.clear();
  household.members.resize(1);
  BOOST_TEST(household.TotalMonthlyIncome().Fen() == 0);
  BOOST_TEST(household.PerCapitaMonthlyIncome().Fen() == 0);
}

BOOST_AUTO_TEST_CASE(valid_household_has_no_issues) {
  const Household household = MakeValidHousehold();
  BOOST_TEST(Summary(Validate(household, kToday)).empty());

  Household minimal;
  minimal.regionCode = "110101001001";
  minimal.members = {MakePerson("李四", "11010519491231002x", Relation::Head)};
  BOOST_TEST(Summary(Validate(minimal, kToday)).empty());
}

BOOST_AUTO_TEST_CASE(reports_every_problem_with_its_field) {
  Household household = MakeValidHousehold();
  household.regionCode = "331022001000";  // a township, not a village
  household.members[0].name = "";
  household.members[1].idNumber = "331022199001011234";  // wrong check character
  household.members[1].relation = Relation::Head;        // a second head
  household.members[2].disability = DisabilityCategory::Intellectual;
  household.members[2].disabilityGrade = 0;
  household.members.push_back(MakePerson("陈秀英", "331022198510200021", Relation::Other));
  household.incomes[0].memberIdNumber = "110105194912310011";  // valid, but not a member
  household.incomes[1].monthly = Money::FromFen(-1);
  household.assets[0].value = Money::FromFen(-100);
  household.bankAccount = "6222 0212 3456";
  household.phone = "call me";

  const ValidationIssues issues = Validate(household, kToday);
  const std::vector<std::string> expected{
      "region_code region_code.not_village",
      "members[0].name name.empty",
      "members[1].relation relation.multiple_heads",
      "members[1].id_number id_number.checksum_mismatch",
      "members[2].disability_grade disability_grade.out_of_range",
      "members[3].id_number id_number.duplicate",
      "incomes[0].member_id_number member_id_number.unknown_member",
      "incomes[1].monthly monthly.negative",
      "assets[0].value value.negative",
      "bank_account bank_account.invalid",
      "phone phone.invalid",
  };
  BOOST_TEST(Summary(issues) == Join(expected));
  for (const ValidationIssue& issue : issues) {
    BOOST_TEST(!issue.message.empty(), issue.field);
  }
  BOOST_TEST(issues[5].message.find("member 1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(region_code_must_be_a_village) {
  Household household = MakeValidHousehold();
  for (const char* bad : {"", "33102200100", "331022000101", "33102200100x"}) {
    household.regionCode = bad;
    const std::vector<std::string> expected{"region_code region_code.invalid"};
    BOOST_TEST(Summary(Validate(household, kToday)) == Join(expected), bad);
  }
  household.regionCode = "331022000000";
  const std::vector<std::string> county{"region_code region_code.not_village"};
  BOOST_TEST(Summary(Validate(household, kToday)) == Join(county));
}

BOOST_AUTO_TEST_CASE(membership_and_head) {
  Household household = MakeValidHousehold();
  household.members.clear();
  household.incomes.clear();
  const std::vector<std::string> empty{"members members.empty"};
  BOOST_TEST(Summary(Validate(household, kToday)) == Join(empty));

  household = MakeValidHousehold();
  household.members[0].relation = Relation::Spouse;
  const std::vector<std::string> noHead{"members members.no_head"};
  BOOST_TEST(Summary(Validate(household, kToday)) == Join(noHead));

  household = MakeValidHousehold();
  household.members[1].relation = Relation::Head;
  household.members[2].relation = Relation::Head;
  const std::vector<std::string> threeHeads{"members[1].relation relation.multiple_heads",
                                            "members[2].relation relation.multiple_heads"};
  BOOST_TEST(Summary(Validate(household, kToday)) == Join(threeHeads));
}

BOOST_AUTO_TEST_CASE(an_id_twice_is_reported_also_in_another_spelling) {
  Household household = MakeValidHousehold();
  household.members[1].idNumber = "11010519491231002X";
  household.members[2].idNumber = " 11010519491231002x";
  household.incomes[0].memberIdNumber = "11010519491231002X";
  const std::vector<std::string> expected{"members[2].id_number id_number.duplicate"};
  BOOST_TEST(Summary(Validate(household, kToday)) == Join(expected));
}

BOOST_AUTO_TEST_CASE(income_names_a_member_by_id) {
  Household household = MakeValidHousehold();
  household.members[1].idNumber = "11010519491231002X";
  household.incomes[0].memberIdNumber = "11010519491231002x";  // same person, lowercase x
  BOOST_TEST(Summary(Validate(household, kToday)).empty());
  household.incomes[0].memberIdNumber = "";  // household-level income
  BOOST_TEST(Summary(Validate(household, kToday)).empty());
}

BOOST_AUTO_TEST_CASE(bank_account_rules) {
  Household household = MakeValidHousehold();
  for (const char* good : {"", "6222021234", "622202123456789012345678901234"}) {
    household.bankAccount = good;
    BOOST_TEST(Summary(Validate(household, kToday)).empty(), good);
  }
  for (const char* bad : {"622202123", "6222021234567890123456789012345", "6222-0212-3456",
                          " 6222021234", "622202123A"}) {
    household.bankAccount = bad;
    const std::vector<std::string> expected{"bank_account bank_account.invalid"};
    BOOST_TEST(Summary(Validate(household, kToday)) == Join(expected), bad);
  }
}

BOOST_AUTO_TEST_CASE(phone_rules) {
  for (const char* good : {"12345", "13800138000", "0571-87654321", "+86-13800138000",
                           "+8613800138000", "010-6512-3456", "12345678901234567890"}) {
    BOOST_TEST(IsWellFormedPhone(good), good);
  }
  for (const char* bad : {"1234", "123456789012345678901", "+-12345", "0571--87654321",
                          "0571-", "-0571123", "(0571)8765432", "0571 87654321", "++8612345",
                          "86+12345", "+"}) {
    BOOST_TEST(!IsWellFormedPhone(bad), bad);
  }
  Household household = MakeValidHousehold();
  household.phone = "";
  BOOST_TEST(Summary(Validate(household, kToday)).empty());
  household.phone = "0571 87654321";
  const std::vector<std::string> expected{"phone phone.invalid"};
  BOOST_TEST(Summary(Validate(household, kToday)) == Join(expected));
}

BOOST_AUTO_TEST_CASE(person_fields_use_the_given_prefix) {
  Person person = MakePerson("", "110105200102290010", Relation::Head);
  person.disability = DisabilityCategory::None;
  person.disabilityGrade = 2;
  const std::vector<std::string> prefixed{
      "members[2].name name.empty", "members[2].id_number id_number.invalid_birth_date",
      "members[2].disability_grade disability_grade.without_category"};
  BOOST_TEST(Summary(ValidatePerson(person, "members[2]", kToday)) == Join(prefixed));
  const std::vector<std::string> bare{"name name.empty", "id_number id_number.invalid_birth_date",
                                      "disability_grade disability_grade.without_category"};
  BOOST_TEST(Summary(ValidatePerson(person, "", kToday)) == Join(bare));
}

BOOST_AUTO_TEST_CASE(every_id_reason_becomes_an_issue_code) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "id_number.wrong_length"},
      {"11010519491231002Y", "id_number.invalid_character"},
      {"110105200004310014", "id_number.invalid_birth_date"},
      {"110105202506160027", "id_number.birth_date_in_future"},
      {"110105194912310021", "id_number.checksum_mismatch"},
  };
  for (const auto& [id, code] : cases) {
    const ValidationIssues issues =
        ValidatePerson(MakePerson("张三", id, Relation::Head), "members[0]", kToday);
    BOOST_TEST_REQUIRE(issues.size() == 1U, id);
    BOOST_TEST(issues[0].field == "members[0].id_number");
    BOOST_TEST(issues[0].code == code);
  }
}

BOOST_AUTO_TEST_CASE(disability_grade_goes_with_a_category) {
  Person person = MakePerson("张三", kHeadId, Relation::Head);
  const auto codes = [&person] { return Summary(ValidatePerson(person, "", kToday)); };
  BOOST_TEST(codes().empty());  // none and grade 0
  person.disability = DisabilityCategory::Physical;
  for (const int grade : {1, 2, 3, 4}) {
    person.disabilityGrade = grade;
    BOOST_TEST(codes().empty(), grade);
  }
  for (const int grade : {0, 5, -1}) {
    person.disabilityGrade = grade;
    const std::vector<std::string> expected{"disability_grade disability_grade.out_of_range"};
    BOOST_TEST(codes() == Join(expected), grade);
  }
  person.disability = DisabilityCategory::None;
  person.disabilityGrade = 1;
  const std::vector<std::string> expected{"disability_grade disability_grade.without_category"};
  BOOST_TEST(codes() == Join(expected));
}

BOOST_AUTO_TEST_CASE(name_length_counts_characters_not_bytes) {
  std::string fifty;
  for (int i = 0; i < 50; ++i) {
    fifty += "张";  // 3 bytes each: 150 bytes, 50 characters
  }
  Person person = MakePerson(fifty, kHeadId, Relation::Head);
  BOOST_TEST(Summary(ValidatePerson(person, "", kToday)).empty());
  person.name += "三";
  const std::vector<std::string> tooLong{"name name.too_long"};
  BOOST_TEST(Summary(ValidatePerson(person, "", kToday)) == Join(tooLong));
  person.name = " \t ";
  const std::vector<std::string> empty{"name name.empty"};
  BOOST_TEST(Summary(ValidatePerson(person, "", kToday)) == Join(empty));
  person.name = "张\xff";
  const std::vector<std::string> encoding{"name name.invalid_encoding"};
  BOOST_TEST(Summary(ValidatePerson(person, "", kToday)) == Join(encoding));
  person.name = std::string(50, 'a');
  BOOST_TEST(Summary(ValidatePerson(person, "", kToday)).empty());
}

BOOST_AUTO_TEST_SUITE_END()
