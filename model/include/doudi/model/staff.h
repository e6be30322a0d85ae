#pragma once
// The people who use Doudi: each is one database role in one group, with a
// region scope (a code prefix) that bounds what they see and change.
#include <optional>
#include <string_view>

#include "doudi/model/domain_enum.h"

namespace doudi::model {

enum class StaffGroup {
  VillageClerk,       // registers households of one village
  TownshipReviewer,   // reviews (初审 / 镇选) for one township
  CityDecider,        // decides (市定) for the city or county
  DepartmentLiaison,  // a department's contact for referred households
  FinanceOfficer,     // payments, the only one to see full bank accounts
  CenterAdmin,        // users, parameters, imports of the joint assistance center
  Auditor,            // reads everything in scope, changes nothing
};

template <>
struct EnumTraits<StaffGroup> {
  static constexpr std::array<EnumText<StaffGroup>, 7> kTexts{{
      {StaffGroup::VillageClerk, "village_clerk", "村级经办人"},
      {StaffGroup::TownshipReviewer, "township_reviewer", "乡镇审核人"},
      {StaffGroup::CityDecider, "city_decider", "市县审批人"},
      {StaffGroup::DepartmentLiaison, "department_liaison", "部门联络员"},
      {StaffGroup::FinanceOfficer, "finance_officer", "财务人员"},
      {StaffGroup::CenterAdmin, "center_admin", "中心管理员"},
      {StaffGroup::Auditor, "auditor", "审计人员"},
  }};
};

std::optional<StaffGroup> ParseStaffGroup(std::string_view text);

// The length of scope prefix a group works at, when it is fixed: a village
// clerk's scope is one village (12 digits), a township reviewer's one
// township (9); nullopt for groups that may work at any level.
std::optional<std::size_t> RequiredScopeLength(StaffGroup group);

}  // namespace doudi::model
