#pragma once
// Help delivered (帮扶措施) and the charity funds (docs/joint-loop-help.md):
// every help a household received — from a fund, an enterprise, a social
// worker or another giver, or from a department (its answer to a referral,
// or recorded by the center on its behalf) — with the giver, date, value and
// the case or referral it answers; the household's help in 四帮四扶 terms;
// the funds with their top-ups, balance and what was granted from them.
//
// Reads run under row-level security (the desk reads in its scope; a
// liaison reads what its department recorded). Every write is one function
// call (doudi.help_record_add, help_record_correct, fund_top_up)
// that checks the caller's group, scope, the fund's region and balance;
// refusals arrive as the typed failures of errors.h (RuleRefused with
// doudi:help.* and doudi:fund.*). A requestId (NewRequestId) makes a resend
// safe: the database answers it with the first result.
//
// Dates are "YYYY-MM-DD", times "YYYY-MM-DD HH:MM"; codes are the model's
// (doudi/model/help.h).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/case_repository.h"
#include "doudi/model/money.h"

namespace doudi::dal {

// What a help record says, as given to Add or Correct.
struct HelpEntry {
  std::optional<std::int64_t> personId;  // the member it was for, if one
  std::string kind;                      // HelpKind code: cash, job, housing ...
  std::string giverKind;                 // HelpGiverKind code: fund, enterprise ...
  std::string giver;                     // "" for a fund or department: its name
  std::string department;                // giverKind department: the county's department code
  std::string fundCode;                  // giverKind fund
  std::string givenOn;
  std::optional<model::Money> amount;  // a fund's grant needs one
  std::string description;
  std::string givenBy;                 // the giver's person
  std::vector<std::string> terms;      // SupportTerm codes; empty: the kind's
  std::optional<std::int64_t> caseId;  // the case it answers (Add only; a correction keeps it)
};

// One help record as lists show it.
struct HelpRecord {
  std::int64_t id = 0;
  std::int64_t householdId = 0;
  HelpEntry entry;
  std::string personName;                     // "" when for the whole household
  std::string fundName;                       // "" unless a fund gave it
  std::optional<std::int64_t> referralId;     // the referral it answers
  std::optional<std::int64_t> correctsId;     // the record it corrects
  std::optional<std::int64_t> correctedById;  // set: no longer in force
  bool onBehalf = false;                      // a department's help recorded by the center
  std::string recordedAt;
  std::string recordedBy;  // the staff member's name
};

// One of the eight 四帮四扶 terms for a household: how many help records and
// how many of its programs' cases (with a decided or paid amount) count
// under it.
struct SupportTermCount {
  std::string term;     // SupportTerm code
  std::string chinese;  // 帮就业 ...
  int helps = 0;
  int programs = 0;
  std::string lastOn;  // the latest help's date or decision, "" if none
  int Total() const { return helps + programs; }
};

// A fund with what came in and went out: fund.left = fund.amount +
// toppedUp - granted.
struct FundBalance {
  CharityFund fund;
  model::Money toppedUp;
  model::Money granted;
  std::string createdAt;
};

struct FundTopUp {
  std::int64_t id = 0;
  std::string fundCode;
  model::Money amount;
  std::string source;  // a donation, a transfer ...
  std::string receivedOn;
  std::string addedAt;
  std::string addedBy;
};

// One grant from a fund to a household the caller sees.
struct FundGrant {
  std::string source;   // "case" (a charity case's decided one-off) or "help" (a help record)
  std::int64_t id = 0;  // the case benefit's or help record's id
  std::string fundCode;
  std::int64_t householdId = 0;
  std::string headName;
  std::string regionName;
  std::string grantedOn;
  model::Money amount;
  std::optional<std::int64_t> caseId;
  bool inForce = true;  // false: a corrected help record, no longer counted
};

class HelpRepository {
 public:
  virtual ~HelpRepository() = default;

  // Records help a household received; returns the record's id.
  virtual std::int64_t Add(std::int64_t householdId, const HelpEntry& help, const std::string& requestId) = 0;
  // Records a correction of record correctsId (which then counts no more);
  // returns the correction's id.
  virtual std::int64_t Correct(std::int64_t correctsId, const HelpEntry& help, const std::string& requestId) = 0;
  // A household's help records, corrected ones included, newest first.
  virtual std::vector<HelpRecord> ForHousehold(std::int64_t householdId) = 0;
  // The household's eight terms, in 四帮四扶 order.
  virtual std::vector<SupportTermCount> Summary(std::int64_t householdId) = 0;

  // The funds whose area overlaps regionPrefix ("" for all), by code, with
  // their top-ups and grants (a fund is added by CaseRepository::AddFund).
  virtual std::vector<FundBalance> Funds(const std::string& regionPrefix) = 0;
  // Tops up a fund; returns the top-up's id.
  virtual std::int64_t TopUp(const std::string& fundCode, model::Money amount, const std::string& source,
                             const std::string& receivedOn, const std::string& requestId) = 0;
  // A fund's top-ups, newest first.
  virtual std::vector<FundTopUp> TopUps(const std::string& fundCode) = 0;
  // What was granted from a fund to households the caller sees, newest first.
  virtual std::vector<FundGrant> Grants(const std::string& fundCode) = 0;
};

}  // namespace doudi::dal
