// doudi-bench-intake-load: posts field reports (JSON, no photos) to a
// doudi-intake listening on plain HTTP on loopback, for scripts/bench-intake
// (docs/benchmarks.md, "Field intake").
//   doudi-bench-intake-load --port P --tokens FILE --seconds S --connections C [--rate R]
// FILE holds one "TOKEN VILLAGE" a line; request k is sent with line
// k mod n, and every request has a fresh request_id (a per-run nonce and k).
// With --rate R (open loop, as wrk2): request k is due at start + k/R, a
// free connection sends it no earlier, and its latency runs from when it was
// due to when its answer is read, so a server that falls behind is charged
// for the wait of every request queued behind (no coordinated omission).
// Without --rate (closed loop, as wrk): each connection sends its next
// request as soon as the last is answered, for S seconds; latency from send
// to answer. Prints key=value lines: requests, seconds, rate, p50/p90/p99/
// p999/max in ms, the count of each status, 2xx, errors (connections that
// failed), retry_after (429 answers carrying Retry-After) and client_cpu
// (this program's own CPU seconds, user and system).
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Reporter {
  std::string token;
  std::string village;
};

struct Options {
  int port = 0;
  std::string tokensFile;
  double seconds = 30;
  int connections = 32;
  double rate = 0;  // 0: closed loop
};

struct Tally {
  std::vector<double> latencyMs;
  std::map<int, std::uint64_t> statuses;
  std::uint64_t errors = 0;
  std::uint64_t retryAfter = 0;
  Clock::time_point lastAnswer{};
};

std::string RequestId(std::uint32_t nonce, std::uint64_t k) {
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-4%03x-8%03x-%012llx", nonce, static_cast<unsigned>((k >> 48) & 0xFFFFu),
                static_cast<unsigned>(nonce & 0xFFFu), static_cast<unsigned>((nonce >> 12) & 0xFFFu),
                static_cast<unsigned long long>(k & 0xFFFFFFFFFFFFull));
  return text;
}

std::string Body(const std::string& requestId, const std::string& village, std::uint64_t k) {
  return "{\"request_id\":\"" + requestId + "\",\"name\":\"基准测试户" + std::to_string(k % 1000) +
         "\",\"phone\":\"13800001234\",\"village\":\"" + village +
         "\",\"address\":\"基准测试村1组\",\"category\":\"illness\",\"description\":\"负载测试：家中老人住院，"
         "需要临时救助\",\"urgency\":\"normal\",\"consent\":true}";
}

// One request on the connection's session; the status, 0 when the
// connection failed (the session is then reset to connect again).
int Post(Poco::Net::HTTPClientSession& session, const Reporter& r, const std::string& body, bool& retryAfter) {
  try {
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/reports",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + r.token);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    request.setKeepAlive(true);
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string answer;
    Poco::StreamCopier::copyToString(in, answer);
    retryAfter = response.has("Retry-After");
    return static_cast<int>(response.getStatus());
  } catch (const std::exception& e) {
    static std::once_flag said;
    std::call_once(said, [&] { std::cerr << "first failed request: " << e.what() << "\n"; });
    session.reset();
    return 0;
  }
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto i = static_cast<std::size_t>(std::llround(p * static_cast<double>(sorted.size() - 1)));
  return sorted[std::min(i, sorted.size() - 1)];
}

