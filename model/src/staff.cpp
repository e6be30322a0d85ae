#include "doudi/model/staff.h"

namespace doudi::model {

static_assert(TableIsWellFormed<StaffGroup>());

std::string_view ToCode(StaffGroup value) { return EnumCode(value); }
std::string_view ToChinese(StaffGroup value) { return EnumChinese(value); }
std::optional<StaffGroup> ParseStaffGroup(std::string_view text) { return ParseEnum<StaffGroup>(text); }

std::optional<std::size_t> RequiredScopeLength(StaffGroup group) {
  switch (group) {
    case StaffGroup::VillageClerk: return 12;
    case StaffGroup::TownshipReviewer: return 9;
    default: return std::nullopt;
  }
}

}  // namespace doudi::model
