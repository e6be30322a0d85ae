#pragma once
// Private to doudi_dal_pg: turning SOCI and libpq failures into the data
// layer's exceptions, with context, and reaching libpq under a SOCI session.
#include <libpq-fe.h>

#include <string>

namespace soci {
class session;
}

namespace doudi::dal::pg {

// Call from a catch(...) block: rethrows the current exception as the
// matching dal error (errors.h: ConnectionError, Cancelled, PermissionDenied,
// NotFound, ConcurrentChange, ConstraintViolation, RuleRefused, else
// DatabaseError) with "while <context>: <server message>", the server's
// refusal code and arguments, and the original nested inside. dal errors
// pass through unchanged.
[[noreturn]] void RethrowAsDatabaseError(const std::string& context);

// The libpq connection beneath a SOCI PostgreSQL session (SOCI offers no
// COPY or LISTEN API). Valid until the session reconnects.
PGconn* NativeConnection(soci::session& session);

// Throws the matching dal error, as above, with libpq's message for conn
// (and the fields of result, when there is one).
[[noreturn]] void ThrowLibpqError(PGconn* conn, const std::string& context, const PGresult* result = nullptr);

}  // namespace doudi::dal::pg
