#pragma once
// Matching (智能匹配, issue 14; docs/matching.md): for one household, every
// program of the "8+X" it may qualify for and every item of 四帮四扶 (帮就业,
// 帮就医, 帮就学, 帮安居; 扶贫困, 扶老幼, 扶伤残, 扶志气), each with a verdict,
// the rule that gave it, the reasons and the figures that decided it, and
// what the household already receives (its open cases, its registry status).
//
// The rules read the household as the registry records it (members with
// their ages from the ID numbers, disability, illnesses, schooling,
// employment and work ability; housing; incomes; assets), the program
// parameters in force for its region (docs/parameters.md) and, where a
// cross-check source gave them, the last 12 months' medical and schooling
// spending. Every number is a parameter: a rule that needs one that is not
// in force (or not usable) says "cannot decide" and names it, never guesses.
// Money is compared exactly on totals in fen, as docs/benefits.md does.
//
// The verdicts are what the record shows: an application still goes through
// the survey and the economic-status verification of its program.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/model/amount_parameters.h"
#include "doudi/model/household.h"
#include "doudi/model/money.h"
#include "doudi/model/program_exclusion.h"

namespace doudi::model {

// The parameters the matching rules read (program, key), required where a
// rule needs them; AmountParameterValues-style lookup: the caller asks each
// of the parameters in force for the household's region today.
std::span<const ParameterKey> MatchingParameterKeys();

// One of the household's cases, as its list shows it (CaseRepository's
// HouseholdCases): any state, terminal ones included.
struct MatchingCase {
  std::int64_t id = 0;
  std::string program;        // "dibao"
  std::string state;          // "in_payment"
  std::int64_t personId = 0;  // the person a per-person case (特困) names; 0 for none

  friend bool operator==(const MatchingCase&, const MatchingCase&) = default;
};


// What the rules are given.
struct MatchingInput {
  Household household;
  std::chrono::year_month_day today{};
  // ParameterName → value in force ("dibao.standard_per_person" → "108000");
  // a parameter without a row in force is absent.
  ParameterValues parameters;
  std::vector<MatchingCase> cases;
  // The pairs of programs not received together (each pair once, either way).
  std::vector<ProgramExclusion> exclusions;
  // Spending over the last 12 months where a cross-check source knows it
  // (medical: self-paid, after insurance; schooling: school costs paid);
  // nullopt when unknown, which is not zero.
  std::optional<Money> medicalSelfPaid;
  std::optional<Money> schoolingPaid;
};

// How an item stands for the household.
enum class MatchVerdict {
  Qualifies,        // the record meets the rule
  MayQualify,       // the record points to it; a survey must decide
  DoesNotQualify,   // the record does not meet the rule
  CannotDecide,     // a parameter the rule needs is not in force (MatchItem::missing)
  ApplicationOpen,  // an application of the program is open (not yet paying)
  AlreadyReceives,  // paid (a case approved or in payment) or so recorded in the registry
  Excluded,         // a case of a program it is not received with is open or paid (MatchItem::excludedBy)
};

template <>
struct EnumTraits<MatchVerdict> {
  static constexpr std::array<EnumText<MatchVerdict>, 7> kTexts{{
      {MatchVerdict::Qualifies, "qualifies", "符合"},
      {MatchVerdict::MayQualify, "may_qualify", "可能符合，需入户调查"},
      {MatchVerdict::DoesNotQualify, "does_not_qualify", "不符合"},
      {MatchVerdict::CannotDecide, "cannot_decide", "无法判断"},
      {MatchVerdict::ApplicationOpen, "application_open", "已在申请中"},
      {MatchVerdict::AlreadyReceives, "already_receives", "已享受"},
      {MatchVerdict::Excluded, "excluded", "不能同时享受"},
  }};
};

// Programs (the "8+X" and 刚性支出困难), the four helps and the four supports.
enum class MatchGroup { Program, Help, Support };

template <>
struct EnumTraits<MatchGroup> {
  static constexpr std::array<EnumText<MatchGroup>, 3> kTexts{{
      {MatchGroup::Program, "program", "救助项目"},
      {MatchGroup::Help, "help", "四帮"},
      {MatchGroup::Support, "support", "四扶"},
  }};
};

// What a figure's value is counted in.
enum class FigureUnit {
  Fen,  // money, a month unless the code says a year (annual_...)
  Count,
  Years,  // an age
  Percent,
  Grade,  // a disability grade, 1 (most severe) .. 4; text is the category code
  Code,   // text holds a code or a list of codes (housing, schooling, illnesses ...)
};

// One figure that decided (or explains) a verdict: "total_income" 120000
// fen, "age" 61 years of 张三. docs/matching.md lists the codes.
struct MatchFigure {
  std::string code;
  FigureUnit unit = FigureUnit::Fen;
  std::int64_t value = 0;  // fen, count, years, percent or grade; 0 for Code
  std::string text;        // the code(s) for Code and Grade; "" otherwise
  std::string member;      // whose figure it is (the member's name); "" for the household's

