#pragma once
// An alert's states and outcomes (docs/screening.md): the codes doudi.alert
// stores, with the words the desk reads. The CHECK constraints on
// doudi.alert list the same codes (a db test ties them).
#include <array>

#include "doudi/model/domain_enum.h"

namespace doudi::model {

enum class AlertState { New, Verifying, Referred, Closed };

template <>
struct EnumTraits<AlertState> {
  static constexpr std::array<EnumText<AlertState>, 4> kTexts{{
      {AlertState::New, "new", "新预警"},
      {AlertState::Verifying, "verifying", "核查中"},
      {AlertState::Referred, "referred", "已转办"},
      {AlertState::Closed, "closed", "已办结"},
  }};
};

// How an alert was closed. Referred keeps it open (state referred) until
// its referrals have feedback.
enum class AlertOutcome { CaseOpened, NoAction, FalseAlarm, Referred };

template <>
struct EnumTraits<AlertOutcome> {
  static constexpr std::array<EnumText<AlertOutcome>, 4> kTexts{{
      {AlertOutcome::CaseOpened, "case_opened", "已立案"},
      {AlertOutcome::NoAction, "no_action", "无需处理"},
      {AlertOutcome::FalseAlarm, "false_alarm", "误报"},
      {AlertOutcome::Referred, "referred", "已转办"},
  }};
};

// Whether an outcome needs its reason written down.
constexpr bool OutcomeNeedsReason(AlertOutcome outcome) { return outcome != AlertOutcome::CaseOpened; }

// 线上线下核查: how an alert was checked.
enum class AlertCheckMethod { Online, HomeVisit };

template <>
struct EnumTraits<AlertCheckMethod> {
  static constexpr std::array<EnumText<AlertCheckMethod>, 2> kTexts{{
      {AlertCheckMethod::Online, "online", "线上核查"},
      {AlertCheckMethod::HomeVisit, "home_visit", "入户核查"},
  }};
};

}  // namespace doudi::model
