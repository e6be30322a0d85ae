#pragma once
// The joint loop's referrals (migration 0007, docs/joint-loop.md): the
// county's catalog of departments and the help each gives with its due
// days, one send that refers a household, case or alert to several
// departments at once, the departments' answers (accept, decline with the
// reason, feedback of what was given) and the case's or alert's help-closed
// mark that waits for the last answer.
//
// The database decides who sees what: the desk sees referrals in its
// scope, a liaison those to their own department while
// doudi.liaison_may_see says so, with the household's least data. Refusals
// arrive as the typed failures of errors.h (PermissionDenied: not yours;
// VersionConflict: answered meanwhile; RuleRefused: doudi:referral.* ...).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doudi::dal {

// A kind of help a department gives, with the working days it has to
// answer a referral for it (in force today).
struct DepartmentHelp {
  std::string kind;         // model::HelpKind code
  std::string description;
  bool active = true;
  std::int32_t workingDays = 0;  // 0: none set
  std::string daysFrom;          // YYYY-MM-DD the days are in force from
};

struct Department {
  std::string county;       // 6 digits
  std::string code;         // "medical_insurance"
  std::string name;         // "医疗保障局"
  std::string phone;
  bool active = true;
  std::int32_t sortOrder = 100;
  std::int32_t version = 0;
  std::vector<DepartmentHelp> help;
};

// One line of a send: a department, the kind of help, what is asked and
// the documents that go with it.
struct ReferralItem {
  std::string department;   // code
  std::string kind;
  std::string request;
  std::vector<std::string> documents;
};

// What a send is about: a case, an alert, or the household alone.
struct ReferralSubject {
  std::optional<std::int64_t> householdId;
  std::optional<std::int64_t> caseId;
  std::optional<std::int64_t> alertId;
};

// What the department gave: the feedback that closes a referral as done.
struct ReferralFeedback {
  std::string requestId;    // NewRequestId(): a retry records nothing twice
  std::string kind;         // model::HelpKind code
  std::optional<std::int64_t> amountFen;  // or a description
  std::string description;
  std::string givenOn;      // YYYY-MM-DD
  std::string givenBy;      // the department's person
  std::vector<std::string> terms;  // model::SupportTerm codes
};

// One referral as the inbox, the case view and the CLI show it.
struct Referral {
  std::int64_t id = 0;
  std::int64_t sendId = 0;
  std::int64_t householdId = 0;
  std::string regionCode;
  std::string villageName;
  std::string headName;       // "" when the caller may no longer see the household
  std::string headIdMasked;
  std::string address;
  std::string phone;
  std::optional<std::int64_t> caseId;
  std::string caseProgram;
  std::string caseState;
  std::optional<std::int64_t> alertId;
  std::string department;     // code
  std::string departmentName;
  std::string kind;
  std::string request;
  std::vector<std::string> documents;
  std::int32_t dueDays = 0;
  std::string dueOn;          // YYYY-MM-DD
  std::string state;          // model::ReferralState code
  std::string referredAt;     // "YYYY-MM-DD HH:MM"
  std::string referredBy;     // display name when known
  std::string acceptedAt;
  std::string acceptedBy;
  std::string closedAt;
  std::string closedBy;
  bool closedOnBehalf = false;
  std::string declineReason;
  std::optional<std::int64_t> duplicateOf;  // a help record of the same kind by another giver
  std::string feedbackKind;
  std::optional<std::int64_t> feedbackAmountFen;
  std::string feedbackDescription;
  std::string feedbackGivenOn;
  std::string feedbackGivenBy;
  std::vector<std::string> feedbackTerms;  // the 四帮四扶 terms (model::SupportTerm codes) the feedback counts under
  bool helpClosed = false;                 // the help of the case or alert it answers is closed (帮扶办结)
  std::int32_t overdueDays = 0;  // working days past due while open
  bool escalated = false;        // overdue past referral_escalation_days: the administrator's
  std::int32_t version = 0;
};

struct ReferralFilter {
  std::string department;     // "" every department the caller sees
  std::string state;          // "" every state, "open" (sent, accepted), or one state
  std::string regionPrefix;   // "" the caller's whole scope
  std::optional<std::int64_t> householdId;
  std::optional<std::int64_t> caseId;
  std::optional<std::int64_t> alertId;
  bool overdueOnly = false;
  bool escalatedOnly = false;
  int limit = 1000;
};

class ReferralRepository {
 public:
  virtual ~ReferralRepository() = default;
  // The catalog of a county (6 digits), in its order, with each
  // department's kinds of help.
  virtual std::vector<Department> Departments(const std::string& county) = 0;
  // Adds (version nullopt) or changes a department; returns its new version.
  virtual std::int32_t SaveDepartment(const Department& department, std::optional<std::int32_t> version) = 0;
  // A kind of help a department gives (or no longer: active false), and
  // from daysFrom the working days to answer (0: unchanged).
  virtual void SetDepartmentHelp(const std::string& county, const std::string& department, const DepartmentHelp& help) = 0;

  // Sends one referral per item; returns their ids. requestId
  // (NewRequestId) makes a retry return the same referrals.
  virtual std::vector<std::int64_t> Send(const std::string& requestId, const ReferralSubject& subject,
                                         const std::string& note, const std::vector<ReferralItem>& items) = 0;
  // Open ones first by due date, then the answered ones newest first.
  virtual std::vector<Referral> List(const ReferralFilter& filter) = 0;
  virtual std::optional<Referral> Get(std::int64_t id) = 0;
  // The department's answers; each returns the referral's new version.
  virtual std::int32_t Accept(std::int64_t id, std::int32_t version) = 0;
  virtual std::int32_t Decline(std::int64_t id, std::int32_t version, const std::string& reason) = 0;
  virtual std::int32_t Feedback(std::int64_t id, std::int32_t version, const ReferralFeedback& feedback) = 0;
  // Marks a case's or an alert's help closed (exactly one of the two);
  // refused while a referral of it waits for feedback.
  virtual void CloseHelp(std::optional<std::int64_t> caseId, std::optional<std::int64_t> alertId) = 0;
};

}  // namespace doudi::dal
