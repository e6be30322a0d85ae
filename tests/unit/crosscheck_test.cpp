// The cross-check reader (model/crosscheck.h): each kind's columns, every
// check of a cell, a row and the rows together, without files or a database.
#include "doudi/model/crosscheck.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "doudi/model/resident_id.h"
#include "doudi/model/sha256.h"

using namespace doudi::model;
using namespace std::chrono;

namespace {

constexpr year_month_day kToday{year{2026}, November, day{28}};
constexpr year_month_day kAsOf{year{2026}, November, day{15}};
// Valid IDs, check characters computed independently of the model.
constexpr const char* kId = "331022197304170891";
constexpr const char* kOtherId = "35058219790714228X";

using Cells = std::map<std::string, std::string>;

// A row of kind with the given cells by column code, at line.
FileRow Row(CrosscheckKind kind, const Cells& cells, std::int64_t line = 2) {
  const auto& spec = SpecOf(kind);
  FileRow row;
  row.line = line;
  row.values.resize(spec.columns.size());
  for (const auto& [code, value] : cells) {
    bool found = false;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      if (spec.columns[c].code == code) {
        row.values[c] = value;
        found = true;
      }
    }
    BOOST_REQUIRE_MESSAGE(found, "no column " << code);
  }
  return row;
}

// A row of each kind that passes every check.
Cells Good(CrosscheckKind kind) {
  Cells person{{"id_number", kId}, {"name", "叶建军"}};
  const std::map<CrosscheckKind, Cells> own{
      {CrosscheckKind::Medical,
       {{"settlement_id", "YB-1"}, {"visit_date", "2026-02-14"}, {"institution", "三门县人民医院"},
        {"total", "12000.00"}, {"reimbursed", "8400"}, {"self_paid", "3600.00"}}},
      {CrosscheckKind::Hukou,
       {{"event", "死亡"}, {"event_date", "2026-08-17"}, {"hukou_household", "0158"}, {"address", ""}}},
      {CrosscheckKind::Vehicle, {{"plate", "闽C7K2M5"}, {"vehicle_type", "小型汽车"}, {"registered_on", "2025-05-18"}}},
      {CrosscheckKind::Business,
       {{"credit_code", "92350582MA2Y3K4L54"}, {"business_name", "郭记鞋材加工店"}, {"business_type", "个体工商户"},
        {"status", "存续"}, {"registered_on", "2018-03-22"}, {"registered_capital", "50000"}}},
      {CrosscheckKind::Deposit,
       {{"institution", "三门农商银行"}, {"account_no", "6217900100012345678"}, {"account_kind", "存款"},
        {"balance", "168000.00"}, {"balance_date", "2026-11-15"}}},
      {CrosscheckKind::Property,
       {{"certificate_no", "浙(2019)三门县不动产权第0004567号"}, {"address", "广场路56号"}, {"use", "商业"},
        {"area_m2", "56.3"}, {"registered_on", "2019-11-20"}}},
      {CrosscheckKind::Insurance,
       {{"insurance_kind", "养老金领取"}, {"start_date", "2009-06-01"}, {"monthly", "235"}}},
      {CrosscheckKind::Schooling,
       {{"receipt_no", "ZJUT-1"}, {"stage", "高等教育"}, {"school", "浙江工业大学"}, {"amount", "5500"},
        {"paid_on", "2026-09-02"}}},
  };
  Cells cells = own.at(kind);
  cells.insert(person.begin(), person.end());
  return cells;
}

CrosscheckReading Read(CrosscheckKind kind, const std::vector<FileRow>& rows) {
  return ReadCrosscheckRows(kind, rows, kAsOf, kToday);
}

// "line|column|code" of every problem, joined by ", ".
std::string Problems(const CrosscheckReading& reading) {
  std::string out;
  for (const auto& p : reading.problems) {
    out += (out.empty() ? "" : ", ") + std::to_string(p.line) + "|" + p.column + "|" + p.code;
  }
  return out;
}

