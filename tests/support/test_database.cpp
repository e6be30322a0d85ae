#include "test_database.h"

#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#ifdef _WIN32
#include <process.h>
#define DOUDI_GETPID _getpid
#else
#include <unistd.h>
#define DOUDI_GETPID getpid
#endif

namespace doudi::test {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

Connection Open(const std::string& conninfo) {
  Connection conn(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    throw std::runtime_error("cannot connect to the test cluster (" + conninfo + "): " + PQerrorMessage(conn.get()));
  }
  return conn;
}

Result Run(const std::string& conninfo, const std::string& sql) {
  Connection conn = Open(conninfo);
  Result result(PQexec(conn.get(), sql.c_str()), &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw std::runtime_error("SQL failed: " + sql + ": " + PQresultErrorMessage(result.get()));
  }
  return result;
}

std::string AdminConnectionString() {
  const char* admin = std::getenv("DOUDI_TEST_DB");
  if (admin == nullptr || *admin == '\0') {
    throw std::runtime_error("DOUDI_TEST_DB is not set: run the database tests through scripts/test");
  }
  // Keep CREATE ... IF NOT EXISTS notices out of the test output.
  return std::string(admin) + " options='-c client_min_messages=warning'";
}

// One statement's result, whatever its status.
Result Exec(PGconn* conn, const std::string& sql, const SqlParams& params) {
  if (params.empty()) return Result(PQexec(conn, sql.c_str()), &PQclear);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p.c_str());
  return Result(
      PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0),
      &PQclear);
}

