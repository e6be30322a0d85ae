#pragma once
// A household's whole story (经历) as the household editor's page shows it,
// without a window: the lines of doudi.household_timeline (cases of every
// state, alerts, referrals, help, pairing visits, newest first) turned into
// rows — what a row opens (a case or an alert view, in one click), which
// rows are late (a referral still open past its due date), the amount in
// yuan — and the kinds the page's filter leaves in. The words for kinds and
// state codes are the window's (the interface's language).
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/case_repository.h"

namespace doudi::workstation {

enum class StoryOpens { Nothing, Case, Alert };

struct StoryRow {
  std::string date;   // "YYYY-MM-DD"
  std::string kind;   // the kind in words ("案件")
  std::string what;
  std::string state;  // the state (or the help's kind, the visit's level) in words
  std::string due;    // a referral's due date, "" otherwise
  std::string amount; // "2,500.00" (yuan), "" without one
  bool late = false;  // a referral sent or accepted whose due date has passed
  StoryOpens opens = StoryOpens::Nothing;
  std::int64_t id = 0;  // the case's or alert's id when it opens one
};

// The words for a code: kind "case" with code "" is the kind itself; kind
// "case" with code "in_payment" the case state; "help" with "medical_aid"
// the kind of help; "visit" with "township" the level; "referral" with
// "sent" the referral's state; "alert" with "new" the alert's state.
using StoryWords = std::function<std::string(std::string_view kind, std::string_view code)>;

// The kinds of line, in the filter's order.
inline constexpr std::string_view kStoryKinds[] = {"case", "alert", "referral", "help", "visit"};

// Rows for the entries of the kinds shown (every kind when shown is empty),
// in the entries' order (newest first); today is "YYYY-MM-DD".
std::vector<StoryRow> StoryRows(const std::vector<dal::TimelineEntry>& entries, std::string_view today,
                                const StoryWords& words, const std::set<std::string>& shown = {});

}  // namespace doudi::workstation
