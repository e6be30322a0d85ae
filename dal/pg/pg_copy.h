#pragma once
// Private to doudi_dal_pg: COPY ... FROM STDIN through libpq, for bulk rows.
#include <libpq-fe.h>

#include <optional>
#include <string>
#include <string_view>

namespace soci {
class session;
}

namespace doudi::dal::pg {

// Streams rows in COPY's text format. Construct with a COPY ... FROM STDIN
// statement; add fields row by row; Finish() ends the copy and throws
// DatabaseError if the server refused any row. Destroying an unfinished
// CopyIn aborts the copy (the surrounding transaction then fails).
class CopyIn {
 public:
  CopyIn(soci::session& sql, const std::string& copyStatement);
  ~CopyIn();
  CopyIn(const CopyIn&) = delete;
  CopyIn& operator=(const CopyIn&) = delete;

  void Field(std::string_view value);         // escaped as COPY text
  void Field(std::int64_t value);
  void Null();
  void EndRow();
  void Finish();

 private:
  void Flush();
  PGconn* m_conn;
  std::string m_buffer;
  bool m_rowStarted = false;
  bool m_finished = false;
};

}  // namespace doudi::dal::pg
