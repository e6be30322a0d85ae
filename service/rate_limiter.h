#pragma once
// How often one token or one address may ask: a bucket of `perMinute`
// requests per key, refilled evenly over the minute. Thread-safe; keys idle
// for ten minutes are forgotten so the table cannot grow without bound.
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace doudi::intake {

class RateLimiter {
 public:
  explicit RateLimiter(double perMinute) : m_perMinute(perMinute) {}
  // 0 when allowed (and counted); otherwise the seconds to wait.
  int Take(const std::string& key);

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point at;
  };
  double m_perMinute;
  std::mutex m_mutex;
  std::unordered_map<std::string, Bucket> m_buckets;
  std::chrono::steady_clock::time_point m_lastSweep{};
};

}  // namespace doudi::intake
