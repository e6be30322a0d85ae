#pragma once
// Benefit rules (DOMAIN.md; docs/benefits.md): 低保 eligibility and amount,
// 低保边缘 eligibility, the 特困 self-care assessment and support, the 临时救助
// cap, and the monthly payment lines that follow an approval or a change.
//
// Every number comes from program parameters that carry an effective date and
// a region; the caller picks the parameters in force and passes them in, so
// nothing here is a constant of the rules. Money is integer fen throughout and
// comparisons of per-capita income are made exactly on totals (income <
// standard × size), never on a rounded per-capita figure.
//
// Each amount comes with its working: lines, in order, that show how the
// figure was reached ("低保标准 980.00 元 × 3 人 = 2,940.00 元"). They are
// stored with the decision and printed on the approval form, so they are
// written in Chinese, the language of the record, whatever the screen's.
#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/model/domain_enum.h"
#include "doudi/model/household.h"
#include "doudi/model/money.h"
#include "doudi/model/validation.h"

namespace doudi::model {

// How the rules round a monthly amount in fen. The amounts rounded here are
// never negative; for completeness a negative amount rounds up toward +∞,
// down toward −∞, and half away from zero.
enum class Rounding {
  Fen,           // keep every fen
  UpToYuan,      // 1,740.01 → 1,741.00
  HalfUpToYuan,  // 1,740.49 → 1,740.00; 1,740.50 → 1,741.00
  DownToYuan,    // 1,740.99 → 1,740.00
};

// 差额 (standard minus per-capita income, times size) or 分档 (tiers).
enum class DibaoMethod { Gap, Tiers };

// The assessed ability to care for oneself (《特困人员认定办法》 Art. 19).
enum class SelfCare { Able, PartialLoss, FullLoss };

// The six activities of the self-care assessment, in the order of the
// assessment's items (the index into the failed array of AssessSelfCare).
enum class SelfCareItem { Eating, Dressing, GettingInAndOutOfBed, UsingTheToilet, WalkingIndoors, Bathing };

inline constexpr std::size_t kSelfCareItemCount = 6;

template <>
struct EnumTraits<Rounding> {
  static constexpr std::array<EnumText<Rounding>, 4> kTexts{{
      {Rounding::Fen, "fen", "精确到分"},
      {Rounding::UpToYuan, "yuan_up", "向上取整到元"},
      {Rounding::HalfUpToYuan, "yuan_half_up", "四舍五入到元"},
      {Rounding::DownToYuan, "yuan_down", "向下取整到元"},
  }};
};

template <>
struct EnumTraits<DibaoMethod> {
  static constexpr std::array<EnumText<DibaoMethod>, 2> kTexts{{
      {DibaoMethod::Gap, "gap", "差额"},
      {DibaoMethod::Tiers, "tiers", "分档"},
  }};
};

template <>
struct EnumTraits<SelfCare> {
  static constexpr std::array<EnumText<SelfCare>, 3> kTexts{{
      {SelfCare::Able, "able", "具备生活自理能力"},
      {SelfCare::PartialLoss, "partial_loss", "部分丧失生活自理能力"},
      {SelfCare::FullLoss, "full_loss", "完全丧失生活自理能力"},
  }};
};

template <>
struct EnumTraits<SelfCareItem> {
  static constexpr std::array<EnumText<SelfCareItem>, kSelfCareItemCount> kTexts{{
      {SelfCareItem::Eating, "eating", "自主吃饭"},
      {SelfCareItem::Dressing, "dressing", "自主穿衣"},
      {SelfCareItem::GettingInAndOutOfBed, "getting_in_and_out_of_bed", "自主上下床"},
      {SelfCareItem::UsingTheToilet, "using_the_toilet", "自主如厕"},
      {SelfCareItem::WalkingIndoors, "walking_indoors", "室内自主行走"},
      {SelfCareItem::Bathing, "bathing", "自主洗澡"},
  }};
};

// ToCode: stable code; ToChinese: label; Parse...: code (ASCII case ignored)
// or label, trimmed; nullopt when unknown.
std::optional<Rounding> ParseRounding(std::string_view text);

std::optional<DibaoMethod> ParseDibaoMethod(std::string_view text);

std::optional<SelfCare> ParseSelfCare(std::string_view text);

std::optional<SelfCareItem> ParseSelfCareItem(std::string_view text);

// amount rounded as rounding says.
Money Round(Money amount, Rounding rounding);

// One band of 分档: a household whose per-capita income is below incomeBelow
// (and not below the previous tier's incomeBelow) gets amountPerPerson for
// each member.
struct DibaoTier {
  Money incomeBelow;
  Money amountPerPerson;

  friend bool operator==(const DibaoTier&, const DibaoTier&) = default;
};

struct DibaoParameters {
  using Method = DibaoMethod;
  using Tier = DibaoTier;

  Money standardPerPerson;  // 低保标准, per person per month
  Method method = Method::Gap;
  // Used by Method::Tiers only: strictly ascending incomeBelow, the last not
  // below standardPerPerson, so every eligible household falls in a band.
  std::vector<Tier> tiers;
  Rounding rounding = Rounding::Fen;
  Money minimumPerHousehold;  // an eligible household gets at least this; 0 for none

