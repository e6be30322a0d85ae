#pragma once
// doudi-intake's HTTP answers (docs/intake.md): the phone page and its
// files, and the JSON API — who am I, send a report, my reports — with the
// request and photo limits, the rate limits per token and per address, and
// every refusal as {"errors":[{field, code, message}]}. Independent of how
// the server listens (HTTP on loopback for tests, HTTPS otherwise).
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <memory>
#include <string>

#include "doudi/dal/intake_gateway.h"
#include "intake_request.h"
#include "rate_limiter.h"

namespace doudi::intake {

struct ServiceOptions {
  Limits limits;
  double perTokenPerMinute = 30;     // 0: no limit
  double perAddressPerMinute = 120;  // 0: no limit
  bool https = true;                 // adds Strict-Transport-Security
};

class IntakeService {
 public:
  IntakeService(dal::IntakeGateway& gateway, ServiceOptions options);
  // A factory for Poco's HTTPServer (which takes ownership of it).
  Poco::Net::HTTPRequestHandlerFactory::Ptr Factory();

  dal::IntakeGateway& Gateway() { return m_gateway; }
  const ServiceOptions& Options() const { return m_options; }
  RateLimiter& PerToken() { return m_perToken; }
  RateLimiter& PerAddress() { return m_perAddress; }

 private:
  dal::IntakeGateway& m_gateway;
  ServiceOptions m_options;
  RateLimiter m_perToken;
  RateLimiter m_perAddress;
};

}  // namespace doudi::intake
