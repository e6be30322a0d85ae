#include "doudi/model/import_template.h"

#include "import_rows.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace doudi::model;
using namespace std::chrono;

namespace {

using C = ImportColumn;

using namespace doudi::test::import_rows;

using Strings = std::vector<std::string>;

// The code of the column a header names, "(none)" for an unknown header.
std::string Column(std::string_view header) {
  const auto column = ParseImportColumn(header);
  return column ? std::string(ColumnInfo(*column).code) : "(none)";
}

// The expected problems joined as Problems joins them, so that a failure
// prints both lists whole.
std::string Expected(const Strings& problems) {
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// "line|column|code" of each problem in the order reported, joined by ", ".
std::string Problems(const CheckedImportRow& checked) {
  Strings out;
  for (const auto& p : checked.problems) out.push_back(std::to_string(p.line) + "|" + p.column + "|" + p.code);
  return Expected(out);
}

// The problems of row with value set in column.
std::string ProblemsWith(ImportRow row, C column, std::string value) {
  row[column] = std::move(value);
  return Problems(CheckImportRow(row, kToday));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_template)

// --- the columns -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(columns_are_listed_in_template_order) {
  const auto columns = ImportColumns();
  BOOST_TEST_REQUIRE(columns.size() == kImportColumnCount);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    BOOST_TEST(static_cast<std::size_t>(columns[i].column) == i);
    BOOST_TEST(&ColumnInfo(columns[i].column) == &columns[i]);
  }
  BOOST_TEST(columns.front().code == "household_ref");
  BOOST_TEST(columns.front().chinese == "户编号");
  BOOST_TEST(columns.back().code == "work_ability");
  BOOST_TEST(columns.back().chinese == "劳动能力");
}

BOOST_AUTO_TEST_CASE(required_and_household_level_columns) {
  Strings required, householdLevel;
  for (const auto& info : ImportColumns()) {
    if (info.required) required.emplace_back(info.code);
    if (info.householdLevel) householdLevel.emplace_back(info.code);
  }
  BOOST_TEST(Expected(required) ==
             Expected({"household_ref", "region_code", "address", "name", "id_number", "relation", "monthly_income"}));
  BOOST_TEST(Expected(householdLevel) ==
             Expected({"region_code", "address", "phone", "registry_status", "housing", "bank_name", "bank_account"}));
}

BOOST_AUTO_TEST_CASE(every_column_parses_from_its_english_and_chinese_header) {
  for (const auto& info : ImportColumns()) {
    BOOST_TEST_CONTEXT(info.code) {
      BOOST_TEST(Column(info.code) == info.code);
      BOOST_TEST(Column(info.chinese) == info.code);
    }
  }
}

BOOST_AUTO_TEST_CASE(english_headers_ignore_ascii_case_and_surrounding_spaces) {
  BOOST_TEST(Column("HOUSEHOLD_REF") == "household_ref");
  BOOST_TEST(Column("Id_Number") == "id_number");
  BOOST_TEST(Column("  monthly_income\t") == "monthly_income");
  BOOST_TEST(Column(" 姓名 ") == "name");
  BOOST_TEST(Column("\r身份证号") == "id_number");
}

BOOST_AUTO_TEST_CASE(unknown_headers_are_nullopt) {
  BOOST_TEST(Column("") == "(none)");
  BOOST_TEST(Column("   ") == "(none)");
  BOOST_TEST(Column("household") == "(none)");
  BOOST_TEST(Column("household ref") == "(none)");
  BOOST_TEST(Column("身份证") == "(none)");
  BOOST_TEST(Column("error_line") == "(none)");  // the reader, not the template, skips these
  // Only ASCII space is trimmed: a full-width space (U+3000) is part of the name.
  BOOST_TEST(Column("\xE3\x80\x80姓名") == "(none)");
}

// --- a good row and its normalisation ----------------------------------------

