#pragma once
// What the workstation decides about help delivered (帮扶措施) without a
// window: the add-help dialog's input checked field by field and made into
// the entry the database records; the eight 四帮四扶 boxes of a household's
// help page; which charity funds may pay help for a household (those whose
// area holds its village, with money left). The database checks it all
// again (doudi.help_record_add).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/help_repository.h"

namespace doudi::workstation {

// The add-help dialog's fields as typed (codes for the choices).
struct HelpInput {
  std::string kind;       // HelpKind code
  std::string giverKind;  // HelpGiverKind code
  std::string giver;
  std::string department;  // giverKind department: its code
  std::string fundCode;    // giverKind fund
  std::string amountYuan;  // "" or "1200" / "1200.50"
  std::string description;
  std::string givenBy;
  std::string givenOn;             // YYYY-MM-DD
  std::vector<std::string> terms;  // SupportTerm codes
};

// The limits doudi.help_record_add holds to.
inline constexpr std::size_t kMaxGiver = 100;
inline constexpr std::size_t kMaxGivenBy = 50;
inline constexpr std::size_t kMaxDescription = 500;
inline constexpr std::int64_t kMaxHelpFen = 100'000'000;

// One field's problem: field is the HelpInput member's name ("amountYuan"),
// problem a code: required, bad_code, bad_amount, too_large, bad_date,
// future_date, too_long, amount_or_description.
struct HelpInputProblem {
  std::string field;
  std::string problem;
};

struct CheckedHelp {
  std::optional<dal::HelpEntry> entry;  // set when there is no problem
  std::vector<HelpInputProblem> problems;
};

// Checks every field (all problems, in the fields' order) against today.
CheckedHelp CheckHelpInput(const HelpInput& input, std::chrono::year_month_day today);

// One of the eight boxes: lit when anything counts under its term.
struct SupportBox {
  std::string term;     // SupportTerm code
  std::string chinese;  // 帮就业 ...
  int helps = 0;
  int programs = 0;
  int Count() const { return helps + programs; }
  bool Lit() const { return Count() > 0; }
};

// The eight boxes in 四帮四扶 order, whatever the summary holds (a term it
// lacks shows unlit).
std::vector<SupportBox> SupportBoxes(const std::vector<dal::SupportTermCount>& summary);

// The funds that may pay help for a household of regionCode: their area
// holds it and they have money left; by code.
std::vector<dal::FundBalance> FundsFor(const std::vector<dal::FundBalance>& funds, const std::string& regionCode);

}  // namespace doudi::workstation
