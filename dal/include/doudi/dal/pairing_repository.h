#pragma once
// Six-party pairing (六位一体挂钩帮扶, docs/joint-loop-pairing.md): the
// households in the pairing program, their responsible person at each of
// the six levels (model/pairing.h), the enterprises' and social workers'
// contacts of each county, and the visits logged.
//
// The database decides who sees and does what: the lists are read under
// row-level security (the caller's scope), and every write is one function
// of dal/schema/functions/pairing_*.sql that checks the staff group
// (manage_pairing, manage_pairing_contacts, record_visit), the scope and the
// rules. Refusals arrive as the typed failures of errors.h (PermissionDenied:
// not yours or not your group; RuleRefused: doudi:pairing.*). Dates are
// "YYYY-MM-DD"; an empty date sent means today.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doudi::dal {

// An enterprise's or social worker's contact of a county.
struct PairingContact {
  std::int64_t id = 0;
  std::string countyCode;
  std::string kind;          // enterprise, social_worker
  std::string name;
  std::string organization;
  std::string phone;
  bool active = true;
};

// A household in the pairing program, as doudi.pairing_overview reads it.
struct PairingHousehold {
  std::int64_t householdId = 0;
  std::string regionCode;
  std::string regionName;    // the village
  std::string headName;
  std::string since;
  int levelsFilled = 0;      // of six
  std::vector<std::string> missingLevels;  // level codes without a responsible person
  std::string lastVisitOn;   // "" never visited
  std::optional<int> visitMonths;  // the joint_help parameter pairing_visit_months; none: not set
  std::string visitDueOn;    // "" without the parameter
  bool overdue = false;
};

struct PairingFilter {
  std::string regionPrefix;  // "" for the caller's whole scope
  bool gapsOnly = false;     // only those missing a level or overdue for a visit
  int limit = 2000;
};

// The responsible person at one level, from since until until ("" : now).
struct PairingAssignment {
  std::int64_t id = 0;
  std::string level;
  std::string userRole;                 // "" for a contact
  std::optional<std::int64_t> contactId;
  std::string name;                     // the user's display name, or the contact's name
  std::string detail;                   // the contact's organization and phone
  std::string since;
  std::string until;
  std::string assignedBy;
};

// Someone who may be named at a level (doudi.pairing_candidates).
struct PairingCandidate {
  std::string userRole;                 // "" for a contact
  std::optional<std::int64_t> contactId;
  std::string name;
  std::string detail;                   // the user's region and department, the contact's organization
};

struct PairingVisit {
  std::int64_t id = 0;
  std::string visitedOn;
  std::string level;
  std::string visitor;
  std::string found;
  std::string nextStep;
  std::string recordedBy;
  std::string recordedAt;               // "YYYY-MM-DD HH:MM"
};

// What a visit records.
struct PairingVisitInput {
  std::string requestId;  // NewRequestId(): the same again returns the same visit
  std::int64_t householdId = 0;
  std::string visitedOn;
  std::string level;
  std::string visitor;    // "" : the person now responsible at the level
  std::string found;
  std::string nextStep;
};

class PairingRepository {
 public:
  virtual ~PairingRepository() = default;
  // The contacts of the counties under a prefix ("" : all the caller may
  // see), active ones first, by county, kind and name.
  virtual std::vector<PairingContact> Contacts(const std::string& countyPrefix) = 0;
  // Adds a contact (center administrators); the same contact again returns its id.
  virtual std::int64_t AddContact(const PairingContact& contact) = 0;
  // The households in the program, by region and household.
  virtual std::vector<PairingHousehold> Households(const PairingFilter& filter) = 0;
  // nullopt when the household is not in the program or not the caller's.
  virtual std::optional<PairingHousehold> Household(std::int64_t householdId) = 0;
  // Takes a household into the program; false when it already was.
  virtual bool Enroll(std::int64_t householdId, const std::string& since) = 0;
  // Ends a household's pairing with the reason; false when it already had ended.
  virtual bool End(std::int64_t householdId, const std::string& endedOn, const std::string& reason) = 0;
  // Names the responsible person at a level: a user (role name) or a
  // contact. Returns the current assignment's id.
  virtual std::int64_t Assign(std::int64_t householdId, const std::string& level, const std::string& userRole,
                              std::optional<std::int64_t> contactId, const std::string& since) = 0;
  // The current responsible persons (with the ended ones when history), by level then since.
  virtual std::vector<PairingAssignment> Assignments(std::int64_t householdId, bool history) = 0;
  virtual std::vector<PairingCandidate> Candidates(std::int64_t householdId, const std::string& level) = 0;
  // Logs a visit; returns its id.
  virtual std::int64_t AddVisit(const PairingVisitInput& visit) = 0;
  // The household's visits, latest first.
  virtual std::vector<PairingVisit> Visits(std::int64_t householdId) = 0;
};

}  // namespace doudi::dal
