#pragma once
// A migrated database with the demo registry, for the case tests: opening
// cases and taking actions with raw SQL as a given user.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

#include "db_fixture.h"
#include "doudi/dal/registry_repository.h"

namespace doudi::test {

inline constexpr const char* kDenied = "42501";
inline constexpr const char* kStale = "40001";
// A rule of the program refuses (docs/errors.md: Doudi's class RD).
inline constexpr const char* kNotAllowed = "RD000";
// A call the program should not have made (a reused request id ...).
inline constexpr const char* kBadCall = "22023";

struct DemoRegistry : MigratedDatabase {
  DemoRegistry() {
    dal::ImportOptions options;
    options.source = "demo";
    options.today = kToday;
    db->Importer().Import(admin::DemoHouseholdRows(), options);
  }
  std::string Household(const std::string& ref) const {
    return server.Scalar("SELECT id FROM doudi.household WHERE source_ref = '" + ref + "'");
  }
  // A per-person program's case names the household's head.
  std::string Open(const Session& as, const std::string& ref, const std::string& program = "dibao") const {
    return as.Scalar(
        "SELECT doudi.case_open($1::bigint, $2::text, $3::uuid, false, '', (SELECT p.id FROM doudi.person AS p "
        "JOIN doudi.program AS g ON g.code = $2::text WHERE g.per_person AND p.household_id = $1::bigint "
        "AND p.left_on IS NULL ORDER BY (p.relation = 'head') DESC, p.position LIMIT 1))",
        {Household(ref), program, dal::NewRequestId()});
  }
  // A column (or expression) of the case, read as the superuser.
  std::string Field(const std::string& caseId, const std::string& column) const {
    return server.Scalar("SELECT " + column + " FROM doudi.assistance_case WHERE id = " + caseId);
  }
  // Takes the action at the case's current version; "" on success or the SQLSTATE.
  std::string ActBare(const Session& as, const std::string& caseId, const std::string& action,
                      const std::string& opinion = "", std::optional<std::string> request = std::nullopt) const {
    return as.TryExecute("SELECT doudi.case_transition($1, $2, $3::int, $4::uuid, $5)",
                         {caseId, action, Field(caseId, "version"), request.value_or(dal::NewRequestId()), opinion});
  }
};

}  // namespace doudi::test
