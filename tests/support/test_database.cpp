#include "test_database.h"

#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <stdexcept>

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

}  // namespace

TestDatabase::TestDatabase() : m_admin(AdminConnectionString()) {
  static std::atomic<int> counter{0};
  m_name = "doudi_test_" + std::to_string(DOUDI_GETPID()) + "_" + std::to_string(++counter);
  Run(m_admin, "DROP DATABASE IF EXISTS " + m_name);
  Run(m_admin, "CREATE DATABASE " + m_name + " TEMPLATE template0 ENCODING 'UTF8'");
  // The later dbname= overrides the one in DOUDI_TEST_DB.
  m_conninfo = m_admin + " dbname=" + m_name;
}

TestDatabase::~TestDatabase() {
  try {
    Run(m_admin, "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
  } catch (...) {
    // A test's own failure is the message that matters.
  }
}

void TestDatabase::Execute(const std::string& sql) const { Run(m_conninfo, sql); }

std::string TestDatabase::Scalar(const std::string& sql) const {
  const Result r = Run(m_conninfo, sql);
  if (PQntuples(r.get()) == 0) throw std::runtime_error("no row from: " + sql);
  return PQgetvalue(r.get(), 0, 0);
}

std::vector<std::string> TestDatabase::Rows(const std::string& sql) const {
  const Result r = Run(m_conninfo, sql);
  std::vector<std::string> rows;
  for (int i = 0; i < PQntuples(r.get()); ++i) {
    std::string row;
    for (int c = 0; c < PQnfields(r.get()); ++c) {
      if (c > 0) row += '|';
      row += PQgetvalue(r.get(), i, c);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string FixturePath(const std::string& relative) { return std::string(DOUDI_FIXTURE_DIR) + "/" + relative; }

}  // namespace doudi::test
