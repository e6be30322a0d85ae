// The database side of doudi-intake for the HTTP fuzz target, in memory: the
// same class (doudi/dal/intake_gateway.h) the server links from
// dal/pg/pg_intake_gateway.cpp, answering as PostgreSQL's doudi.intake_*
// functions do for the cases the handler distinguishes, so that the
// handler's routes past the database are reached without one:
//   kFuzzToken          a reporter of region 331022001 (villages 331022001201, 331022001202)
//   "dd_expired..."     intake.token_expired; "dd_revoked..." intake.token_revoked
//   "dd_down..."        the database unreachable (ConnectionError: 503)
//   anything else       intake.token_invalid
// A village outside the region is refused as intake.region_outside (field
// village); a request_id sent again by the same token answers the stored
// report (created false). Only for scripts/fuzz-intake: never linked into
// doudi-intake.
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "doudi/dal/errors.h"
#include "doudi/dal/intake_gateway.h"

namespace doudi::dal {

extern const char* const kFuzzToken;
const char* const kFuzzToken = "dd_fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzf";

struct IntakeGateway::Impl {
  std::mutex mutex;
  std::map<std::string, IntakeReceipt> stored;  // by request_id, the fuzz token's
};

namespace {

[[noreturn]] void Refuse(const std::string& code, RefusalArguments arguments = {}) {
  throw RuleRefused("doudi:" + code, "RD000", Refusal{code, std::move(arguments), {}});
}

void Admit(const std::string& token) {
  if (token == kFuzzToken) return;
  if (token.rfind("dd_expired", 0) == 0) Refuse("intake.token_expired");
  if (token.rfind("dd_revoked", 0) == 0) Refuse("intake.token_revoked");
  if (token.rfind("dd_down", 0) == 0) throw ConnectionError("connection to server failed: stand-in database down");
  Refuse("intake.token_invalid");
}

}  // namespace

IntakeGateway::IntakeGateway(const std::string&, int) : m_impl(std::make_unique<Impl>()) {}
IntakeGateway::~IntakeGateway() = default;

IntakeReporter IntakeGateway::Reporter(const std::string& token) {
  Admit(token);
  IntakeReporter r;
  r.tokenId = 1;
  r.name = "王网格员";
  r.regionCode = "331022001";
  r.regionName = "悬渚乡";
  r.villages = {{"331022001201", "悬渚村"}, {"331022001202", "岙里村"}};
  return r;
}

IntakeReceipt IntakeGateway::Submit(const std::string& token, const IntakeSubmission& report) {
  Admit(token);
  if (report.village.rfind("331022001", 0) != 0) Refuse("intake.region_outside", {{"field", "village"}});
  std::lock_guard lock(m_impl->mutex);
  if (const auto it = m_impl->stored.find(report.requestId); it != m_impl->stored.end()) {
    IntakeReceipt again = it->second;
    again.created = false;
    return again;
  }
  if (m_impl->stored.size() >= 1000) m_impl->stored.clear();  // bounded over a long run
  IntakeReceipt r;
  r.id = static_cast<std::int64_t>(m_impl->stored.size()) + 1;
  r.requestId = report.requestId;
  r.receivedAt = "2026-12-07T08:00:00+08:00";
  r.name = report.name;
  r.category = report.category;
  r.urgency = report.urgency;
  r.state = "received";
  r.photos = static_cast<int>(report.photos.size());
  r.created = true;
  m_impl->stored.emplace(report.requestId, r);
  return r;
}

std::vector<IntakeReceipt> IntakeGateway::ReportsOf(const std::string& token) {
  Admit(token);
  std::lock_guard lock(m_impl->mutex);
  std::vector<IntakeReceipt> out;
  for (const auto& [id, r] : m_impl->stored) {
    if (out.size() == 100) break;
    out.push_back(r);
  }
  return out;
}

}  // namespace doudi::dal
