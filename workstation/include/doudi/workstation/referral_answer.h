#pragma once
// A department's answer to a referral as the liaison's 待办 (or the center,
// on the department's behalf) types it, read without the window: the
// feedback that closes a referral — the kind of help given, an amount typed
// in yuan (stored in fen) or a description, the date, the department's
// person and the 四帮四扶 terms it counts under — and a decline's reason.
// Each problem names the field, so the form can point at it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace doudi::workstation {

// The feedback form's fields as typed.
struct FeedbackEntry {
  std::string kind;        // help kind code (cash, in_kind, ... care); "" when none chosen
  std::string amountText;  // yuan, "8600" or "8,600.00"; "" for none
  std::string description;
  std::chrono::year_month_day givenOn{};
  std::string givenBy;  // the department's person
  std::vector<std::string> terms;
};

// What goes to doudi.referral_feedback.
struct Feedback {
  std::string kind;
  std::optional<std::int64_t> amountFen;
  std::string description;
  std::chrono::year_month_day givenOn{};
  std::string givenBy;
  std::vector<std::string> terms;
};

struct AnswerProblem {
  enum class Field { Kind, Amount, Description, GivenOn, GivenBy, Reason };
  enum class Why {
    Missing,              // the field is required
    NotAnAmount,          // not yuan with at most two decimals
    NotPositive,          // zero or less
    AmountOrDescription,  // neither an amount nor a description
    InTheFuture,          // a date after today
    TooLong
  };
  Field field = Field::Kind;
  Why why = Why::Missing;
};

// Limits the database checks again (help_record's CHECKs).
inline constexpr std::size_t kFeedbackDescriptionMaxChars = 500;
inline constexpr std::size_t kFeedbackGivenByMaxChars = 50;
inline constexpr std::size_t kDeclineReasonMaxChars = 500;

// The feedback, or the first problem in the form's order (kind, amount,
// description, date, person). The amount may carry thousands separators as
// amounts are shown ("8,600.00"); texts are trimmed.
std::variant<Feedback, AnswerProblem> ReadFeedback(const FeedbackEntry& entry, std::chrono::year_month_day today);

// A decline's reason, trimmed, or why it cannot be one (required, at most
// kDeclineReasonMaxChars characters).
std::variant<std::string, AnswerProblem> ReadDeclineReason(std::string_view reason);

}  // namespace doudi::workstation
