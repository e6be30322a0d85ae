// PgListener: LISTEN on a connection of its own with libpq, waiting on the
// connection's socket (select) so that a worker thread sleeps until the
// server sends something or the time is up.
#include "doudi/dal/pg/pg_listener.h"

#include <libpq-fe.h>

#include <chrono>
#include <string>
#include <thread>

#ifdef _WIN32
#include <winsock2.h>
#else
#include <sys/select.h>
#endif

namespace doudi::dal::pg {

struct PgListener::Impl {
  std::string connectionString;
  std::string channel;
  PGconn* conn = nullptr;
  std::string lastError;
  std::chrono::steady_clock::time_point nextAttempt{};

  ~Impl() { Drop(); }

  void Drop() {
    if (conn != nullptr) PQfinish(conn);
    conn = nullptr;
  }

  bool Connect() {
    Drop();
    conn = PQconnectdb(connectionString.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      lastError = PQerrorMessage(conn);
      Drop();
      return false;
    }
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    char* quoted = PQescapeIdentifier(conn, channel.c_str(), channel.size());
    const std::string listen = std::string("LISTEN ") + (quoted != nullptr ? quoted : "");
    PQfreemem(quoted);
    PGresult* result = PQexec(conn, listen.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok) {
      lastError = PQerrorMessage(conn);
      Drop();
      return false;
    }
    lastError.clear();
    return true;
  }

  // Reads what arrived; true when at least one notification did.
  bool Drain() {
    bool any = false;
    while (PGnotify* n = PQnotifies(conn)) {
      any = true;
      PQfreemem(n);
    }
    return any;
  }
};

PgListener::PgListener(std::string connectionString, std::string channel) : m_impl(std::make_unique<Impl>()) {
  m_impl->connectionString = std::move(connectionString);
  m_impl->channel = std::move(channel);
}

PgListener::~PgListener() = default;

PgListener::Event PgListener::Wait(std::chrono::milliseconds timeout) {
  auto& d = *m_impl;
  if (d.conn == nullptr) {
    const auto now = std::chrono::steady_clock::now();
    if (now < d.nextAttempt) {
      // not too often after a failure: at most once every two seconds
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(timeout, d.nextAttempt - now));
      return Event::Lost;
    }
    if (!d.Connect()) {
      d.nextAttempt = std::chrono::steady_clock::now() + std::chrono::seconds(2);
      return Event::Lost;
    }
    return Event::Connected;
  }
  if (d.Drain()) return Event::Notified;
  const int socket = PQsocket(d.conn);
  if (socket < 0) {
    d.lastError = "the connection has no socket";
    d.Drop();
    return Event::Lost;
  }
  fd_set readable;
  FD_ZERO(&readable);
  FD_SET(static_cast<unsigned>(socket), &readable);
  timeval tv{};
  tv.tv_sec = static_cast<long>(timeout.count() / 1000);
  tv.tv_usec = static_cast<long>((timeout.count() % 1000) * 1000);
  const int ready = select(socket + 1, &readable, nullptr, nullptr, &tv);
  if (ready == 0) return Event::Timeout;
  if (ready < 0 || PQconsumeInput(d.conn) == 0 || PQstatus(d.conn) != CONNECTION_OK) {
    d.lastError = d.conn != nullptr ? PQerrorMessage(d.conn) : "";
    d.Drop();
    d.nextAttempt = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    return Event::Lost;
  }
  return d.Drain() ? Event::Notified : Event::Timeout;
}

std::string PgListener::LastError() const {
  return m_impl->lastError;
}

}  // namespace doudi::dal::pg
