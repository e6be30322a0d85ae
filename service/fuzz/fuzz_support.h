#pragma once
// What every doudi-intake fuzz target shares (scripts/fuzz-intake): the
// answers' sentences in Chinese as the server gives them, and a check that
// stops the run (a crash libFuzzer records with its input) when a promise of
// the parsers is broken.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "doudi/catalog/message_catalog.h"
#include "intake_request.h"

namespace doudi::intake::fuzz {

// The catalog beside the fuzz target (scripts/fuzz-intake compiles it there),
// as doudi-intake loads it beside itself.
inline void UseChineseCatalog() {
  if (const auto path = catalog::ProgramCatalogPath("zh_CN")) {
    if (auto loaded = catalog::MessageCatalog::Load(*path)) {
      catalog::UseCatalog(std::make_shared<const catalog::MessageCatalog>(std::move(*loaded)));
      return;
    }
  }
  std::fprintf(stderr, "fuzz: no zh_CN catalog beside the target; answers stay English\n");
}

[[noreturn]] inline void Broken(const char* promise) {
  std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
  std::abort();
}

inline void Expect(bool holds, const char* promise) {
  if (!holds) Broken(promise);
}

// What ParseJsonReport and ParseMultipartReport promise whatever the input:
// a refusal names a status of 400 or 413 and only intake.* codes with a
// sentence; an acceptance holds a report the database may be handed (the
// checks intake_request.cpp makes, seen from outside).
inline void CheckParsed(const ParsedReport& parsed, const Limits& limits) {
  if (!parsed.errors.empty()) {
    Expect(parsed.status == 400 || parsed.status == 413, "a refused report answers 400 or 413");
    for (const auto& e : parsed.errors) {
      Expect(e.code.rfind("intake.", 0) == 0, "every error code starts with intake.");
      Expect(!e.message.empty(), "every error has a sentence");
    }
    return;
  }
  const auto& s = parsed.submission;
  Expect(s.requestId.size() == 36, "an accepted request_id is a UUID");
  Expect(!s.name.empty() && !s.description.empty(), "an accepted report has a name and a description");
  Expect(s.village.size() == 12 && s.village.find_first_not_of("0123456789") == std::string::npos,
         "an accepted village is 12 digits");
  Expect(s.idNumber.empty() || s.idNumber.size() == 18, "an accepted id_number has 18 characters");
  Expect(s.phone.empty() || (s.phone.size() >= 5 && s.phone.size() <= 20), "an accepted phone has 5 to 20 characters");
  Expect(!s.category.empty() && !s.urgency.empty(), "an accepted report has a category and an urgency");
  Expect(s.consent, "an accepted report carries the family's consent");
  Expect(s.photos.size() <= limits.photos, "an accepted report has at most the photo limit");
  for (const auto& p : s.photos) {
    Expect(p.mediaType == "image/jpeg" || p.mediaType == "image/png", "a kept photo is a JPEG or a PNG");
    Expect(!p.content.empty() && p.width > 0 && p.height > 0, "a kept photo has pixels");
  }
}

}  // namespace doudi::intake::fuzz
