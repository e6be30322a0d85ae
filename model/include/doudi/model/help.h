#pragma once
// Help delivered (帮扶措施, docs/joint-loop-help.md): the kinds of help a
// household receives, who gives it, and the eight terms of 四帮四扶 it counts
// under; the codes doudi.help_record stores (a db test ties them to its
// CHECK constraints and to doudi.support_term), with the words the desk
// reads.
#include <array>

#include "doudi/model/domain_enum.h"

namespace doudi::model {

enum class HelpKind { Cash, InKind, Service, Job, SchoolAid, MedicalAid, Housing, Care };

template <>
struct EnumTraits<HelpKind> {
  static constexpr std::array<EnumText<HelpKind>, 8> kTexts{{
      {HelpKind::Cash, "cash", "现金"},
      {HelpKind::InKind, "in_kind", "实物"},
      {HelpKind::Service, "service", "服务"},
      {HelpKind::Job, "job", "就业岗位"},
      {HelpKind::SchoolAid, "school_aid", "助学"},
      {HelpKind::MedicalAid, "medical_aid", "医疗救助"},
      {HelpKind::Housing, "housing", "住房（含兜底翻建）"},
      {HelpKind::Care, "care", "照料服务"},
  }};
};

// Who gave it. A department's help is its answer to a referral, or recorded
// by the center on its behalf; a fund's grant draws on the fund's balance.
enum class HelpGiverKind { Department, Fund, Enterprise, SocialWorker, Other };

template <>
struct EnumTraits<HelpGiverKind> {
  static constexpr std::array<EnumText<HelpGiverKind>, 5> kTexts{{
      {HelpGiverKind::Department, "department", "部门"},
      {HelpGiverKind::Fund, "fund", "慈善基金"},
      {HelpGiverKind::Enterprise, "enterprise", "企业"},
      {HelpGiverKind::SocialWorker, "social_worker", "社工/志愿者"},
      {HelpGiverKind::Other, "other", "其他"},
  }};
};

// 四帮四扶: 帮就业、帮就医、帮就学、帮安居；扶贫困、扶老幼、扶伤残、扶志气.
enum class SupportTerm {
  HelpJob,
  HelpMedical,
  HelpSchool,
  HelpHousing,
  SupportPoverty,
  SupportOldYoung,
  SupportDisabled,
  SupportMorale
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

// A charity fund holds money, or goods in kind valued in fen.
enum class FundKind { Money, InKind };

template <>
struct EnumTraits<FundKind> {
  static constexpr std::array<EnumText<FundKind>, 2> kTexts{{
      {FundKind::Money, "money", "资金"},
      {FundKind::InKind, "in_kind", "实物"},
  }};
};

}  // namespace doudi::model
