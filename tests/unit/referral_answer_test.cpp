// A department's answer as the 待办 reads it (workstation/referral_answer.h):
// feedback in yuan stored as fen, an amount or a description, not dated in
// the future, the department's person named; a decline needs its reason.
#include <boost/test/unit_test.hpp>
#include <string>

#include "doudi/workstation/referral_answer.h"

using doudi::workstation::AnswerProblem;
using doudi::workstation::Feedback;
using doudi::workstation::FeedbackEntry;
using doudi::workstation::ReadDeclineReason;
using doudi::workstation::ReadFeedback;

namespace {

using namespace std::chrono;
constexpr year_month_day kToday{year{2026}, December, day{7}};

FeedbackEntry Entry() {
  FeedbackEntry entry;
  entry.kind = "medical_aid";
  entry.amountText = "8,600.50";
  entry.givenOn = year_month_day{year{2026}, December, day{4}};
  entry.givenBy = " 王丽华 ";
  entry.terms = {"help_medical"};
  return entry;
}

AnswerProblem ProblemOf(const FeedbackEntry& entry) {
  const auto read = ReadFeedback(entry, kToday);
  BOOST_REQUIRE(std::holds_alternative<AnswerProblem>(read));
  return std::get<AnswerProblem>(read);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(referral_answer)

BOOST_AUTO_TEST_CASE(an_amount_in_yuan_becomes_fen_and_texts_are_trimmed) {
  const auto read = ReadFeedback(Entry(), kToday);
  BOOST_REQUIRE(std::holds_alternative<Feedback>(read));
  const auto& feedback = std::get<Feedback>(read);
  BOOST_TEST(feedback.amountFen.value() == 860050);
  BOOST_TEST(feedback.givenBy == "王丽华");
  BOOST_TEST(feedback.kind == "medical_aid");
  BOOST_TEST(feedback.terms == std::vector<std::string>{"help_medical"});
}

BOOST_AUTO_TEST_CASE(a_description_alone_will_do_but_not_nothing) {
  auto entry = Entry();
  entry.amountText = " ";
  BOOST_TEST((ProblemOf(entry).field == AnswerProblem::Field::Description));
  BOOST_TEST((ProblemOf(entry).why == AnswerProblem::Why::AmountOrDescription));
  entry.description = "安排公益性岗位（保洁员），月工资2,000元";
  const auto read = ReadFeedback(entry, kToday);
  BOOST_REQUIRE(std::holds_alternative<Feedback>(read));
  BOOST_TEST(!std::get<Feedback>(read).amountFen.has_value());
}

BOOST_AUTO_TEST_CASE(each_problem_names_its_field) {
  auto entry = Entry();
  entry.kind = "";
  BOOST_TEST((ProblemOf(entry).field == AnswerProblem::Field::Kind));
  entry = Entry();
  entry.amountText = "8600.505";
  BOOST_TEST((ProblemOf(entry).why == AnswerProblem::Why::NotAnAmount));
  entry.amountText = "八千";
  BOOST_TEST((ProblemOf(entry).field == AnswerProblem::Field::Amount));
  entry.amountText = "0";
  BOOST_TEST((ProblemOf(entry).why == AnswerProblem::Why::NotPositive));
  entry.amountText = "-5";
  BOOST_TEST((ProblemOf(entry).why == AnswerProblem::Why::NotPositive));
  entry = Entry();
  entry.givenOn = year_month_day{year{2026}, December, day{8}};
  BOOST_TEST((ProblemOf(entry).field == AnswerProblem::Field::GivenOn));
  BOOST_TEST((ProblemOf(entry).why == AnswerProblem::Why::InTheFuture));
  entry.givenOn = kToday;
  entry.givenBy = "";
  BOOST_TEST((ProblemOf(entry).field == AnswerProblem::Field::GivenBy));
  entry.givenBy = std::string(51, 'x');
  BOOST_TEST((ProblemOf(entry).why == AnswerProblem::Why::TooLong));
  entry = Entry();
  entry.description = std::string(501, 'x');
  BOOST_TEST((ProblemOf(entry).field == AnswerProblem::Field::Description));
}

BOOST_AUTO_TEST_CASE(a_decline_needs_its_reason) {
  BOOST_TEST(std::holds_alternative<AnswerProblem>(ReadDeclineReason("  \n")));
  BOOST_TEST(std::holds_alternative<AnswerProblem>(ReadDeclineReason(std::string(501, 'x'))));
  const auto read = ReadDeclineReason(" 不属于本部门职责范围 ");
  BOOST_REQUIRE(std::holds_alternative<std::string>(read));
  BOOST_TEST(std::get<std::string>(read) == "不属于本部门职责范围");
}

BOOST_AUTO_TEST_SUITE_END()
