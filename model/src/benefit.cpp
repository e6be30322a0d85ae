#include "doudi/model/benefit.h"

#include <array>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace doudi::model {
namespace {

static_assert(TableIsComplete(Rounding::DownToYuan));
static_assert(TableIsComplete(DibaoMethod::Tiers));
static_assert(TableIsComplete(SelfCare::FullLoss));
static_assert(TableIsComplete(SelfCareItem::Bathing));
static_assert(std::tuple_size_v<decltype(DestituteParameters::carePerMonth)> == EnumTraits<SelfCare>::kTexts.size());

constexpr std::int64_t kFenPerYuan = 100;
constexpr std::int64_t kHalfYuan = 50;
constexpr std::size_t kMaxPartialLossItems = 3;  // 1–3 failed: partial loss; 4–6: full loss

void Add(ValidationIssues& issues, std::string field, std::string code, std::string message) {
  issues.push_back(ValidationIssue{std::move(field), std::move(code), std::move(message)});
}

void Require(const ValidationIssues& issues, std::string_view what) {
  if (!issues.empty()) {
    throw std::invalid_argument(std::string(what) + " parameters are invalid: " + issues.front().field + ": " +
                                issues.front().message);
  }
}

std::string Yuan(Money amount) {
  return amount.ToDisplayString() + " 元";
}

std::string Persons(std::size_t count) {
  return std::to_string(count) + " 人";
}

std::string RoundingLine(Rounding rounding, Money rounded) {
  switch (rounding) {
    case Rounding::Fen:
      break;
    case Rounding::UpToYuan:
    case Rounding::HalfUpToYuan:
    case Rounding::DownToYuan:
      return std::string(ToChinese(rounding)) + "：" + Yuan(rounded);
  }
  return {};
}


}  // namespace

std::optional<Rounding> ParseRounding(std::string_view text) {
  return ParseEnum<Rounding>(text);
}

std::optional<DibaoMethod> ParseDibaoMethod(std::string_view text) {
  return ParseEnum<DibaoMethod>(text);
}

std::optional<SelfCare> ParseSelfCare(std::string_view text) {
  return ParseEnum<SelfCare>(text);
}

std::optional<SelfCareItem> ParseSelfCareItem(std::string_view text) {
  return ParseEnum<SelfCareItem>(text);
}

Money Round(Money amount, Rounding rounding) {
  const std::int64_t fen = amount.Fen();
  const std::int64_t remainder = fen % kFenPerYuan;  // sign of fen
  if (rounding == Rounding::Fen || remainder == 0) {
    return amount;
  }
  // Toward zero cannot overflow; one yuan further away is checked by Money.
  const Money towardZero = Money::FromFen(fen - remainder);
  const Money awayFromZero =
      fen > 0 ? towardZero + Money::FromFen(kFenPerYuan) : towardZero - Money::FromFen(kFenPerYuan);
  const Money down = fen > 0 ? towardZero : awayFromZero;
  const Money up = fen > 0 ? awayFromZero : towardZero;
  switch (rounding) {
    case Rounding::Fen:
      break;
    case Rounding::UpToYuan:
      return up;
    case Rounding::DownToYuan:
      return down;
    case Rounding::HalfUpToYuan:
      return (remainder >= kHalfYuan || remainder <= -kHalfYuan) ? awayFromZero : towardZero;
  }
  return amount;
}

ValidationIssues Validate(const DibaoParameters& parameters) {
  ValidationIssues issues;
  if (parameters.standardPerPerson <= Money()) {
    Add(issues, "standard_per_person", "standard_per_person.not_positive",
        "The standard per person must be more than zero.");
  }
  if (parameters.minimumPerHousehold < Money()) {
    Add(issues, "minimum_per_household", "minimum_per_household.negative",
        "The minimum per household cannot be negative.");
  }
  if (parameters.method == DibaoMethod::Tiers) {
    if (parameters.tiers.empty()) {
      Add(issues, "tiers", "tiers.missing", "The tiered method needs at least one tier.");
    }
    for (std::size_t i = 0; i < parameters.tiers.size(); ++i) {
      const DibaoTier& tier = parameters.tiers[i];
      const std::string prefix = IndexedField("tiers", i);
      if (i > 0 && tier.incomeBelow <= parameters.tiers[i - 1].incomeBelow) {
        Add(issues, JoinField(prefix, "income_below"), "income_below.not_ascending",
            "Each tier's income bound must be above the previous tier's.");
      }
      if (tier.amountPerPerson < Money()) {
        Add(issues, JoinField(prefix, "amount_per_person"), "amount_per_person.negative",
            "A tier's amount per person cannot be negative.");
      }
    }
    if (!parameters.tiers.empty() && parameters.tiers.back().incomeBelow < parameters.standardPerPerson) {
      Add(issues, JoinField(IndexedField("tiers", parameters.tiers.size() - 1), "income_below"),
          "income_below.below_standard",
          "The last tier must reach the standard, so that every eligible household falls in a tier.");
    }
  }
  return issues;
}

