#include "pg_copy.h"

#include <soci/soci.h>

#include "doudi/dal/errors.h"
#include "pg_errors.h"

namespace doudi::dal::pg {
namespace {
constexpr std::size_t kFlushBytes = 1 << 16;

void CheckResult(PGconn* conn, PGresult* result, ExecStatusType expected, const std::string& context) {
  struct Clear {
    PGresult* r;
    ~Clear() { PQclear(r); }
  } clear{result};
  if (PQresultStatus(result) != expected) ThrowLibpqError(conn, context, result);
}
}  // namespace

CopyIn::CopyIn(soci::session& sql, const std::string& copyStatement) : m_conn(NativeConnection(sql)) {
  CheckResult(m_conn, PQexec(m_conn, copyStatement.c_str()), PGRES_COPY_IN, "starting a bulk copy");
  m_buffer.reserve(kFlushBytes * 2);
}

CopyIn::~CopyIn() {
  if (!m_finished) {
    PQputCopyEnd(m_conn, "copy abandoned");
    while (PGresult* r = PQgetResult(m_conn)) PQclear(r);
  }
}

void CopyIn::Field(std::string_view value) {
  if (m_rowStarted) m_buffer += '\t';
  m_rowStarted = true;
  for (const char c : value) {
    switch (c) {
      case '\\': m_buffer += "\\\\"; break;
      case '\t': m_buffer += "\\t"; break;
      case '\n': m_buffer += "\\n"; break;
      case '\r': m_buffer += "\\r"; break;
      default: m_buffer += c;
    }
  }
}

void CopyIn::Field(std::int64_t value) { Field(std::to_string(value)); }

void CopyIn::Null() {
  if (m_rowStarted) m_buffer += '\t';
  m_rowStarted = true;
  m_buffer += "\\N";
}

void CopyIn::EndRow() {
  m_buffer += '\n';
  m_rowStarted = false;
  if (m_buffer.size() >= kFlushBytes) Flush();
}

void CopyIn::Flush() {
  if (m_buffer.empty()) return;
  if (PQputCopyData(m_conn, m_buffer.data(), static_cast<int>(m_buffer.size())) != 1) {
    ThrowLibpqError(m_conn, "sending bulk rows");
  }
  m_buffer.clear();
}

void CopyIn::Finish() {
  Flush();
  m_finished = true;
  if (PQputCopyEnd(m_conn, nullptr) != 1) ThrowLibpqError(m_conn, "ending a bulk copy");
  CheckResult(m_conn, PQgetResult(m_conn), PGRES_COMMAND_OK, "storing bulk rows");
  while (PGresult* r = PQgetResult(m_conn)) PQclear(r);
}

}  // namespace doudi::dal::pg