bool Succeeded(const PGresult* r) {
  const auto status = PQresultStatus(r);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

SqlOutcome OutcomeOf(PGconn* conn, const PGresult* r) {
  SqlOutcome out;
  if (r != nullptr && Succeeded(r)) {
    const char* changed = PQcmdTuples(const_cast<PGresult*>(r));
    out.rows = (changed != nullptr && *changed != '\0') ? std::stoll(changed) : PQntuples(r);
    return out;
  }
  const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  out.sqlState = state != nullptr ? state : "?????";  // no SQLSTATE: the connection itself failed
  const char* message = r != nullptr ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  out.message = message != nullptr ? message : PQerrorMessage(conn);
  const char* detail = r != nullptr ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : nullptr;
  out.detail = detail != nullptr ? detail : "";
  return out;
}

Result Checked(PGconn* conn, const std::string& sql, const SqlParams& params) {
  Result r = Exec(conn, sql, params);
  if (!r || !Succeeded(r.get())) {
    const SqlOutcome o = OutcomeOf(conn, r.get());
    throw SqlError(o.sqlState, o.message, sql);
  }
  return r;
}

std::vector<std::string> RowsOf(const PGresult* r) {
  std::vector<std::string> rows;
  for (int i = 0; i < PQntuples(r); ++i) {
    std::string row;
    for (int c = 0; c < PQnfields(r); ++c) {
      if (c > 0) row += '|';
      row += PQgetvalue(r, i, c);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// A conninfo value in single quotes, with ' and \ escaped.
std::string QuotedConnValue(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string Verifier(PGconn* conn, const std::string& role, const std::string& password) {
  char* v = PQencryptPasswordConn(conn, password.c_str(), role.c_str(), "scram-sha-256");
  if (v == nullptr) throw std::runtime_error(std::string("PQencryptPasswordConn failed: ") + PQerrorMessage(conn));
  std::string verifier(v);
  PQfreemem(v);
  return verifier;
}

}  // namespace

Session::Session(const std::string& conninfo) : m_conn(PQconnectdb(conninfo.c_str()), &PQfinish) {
  if (PQstatus(m_conn.get()) != CONNECTION_OK) {
    throw std::runtime_error(std::string("cannot connect: ") + PQerrorMessage(m_conn.get()));
  }
}

Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

std::int64_t Session::Execute(const std::string& sql, const SqlParams& params) const {
  const Result r = Checked(m_conn.get(), sql, params);
  return OutcomeOf(m_conn.get(), r.get()).rows;
}

std::string Session::Scalar(const std::string& sql, const SqlParams& params) const {
  const Result r = Checked(m_conn.get(), sql, params);
  if (PQntuples(r.get()) == 0) throw std::runtime_error("no row from: " + sql);
  return PQgetvalue(r.get(), 0, 0);
}

std::vector<std::string> Session::Rows(const std::string& sql, const SqlParams& params) const {
  return RowsOf(Checked(m_conn.get(), sql, params).get());
}

std::string Session::TryExecute(const std::string& sql, const SqlParams& params) const {
  return Try(sql, params).sqlState;
}

SqlOutcome Session::Try(const std::string& sql, const SqlParams& params) const {
  const Result r = Exec(m_conn.get(), sql, params);
  return OutcomeOf(m_conn.get(), r.get());
}

std::string Session::ScramVerifier(const std::string& role, const std::string& password) const {
  return Verifier(m_conn.get(), role, password);
}

namespace {
// doudi_test_<pid>_<n>: unique to this process and test.
std::string NextTestName() {
  static std::atomic<int> counter{0};
  return "doudi_test_" + std::to_string(DOUDI_GETPID()) + "_" + std::to_string(++counter);
}
}  // namespace

TestDatabase::TestDatabase() : m_admin(AdminConnectionString()), m_name(NextTestName()) {
  Run(m_admin, "DROP DATABASE IF EXISTS " + m_name);
  Run(m_admin, "CREATE DATABASE " + m_name + " TEMPLATE template0 ENCODING 'UTF8'");
  // The later dbname= overrides the one in DOUDI_TEST_DB.
  m_conninfo = m_admin + " dbname=" + m_name;
  m_rolePrefix = "t" + m_name.substr(std::string("doudi_test_").size()) + "_";
}

TestDatabase::TestDatabase(const Existing& existing)
    : m_admin(AdminConnectionString()), m_name(existing.name), m_dropDatabase(false) {
  m_conninfo = m_admin + " dbname=" + QuotedConnValue(m_name);
  // The roles still get a name of their own.
  m_rolePrefix = "t" + NextTestName().substr(std::string("doudi_test_").size()) + "_";
  Open(m_conninfo);  // a missing database says so here
}

TestDatabase::~TestDatabase() {
  try {
    if (m_dropDatabase) Run(m_admin, "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
  } catch (...) {
    // A test's own failure is the message that matters.
  }
  try {
    // The prefix is digits, letters and _: safe in a LIKE pattern once _ is escaped.
    std::string pattern;
    for (const char c : m_rolePrefix) {
      if (c == '_') pattern += '\\';
      pattern += c;
    }
    const Result roles =
        Run(m_admin, "SELECT quote_ident(rolname) FROM pg_roles WHERE rolname LIKE '" + pattern +
                         "%' OR rolname LIKE 'doudi\\_" + pattern + "%' OR rolname LIKE 'pg\\_" + pattern + "%'");
    for (int i = 0; i < PQntuples(roles.get()); ++i) {
      try {
        Run(m_admin, std::string("DROP ROLE IF EXISTS ") + PQgetvalue(roles.get(), i, 0));
      } catch (...) {
        // Left for the throwaway cluster to take with it.
      }
    }
  } catch (...) {
  }
}

void TestDatabase::Execute(const std::string& sql) const {
  Run(m_conninfo, sql);
}

std::string TestDatabase::Scalar(const std::string& sql) const {
  const Result r = Run(m_conninfo, sql);
  if (PQntuples(r.get()) == 0) throw std::runtime_error("no row from: " + sql);
  return PQgetvalue(r.get(), 0, 0);
}

std::vector<std::string> TestDatabase::Rows(const std::string& sql) const {
  return RowsOf(Run(m_conninfo, sql).get());
}

std::string TestDatabase::CreateUser(const std::string& shortName, const std::string& group, const std::string& scope,
                                     const std::string& department, const std::string& password) const {
  const std::string role = RoleName(shortName);
  const Session superuser = AsSuperuser();
  superuser.Execute("SELECT doudi.user_add($1, $2, $3, $4, $5, $6)",
                    {role, shortName, group, scope, department, superuser.ScramVerifier(role, password)});
  return role;
}

Session TestDatabase::AsUser(const std::string& role, const std::string& password) const {
  return Session(ConnectionStringFor(role, password));
}

std::string TestDatabase::ConnectionStringFor(const std::string& role, const std::string& password) const {
  // The later user= and password= override those of DOUDI_TEST_DB.
  return m_conninfo + " user=" + QuotedConnValue(role) + " password=" + QuotedConnValue(password);
}

std::string StandbyReportHost() {
  const char* env = std::getenv("DOUDI_TEST_STANDBY_DB");
  if (env == nullptr || *env == '\0') {
    throw std::runtime_error("DOUDI_TEST_STANDBY_DB is not set: run the database tests through scripts/test");
  }
  std::string host;
  std::string port;
  std::istringstream words(env);
  for (std::string word; words >> word;) {
    if (word.rfind("host=", 0) == 0) host = word.substr(5);
    if (word.rfind("port=", 0) == 0) port = word.substr(5);
  }
  if (host.empty() || port.empty())
    throw std::runtime_error(std::string("DOUDI_TEST_STANDBY_DB lacks host or port: ") + env);
  return host + ":" + port;
}

void WaitForStandby(const TestDatabase& server) {
  const std::string lsn = server.Scalar("SELECT pg_current_wal_lsn()");
  // The test's database on the standby: its host and port after the primary's.
  const std::string host = StandbyReportHost();
  const auto colon = host.rfind(':');
  const std::string conninfo =
      server.ConnectionString() + " host=" + QuotedConnValue(host.substr(0, colon)) + " port=" + host.substr(colon + 1);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    try {
      if (Session(conninfo).Scalar("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", {lsn}) == "t") return;
    } catch (const std::runtime_error&) {
      // Its database may not be replayed yet.
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("the standby did not replay the primary's WAL up to " + lsn + " within a minute");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string FixturePath(const std::string& relative) {
  return std::string(DOUDI_FIXTURE_DIR) + "/" + relative;
}

std::string ReferralInsert(const std::string& householdId, const std::string& region, const std::string& department,
                           const std::string& kind) {
  return "WITH s AS (INSERT INTO doudi.referral_send (request_id, household_id, region_code) VALUES (gen_random_uuid(), " +
         householdId + ", '" + region + "') RETURNING id) "
         "INSERT INTO doudi.referral (send_id, household_id, region_code, department, kind, request, due_days, due_on) "
         "SELECT s.id, " + householdId + ", '" + region + "', '" + department + "', '" + kind +
         "', '测试转办', 10, current_date + 14 FROM s";
}

}  // namespace doudi::test
