// The matching rules (docs/matching.md): one function per item, each reading
// the household, the parameters it needs and what the household receives.
#include "doudi/model/matching.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

#include "doudi/model/case_workflow.h"
#include "doudi/model/resident_id.h"
#include "doudi/model/text.h"

namespace doudi::model {
namespace {

static_assert(TableIsComplete(MatchVerdict::Excluded));
static_assert(TableIsComplete(MatchGroup::Support));

// The parameters, by what they are for.
constexpr ParameterKey kStandard{"dibao", "standard_per_person"};
constexpr ParameterKey kNearPercent{"near_dibao", "near_dibao_multiplier"};
constexpr ParameterKey kDepositLimit{"dibao", "deposit_limit_per_person"};
constexpr ParameterKey kVehicleExempt{"dibao", "vehicle_exempt_types"};
constexpr ParameterKey kBusinessLimit{"dibao", "business_capital_limit"};
constexpr ParameterKey kElderlyAge{"destitute", "incapacity_age_from"};
constexpr ParameterKey kMinorAge{"destitute", "incapacity_age_below"};
constexpr ParameterKey kGradeIntellectual{"destitute", "incapacity_grade_intellectual"};
constexpr ParameterKey kGradeMental{"destitute", "incapacity_grade_mental"};
constexpr ParameterKey kGradePhysical{"destitute", "incapacity_grade_physical"};
constexpr ParameterKey kGradeVisual{"destitute", "incapacity_grade_visual"};
constexpr ParameterKey kDisposable{"temporary", "disposable_income_per_capita"};
constexpr ParameterKey kExpenseShare{"temporary", "essential_expense_share"};
constexpr ParameterKey kSpendingOther{"medical", "warning_spending_other"};

constexpr std::array<ParameterKey, 14> kParameterKeys{
    {kStandard, kNearPercent, kDepositLimit, kVehicleExempt, kBusinessLimit, kElderlyAge, kMinorAge, kGradeIntellectual,
     kGradeMental, kGradePhysical, kGradeVisual, kDisposable, kExpenseShare, kSpendingOther}};

constexpr std::array<MatchItemInfo, 19> kItems{{
    {"dibao", MatchGroup::Program, "dibao", "最低生活保障"},
    {"near_dibao", MatchGroup::Program, "near_dibao", "低保边缘家庭救助"},
    {"destitute", MatchGroup::Program, "destitute", "特困人员救助供养", true},
    {"temporary", MatchGroup::Program, "temporary", "临时救助"},
    {"medical", MatchGroup::Program, "medical", "医疗救助"},
    {"education", MatchGroup::Program, "education", "教育救助"},
    {"housing", MatchGroup::Program, "housing", "住房救助"},
    {"employment", MatchGroup::Program, "employment", "就业救助"},
    {"disaster", MatchGroup::Program, "disaster", "受灾人员救助"},
    {"charity", MatchGroup::Program, "charity", "慈善帮扶（X）"},
    {"essential_expense", MatchGroup::Program, "", "刚性支出困难"},
    {"help_employment", MatchGroup::Help, "employment", "帮就业"},
    {"help_medical", MatchGroup::Help, "medical", "帮就医"},
    {"help_schooling", MatchGroup::Help, "education", "帮就学"},
    {"help_housing", MatchGroup::Help, "housing", "帮安居"},
    {"support_poverty", MatchGroup::Support, "", "扶贫困"},
    {"support_elderly_young", MatchGroup::Support, "", "扶老幼"},
    {"support_disabled", MatchGroup::Support, "", "扶伤残"},
    {"support_morale", MatchGroup::Support, "", "扶志气"},
}};

// Every reason a rule gives (docs/matching.md says each in words).
constexpr auto kReasons = std::to_array<std::string_view>({
    // what the household receives
    "case_receiving",
    "case_open",
    "excluded_by_case",
    "registry_status",
    "receives_assistance",
    // parameters
    "parameter_missing",
    "parameter_unusable",
    // income
    "no_members",
    "income_below_standard",
    "income_not_below_standard",
    "income_below_near_dibao_limit",
    "income_not_below_near_dibao_limit",
    "receives_dibao",
    "receives_destitute",
    "in_support_group",
    "not_in_support_group",
    // property
    "deposits_within_limit",
    "deposits_over_limit",
    "vehicle_needs_survey",
    "business_within_limit",
    "business_over_limit",
    // capacity to work
    "no_capacity_no_income_no_supporter",
    "supporters_checked_by_survey",
    "supporter_in_household_needs_survey",
    "incapable_members_have_income",
    "every_member_can_work",
    "work_ability_none_needs_survey",
    "age_unknown",
    // temporary assistance and essential expenses
    "homeless_emergency",
    "expense_with_income_below_disposable",
    "income_not_below_disposable",
    "no_emergency_or_expense_in_record",
    "receives_registry_program",
    "essential_spending_over_share",
    "essential_spending_within_share",
    "spending_unknown_needs_survey",
    "no_essential_spending_in_record",
    // the special programs
    "no_illness_in_record",
    "ill_member_in_support_group",
    "medical_spending_in_support_group",
    "high_self_paid_spending",
    "no_student",
    "student_in_support_group",
    "housing_adequate",
    "housing_hardship_in_support_group",
    "rented_or_borrowed_needs_survey",
    "no_able_member_out_of_work",
    "able_member_in_support_group",
    "nobody_working",
    "homeless_cause_needs_survey",
    "no_disaster_in_record",
    "no_need_in_record",
    "need_in_support_group",
    // the supports
    "no_elderly_or_minor",
    "elderly_or_minor_in_support_group",
    "no_disabled_member",
    "disabled_member_in_support_group",
    "able_member_relies_on_assistance",
    "not_receiving_assistance",
});

constexpr auto kFigures = std::to_array<MatchFigureInfo>({
    {"members", FigureUnit::Count},
    {"total_income", FigureUnit::Fen},
    {"per_capita_income", FigureUnit::Fen},
    {"dibao_standard", FigureUnit::Fen},
    {"dibao_limit_total", FigureUnit::Fen},
    {"near_dibao_percent", FigureUnit::Percent},
    {"near_dibao_limit_total", FigureUnit::Fen},
    {"deposits", FigureUnit::Fen},
    {"deposit_limit_per_person", FigureUnit::Fen},
    {"deposit_limit_total", FigureUnit::Fen},
    {"vehicles", FigureUnit::Count},
    {"vehicle_exempt_types", FigureUnit::Code},
    {"business_capital", FigureUnit::Fen},
    {"business_capital_limit", FigureUnit::Fen},
    {"real_estate", FigureUnit::Count},
    {"registry_status", FigureUnit::Code},
    {"age", FigureUnit::Years},
    {"age_unknown", FigureUnit::Code},
    {"elderly_age", FigureUnit::Years},
    {"minor_age", FigureUnit::Years},
    {"disability", FigureUnit::Grade},
    {"disability_grade_limit", FigureUnit::Grade},
    {"work_ability", FigureUnit::Code},
    {"employment", FigureUnit::Code},
    {"own_income", FigureUnit::Fen},
    {"able_members", FigureUnit::Count},
    {"illness", FigureUnit::Code},
    {"student", FigureUnit::Code},
    {"housing", FigureUnit::Code},
    {"annual_income", FigureUnit::Fen},
    {"disposable_income_per_capita", FigureUnit::Fen},
    {"disposable_income_total", FigureUnit::Fen},
    {"medical_self_paid", FigureUnit::Fen},
    {"medical_warning_other", FigureUnit::Fen},
    {"schooling_paid", FigureUnit::Fen},
    {"essential_spending", FigureUnit::Fen},
    {"essential_share", FigureUnit::Percent},
    {"essential_share_limit", FigureUnit::Fen},
});

// Bounds of a usable value: money up to kMaxAssetValue, so that no product
// below overflows (a standard × 100 members × a percentage of 10,000 stays
// far inside int64); ages in years; a grade 1..4.
constexpr std::int64_t kMaxPercent = 10'000;
constexpr std::int64_t kMaxAge = 150;
constexpr std::int64_t kMaxGrade = 4;
constexpr std::int64_t kMonthsPerYear = 12;
constexpr std::int64_t kPercent = 100;

enum class Tri { Yes, No, Unknown };

// One item being decided: its reasons, figures and missing parameters; the
// verdict is the strongest of what was said (a failed condition over a
// missing parameter over a survey over a met condition).
class Rule {
 public:
  Rule(std::string_view code, std::string_view rule) {
    const auto info = std::find_if(kItems.begin(), kItems.end(), [&](const auto& i) { return i.code == code; });
    if (info == kItems.end()) throw std::logic_error("matching: no item " + std::string(code));
    m_item.code = std::string(code);
    m_item.group = info->group;
    m_item.program = std::string(info->program);
    m_item.perPerson = info->perPerson;
    m_item.rule = std::string(rule);
  }

