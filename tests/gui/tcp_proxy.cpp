#include "tcp_proxy.h"

#include <Poco/Net/SocketDefs.h>  // MSG_NOSIGNAL where the platform has it
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <stdexcept>
#include <thread>

namespace doudi::test {
namespace {

using Poco::Net::Socket;
using Poco::Net::StreamSocket;

// Every blocking wait is a poll this long, so a stop is noticed soon.
const Poco::Timespan kTick(0, 100'000);
// A peer that went away must not end the test process with SIGPIPE.
#ifdef MSG_NOSIGNAL
constexpr int kSendFlags = MSG_NOSIGNAL;
#else
constexpr int kSendFlags = 0;
#endif

// Shuts both directions down: wakes a poll on the socket in another thread
// and shows the peer the link is gone. Never throws (a socket the peer
// already reset may refuse the shutdown).
void ShutDown(StreamSocket& socket) {
  try {
    socket.shutdown();
  } catch (const std::exception&) {
  }
}

}  // namespace

// One forwarded connection: a pump thread per direction. When either side
// closes or fails, both are shut down (PostgreSQL's protocol needs no
// half-closed link). The sockets are closed only after both pumps ended,
// so no thread ever uses a closed descriptor.
struct TcpProxy::Link {
  // Poco sockets are shared handles: the link holds its own copies.
  Link(const StreamSocket& clientSocket, const StreamSocket& serverSocket)
      : client(clientSocket), server(serverSocket) {
    toServer = std::thread([this] { Pump(client, server); });
    toClient = std::thread([this] { Pump(server, client); });
  }
  ~Link() {
    Close();
    toServer.join();
    toClient.join();
    try {
      client.close();
      server.close();
    } catch (const std::exception&) {
    }
  }
  Link(const Link&) = delete;
  Link& operator=(const Link&) = delete;

  // Safe from any thread, more than once.
  void Close() {
    stop = true;
    ShutDown(client);
    ShutDown(server);
  }
  bool Finished() const { return pumps == 0; }

  void Pump(StreamSocket& from, StreamSocket& to) {
    std::array<char, 16 * 1024> buffer{};
    try {
      while (!stop) {
        if (!from.poll(kTick, Socket::SELECT_READ | Socket::SELECT_ERROR)) continue;
        const int received = from.receiveBytes(buffer.data(), static_cast<int>(buffer.size()));
        if (received <= 0) break;  // the peer closed
        int sent = 0;
        while (sent < received && !stop) {
          if (!to.poll(kTick, Socket::SELECT_WRITE | Socket::SELECT_ERROR)) continue;
          sent += to.sendBytes(buffer.data() + sent, received - sent, kSendFlags);
        }
      }
    } catch (const std::exception&) {
      // Reset by a peer, or shut down under us by Cut(): the link is over.
    }
    Close();
    --pumps;
  }

  StreamSocket client;
  StreamSocket server;
  std::atomic<bool> stop{false};
  std::atomic<int> pumps{2};
  std::thread toServer;
  std::thread toClient;
};

TcpProxy::TcpProxy(const Poco::Net::SocketAddress& target) : m_target(target) {
  if (!m_target.host().isLoopback()) {
    throw std::invalid_argument("TcpProxy forwards to loopback addresses only, not " + m_target.toString());
  }
  m_listener.bind(Poco::Net::SocketAddress("127.0.0.1", 0), false);
  m_listener.listen(static_cast<int>(kMaxLinks));
  m_port = m_listener.address().port();
  m_acceptor = std::thread([this] { AcceptLoop(); });
}

TcpProxy::~TcpProxy() {
  m_stopping = true;
  if (m_acceptor.joinable()) m_acceptor.join();
  Cut();
  try {
    m_listener.close();
  } catch (const std::exception&) {
  }
}

void TcpProxy::Cut() {
  std::vector<std::unique_ptr<Link>> links;
  {
    std::lock_guard lock(m_mutex);
    m_cut = true;
    links.swap(m_links);
  }
  for (auto& link : links) link->Close();
  links.clear();  // joins the pumps, which the shutdown woke
}

void TcpProxy::Restore() {
  std::lock_guard lock(m_mutex);
  m_cut = false;
}

int TcpProxy::Open() const {
  std::lock_guard lock(m_mutex);
  return static_cast<int>(std::count_if(m_links.begin(), m_links.end(), [](const auto& l) { return !l->Finished(); }));
}

void TcpProxy::ReapFinished() {
  std::vector<std::unique_ptr<Link>> finished;
  {
    std::lock_guard lock(m_mutex);
    const auto done =
        std::stable_partition(m_links.begin(), m_links.end(), [](const auto& l) { return !l->Finished(); });
    std::move(done, m_links.end(), std::back_inserter(finished));
    m_links.erase(done, m_links.end());
  }
  // Joined here, outside the lock.
}

void TcpProxy::AcceptLoop() {
  while (!m_stopping) {
    ReapFinished();
    StreamSocket client;
    try {
      if (!m_listener.poll(kTick, Socket::SELECT_READ)) continue;
      client = m_listener.acceptConnection();
    } catch (const std::exception&) {
      continue;  // the caller gave up before we accepted
    }
    bool forwarded = false;
    try {
      bool refuse = false;
      {
        std::lock_guard lock(m_mutex);
        refuse = m_cut || m_links.size() >= kMaxLinks;
      }
      if (!refuse) {
        StreamSocket server;
        server.connect(m_target, Poco::Timespan(5, 0));
        std::lock_guard lock(m_mutex);
        // Cut() may have run while connecting: then this link is cut too.
        if (!m_cut && m_links.size() < kMaxLinks) {
          m_links.push_back(std::make_unique<Link>(client, server));
          forwarded = true;
        }
      }
    } catch (const std::exception&) {
      // The target refused or is gone: the client sees its link drop.
    }
    if (forwarded) {
      ++m_forwarded;
    } else {
      ++m_refused;
      ShutDown(client);
      try {
        client.close();
      } catch (const std::exception&) {
      }
    }
  }
}

}  // namespace doudi::test
