#pragma once
// Cases (migrations 0007, 0009, 0011): a household's application to one
// program and its way through the village → township → city workflow, with
// the survey, the evidence, the proposed and decided amounts, the statutory
// deadlines and the monthly payment lines.
//
// The database is the last word on every rule: a case changes only through
// its functions, which check the caller's group, scope, the case's version
// and the rule table, and compute the deadlines from the holiday calendar and
// the program parameters. Refusals come back as the typed failures of
// errors.h, each with its stable code and arguments (docs/errors.md):
// PermissionDenied not allowed, VersionConflict the case changed meanwhile,
// RuleRefused not possible now or missing input (doudi:amount.over_cap ...).
//
// Dates are "YYYY-MM-DD", months "YYYY-MM", times "YYYY-MM-DD HH:MM" in the
// server's time zone; "" when not set. A requestId (NewRequestId) makes a
// retried call safe: the database applies each request once, and a retry
// that fails because its original got there first (racing it, or after a
// lost reply) returns the original's result. A requestId is for one change:
// sent again for another case or step it is refused (doudi:request.reused).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/attachment_repository.h"
#include "doudi/model/money.h"
#include "doudi/model/program_exclusion.h"

namespace doudi::dal {

// How close a deadline is, as the task list colours it.
enum class DeadlineStatus {
  None,  // no deadline runs in this state
  OnTime,
  DueSoon,    // due within the due_soon_days parameter (working days)
  Overdue,    // the due date has passed
  Uncertain,  // counted over a year whose holiday calendar is not loaded
};

// One case as a list shows it.
struct CaseSummary {
  std::int64_t id = 0;
  std::int64_t householdId = 0;
  std::string applicantName;  // the household head's name; a per-person case's (特困) person's
  std::string regionCode;     // 12-digit village code
  std::string regionName;     // the village's name
  std::string program;        // "dibao"
  std::string programName;    // "最低生活保障"
  std::string stepOrder;      // "national" or "jinjiang"
  std::string state;          // "awaiting_decision"
  std::int32_t version = 0;
  std::string stepDue;  // when the step the case waits for is due
  bool stepDueCertain = true;
  std::string overallDue;  // the whole process's limit, until the decision
  bool overallDueCertain = true;
  DeadlineStatus deadline = DeadlineStatus::None;  // of the nearer of the two
  bool closeRelative = false;                      // a close relative of staff: county survey
  std::string nextReviewOn;                        // while benefits are paid
  std::int64_t personId = 0;                       // the person the case names (per-person or not); 0 for none
  bool perPerson = false;  // a per-person case (特困): personId is its applicant, not the head
};

// One step taken: who, when, at which level, with what opinion.
struct CaseStep {
  std::string fromState;  // "" for the application
  std::string action;
  std::string toState;
  std::string level;      // village, township, city
  std::string actor;      // role name
  std::string actorName;  // display name ("" when the user is gone)
  std::string actedAt;
  std::string opinion;
};

// The home survey (入户调查): at least two surveyors.
struct CaseSurvey {
  std::vector<std::string> surveyors;
  std::string surveyedOn;
  std::string findings;
  std::string membersPresent;  // the family members present, who sign the form
  std::string recordedBy;      // set by the database
  std::string recordedAt;
};

// Kinds of evidence a step may require (assets/rules: the `requires` column).
inline constexpr const char* kEvidenceKinds[] = {"verification_report", "appraisal_record", "income_proof",
                                                 "medical_record", "other"};

// Evidence counts for a step's requirement only with a file attached to it
// (AddEvidenceWithFile, or AttachmentRepository::Add with owner
// {"evidence", id}).
struct CaseEvidence {
  std::string kind;   // one of kEvidenceKinds
  std::string title;  // "家庭经济状况核对报告 2026-11"
  std::string note;
  std::string addedBy;  // set by the database
  std::string addedAt;
  std::int64_t id = 0;  // set by the database
  int files = 0;        // its files in force (not withdrawn, not replaced); set by the database
};

// An action open from the case's state whose requirement is not on record
// (doudi.case_missing_requirements), for the case view to say what is missing.
struct MissingRequirement {
  std::string action;       // "accept"
  std::string requirement;  // assets/rules/case_transitions.csv: "authorization", "verification_report" ...
  std::string refusal;      // the code taking the action now meets: "case.authorization_missing"

