// Issue 12 (hardening): what a field may hold. Text that would corrupt a
// terminal, hide itself or overflow a sum is refused at the field, naming it;
// the terms village lists write for relations and the other coded columns
// are read.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "doudi/model/household.h"
#include "doudi/model/import_template.h"
#include "doudi/model/text.h"
#include "import_rows.h"

using namespace doudi::model;
using namespace std::chrono;

namespace {

using C = ImportColumn;

using namespace doudi::test::import_rows;

// The head's row with values set in their columns.
ImportRow Row(std::int64_t line, std::initializer_list<std::pair<C, std::string>> values) {
  ImportRow row = HeadRow(line);
  for (const auto& [column, value] : values) row[column] = value;
  return row;
}

// "column|code" of each problem, joined by ", ".
std::string Problems(const CheckedImportRow& checked) {
  std::string out;
  for (const auto& p : checked.problems) out += (out.empty() ? "" : ", ") + p.column + "|" + p.code;
  return out;
}

std::string ProblemsWith(C column, std::string value) {
  return Problems(CheckImportRow(Row(2, {{column, std::move(value)}}), kToday));
}

std::string Codes(const ValidationIssues& issues) {
  std::string out;
  for (const auto& i : issues) out += (out.empty() ? "" : ", ") + i.field + "|" + i.code;
  return out;
}

Household ValidHousehold() {
  Household h;
  h.regionCode = "331022101205";
  h.address = "珠岙镇大岙村2组17号";
  Person head;
  head.idNumber = kHeadId;
  head.name = "金德才";
  head.relation = Relation::Head;
  h.members.push_back(head);
  return h;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(field_limits)

BOOST_AUTO_TEST_CASE(text_with_control_or_invisible_characters_is_refused) {
  const auto fault = [](std::string_view text) {
    const auto problem = CheckStorableText(text, 50, TextKind::Name);
    return problem ? std::string(ReasonCode(problem->fault)) + " " + CodePointLabel(problem->codePoint) : "ok";
  };
  BOOST_TEST(fault("金\x1b[31m德才") == "control_character U+001B");
  BOOST_TEST(fault("金德\r\n才") == "control_character U+000D");
  BOOST_TEST(fault(std::string("金\0才", 5)) == "control_character U+0000");
  BOOST_TEST(fault("a\x7f") == "control_character U+007F");
  BOOST_TEST(fault("a\u0085") == "control_character U+0085");
  BOOST_TEST(fault("\u202e才德金") == "invisible_character U+202E");
  BOOST_TEST(fault("金\u200b德才") == "invisible_character U+200B");
  BOOST_TEST(fault("\ufeffS-0001") == "invisible_character U+FEFF");
  BOOST_TEST(fault("\u2066金\u2069") == "invisible_character U+2066");
  BOOST_TEST(fault("\u200b\u200b") == "invisible_character U+200B");
  BOOST_TEST(fault("\u3000\u3000") == "blank U+0000");
  BOOST_TEST(fault("  ") == "blank U+0000");
  BOOST_TEST(fault("张\u3000三") == "non_ascii_space U+3000");
  BOOST_TEST(fault("\xC0\xAF") == "invalid_encoding U+0000");
  // Outside names a full-width space is ordinary text, and free text (an
  // address pasted from a table) may hold a TAB; a reference may not.
  BOOST_TEST(!CheckStorableText("张\u3000三", 50));
  BOOST_TEST(!CheckStorableText("大岙村\t2组", 50, TextKind::FreeText));
  BOOST_TEST((CheckStorableText("S-\t1", 50, TextKind::Line)->fault == TextFault::ControlCharacter));
  BOOST_TEST((CheckStorableText("大岙村\n2组", 50, TextKind::FreeText)->fault == TextFault::ControlCharacter));
  BOOST_TEST((CheckStorableText("\t\t", 50, TextKind::FreeText)->fault == TextFault::Blank));
}

BOOST_AUTO_TEST_CASE(names_of_every_cjk_block_and_with_the_middle_dot_are_accepted) {
  // Unified ideographs, extensions A to G (rare characters in names), the
  // compatibility ideographs, a Latin transliteration, the middle dot.
  for (const char* name : {"金德才", "\u3400\u4DB5", "\U00020000\U0002A6D6", "\U0002A700\U0002B734",
                           "\U0002B740\U0002B81D", "\U0002B820\U0002CEA1", "\U0002CEB0\U0002EBE0",
                           "\U00030000\U0003134A", "\uF900", "阿依古丽·买买提", "Mary Smith"}) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(!CheckStorableText(name, kMaxNameLength, TextKind::Name));
      BOOST_TEST(ProblemsWith(C::Name, name) == "");
    }
  }
  BOOST_TEST((CheckStorableText(std::string(51, 'a'), kMaxNameLength)->fault == TextFault::TooLong));
}

