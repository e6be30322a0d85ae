#pragma once
// The failures the data layer reports. Infrastructure failures are
// exceptions (ARCHITECTURE.md); "not found" is std::optional, and
// user-fixable input comes back as validation issues, never as these.
//
// How the server refuses (docs/errors.md): a function raises
//   RAISE EXCEPTION 'doudi:<area>.<reason>'
//     USING DETAIL = json_build_object('amount_fen', ..., 'cap_fen', ...)::text,
//           ERRCODE = '<sqlstate>';
// MESSAGE is a stable code (lowercase, dots; never prose), DETAIL its
// arguments as one JSON object (names ending in _fen are money in fen), and
// the SQLSTATE says what kind of refusal it is:
//   42501 (insufficient_privilege)  PermissionDenied: the caller's group or scope
//   P0002 (no_data_found)           NotFound: the record is gone or out of sight
//   40001 (serialization_failure)   ConcurrentChange: changed meanwhile, look again
//   RD000 (Doudi's class RD)        RuleRefused: a rule of the program says no
//   23xxx                           ConstraintViolation: kept for constraints
// Other SQLSTATEs with a doudi: code (22023 for a call a program should
// not make) are RuleRefused too. The client translates the code through the catalog
// (doudi/dal/failure_text.h); the older form 'doudi:<code>: English prose'
// is still read, its prose kept only for an unknown code.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace doudi::dal {

// A refusal's arguments by name: strings as their text, numbers as written,
// true/false, "" for null, arrays as their elements joined by ", ".
using RefusalArguments = std::map<std::string, std::string, std::less<>>;

// What the server said when it refused with a doudi: code.
struct Refusal {
  std::string code;            // "amount.over_cap", without "doudi:"; empty: no code
  RefusalArguments arguments;  // from DETAIL
  std::string prose;           // the older form's text after "doudi:<code>: "
};

// The refusal in a server error's MESSAGE and DETAIL. No code when MESSAGE
// does not start with "doudi:" followed by a key; arguments empty when
// DETAIL is not a JSON object (a malformed one is ignored, not an error).
Refusal ParseRefusal(std::string_view message, std::string_view detail);

// Any failure talking to the database; what() carries the operation that
// failed and the server's message. The original error is nested
// (std::throw_with_nested) where there is one.
class DatabaseError : public std::runtime_error {
 public:
  explicit DatabaseError(const std::string& what, std::string sqlState = {}, Refusal refusal = {})
      : std::runtime_error(what), m_sqlState(std::move(sqlState)), m_refusal(std::move(refusal)) {}
  // Five-character SQLSTATE when the server sent one, else empty.
  const std::string& SqlState() const noexcept { return m_sqlState; }
  // The stable code of the server's refusal ("amount.over_cap"); empty when
  // the server sent none (a driver error, or a refusal not yet converted).
  const std::string& Code() const noexcept { return m_refusal.code; }
  const RefusalArguments& Arguments() const noexcept { return m_refusal.arguments; }
  const Refusal& ServerRefusal() const noexcept { return m_refusal; }

 private:
  std::string m_sqlState;
  Refusal m_refusal;
};

// The server cannot be reached, refused the login, or the link dropped.
class ConnectionError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// A row violated a constraint the database enforces (SQLSTATE class 23):
// a program bug or a race, since programs validate before writing.
class ConstraintViolation : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// The caller's staff group or scope does not allow this (42501).
class PermissionDenied : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// The statement was cancelled (57014): by the user, or by a newer search
// that replaced it. Not a failure to report as one.
class Cancelled : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// A rule of the program refused the change (class RD, or any other refusal
// with a doudi: code); Code() and Arguments() say which and why.
class RuleRefused : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// The record asked for no longer exists, or is not visible to the caller
// (P0002).
class NotFound : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// The record to update no longer exists (deleted by someone else).
class RecordGone : public NotFound {
 public:
  using NotFound::NotFound;
};

// Someone else changed the record meanwhile, or the server could not order
// this transaction after another (40001, 40P01): show it again and retry.
class ConcurrentChange : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// A save met a newer version of the record than the one it was based on.
class VersionConflict : public ConcurrentChange {
 public:
  VersionConflict(const std::string& what, std::int32_t expectedVersion, std::int32_t currentVersion)
      : ConcurrentChange(what, "40001"), m_expected(expectedVersion), m_current(currentVersion) {}
  std::int32_t ExpectedVersion() const noexcept { return m_expected; }
  std::int32_t CurrentVersion() const noexcept { return m_current; }

 private:
  std::int32_t m_expected;
  std::int32_t m_current;
};

// The database's schema is older or newer than this program supports.
class SchemaVersionMismatch : public DatabaseError {
 public:
  SchemaVersionMismatch(const std::string& what, int databaseVersion, int supportedVersion)
      : DatabaseError(what), m_database(databaseVersion), m_supported(supportedVersion) {}
  int DatabaseVersion() const noexcept { return m_database; }
  int SupportedVersion() const noexcept { return m_supported; }
  bool DatabaseIsOlder() const noexcept { return m_database < m_supported; }

 private:
  int m_database;
  int m_supported;
};

// The database's migrations are numbered differently from this program's:
// it was made before the migrations were folded into one baseline (its
// version 1 is `databaseFirst`, this program's is `programFirst`). It cannot
// be upgraded in place; a new database is made and the data loaded into it.
class SchemaNumberingMismatch : public DatabaseError {
 public:
  SchemaNumberingMismatch(const std::string& what, std::string databaseFirst, std::string programFirst)
      : DatabaseError(what), m_database(std::move(databaseFirst)), m_program(std::move(programFirst)) {}
  const std::string& DatabaseFirst() const noexcept { return m_database; }
  const std::string& ProgramFirst() const noexcept { return m_program; }

 private:
  std::string m_database;
  std::string m_program;
};

}  // namespace doudi::dal
