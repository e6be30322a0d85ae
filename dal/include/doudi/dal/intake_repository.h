#pragma once
// Field intake at the desk (docs/intake.md): the reports volunteers sent
// through doudi-intake, read under row-level security (the caller's
// scope), triaged to a household, an alert, a case or referrals and closed
// with an outcome or merged into another report of the same family; and
// the reporters' tokens the center administrator issues.
//
// Every write is one function of dal/schema/functions/intake_*.sql that
// checks the staff group (triage_reports, manage_intake_tokens), the scope
// and the version; refusals arrive as the typed failures of errors.h
// (RuleRefused doudi:intake.*, ConcurrentChange when changed meanwhile).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doudi::dal {

// One report as the desk sees it (never the reporter's full ID number).
struct IntakeReport {
  std::int64_t id = 0;
  int version = 0;
  std::string receivedAt;  // "YYYY-MM-DD HH:MM", China's time
  std::string regionCode;  // the village
  std::string regionName;
  std::string name;
  std::string idNumberMasked;  // "" when none was given
  std::string phone;
  std::string address;
  std::string category;  // illness, accident, disaster, income_loss, disability, elderly_alone, child, other
  std::string description;
  std::string urgency;  // normal, urgent, emergency
  std::string state;    // received, handling, closed
  std::int64_t tokenId = 0;
  std::string reporterName;  // the token's name, never its secret
  std::optional<std::int64_t> householdId;
  std::optional<std::int64_t> alertId;
  std::optional<std::int64_t> caseId;
  std::optional<std::int64_t> referralSendId;
  std::optional<std::int64_t> mergedInto;
  std::string outcome;  // helped, referred, case_opened, merged, no_action, false_report; "" while open
  std::string outcomeNote;
  std::string handledBy;
  std::string closedBy;
  std::string closedAt;  // "YYYY-MM-DD HH:MM"
  int photoCount = 0;
};

struct IntakeFilter {
  bool openOnly = true;      // received and handling only
  std::string regionPrefix;  // "" : the caller's whole scope
  int limit = 500;
};

struct IntakePhoto {
  int position = 0;       // 1..3
  std::string mediaType;  // image/jpeg, image/png
  std::vector<unsigned char> content;
  int width = 0;
  int height = 0;
};

// A household the report may be about (doudi.intake_report_candidates).
struct IntakeCandidate {
  std::int64_t householdId = 0;
  std::string regionCode;
  std::string personName;
  std::string idNumberMasked;
  std::string matchedBy;  // id_number, name_village
};

// What a triage ties the report to; unset links stay as they are.
struct IntakeLink {
  std::optional<std::int64_t> householdId;
  std::optional<std::int64_t> alertId;
  std::optional<std::int64_t> caseId;
  std::optional<std::int64_t> referralSendId;
};

struct IntakeToken {
  std::int64_t id = 0;
  std::string name;
  std::string regionCode;  // a code prefix
  std::string expiresOn;   // "" never
  std::string issuedAt;    // "YYYY-MM-DD HH:MM"
  std::string issuedBy;
  std::string revokedAt;  // "" when in force
  std::string revokedBy;
};

class IntakeRepository {
 public:
  virtual ~IntakeRepository() = default;
  // Urgent ones first among the open, then newest first.
  virtual std::vector<IntakeReport> Reports(const IntakeFilter& filter) = 0;
  virtual std::optional<IntakeReport> Report(std::int64_t id) = 0;
  virtual std::vector<IntakePhoto> Photos(std::int64_t reportId) = 0;
  virtual std::vector<IntakeCandidate> Candidates(std::int64_t reportId) = 0;
  // Each returns the report's new version.
  virtual int Link(std::int64_t reportId, int version, const IntakeLink& link) = 0;
  virtual int Close(std::int64_t reportId, int version, const std::string& outcome, const std::string& note) = 0;
  virtual int Merge(std::int64_t reportId, int version, std::int64_t into) = 0;

  // Tokens: the secret is made by the caller (NewIntakeSecret) and only its
  // SHA-256 goes to the server. Returns the token's id.
  virtual std::int64_t IssueToken(const std::string& name, const std::string& regionPrefix,
                                  const std::string& expiresOn, const std::string& secret) = 0;
  virtual void RevokeToken(std::int64_t id) = 0;
  virtual std::vector<IntakeToken> Tokens() = 0;
  // The login role doudi-intake connects as (member of doudi_intake).
  virtual void AddServerLogin(const std::string& role, const std::string& password) = 0;
};

// A new reporter's secret: "dd_" and 43 base64url characters (32 random bytes).
std::string NewIntakeSecret();

}  // namespace doudi::dal
