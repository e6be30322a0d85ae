#include "demo_cases.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "demo_data.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/amount_parameters.h"
#include "doudi/model/benefit.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/case_workflow.h"
#include "doudi/model/working_day_calendar.h"

namespace doudi::admin {
namespace {

using Date = std::chrono::year_month_day;
using std::chrono::days;
using std::chrono::sys_days;

// ---------------------------------------------------------------- dates

std::string IsoDay(Date date) { return model::IsoDate(date); }

std::string IsoMonth(std::chrono::year_month month) { return IsoDay(month / std::chrono::day{1}).substr(0, 7); }

Date AddDays(Date date, int n) { return Date{sys_days{date} + days{n}}; }

// The holiday calendar loaded in the database, so that steps fall on office
// days; a year without its notice counts weekdays. Set once per run by
// MakeDemoCases (the scheduling helpers below are free functions).
model::WorkingDayCalendar& OfficeCalendar() {
  static model::WorkingDayCalendar calendar;
  return calendar;
}

bool IsOfficeDay(Date date) { return OfficeCalendar().IsWorkingDay(date); }

Date OfficeDayOnOrBefore(Date date) {
  while (!IsOfficeDay(date)) date = AddDays(date, -1);
  return date;
}

Date OfficeDaysBefore(Date date, int n) {
  for (int i = 0; i < n; ++i) date = OfficeDayOnOrBefore(AddDays(date, -1));
  return date;
}

Date OfficeDaysAfter(Date date, int n) {
  for (int i = 0; i < n; ++i) {
    date = AddDays(date, 1);
    while (!IsOfficeDay(date)) date = AddDays(date, 1);
  }
  return date;
}

Date ParseIsoDay(const std::string& text) {
  return Date{std::chrono::year{std::stoi(text.substr(0, 4))},
              std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
              std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
}

// ---------------------------------------------------------------- places and staff

struct Place {
  const char* prefix;
  const char* tag;  // in the invented role names of its staff
  std::array<const char*, 2> surveyors;
};

// The three places of the background article (assets/demo/regions.csv).
constexpr std::array<Place, 3> kPlaces{{
    {"331022", "sm", {"王海峰", "陈丽君"}},
    {"350582", "jj", {"施文彬", "许雅琴"}},
    {"500231", "dj", {"刘德明", "谭小燕"}},
}};

// Who acts at each level. Sanmen's demo users act inside their own scope so
// their task lists and case views show these cases; elsewhere the roles are
// invented names (the database records the role, it need not exist). Three
// different roles keep the separation of duties across levels.
struct Staff {
  std::string clerk;
  std::string reviewer;
  std::string city;
};

Staff StaffFor(const Place& place, const std::string& villageCode) {
  const std::string tag = place.tag;
  if (tag == "sm") {
    return {villageCode == "331022001201" ? "demo_clerk" : "demo_sm_clerk",
            villageCode.rfind("331022001", 0) == 0 ? "demo_reviewer" : "demo_sm_reviewer", "demo_city"};
  }
  return {"demo_" + tag + "_clerk", "demo_" + tag + "_reviewer", "demo_" + tag + "_city"};
}

// ---------------------------------------------------------------- households

struct DemoHousehold {
  std::int64_t id = 0;
  model::Household household;
  bool eligible = false;           // for 低保 on income, today
  std::set<std::string> programs;  // programs it already has a demo case in
  std::set<std::string> excluded;  // programs the database refused beside those (doudi.program_exclusion)
};

// The demo households by place, found by their heads' ID numbers (the
// registry keeps the import's references to itself).
std::map<std::string, std::vector<DemoHousehold>> LoadDemoHouseholds(dal::pg::PgDatabase& db) {
  std::map<std::string, std::vector<DemoHousehold>> byPlace;
  std::set<std::string> seen;
  for (const auto& row : DemoHouseholdRows()) {
    if (!seen.insert(row[model::ImportColumn::HouseholdRef]).second) continue;
    dal::RegistryQuery query;
    query.text = row[model::ImportColumn::IdNumber];
    const auto found = db.Search().Search(query, 0, 1);
    if (found.empty()) continue;
    auto household = db.Registry().LoadHousehold(found.front().householdId);
    if (!household) continue;
    const std::string prefix = household->regionCode.substr(0, 6);
    byPlace[prefix].push_back({found.front().householdId, std::move(*household), false, {}, {}});
  }
  return byPlace;
}

// ---------------------------------------------------------------- parameters

std::string ParameterValue(dal::pg::PgDatabase& db, const std::string& program, const std::string& region,
                           const std::string& key, Date on) {
  const auto p = db.Parameters().Effective(program, region, key, on);
  if (!p) throw std::runtime_error("demo cases: no parameter " + program + "." + key + " for " + region + " on " + IsoDay(on));
  return p->value;
}

// The parameters the amount of program reads, in force for region on the
// day, mapped as every computed amount maps them (model/amount_parameters.h).
// Throws std::runtime_error naming a parameter the rules cannot use: the
// demo's own seed must be usable.
template <typename Parameters>
Parameters AmountParameters(dal::pg::PgDatabase& db, const std::string& program, const std::string& region, Date on,
                            model::ParameterMapping<Parameters> (*map)(const model::ParameterValues&)) {
  const auto inForce = [&](const model::ParameterKey& key) -> std::optional<std::string> {
    const auto p = db.Parameters().Effective(std::string(key.program), region, std::string(key.key), on);
    return p ? std::optional(p->value) : std::nullopt;
  };
  auto mapping = map(model::AmountParameterValues(program, inForce));
  if (!mapping.parameters) {
    throw std::runtime_error("demo cases: " + mapping.issues.front().message + " (" + region + ", " + IsoDay(on) + ")");
  }
  return *mapping.parameters;
}

// The demo places' parameters take effect on 2026-01-01, but the recipients'
// histories start years earlier, and the database counts each step's
// deadlines (the notice's end among them) with the parameters in force that
// day. Each parameter whose first row is later than `since` gets a copy of
// that row in force from `since`: the demo's history. Returns rows added.
int AddParameterHistory(dal::pg::PgDatabase& db, Date since) {
  int added = 0;
  const std::string from = IsoDay(since);
  for (const auto& place : kPlaces) {
    std::map<std::string, dal::ProgramParameter> first;  // by program, prefix and key
    for (const auto& p : db.Parameters().List("", place.prefix)) {
      if (p.regionPrefix.rfind(place.prefix, 0) != 0) continue;
      const std::string key = p.program + "|" + p.regionPrefix + "|" + p.key;
      const auto it = first.find(key);
      if (it == first.end() || p.effectiveFrom < it->second.effectiveFrom) first[key] = p;
    }
    for (auto& [key, p] : first) {
      if (p.effectiveFrom <= from) continue;
      p.effectiveFrom = from;
      p.note = "演示历史：" + p.note;
      db.Parameters().Add(p);
      ++added;
    }
  }
  return added;
}

// ---------------------------------------------------------------- amounts

model::SelfCare SelfCareOf(const model::Household& household) {
  int worstGrade = 0;
  for (const auto& m : household.members) {
    if (m.disabilityGrade > 0 && (worstGrade == 0 || m.disabilityGrade < worstGrade)) worstGrade = m.disabilityGrade;
  }
  // The assessment's items a person of that grade typically fails.
  const int failed = worstGrade == 1 ? 5 : worstGrade == 2 ? 2 : 0;
  std::array<bool, model::kSelfCareItemCount> items{};
  for (int i = 0; i < failed; ++i) items[static_cast<std::size_t>(i)] = true;
  return model::AssessSelfCare(items);
}

model::DibaoAssessment AssessDibao(dal::pg::PgDatabase& db, const model::Household& household, Date on) {
  return model::AssessDibao(household,
                            AmountParameters(db, "dibao", household.regionCode, on, model::DibaoParametersFrom));
}

// A grant the demo clerk would type in: no rule computes these (the
// departments decide), so the working states the figures.
dal::AmountProposal OneOffGrant(model::Money amount, std::vector<std::string> working) {
  dal::AmountProposal proposal;
  proposal.oneOff = amount;
  proposal.working = std::move(working);
  return proposal;
}

dal::AmountProposal Monthly(model::Money amount, std::vector<std::string> working) {
  dal::AmountProposal proposal;
  proposal.monthly = amount;
  proposal.working = std::move(working);
  return proposal;
}

// X: each place's charity fund, given by its county's charity federation.
std::string FundCode(const std::string& region) {
  return "demo_charity_" + region.substr(0, 6);
}

void AddCharityFunds(dal::pg::PgDatabase& db) {
  const std::map<std::string, std::string> federations{
      {"331022", "三门县慈善总会"}, {"350582", "晋江市慈善总会"}, {"500231", "垫江县慈善会"}};
  for (const auto& [prefix, donor] : federations) {
    if (!db.Cases().Funds(prefix).empty()) continue;
    db.Cases().AddFund({FundCode(prefix), donor + "助困基金", donor, prefix, "money",
                        model::Money::FromFen(50'000'000), {}});
  }
}

// The amount proposed for a case of program; nullopt where the program has
// no amount of its own (低保边缘's help comes through the special programs)
// or the household is not eligible. reduced: after a periodic review found
// new work income of half the benefit.
std::optional<dal::AmountProposal> ProposalFor(dal::pg::PgDatabase& db, const std::string& program,
                                               const DemoHousehold& h, Date on, bool reduced) {
  const auto& region = h.household.regionCode;
  const std::int64_t size = static_cast<std::int64_t>(h.household.members.size());
  if (program == "dibao") {
    auto household = h.household;
    auto assessed = AssessDibao(db, household, on);
    if (reduced && assessed.eligible) {
      household.incomes.push_back({{}, model::IncomeKind::Wage, model::Money::FromFen(assessed.amount.Fen() / 200 * 100),
                                   "", "复核新增务工收入"});
      assessed = AssessDibao(db, household, on);
    }
    if (!assessed.eligible) return std::nullopt;
    return Monthly(assessed.amount, assessed.working);
  }
  if (program == "destitute") {
    const auto amount = model::DestituteAmount(
        SelfCareOf(h.household), AmountParameters(db, "destitute", region, on, model::DestituteParametersFrom));
    return Monthly(amount.amount, amount.working);
  }
  if (program == "temporary") {
    const auto amount = model::TemporaryAmount(model::Money::FromFen((200000 + 50000 * size)),
                                               AmountParameters(db, "temporary", region, on,
                                                                model::TemporaryParametersFrom));
    return OneOffGrant(amount.amount, amount.working);
  }
  const auto grant = [](std::int64_t yuan) { return model::Money::FromFen(yuan * 100); };
  if (program == "medical") {
    const auto selfPaid = grant(12000 + 1500 * (h.id % 7));
    const auto aid = selfPaid.DividedBy(10) * 6;
    return OneOffGrant(aid, {"医保报销后个人自付医疗费用 " + selfPaid.ToDisplayString() + " 元",
                             "按60%救助 = " + aid.ToDisplayString() + " 元"});
  }
  if (program == "education") return OneOffGrant(grant(3000), {"一名在校学生本学年教育救助 3,000.00 元"});
  if (program == "housing") return OneOffGrant(grant(20000), {"C级危房修缮补助 20,000.00 元"});
  if (program == "charity") {
    auto proposal = OneOffGrant(grant(2000 + 500 * (h.id % 5)), {"慈善助困金（" + FundCode(region) + "）"});
    proposal.fundCode = FundCode(region);
    proposal.working.front() += " " + proposal.oneOff.ToDisplayString() + " 元";
    return proposal;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- what the steps say

std::string OpinionFor(const std::string& action, const std::string& program, const std::string& from) {
  static const std::map<std::string, std::string> kReview{
      {"dibao", "经入户调查和家庭经济状况核对，家庭人均收入低于当地低保标准，同意纳入。"},
      {"destitute", "经调查核实，申请人无劳动能力、无生活来源、无法定赡养扶养义务人，符合特困人员认定条件，同意纳入。"},
      {"near_dibao", "家庭人均收入高于当地低保标准、低于1.5倍，财产状况符合规定，同意认定为低保边缘家庭。"},
      {"temporary", "因突发事件导致基本生活暂时出现严重困难，符合临时救助条件，建议给予救助。"},
      {"medical", "患重病自付医疗费用负担较重，符合医疗救助条件，建议给予救助。"},
      {"education", "子女在校就读，家庭经济困难，符合教育救助条件，建议给予救助。"},
      {"housing", "现住房屋经鉴定为C级危房，家庭无力修缮，建议给予住房救助。"},
  };
  static const std::map<std::string, std::string> kOpinions{
      {"accept", "申请材料齐全，予以受理。"},
      {"help_first", "家中突发火灾，基本生活陷入困境，情况紧急，先行给予临时救助，事后补办手续。"},
      {"supplement", "已补齐申请书、家庭经济状况授权核对书等材料，补办受理手续。"},
      {"survey", "两名工作人员入户调查，核实家庭人口、收入、财产和居住情况。"},
      {"verify", "家庭经济状况核对完毕，未发现机动车辆、工商登记和大额存款。"},
      {"recommend", "经村民主评议，参会村民代表一致同意推荐。"},
      {"publish", "在村务公开栏公示7天。"},
      {"object", "公示期间有村民反映申请人家庭有经营性收入未申报，登记异议，需重新调查核实。"},
      {"reappraise", "经重新调查和民主评议，所反映的经营性收入已于两年前停止，异议不成立，维持原意见。"},
      {"close_notice", "公示期满无异议，报送审批。"},
      {"approve", "审核确认，同意纳入，自次月起发放。"},
      {"refuse", "经家庭经济状况核对，家庭人均收入高于当地低保标准，不符合最低生活保障条件，不予批准。"},
      {"start_payment", "已核对社会保障卡银行账户，按月发放。"},
      {"review_periodic", "定期复核：入户核查家庭人口、收入和财产变化情况。"},
      {"maintain", "复核后家庭情况无明显变化，维持原保障待遇。"},
      {"adjust", "复核发现家庭成员新增务工收入，按差额重新核定保障金，自次月起调整。"},
      {"begin_exit", "家庭成员已稳定就业，人均收入超过当地低保标准，给予6个月渐退期。"},
      {"terminate", "渐退期满，家庭人均收入持续高于当地低保标准，终止保障。"},
  };
  if (action == "review") {
    const auto it = kReview.find(program);
    return it != kReview.end() ? it->second : "经调查核实，符合救助条件，同意上报。";
  }
  if (action == "notify") {
    return from == "decided_refused" ? "已书面告知申请人不予批准的理由及申请复议、提起诉讼的途径。"
                                     : "已书面告知申请人审批结果及发放时间。";
  }
  const auto it = kOpinions.find(action);
  return it != kOpinions.end() ? it->second : "";
}

// ---------------------------------------------------------------- the paths

// The actions towards each state, longest first; the walk skips an action the
// case's order or program does not have (Jinjiang's recommendation, help
// first for temporary aid only) and stops at the state wanted.
const std::vector<std::vector<std::string>>& Branches(bool resolvedObjection) {
  static const std::vector<std::string> kIntake{"help_first", "supplement", "accept", "survey", "verify", "recommend",
                                                "review",     "publish"};
  const auto with = [](std::vector<std::string> tail) {
    auto path = kIntake;
    path.insert(path.end(), tail.begin(), tail.end());
    return path;
  };
  static const std::vector<std::vector<std::string>> kBranches{
      with({"close_notice", "approve", "notify", "start_payment", "review_periodic", "begin_exit", "terminate"}),
      with({"close_notice", "refuse", "notify"}),
      with({"object"}),
      with({"close_notice", "approve", "notify", "start_payment", "review_periodic", "adjust"}),
  };
  static const std::vector<std::vector<std::string>> kResolved{
      with({"object", "reappraise", "recommend", "review", "publish", "close_notice", "approve", "notify",
            "start_payment"})};
  return resolvedObjection ? kResolved : kBranches;
}

// The actions from application to target; nullopt when the order has no way
// there (village_recommended in the national order).
std::optional<std::vector<std::string>> PathTo(model::StepOrder order, const std::string& program,
                                               const std::string& target, bool helpFirst, bool resolvedObjection) {
  for (const auto& branch : Branches(resolvedObjection)) {
    std::vector<std::string> path;
    std::string state = "applied";
    if (state == target) return path;
    for (const auto& action : branch) {
      if (action == "help_first" && !helpFirst) continue;
      const auto rule = model::FindTransition(order, state, action);
      if (!rule || !model::AppliesToProgram(*rule, program)) continue;
      path.push_back(action);
      state = rule->to;
      if (state == target) return path;
    }
  }
  return std::nullopt;
}

// Office days between the step before and this one.
int GapBefore(const std::string& action) {
  static const std::map<std::string, int> kGaps{
      {"accept", 1},  {"help_first", 0}, {"supplement", 4}, {"survey", 2},        {"verify", 3},
      {"recommend", 3}, {"review", 2},   {"publish", 1},    {"object", 3},        {"reappraise", 5},
      {"approve", 4}, {"refuse", 4},     {"notify", 2},     {"start_payment", 3}, {"review_periodic", 20},
      {"maintain", 3}, {"adjust", 4},    {"begin_exit", 4}, {"terminate", 120},
  };
  const auto it = kGaps.find(action);
  return it != kGaps.end() ? it->second : 2;
}

// The day of each action, counted back from the last one's; the public
// notice runs 7 calendar days before it may close, and a recipient's
// payment starts on paymentStart however long before the later steps.
std::vector<Date> Schedule(const std::vector<std::string>& path, Date last, std::optional<Date> paymentStart) {
  std::vector<Date> dates(path.size());
  for (std::size_t i = path.size(); i-- > 0;) {
    if (path[i] == "start_payment" && paymentStart) {
      dates[i] = OfficeDayOnOrBefore(*paymentStart);
    } else if (i + 1 == path.size()) {
      dates[i] = OfficeDayOnOrBefore(last);
    } else if (path[i + 1] == "close_notice") {
      dates[i] = OfficeDayOnOrBefore(AddDays(dates[i + 1], -7));
    } else {
      dates[i] = OfficeDaysBefore(dates[i + 1], GapBefore(path[i + 1]));
    }
  }
  return dates;
}

// ---------------------------------------------------------------- one case

// Which households a plan draws on.
enum class Pool {
  Recipient,   // on the registry as 低保 and eligible on income
  Applicant,   // eligible on income, not (yet) on 低保
  Destitute,   // on the registry as 特困
  NearDibao,   // on the registry as 低保边缘
  Ineligible,  // income above the 低保 standard: refused
  Any,
};

struct CasePlan {
  const char* program;
  Pool pool;
  const char* target;
  int daysAgo;              // when the last step was taken
  int paidFromMonthsAgo;    // approved this many months before this month; 0 for a case not paid
  bool helpFirst = false;   // 临时救助 helped first, documented after
  bool objection = false;   // an objection during the notice, resolved by reappraisal
};

// Per place: every state of the table, the programs, and recipients approved
// 13 months ago or longer, so this month and the twelve before it are paid.
constexpr CasePlan kPlans[] = {
    {"dibao", Pool::Recipient, "in_payment", 0, 13},
    {"dibao", Pool::Recipient, "in_payment", 0, 16, false, true},
    {"dibao", Pool::Recipient, "in_payment", 0, 20},
    {"dibao", Pool::Recipient, "in_payment", 0, 27},
    {"dibao", Pool::Recipient, "under_review", 3, 14},
    {"dibao", Pool::Recipient, "adjusted", 5, 18},
    {"dibao", Pool::Recipient, "gradual_exit", 30, 22},
    {"dibao", Pool::Recipient, "terminated", 20, 30},
    {"destitute", Pool::Destitute, "in_payment", 0, 14},
    {"destitute", Pool::Destitute, "in_payment", 0, 25},
    {"destitute", Pool::Destitute, "in_payment", 0, 19},
    {"destitute", Pool::Destitute, "awaiting_decision", 2, 0},
    {"temporary", Pool::Applicant, "helped_first", 1, 0, true},
    {"temporary", Pool::Any, "in_payment", 0, 2, true},
    {"temporary", Pool::Applicant, "township_reviewed", 2, 0},
    {"near_dibao", Pool::NearDibao, "accepted", 1, 0},
    {"near_dibao", Pool::NearDibao, "objected", 2, 0},
    {"dibao", Pool::Applicant, "applied", 0, 0},
    {"dibao", Pool::Applicant, "surveyed", 2, 0},
    {"dibao", Pool::Applicant, "village_recommended", 2, 0},
    {"dibao", Pool::Applicant, "in_public_notice", 3, 0},
    {"dibao", Pool::Applicant, "awaiting_decision", 40, 0},
    {"dibao", Pool::Applicant, "notified", 3, 0},
    {"dibao", Pool::Ineligible, "decided_refused", 1, 0},
    {"dibao", Pool::Ineligible, "refusal_notified", 12, 0},
    {"medical", Pool::Any, "verified", 1, 0},
    {"medical", Pool::Any, "in_payment", 0, 4},
    {"education", Pool::Any, "decided_approved", 1, 0},
    {"housing", Pool::Any, "notified", 4, 0},
    {"employment", Pool::Any, "accepted", 5, 0},
    {"disaster", Pool::Any, "surveyed", 1, 0},
    {"charity", Pool::Any, "in_payment", 0, 3},
    {"charity", Pool::Any, "township_reviewed", 2, 0},
};

bool InPool(const DemoHousehold& h, Pool pool) {
  const auto status = h.household.status;
  switch (pool) {
    case Pool::Recipient: return status == model::RegistryStatus::Dibao && h.eligible;
    case Pool::Applicant:
      return status != model::RegistryStatus::Dibao && status != model::RegistryStatus::Destitute && h.eligible;
    case Pool::Destitute: return status == model::RegistryStatus::Destitute;
    case Pool::NearDibao: return status == model::RegistryStatus::NearDibao;
    case Pool::Ineligible: return !h.eligible;
    case Pool::Any: return true;
  }
  return false;
}

// The first household of the pool without a case of the program; a 低保
// recipient short of households comes from the other eligible ones.
// The scan starts at a different household for each plan so that the
// programs any household may have spread over the place.
DemoHousehold* Pick(std::vector<DemoHousehold>& households, const CasePlan& plan, std::size_t planIndex) {
  std::vector<Pool> pools{plan.pool};
  if (plan.pool == Pool::Recipient) pools.push_back(Pool::Applicant);
  for (const Pool pool : pools) {
    for (std::size_t i = 0; i < households.size(); ++i) {
      auto& h = households[(i + planIndex * 7) % households.size()];
      if (!h.programs.count(plan.program) && !h.excluded.count(plan.program) && InPool(h, pool)) return &h;
    }
  }
  return nullptr;
}

// Takes a case through its steps with the demo clock set to each step's day
// and role, recording what each step needs (survey, evidence, amount) first.
class CaseRun {
 public:
  CaseRun(dal::pg::PgDatabase& db, const Place& place, DemoHousehold& household, const CasePlan& plan,
          model::StepOrder order)
      : m_db(db), m_place(place), m_h(household), m_plan(plan), m_order(order),
        m_staff(StaffFor(place, household.household.regionCode)) {}

  // Opens the case; false when the database refuses the program beside
  // one the household already has (programs that exclude each other).
  bool Open(Date on) {
    Clock(on, m_staff.clerk);
    dal::NewCase application{m_h.id, m_plan.program, false, ""};
    // 特困 support is for one person: the demo names the head.
    if (std::string_view(m_plan.program) == "destitute") {
      application.personId = m_db.Cases().HouseholdMembers(m_h.id).at(0).personId;
    }
    try {
      m_id = m_db.Cases().Open(application, dal::NewRequestId());
    } catch (const dal::RuleRefused& e) {
      if (e.Code() != "case.programs_exclude") throw;
      m_h.excluded.insert(m_plan.program);
      return false;
    }
    m_version = 1;
    m_h.programs.insert(m_plan.program);
    return true;
  }

  void Take(const std::string& action, Date on) {
    const auto rule = model::FindTransition(m_order, m_state, action);
    if (!rule) throw std::logic_error("demo cases: no " + action + " from " + m_state);
    Prepare(*rule, on);
    Clock(on, Actor(rule->level));
    m_version = m_db.Cases().Transition(m_id, action, m_version, OpinionFor(action, m_plan.program, m_state),
                                        dal::NewRequestId());
    m_state = std::string(rule->to);
    if (action == "approve" || action == "adjust") m_amountPending = false;
    // An objection during the notice extends the overall limit to 45 working days.
    if (action == "object") {
      Clock(on, m_staff.city);
      m_db.Cases().ExtendLimit(m_id, "公示期间有异议，需重新调查核实", dal::NewRequestId());
    }
  }

  // Yearly or half-yearly reviews that found nothing new, from the review
  // date the database set until `until`.
  void KeepReviewed(Date until) {
    for (int guard = 0; guard < 12 && m_state == "in_payment"; ++guard) {
      const auto record = m_db.Cases().Load(m_id);
      if (!record || record->summary.nextReviewOn.empty()) return;
      const Date review = OfficeDayOnOrBefore(ParseIsoDay(record->summary.nextReviewOn));
      const Date maintain = OfficeDaysAfter(review, GapBefore("maintain"));
      if (sys_days{maintain} >= sys_days{until}) return;
      Take("review_periodic", review);
      Take("maintain", maintain);
    }
  }

  const std::string& State() const { return m_state; }

 private:
  void Clock(Date on, const std::string& actor) {
    const std::string day = IsoDay(on);
    if (day == m_clockDay && actor == m_clockActor) return;
    m_db.SetDemoClock(day, actor);
    m_clockDay = day;
    m_clockActor = actor;
  }

  const std::string& Actor(std::string_view level) const {
    return level == "village" ? m_staff.clerk : level == "township" ? m_staff.reviewer : m_staff.city;
  }

  void Prepare(const model::TransitionRule& rule, Date on) {
    const std::string requirement(rule.requirement);
    if (requirement == "survey") {
      Clock(on, m_staff.reviewer);
      const auto* head = m_h.household.Head();
      const std::string present = head ? head->name : "";
      m_db.Cases().RecordSurvey(m_id,
                                {{m_place.surveyors[0], m_place.surveyors[1]}, IsoDay(on),
                                 "入户核实家庭人口" + std::to_string(m_h.household.members.size()) +
                                     "人，收入、财产和居住情况与申报一致。",
                                 present, "", ""},
                                dal::NewRequestId());
    } else if (requirement == "authorization") {
      // The family signed the authorization with its first application;
      // the village scanned it onto the household.
      const dal::AttachmentOwnerRef household{"household", m_h.id};
      const auto files = m_db.Attachments().Of(household, false);
      if (std::none_of(files.begin(), files.end(), [](const dal::AttachmentInfo& f) { return f.kind == "authorization"; })) {
        Clock(on, m_staff.clerk);
        const dal::NewAttachment signedForm{household, "authorization", "核对授权书.pdf",
                                            DemoAttachmentFile("authorization.pdf"), "申请时家庭成员签字", {}};
        m_db.Attachments().Add(signedForm, dal::NewRequestId());
      }
    } else if (requirement == "verification_report") {
      AddEvidence(m_staff.reviewer, on, "verification_report", "家庭经济状况核对报告 " + IsoDay(on).substr(0, 7),
                  "经民政、税务、社保、不动产、市场监管、公积金、车辆和银行存款等信息核对，未发现不符合条件的情形。");
    } else if (requirement == "appraisal_record") {
      AddEvidence(m_staff.clerk, on, "appraisal_record", "民主评议记录 " + IsoDay(on),
                  "村民代表13人参加评议，12人同意推荐，1人弃权。");
    }
    // The township proposes the amount with its review, so the notice shows it;
    // a review that changes the benefit proposes the new one.
    const bool reviewing = rule.action == "review" && !m_amountPending;
    if (reviewing || (requirement == "amount" && !m_amountPending)) Propose(on, rule.action == "adjust");
  }

  void AddEvidence(const std::string& actor, Date on, const std::string& kind, const std::string& title,
                   const std::string& note) {
    Clock(on, actor);
    // Evidence counts with its scanned file only (docs/attachments.md).
    const dal::NewAttachment scan{{}, "other", title + ".pdf", DemoAttachmentFile("verification_report.pdf"), "", {}};
    m_db.Cases().AddEvidenceWithFile(m_id, {kind, title, note, "", ""}, scan, dal::NewRequestId());
  }

  void Propose(Date on, bool reduced) {
    const auto proposal = ProposalFor(m_db, m_plan.program, m_h, on, reduced);
    if (!proposal) return;
    Clock(on, m_staff.reviewer);
    m_db.Cases().ProposeAmount(m_id, *proposal, dal::NewRequestId());
    m_amountPending = true;
  }

  dal::pg::PgDatabase& m_db;
  const Place& m_place;
  DemoHousehold& m_h;
  const CasePlan& m_plan;
  model::StepOrder m_order;
  Staff m_staff;
  std::int64_t m_id = 0;
  std::int32_t m_version = 0;
  std::string m_state = "applied";
  bool m_amountPending = false;
  std::string m_clockDay;
  std::string m_clockActor;
};

// Makes the plan's case; false when the place's order has no such state or
// no household fits.
bool MakeCase(dal::pg::PgDatabase& db, const Place& place, std::vector<DemoHousehold>& households,
              std::size_t planIndex, model::StepOrder order, Date today) {
  const CasePlan& plan = kPlans[planIndex];
  const auto path = PathTo(order, plan.program, plan.target, plan.helpFirst, plan.objection);
  if (!path) return false;
  std::optional<Date> paymentStart;
  if (plan.paidFromMonthsAgo > 0) {
    // Approved around the 17th, paid from the next month.
    const auto month = std::chrono::year_month{today.year(), today.month()} - std::chrono::months{plan.paidFromMonthsAgo};
    paymentStart = Date{month / std::chrono::day{24}};
  }
  const Date last = paymentStart && plan.daysAgo == 0 ? *paymentStart : AddDays(today, -plan.daysAgo);
  const auto dates = Schedule(*path, last, paymentStart);
  const Date opened = dates.empty() ? OfficeDayOnOrBefore(last) : OfficeDaysBefore(dates.front(), GapBefore(path->front()));
  // The first household of the pool whose other programs allow this one.
  std::optional<CaseRun> run;
  for (;;) {
    DemoHousehold* household = Pick(households, plan, planIndex);
    if (!household) return false;
    run.emplace(db, place, *household, plan, order);
    if (run->Open(opened)) break;
  }
  for (std::size_t i = 0; i < path->size(); ++i) {
    run->Take((*path)[i], dates[i]);
    if ((*path)[i] == "start_payment") run->KeepReviewed(i + 1 < path->size() ? dates[i + 1] : today);
  }
  return true;
}

// Payment lines for this month and the twelve before it, each written in its
// own month by the finance officer. Returns the lines written.
int GeneratePayments(dal::pg::PgDatabase& db, Date today) {
  int lines = 0;
  const std::chrono::year_month current{today.year(), today.month()};
  for (int back = 12; back >= 0; --back) {
    const auto month = current - std::chrono::months{back};
    const Date tenth{month / std::chrono::day{10}};
    db.SetDemoClock(IsoDay(OfficeDayOnOrBefore(back == 0 && today < tenth ? today : tenth)), "demo_finance");
    lines += db.Cases().GeneratePayments(IsoMonth(month));
  }
  return lines;
}

bool AnyCaseExists(dal::pg::PgDatabase& db, const std::map<std::string, std::vector<DemoHousehold>>& byPlace) {
  for (const auto& [prefix, households] : byPlace) {
    for (const auto& h : households) {
      if (!db.Cases().HouseholdCases(h.id).empty()) return true;
    }
  }
  return false;
}

model::StepOrder OrderOf(dal::pg::PgDatabase& db, const Place& place, Date today) {
  return model::ParseStepOrder(ParameterValue(db, "dibao", place.prefix, "step_order", today))
      .value_or(model::StepOrder::National);
}

}  // namespace

int MakeDemoCases(dal::pg::PgDatabase& db, std::chrono::year_month_day today, std::ostream& log) {
  auto byPlace = LoadDemoHouseholds(db);
  if (AnyCaseExists(db, byPlace)) {
    log << "demo cases: the demo households already have cases; none added\n";
    return 0;
  }
  // Three years back covers the oldest recipient's history (30 months and its steps).
  const int history = AddParameterHistory(db, Date{today.year() - std::chrono::years{3}, std::chrono::January,
                                                   std::chrono::day{1}});
  OfficeCalendar() = db.Calendar().Load();
  AddCharityFunds(db);
  int made = 0;
  std::set<std::string> states;
  for (const auto& place : kPlaces) {
    const auto order = OrderOf(db, place, today);
    for (auto& h : byPlace[place.prefix]) h.eligible = AssessDibao(db, h.household, today).eligible;
    for (std::size_t i = 0; i < std::size(kPlans); ++i) {
      if (!MakeCase(db, place, byPlace[place.prefix], i, order, today)) continue;
      ++made;
      states.insert(kPlans[i].target);
    }
  }
  const int lines = GeneratePayments(db, today);
  db.SetDemoClock("", "");
  const std::chrono::year_month current{today.year(), today.month()};
  log << "demo cases: " << made << " cases in " << states.size() << " states over " << kPlaces.size()
      << " places, " << lines << " payment lines for " << IsoMonth(current - std::chrono::months{12}) << " to "
      << IsoMonth(current) << ", " << history << " parameter rows dated back for their history\n";
  return made;
}

}  // namespace doudi::admin
