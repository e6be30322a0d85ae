#pragma once
// A migrated database with the demo registry, for the case tests: opening
// cases and taking actions with raw SQL as a given user.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <optional>
#include <sstream>
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

// A demo attachment (assets/demo/attachments: authorization.pdf,
// verification_report.pdf, photo.png) as PostgreSQL hex, for decode(..., 'hex').
inline std::string DemoFileHex(const std::string& name) {
  std::ifstream in(std::string(DOUDI_SOURCE_DIR) + "/assets/demo/attachments/" + name, std::ios::binary);
  BOOST_TEST_REQUIRE(in.good(), name);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (const char c : bytes.str()) {
    const auto b = static_cast<unsigned char>(c);
    hex += kDigits[b >> 4];
    hex += kDigits[b & 0x0F];
  }
  return hex;
}

// SQL calling doudi.attachment_add for an owner given as SQL (an id, or an
// expression such as a call of doudi.case_add_evidence, which returns the
// evidence's id), with a demo PDF: a scanned report, or the signed
// authorization.
inline std::string AttachSql(const std::string& ownerKind, const std::string& ownerId,
                             const std::string& kind = "other", const std::string& file = "verification_report.pdf") {
  return "SELECT doudi.attachment_add('" + ownerKind + "', (" + ownerId + "), '" + kind + "', '" + file +
         "', decode('" + DemoFileHex(file) + "', 'hex'), '', NULL, gen_random_uuid())";
}

// The SQL of a call adding evidence (its $ parameters unchanged), with a
// scanned report attached: evidence a step's requirement counts.
inline std::string EvidenceWithFile(const std::string& addEvidenceCall) {
  return AttachSql("evidence", addEvidenceCall);
}

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
  // The family's signed authorization for the verification (核对授权书)
  // attached to the household, as the superuser, unless one is in force:
  // what acceptance requires (assets/rules/case_transitions.csv).
  void Authorize(const std::string& ref) const {
    const std::string household = Household(ref);
    server.Execute(AttachSql("household", household, "authorization", "authorization.pdf") +
                   " WHERE NOT EXISTS (SELECT 1 FROM doudi.attachment AS a WHERE a.owner_kind = 'household' "
                   "AND a.owner_id = " + household + " AND a.kind = 'authorization' AND a.withdrawn_at IS NULL)");
  }
  // A per-person program's case names the household's head. The household
  // brings its signed authorization (Authorize) unless told not to.
  std::string Open(const Session& as, const std::string& ref, const std::string& program = "dibao",
                   bool authorized = true) const {
    if (authorized) Authorize(ref);
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