  friend bool operator==(const MissingRequirement&, const MissingRequirement&) = default;
};

// An amount proposed for the decision, with the lines showing how it was
// reached (model::BenefitAmount's working). monthly for the programs paid
// every month, oneOff for a grant; either may be zero. A charity grant names
// the fund it comes from. The database refuses an amount above the cap of
// the parameters in force (docs/parameters.md, "Caps on amounts") unless
// overCapReason says why; such an amount is decided only once a second
// city decider confirms it (ConfirmAmount).
struct AmountProposal {
  model::Money monthly;
  model::Money oneOff;
  std::vector<std::string> working;
  std::string fundCode;    // charity (X) only
  std::string proposedBy;  // set by the database
  std::string proposedAt;
  std::string overCapReason{};  // "" within the caps
  std::int64_t id = 0;          // set by the database
  std::string confirmedBy{};    // set by the database: who confirmed the amount above the cap, "" until then
};

// A decided amount in force from a month (the approval's next month, or an
// adjustment's next month).
struct CaseBenefit {
  std::string effectiveMonth;  // "YYYY-MM"
  model::Money monthly;
  model::Money oneOff;
  std::vector<std::string> working;
};

struct PaymentLine {
  std::int64_t caseId = 0;
  std::string month;  // "YYYY-MM"
  std::string kind;   // "monthly" or "one_off"
  model::Money amount;
};

// Everything the case view shows.
struct CaseRecord {
  CaseSummary summary;
  std::string openedAt;
  std::string openedBy;    // the display name of who opened it (the role name when the user is gone)
  std::string acceptedOn;  // the day the township accepted; the overall limit runs from it
  bool limitExtended = false;
  std::string closeRelativeNote;
  std::string noticeStart;  // the public notice, when there is or was one
  std::string noticeEnd;
  std::vector<CaseStep> steps;
  std::vector<CaseSurvey> surveys;
  std::vector<CaseEvidence> evidence;
  std::optional<AmountProposal> proposal;   // the latest
  std::vector<CaseBenefit> benefits;        // oldest first
  std::vector<PaymentLine> recentPayments;  // the last 13 months, newest first
  std::string personName;                   // of summary.personId, the person a per-person case (特困) names
  std::string personMaskedId;               // that person's resident ID, masked (members who left included)
  std::int64_t followsCaseId = 0;           // the case this one follows up (临时救助 → 低保); 0 for none
  std::vector<std::int64_t> followedBy;     // the cases that follow this one up, oldest first
  std::vector<MissingRequirement> missing;  // MissingRequirements when loaded
};

// Case search (案件查询): each filter left empty matches every case in the
// caller's scope (the database applies it).
struct CaseQuery {
  std::string name;          // a part of a current member's name
  std::string idNumber;      // a member's full resident ID (18 characters), matched by the database's ID search
  std::string program;       // "dibao"
  std::string state;         // "in_payment"
  std::string regionPrefix;  // 2, 4, 6, 9 or 12 digits
  std::string openedFrom;    // "YYYY-MM-DD", inclusive
  std::string openedTo;      // "YYYY-MM-DD", inclusive
  bool overdueOnly = false;  // the nearer deadline has passed
  int limit = 200;           // at most 1000
};

// One case found: the summary, the applicant's ID masked by the database,
// the person a per-person case names.
struct CaseFound {
  CaseSummary summary;
  std::string maskedId;
  std::string personName;
  std::string openedOn;  // "YYYY-MM-DD"
  std::int64_t followsCaseId = 0;
};

// One line of a household's story (经历), as the database's
// doudi.household_timeline gives it under the caller's row-level security.
struct TimelineEntry {
  std::string date;                    // "YYYY-MM-DD": opened, raised, sent, given, visited
  std::string kind;                    // "case", "alert", "referral", "help", "visit"
  std::int64_t itemId = 0;             // the case's, alert's, referral's ... id
  std::string what;                    // the program, the rule, the department and request, the giver, the visitor
  std::string state;                   // the row's state code; for help the kind of help, for a visit the level
  std::string dueOn;                   // a referral's due date, "" otherwise
  std::optional<model::Money> amount;  // an alert's figure, the help's value
};

// A case in public notice (公示): what the village may post (name, household
// size, amount) and when the notice runs.
struct NoticeEntry {
  std::int64_t caseId = 0;
  std::int32_t version = 0;
  std::string regionCode;
  std::string regionName;
  std::string applicantName;
  int householdSize = 0;
  std::string program;
  std::string programName;
  model::Money monthly;  // proposed
  model::Money oneOff;
  std::string noticeStart;
  std::string noticeEnd;
  std::string state;  // in_public_notice, objected, awaiting_decision ...
  int objections = 0;
};

// One line of a monthly payment roster (masked account: PIPL).
struct RosterLine {
  std::int64_t caseId = 0;
  std::string regionCode;
  std::string villageName;
  std::string townshipName;
  std::string applicantName;
  std::string maskedId;
  std::string maskedAccount;
  int householdSize = 0;
  std::string program;
  std::string programName;
  std::string kind;  // monthly, one_off
  model::Money amount;
};

// One row of a month's statistics summary (统计汇总): an area one level
// below the summary's region and a program, summed by the database.
struct StatisticsRow {
  std::string areaCode;  // 12 digits
  std::string areaName;
  std::string program;
  std::string programName;
  std::int64_t households = 0;  // cases paid in the month
  std::int64_t persons = 0;     // their households' current members
  model::Money amount;
};

// X: a charity fund (donor, money or in kind) that one-off grants draw on.
struct CharityFund {
  std::string code;  // snake_case: "sm_cishan_2026"
  std::string name;  // "三门县慈善总会助困基金"
  std::string donor;
  std::string regionPrefix;  // where its grants may go: 2-12 digits
  std::string kind;          // "money" or "in_kind" (valued in fen)
  model::Money amount;
  model::Money left;  // amount and top-ups less every grant from it; set by the database
};

// A current member of a household, as a new case names its person.
struct CaseMember {
  std::int64_t personId = 0;
  std::string name;
  std::string relation;  // "head", "spouse" ...
};

struct NewCase {
  std::int64_t householdId = 0;
  std::string program;
  bool closeRelative = false;      // 近亲属 of staff or village committee members
  std::string closeRelativeNote;   // whose relative: required when closeRelative
  std::int64_t personId = 0;       // the person a per-person program (特困) is for: required there
  std::int64_t followsCaseId = 0;  // the household's case this one follows up; 0 for none
};

class CaseRepository {
 public:
  virtual ~CaseRepository() = default;

