#pragma once
// Six-party pairing (六位一体挂钩帮扶, docs/joint-loop-pairing.md): the
// levels at which a household in the pairing program has one responsible
// person, and the kinds of contacts the enterprise and social worker levels
// name. The codes are those doudi.pairing_assignment, doudi.pairing_visit
// and doudi.pairing_contact store (their CHECK constraints list the same).
#include <array>

#include "doudi/model/domain_enum.h"

namespace doudi::model {

enum class PairingLevel { County, Township, Village, Department, Enterprise, SocialWorker };

template <>
struct EnumTraits<PairingLevel> {
  static constexpr std::array<EnumText<PairingLevel>, 6> kTexts{{
      {PairingLevel::County, "county", "市县级"},
      {PairingLevel::Township, "township", "乡镇（街道）级"},
      {PairingLevel::Village, "village", "村（社区）级"},
      {PairingLevel::Department, "department", "部门"},
      {PairingLevel::Enterprise, "enterprise", "企业"},
      {PairingLevel::SocialWorker, "social_worker", "社工（志愿者）"},
  }};
};

// Whether the level names a contact of the county's list (enterprise,
// social worker) rather than a Doudi user.
constexpr bool PairingLevelNamesContact(PairingLevel level) {
  return level == PairingLevel::Enterprise || level == PairingLevel::SocialWorker;
}

// The kinds of contacts: those of the two levels that name contacts.
enum class PairingContactKind { Enterprise, SocialWorker };

template <>
struct EnumTraits<PairingContactKind> {
  static constexpr std::array<EnumText<PairingContactKind>, 2> kTexts{{
      {PairingContactKind::Enterprise, "enterprise", "企业"},
      {PairingContactKind::SocialWorker, "social_worker", "社工（志愿者）"},
  }};
};

}  // namespace doudi::model