  friend bool operator==(const MatchFigure&, const MatchFigure&) = default;
};

// One program or 四帮四扶 item.
struct MatchItem {
  std::string code;  // "dibao", "essential_expense", "help_employment", "support_elderly_young" ...
  MatchGroup group = MatchGroup::Program;
  std::string program;  // the doudi.program a case opens; "" when no case opens it (刚性支出困难, the supports)
  MatchVerdict verdict = MatchVerdict::DoesNotQualify;
  std::string rule;  // "dibao.income_and_assets" (docs/matching.md)
  // What decided, in order, as codes (MatchReasonCodes; docs/matching.md).
  std::vector<std::string> reasons;
  std::vector<MatchFigure> figures;
  // The parameters (ParameterName) a CannotDecide verdict waits for, and
  // any other the rule could not read.
  std::vector<std::string> missing;
  // The open case of the program (ApplicationOpen, or AlreadyReceives by a
  // case), or for Excluded the case that excludes it: its id and state; 0
  // and "" otherwise.
  std::int64_t caseId = 0;
  std::string caseState;
  // Excluded: the program of that case and the catalog's reason; "" otherwise.
  std::string excludedBy;
  std::string exclusion;
  // A per-person program (特困) is applied for one person at a time, one
  // case each (MatchItemInfo::perPerson). persons are the members an
  // application would name: those the rule found may qualify (without
  // capacity to work and without income of their own) and who have no open
  // case of the program. Always empty for a household program.
  bool perPerson = false;
  std::vector<std::int64_t> persons;

  // Whether an application for the program can be opened from here: a
  // program item that a case opens, none open, nothing received; for a
  // per-person program, a member left to name.
  bool MayApply() const;

  friend bool operator==(const MatchItem&, const MatchItem&) = default;
};

// Every item in a fixed order: the programs (低保, 低保边缘, 特困, 临时救助,
// 医疗, 教育, 住房, 就业, 受灾, 慈善, 刚性支出困难), then 帮就业, 帮就医, 帮就学,
// 帮安居, then 扶贫困, 扶老幼, 扶伤残, 扶志气. A help item repeats the verdict of
// its program (帮就业 is 就业救助's, with its program to apply through).
std::vector<MatchItem> MatchHousehold(const MatchingInput& input);

// The item codes in that order, each with its Chinese name.
struct MatchItemInfo {
  std::string_view code;
  MatchGroup group;
  std::string_view program;  // "" when no case opens it
  std::string_view chinese;
  bool perPerson = false;  // applied for per person (特困人员), one case each
};
std::span<const MatchItemInfo> MatchItems();

// Every reason code MatchHousehold gives, so that the screens can be checked
// to say each in words.
std::span<const std::string_view> MatchReasonCodes();
// Every figure code it gives, with the unit it comes in.
struct MatchFigureInfo {
  std::string_view code;
  FigureUnit unit;
};
std::span<const MatchFigureInfo> MatchFigureCodes();

// Whether a case in state counts as receiving the program's help (approved
// and not ended: decided_approved, notified, in_payment, under_review,
// adjusted, gradual_exit), as opposed to an application still being decided.
bool CaseStateReceives(std::string_view state);

}  // namespace doudi::model
