// libFuzzer target: a JSON report body as POST /api/v1/reports receives it
// (Content-Type application/json), through ParseJsonReport with the server's
// default limits, photos included (base64, re-encoded).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "intake_request.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  doudi::intake::fuzz::UseChineseCatalog();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const doudi::intake::Limits limits;
  const std::string body(reinterpret_cast<const char*>(data), size);
  doudi::intake::fuzz::CheckParsed(doudi::intake::ParseJsonReport(body, limits), limits);
  return 0;
}
