#pragma once
// A loopback TCP proxy a test owns, between the workstation and the server,
// so the test can cut the link and restore it without disturbing any other
// test on the shared cluster (as a pulled cable would, but at once: the
// proxy closes the sockets, so neither side waits for keepalives).
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace doudi::test {

class TcpProxy {
 public:
  // Listens on 127.0.0.1 on a free port and forwards each connection it
  // accepts to target, which must be a loopback address. Throws
  // std::invalid_argument for another target, Poco::Exception when it
  // cannot listen.
  explicit TcpProxy(const Poco::Net::SocketAddress& target);
  // Closes every connection and stops; returns within a fraction of a second.
  ~TcpProxy();
  TcpProxy(const TcpProxy&) = delete;
  TcpProxy& operator=(const TcpProxy&) = delete;

  // The port it listens on (127.0.0.1).
  std::uint16_t Port() const { return m_port; }

  // Closes every open connection (both sides see the link drop) and, until
  // Restore(), closes each new one as soon as it is accepted. Returns when
  // the connections are closed.
  void Cut();
  // Forwards new connections again.
  void Restore();

  // Connections forwarded since the start (those closed while cut excluded).
  int Forwarded() const { return m_forwarded; }
  // Connections closed at once because the link was cut (or the target
  // could not be reached, or too many were open).
  int Refused() const { return m_refused; }
  // Connections forwarded now.
  int Open() const;

 private:
  struct Link;
  void AcceptLoop();
  void ReapFinished();

  static constexpr std::size_t kMaxLinks = 32;  // a test needs a handful

  Poco::Net::SocketAddress m_target;
  Poco::Net::ServerSocket m_listener;
  std::uint16_t m_port = 0;
  std::atomic<bool> m_stopping{false};
  std::atomic<int> m_forwarded{0};
  std::atomic<int> m_refused{0};
  mutable std::mutex m_mutex;
  bool m_cut = false;                          // guarded by m_mutex
  std::vector<std::unique_ptr<Link>> m_links;  // guarded by m_mutex
  std::thread m_acceptor;
};

}  // namespace doudi::test
