#pragma once
// The joint loop's codes (docs/joint-loop.md): a referral's states, the
// kinds of help departments and other givers give, and the 四帮四扶 terms
// help counts under — the codes the database stores (the CHECK constraints
// of migration 0007 list the same; a db test ties them) with the words the
// desk reads.
#include <array>

#include "doudi/model/domain_enum.h"

namespace doudi::model {

// sent -> accepted -> done | declined; done and declined are the answers.
enum class ReferralState { Sent, Accepted, Done, Declined };

template <>
struct EnumTraits<ReferralState> {
  static constexpr std::array<EnumText<ReferralState>, 4> kTexts{{
      {ReferralState::Sent, "sent", "已转办待签收"},
      {ReferralState::Accepted, "accepted", "已签收办理中"},
      {ReferralState::Done, "done", "已反馈办结"},
      {ReferralState::Declined, "declined", "已退回"},
  }};
};

// Whether the department has answered (done or declined).
constexpr bool ReferralAnswered(ReferralState state) {
  return state == ReferralState::Done || state == ReferralState::Declined;
}

// The kinds of help. Departments offer all but care; help records may be care.
enum class HelpKind { Cash, InKind, Service, Job, SchoolAid, MedicalAid, Housing, Care };

template <>
struct EnumTraits<HelpKind> {
  static constexpr std::array<EnumText<HelpKind>, 8> kTexts{{
      {HelpKind::Cash, "cash", "现金救助"},
      {HelpKind::InKind, "in_kind", "实物救助"},
      {HelpKind::Service, "service", "服务"},
      {HelpKind::Job, "job", "就业帮扶"},
      {HelpKind::SchoolAid, "school_aid", "教育资助"},
      {HelpKind::MedicalAid, "medical_aid", "医疗救助"},
      {HelpKind::Housing, "housing", "住房保障（含兜底翻建）"},
      {HelpKind::Care, "care", "照料护理"},
  }};
};

// Whether a department's catalog may list the kind (care is given, not referred).
constexpr bool DepartmentsOffer(HelpKind kind) { return kind != HelpKind::Care; }

// 四帮四扶: the four helps and the four supports.
enum class SupportTerm {
  HelpJob, HelpMedical, HelpSchool, HelpHousing, SupportPoverty, SupportOldYoung, SupportDisabled, SupportMorale
};

template <>
struct EnumTraits<SupportTerm> {
  static constexpr std::array<EnumText<SupportTerm>, 8> kTexts{{
      {SupportTerm::HelpJob, "help_job", "帮就业"},
      {SupportTerm::HelpMedical, "help_medical", "帮就医"},
      {SupportTerm::HelpSchool, "help_school", "帮就学"},
      {SupportTerm::HelpHousing, "help_housing", "帮安居"},
      {SupportTerm::SupportPoverty, "support_poverty", "扶贫困"},
      {SupportTerm::SupportOldYoung, "support_old_young", "扶老幼"},
      {SupportTerm::SupportDisabled, "support_disabled", "扶伤残"},
      {SupportTerm::SupportMorale, "support_morale", "扶志气"},
  }};
};

}  // namespace doudi::model