// The problems of kind's good row with one cell changed.
std::string With(CrosscheckKind kind, const std::string& column, const std::string& value) {
  Cells cells = Good(kind);
  cells[column] = value;
  return Problems(Read(kind, {Row(kind, cells)}));
}

CrosscheckRow Accepted(CrosscheckKind kind, const Cells& cells) {
  const auto reading = Read(kind, {Row(kind, cells)});
  BOOST_REQUIRE_MESSAGE(reading.problems.empty(), Problems(reading));
  BOOST_REQUIRE(reading.rows.size() == 1u);
  return reading.rows.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crosscheck_reader)

BOOST_AUTO_TEST_CASE(every_kind_has_its_person_columns_first_and_a_key) {
  BOOST_TEST(CrosscheckSpecs().size() == EnumTexts<CrosscheckKind>().size());
  for (const auto& spec : CrosscheckSpecs()) {
    BOOST_TEST_CONTEXT(ToCode(spec.kind)) {
      BOOST_TEST(&SpecOf(spec.kind) == &spec);
      BOOST_REQUIRE(spec.columns.size() > 3u);
      BOOST_TEST(spec.columns[0].code == "id_number");
      BOOST_TEST(spec.columns[1].code == "name");
      BOOST_TEST(spec.columns[2].code == "region_code");
      BOOST_TEST(!spec.columns[2].required);
      BOOST_TEST(!spec.rowKey.empty());
      int eventDates = 0;
      for (const auto& c : spec.columns) {
        if (c.target == CrosscheckTarget::EventDate) ++eventDates;
        BOOST_TEST((c.value == CrosscheckValue::Code) == !c.codes.empty());
      }
      BOOST_TEST(eventDates == 1);
      // The good row of each kind passes.
      Accepted(spec.kind, Good(spec.kind));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_medical_row_in_fen_with_its_key_and_detail) {
  const auto row = Accepted(CrosscheckKind::Medical, Good(CrosscheckKind::Medical));
  BOOST_TEST(row.line == 2);
  BOOST_TEST(row.rowKey == "YB-1");
  BOOST_TEST(row.idNumber == kId);
  BOOST_TEST(row.name == "叶建军");
  BOOST_TEST(row.regionCode.empty());
  BOOST_TEST((row.eventDate == year_month_day{year{2026}, February, day{14}}));
  BOOST_TEST(row.category.empty());
  BOOST_TEST(*row.amountFen == 1200000);
  BOOST_TEST(*row.coveredFen == 840000);
  BOOST_TEST(*row.selfPaidFen == 360000);
  BOOST_TEST(row.detailJson == R"({"institution":"三门县人民医院"})");
}

BOOST_AUTO_TEST_CASE(the_total_must_be_reimbursed_plus_self_paid) {
  BOOST_TEST(With(CrosscheckKind::Medical, "total", "12000.01") == "2|total|total.sum_mismatch");
  BOOST_TEST(With(CrosscheckKind::Medical, "self_paid", "3599.99") == "2|total|total.sum_mismatch");
  // A malformed part is reported for itself, not as a wrong sum.
  BOOST_TEST(With(CrosscheckKind::Medical, "reimbursed", "8,400") == "2|reimbursed|reimbursed.malformed");
}

BOOST_AUTO_TEST_CASE(amounts_are_yuan_with_two_decimals_not_negative_and_bounded) {
  const auto k = CrosscheckKind::Schooling;
  BOOST_TEST(With(k, "amount", "5500.5").empty());
  BOOST_TEST(With(k, "amount", "5500.555") == "2|amount|amount.malformed");
  BOOST_TEST(With(k, "amount", "¥5500") == "2|amount|amount.malformed");
  BOOST_TEST(With(k, "amount", "1e3") == "2|amount|amount.malformed");
  BOOST_TEST(With(k, "amount", "-0.01") == "2|amount|amount.negative");
  BOOST_TEST(With(k, "amount", "10000000000.00").empty());
  BOOST_TEST(With(k, "amount", "10000000000.01") == "2|amount|amount.too_large");
  BOOST_TEST(With(k, "amount", "") == "2|amount|amount.missing");
  // An optional amount may be left empty: no amount, not zero.
  auto cells = Good(CrosscheckKind::Vehicle);
  cells["value"] = "";
  BOOST_TEST(!Accepted(CrosscheckKind::Vehicle, cells).amountFen.has_value());
  cells["value"] = "0";
  BOOST_TEST(*Accepted(CrosscheckKind::Vehicle, cells).amountFen == 0);
}

BOOST_AUTO_TEST_CASE(id_numbers_are_checked_as_in_the_household_import) {
  const auto k = CrosscheckKind::Medical;
  BOOST_TEST(With(k, "id_number", "331022197304170892") == "2|id_number|id_number.checksum_mismatch");
  BOOST_TEST(With(k, "id_number", "33102219730417089") == "2|id_number|id_number.wrong_length");
  BOOST_TEST(With(k, "id_number", "331022202612010017") == "2|id_number|id_number.birth_date_in_future");
  BOOST_TEST(With(k, "id_number", "") == "2|id_number|id_number.missing");
  // Full-width digits and a lowercase x are the same ID.
  auto cells = Good(k);
  cells["id_number"] = "35058219790714228x";
  BOOST_TEST(Accepted(k, cells).idNumber == kOtherId);
  cells["id_number"] = "３３１０２２１９７３０４１７０８９１";
  BOOST_TEST(Accepted(k, cells).idNumber == kId);
}

BOOST_AUTO_TEST_CASE(names_and_texts_keep_out_what_no_field_may_hold) {
  const auto k = CrosscheckKind::Medical;
  BOOST_TEST(With(k, "name", "") == "2|name|name.missing");
  BOOST_TEST(With(k, "name", "叶\xE2\x80\xAE建军") == "2|name|name.invisible_character");
  BOOST_TEST(With(k, "name", std::string(51, 'a')) == "2|name|name.too_long");
  BOOST_TEST(With(k, "institution", "三门\x1B[2J") == "2|institution|institution.control_character");
  BOOST_TEST(With(k, "settlement_id", std::string(65, '1')) == "2|settlement_id|settlement_id.too_long");
  BOOST_TEST(With(k, "institution", "").find("institution.missing") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_region_code_when_given_has_12_digits) {
  const auto k = CrosscheckKind::Medical;
  auto cells = Good(k);
  cells["region_code"] = "331022101201";
  BOOST_TEST(Accepted(k, cells).regionCode == "331022101201");
  BOOST_TEST(With(k, "region_code", "33102210120") == "2|region_code|region_code.malformed");
  BOOST_TEST(With(k, "region_code", "3310221012O1") == "2|region_code|region_code.malformed");
  BOOST_TEST(With(k, "region_code", "000000000000") == "2|region_code|region_code.malformed");
}

BOOST_AUTO_TEST_CASE(dates_in_three_forms_not_after_the_data_date) {
  const auto k = CrosscheckKind::Medical;
  auto cells = Good(k);
  for (const std::string text : {"2026-02-14", "2026/2/14", "2026/02/14", "20260214"}) {
    cells["visit_date"] = text;
    BOOST_TEST((Accepted(k, cells).eventDate == year_month_day{year{2026}, February, day{14}}), text);
  }
  BOOST_TEST(With(k, "visit_date", "2026-02-30") == "2|visit_date|visit_date.malformed");
  BOOST_TEST(With(k, "visit_date", "14/02/2026") == "2|visit_date|visit_date.malformed");
  BOOST_TEST(With(k, "visit_date", "1899-12-31") == "2|visit_date|visit_date.malformed");
  BOOST_TEST(With(k, "visit_date", "2026-11-15").empty());
  BOOST_TEST(With(k, "visit_date", "2026-11-16") == "2|visit_date|visit_date.after_as_of");
  // An insurance's end may lie ahead, but not before its start.
  const auto i = CrosscheckKind::Insurance;
  BOOST_TEST(With(i, "end_date", "2027-06-30").empty());
  BOOST_TEST(With(i, "end_date", "2009-05-31") == "2|end_date|end_date.before_start");
  BOOST_TEST(With(i, "end_date", "2009-06-01").empty());
}

BOOST_AUTO_TEST_CASE(codes_in_chinese_or_english_any_case_stored_as_the_code) {
  const auto k = CrosscheckKind::Hukou;
  auto cells = Good(k);
  for (const std::string text : {"死亡", "death", "DEATH", " Death "}) {
    cells["event"] = text;
    BOOST_TEST(Accepted(k, cells).category == "death", text);
  }
  BOOST_TEST(With(k, "event", "去世") == "2|event|event.unknown");
  BOOST_TEST(With(k, "event", "") == "2|event|event.missing");
  // A code kept in the detail: the business type.
  const auto b = CrosscheckKind::Business;
  auto business = Good(b);
  business["business_type"] = "Cooperative";
  const auto row = Accepted(b, business);
  BOOST_TEST(row.category == "active");
  BOOST_TEST(row.detailJson ==
             R"({"business_name":"郭记鞋材加工店","business_type":"cooperative"})");
  // The school stages are the registry's, but none.
  const auto s = CrosscheckKind::Schooling;
  BOOST_TEST(With(s, "stage", "junior_secondary").empty());
  BOOST_TEST(With(s, "stage", "无") == "2|stage|stage.unknown");
}

BOOST_AUTO_TEST_CASE(a_credit_code_carries_its_check_character) {
  BOOST_TEST(IsValidCreditCode("91350100M000100Y43"));  // a published example of GB 32100
  BOOST_TEST(CreditCodeCheckCharacter("92350582MA2Y3K4L5") == '4');
  const auto k = CrosscheckKind::Business;
  BOOST_TEST(With(k, "credit_code", "92350582MA2Y3K4L55") == "2|credit_code|credit_code.malformed");
  BOOST_TEST(With(k, "credit_code", "92350582MA2Y3K4L5") == "2|credit_code|credit_code.malformed");
  BOOST_TEST(With(k, "credit_code", "92350582MA2Y3K4I54") == "2|credit_code|credit_code.malformed");
  auto cells = Good(k);
  cells["credit_code"] = "92350582ma2y3k4l54";
  BOOST_TEST(Accepted(k, cells).rowKey == "92350582MA2Y3K4L54");
}

BOOST_AUTO_TEST_CASE(an_account_is_never_kept_whole) {
  const auto k = CrosscheckKind::Deposit;
  const auto row = Accepted(k, Good(k));
  BOOST_TEST(row.rowKey == "三门农商银行|" + Sha256Hex("6217900100012345678"));
  BOOST_TEST(row.detailJson == R"({"institution":"三门农商银行","account_no":"****5678"})");
  BOOST_TEST(row.rowKey.find("6217900100012345678") == std::string::npos);
  BOOST_TEST(row.category == "deposit");
  BOOST_TEST(*row.amountFen == 16800000);
  BOOST_TEST(With(k, "account_no", "621-79") == "2|account_no|account_no.malformed");
  BOOST_TEST(With(k, "account_no", "123") == "2|account_no|account_no.malformed");
}

BOOST_AUTO_TEST_CASE(composite_keys_and_areas) {
  const auto row = Accepted(CrosscheckKind::Hukou, Good(CrosscheckKind::Hukou));
  BOOST_TEST(row.rowKey == std::string(kId) + "|death|2026-08-17");
  BOOST_TEST(row.detailJson == R"({"hukou_household":"0158"})");
  const auto property = Accepted(CrosscheckKind::Property, Good(CrosscheckKind::Property));
  BOOST_TEST(property.detailJson ==
             R"({"certificate_no":"浙(2019)三门县不动产权第0004567号","address":"广场路56号","area_m2":56.30})");
  BOOST_TEST(!property.amountFen.has_value());
  BOOST_TEST(With(CrosscheckKind::Property, "area_m2", "-1") == "2|area_m2|area_m2.negative");
  BOOST_TEST(With(CrosscheckKind::Property, "area_m2", "56.305") == "2|area_m2|area_m2.malformed");
  BOOST_TEST(With(CrosscheckKind::Property, "area_m2", "1000000.01") == "2|area_m2|area_m2.too_large");
  auto plate = Good(CrosscheckKind::Vehicle);
  plate["plate"] = "闽c7k2m5";
  BOOST_TEST(Accepted(CrosscheckKind::Vehicle, plate).rowKey == "闽C7K2M5");
}

BOOST_AUTO_TEST_CASE(a_key_on_two_lines_rejects_both_and_names_them) {
  const auto k = CrosscheckKind::Medical;
  auto second = Good(k);
  second["id_number"] = kOtherId;
  auto third = Good(k);
  third["settlement_id"] = "YB-2";
  const auto reading = Read(k, {Row(k, Good(k), 2), Row(k, third, 3), Row(k, second, 5)});
  BOOST_TEST(Problems(reading) == "2|settlement_id|row_key.duplicate_in_file, 5|settlement_id|row_key.duplicate_in_file");
  BOOST_TEST(reading.problems[0].message == "the same settlement_id is on lines 2, 5");
  BOOST_TEST(reading.rowsRead == 3);
  BOOST_TEST(reading.rowsRejected == 2);
  BOOST_REQUIRE(reading.rows.size() == 1u);
  BOOST_TEST(reading.rows[0].line == 3);
  // A composite key: the same person, event and date.
  const auto h = CrosscheckKind::Hukou;
  auto other = Good(h);
  other["hukou_household"] = "0159";
  BOOST_TEST(Problems(Read(h, {Row(h, Good(h), 2), Row(h, other, 3)})) ==
             "2|id_number+event+event_date|row_key.duplicate_in_file, "
             "3|id_number+event+event_date|row_key.duplicate_in_file");
}

BOOST_AUTO_TEST_CASE(every_problem_of_a_row_and_the_read_problems_first) {
  const auto k = CrosscheckKind::Medical;
  auto cells = Good(k);
  cells["id_number"] = "1";
  cells["visit_date"] = "yesterday";
  cells["total"] = "-1";
  FileRow row = Row(k, cells, 7);
  row.readProblems.push_back(MakeImportProblem(7, "settlement_id", "row.field_count", "the row has {1} fields, the header {2}",
                                               {"10", "9"}));
  const auto reading = Read(k, {row});
  BOOST_TEST(Problems(reading) ==
             "7|settlement_id|row.field_count, 7|id_number|id_number.wrong_length, 7|visit_date|visit_date.malformed, "
             "7|total|total.negative");
  BOOST_TEST(reading.rows.empty());
}

BOOST_AUTO_TEST_CASE(progress_is_told_every_ten_thousand_rows_and_at_the_end) {
  const auto k = CrosscheckKind::Schooling;
  std::vector<FileRow> rows;
  for (int i = 0; i < 20'005; ++i) {
    auto cells = Good(k);
    cells["receipt_no"] = "R" + std::to_string(i);
    rows.push_back(Row(k, cells, i + 2));
  }
  std::vector<std::int64_t> told;
  const auto reading =
      ReadCrosscheckRows(k, rows, kAsOf, kToday, [&](std::int64_t checked) { told.push_back(checked); });
  BOOST_TEST(reading.rows.size() == 20'005u);
  BOOST_TEST(told == (std::vector<std::int64_t>{10'000, 20'000, 20'005}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sha256_of_the_standard_vectors) {
  BOOST_TEST(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  BOOST_TEST(Sha256Hex(std::string(1'000'000, 'a')) ==
             "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Lengths around the padding's block boundary.
  BOOST_TEST(Sha256Hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  BOOST_TEST(Sha256Hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  BOOST_TEST(Sha256Hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

BOOST_AUTO_TEST_SUITE_END()
