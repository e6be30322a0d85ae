#pragma once
// Programs not received together (no double assistance; DOMAIN.md): the
// pairs are data, doudi.program_exclusion, seeded by migration 0008 and
// enforced by doudi.case_open (case.programs_exclude). Matching reads the
// same rows to say so before a desk applies (model/matching.h).
#include <string>

namespace doudi::model {

// A case of one program is refused while a case of the other is open or
// paid, for the same person when both are per-person programs (特困), else
// for the household. Each pair once, either way.
struct ProgramExclusion {
  std::string program;   // "destitute"
  std::string excludes;  // "dibao"
  std::string reason;    // as the catalog words it, in Chinese

  friend bool operator==(const ProgramExclusion&, const ProgramExclusion&) = default;
};

}  // namespace doudi::model
