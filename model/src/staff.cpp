#include "doudi/model/staff.h"

namespace doudi::model {

static_assert(TableIsWellFormed<StaffGroup>());

std::optional<StaffGroup> ParseStaffGroup(std::string_view text) { return ParseEnum<StaffGroup>(text); }

std::optional<std::size_t> RequiredScopeLength(StaffGroup group) {
  switch (group) {
    case StaffGroup::VillageClerk: return 12;
    case StaffGroup::TownshipReviewer: return 9;
    default: return std::nullopt;
  }
}

}  // namespace doudi::model
