#include "pg_errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <exception>
#include <string_view>
#include <utility>

#include "doudi/dal/errors.h"

namespace doudi::dal::pg {
namespace {

bool StartsWith(const std::string& text, std::string_view prefix) {
  return text.rfind(prefix, 0) == 0;
}

[[noreturn]] void ThrowFor(const std::string& sqlState, bool connectionLost, const std::string& message,
                           Refusal refusal) {
  if (connectionLost || StartsWith(sqlState, "08") || sqlState == "57P01") {
    std::throw_with_nested(ConnectionError(message, sqlState));
  }
  if (sqlState == "57014") std::throw_with_nested(Cancelled(message, sqlState, std::move(refusal)));
  if (sqlState == "42501") std::throw_with_nested(PermissionDenied(message, sqlState, std::move(refusal)));
  if (sqlState == "P0002") std::throw_with_nested(NotFound(message, sqlState, std::move(refusal)));
  if (sqlState == "40001" || sqlState == "40P01") {
    std::throw_with_nested(ConcurrentChange(message, sqlState, std::move(refusal)));
  }
  if (StartsWith(sqlState, "23")) std::throw_with_nested(ConstraintViolation(message, sqlState, std::move(refusal)));
  if (StartsWith(sqlState, "RD") || !refusal.code.empty()) {
    std::throw_with_nested(RuleRefused(message, sqlState, std::move(refusal)));
  }
  std::throw_with_nested(DatabaseError(message, sqlState));
}

// SOCI keeps only libpq's formatted text of a server error, one field a
// line: "ERROR:  <message>", then "DETAIL:  <detail>" and the rest. The
// labels are in the server's lc_messages, so the fields are told apart by
// their place and shape: the message is the first line's text, the detail
// the first later line whose text is a JSON object (what refusals send).
Refusal RefusalInLibpqText(std::string_view text) {
  const auto fieldText = [](std::string_view line) {
    const auto colon = line.find(":  ");
    return colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 3);
  };
  const auto lineEnd = text.find('\n');
  const std::string_view message = fieldText(text.substr(0, lineEnd));
  std::string_view detail;
  for (std::size_t start = lineEnd; start != std::string_view::npos && start < text.size();) {
    const auto end = text.find('\n', start + 1);
    const auto field = fieldText(text.substr(start + 1, end == std::string_view::npos ? end : end - start - 1));
    if (!field.empty() && field.front() == '{') {
      detail = field;
      break;
    }
    start = end;
  }
  return ParseRefusal(message, detail);
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
    ThrowFor(state, lost, "while " + context + ": " + e.get_error_message(), RefusalInLibpqText(e.get_error_message()));
  } catch (const soci::soci_error& e) {
    // SOCI reports "Session is not connected" and failed reconnects with
    // category unknown: judge by the message's connection state instead.
    const bool lost = e.get_error_category() == soci::soci_error::connection_error ||
                      std::string(e.get_error_message()).find("not connected") != std::string::npos;
    ThrowFor({}, lost, "while " + context + ": " + e.get_error_message(), {});
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
  Refusal refusal;
  if (result != nullptr) {
    if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = s;
    const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL);
    refusal = ParseRefusal(primary != nullptr ? primary : "", detail != nullptr ? detail : "");
  }
  const bool lost = PQstatus(conn) != CONNECTION_OK;
  try {
    throw std::runtime_error(message);
  } catch (...) {
    ThrowFor(state, lost, "while " + context + ": " + message, std::move(refusal));
  }
}

}  // namespace doudi::dal::pg
