#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace doudi::intake {

int RateLimiter::Take(const std::string& key) {
  if (m_perMinute <= 0) return 0;  // no limit configured
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(m_mutex);
  if (now - m_lastSweep > std::chrono::minutes(1)) {
    std::erase_if(m_buckets, [&](const auto& entry) { return now - entry.second.at > std::chrono::minutes(10); });
    m_lastSweep = now;
  }
  auto [it, added] = m_buckets.try_emplace(key, Bucket{m_perMinute, now});
  Bucket& b = it->second;
  const double seconds = std::chrono::duration<double>(now - b.at).count();
  b.tokens = std::min(m_perMinute, b.tokens + seconds * m_perMinute / 60.0);
  b.at = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) * 60.0 / m_perMinute)));
}

}  // namespace doudi::intake
