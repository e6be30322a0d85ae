#include "pg_errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <exception>

#include "doudi/dal/errors.h"

namespace doudi::dal::pg {
namespace {

[[noreturn]] void ThrowFor(const std::string& sqlState, bool connectionLost, const std::string& message) {
  if (connectionLost || sqlState.rfind("08", 0) == 0 || sqlState == "57P01") {
    std::throw_with_nested(ConnectionError(message, sqlState));
  }
  if (sqlState.rfind("23", 0) == 0) std::throw_with_nested(ConstraintViolation(message, sqlState));
  std::throw_with_nested(DatabaseError(message, sqlState));
}

}  // namespace

void RethrowAsDatabaseError(const std::string& context) {
  try {
    throw;
  } catch (const DatabaseError&) {
    throw;
  } catch (const soci::postgresql_soci_error& e) {
    const std::string state = e.sqlstate();
    const bool lost = e.get_error_category() == soci::soci_error::connection_error;
    ThrowFor(state, lost, "while " + context + ": " + e.get_error_message());
  } catch (const soci::soci_error& e) {
    // SOCI reports "Session is not connected" and failed reconnects with
    // category unknown: judge by the message's connection state instead.
    const bool lost = e.get_error_category() == soci::soci_error::connection_error ||
                      std::string(e.get_error_message()).find("not connected") != std::string::npos;
    ThrowFor({}, lost, "while " + context + ": " + e.get_error_message());
  } catch (const std::exception& e) {
    std::throw_with_nested(DatabaseError("while " + context + ": " + e.what()));
  }
}

PGconn* NativeConnection(soci::session& session) {
  // Every session here is opened with factory_postgresql (PgDatabase), and
  // libsoci_postgresql exports no typeinfo to check it with dynamic_cast.
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  if (backend == nullptr || backend->conn_ == nullptr) throw ConnectionError("the database session is not connected");
  return backend->conn_;
}

void ThrowLibpqError(PGconn* conn, const std::string& context, const PGresult* result) {
  std::string message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string state;
  if (result != nullptr) {
    if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = s;
  }
  const bool lost = PQstatus(conn) != CONNECTION_OK;
  try {
    throw std::runtime_error(message);
  } catch (...) {
    ThrowFor(state, lost, "while " + context + ": " + message);
  }
}

}  // namespace doudi::dal::pg
