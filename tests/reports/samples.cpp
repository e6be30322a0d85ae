#include "samples.h"

#include <array>

#include "doudi/model/resident_id.h"

namespace doudi::reports::samples {
namespace {

using model::Money;
using model::Relation;
using model::WorkAbility;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

year_month_day Date(int y, unsigned m, unsigned d) {
  return year_month_day{year{y}, month{m}, day{d}};
}

Money Yuan(std::int64_t yuan, std::int64_t fen = 0) {
  return Money::FromFen(yuan * 100 + fen);
}

ObjectionRights Rights() {
  return ObjectionRights{"三门县人民政府", 60, "三门县人民法院", 6};
}

HouseholdInput ZhangHousehold() {
  HouseholdInput household;
  household.headName = "章海明";
  household.regionName = "三门县海游街道悬渚村";
  household.address = "三门县海游街道悬渚村前洋路18号";
  household.phone = "0576-83312345";
  household.bankName = "三门农村商业银行海游支行";
  household.bankAccount = "6217230912345678901";
  household.members = {
      {"章海明", ResidentIdFor(1971, 4, 12, 31), Relation::Head, "慢性病（尿毒症，定期透析）", WorkAbility::None, Money()},
      {"叶秀芬", ResidentIdFor(1974, 9, 3, 42), Relation::Spouse, "健康", WorkAbility::Full, Yuan(1260)},
      {"章晓雨", ResidentIdFor(2009, 2, 17, 22), Relation::Child, "健康，在校学生（三门中学高一）", WorkAbility::None, Money()},
      {"潘彩娥", ResidentIdFor(1946, 11, 25, 28), Relation::Parent, "残疾（肢体三级）", WorkAbility::None, Yuan(285)},
  };
  household.incomes = {
      {"工资性收入", "叶秀芬在海游街道某服装厂做临时工，按近12个月工资流水月均计算", Yuan(1260)},
      {"转移性收入", "潘彩娥城乡居民基本养老保险待遇", Yuan(285)},
      {"经营净收入", "承包耕地0.8亩种植蔬菜，扣除成本后按月折算", Yuan(120)},
  };
  return household;
}

}  // namespace

std::string ResidentIdFor(int birthYear, unsigned birthMonth, unsigned birthDay, int sequence) {
  const auto padded = [](long value, std::size_t width) {
    std::string text = std::to_string(value);
    return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
  };
  std::string id = "331022" + padded(birthYear, 4) + padded(birthMonth, 2) + padded(birthDay, 2) + padded(sequence % 1000, 3);
  id += model::ResidentIdCheckCharacter(id);
  return id;
}

ApprovalFormInput Approval() {
  ApprovalFormInput input;
  input.issue = {"三门县民政局", "三民低审〔2025〕0123号", Date(2025, 3, 12)};
  input.program = "最低生活保障";
  input.household = ZhangHousehold();
  input.applicationReason =
      "户主章海明患尿毒症，需每周透析三次，无劳动能力；妻子叶秀芬打零工收入不稳定；女儿在读高中；母亲年老残疾。"
      "家庭月人均收入低于当地最低生活保障标准，申请最低生活保障。";
  input.appliedOn = Date(2025, 2, 10);
  input.standardPerPerson = Yuan(1120);
  input.monthlyAmount = Yuan(2815);
  input.working = {
      "保障标准 1,120.00 元 × 4 人 = 4,480.00 元",
      "家庭月总收入 1,260.00 + 285.00 + 120.00 = 1,665.00 元",
      "差额 4,480.00 − 1,665.00 = 2,815.00 元（按差额核定，精确到分）",
  };
  input.opinions = {
      {"村（居）民委员会意见", "经村民代表民主评议，同意推荐章海明家庭纳入最低生活保障。", "郑国强", Date(2025, 2, 20)},
      {"乡镇（街道）审核意见", "经入户调查和家庭经济状况核对，情况属实，已于2025年2月24日至3月2日公示，无异议，同意上报。", "林晓东",
       Date(2025, 3, 4)},
      {"县（市、区）民政部门审批意见", "同意纳入最低生活保障，自2025年4月起每月发放保障金2,815.00元。", "", std::nullopt},
  };
  return input;
}

SurveyFormInput Survey() {
  SurveyFormInput input;
  input.issue = {"三门县海游街道办事处", "海街低调〔2025〕0045号", Date(2025, 2, 14)};
  input.program = "最低生活保障";
  input.household = ZhangHousehold();
  input.surveyedOn = Date(2025, 2, 13);
  input.surveyor1 = "罗丽华";
  input.surveyor2 = "金志远";
  input.findings = {
      {"住房情况", "自建砖混结构平房两间，约60平方米，建于1995年，屋顶有渗漏，无其他房产。"},
      {"家庭收入", "妻子叶秀芬在服装厂做临时工，月收入约1,260元；母亲养老金每月285元；种植蔬菜少量收入。"},
      {"家庭财产", "无机动车辆，无工商登记；银行存款合计约3,200元；家用电器为普通电视机、冰箱各一台。"},
      {"生活状况", "户主每周在县人民医院透析三次，自付医疗费用负担较重；女儿在校住宿，家庭日常生活困难。"},
  };
  input.conclusion = "经入户调查，该户家庭收入、财产状况与申请材料基本一致，家庭生活困难，建议按程序予以审核。";
  input.membersPresent = {"章海明", "叶秀芬", "潘彩娥"};
  return input;
}

HouseholdFileInput File() {
  HouseholdFileInput input;
  input.issue = {"三门县民政局", "三民档〔2025〕0876号", Date(2025, 4, 2)};
  input.household = ZhangHousehold();
  input.registryStatus = "最低生活保障";
  input.cards = {
      {"章海明", "汉族", "三门县公安局", Date(2016, 4, 20), std::nullopt, "2025-02-10 09:12"},
      {"叶秀芬", "畲族", "三门县公安局", Date(2019, 8, 2), Date(2039, 8, 2), "2025-02-13 14:40"},
  };
  input.assets = {
      {"房产", "自建砖混结构平房两间，约60平方米（悬渚村前洋路18号）", Yuan(0)},
      {"存款", "三门农村商业银行活期存款", Yuan(3200)},
  };
  input.history = {
      {Date(2025, 2, 10), "提出最低生活保障申请，海游街道受理"},
      {Date(2025, 2, 13), "入户调查（调查人：罗丽华、金志远）"},
      {Date(2025, 2, 24), "在悬渚村公示，公示期至2025年3月2日，无异议"},
      {Date(2025, 3, 12), "三门县民政局审批同意，月保障金2,815.00元，自2025年4月起发放"},
  };
  return input;
}

DecisionInput DecisionSample() {
  DecisionInput input;
  input.issue = {"三门县民政局", "三民低决〔2025〕0123号", Date(2025, 3, 12)};
  input.recipient = "章海明";
  input.idNumber = ResidentIdFor(1971, 4, 12, 31);
  input.regionName = "三门县海游街道悬渚村";
  input.program = "最低生活保障";
  input.appliedOn = Date(2025, 2, 10);
  input.householdSize = 4;
  input.monthlyAmount = Yuan(2815);
  input.firstMonth = std::chrono::year{2025} / std::chrono::April;
  input.working = Approval().working;
  input.rights = Rights();
  return input;
}

// A per-person (特困) decision: given to its person alone, one person
// supported, paid to the account on record.
DecisionInput DestituteDecisionSample() {
  DecisionInput input = DecisionSample();
  input.issue = {"三门县民政局", "三民特决〔2025〕0007号", Date(2025, 5, 20)};
  input.recipient = "龚正发";
  input.idNumber = ResidentIdFor(1959, 3, 8, 13);
  input.program = "特困人员救助供养";
  input.appliedOn = Date(2025, 4, 28);
  input.perPerson = true;
  input.householdSize = 1;
  input.monthlyAmount = Yuan(1404);
  input.firstMonth = std::chrono::year{2025} / std::chrono::June;
  input.working = {"基本生活标准1,404.00元（低保标准1,080.00元×1.3）", "具备生活自理能力，不发照料护理费"};
  return input;
}

RefusalInput Refusal() {
  RefusalInput input;
  input.issue = {"三门县民政局", "三民低不〔2025〕0031号", Date(2025, 3, 18)};
  input.recipient = "包建军";
  input.idNumber = ResidentIdFor(1968, 7, 30, 51);
  input.regionName = "三门县珠岙镇上叶村";
  input.program = "最低生活保障";
  input.appliedOn = Date(2025, 2, 17);
  input.reasons = {
      "经家庭经济状况核对，你家庭名下登记有小型轿车一辆（2021年购置），不符合家庭财产状况规定。",
      "你家庭月人均收入为1,436.50元，高于三门县最低生活保障标准1,120.00元。",
  };
  input.rights = Rights();
  return input;
}

NoticeRosterInput Notice() {
  NoticeRosterInput input;
  input.issue = {"三门县海游街道办事处", "海街低公〔2025〕0009号", Date(2025, 2, 24)};
  input.program = "最低生活保障";
  input.village = "三门县海游街道悬渚村";
  input.noticeFrom = Date(2025, 2, 24);
  input.noticeTo = Date(2025, 3, 2);
  input.objectionContact = "海游街道社会事务办公室（电话0576-83361234）或三门县民政局（电话0576-83312000）";
  input.entries = {
      {"章海明", 4, Yuan(2815)},  {"叶永福", 1, Yuan(1120)}, {"郑小燕", 2, Yuan(1486, 50)},
      {"林桂英", 3, Yuan(1932)},  {"陈阿土", 1, Yuan(860)},  {"潘美玲", 2, Yuan(1654, 20)},
  };
  return input;
}

PaymentRosterInput Payment(std::size_t lineCount) {
  static constexpr std::array<const char*, 5> kTownships = {"海游街道", "沙柳街道", "珠岙镇", "亭旁镇", "健跳镇"};
  static constexpr std::array<std::array<const char*, 8>, 5> kVillages{{
      {"悬渚村", "光明村", "城西社区", "湖滨社区", "上洋村", "中岙村", "大湖塘村", "海润社区"},
      {"沙柳村", "岩下村", "高湾村", "里蒲村", "山场村", "洋溪村", "沿江村", "下庄村"},
      {"上叶村", "珠岙村", "茶山村", "岭根村", "东屏村", "西岙村", "后岸村", "溪口村"},
      {"亭旁村", "杨家村", "王家村", "前山村", "里岙村", "坑口村", "桥头村", "四柱村"},
      {"健跳村", "六敖村", "蛇蟠村", "沙木村", "横渡村", "外塘村", "洞港村", "南岙村"},
  }};
  static constexpr std::array<const char*, 12> kSurnames = {"章", "叶", "陈", "李", "郑", "林", "罗", "潘", "金", "包", "杨", "王"};
  static constexpr std::array<const char*, 16> kGiven = {"海明", "秀芬", "永福", "桂英", "国强", "小燕", "阿土", "美玲",
                                                         "建军", "丽华", "志远", "彩娥", "晓东", "月娥", "友根", "春花"};
  static constexpr std::array<const char*, 3> kPrograms = {"最低生活保障", "特困人员供养", "低保边缘"};
  PaymentRosterInput input;
  input.issue = {"三门县民政局", "三民发〔2025〕03号", Date(2025, 3, 25)};
  input.month = std::chrono::year{2025} / std::chrono::March;
  input.regionName = "三门县";
  input.lines.reserve(lineCount);
  const std::size_t perVillage = std::max<std::size_t>(1, (lineCount + 39) / 40);
  for (std::size_t i = 0; i < lineCount; ++i) {
    const std::size_t village = std::min<std::size_t>(i / perVillage, 39);
    PaymentLineInput line;
    line.township = kTownships[village / 8];
    line.village = kVillages[village / 8][village % 8];
    line.name = std::string(kSurnames[i % kSurnames.size()]) + kGiven[(i * 7 + i / 12) % kGiven.size()];
    line.idNumber = ResidentIdFor(1940 + static_cast<int>(i % 60), static_cast<unsigned>(1 + i % 12),
                                  static_cast<unsigned>(1 + i % 28), static_cast<int>(i % 997));
    line.bankAccount = "6217230" + std::to_string(100000000000 + i * 7919);  // 19 digits, as 银联 debit cards
    line.householdSize = 1 + static_cast<int>(i % 5);
    line.program = kPrograms[i % 7 == 0 ? 1 : (i % 11 == 0 ? 2 : 0)];
    line.amount = Money::FromFen(30000 + static_cast<std::int64_t>((i * 104729) % 300000));
    input.lines.push_back(std::move(line));
  }
  return input;
}

StatisticsInput Statistics() {
  StatisticsInput input;
  input.issue = {"三门县民政局", "三民统〔2025〕03号", Date(2025, 4, 3)};
  input.period = "2025年3月";
  input.regionName = "三门县";
  input.lines = {
      {"海游街道", "最低生活保障", 412, 786, Yuan(612340, 50)}, {"海游街道", "特困人员供养", 58, 58, Yuan(109620)},
      {"海游街道", "低保边缘", 97, 251, Yuan(48500)},          {"沙柳街道", "最低生活保障", 236, 470, Yuan(351208)},
      {"沙柳街道", "特困人员供养", 41, 41, Yuan(77490)},        {"珠岙镇", "最低生活保障", 318, 655, Yuan(486112, 30)},
      {"珠岙镇", "特困人员供养", 66, 66, Yuan(124740)},         {"亭旁镇", "最低生活保障", 284, 597, Yuan(429015)},
      {"健跳镇", "最低生活保障", 351, 702, Yuan(532870, 80)},   {"健跳镇", "临时救助", 23, 61, Yuan(86000)},
  };
  return input;
}

ReferralSlipInput Referral(bool answered) {
  const HouseholdInput household = ZhangHousehold();
  ReferralSlipInput input;
  input.issue = {"三门县社会救助联合服务中心", "三救转〔2025〕0031号", Date(2025, 3, 14)};
  input.department = "三门县医疗保障局";
  input.helpKind = "医疗救助";
  input.subject = "最低生活保障申请（案件 1203）";
  input.headName = household.headName;
  input.idNumber = household.members.front().idNumber;
  input.village = "海游街道悬渚村";
  input.address = household.address;
  input.phone = household.phone;
  input.request = "户主章海明患尿毒症，每周透析三次，2024年自付医疗费用约2.3万元，请按规定办理医疗救助，并核实2025年度城乡居民医保参保资助。";
  input.documents = {"三门县人民医院诊断证明（复印件）", "2024年医疗费用结算单据12张（复印件）", "户口簿（复印件）"};
  input.dueOn = Date(2025, 3, 28);
  input.dueDays = 10;
  if (answered) {
    input.answer = ReferralAnswerInput{ReferralOutcome::Done, "", "医疗救助 8,600.00元（帮就医）", Date(2025, 3, 26),
                                       "王丽华", true};
  }
  return input;
}

std::vector<std::string> SecretsOf(const PaymentRosterInput& input) {
  std::vector<std::string> secrets;
  for (const PaymentLineInput& line : input.lines) {
    secrets.push_back(line.idNumber);
    secrets.push_back(line.bankAccount);
  }
  return secrets;
}

std::vector<std::string> SampleSecrets() {
  std::vector<std::string> secrets = SecretsOf(Payment(300));
  const HouseholdInput household = ZhangHousehold();
  secrets.push_back(household.bankAccount);
  for (const MemberInput& member : household.members) {
    secrets.push_back(member.idNumber);
  }
  secrets.push_back(Refusal().idNumber);
  secrets.push_back(DestituteDecisionSample().idNumber);
  secrets.push_back(Referral(false).idNumber);
  return secrets;
}

std::vector<NamedDocument> AllKinds() {
  return {
      {"approval-form", ApprovalForm(Approval())},  {"survey-form", SurveyForm(Survey())},
      {"household-file", HouseholdFile(File())},    {"decision", Decision(DecisionSample())},
      {"decision-destitute", Decision(DestituteDecisionSample())},
      {"refusal", RefusalNotice(Refusal())},        {"notice-roster", NoticeRoster(Notice())},
      {"payment-roster", PaymentRoster(Payment(300))}, {"statistics", StatisticsSummary(Statistics())},
      {"referral-slip", ReferralSlip(Referral(true))},
  };
}

}  // namespace doudi::reports::samples