BOOST_AUTO_TEST_CASE(a_good_head_row_has_no_problems) {
  const auto checked = CheckImportRow(HeadRow(), kToday);
  BOOST_TEST(Problems(checked) == "");
  BOOST_TEST(checked.normalized.line == 2);
  BOOST_TEST(checked.normalized[C::HouseholdRef] == "S-0001");
  BOOST_TEST(checked.normalized[C::RegionCode] == "331022101205");
  BOOST_TEST(checked.normalized[C::Name] == "金德才");
  BOOST_TEST(checked.normalized[C::IdNumber] == kHeadId);
  BOOST_TEST(checked.normalized[C::Relation] == "head");
  BOOST_TEST(checked.monthlyIncomeFen == 65000);
}

BOOST_AUTO_TEST_CASE(a_good_member_row_has_no_problems) {
  const auto checked = CheckImportRow(MemberRow(), kToday);
  BOOST_TEST(Problems(checked) == "");
  BOOST_TEST(checked.normalized[C::Relation] == "spouse");
  BOOST_TEST(checked.monthlyIncomeFen == 0);
}

BOOST_AUTO_TEST_CASE(values_are_trimmed_of_ascii_white_space) {
  auto row = HeadRow();
  row[C::HouseholdRef] = "  S-0001\t";
  row[C::Name] = " 金德才 ";
  row[C::Address] = "\t珠岙镇大岙村 2 组 ";
  row[C::Phone] = " 13867012345\r";
  row[C::BankName] = "  三门农商银行 ";
  row[C::MonthlyIncome] = " 650.5 ";
  const auto checked = CheckImportRow(row, kToday);
  BOOST_TEST(Problems(checked) == "");
  BOOST_TEST(checked.normalized[C::HouseholdRef] == "S-0001");
  BOOST_TEST(checked.normalized[C::Name] == "金德才");
  BOOST_TEST(checked.normalized[C::Address] == "珠岙镇大岙村 2 组");  // inner spaces kept
  BOOST_TEST(checked.normalized[C::Phone] == "13867012345");
  BOOST_TEST(checked.normalized[C::BankName] == "三门农商银行");
  BOOST_TEST(checked.normalized[C::MonthlyIncome] == "650.5");
  BOOST_TEST(checked.monthlyIncomeFen == 65050);
}

BOOST_AUTO_TEST_CASE(id_with_lowercase_x_is_stored_with_uppercase_x) {
  auto row = HeadRow();
  row[C::IdNumber] = " 35058219441224060x ";
  const auto checked = CheckImportRow(row, kToday);
  BOOST_TEST(Problems(checked) == "");
  BOOST_TEST(checked.normalized[C::IdNumber] == kIdEndingInX);
}

BOOST_AUTO_TEST_CASE(chinese_enumeration_values_become_english_codes) {
  auto row = HeadRow();
  row[C::RegistryStatus] = "低保边缘";
  row[C::Housing] = "危房";
  row[C::DisabilityCategory] = "肢体";
  row[C::DisabilityGrade] = "3";
  row[C::Schooling] = "初中";
  row[C::Employment] = "在校学生";
  row[C::WorkAbility] = "部分劳动能力";
  const auto checked = CheckImportRow(row, kToday);
  BOOST_TEST(Problems(checked) == "");
  BOOST_TEST(checked.normalized[C::Relation] == "head");
  BOOST_TEST(checked.normalized[C::RegistryStatus] == "near_dibao");
  BOOST_TEST(checked.normalized[C::Housing] == "dilapidated");
  BOOST_TEST(checked.normalized[C::DisabilityCategory] == "physical");
  BOOST_TEST(checked.normalized[C::DisabilityGrade] == "3");
  BOOST_TEST(checked.normalized[C::Schooling] == "junior_secondary");
  BOOST_TEST(checked.normalized[C::Employment] == "student");
  BOOST_TEST(checked.normalized[C::WorkAbility] == "partial");

  auto member = MemberRow();
  member[C::Relation] = "孙子女";
  BOOST_TEST(CheckImportRow(member, kToday).normalized[C::Relation] == "grandchild");
}

