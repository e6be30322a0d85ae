// The cross-check rows behind an alert as its view lists them
// (workstation/alert_sources.h): one table per kind in the kinds' order,
// each with its kind's own columns from model/crosscheck.h, money in yuan,
// codes in Chinese, detail from the row's JSON.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "doudi/workstation/alert_sources.h"

using doudi::dal::CrosscheckRow;
using doudi::workstation::CrosscheckCodeWords;
using doudi::workstation::SourceTables;

namespace {

CrosscheckRow Row(const std::string& kind, const std::string& date, const std::string& category,
                  std::optional<std::int64_t> amount, const std::string& detail) {
  CrosscheckRow row;
  row.kind = kind;
  row.eventDate = date;
  row.category = category;
  row.amountFen = amount;
  row.detailJson = detail;
  return row;
}

std::vector<std::string> Headers(const doudi::workstation::SourceTable& table) {
  std::vector<std::string> headers;
  for (const auto* column : table.columns) headers.emplace_back(column->chinese);
  return headers;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(alert_sources)

BOOST_AUTO_TEST_CASE(a_settlement_shows_its_date_institution_total_reimbursed_and_self_paid) {
  auto row = Row("medical", "2026-03-04", "", 1581240, R"({"institution": "三门县人民医院"})");
  row.coveredFen = 1169240;
  row.selfPaidFen = 412000;
  const std::vector<CrosscheckRow> rows{row};
  const auto tables = SourceTables(rows);
  BOOST_REQUIRE_EQUAL(tables.size(), 1u);
  // The settlement number is only the row's key: not a column of its own.
  BOOST_TEST(Headers(tables[0]) ==
                 (std::vector<std::string>{"就诊日期", "医疗机构", "医疗总费用", "医保报销", "个人自付"}),
             boost::test_tools::per_element());
  BOOST_TEST(tables[0].cells[0] ==
                 (std::vector<std::string>{"2026-03-04", "三门县人民医院", "15,812.40", "11,692.40", "4,120.00"}),
             boost::test_tools::per_element());
  BOOST_TEST(tables[0].rows[0] == &rows[0]);
}

BOOST_AUTO_TEST_CASE(kinds_get_a_table_each_in_the_kinds_order_with_codes_in_chinese) {
  const std::vector<CrosscheckRow> rows{
      Row("deposit", "2026-06-30", "wealth", 8000000, R"({"institution": "三门农商银行", "account_no": "****1234"})"),
      Row("vehicle", "2024-05-01", "car", std::nullopt, R"({"plate": "浙J12345"})"),
      Row("deposit", "2026-06-30", "deposit", 2500000, R"({"institution": "邮储银行", "account_no": "****9876"})"),
      Row("business", "2020-01-02", "active", 100000000,
          R"({"business_name": "三门县某水产有限公司", "business_type": "company"})"),
  };
  const auto tables = SourceTables(rows);
  BOOST_REQUIRE_EQUAL(tables.size(), 3u);
  BOOST_TEST(tables[0].kind == "vehicle");
  BOOST_TEST(tables[1].kind == "business");
  BOOST_TEST(tables[2].kind == "deposit");
  BOOST_TEST(tables[0].cells[0] == (std::vector<std::string>{"浙J12345", "小型汽车", "2024-05-01", ""}),
             boost::test_tools::per_element());
  BOOST_TEST(tables[1].cells[0] == (std::vector<std::string>{"三门县某水产有限公司", "企业", "存续", "2020-01-02",
                                                             "1,000,000.00"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(tables[2].rows.size(), 2u);
  BOOST_TEST(tables[2].rows[1] == &rows[2]);  // the order given, within the kind
  BOOST_TEST(tables[2].cells[1] ==
                 (std::vector<std::string>{"邮储银行", "****9876", "存款", "25,000.00", "2026-06-30"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_kind_this_program_does_not_know_comes_last_without_columns) {
  const std::vector<CrosscheckRow> rows{Row("pension_fund", "2026-01-01", "x", 1, "{}"),
                                        Row("hukou", "2026-02-03", "death", std::nullopt,
                                            R"({"hukou_household": "H0001"})")};
  const auto tables = SourceTables(rows);
  BOOST_REQUIRE_EQUAL(tables.size(), 2u);
  BOOST_TEST(tables[0].kind == "hukou");
  BOOST_TEST(tables[0].cells[0] == (std::vector<std::string>{"死亡", "2026-02-03", "H0001", ""}),
             boost::test_tools::per_element());
  BOOST_TEST(tables[1].kind == "pension_fund");
  BOOST_TEST(tables[1].columns.empty());
  BOOST_TEST(tables[1].cells[0].empty());
}

BOOST_AUTO_TEST_CASE(a_code_reads_in_chinese_under_its_kind_and_column) {
  BOOST_TEST(CrosscheckCodeWords("hukou", "move_out") == "迁出");
  BOOST_TEST(CrosscheckCodeWords("vehicle", "truck") == "货车");
  BOOST_TEST(CrosscheckCodeWords("business", "cooperative", "business_type") == "农民专业合作社");
  BOOST_TEST(CrosscheckCodeWords("hukou", "adoption") == "adoption");
  BOOST_TEST(CrosscheckCodeWords("unknown", "death") == "death");
}

BOOST_AUTO_TEST_SUITE_END()