  void Pass(std::string_view reason) { Say(reason); }
  void May(std::string_view reason) {
    m_may = true;
    Say(reason);
  }
  void Fail(std::string_view reason) {
    m_fail = true;
    Say(reason);
  }
  void Missing(const ParameterKey& key, bool unusable) {
    const std::string name = ParameterName(key);
    if (std::find(m_item.missing.begin(), m_item.missing.end(), name) == m_item.missing.end()) {
      m_item.missing.push_back(name);
    }
    Say(unusable ? "parameter_unusable" : "parameter_missing");
  }
  bool Failed() const { return m_fail; }
  // A member an application of a per-person program would name (a member
  // not yet saved has no id to name).
  void For(const Person& p) {
    if (p.id) m_item.persons.push_back(*p.id);
  }

  void Figure(std::string_view code, std::int64_t value, std::string text = {}, std::string member = {}) {
    const auto info = std::find_if(kFigures.begin(), kFigures.end(), [&](const auto& f) { return f.code == code; });
    if (info == kFigures.end()) throw std::logic_error("matching: no figure " + std::string(code));
    MatchFigure figure{std::string(code), info->unit, value, std::move(text), std::move(member)};
    if (std::find(m_item.figures.begin(), m_item.figures.end(), figure) == m_item.figures.end()) {
      m_item.figures.push_back(std::move(figure));
    }
  }
  void Figure(std::string_view code, Money value, std::string member = {}) {
    Figure(code, value.Fen(), {}, std::move(member));
  }

  MatchItem Finish() {
    if (m_fail) {
      m_item.verdict = MatchVerdict::DoesNotQualify;
    } else if (!m_item.missing.empty()) {
      m_item.verdict = MatchVerdict::CannotDecide;
    } else {
      m_item.verdict = m_may ? MatchVerdict::MayQualify : MatchVerdict::Qualifies;
    }
    return m_item;
  }

 private:
  void Say(std::string_view reason) {
    if (std::find(kReasons.begin(), kReasons.end(), reason) == kReasons.end()) {
      throw std::logic_error("matching: no reason " + std::string(reason));
    }
    if (std::find(m_item.reasons.begin(), m_item.reasons.end(), reason) == m_item.reasons.end()) {
      m_item.reasons.emplace_back(reason);
    }
  }