BOOST_AUTO_TEST_CASE(english_enumeration_values_ignore_case_and_spaces) {
  auto row = HeadRow();
  row[C::Relation] = " HEAD ";
  row[C::RegistryStatus] = "Near_Dibao";
  row[C::Housing] = "RENTED";
  row[C::Employment] = "Self_Employed ";
  row[C::WorkAbility] = "None";
  const auto checked = CheckImportRow(row, kToday);
  BOOST_TEST(Problems(checked) == "");
  BOOST_TEST(checked.normalized[C::Relation] == "head");
  BOOST_TEST(checked.normalized[C::RegistryStatus] == "near_dibao");
  BOOST_TEST(checked.normalized[C::Housing] == "rented");
  BOOST_TEST(checked.normalized[C::Employment] == "self_employed");
  BOOST_TEST(checked.normalized[C::WorkAbility] == "none");
}

BOOST_AUTO_TEST_CASE(empty_person_enumerations_take_the_model_defaults_on_every_row) {
  for (const auto& row : {HeadRow(), MemberRow()}) {
    const auto checked = CheckImportRow(row, kToday);
    BOOST_TEST_CONTEXT("line " << row.line) {
      BOOST_TEST(Problems(checked) == "");
      BOOST_TEST(checked.normalized[C::DisabilityCategory] == "none");
      BOOST_TEST(checked.normalized[C::DisabilityGrade] == "");
      BOOST_TEST(checked.normalized[C::Schooling] == "none");
      BOOST_TEST(checked.normalized[C::Employment] == "none");
      BOOST_TEST(checked.normalized[C::WorkAbility] == "full");
      BOOST_TEST(checked.normalized[C::Illness] == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_household_enumerations_take_defaults_on_the_heads_row_only) {
  const auto head = CheckImportRow(HeadRow(), kToday);
  BOOST_TEST(head.normalized[C::RegistryStatus] == "none");
  BOOST_TEST(head.normalized[C::Housing] == "owned");
  // Empty on a member's row means "as on the head's row", so it stays empty.
  const auto member = CheckImportRow(MemberRow(), kToday);
  BOOST_TEST(member.normalized[C::RegistryStatus] == "");
  BOOST_TEST(member.normalized[C::Housing] == "");
  // A member's row that repeats the head's value is normalised the same way.
  auto repeating = MemberRow();
  repeating[C::RegistryStatus] = "低保";
  repeating[C::Housing] = "自有住房";
  const auto normalized = CheckImportRow(repeating, kToday).normalized;
  BOOST_TEST(normalized[C::RegistryStatus] == "dibao");
  BOOST_TEST(normalized[C::Housing] == "owned");
}

BOOST_AUTO_TEST_CASE(illnesses_are_joined_by_ascii_semicolons) {
  const auto illness = [](std::string text) {
    auto row = MemberRow();
    row[C::Illness] = std::move(text);
    const auto checked = CheckImportRow(row, kToday);
    BOOST_TEST(checked.problems.empty());
    return checked.normalized[C::Illness];
  };
  BOOST_TEST(illness("类风湿关节炎；糖尿病") == "类风湿关节炎;糖尿病");
  BOOST_TEST(illness("高血压;糖尿病") == "高血压;糖尿病");
  BOOST_TEST(illness(" 高血压 ； 糖尿病 ;; 冠心病；") == "高血压;糖尿病;冠心病");
  BOOST_TEST(illness("；;；") == "");
  BOOST_TEST(illness("慢性支气管炎") == "慢性支气管炎");
  BOOST_TEST(illness("") == "");
}

BOOST_AUTO_TEST_CASE(income_is_parsed_to_fen) {
  const auto fen = [](std::string text) {
    auto row = HeadRow();
    row[C::MonthlyIncome] = std::move(text);
    const auto checked = CheckImportRow(row, kToday);
    BOOST_TEST(checked.problems.empty());
    return checked.monthlyIncomeFen;
  };
  BOOST_TEST(fen("1800") == 180000);
  BOOST_TEST(fen("1800.5") == 180050);
  BOOST_TEST(fen("1800.05") == 180005);
  BOOST_TEST(fen("0.01") == 1);
  BOOST_TEST(fen("0.00") == 0);
  BOOST_TEST(fen("+3") == 300);
  BOOST_TEST(fen("") == 0);  // no income declared
}

BOOST_AUTO_TEST_CASE(read_problems_are_reported_first_with_the_rows_own) {
  auto row = HeadRow(9);
  row.readProblems.push_back(
      MakeImportProblem(9, "household_ref", "row.field_count", "the row has {1} fields, the header {2}", {"17", "18"}));
  row[C::Name] = "";
  const auto checked = CheckImportRow(row, kToday);
  BOOST_TEST(Problems(checked) == Expected({"9|household_ref|row.field_count", "9|name|name.missing"}));
  BOOST_TEST(checked.problems.front().message == "the row has 17 fields, the header 18");
}

// --- problems, each with its line and column ----------------------------------

BOOST_AUTO_TEST_CASE(household_ref_name_and_relation_missing) {
  BOOST_TEST(ProblemsWith(HeadRow(4), C::HouseholdRef, " ") == Expected({"4|household_ref|household_ref.missing"}));
  BOOST_TEST(ProblemsWith(MemberRow(5), C::Name, "") == Expected({"5|name|name.missing"}));
  BOOST_TEST(ProblemsWith(MemberRow(6), C::Relation, "") == Expected({"6|relation|relation.missing"}));
}

BOOST_AUTO_TEST_CASE(name_of_at_most_fifty_characters) {
  std::string fifty, fiftyOne;
  for (int i = 0; i < 50; ++i) fifty += "张";
  fiftyOne = fifty + "三";
  BOOST_TEST(ProblemsWith(MemberRow(), C::Name, fifty) == "");
  BOOST_TEST(ProblemsWith(MemberRow(7), C::Name, fiftyOne) == Expected({"7|name|name.too_long"}));
  BOOST_TEST(ProblemsWith(MemberRow(7), C::Name, std::string(51, 'a')) == Expected({"7|name|name.too_long"}));
}

BOOST_AUTO_TEST_CASE(relation_not_in_the_list_is_unknown) {
  auto row = MemberRow(8);
  row[C::Relation] = "表兄";
  const auto checked = CheckImportRow(row, kToday);
  BOOST_TEST(Problems(checked) == Expected({"8|relation|relation.unknown"}));
  BOOST_TEST(checked.problems.front().message.find("表兄") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(id_number_problems_by_reason) {
  const auto id = [](std::string value) { return ProblemsWith(MemberRow(10), C::IdNumber, std::move(value)); };
  BOOST_TEST(id("") == Expected({"10|id_number|id_number.missing"}));
  BOOST_TEST(id("   ") == Expected({"10|id_number|id_number.missing"}));
  BOOST_TEST(id("33102219600902050") == Expected({"10|id_number|id_number.wrong_length"}));
  BOOST_TEST(id("331022196009020503X") == Expected({"10|id_number|id_number.wrong_length"}));
  BOOST_TEST(id("350582195208120A15") == Expected({"10|id_number|id_number.invalid_character"}));
  BOOST_TEST(id("331022199902310240") == Expected({"10|id_number|id_number.invalid_birth_date"}));
  BOOST_TEST(id(kBornTomorrow) == Expected({"10|id_number|id_number.birth_date_in_future"}));
  BOOST_TEST(id(kBornToday) == "");
  BOOST_TEST(id("331022196009020504") == Expected({"10|id_number|id_number.checksum_mismatch"}));
}

BOOST_AUTO_TEST_CASE(id_problem_keeps_the_id_as_written_trimmed) {
  auto row = MemberRow();
  row[C::IdNumber] = " 33102219600902050x ";
  const auto checked = CheckImportRow(row, kToday);
  BOOST_TEST(Problems(checked) == Expected({"3|id_number|id_number.checksum_mismatch"}));
  BOOST_TEST(checked.normalized[C::IdNumber] == "33102219600902050x");
  BOOST_TEST(!checked.problems.front().message.empty());
}

BOOST_AUTO_TEST_CASE(income_malformed_or_negative) {
  for (const char* text : {"12.345", "1,800", "¥1800", "abc", "1800元", ".5", "5.", "1e3"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(ProblemsWith(HeadRow(11), C::MonthlyIncome, text) ==
                 Expected({"11|monthly_income|monthly_income.malformed"}));
    }
  }
  auto row = HeadRow(12);
  row[C::MonthlyIncome] = "-100.00";
  const auto checked = CheckImportRow(row, kToday);
  BOOST_TEST(Problems(checked) == Expected({"12|monthly_income|monthly_income.negative"}));
  BOOST_TEST(checked.monthlyIncomeFen == 0);
}

BOOST_AUTO_TEST_CASE(region_code_and_address_are_required_on_the_heads_row_only) {
  auto head = HeadRow(13);
  head[C::RegionCode] = "";
  head[C::Address] = " ";
  BOOST_TEST(Problems(CheckImportRow(head, kToday)) ==
             Expected({"13|region_code|region_code.missing", "13|address|address.missing"}));
  // The same row marked as a spouse needs neither.
  head[C::Relation] = "spouse";
  BOOST_TEST(Problems(CheckImportRow(head, kToday)) == "");
  // With an unknown relation the row is not the head's, so only the relation is wrong.
  head[C::Relation] = "户 主";
  BOOST_TEST(Problems(CheckImportRow(head, kToday)) == Expected({"13|relation|relation.unknown"}));
}

BOOST_AUTO_TEST_CASE(region_code_malformed_or_not_a_village_on_any_row) {
  for (const char* code : {"33102200100", "3310220010a1", "3310221012050", "000000000000", "331022000205"}) {
    BOOST_TEST_CONTEXT(code) {
      BOOST_TEST(ProblemsWith(HeadRow(14), C::RegionCode, code) == Expected({"14|region_code|region_code.malformed"}));
      BOOST_TEST(ProblemsWith(MemberRow(15), C::RegionCode, code) ==
                 Expected({"15|region_code|region_code.malformed"}));
    }
  }
  for (const char* code : {"331022101000", "331022000000", "331000000000", "330000000000"}) {
    BOOST_TEST_CONTEXT(code) {
      BOOST_TEST(ProblemsWith(HeadRow(16), C::RegionCode, code) ==
                 Expected({"16|region_code|region_code.not_village"}));
    }
  }
  BOOST_TEST(ProblemsWith(MemberRow(), C::RegionCode, "331022101205") == "");
}

BOOST_AUTO_TEST_CASE(phone_must_be_well_formed_when_given) {
  for (const char* phone : {"13867012345", "0571-87654321", "+86-13800138000", "12345"}) {
    BOOST_TEST_CONTEXT(phone) {
      BOOST_TEST(ProblemsWith(HeadRow(), C::Phone, phone) == "");
    }
  }
  for (const char* phone :
       {"1234", "138 6701 2345", "0571--87654321", "13867012345-", "电话13867012345", "123456789012345678901"}) {
    BOOST_TEST_CONTEXT(phone) {
      BOOST_TEST(ProblemsWith(MemberRow(17), C::Phone, phone) == Expected({"17|phone|phone.malformed"}));
    }
  }
}

BOOST_AUTO_TEST_CASE(bank_account_must_be_10_to_30_digits_when_given) {
  BOOST_TEST(ProblemsWith(HeadRow(), C::BankAccount, "6217900112233445566") == "");
  BOOST_TEST(ProblemsWith(HeadRow(), C::BankAccount, "1234567890") == "");
  BOOST_TEST(ProblemsWith(HeadRow(), C::BankAccount, std::string(30, '9')) == "");
  for (const std::string& account : {std::string("123456789"), std::string(31, '9'), std::string("6217 9001 1223 3445"),
                                     std::string("6.22E+18"), std::string("6217-9001-1223")}) {
    BOOST_TEST_CONTEXT(account) {
      BOOST_TEST(ProblemsWith(HeadRow(18), C::BankAccount, account) ==
                 Expected({"18|bank_account|bank_account.malformed"}));
    }
  }
}

BOOST_AUTO_TEST_CASE(enumerations_outside_their_lists_are_unknown) {
  const std::vector<std::pair<C, std::string>> cases{{C::RegistryStatus, "registry_status"},
                                                     {C::Housing, "housing"},
                                                     {C::DisabilityCategory, "disability_category"},
                                                     {C::Schooling, "schooling"},
                                                     {C::Employment, "employment"},
                                                     {C::WorkAbility, "work_ability"}};
  for (const auto& [column, code] : cases) {
    BOOST_TEST_CONTEXT(code) {
      // On a member's row too: a household value given there must still be valid.
      auto row = MemberRow(19);
      row[column] = "不知道";
      const auto checked = CheckImportRow(row, kToday);
      Strings expected{"19|" + code + "|" + code + ".unknown"};
      // An unknown category still counts as a disability, which needs a grade.
      if (column == C::DisabilityCategory) expected.emplace_back("19|disability_grade|disability_grade.missing");
      BOOST_TEST(Problems(checked) == Expected(expected));
      BOOST_TEST(checked.normalized[column] == "不知道");  // kept as written for the report
    }
  }
}

BOOST_AUTO_TEST_CASE(disability_grade_goes_with_a_category) {
  const auto disability = [](std::string category, std::string grade) {
    auto row = MemberRow(20);
    row[C::DisabilityCategory] = std::move(category);
    row[C::DisabilityGrade] = std::move(grade);
    return Problems(CheckImportRow(row, kToday));
  };
  for (const char* grade : {"1", "2", "3", "4"}) {
    BOOST_TEST(disability("视力", grade) == "");
  }
  BOOST_TEST(disability("", "") == "");
  BOOST_TEST(disability("无", "") == "");
  BOOST_TEST(disability("多重", " 2 ") == "");
  BOOST_TEST(disability("肢体", "") == Expected({"20|disability_grade|disability_grade.missing"}));
  // Grades as the certificate and people write them (GB/T 26341: 一级 .. 四级).
  for (const char* grade : {"三", "一级", "3级", "四级"}) {
    BOOST_TEST_CONTEXT(grade) {
      BOOST_TEST(disability("physical", grade) == "");
    }
  }
  for (const char* grade : {"0", "5", "五级", "1.0", "12", "-1", "一级级"}) {
    BOOST_TEST_CONTEXT(grade) {
      BOOST_TEST(disability("physical", grade) == Expected({"20|disability_grade|disability_grade.malformed"}));
    }
  }
  BOOST_TEST(disability("", "2") == Expected({"20|disability_grade|disability_grade.unexpected"}));
  BOOST_TEST(disability("none", "2") == Expected({"20|disability_grade|disability_grade.unexpected"}));
  // An unknown category is reported once, not also as a grade without a category.
  BOOST_TEST(disability("聋哑", "2") == Expected({"20|disability_category|disability_category.unknown"}));
}

BOOST_AUTO_TEST_CASE(a_row_reports_every_problem_at_once) {
  auto row = HeadRow(21);
  row[C::HouseholdRef] = "";
  row[C::Name] = "";
  row[C::IdNumber] = "123";
  row[C::MonthlyIncome] = "many";
  row[C::RegionCode] = "";
  row[C::Address] = "";
  row[C::Phone] = "x";
  row[C::BankAccount] = "1";
  row[C::Housing] = "castle";
  row[C::DisabilityCategory] = "visual";
  row[C::WorkAbility] = "some";
  const auto checked = CheckImportRow(row, kToday);
  BOOST_TEST(Problems(checked) ==
             Expected({"21|household_ref|household_ref.missing", "21|name|name.missing",
                       "21|id_number|id_number.wrong_length", "21|monthly_income|monthly_income.malformed",
                       "21|region_code|region_code.missing", "21|address|address.missing", "21|phone|phone.malformed",
                       "21|bank_account|bank_account.malformed", "21|housing|housing.unknown",
                       "21|disability_grade|disability_grade.missing", "21|work_ability|work_ability.unknown"}));
  for (const auto& p : checked.problems) {
    BOOST_TEST_CONTEXT(p.code) {
      BOOST_TEST(!p.message.empty());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
