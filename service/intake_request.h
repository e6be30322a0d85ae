#pragma once
// A field report as it arrives at doudi-intake, JSON or multipart/form-data
// (docs/intake.md), taken apart and checked field by field before anything
// reaches the database: every bad field is named with a stable code and a
// sentence from the catalog, unknown fields are refused, photos are
// re-encoded (photo.h). Pure functions over bytes, so the fuzzer can drive
// them (service/fuzz).
#include <cstddef>
#include <string>
#include <vector>

#include "doudi/dal/intake_gateway.h"

namespace doudi::intake {

struct FieldError {
  std::string field;    // "" for the request as a whole
  std::string code;     // intake.required ...
  std::string message;  // the user's words (catalog)
};

struct Limits {
  std::size_t requestBytes = 16u * 1024u * 1024u;
  std::size_t photoBytes = 5u * 1024u * 1024u;
  std::size_t photos = 3;
  std::size_t photoPixels = 40'000'000;  // width × height a photo may decode to
  int photoLongEdge = 2560;              // re-encoded photos are at most this wide or high
};

struct ParsedReport {
  dal::IntakeSubmission submission;
  std::vector<FieldError> errors;  // empty: good to store
  int status = 400;                // the HTTP status when errors (400, 413)
};

// The report in a JSON body.
ParsedReport ParseJsonReport(const std::string& body, const Limits& limits);
// The report in a multipart/form-data body with the Content-Type's boundary.
ParsedReport ParseMultipartReport(const std::string& contentType, const std::string& body, const Limits& limits);

// The error of one field in the user's words.
FieldError MakeError(const std::string& field, const std::string& code);

}  // namespace doudi::intake
