#pragma once
// What a member's resident-ID card says beyond the registry's own fields
// (name and number): ethnicity, issuing authority, validity and photo, as
// the desk's reader read it (docs/devices.md). Kept by the database as a
// history of reads (doudi.person_card); a member carries the latest.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doudi::model {

struct IdCardFacts {
  std::string idNumber;       // a fresh read's number, the member's it belongs to ("" once stored)
  std::string ethnicityCode;  // GB 3304, two digits: "01" 汉族
  std::string authority;      // 签发机关: "三门县公安局"
  std::chrono::year_month_day validFrom{};
  std::optional<std::chrono::year_month_day> validUntil;  // nullopt: 长期 (no end)
  // A read at the desk since the household was loaded, recorded with its
  // next save (with the photo's bytes); false for the stored read.
  bool fresh = false;
  std::vector<std::uint8_t> photo;  // a fresh read's photo (BMP, JPEG or PNG); empty once stored
  std::string readAt;               // when the stored read was recorded ("" for a fresh one)

  friend bool operator==(const IdCardFacts&, const IdCardFacts&) = default;
};

}  // namespace doudi::model