  // The cases waiting for an action the caller's group may take, in scope,
  // nearest deadline first (cases without one last), at most limit.
  virtual std::vector<CaseSummary> MyTasks(int limit) = 0;
  // A household's cases, newest first.
  virtual std::vector<CaseSummary> HouseholdCases(std::int64_t householdId) = 0;
  // A household's current members in the caller's scope, in the household's order.
  virtual std::vector<CaseMember> HouseholdMembers(std::int64_t householdId) = 0;
  // nullopt when there is no such case the caller may see.
  virtual std::optional<CaseRecord> Load(std::int64_t caseId) = 0;
  // The cases in scope matching every filter given, newest first. Throws
  // std::invalid_argument naming the filter for a malformed ID, region or date.
  virtual std::vector<CaseFound> Search(const CaseQuery& query) = 0;
  // A household's cases, alerts, referrals, help and pairing visits, newest first.
  virtual std::vector<TimelineEntry> HouseholdTimeline(std::int64_t householdId) = 0;
  // The pairs of programs not received together (doudi.program_exclusion),
  // in code order.
  virtual std::vector<model::ProgramExclusion> ProgramExclusions() = 0;

  // Opens a case (state applied); returns its id. Refused: a per-person
  // program without its person or with one not in the household
  // (doudi:case.person_required, case.person_not_in_household), a program
  // excluding an open case of the household or person
  // (case.programs_exclude), a follow-up of another household's case.
  virtual std::int64_t Open(const NewCase& application, const std::string& requestId) = 0;
  // Takes the action; returns the case's new version.
  virtual std::int32_t Transition(std::int64_t caseId, const std::string& action, std::int32_t expectedVersion,
                                  const std::string& opinion, const std::string& requestId) = 0;
  virtual void RecordSurvey(std::int64_t caseId, const CaseSurvey& survey, const std::string& requestId) = 0;
  // Adds the evidence; returns its id (a resent requestId returns the same).
  virtual std::int64_t AddEvidence(std::int64_t caseId, const CaseEvidence& evidence, const std::string& requestId) = 0;
  // Adds the evidence and attaches the file to it (file.owner is ignored:
  // the new evidence) in one transaction, both under requestId; returns the
  // evidence's id. Refused as either would be (doudi:attachment.type_unknown,
  // attachment.too_large ...), then nothing is stored.
  virtual std::int64_t AddEvidenceWithFile(std::int64_t caseId, const CaseEvidence& evidence, const NewAttachment& file,
                                           const std::string& requestId) = 0;
  // What the actions open from the case's state still miss, by action;
  // empty for a case the caller may not see.
  virtual std::vector<MissingRequirement> MissingRequirements(std::int64_t caseId) = 0;
  virtual void ProposeAmount(std::int64_t caseId, const AmountProposal& proposal, const std::string& requestId) = 0;
  // Confirms the case's latest proposal (proposalId, AmountProposal::id),
  // an amount above the cap, as a second city decider: never its proposer.
  virtual void ConfirmAmount(std::int64_t caseId, std::int64_t proposalId, const std::string& opinion,
                             const std::string& requestId) = 0;
  // Extends the overall limit to the overall_limit_extended parameter (45
  // working days) for the stated reason (objection, living away, hard survey).
  virtual void ExtendLimit(std::int64_t caseId, const std::string& reason, const std::string& requestId) = 0;

