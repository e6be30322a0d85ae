#pragma once
// The demo registry shipped in assets/demo (the three places of the
// background article) and a deterministic synthetic registry of any size
// for scale work.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/import_template.h"

namespace doudi::admin {

// assets/demo/regions.csv, compiled in.
std::vector<dal::pg::RegionEntry> DemoRegions();
// assets/demo/households.csv, compiled in, as template rows.
std::vector<model::ImportRow> DemoHouseholdRows();
// assets/crosscheck/<kind>.csv, compiled in: the demo's cross-check batch
// of a kind (its code: medical, hukou ...), as the file's bytes.
std::string DemoCrosscheckFile(std::string_view kindCode);
// assets/demo/attachments/<name>, compiled in: the stand-ins for a signed
// authorization (authorization.pdf), a scanned report
// (verification_report.pdf) and a home-visit photo (photo.png).
std::vector<unsigned char> DemoAttachmentFile(std::string_view name);

struct SyntheticRegistry {
  std::vector<dal::pg::RegionEntry> regions;  // the demo regions plus synthetic villages
  std::vector<model::ImportRow> rows;         // about 2.5 persons per household
};

// households households of made-up people with checksum-valid, unique IDs,
// the same for the same (households, seed) on every machine: it uses its
// own generator, not <random>'s distributions, whose output varies by
// standard library. today bounds the birth dates.
SyntheticRegistry MakeSyntheticRegistry(std::int64_t households, std::uint64_t seed,
                                        std::chrono::year_month_day today);

}  // namespace doudi::admin
