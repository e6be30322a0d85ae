#pragma once
// Help delivered (帮扶措施, docs/joint-loop-help.md): who gives a household
// help, and what a charity fund holds; the codes doudi.help_record and
// doudi.charity_fund store (a db test ties them to the CHECK constraints),
// with the words the desk reads. The kinds of help (HelpKind) and the
// 四帮四扶 terms (SupportTerm) are the joint loop's, in referral.h.
#include <array>

#include "doudi/model/domain_enum.h"
#include "doudi/model/referral.h"

namespace doudi::model {

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