  // The charity funds whose area overlaps regionPrefix ("" for all), by code.
  virtual std::vector<CharityFund> Funds(const std::string& regionPrefix) = 0;
  // Adds a fund (center administrators, within their scope: doudi.fund_add).
  // Funds are never changed; money comes later as top-ups (HelpRepository).
  virtual void AddFund(const CharityFund& fund) = 0;

  // Cases in scope whose notice runs on or ended within the last 30 days,
  // under regionPrefix ("" for the whole scope), by village then start.
  virtual std::vector<NoticeEntry> PublicNotices(const std::string& regionPrefix) = 0;

  // Writes the payment lines of month ("YYYY-MM") for every paying case in
  // scope that has none yet; returns how many were written. Finance
  // officers and center administrators.
  virtual int GeneratePayments(const std::string& month) = 0;
  // The month's payment lines under regionPrefix, by township, village, name.
  virtual std::vector<RosterLine> PaymentRoster(const std::string& month, const std::string& regionPrefix) = 0;
  // The month's payment lines under regionPrefix summed in the database per
  // area (the region codes' first areaDigits digits: 4 a prefecture, 6 a
  // county, 9 a township, 12 a village) and program, by area code then
  // program; what row-level security lets the caller read. A province's
  // month is a few rows, not its million lines.
  virtual std::vector<StatisticsRow> PaymentStatistics(const std::string& month, const std::string& regionPrefix,
                                                       std::size_t areaDigits) = 0;
};

}  // namespace doudi::dal