ValidationIssues Validate(const NearDibaoParameters& parameters) {
  ValidationIssues issues;
  if (parameters.standardMultiplierPercent <= 100) {
    Add(issues, "standard_multiplier_percent", "standard_multiplier_percent.not_above_100",
        "The near-dibao multiplier must be above 100 percent of the standard.");
  }
  return issues;
}

ValidationIssues Validate(const DestituteParameters& parameters) {
  ValidationIssues issues;
  if (parameters.basicSupportPerMonth < Money()) {
    Add(issues, "basic_support_per_month", "basic_support_per_month.negative", "The basic support cannot be negative.");
  }
  for (std::size_t i = 0; i < parameters.carePerMonth.size(); ++i) {
    if (parameters.carePerMonth[i] < Money()) {
      Add(issues, IndexedField("care_per_month", i), "care_per_month.negative", "A care amount cannot be negative.");
    }
  }
  return issues;
}

ValidationIssues Validate(const TemporaryParameters& parameters) {
  ValidationIssues issues;
  if (parameters.capPerApproval < Money()) {
    Add(issues, "cap_per_approval", "cap_per_approval.negative", "The cap per approval cannot be negative.");
  }
  return issues;
}

DibaoAssessment AssessDibao(const Household& household, const DibaoParameters& parameters) {
  Require(Validate(parameters), "dibao");
  DibaoAssessment result;
  std::vector<std::string>& working = result.working;
  const std::size_t size = household.members.size();
  if (size == 0) {
    working.push_back("家庭无成员：不符合条件");
    return result;
  }
  const auto members = static_cast<std::int64_t>(size);
  const Money standardTotal = parameters.standardPerPerson * members;
  const Money income = household.TotalMonthlyIncome();
  working.push_back("低保标准 " + Yuan(parameters.standardPerPerson) + " × " + Persons(size) + " = " +
                    Yuan(standardTotal));
  working.push_back("家庭月收入 " + Yuan(income));
  // The per-capita figure is shown for the reader; every decision below is
  // taken on the exact totals.
  const bool exactPerCapita = income.Fen() % members == 0;
  working.push_back("人均月收入 " + Yuan(income) + " ÷ " + std::to_string(size) + (exactPerCapita ? " = " : " ≈ ") +
                    Yuan(income.DividedBy(members)));
  if (!(income < standardTotal)) {
    working.push_back("家庭月收入不低于 " + Yuan(standardTotal) + "：不符合条件");
    return result;
  }
  working.push_back("家庭月收入低于 " + Yuan(standardTotal) + "：符合条件");
  result.eligible = true;

  Money amount;
  if (parameters.method == DibaoMethod::Gap) {
    amount = standardTotal - income;
    working.push_back("差额 " + Yuan(standardTotal) + " - " + Yuan(income) + " = " + Yuan(amount));
  } else {
    // Validate guarantees a tier whose bound the income is below.
    const DibaoTier* previous = nullptr;
    for (const DibaoTier& tier : parameters.tiers) {
      if (income < tier.incomeBelow * members) {
        amount = tier.amountPerPerson * members;
        working.push_back("分档：人均月收入" +
                          (previous != nullptr ? "不低于 " + Yuan(previous->incomeBelow) + "、" : std::string()) +
                          "低于 " + Yuan(tier.incomeBelow) + "：每人 " + Yuan(tier.amountPerPerson));
        working.push_back("每人 " + Yuan(tier.amountPerPerson) + " × " + Persons(size) + " = " + Yuan(amount));
        break;
      }
      previous = &tier;
    }
  }
  if (parameters.rounding != Rounding::Fen) {
    amount = Round(amount, parameters.rounding);
    working.push_back(RoundingLine(parameters.rounding, amount));
  }
  if (amount < parameters.minimumPerHousehold) {
    amount = parameters.minimumPerHousehold;
    working.push_back("提高到每户最低保障金 " + Yuan(amount));
  }
  result.amount = amount;
  working.push_back("月保障金 " + Yuan(amount));
  return result;
}

