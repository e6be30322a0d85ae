#pragma once
// Who may do what. Moving a case between states is the case workflow's
// table (doudi/model/case_workflow.h); every other operation, with the staff
// groups that may perform it and the case states it needs, is the table
// assets/rules/staff_capabilities.csv, from which the build generates this
// model's table (the StaffOperation enumeration among it), the database's
// seed (doudi.staff_capability) and docs/capabilities.md. The database
// enforces the same rows, so these answers are for showing users what they
// may do, never the last word; the screens ask here and compare no
// staff-group codes of their own.
#include <optional>
#include <string_view>
#include <vector>

#include "doudi/model/case_workflow.h"
#include "doudi/model/staff.h"
#include "doudi/model/staff_capabilities_table.h"

namespace doudi::model {

// Who is at the desk as the database sees them (doudi.whoami): a member of
// a staff group, the set-up superuser, whom the database lets do everything
// (doudi.session_is_superuser), or neither (a disabled or unknown user).
struct StaffRole {
  std::optional<StaffGroup> group;
  bool superuser = false;

  friend bool operator==(const StaffRole&, const StaffRole&) = default;
};

// The role for doudi.whoami's group code: a StaffGroup code, "superuser",
// or anything else (the empty text of a user the database does not know)
// as neither. Codes are compared exactly, as they come from the database.
StaffRole StaffRoleFromCode(std::string_view groupCode);

// The operation with that code or Chinese label (trimmed, ASCII case
// ignored); nullopt when there is none.
std::optional<StaffOperation> ParseStaffOperation(std::string_view text);

// Whether members of group may perform operation: exactly whether the table
// lists the group on the operation's row.
bool StaffMay(StaffGroup group, StaffOperation operation);

// As above for a role: the superuser may perform every operation, a role
// without a group none.
bool StaffMay(const StaffRole& role, StaffOperation operation);

// Whether operation is possible for a case in state (a case_states.csv
// code): the row's case states are "any", "open" (a state that is not
// terminal) or a list. false for an unknown state, unless the row says any.
bool PossibleInState(StaffOperation operation, std::string_view state);

// The groups the table lists for operation, in StaffGroup order.
std::vector<StaffGroup> GroupsAllowed(StaffOperation operation);

// What in the database enforces operation (a function, policy or grant),
// for documentation and messages to administrators.
std::string_view EnforcedBy(StaffOperation operation);

// Whether members of group take any action of the case workflow (in any
// order of steps): the desks that work cases and start with their tasks.
bool TakesCaseActions(StaffGroup group);

// Whether role may take action on a case of order in state: the
// transition's group (MayTake), or the superuser for any transition the
// table has.
bool MayTake(const StaffRole& role, StepOrder order, std::string_view state, std::string_view action);

// Whether role may take action in state in some order of steps: for a list
// of cases whose orders it does not show, such as the public notices (the
// actions there, recording an objection among them, are every order's).
bool MayTakeInSomeOrder(const StaffRole& role, std::string_view state, std::string_view action);

}  // namespace doudi::model
