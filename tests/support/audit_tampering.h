#pragma once
// What a superuser can do to the audit trail behind the append-only
// triggers, for the tests that check verification still finds it.
#include <string>

#include "test_database.h"

namespace doudi::test {

// Deletes the last sealed transaction's audit rows and its seal, as if it
// had never been recorded (its changes to the tables stay).
inline void RemoveLastSealedTransaction(const TestDatabase& server) {
  server.Execute(
      "ALTER TABLE doudi.audit_row DISABLE TRIGGER append_only; "
      "ALTER TABLE doudi.audit_seal DISABLE TRIGGER append_only; "
      "DELETE FROM doudi.audit_row WHERE txid = (SELECT txid FROM doudi.audit_seal ORDER BY seq DESC LIMIT 1); "
      "DELETE FROM doudi.audit_seal WHERE seq = (SELECT max(seq) FROM doudi.audit_seal); "
      "ALTER TABLE doudi.audit_row ENABLE TRIGGER append_only; "
      "ALTER TABLE doudi.audit_seal ENABLE TRIGGER append_only");
}

}  // namespace doudi::test
