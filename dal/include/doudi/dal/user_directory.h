#pragma once
// Doudi's users: one PostgreSQL login role each, in one staff group, with a
// region scope. The database's user-management functions decide what the
// caller may do (a center administrator within their own scope); refusals
// arrive as DatabaseError with SQLSTATE 42501.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "doudi/model/staff.h"

namespace doudi::dal {

struct UserAccount {
  std::string roleName;     // the login role
  std::string displayName;
  model::StaffGroup group = model::StaffGroup::VillageClerk;
  std::string regionScope;  // 2, 4, 6, 9 or 12 digits
  std::string department;   // liaisons only
  bool disabled = false;
  bool canLogin = false;
  std::string createdAt;
  std::string createdBy;
};

// A desk session the watchdog ended (doudi.watchdog_sweep).
struct EndedSession {
  int pid = 0;
  std::string roleName;
  std::string state;  // "idle in transaction" or "active"
  std::string since;  // YYYY-MM-DD HH:MM:SS, when it went idle or its statement started
};

// One entry of the record of unmasked viewings and of questions about
// persons outside the asker's scope (doudi.unmasked_access).
struct AccessRecord {
  std::string at;  // YYYY-MM-DD HH:MM:SS
  std::string viewer;
  std::string viewerScope;
  std::string what;  // resident_id | bank_account | cross_scope_id
  std::int64_t householdId = 0;
  std::string regionCode;
};

class UserDirectory {
 public:
  virtual ~UserDirectory() = default;
  // The users the caller may see, by name.
  virtual std::vector<UserAccount> List() = 0;
  // Creates the login role with the password (sent to the server only as a
  // SCRAM verifier computed here) and its app_user row, in one transaction.
  virtual void Add(const UserAccount& account, const std::string& password) = 0;
  virtual void SetEnabled(const std::string& roleName, bool enabled) = 0;
  virtual void SetScope(const std::string& roleName, const std::string& regionScope) = 0;
  // Moves the user to another group; newScope, when not empty, changes the
  // scope in the same step (a clerk's village becomes a reviewer's township).
  virtual void SetGroup(const std::string& roleName, model::StaffGroup group, const std::string& department,
                        const std::string& newScope) = 0;
  virtual void ResetPassword(const std::string& roleName, const std::string& password) = 0;
  // Ends the desk sessions idle in a transaction or running one statement
  // past the limits of doudi.security_limit, and says which; center
  // administrators (else DatabaseError 42501).
  virtual std::vector<EndedSession> EndOverdueSessions() = 0;
  // The record of viewings since the day (YYYY-MM-DD), oldest first, as far
  // as the caller may read it (auditors and administrators, their scope).
  virtual std::vector<AccessRecord> AccessLog(const std::string& sinceDay) = 0;
};

}  // namespace doudi::dal