  MatchItem m_item;
  bool m_may = false;
  bool m_fail = false;
};

struct Member {
  const Person* person = nullptr;
  std::optional<int> age;  // from the ID number; unknown when it is masked
  Money ownIncome;         // the income items recorded for this member
};

bool IsStudent(const Person& p) {
  return p.schooling != Schooling::None || p.employment == Employment::Student;
}

bool IsWorking(const Person& p) {
  return p.employment == Employment::Employed || p.employment == Employment::SelfEmployed ||
         p.employment == Employment::Farming;
}

// The disability categories the 特困 definition names, with their grade key.
std::optional<ParameterKey> GradeKey(DisabilityCategory category) {
  switch (category) {
    case DisabilityCategory::Intellectual:
      return kGradeIntellectual;
    case DisabilityCategory::Mental:
      return kGradeMental;
    case DisabilityCategory::Physical:
      return kGradePhysical;
    case DisabilityCategory::Visual:
      return kGradeVisual;
    default:
      return std::nullopt;
  }
}

// The registry status that says the household receives a program.
std::string_view StatusProgram(RegistryStatus status) {
  switch (status) {
    case RegistryStatus::Dibao:
      return "dibao";
    case RegistryStatus::NearDibao:
      return "near_dibao";
    case RegistryStatus::Destitute:
      return "destitute";
    case RegistryStatus::EssentialExpense:
      return "essential_expense";
    default:
      return {};
  }
}

// What the rules share: the household's facts and the parameters.
// Whether a case in state is open or paid (not refused, not ended), as
// doudi.case_open counts it.
bool CaseCounts(const MatchingCase& c) {
  const auto state = FindCaseState(c.state);
  return !(state && state->terminal);
}

class Facts {
 public:
  explicit Facts(const MatchingInput& input) : m_in(input) {
    const auto& h = input.household;
    m_income = h.TotalMonthlyIncome();
    for (const auto& p : h.members) {
      Member m;
      m.person = &p;
      const auto id = ResidentId::Parse(p.idNumber, input.today);
      if (const auto* parsed = std::get_if<ResidentId>(&id)) m.age = parsed->AgeAt(input.today);
      for (const auto& income : h.incomes) {
        if (!income.memberIdNumber.empty() && income.memberIdNumber == p.idNumber) m.ownIncome += income.monthly;
      }
      m_members.push_back(m);
    }
  }

  const Household& H() const { return m_in.household; }
  const MatchingInput& In() const { return m_in; }
  const std::vector<Member>& Members() const { return m_members; }
  std::int64_t Size() const { return static_cast<std::int64_t>(m_members.size()); }
  Money Income() const { return m_income; }

  // A whole-number parameter within [low, high]; missing or unusable is said
  // in rule and gives nullopt.
  std::optional<std::int64_t> Number(Rule& rule, const ParameterKey& key, std::int64_t low, std::int64_t high) const {
    const auto it = m_in.parameters.find(ParameterName(key));
    if (it == m_in.parameters.end()) {
      rule.Missing(key, false);
      return std::nullopt;
    }
    const auto value = ParseParameterNumber(it->second);
    if (!value || *value < low || *value > high) {
      rule.Missing(key, true);
      return std::nullopt;
    }
    return value;
  }
  std::optional<Money> Fen(Rule& rule, const ParameterKey& key) const {
    const auto fen = Number(rule, key, 0, kMaxAssetValue.Fen());
    return fen ? std::optional(Money::FromFen(*fen)) : std::nullopt;
  }
  std::optional<std::string> Codes(Rule& rule, const ParameterKey& key) const {
    const auto it = m_in.parameters.find(ParameterName(key));
    if (it == m_in.parameters.end()) {
      rule.Missing(key, false);
      return std::nullopt;
    }
    return it->second;
  }

  // The open case of program (the newest), or nullptr.
  const MatchingCase* OpenCase(std::string_view program) const {
    const MatchingCase* open = nullptr;
    for (const auto& c : m_in.cases) {
      if (c.program != program || !CaseCounts(c)) continue;
      if (open == nullptr || c.id > open->id) open = &c;
    }
    return open;
  }
  // Receives program: a case approved and not ended, or the registry status.
  bool Receives(std::string_view program) const {
    const auto* open = OpenCase(program);
    return (open != nullptr && CaseStateReceives(open->state)) || StatusProgram(H().status) == program;
  }
  // Receives 低保, 低保边缘, 特困 or is recorded as 刚性支出困难.
  bool ReceivesAssistance() const {
    return Receives("dibao") || Receives("near_dibao") || Receives("destitute") ||
           H().status == RegistryStatus::EssentialExpense;
  }