BOOST_AUTO_TEST_CASE(middle_dot_variants_become_the_middle_dot) {
  const std::string expected = "阿依古丽\u00B7买买提";
  for (const char* dot : {"\u30FB", "\u2022", "\u2027", "\uFF65", "\u00B7"}) {
    BOOST_TEST_CONTEXT(dot) {
      BOOST_TEST(NormalizeName(std::string("阿依古丽") + dot + "买买提") == expected);
      const auto checked = CheckImportRow(Row(2, {{C::Name, std::string("阿依古丽") + dot + "买买提"}}), kToday);
      BOOST_TEST(checked.problems.empty());
      BOOST_TEST(checked.normalized[C::Name] == expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(import_names_the_field_of_bad_text) {
  BOOST_TEST(ProblemsWith(C::Name, "\x1b]0;pwned\x07") == "name|name.control_character");
  BOOST_TEST(ProblemsWith(C::Name, "\u202e才德金") == "name|name.invisible_character");
  BOOST_TEST(ProblemsWith(C::Name, "\u200b") == "name|name.invisible_character");
  BOOST_TEST(ProblemsWith(C::Name, "\u3000\u3000") == "name|name.blank");
  BOOST_TEST(ProblemsWith(C::Name, "金德\n才") == "name|name.control_character");
  BOOST_TEST(ProblemsWith(C::HouseholdRef, "S-\ufeff0001") == "household_ref|household_ref.invisible_character");
  BOOST_TEST(ProblemsWith(C::Address, "大岙村\r2组") == "address|address.control_character");
  BOOST_TEST(ProblemsWith(C::BankName, "农商\u202e银行") == "bank_name|bank_name.invisible_character");
  // A message names the character by its code point.
  const auto checked = CheckImportRow(Row(7, {{C::Name, "金\x1b德才"}}), kToday);
  BOOST_REQUIRE(checked.problems.size() == 1U);
  BOOST_TEST(checked.problems[0].line == 7);
  BOOST_TEST(checked.problems[0].message.find("U+001B") != std::string::npos);
  BOOST_TEST(checked.problems[0].args == std::vector<std::string>{"U+001B"});
}

BOOST_AUTO_TEST_CASE(nul_and_overlong_values_are_refused_and_never_passed_on) {
  const auto nul = CheckImportRow(Row(3, {{C::HouseholdRef, std::string("S-\0"
                                                                        "01",
                                                                        5)}}),
                                  kToday);
  BOOST_TEST(Problems(nul) == "household_ref|household_ref.control_character");
  BOOST_TEST(nul.normalized[C::HouseholdRef].find('\0') == std::string::npos);

  const auto longRef = CheckImportRow(Row(4, {{C::HouseholdRef, std::string(5000, 'R')}}), kToday);
  BOOST_TEST(Problems(longRef) == "household_ref|household_ref.too_long");
  BOOST_TEST(longRef.normalized[C::HouseholdRef].size() == kMaxHouseholdRefLength);
  BOOST_TEST(longRef.problems[0].args == std::vector<std::string>{"64"});

  const auto address = CheckImportRow(Row(5, {{C::Address, std::string(10U << 20U, 'a')}}), kToday);
  BOOST_TEST(Problems(address) == "address|address.too_long");
  BOOST_TEST(address.normalized[C::Address].size() == kMaxAddressLength);

  BOOST_TEST(ProblemsWith(C::Address, std::string(kMaxAddressLength, 'a')) == "");
  std::string chinese;
  for (std::size_t i = 0; i < kMaxAddressLength; ++i) chinese += "村";
  BOOST_TEST(ProblemsWith(C::Address, chinese) == "");
  BOOST_TEST(ProblemsWith(C::Address, chinese + "村") == "address|address.too_long");
  BOOST_TEST(ProblemsWith(C::BankName, std::string(kMaxBankNameLength + 1, 'b')) == "bank_name|bank_name.too_long");
  BOOST_TEST(ProblemsWith(C::Illness, std::string(kMaxIllnessLength + 1, 'i')) == "illness|illness.too_long");
  BOOST_TEST(ProblemsWith(C::Illness, std::string(kMaxIllnessesLength + 1, 'i')) == "illness|illness.too_long");
}

BOOST_AUTO_TEST_CASE(incomes_are_bounded_at_the_field) {
  BOOST_TEST(ProblemsWith(C::MonthlyIncome, "92233720368547758.07") == "monthly_income|monthly_income.too_large");
  BOOST_TEST(ProblemsWith(C::MonthlyIncome, "10000000.01") == "monthly_income|monthly_income.too_large");
  BOOST_TEST(ProblemsWith(C::MonthlyIncome, "10000000.00") == "");
  BOOST_TEST(CheckImportRow(Row(2, {{C::MonthlyIncome, "10000000"}}), kToday).monthlyIncomeFen == 1'000'000'000);
}

BOOST_AUTO_TEST_CASE(validation_bounds_money_so_sums_cannot_overflow) {
  auto h = ValidHousehold();
  h.incomes.push_back(
      {std::nullopt, IncomeKind::Wage, Money::FromFen(std::numeric_limits<std::int64_t>::max()), "", ""});
  h.incomes.push_back({std::nullopt, IncomeKind::Wage, Money::FromFen(1), "", ""});
  BOOST_TEST(Codes(Validate(h, kToday)) == "incomes[0].monthly|monthly.too_large");
  h.incomes[0].monthly = kMaxMonthlyIncome + Money::FromFen(1);
  BOOST_TEST(Codes(Validate(h, kToday)) == "incomes[0].monthly|monthly.too_large");
  h.incomes[0].monthly = kMaxMonthlyIncome;
  BOOST_TEST(Validate(h, kToday).empty());

  h.assets.push_back({std::nullopt, AssetKind::Deposit, "", kMaxAssetValue + Money::FromFen(1)});
  BOOST_TEST(Codes(Validate(h, kToday)) == "assets[0].value|value.too_large");
  h.assets[0].value = kMaxAssetValue;
  BOOST_TEST(Validate(h, kToday).empty());

  // The largest household validation lets through sums without overflow.
  auto largest = ValidHousehold();
  largest.incomes.assign(kMaxIncomeItems, {std::nullopt, IncomeKind::Wage, kMaxMonthlyIncome, "", ""});
  largest.assets.assign(kMaxAssets, {std::nullopt, AssetKind::Deposit, "", kMaxAssetValue});
  BOOST_TEST(Validate(largest, kToday).empty());
  BOOST_TEST((largest.TotalMonthlyIncome() == kMaxMonthlyIncome * static_cast<std::int64_t>(kMaxIncomeItems)));
  BOOST_TEST((largest.TotalMonthlyIncome() * 12 > Money()));
  Money assets;
  for (const auto& a : largest.assets) assets += a.value;
  BOOST_TEST((assets * 12 > Money()));
  largest.incomes.push_back(largest.incomes.back());
  largest.assets.push_back(largest.assets.back());
  BOOST_TEST(Codes(Validate(largest, kToday)) == "incomes|incomes.too_many, assets|assets.too_many");
}

BOOST_AUTO_TEST_CASE(validation_names_the_field_of_bad_text) {
  auto h = ValidHousehold();
  h.members[0].name = "金\x1b[2J德才";
  h.address = std::string(kMaxAddressLength + 1, 'a');
  h.bankName = "银行\u202e";
  h.members[0].illnesses = {"高血压\n"};
  BOOST_TEST(Codes(Validate(h, kToday)) ==
             "address|address.too_long, bank_name|bank_name.invisible_character, "
             "members[0].name|name.control_character, members[0].illnesses|illnesses.control_character");
  h = ValidHousehold();
  h.members[0].name = "\u3000\u3000";
  BOOST_TEST(Codes(Validate(h, kToday)) == "members[0].name|name.blank");
  h.members[0].name = "阿依古丽·买买提";
  BOOST_TEST(Validate(h, kToday).empty());
}

BOOST_AUTO_TEST_CASE(full_width_digits_in_an_id_are_named_or_normalised) {
  auto h = ValidHousehold();
  h.members[0].idNumber = "３３１０２２１９５８０３１１９７１７";
  BOOST_TEST(Codes(Validate(h, kToday)) == "members[0].id_number|id_number.full_width_digits");
  // The import reads them as the digits they are; the checksum still applies.
  const auto checked = CheckImportRow(Row(2, {{C::IdNumber, "３３１０２２１９５８０３１１９７１７"}}), kToday);
  BOOST_TEST(checked.problems.empty());
  BOOST_TEST(checked.normalized[C::IdNumber] == kHeadId);
  BOOST_TEST(ProblemsWith(C::IdNumber, "３５０５８２１９４４１２２４０６０ｘ") == "");
  BOOST_TEST(ProblemsWith(C::IdNumber, "３３１０２２１９５８０３１１９７１８") ==
             "id_number|id_number.checksum_mismatch");
  BOOST_TEST(HalfWidthDigits("０１２３４５６７８９Ｘｘ") == "0123456789Xx");
  BOOST_TEST(ContainsFullWidthDigit("１"));
  BOOST_TEST(!ContainsFullWidthDigit("1ｘ"));
}

BOOST_AUTO_TEST_CASE(relations_as_village_lists_write_them) {
  struct Case {
    const char* written;
    Relation relation;
    const char* term;
  };
  for (const auto& c :
       std::initializer_list<Case>{{"子", Relation::Child, "子"},
                                   {"女儿", Relation::Child, "女儿"},
                                   {"女", Relation::Child, "女"},
                                   {"长子", Relation::Child, "长子"},
                                   {"20", Relation::Child, "子"},
                                   {"３０", Relation::Child, "女"},
                                   {"02", Relation::Head, "户主"},
                                   {"2", Relation::Head, "户主"},
                                   {"本人", Relation::Head, "本人"},
                                   {"户主", Relation::Head, "户主"},
                                   {"head", Relation::Head, ""},
                                   {"Child", Relation::Child, ""},
                                   {"妻", Relation::Spouse, "妻"},
                                   {"老伴", Relation::Spouse, "老伴"},
                                   {"丈夫", Relation::Spouse, "丈夫"},
                                   {"爱人", Relation::Spouse, "爱人"},
                                   {"孙儿", Relation::Grandchild, "孙儿"},
                                   {"外孙", Relation::Grandchild, "外孙"},
                                   {"爷爷", Relation::Grandparent, "爷爷"},
                                   {"奶奶", Relation::Grandparent, "奶奶"},
                                   {"爸爸", Relation::Parent, "爸爸"},
                                   {"妈妈", Relation::Parent, "妈妈"},
                                   {"哥哥", Relation::Sibling, "哥哥"},
                                   {"儿媳", Relation::Other, "儿媳"},
                                   {"女婿", Relation::Other, "女婿"},
                                   {"99", Relation::Other, "非亲属"},
                                   {"孙子、孙女或外孙子、外孙女", Relation::Grandchild, "孙子、孙女或外孙子、外孙女"},
                                   {"子女", Relation::Child, "子女"},
                                   {" 配偶 ", Relation::Spouse, "配偶"}}) {
    BOOST_TEST_CONTEXT(c.written) {
      const auto reading = ReadRelation(c.written);
      BOOST_REQUIRE(reading);
      BOOST_TEST(static_cast<int>(reading->relation) == static_cast<int>(c.relation));
      BOOST_TEST(reading->term == c.term);
    }
  }
  for (const char* unknown : {"表兄", "98", "00", "3", "儿子们", ""}) {
    BOOST_TEST_CONTEXT(unknown) {
      BOOST_TEST(!ReadRelation(unknown));
    }
  }
  const auto checked = CheckImportRow(Row(3, {{C::Relation, "女儿"}, {C::IdNumber, kSpouseId}}), kToday);
  BOOST_TEST(checked.problems.empty());
  BOOST_TEST(checked.normalized[C::Relation] == "child");
  BOOST_TEST(checked.relationTerm == "女儿");
}

BOOST_AUTO_TEST_CASE(a_relation_term_must_agree_with_the_relation) {
  auto h = ValidHousehold();
  h.members[0].relationTerm = "本人";
  BOOST_TEST(Validate(h, kToday).empty());
  h.members[0].relationTerm = "女儿";
  BOOST_TEST(Codes(Validate(h, kToday)) == "members[0].relation_term|relation_term.mismatch");
}

BOOST_AUTO_TEST_CASE(coded_columns_accept_national_names_and_common_spellings) {
  BOOST_TEST((ParseDisabilityCategory("肢体残疾") == DisabilityCategory::Physical));
  BOOST_TEST((ParseDisabilityCategory("4") == DisabilityCategory::Physical));
  BOOST_TEST((ParseDisabilityCategory("７") == DisabilityCategory::Multiple));
  BOOST_TEST((ParseDisabilityCategory("精神") == DisabilityCategory::Mental));
  BOOST_TEST((!ParseDisabilityCategory("8")));
  BOOST_TEST((ParseDisabilityGrade("一级") == 1));
  BOOST_TEST((ParseDisabilityGrade("4级") == 4));
  BOOST_TEST((!ParseDisabilityGrade("五级")));
  BOOST_TEST((ParseSchooling("中专") == Schooling::Vocational));
  BOOST_TEST((ParseSchooling("幼儿园") == Schooling::Preschool));
  BOOST_TEST((ParseSchooling("大学") == Schooling::Higher));
  BOOST_TEST((ParseEmployment("务工") == Employment::Employed));
  BOOST_TEST((ParseEmployment("个体户") == Employment::SelfEmployed));
  BOOST_TEST((ParseHousingCondition("C级危房") == HousingCondition::Dilapidated));
  BOOST_TEST((ParseHousingCondition("租住") == HousingCondition::Rented));
  BOOST_TEST((ParseWorkAbility("丧失劳动能力") == WorkAbility::None));
  BOOST_TEST((ParseRegistryStatus("五保户") == RegistryStatus::Destitute));
  BOOST_TEST((ParseRegistryStatus("低保户") == RegistryStatus::Dibao));
  const auto checked = CheckImportRow(
      Row(2, {{C::DisabilityCategory, "4"}, {C::DisabilityGrade, "三级"}, {C::Schooling, "中专"}}), kToday);
  BOOST_TEST(checked.problems.empty());
  BOOST_TEST(checked.normalized[C::DisabilityCategory] == "physical");
  BOOST_TEST(checked.normalized[C::DisabilityGrade] == "3");
  BOOST_TEST(checked.normalized[C::Schooling] == "vocational");
}

BOOST_AUTO_TEST_CASE(problem_messages_travel_as_template_and_values) {
  const auto problem =
      MakeImportProblem(5, "relation", "relation.unknown", "'{1}' is not a relation to the head", {"表兄"});
  BOOST_TEST(problem.message == "'表兄' is not a relation to the head");
  const auto decoded = DecodeImportMessage(5, "relation", "relation.unknown", EncodeImportMessage(problem));
  BOOST_TEST((decoded == problem));
  const auto plain = DecodeImportMessage(1, "c", "c.x", "no values here");
  BOOST_TEST(plain.message == "no values here");
  BOOST_TEST(plain.args.empty());
}

BOOST_AUTO_TEST_SUITE_END()
