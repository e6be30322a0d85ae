#pragma once
// What doudi-intake asks of the database (docs/intake.md): who a token
// belongs to, store a report, the reports a token sent. It connects as a
// member of doudi_intake, which may call doudi.intake_reporter,
// doudi.intake_submit and doudi.intake_reports_of and nothing else.
// Thread-safe: each call takes a connection of its own from a pool.
// Refusals arrive as RuleRefused with the doudi:intake.* code (errors.h);
// a database that cannot be reached as ConnectionError.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace doudi::dal {

struct IntakeVillage {
  std::string code;
  std::string name;
};

struct IntakeReporter {
  std::int64_t tokenId = 0;
  std::string name;
  std::string regionCode;
  std::string regionName;
  std::string expiresOn;  // "" never
  std::vector<IntakeVillage> villages;
};

struct IntakeSubmittedPhoto {
  std::string mediaType;  // image/jpeg, image/png (re-encoded by the server)
  std::vector<unsigned char> content;
  int width = 0;
  int height = 0;
};

struct IntakeSubmission {
  std::string requestId;  // a UUID
  std::string name;
  std::string idNumber;  // "" when not given
  std::string phone;
  std::string village;
  std::string address;
  std::string category;
  std::string description;
  std::string urgency;
  bool consent = false;
  std::vector<IntakeSubmittedPhoto> photos;
};

// A report as its reporter sees it.
struct IntakeReceipt {
  std::int64_t id = 0;
  std::string requestId;
  std::string receivedAt;  // ISO 8601 with offset
  std::string name;
  std::string category;
  std::string urgency;
  std::string state;  // received, handling, closed
  int photos = 0;
  bool created = false;  // false: a resend answered with the report stored before
};

class IntakeGateway {
 public:
  // Opens poolSize connections with the libpq connection string.
  IntakeGateway(const std::string& connectionString, int poolSize);
  ~IntakeGateway();
  IntakeGateway(const IntakeGateway&) = delete;
  IntakeGateway& operator=(const IntakeGateway&) = delete;

  IntakeReporter Reporter(const std::string& token);
  IntakeReceipt Submit(const std::string& token, const IntakeSubmission& report);
  std::vector<IntakeReceipt> ReportsOf(const std::string& token);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace doudi::dal
