#pragma once
// What one screening alert is about: a person (by ID number), a household of
// the registry or an assistance case. Each rule of assets/rules/alert_rules.csv
// names one (doudi/model/alert_rule.h); the database stores the code in
// doudi.alert_rule.subject and the alert's subject_key ('person:<ID number>',
// 'household:<id>', 'case:<id>').
#include <array>

#include "doudi/model/domain_enum.h"

namespace doudi::model {

enum class AlertSubject { Person, Household, Case };

template <>
struct EnumTraits<AlertSubject> {
  static constexpr std::array<EnumText<AlertSubject>, 3> kTexts{{
      {AlertSubject::Person, "person", "个人"},
      {AlertSubject::Household, "household", "家庭"},
      {AlertSubject::Case, "case", "案件"},
  }};
};

}  // namespace doudi::model