bool NearDibaoEligible(const Household& household, const DibaoParameters& dibao, const NearDibaoParameters& nearDibao) {
  Require(Validate(dibao), "dibao");
  Require(Validate(nearDibao), "near-dibao");
  const auto members = static_cast<std::int64_t>(household.members.size());
  if (members == 0) {
    return false;
  }
  const Money standardTotal = dibao.standardPerPerson * members;
  const Money income = household.TotalMonthlyIncome();
  return !(income < standardTotal) && income * 100 < standardTotal * nearDibao.standardMultiplierPercent;
}

SelfCare AssessSelfCare(const std::array<bool, kSelfCareItemCount>& failed) {
  std::size_t count = 0;
  for (const bool item : failed) {
    count += item ? 1U : 0U;
  }
  if (count == 0) {
    return SelfCare::Able;
  }
  return count <= kMaxPartialLossItems ? SelfCare::PartialLoss : SelfCare::FullLoss;
}

BenefitAmount DestituteAmount(SelfCare selfCare, const DestituteParameters& parameters) {
  Require(Validate(parameters), "destitute");
  const auto index = static_cast<std::size_t>(selfCare);
  if (index >= parameters.carePerMonth.size()) {
    throw std::invalid_argument("DestituteAmount: not a self-care class");
  }
  const Money care = parameters.carePerMonth[index];
  BenefitAmount result;
  result.amount = parameters.basicSupportPerMonth + care;
  result.working.push_back("基本生活标准 " + Yuan(parameters.basicSupportPerMonth));
  result.working.push_back("照料护理标准（" + std::string(ToChinese(selfCare)) + "） " + Yuan(care));
  result.working.push_back("月供养金 " + Yuan(parameters.basicSupportPerMonth) + " + " + Yuan(care) + " = " +
                           Yuan(result.amount));
  return result;
}

BenefitAmount TemporaryAmount(Money requested, const TemporaryParameters& parameters) {
  Require(Validate(parameters), "temporary assistance");
  if (requested < Money()) {
    throw std::invalid_argument("TemporaryAmount: the requested amount is negative");
  }
  BenefitAmount result;
  result.working.push_back("申请救助金额 " + Yuan(requested));
  result.working.push_back("每次救助上限 " + Yuan(parameters.capPerApproval));
  if (parameters.capPerApproval < requested) {
    result.amount = parameters.capPerApproval;
    result.working.push_back("救助金额 " + Yuan(result.amount) + "（按上限）");
  } else {
    result.amount = requested;
    result.working.push_back("救助金额 " + Yuan(result.amount) + "（未超上限）");
  }
  return result;
}

std::vector<PaymentLine> PaymentSchedule(Money monthly, std::chrono::year_month approvedIn,
                                         std::optional<std::chrono::year_month> lastMonth,
                                         std::chrono::year_month through) {
  if (!approvedIn.ok() || !through.ok() || (lastMonth && !lastMonth->ok())) {
    throw std::invalid_argument("PaymentSchedule: not a month");
  }
  if (monthly < Money()) {
    throw std::invalid_argument("PaymentSchedule: negative monthly amount");
  }
  const std::chrono::year_month end = lastMonth && *lastMonth < through ? *lastMonth : through;
  std::vector<PaymentLine> lines;
  if (!(approvedIn < end)) {
    return lines;
  }
  // Counting months from approvedIn never steps past end, so no month
  // outside std::chrono::year's range is ever formed.
  const auto count = (end - approvedIn).count();
  lines.reserve(static_cast<std::size_t>(count));
  for (std::chrono::months::rep i = 1; i <= count; ++i) {
    lines.push_back(PaymentLine{approvedIn + std::chrono::months{i}, monthly});
  }
  return lines;
}

std::vector<PaymentLine> ApplyChange(std::vector<PaymentLine> schedule, Money newMonthly,
                                     std::chrono::year_month decidedIn) {
  if (!decidedIn.ok()) {
    throw std::invalid_argument("ApplyChange: not a month");
  }
  if (newMonthly < Money()) {
    throw std::invalid_argument("ApplyChange: negative monthly amount");
  }
  for (PaymentLine& line : schedule) {
    if (decidedIn < line.month) {
      line.amount = newMonthly;
    }
  }
  return schedule;
}

}  // namespace doudi::model
