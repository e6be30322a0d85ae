#pragma once
// The document kinds of issue 6, each built from a plain input struct into a
// Document (document.h) that any renderer prints.
//
// Privacy: an ID number or bank account given here is always masked by the
// builder with the model's rules (ResidentId::Masked, MaskBankAccount),
// whatever the caller's role, so no document carries a full one. An ID that
// does not parse is printed as asterisks only. The public-notice roster's
// entries hold only name, household size and amount (DOMAIN.md), so nothing
// else can reach a notice board.
//
// Issuing office, document number and dates are inputs: they come from the
// program parameters and the case, never from the clock.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/model/household.h"
#include "doudi/model/money.h"
#include "doudi/reports/document.h"

namespace doudi::reports {

struct Issue {
  std::string office;  // 出具单位, e.g. 三门县民政局
  std::string number;  // 文书编号, e.g. 三民低审〔2025〕0123号
  std::chrono::year_month_day date{};
};

struct MemberInput {
  std::string name;
  std::string idNumber;  // full or masked; always printed masked
  model::Relation relation = model::Relation::Head;
  std::string health;  // 健康状况: 健康, 慢性病, 残疾二级 ...
  model::WorkAbility workAbility = model::WorkAbility::Full;
  model::Money monthlyIncome;
};

struct IncomeInput {
  std::string kind;         // 工资性收入, 经营净收入 ...
  std::string description;  // source and how it was determined
  model::Money monthly;
};

struct HouseholdInput {
  std::string headName;
  std::string regionName;  // 三门县海游街道悬渚村
  std::string address;
  std::string phone;
  std::string bankName;
  std::string bankAccount;  // always printed masked
  std::vector<MemberInput> members;
  std::vector<IncomeInput> incomes;
};

// A level's opinion on an approval form: 村（居）委会 recommendation,
// 乡镇（街道）review, 县（市）civil-affairs decision.
struct LevelOpinion {
  std::string level;  // 村（居）民委员会意见
  std::string opinion;
  std::string signer;
  std::optional<std::chrono::year_month_day> date;
};

// Objection rights printed on decisions and refusals. The periods are inputs
// because they come from the law in force, not from this program.
struct ObjectionRights {
  std::string reviewBody;   // 行政复议机关, e.g. 三门县人民政府
  int reviewDays = 0;       // 行政复议 within this many days of receipt
  std::string court;        // 人民法院
  int litigationMonths = 0; // 行政诉讼 within this many months
};

struct ApprovalFormInput {
  Issue issue;
  std::string program;  // 最低生活保障
  HouseholdInput household;
  std::string applicationReason;
  std::chrono::year_month_day appliedOn{};
  model::Money standardPerPerson;
  model::Money monthlyAmount;
  std::vector<std::string> working;  // how the amount was reached, line by line
  std::vector<LevelOpinion> opinions;
};

struct SurveyFinding {
  std::string item;  // 住房情况, 家庭收入, 家庭财产 ...
  std::string finding;
};

struct SurveyFormInput {
  Issue issue;
  std::string program;
  HouseholdInput household;
  std::chrono::year_month_day surveyedOn{};
  std::string surveyor1;
  std::string surveyor2;
  std::vector<SurveyFinding> findings;
  std::string conclusion;
  std::vector<std::string> membersPresent;  // each signs on the form
};

struct AssetInput {
  std::string kind;
  std::string description;
  model::Money value;
};

struct FileEvent {
  std::chrono::year_month_day date{};
  std::string event;
};

// A file kept with the household's records (docs/attachments.md), as the
// household file lists it.
struct AttachmentLine {
  std::string kind;      // 核对授权书 ...
  std::string owner;     // what it is attached to: 家庭, 案件 ...
  std::string fileName;
  int version = 1;
  std::string addedBy;
  std::string addedAt;   // "YYYY-MM-DD HH:MM"
  std::string sha256;    // the first 12 hex digits
};

// A member's resident-ID card as last read at a desk (doudi.person_card_current).
struct CardLine {
  std::string name;
  std::string ethnicity;  // 汉族 ...
  std::string authority;  // 签发机关
  std::chrono::year_month_day validFrom{};
  std::optional<std::chrono::year_month_day> validUntil;  // nullopt: 长期
  std::string readAt;  // "YYYY-MM-DD HH:MM"
};

struct HouseholdFileInput {
  Issue issue;
  HouseholdInput household;
  std::string registryStatus;  // 低保 ...
  std::vector<CardLine> cards;  // under the members, when any card was read
  std::vector<AssetInput> assets;
  std::vector<FileEvent> history;
  // The files in force, when the file lists them (六、附件; "无" for none).
  std::optional<std::vector<AttachmentLine>> attachments{};
};

// What a decision and a refusal share: a letter answering one application,
// addressed to the applicant, stating the rights to object.
struct LetterInput {
  Issue issue;
  std::string recipient;
  std::string idNumber;  // printed masked
  std::string regionName;
  std::string program;
  std::chrono::year_month_day appliedOn{};
  ObjectionRights rights;
  bool perPerson = false;  // a per-person program (特困): given to the recipient, not their household
};

struct DecisionInput : LetterInput {
  int householdSize = 0;
  model::Money monthlyAmount;
  std::chrono::year_month firstMonth{};  // paid from this month
  std::vector<std::string> working;
};

struct RefusalInput : LetterInput {
  std::vector<std::string> reasons;
};

// Deliberately only what a public notice may show (DOMAIN.md).
struct NoticeEntry {
  std::string name;
  int householdSize = 0;
  model::Money monthlyAmount;
};

struct NoticeRosterInput {
  Issue issue;
  std::string program;
  std::string village;
  std::chrono::year_month_day noticeFrom{};
  std::chrono::year_month_day noticeTo{};
  std::string objectionContact;  // where to report an objection (office, phone)
  std::vector<NoticeEntry> entries;
};

struct PaymentLineInput {
  std::string township;
  std::string village;
  std::string name;
  std::string idNumber;     // printed masked
  std::string bankAccount;  // printed masked
  int householdSize = 0;
  std::string program;
  model::Money amount;
};

struct PaymentRosterInput {
  Issue issue;
  std::chrono::year_month month{};
  std::string regionName;  // the county, township or village the roster covers
  std::vector<PaymentLineInput> lines;
};

struct StatisticsLine {
  std::string region;
  std::string program;
  int households = 0;
  int persons = 0;
  model::Money amount;
};

struct StatisticsInput {
  Issue issue;
  std::string period;  // 2025年3月
  std::string regionName;
  std::vector<StatisticsLine> lines;
};

// What a department answered to a referral, printed in the slip's answer
// block; a slip printed before the answer leaves the block to be filled by
// hand.
enum class ReferralOutcome { Accepted, Declined, Done };

struct ReferralAnswerInput {
  ReferralOutcome outcome = ReferralOutcome::Accepted;
  std::string reason;  // why it was declined
  std::string given;   // what was given: kind, amount in yuan or a description
  std::optional<std::chrono::year_month_day> givenOn;
  std::string givenBy;   // the department's person
  bool onBehalf = false; // recorded by the center on the department's behalf
};

// 转办单: one referral of the joint assistance center to one department,
// A4, for departments that work on paper. issue.office is the issuing
// center, issue.number the referral number, issue.date the day it was sent.
struct ReferralSlipInput {
  Issue issue;
  std::string department;  // 三门县医疗保障局
  std::string helpKind;    // 医疗救助
  std::string subject;     // what it follows: 最低生活保障申请（案件 123） or an alert
  std::string headName;
  std::string idNumber;  // printed masked
  std::string village;
  std::string address;
  std::string phone;
  std::string request;                 // what is asked
  std::vector<std::string> documents;  // what goes with it
  std::chrono::year_month_day dueOn{};
  int dueDays = 0;  // working days from the send date
  std::optional<ReferralAnswerInput> answer;
};

Document ApprovalForm(const ApprovalFormInput& input);
Document SurveyForm(const SurveyFormInput& input);
Document HouseholdFile(const HouseholdFileInput& input);
Document Decision(const DecisionInput& input);
Document RefusalNotice(const RefusalInput& input);
Document NoticeRoster(const NoticeRosterInput& input);
Document ReferralSlip(const ReferralSlipInput& input);

// Lines are grouped by township then village (stably, in the order given
// within a village), each village and township followed by its subtotal, then
// the grand total; every page ends with 本页小计.
Document PaymentRoster(const PaymentRosterInput& input);

// One table by region (a row per program, a subtotal per region, the grand
// total) and one by program across regions.
Document StatisticsSummary(const StatisticsInput& input);

// The masking the builders apply: an ID that parses is ResidentId::Masked();
// one already in that display form ("331022********0316", as the data layer
// gives rosters) as it is; anything else, asterisks of its length (at least
// 4), so a mistyped full number is hidden too. Empty stays empty.
std::string MaskIdNumber(std::string_view idNumber, std::chrono::year_month_day today);

// model::MaskBankAccount; empty stays empty.
std::string MaskAccount(std::string_view account);

}  // namespace doudi::reports
