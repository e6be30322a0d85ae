// libFuzzer target: a multipart/form-data report. The input's first line
// (without its CR LF) is the request's Content-Type header value, the rest
// the body, both as the handler hands them to ParseMultipartReport.
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
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto eol = input.find('\n');
  std::string contentType = input.substr(0, eol);
  if (!contentType.empty() && contentType.back() == '\r') contentType.pop_back();
  const std::string body = eol == std::string::npos ? std::string() : input.substr(eol + 1);
  doudi::intake::fuzz::CheckParsed(doudi::intake::ParseMultipartReport(contentType, body, limits), limits);
  return 0;
}
