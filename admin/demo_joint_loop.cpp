#include "demo_joint_loop.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "doudi/dal/case_repository.h"
#include "doudi/dal/help_repository.h"
#include "doudi/dal/holiday_calendar.h"
#include "doudi/dal/pairing_repository.h"
#include "doudi/dal/referral_repository.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/money.h"
#include "doudi/model/working_day_calendar.h"

namespace doudi::admin {
namespace {

using Date = std::chrono::year_month_day;

constexpr const char* kCounty = "331022";  // Sanmen: the demo users' county
constexpr const char* kFund = "demo_charity_331022";
constexpr const char* kTopUpSource = "三门县慈善总会“慈善一日捐”（演示）";

// Days back from today, moved back onto an office day.
class Days {
 public:
  Days(dal::pg::PgDatabase& db, Date today) : m_calendar(db.Calendar().Load()), m_today(today) {}
  std::string Back(int n) const {
    Date date{std::chrono::sys_days{m_today} - std::chrono::days{n}};
    while (!m_calendar.IsWorkingDay(date)) date = Date{std::chrono::sys_days{date} - std::chrono::days{1}};
    return model::IsoDate(date);
  }

 private:
  model::WorkingDayCalendar m_calendar;
  Date m_today;
};

// The Sanmen cases in payment of program, oldest first (the demo cases made them).
std::vector<dal::CaseSummary> Paid(dal::pg::PgDatabase& db, const std::string& program) {
  dal::CaseQuery query;
  query.program = program;
  query.state = "in_payment";
  query.regionPrefix = kCounty;
  std::vector<dal::CaseSummary> cases;
  for (const auto& found : db.Cases().Search(query)) cases.push_back(found.summary);
  std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return cases;
}

std::int32_t VersionOf(dal::pg::PgDatabase& db, std::int64_t referral) {
  const auto r = db.Referrals().Get(referral);
  if (!r) throw std::runtime_error("demo: referral " + std::to_string(referral) + " is gone");
  return r->version;
}

// One household's joint help: a send to three departments on its 低保 case
// forty days ago (医保 accepts it and answers with 医疗救助 twelve days ago,
// within the liaison's access; 教育 answers with a grant; 人社 accepted and
// is now overdue past escalation), a charity grant and an enterprise's job
// from the help records, and its pairing with an enterprise and a social
// worker who visited. The 医保 liaison answers her own department's; the
// center (the administrator) records the others' answers on their behalf.
int FirstHousehold(dal::pg::PgDatabase& db, const Days& days, const dal::CaseSummary& c) {
  db.SetDemoClock(days.Back(40), "demo_admin");
  const auto ids = db.Referrals().Send(
      dal::NewRequestId(), {c.householdId, c.id, std::nullopt}, "低保户联合帮扶：就医、就学、就业",
      {{"medical_insurance", "medical_aid", "核查住院自付费用，落实医疗救助和大病保险二次报销", {"住院费用清单"}},
       {"education", "school_aid", "在校学生申请国家助学金和学费减免", {"学籍证明"}},
       {"human_resources", "job", "为有劳动能力的家庭成员推荐公益性岗位", {}}});
  db.SetDemoClock(days.Back(38), "demo_liaison");
  db.Referrals().Accept(ids[0], VersionOf(db, ids[0]));
  db.SetDemoClock(days.Back(38), "demo_admin");
  for (const auto id : {ids[1], ids[2]}) db.Referrals().Accept(id, VersionOf(db, id));
  db.SetDemoClock(days.Back(25), "demo_admin");
  dal::ReferralFeedback school{dal::NewRequestId(), "school_aid", 150000, "国家助学金 1,500.00 元（本学期）",
                               days.Back(26), "教育局 学生资助中心", {}};
  db.Referrals().Feedback(ids[1], VersionOf(db, ids[1]), school);
  db.SetDemoClock(days.Back(12), "demo_liaison");
  dal::ReferralFeedback medical{dal::NewRequestId(), "medical_aid", 356000, "医疗救助 3,560.00 元已拨付至一卡通",
                                days.Back(13), "医保局 郑海燕", {}};
  db.Referrals().Feedback(ids[0], VersionOf(db, ids[0]), medical);

  db.SetDemoClock(days.Back(20), "demo_admin");
  dal::HelpEntry grant;
  grant.kind = "cash";
  grant.giverKind = "fund";
  grant.fundCode = kFund;
  grant.givenOn = days.Back(20);
  grant.amount = model::Money::FromFen(80000);
  grant.description = "慈善助困金，用于冬季取暖";
  grant.givenBy = "三门县慈善总会";
  grant.caseId = c.id;
  db.Help().Add(c.householdId, grant, dal::NewRequestId());
  db.SetDemoClock(days.Back(18), "demo_admin");
  dal::HelpEntry job;
  job.kind = "job";
  job.giverKind = "enterprise";
  job.giver = "三门县爱心企业联合会";
  job.givenOn = days.Back(18);
  job.description = "安排一名家庭成员到联合会成员企业从事包装工作，月薪 2,800 元";
  job.givenBy = "林建华";
  db.Help().Add(c.householdId, job, dal::NewRequestId());

  db.SetDemoClock(days.Back(60), "demo_admin");
  db.Pairing().Enroll(c.householdId, days.Back(60));
  const auto enterprise = db.Pairing().AddContact({0, kCounty, "enterprise", "林建华", "三门县爱心企业联合会",
                                                   "0576-83300000", true});
  const auto worker = db.Pairing().AddContact({0, kCounty, "social_worker", "陈晓燕", "三门县社会工作服务中心",
                                               "0576-83311111", true});
  db.Pairing().Assign(c.householdId, "enterprise", "", enterprise, days.Back(60));
  db.Pairing().Assign(c.householdId, "social_worker", "", worker, days.Back(60));
  db.SetDemoClock(days.Back(45), "demo_admin");
  db.Pairing().AddVisit({dal::NewRequestId(), c.householdId, days.Back(45), "social_worker", "",
                         "户主术后恢复中，需定期复查；子女在校，学费有困难", "转办医保、教育，跟进复查费用"});
  db.SetDemoClock(days.Back(15), "demo_admin");
  db.Pairing().AddVisit({dal::NewRequestId(), c.householdId, days.Back(15), "enterprise", "",
                         "家庭成员已到企业上岗，适应良好", "三个月后回访就业稳定情况"});
  return static_cast<int>(ids.size());
}

// A second household, referred five days ago: 民政's winter goods still
// open (not yet due), 残联's declined with the reason.
int SecondHousehold(dal::pg::PgDatabase& db, const Days& days, const dal::CaseSummary& c) {
  db.SetDemoClock(days.Back(5), "demo_admin");
  const auto ids = db.Referrals().Send(
      dal::NewRequestId(), {c.householdId, c.id, std::nullopt}, "入冬走访发现的困难",
      {{"civil_affairs", "in_kind", "发放冬季御寒物资（棉被、棉衣）", {}},
       {"disabled_federation", "service", "评估是否需要康复服务", {"残疾人证"}}});
  db.SetDemoClock(days.Back(3), "demo_admin");
  db.Referrals().Decline(ids[1], VersionOf(db, ids[1]), "该户无持证残疾人，不属本部门帮扶范围，建议转卫健部门");
  return static_cast<int>(ids.size());
}

}  // namespace

int MakeDemoJointLoop(dal::pg::PgDatabase& db, std::chrono::year_month_day today, std::ostream& log) {
  const auto dibao = Paid(db, "dibao");
  if (dibao.size() < 2) {
    log << "demo joint loop: fewer than two Sanmen 低保 cases in payment; none added\n";
    return 0;
  }
  // The top-up is the first thing made: there, the loop is (a run that
  // failed after it is not completed by running again).
  const auto topUps = db.Help().TopUps(kFund);
  if (std::any_of(topUps.begin(), topUps.end(), [](const dal::FundTopUp& t) { return t.source == kTopUpSource; })) {
    log << "demo joint loop: already there; none added\n";
    return 0;
  }
  const Days days(db, today);
  db.SetDemoClock(days.Back(50), "demo_admin");
  db.Help().TopUp(kFund, model::Money::FromFen(2'000'000), kTopUpSource, days.Back(50),
                  dal::NewRequestId());
  int referrals = FirstHousehold(db, days, dibao[0]);
  referrals += SecondHousehold(db, days, dibao[1]);
  db.SetDemoClock("", "");
  log << "demo joint loop: " << referrals << " referrals (answered, declined, open and overdue), "
      << "2 help records, a fund top-up and a paired household with 2 visits\n";
  return referrals;
}

}  // namespace doudi::admin
