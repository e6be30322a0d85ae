#include "doudi/workstation/referral_answer.h"

#include <algorithm>

#include "doudi/model/money.h"
#include "doudi/model/text.h"

namespace doudi::workstation {
namespace {

std::string Trim(std::string_view text) { return std::string(model::TrimAsciiWhitespace(text)); }

bool Longer(const std::string& text, std::size_t limit) {
  const auto count = model::CountUtf8CodePoints(text);
  return !count || *count > limit;
}

AnswerProblem Problem(AnswerProblem::Field field, AnswerProblem::Why why) { return AnswerProblem{field, why}; }

}  // namespace

std::variant<Feedback, AnswerProblem> ReadFeedback(const FeedbackEntry& entry, std::chrono::year_month_day today) {
  using Field = AnswerProblem::Field;
  using Why = AnswerProblem::Why;
  Feedback feedback;
  feedback.kind = Trim(entry.kind);
  if (feedback.kind.empty()) return Problem(Field::Kind, Why::Missing);
  std::string amount = Trim(entry.amountText);
  amount.erase(std::remove(amount.begin(), amount.end(), ','), amount.end());
  if (!amount.empty()) {
    const auto money = model::Money::ParseYuan(amount);
    if (!money) return Problem(Field::Amount, Why::NotAnAmount);
    if (money->Fen() <= 0) return Problem(Field::Amount, Why::NotPositive);
    feedback.amountFen = money->Fen();
  }
  feedback.description = Trim(entry.description);
  if (Longer(feedback.description, kFeedbackDescriptionMaxChars)) return Problem(Field::Description, Why::TooLong);
  if (!feedback.amountFen && feedback.description.empty()) return Problem(Field::Description, Why::AmountOrDescription);
  if (!entry.givenOn.ok()) return Problem(Field::GivenOn, Why::Missing);
  if (std::chrono::sys_days{entry.givenOn} > std::chrono::sys_days{today}) return Problem(Field::GivenOn, Why::InTheFuture);
  feedback.givenOn = entry.givenOn;
  feedback.givenBy = Trim(entry.givenBy);
  if (feedback.givenBy.empty()) return Problem(Field::GivenBy, Why::Missing);
  if (Longer(feedback.givenBy, kFeedbackGivenByMaxChars)) return Problem(Field::GivenBy, Why::TooLong);
  feedback.terms = entry.terms;
  return feedback;
}

std::variant<std::string, AnswerProblem> ReadDeclineReason(std::string_view reason) {
  std::string text = Trim(reason);
  if (text.empty()) return Problem(AnswerProblem::Field::Reason, AnswerProblem::Why::Missing);
  if (Longer(text, kDeclineReasonMaxChars)) return Problem(AnswerProblem::Field::Reason, AnswerProblem::Why::TooLong);
  return text;
}

}  // namespace doudi::workstation
