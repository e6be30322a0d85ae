#pragma once
// A fresh, empty database for one test on the cluster scripts/test starts
// (DOUDI_TEST_DB names its maintenance database, PGPASSFILE its password),
// dropped again when the test ends; and connections to it as Doudi users,
// for tests that check what the database lets each role do.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct pg_conn;  // libpq's PGconn: kept out of this header

namespace doudi::test {

// A statement the server refused: what() holds the SQL and the server's
// message, SqlState() the five-character SQLSTATE.
class SqlError : public std::runtime_error {
 public:
  SqlError(std::string sqlState, std::string serverMessage, const std::string& sql)
      : std::runtime_error("SQL failed [" + sqlState + "]: " + sql + ": " + serverMessage),
        m_sqlState(std::move(sqlState)),
        m_serverMessage(std::move(serverMessage)) {}
  const std::string& SqlState() const { return m_sqlState; }
  const std::string& ServerMessage() const { return m_serverMessage; }

 private:
  std::string m_sqlState;
  std::string m_serverMessage;
};

// Values bound to $1, $2 ... of one statement (never spliced into its text).
using SqlParams = std::vector<std::string>;

// What one statement did: the SQLSTATE ("" for success) and the server's
// message and detail (a refusal's arguments as JSON: docs/errors.md), or the
// number of rows it changed or returned.
struct SqlOutcome {
  std::string sqlState;
  std::string message;
  std::string detail;
  std::int64_t rows = 0;
  bool Ok() const { return sqlState.empty(); }
};

// One open connection, kept for the session's life so that SET, SET ROLE
// and transactions carry over from one statement to the next. Without
// params a text may hold several statements; with params exactly one.
class Session {
 public:
  // Connects; throws std::runtime_error with libpq's message (a refused
  // login has no SQLSTATE on the client side).
  explicit Session(const std::string& conninfo);
  ~Session();
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;

  // Runs SQL; returns the rows it changed (or returned); throws SqlError.
  std::int64_t Execute(const std::string& sql, const SqlParams& params = {}) const;
  // The first column of the first row (empty string for NULL); throws
  // SqlError, or std::runtime_error when there is no row.
  std::string Scalar(const std::string& sql, const SqlParams& params = {}) const;
  std::int64_t Count(const std::string& sql, const SqlParams& params = {}) const {
    return std::stoll(Scalar(sql, params));
  }
  // Every row, columns joined by '|'; throws SqlError.
  std::vector<std::string> Rows(const std::string& sql, const SqlParams& params = {}) const;
  // The SQLSTATE of the failure, or "" when the statement succeeded.
  std::string TryExecute(const std::string& sql, const SqlParams& params = {}) const;
  // Never throws for a refused statement.
  SqlOutcome Try(const std::string& sql, const SqlParams& params = {}) const;
  // A SCRAM-SHA-256 verifier of the password, made here on the client
  // (PQencryptPasswordConn): the password itself never reaches the server.
  std::string ScramVerifier(const std::string& role, const std::string& password) const;

 private:
  std::unique_ptr<pg_conn, void (*)(pg_conn*)> m_conn;
};

class TestDatabase {
 public:
  // Creates doudi_test_<pid>_<n>; throws std::runtime_error when
  // DOUDI_TEST_DB is unset or the cluster cannot be reached.
  TestDatabase();
  // Works in the existing database `name` instead, one the test must not
  // drop (pg_cron's: scripts/test makes it, DOUDI_TEST_CRON_DB); the
  // destructor drops only the test's roles.
  struct Existing {
    std::string name;
  };
  explicit TestDatabase(const Existing& existing);
  // Drops the database (unless Existing), then every login role whose name starts with
  // RolePrefix() (or with doudi_/pg_ followed by it), however it was made.
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& ConnectionString() const { return m_conninfo; }
  const std::string& Name() const { return m_name; }

  // Runs SQL as the cluster's superuser; throws with the server's message.
  void Execute(const std::string& sql) const;
  // The first column of the first row (empty string for NULL); throws when
  // there is no row.
  std::string Scalar(const std::string& sql) const;
  std::int64_t Count(const std::string& sql) const { return std::stoll(Scalar(sql)); }
  // Every row, columns joined by '|'.
  std::vector<std::string> Rows(const std::string& sql) const;

  // Login roles are global to the cluster while databases are per test: a
  // test's roles are named RolePrefix() + a short name ("t<pid>_<n>_"), so
  // they are unique to this database and dropped with it.
  const std::string& RolePrefix() const { return m_rolePrefix; }
  std::string RoleName(const std::string& shortName) const { return m_rolePrefix + shortName; }

  // Adds a Doudi user through doudi.user_add as the superuser (the database
  // must be migrated) and returns its full role name. group is the group's
  // code ("village_clerk" ...), scope a region code prefix, department ""
  // for anyone but a liaison. Throws SqlError.
  std::string CreateUser(const std::string& shortName, const std::string& group, const std::string& scope,
                         const std::string& department = "", const std::string& password = kPassword) const;
  // Connects to this database as the role; throws std::runtime_error when
  // the login is refused.
  Session AsUser(const std::string& role, const std::string& password = kPassword) const;
  // The connection string AsUser uses, for opening the data layer as the role.
  std::string ConnectionStringFor(const std::string& role, const std::string& password = kPassword) const;
  // A session as the superuser, for statements that must share a connection.
  Session AsSuperuser() const { return Session(m_conninfo); }

  // The password CreateUser gives when none is named.
  static constexpr const char* kPassword = "Doudi-test-password-1";

 private:
  std::string m_admin;
  std::string m_name;
  std::string m_conninfo;
  std::string m_rolePrefix;
  bool m_dropDatabase = true;
};

// The streaming standby of the cluster that scripts/test starts
// (DOUDI_TEST_STANDBY_DB), as a profile's `report` value:
// "<socket dir>:<port>". Throws std::runtime_error when it is not set.
std::string StandbyReportHost();

// Waits (up to a minute) until that standby has replayed everything the
// primary of server has written so far; throws std::runtime_error after.
void WaitForStandby(const TestDatabase& server);

// The repository's tests/fixtures directory (set by CMake).
std::string FixturePath(const std::string& relative);

// SQL that refers a household to a department of its county's catalog
// directly, as the superuser (the fixtures' way; the desk calls
// doudi.referral_send): one send, one referral, due in two weeks.
std::string ReferralInsert(const std::string& householdId, const std::string& region, const std::string& department,
                           const std::string& kind);

}  // namespace doudi::test
