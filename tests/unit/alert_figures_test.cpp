// An alert's figures in sentences (workstation/alert_figures.h): which of a
// rule's sentences its figures fill, money in yuan, codes in words, and
// every figure no sentence names still shown as "key: value".
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "doudi/workstation/alert_figures.h"

using doudi::workstation::ExplainFigures;
using doudi::workstation::FigureText;

namespace {

const std::vector<std::string> kMedical{
    "{year}年医疗总费用 {total_fen} 元，超过预警线 {limit_fen} 元",
    "筛查时登记状态：{registry_status}",
};

std::string Words(std::string_view key, std::string_view value) {
  if (key == "registry_status" && value == "dibao") return "低保";
  return std::string(value);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(alert_figures)

BOOST_AUTO_TEST_CASE(a_rules_sentences_are_filled_with_money_in_yuan_and_codes_in_words) {
  const auto lines = ExplainFigures(
      R"({"year": 2026, "limit_fen": 2000000, "total_fen": 2351240, "registry_status": "dibao"})", kMedical, Words);
  BOOST_TEST(lines == (std::vector<std::string>{"2026年医疗总费用 23,512.40 元，超过预警线 20,000.00 元",
                                                "筛查时登记状态：低保"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_figure_no_sentence_names_is_shown_as_key_and_value_in_key_order) {
  const auto lines = ExplainFigures(
      R"({"year": 2026, "total_fen": 2351240, "limit_fen": 2000000, "registry_status": "dibao",
          "visits": 3, "extra_fen": 100000, "note": "复核"})",
      kMedical, Words);
  BOOST_TEST(lines == (std::vector<std::string>{"2026年医疗总费用 23,512.40 元，超过预警线 20,000.00 元",
                                                "筛查时登记状态：低保", "extra_fen: 1,000.00", "note: 复核",
                                                "visits: 3"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_sentence_missing_a_figure_is_left_out_and_its_other_figures_are_not_repeated) {
  // No limit: the first sentence cannot be said; its year and total are
  // named by it, so they are not listed either (the sentence's keys belong
  // to the rule, whose figures the database sends whole).
  const auto lines = ExplainFigures(R"({"year": 2026, "total_fen": 2351240, "registry_status": "dibao"})", kMedical,
                                    Words);
  BOOST_TEST(lines == (std::vector<std::string>{"筛查时登记状态：低保"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_null_figure_leaves_its_sentence_out_and_is_not_listed) {
  const std::vector<std::string> sentences{"{visit_months} 个月内无入户走访", "最近一次入户：{last_visit}"};
  BOOST_TEST(ExplainFigures(R"({"visit_months": 12, "last_visit": null})", sentences) ==
                 (std::vector<std::string>{"12 个月内无入户走访"}),
             boost::test_tools::per_element());
  BOOST_TEST(ExplainFigures(R"({"visit_months": 12, "last_visit": "2025-01-02"})", sentences) ==
                 (std::vector<std::string>{"12 个月内无入户走访", "最近一次入户：2025-01-02"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_array_figure_reads_as_its_elements) {
  const std::vector<std::string> sentences{"成员的户籍户号：{hukou_households}"};
  BOOST_TEST(ExplainFigures(R"({"hukou_households": ["H001", "H002"]})", sentences) ==
                 (std::vector<std::string>{"成员的户籍户号：H001, H002"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(figures_that_are_not_a_json_object_show_as_they_are_and_none_show_nothing) {
  BOOST_TEST(ExplainFigures("[1, 2]", kMedical) == (std::vector<std::string>{"[1, 2]"}),
             boost::test_tools::per_element());
  BOOST_TEST(ExplainFigures(R"({"year": 2026)", kMedical) == (std::vector<std::string>{R"({"year": 2026)"}),
             boost::test_tools::per_element());
  BOOST_TEST(ExplainFigures("", kMedical).empty());
  BOOST_TEST(ExplainFigures("{}", kMedical).empty());
}

BOOST_AUTO_TEST_CASE(a_fen_figure_that_is_not_a_whole_number_is_shown_as_written) {
  BOOST_TEST(FigureText("limit_fen", "2000000") == "20,000.00");
  BOOST_TEST(FigureText("limit_fen", "-150") == "-1.50");
  BOOST_TEST(FigureText("limit_fen", "12.5") == "12.5");
  BOOST_TEST(FigureText("limit_fen", "") == "");
  BOOST_TEST(FigureText("registry_status", "dibao", Words) == "低保");
  BOOST_TEST(FigureText("year", "2026") == "2026");
}

BOOST_AUTO_TEST_SUITE_END()