  friend bool operator==(const DibaoParameters&, const DibaoParameters&) = default;
};

struct NearDibaoParameters {
  int standardMultiplierPercent = 150;  // 1.5 × the 低保 standard

  friend bool operator==(const NearDibaoParameters&, const NearDibaoParameters&) = default;
};

struct DestituteParameters {
  Money basicSupportPerMonth;  // 基本生活标准
  // 照料护理标准, indexed by SelfCare: able, partial loss, full loss.
  std::array<Money, 3> carePerMonth{};

  friend bool operator==(const DestituteParameters&, const DestituteParameters&) = default;
};

struct TemporaryParameters {
  Money capPerApproval;

  friend bool operator==(const TemporaryParameters&, const TemporaryParameters&) = default;
};

// Problems an administrator can fix in a parameter set, each naming its field
// ("standard_per_person", "tiers[1].income_below", "minimum_per_household",
// "standard_multiplier_percent", "care_per_month[2]", "cap_per_approval").
// Empty when the parameters are usable. The functions below throw
// std::invalid_argument for parameters that fail these checks: saving them is
// where they are checked, so meeting them later is a defect.
//
// 低保: standard > 0; minimum >= 0; with Tiers at least one tier, incomeBelow
// strictly ascending, the last >= the standard, every amount >= 0.
ValidationIssues Validate(const DibaoParameters& parameters);
// 低保边缘: percent > 100 (the band starts at the 低保 standard).
ValidationIssues Validate(const NearDibaoParameters& parameters);
// 特困: every amount >= 0.
ValidationIssues Validate(const DestituteParameters& parameters);
// 临时救助: cap >= 0.
ValidationIssues Validate(const TemporaryParameters& parameters);

// An amount with the lines that show how it was reached.
struct BenefitAmount {
  Money amount;
  std::vector<std::string> working;

  friend bool operator==(const BenefitAmount&, const BenefitAmount&) = default;
};

struct DibaoAssessment {
  bool eligible = false;
  Money amount;  // per month for the household; 0 when not eligible
  std::vector<std::string> working;

  friend bool operator==(const DibaoAssessment&, const DibaoAssessment&) = default;
};

// 低保 for household on its income alone (property and the other conditions
// are checked by the survey and the verification, not here). Eligible when
// per-capita monthly income is below the standard, compared exactly as
// total income < standard × members. The amount:
// - Gap: standard × members − total income (exactly; per-capita income is
//   never rounded on the way);
// - Tiers: the amount per person of the tier the per-capita income falls in,
//   × members;
// then rounded as parameters.rounding says and raised to the minimum per
// household. A household without members is not eligible. Throws
// std::invalid_argument when Validate(parameters) is not empty.
DibaoAssessment AssessDibao(const Household& household, const DibaoParameters& parameters);

// 低保边缘 on income alone: not eligible for 低保 (total income >= standard ×
// members) and per-capita income below percent of the standard, compared
// exactly as total income × 100 < standard × members × percent. false for a
// household without members. Throws std::invalid_argument when either
// parameter set fails Validate.
bool NearDibaoEligible(const Household& household, const DibaoParameters& dibao, const NearDibaoParameters& nearDibao);

// The self-care class from the six items (true = the person cannot do it,
// indexed by SelfCareItem): none failed → Able, 1–3 → PartialLoss,
// 4–6 → FullLoss.
SelfCare AssessSelfCare(const std::array<bool, kSelfCareItemCount>& failed);

// 特困 monthly support: basic support plus the care amount of selfCare.
// Throws std::invalid_argument when Validate(parameters) is not empty.
BenefitAmount DestituteAmount(SelfCare selfCare, const DestituteParameters& parameters);

// 临时救助 for one approval: requested, capped at the cap per approval.
// Throws std::invalid_argument for a negative request (a form lets none
// through) or parameters that fail Validate.
BenefitAmount TemporaryAmount(Money requested, const TemporaryParameters& parameters);

// What is paid for one month.
struct PaymentLine {
  std::chrono::year_month month;
  Money amount;

  friend bool operator==(const PaymentLine&, const PaymentLine&) = default;
};

// One line of monthly for each month from the month after approvedIn through
// the earlier of lastMonth (the last month paid before exit; nullopt while the
// benefit continues) and through (how far lines are wanted, e.g. the current
// month), in month order. Empty when that range is empty. Throws
// std::invalid_argument for a month that is not ok() or a negative monthly.
std::vector<PaymentLine> PaymentSchedule(Money monthly, std::chrono::year_month approvedIn,
                                         std::optional<std::chrono::year_month> lastMonth,
                                         std::chrono::year_month through);

// schedule after a change of the monthly amount decided in decidedIn: the
// change takes effect from the next month, so lines up to and including
// decidedIn keep their amount and every later line becomes newMonthly. Throws
// std::invalid_argument for a decidedIn that is not ok() or a negative amount.
std::vector<PaymentLine> ApplyChange(std::vector<PaymentLine> schedule, Money newMonthly,
                                     std::chrono::year_month decidedIn);

}  // namespace doudi::model