int Run(const Options& o) {
  std::vector<Reporter> reporters;
  std::ifstream in(o.tokensFile);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    Reporter r;
    if (fields >> r.token >> r.village) reporters.push_back(r);
  }
  if (reporters.empty()) {
    std::cerr << "no \"TOKEN VILLAGE\" lines in " << o.tokensFile << "\n";
    return 2;
  }
  const std::uint32_t nonce = std::random_device{}();
  const bool open = o.rate > 0;
  const auto total = open ? static_cast<std::uint64_t>(o.rate * o.seconds) : UINT64_MAX;
  const auto period = open ? std::chrono::duration<double>(1.0 / o.rate) : std::chrono::duration<double>(0);
  std::atomic<std::uint64_t> next{0};
  std::vector<Tally> tallies(static_cast<std::size_t>(o.connections));
  const auto start = Clock::now() + std::chrono::milliseconds(100);
  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(o.connections));
  for (int c = 0; c < o.connections; ++c) {
    threads.emplace_back([&, c] {
      Tally& t = tallies[static_cast<std::size_t>(c)];
      Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(o.port));
      session.setKeepAlive(true);
      session.setTimeout(Poco::Timespan(10, 0));
      std::this_thread::sleep_until(start);
      for (;;) {
        const std::uint64_t k = next.fetch_add(1);
        if (k >= total) break;
        const Reporter& r = reporters[k % reporters.size()];
        const std::string body = Body(RequestId(nonce, k), r.village, k);
        Clock::time_point from;
        if (open) {
          from = start + std::chrono::duration_cast<Clock::duration>(period * static_cast<double>(k));
          std::this_thread::sleep_until(from);
        } else {
          from = Clock::now();
          if (from >= deadline) break;
        }
        bool retryAfter = false;
        const int status = Post(session, r, body, retryAfter);
        const auto done = Clock::now();
        if (status == 0) {
          ++t.errors;
          continue;
        }
        ++t.statuses[status];
        if (status == 429 && retryAfter) ++t.retryAfter;
        t.latencyMs.push_back(std::chrono::duration<double, std::milli>(done - from).count());
        t.lastAnswer = std::max(t.lastAnswer, done);
      }
    });
  }
  for (auto& thread : threads) thread.join();

  Tally all;
  for (const auto& t : tallies) {
    all.latencyMs.insert(all.latencyMs.end(), t.latencyMs.begin(), t.latencyMs.end());
    for (const auto& [status, n] : t.statuses) all.statuses[status] += n;
    all.errors += t.errors;
    all.retryAfter += t.retryAfter;
    all.lastAnswer = std::max(all.lastAnswer, t.lastAnswer);
  }
  std::sort(all.latencyMs.begin(), all.latencyMs.end());
  const double elapsed = std::chrono::duration<double>(all.lastAnswer - start).count();
  std::uint64_t ok = 0;
  for (const auto& [status, n] : all.statuses) {
    if (status >= 200 && status < 300) ok += n;
  }
  std::printf("mode=%s\n", open ? "open" : "closed");
  std::printf("aim=%.0f\n", o.rate);
  std::printf("connections=%d\n", o.connections);
  std::printf("requests=%zu\n", all.latencyMs.size());
  std::printf("seconds=%.2f\n", elapsed);
  std::printf("rate=%.1f\n", elapsed > 0 ? static_cast<double>(all.latencyMs.size()) / elapsed : 0.0);
  std::printf("p50=%.2f\np90=%.2f\np99=%.2f\np999=%.2f\nmax=%.2f\n", Percentile(all.latencyMs, 0.50),
              Percentile(all.latencyMs, 0.90), Percentile(all.latencyMs, 0.99), Percentile(all.latencyMs, 0.999),
              all.latencyMs.empty() ? 0.0 : all.latencyMs.back());
  for (const auto& [status, n] : all.statuses)
    std::printf("status_%d=%llu\n", status, static_cast<unsigned long long>(n));
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("client_cpu=%.2f\n", static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6);
  std::printf("ok=%llu\nerrors=%llu\nretry_after=%llu\n", static_cast<unsigned long long>(ok),
              static_cast<unsigned long long>(all.errors), static_cast<unsigned long long>(all.retryAfter));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool hasValue = i + 1 < argc;
    if (a == "--port" && hasValue) {
      o.port = std::stoi(argv[++i]);
    } else if (a == "--tokens" && hasValue) {
      o.tokensFile = argv[++i];
    } else if (a == "--seconds" && hasValue) {
      o.seconds = std::stod(argv[++i]);
    } else if (a == "--connections" && hasValue) {
      o.connections = std::stoi(argv[++i]);
    } else if (a == "--rate" && hasValue) {
      o.rate = std::stod(argv[++i]);
    } else {
      std::cerr << "usage: doudi-bench-intake-load --port P --tokens FILE --seconds S --connections C [--rate R]\n";
      return 2;
    }
  }
  if (o.port <= 0 || o.tokensFile.empty() || o.connections <= 0 || o.seconds <= 0) {
    std::cerr << "--port, --tokens, --seconds and --connections are required and positive\n";
    return 2;
  }
  return Run(o);
}
