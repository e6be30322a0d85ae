#pragma once
// Waits for PostgreSQL notifications on one channel (LISTEN), on a
// connection of its own, for a worker thread: the desk's 上报 inbox wakes on
// doudi_intake. The payload is never read (any role may LISTEN on any
// channel, so the server sends none): a wake-up means "read again under
// your scope". After the connection drops it connects and listens again by
// itself, and says so (Connected), since notifications sent meanwhile are lost.
#include <chrono>
#include <memory>
#include <string>

namespace doudi::dal::pg {

class PgListener {
 public:
  enum class Event {
    Notified,   // one or more notifications arrived
    Connected,  // (re)connected and listening: read everything again
    Lost,       // the connection is down; the next Wait tries again
    Timeout,    // nothing within the time
  };
  PgListener(std::string connectionString, std::string channel);
  ~PgListener();
  PgListener(const PgListener&) = delete;
  PgListener& operator=(const PgListener&) = delete;

  // Waits at most `timeout`. Never throws for a lost connection.
  Event Wait(std::chrono::milliseconds timeout);
  // The last connection failure's text ("" when connected).
  std::string LastError() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace doudi::dal::pg
