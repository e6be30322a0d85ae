#pragma once
// The failures the data layer reports. Infrastructure failures are
// exceptions (ARCHITECTURE.md); "not found" is std::optional, and
// user-fixable input comes back as validation issues, never as these.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace doudi::dal {

// Any failure talking to the database; what() carries the operation that
// failed and the server's message. The original error is nested
// (std::throw_with_nested) where there is one.
class DatabaseError : public std::runtime_error {
 public:
  explicit DatabaseError(const std::string& what, std::string sqlState = {})
      : std::runtime_error(what), m_sqlState(std::move(sqlState)) {}
  // Five-character SQLSTATE when the server sent one, else empty.
  const std::string& SqlState() const noexcept { return m_sqlState; }

 private:
  std::string m_sqlState;
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

// A save met a newer version of the record than the one it was based on.
class VersionConflict : public DatabaseError {
 public:
  VersionConflict(const std::string& what, std::int32_t expectedVersion, std::int32_t currentVersion)
      : DatabaseError(what), m_expected(expectedVersion), m_current(currentVersion) {}
  std::int32_t ExpectedVersion() const noexcept { return m_expected; }
  std::int32_t CurrentVersion() const noexcept { return m_current; }

 private:
  std::int32_t m_expected;
  std::int32_t m_current;
};

// The record to update no longer exists (deleted by someone else).
class RecordGone : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
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