 private:
  const MatchingInput& m_in;
  std::vector<Member> m_members;
  Money m_income;
};

// --------------------------------------------------------------- shared tests

void IncomeFigures(Rule& rule, const Facts& f) {
  rule.Figure("members", f.Size());
  rule.Figure("total_income", f.Income());
  if (f.Size() > 0) rule.Figure("per_capita_income", f.Income().DividedBy(f.Size()));
}

// Per-capita income below the 低保 standard: total < standard × members.
std::optional<bool> BelowStandard(Rule& rule, const Facts& f) {
  IncomeFigures(rule, f);
  const auto standard = f.Fen(rule, kStandard);
  if (!standard) return std::nullopt;
  rule.Figure("dibao_standard", *standard);
  rule.Figure("dibao_limit_total", *standard * f.Size());
  return f.Income() < *standard * f.Size();
}

// Per-capita income below the 低保边缘 limit: total × 100 < standard ×
// members × percent.
std::optional<bool> BelowNearLimit(Rule& rule, const Facts& f) {
  IncomeFigures(rule, f);
  const auto standard = f.Fen(rule, kStandard);
  const auto percent = f.Number(rule, kNearPercent, kPercent + 1, kMaxPercent);
  if (!standard || !percent) return std::nullopt;
  const Money limitTimes100 = *standard * f.Size() * *percent;
  rule.Figure("dibao_standard", *standard);
  rule.Figure("near_dibao_percent", *percent);
  rule.Figure("near_dibao_limit_total", limitTimes100.DividedBy(kPercent));
  return f.Income() * kPercent < limitTimes100;
}

// The household is among those the special programs and 四帮四扶 serve: it
// receives 低保, 低保边缘 or 特困 or is recorded as 刚性支出困难, or its
// per-capita income is below the 低保边缘 limit (which includes the 低保 band).
Tri InSupportGroup(Rule& rule, const Facts& f) {
  if (f.ReceivesAssistance()) {
    rule.Pass("receives_assistance");
    if (f.H().status != RegistryStatus::None) rule.Figure("registry_status", 0, std::string(ToCode(f.H().status)));
    return Tri::Yes;
  }
  if (f.Size() == 0) return Tri::No;
  const auto below = BelowNearLimit(rule, f);
  if (!below) return Tri::Unknown;
  if (*below) rule.Pass("income_below_near_dibao_limit");
  return *below ? Tri::Yes : Tri::No;
}

// The gate of an item for the support group: met (with metReason, left to
// a survey when needsSurvey), failed or undecided.
void RequireSupportGroup(Rule& rule, const Facts& f, std::string_view metReason, bool needsSurvey = false) {
  switch (InSupportGroup(rule, f)) {
    case Tri::Yes:
      if (needsSurvey) {
        rule.May(metReason);
      } else {
        rule.Pass(metReason);
      }
      break;
    case Tri::No:
      rule.Fail("not_in_support_group");
      break;
    case Tri::Unknown:
      break;
  }
}

// An item about some members in the support group: each member it
// concerns is shown; none is noneReason, else the support group decides.
template <typename Concerns, typename Show>
void MembersInSupportGroup(Rule& rule, const Facts& f, Concerns concerns, Show show, std::string_view noneReason,
                           std::string_view metReason) {
  bool any = false;
  for (const auto& m : f.Members()) {
    if (!concerns(m)) continue;
    show(m);
    any = true;
  }
  if (any) {
    RequireSupportGroup(rule, f, metReason);
  } else {
    rule.Fail(noneReason);
  }
}

// The property conditions of 低保 and 低保边缘 (docs/matching.md): deposits
// within the limit per person, a vehicle left to the survey (its type
// decides, against the exempt types), a registered business's capital
// within the limit. Real estate is shown, not decided (the verification does).
void CheckAssets(Rule& rule, const Facts& f) {
  Money deposits, capital;
  std::int64_t vehicles = 0, businesses = 0, properties = 0;
  for (const auto& a : f.H().assets) {
    switch (a.kind) {
      case AssetKind::Deposit:
        deposits += a.value;
        break;
      case AssetKind::Vehicle:
        ++vehicles;
        break;
      case AssetKind::BusinessRegistration:
        ++businesses;
        capital += a.value;
        break;
      case AssetKind::RealEstate:
        ++properties;
        break;
    }
  }
  if (deposits > Money()) {
    rule.Figure("deposits", deposits);
    if (const auto limit = f.Fen(rule, kDepositLimit)) {
      rule.Figure("deposit_limit_per_person", *limit);
      rule.Figure("deposit_limit_total", *limit * f.Size());
      if (deposits > *limit * f.Size()) {
        rule.Fail("deposits_over_limit");
      } else {
        rule.Pass("deposits_within_limit");
      }
    }
  }
  if (vehicles > 0) {
    rule.Figure("vehicles", vehicles);
    if (const auto exempt = f.Codes(rule, kVehicleExempt)) {
      rule.Figure("vehicle_exempt_types", 0, *exempt);
      rule.May("vehicle_needs_survey");
    }
  }
  if (businesses > 0) {
    rule.Figure("business_capital", capital);
    if (const auto limit = f.Fen(rule, kBusinessLimit)) {
      rule.Figure("business_capital_limit", *limit);
      if (capital > *limit) {
        rule.Fail("business_over_limit");
      } else {
        rule.Pass("business_within_limit");
      }
    }
  }
  if (properties > 0) rule.Figure("real_estate", properties);
}

// The ages of the 特困 definition: from (≥, elderly) and below (<, minor).
struct AgeLimits {
  std::int64_t elderlyFrom = 0;
  std::int64_t minorBelow = 0;
};

std::optional<AgeLimits> Ages(Rule& rule, const Facts& f) {
  const auto from = f.Number(rule, kElderlyAge, 1, kMaxAge);
  const auto below = f.Number(rule, kMinorAge, 1, kMaxAge);
  if (!from || !below) return std::nullopt;
  rule.Figure("elderly_age", *from);
  rule.Figure("minor_age", *below);
  return AgeLimits{*from, *below};
}

bool Elderly(const Member& m, const AgeLimits& ages) {
  return m.age && *m.age >= ages.elderlyFrom;
}
bool Minor(const Member& m, const AgeLimits& ages) {
  return m.age && *m.age < ages.minorBelow;
}

void AgeFigure(Rule& rule, const Member& m) {
  if (m.age) {
    rule.Figure("age", *m.age, {}, m.person->name);
  } else {
    rule.Figure("age_unknown", 0, {}, m.person->name);
  }
}

void DisabilityFigure(Rule& rule, const Member& m) {
  rule.Figure("disability", m.person->disabilityGrade, std::string(ToCode(m.person->disability)), m.person->name);
}

// Working age (neither elderly nor minor), able to work as recorded, and
// neither working nor in school: the members 就业救助 and 扶志气 are about.
std::vector<const Member*> AbleOutOfWork(const Facts& f, const AgeLimits& ages) {
  std::vector<const Member*> out;
  for (const auto& m : f.Members()) {
    const Person& p = *m.person;
    if (m.age && !Elderly(m, ages) && !Minor(m, ages) && p.workAbility != WorkAbility::None &&
        (p.employment == Employment::Unemployed || p.employment == Employment::None) && !IsStudent(p)) {
      out.push_back(&m);
    }
  }
  return out;
}

// Whether some member is of working age, able to work and out of work (each
// shown); false when none is (said) or the ages are missing.
bool SomeAbleMemberOutOfWork(Rule& rule, const Facts& f) {
  const auto ages = Ages(rule, f);
  if (!ages) return false;
  const auto able = AbleOutOfWork(f, *ages);
  rule.Figure("able_members", static_cast<std::int64_t>(able.size()));
  for (const auto* m : able) {
    AgeFigure(rule, *m);
    rule.Figure("employment", 0, std::string(ToCode(m->person->employment)), m->person->name);
  }
  if (able.empty()) rule.Fail("no_able_member_out_of_work");
  return !able.empty();
}

// ---------------------------------------------------------------- the rules

// 低保 and 低保边缘: a household with members, receiving none of the programs
// that take their place, judged on its income by income() and on its
// property by the limits.
MatchItem IncomeAndAssets(Rule rule, const Facts& f, std::initializer_list<std::string_view> replacedBy,
                          const std::function<void(Rule&)>& income) {
  if (f.Size() == 0) {
    rule.Fail("no_members");
    return rule.Finish();
  }
  for (const std::string_view program : replacedBy) {
    if (f.Receives(program)) {
      rule.Fail("receives_" + std::string(program));
      return rule.Finish();
    }
  }
  income(rule);
  CheckAssets(rule, f);
  return rule.Finish();
}

MatchItem DibaoRule(const Facts& f) {
  // 特困 support takes the place of 低保.
  return IncomeAndAssets(Rule("dibao", "dibao.income_and_assets"), f, {"destitute"}, [&f](Rule& rule) {
    if (const auto below = BelowStandard(rule, f)) {
      if (*below) {
        rule.Pass("income_below_standard");
      } else {
        rule.Fail("income_not_below_standard");
      }
    }
  });
}

MatchItem NearDibaoRule(const Facts& f) {
  return IncomeAndAssets(Rule("near_dibao", "near_dibao.income_and_assets"), f, {"dibao", "destitute"},
                         [&f](Rule& rule) {
                           const auto belowStandard = BelowStandard(rule, f);
                           const auto belowNear = BelowNearLimit(rule, f);
                           if (belowStandard && *belowStandard) {
                             rule.Fail("income_below_standard");  // 低保 is the program for it
                           } else if (belowNear) {
                             if (*belowNear) {
                               rule.Pass("income_below_near_dibao_limit");
                             } else {
                               rule.Fail("income_not_below_near_dibao_limit");
                             }
                           }
                         });
}

MatchItem DestituteRule(const Facts& f) {
  Rule rule("destitute", "destitute.no_capacity_no_income");
  if (f.Size() == 0) {
    rule.Fail("no_members");
    return rule.Finish();
  }
  const auto ages = Ages(rule, f);
  // Members without capacity to work, members able to work (the household's
  // possible supporters), members recorded as unable without meeting the
  // definition, and members whose age is unknown.
  std::vector<const Member*> incapable, able, recordedUnable, unknown;
  bool undecided = !ages;
  for (const auto& m : f.Members()) {
    const Person& p = *m.person;
    bool none = false;
    if (ages && (Elderly(m, *ages) || Minor(m, *ages))) {
      AgeFigure(rule, m);
      none = true;
    }
    if (const auto key = GradeKey(p.disability); key && p.disabilityGrade > 0) {
      if (const auto limit = f.Number(rule, *key, 1, kMaxGrade)) {
        if (p.disabilityGrade <= *limit) {
          DisabilityFigure(rule, m);
          rule.Figure("disability_grade_limit", *limit, std::string(ToCode(p.disability)));
          none = true;
        }
      } else {
        undecided = true;
      }
    }
    if (none) {
      incapable.push_back(&m);
    } else if (!m.age) {
      unknown.push_back(&m);
    } else if (p.workAbility == WorkAbility::None) {
      recordedUnable.push_back(&m);
    } else {
      able.push_back(&m);
    }
  }
  if (undecided) return rule.Finish();
  rule.Figure("able_members", static_cast<std::int64_t>(able.size()));
  // The members an application names, without income of their own: those
  // without capacity to work; where nobody clearly is, those the survey
  // must look at (recorded as unable, or of unknown age).
  const auto name = [&rule](const std::vector<const Member*>& members) {
    for (const auto* m : members) {
      if (m->ownIncome == Money()) rule.For(*m->person);
    }
  };
  if (incapable.empty()) {
    for (const auto* m : unknown) AgeFigure(rule, *m);
    for (const auto* m : recordedUnable) rule.Figure("work_ability", 0, "none", m->person->name);
    if (!unknown.empty()) rule.May("age_unknown");
    if (!recordedUnable.empty()) rule.May("work_ability_none_needs_survey");
    if (unknown.empty() && recordedUnable.empty()) rule.Fail("every_member_can_work");
    name(recordedUnable);
    name(unknown);
    return rule.Finish();
  }
  const bool someWithoutIncome =
      std::any_of(incapable.begin(), incapable.end(), [](const Member* m) { return m->ownIncome == Money(); });
  rule.Figure("total_income", f.Income());
  if (!someWithoutIncome) {
    for (const auto* m : incapable) rule.Figure("own_income", m->ownIncome, m->person->name);
    rule.Fail("incapable_members_have_income");
  } else if (f.Income() == Money() && able.empty() && unknown.empty()) {
    rule.Pass("no_capacity_no_income_no_supporter");
    rule.Pass("supporters_checked_by_survey");
  } else {
    rule.May("supporter_in_household_needs_survey");
  }
  if (!rule.Failed()) name(incapable);
  return rule.Finish();
}

// Signs of a spending-driven hardship in the record.
bool ExpenseSigns(Rule& rule, const Facts& f) {
  bool any = false;
  for (const auto& m : f.Members()) {
    if (!m.person->illnesses.empty()) {
      rule.Figure("illness", 0, Join(m.person->illnesses, ";"), m.person->name);
      any = true;
    }
  }
  if (f.In().medicalSelfPaid && *f.In().medicalSelfPaid > Money()) {
    rule.Figure("medical_self_paid", *f.In().medicalSelfPaid);
    any = true;
  }
  if (f.In().schoolingPaid && *f.In().schoolingPaid > Money()) {
    rule.Figure("schooling_paid", *f.In().schoolingPaid);
    any = true;
  }
  if (f.H().housing == HousingCondition::Dilapidated) {
    rule.Figure("housing", 0, std::string(ToCode(f.H().housing)));
    any = true;
  }
  return any;
}

// Annual income against the previous year's disposable income per capita ×
// members: total × 12 < disposable × members.
std::optional<bool> BelowDisposable(Rule& rule, const Facts& f) {
  const auto disposable = f.Fen(rule, kDisposable);
  if (!disposable) return std::nullopt;
  rule.Figure("annual_income", f.Income() * kMonthsPerYear);
  rule.Figure("disposable_income_per_capita", *disposable);
  rule.Figure("disposable_income_total", *disposable * f.Size());
  return f.Income() * kMonthsPerYear < *disposable * f.Size();
}

MatchItem TemporaryRule(const Facts& f) {
  Rule rule("temporary", "temporary.emergency_or_expense");
  const bool homeless = f.H().housing == HousingCondition::Homeless;
  if (homeless) {
    rule.Figure("housing", 0, std::string(ToCode(f.H().housing)));
    rule.May("homeless_emergency");
  }
  if (f.Size() == 0) {
    if (!homeless) rule.Fail("no_members");
    return rule.Finish();
  }
  if (ExpenseSigns(rule, f)) {
    if (const auto below = BelowDisposable(rule, f)) {
      if (*below) {
        rule.May("expense_with_income_below_disposable");
      } else if (!homeless) {
        rule.Fail("income_not_below_disposable");
      }
    }
  } else if (!homeless) {
    rule.Fail("no_emergency_or_expense_in_record");
  }
  return rule.Finish();
}

MatchItem MedicalRule(const Facts& f) {
  Rule rule("medical", "medical.ill_member_in_support_group");
  bool ill = false;
  for (const auto& m : f.Members()) {
    if (!m.person->illnesses.empty()) {
      rule.Figure("illness", 0, Join(m.person->illnesses, ";"), m.person->name);
      ill = true;
    }
  }
  const auto spent = f.In().medicalSelfPaid;
  if (spent) rule.Figure("medical_self_paid", *spent);
  if (!ill && !(spent && *spent > Money())) {
    rule.Fail("no_illness_in_record");
    return rule.Finish();
  }
  switch (InSupportGroup(rule, f)) {
    case Tri::Yes:
      rule.Pass(ill ? "ill_member_in_support_group" : "medical_spending_in_support_group");
      break;
    case Tri::Unknown:
      break;
    case Tri::No: {
      // 因病致贫: self-paid spending above the warning for those not on the registry.
      const auto limit = spent ? f.Fen(rule, kSpendingOther) : std::nullopt;
      if (limit) rule.Figure("medical_warning_other", *limit);
      if (limit && *spent > *limit) {
        rule.May("high_self_paid_spending");
      } else if (limit || !spent) {
        rule.Fail("not_in_support_group");
      }
      break;
    }
  }
  return rule.Finish();
}

MatchItem EducationRule(const Facts& f) {
  Rule rule("education", "education.student_in_support_group");
  if (f.In().schoolingPaid) rule.Figure("schooling_paid", *f.In().schoolingPaid);
  MembersInSupportGroup(
      rule, f, [](const Member& m) { return IsStudent(*m.person); },
      [&](const Member& m) {
        rule.Figure("student", 0, std::string(ToCode(m.person->schooling)), m.person->name);
        AgeFigure(rule, m);
      },
      "no_student", "student_in_support_group");
  return rule.Finish();
}

MatchItem HousingRule(const Facts& f) {
  Rule rule("housing", "housing.hardship_in_support_group");
  const HousingCondition housing = f.H().housing;
  rule.Figure("housing", 0, std::string(ToCode(housing)));
  if (housing == HousingCondition::Owned) {
    rule.Fail("housing_adequate");
    return rule.Finish();
  }
  // Dilapidated or none qualifies; renting or borrowing is for the survey (rent subsidy).
  const bool hardship = housing == HousingCondition::Dilapidated || housing == HousingCondition::Homeless;
  RequireSupportGroup(rule, f, hardship ? "housing_hardship_in_support_group" : "rented_or_borrowed_needs_survey",
                      !hardship);
  return rule.Finish();
}

MatchItem EmploymentRule(const Facts& f) {
  Rule rule("employment", "employment.able_member_out_of_work");
  if (!SomeAbleMemberOutOfWork(rule, f)) return rule.Finish();
  const bool nobodyWorking =
      std::none_of(f.Members().begin(), f.Members().end(), [](const Member& m) { return IsWorking(*m.person); });
  RequireSupportGroup(rule, f, "able_member_in_support_group");
  if (nobodyWorking && !rule.Failed()) rule.Pass("nobody_working");
  return rule.Finish();
}

MatchItem DisasterRule(const Facts& f) {
  Rule rule("disaster", "disaster.reported_by_emergency_management");
  rule.Figure("housing", 0, std::string(ToCode(f.H().housing)));
  if (f.H().housing == HousingCondition::Homeless) {
    rule.May("homeless_cause_needs_survey");
  } else {
    rule.Fail("no_disaster_in_record");
  }
  return rule.Finish();
}

MatchItem CharityRule(const Facts& f) {
  Rule rule("charity", "charity.need_in_support_group");
  bool need = false;
  for (const auto& m : f.Members()) {
    const Person& p = *m.person;
    if (!p.illnesses.empty()) rule.Figure("illness", 0, Join(p.illnesses, ";"), p.name);
    if (p.disability != DisabilityCategory::None) DisabilityFigure(rule, m);
    if (IsStudent(p)) rule.Figure("student", 0, std::string(ToCode(p.schooling)), p.name);
    need = need || !p.illnesses.empty() || p.disability != DisabilityCategory::None || IsStudent(p);
  }
  if (f.H().housing != HousingCondition::Owned) {
    rule.Figure("housing", 0, std::string(ToCode(f.H().housing)));
    need = true;
  }
  if (!need) {
    rule.Fail("no_need_in_record");
    return rule.Finish();
  }
  RequireSupportGroup(rule, f, "need_in_support_group", true);  // the fund decides
  return rule.Finish();
}

MatchItem EssentialExpenseRule(const Facts& f) {
  Rule rule("essential_expense", "essential_expense.spending_share");
  if (f.Receives("dibao") || f.Receives("near_dibao") || f.Receives("destitute")) {
    if (f.H().status != RegistryStatus::None) rule.Figure("registry_status", 0, std::string(ToCode(f.H().status)));
    rule.Fail("receives_registry_program");
    return rule.Finish();
  }
  if (f.Size() == 0) {
    rule.Fail("no_members");
    return rule.Finish();
  }
  IncomeFigures(rule, f);
  const auto below = BelowDisposable(rule, f);
  if (below && !*below) {
    rule.Fail("income_not_below_disposable");
    return rule.Finish();
  }
  const auto share = f.Number(rule, kExpenseShare, 1, kMaxPercent);
  if (!below || !share) return rule.Finish();
  const Money annual = f.Income() * kMonthsPerYear;
  rule.Figure("essential_share", *share);
  rule.Figure("essential_share_limit", (annual * *share).DividedBy(kPercent));
  const auto& medical = f.In().medicalSelfPaid;
  const auto& schooling = f.In().schoolingPaid;
  if (medical) rule.Figure("medical_self_paid", *medical);
  if (schooling) rule.Figure("schooling_paid", *schooling);
  const bool ill =
      std::any_of(f.Members().begin(), f.Members().end(), [](const Member& m) { return !m.person->illnesses.empty(); });
  const bool student =
      std::any_of(f.Members().begin(), f.Members().end(), [](const Member& m) { return IsStudent(*m.person); });
  if (!medical && !schooling) {
    if (ill || student) {
      rule.May("spending_unknown_needs_survey");
    } else {
      rule.Fail("no_essential_spending_in_record");
    }
    return rule.Finish();
  }
  const Money spent = medical.value_or(Money()) + schooling.value_or(Money());
  rule.Figure("essential_spending", spent);
  // "Above a share of income": spent × 100 > annual income × share.
  if (spent * kPercent > annual * *share) {
    rule.Pass("essential_spending_over_share");
  } else if ((medical || !ill) && (schooling || !student)) {
    rule.Fail("essential_spending_within_share");
  } else {
    rule.May("spending_unknown_needs_survey");  // the unknown part may still lift it over
  }
  return rule.Finish();
}

MatchItem SupportPoverty(const Facts& f) {
  Rule rule("support_poverty", "support.poverty");
  RequireSupportGroup(rule, f, "in_support_group");
  return rule.Finish();
}

MatchItem SupportElderlyYoung(const Facts& f) {
  Rule rule("support_elderly_young", "support.elderly_young");
  const auto ages = Ages(rule, f);
  if (!ages) return rule.Finish();
  MembersInSupportGroup(
      rule, f, [&](const Member& m) { return Elderly(m, *ages) || Minor(m, *ages); },
      [&](const Member& m) { AgeFigure(rule, m); }, "no_elderly_or_minor", "elderly_or_minor_in_support_group");
  return rule.Finish();
}

MatchItem SupportDisabled(const Facts& f) {
  Rule rule("support_disabled", "support.disabled");
  MembersInSupportGroup(
      rule, f, [](const Member& m) { return m.person->disability != DisabilityCategory::None; },
      [&](const Member& m) { DisabilityFigure(rule, m); }, "no_disabled_member", "disabled_member_in_support_group");
  return rule.Finish();
}

MatchItem SupportMorale(const Facts& f) {
  Rule rule("support_morale", "support.morale");
  if (!SomeAbleMemberOutOfWork(rule, f)) return rule.Finish();
  if (f.ReceivesAssistance()) {
    if (f.H().status != RegistryStatus::None) rule.Figure("registry_status", 0, std::string(ToCode(f.H().status)));
    rule.Pass("able_member_relies_on_assistance");
  } else {
    rule.Fail("not_receiving_assistance");
  }
  return rule.Finish();
}

// What the household already has of item's program: an open case (paying or
// still being decided), else the registry status that names it.
void MarkReceived(MatchItem& item, const Facts& f) {
  const std::string_view program = item.program.empty() ? std::string_view(item.code) : item.program;
  if (item.perPerson) {
    // A member with an open case of the program has theirs; while another
    // is left to name, the item stays the rule's.
    bool anyOpen = false;
    for (const auto& c : f.In().cases) {
      if (c.program != program || c.personId == 0 || !CaseCounts(c)) continue;
      std::erase(item.persons, c.personId);
      anyOpen = true;
    }
    if (anyOpen && !item.persons.empty()) return;
  }
  if (const auto* open = f.OpenCase(program)) {
    const bool receiving = CaseStateReceives(open->state);
    item.verdict = receiving ? MatchVerdict::AlreadyReceives : MatchVerdict::ApplicationOpen;
    item.caseId = open->id;
    item.caseState = open->state;
    item.reasons.insert(item.reasons.begin(), receiving ? "case_receiving" : "case_open");
  } else if (StatusProgram(f.H().status) == program) {
    item.verdict = MatchVerdict::AlreadyReceives;
    item.reasons.insert(item.reasons.begin(), "registry_status");
    const MatchFigure status{"registry_status", FigureUnit::Code, 0, std::string(ToCode(f.H().status)), {}};
    if (std::find(item.figures.begin(), item.figures.end(), status) == item.figures.end()) {
      item.figures.insert(item.figures.begin(), status);
    }
  }
}

// Whether program is applied for per person (MatchItems' perPerson).
bool PerPersonProgram(std::string_view program) {
  return std::any_of(kItems.begin(), kItems.end(),
                     [&](const MatchItemInfo& i) { return i.program == program && i.perPerson; });
}

// An item the household could apply for, while a case of a program it is not
// received with is open or paid, is Excluded (doudi.case_open would refuse
// it): for two per-person programs only the members of such cases are taken
// from the item's persons, and it is Excluded once none is left.
void MarkExcluded(MatchItem& item, const Facts& f) {
  if (item.group != MatchGroup::Program || item.program.empty()) return;
  if (item.verdict == MatchVerdict::ApplicationOpen || item.verdict == MatchVerdict::AlreadyReceives) return;
  const MatchingCase* clash = nullptr;
  const ProgramExclusion* pair = nullptr;
  for (const auto& x : f.In().exclusions) {
    const std::string* other = x.program == item.program    ? &x.excludes
                               : x.excludes == item.program ? &x.program
                                                            : nullptr;
    if (other == nullptr) continue;
    const bool byPerson = item.perPerson && PerPersonProgram(*other);
    for (const auto& c : f.In().cases) {
      if (c.program != *other || !CaseCounts(c)) continue;
      if (byPerson) {
        std::erase(item.persons, c.personId);
        if (!item.persons.empty()) continue;
      }
      if (clash == nullptr || c.id > clash->id) {
        clash = &c;
        pair = &x;
      }
    }
  }
  if (clash == nullptr) return;
  item.verdict = MatchVerdict::Excluded;
  item.caseId = clash->id;
  item.caseState = clash->state;
  item.excludedBy = clash->program;
  item.exclusion = pair->reason;
  item.persons.clear();
  item.reasons.insert(item.reasons.begin(), "excluded_by_case");
}

// A help item: its program's verdict under its own code.
MatchItem HelpFrom(const MatchItem& program, std::string_view code) {
  MatchItem help = program;
  help.code = std::string(code);
  help.group = MatchGroup::Help;
  return help;
}

}  // namespace

std::span<const ParameterKey> MatchingParameterKeys() {
  return kParameterKeys;
}

std::span<const MatchItemInfo> MatchItems() {
  return kItems;
}

std::span<const std::string_view> MatchReasonCodes() {
  return kReasons;
}

std::span<const MatchFigureInfo> MatchFigureCodes() {
  return kFigures;
}

bool CaseStateReceives(std::string_view state) {
  static constexpr std::array<std::string_view, 6> kReceiving{
      {"decided_approved", "notified", "in_payment", "under_review", "adjusted", "gradual_exit"}};
  return std::find(kReceiving.begin(), kReceiving.end(), state) != kReceiving.end();
}

bool MatchItem::MayApply() const {
  return group == MatchGroup::Program && !program.empty() && verdict != MatchVerdict::ApplicationOpen &&
         verdict != MatchVerdict::AlreadyReceives && verdict != MatchVerdict::Excluded &&
         (!perPerson || !persons.empty());
}

std::vector<MatchItem> MatchHousehold(const MatchingInput& input) {
  const Facts f(input);
  std::vector<MatchItem> items{DibaoRule(f),    NearDibaoRule(f), DestituteRule(f),       TemporaryRule(f),
                               MedicalRule(f),  EducationRule(f), HousingRule(f),         EmploymentRule(f),
                               DisasterRule(f), CharityRule(f),   EssentialExpenseRule(f)};
  for (auto& item : items) {
    MarkReceived(item, f);
    MarkExcluded(item, f);
  }
  const auto program = [&](std::string_view code) -> const MatchItem& {
    return *std::find_if(items.begin(), items.end(), [&](const MatchItem& i) { return i.code == code; });
  };
  std::vector<MatchItem> helps{
      HelpFrom(program("employment"), "help_employment"), HelpFrom(program("medical"), "help_medical"),
      HelpFrom(program("education"), "help_schooling"), HelpFrom(program("housing"), "help_housing")};
  items.insert(items.end(), helps.begin(), helps.end());
  items.push_back(SupportPoverty(f));
  items.push_back(SupportElderlyYoung(f));
  items.push_back(SupportDisabled(f));
  items.push_back(SupportMorale(f));
  return items;
}

}  // namespace doudi::model
