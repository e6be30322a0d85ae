#pragma once
// The order of a 转办待办 (gui/referrals/referral_inbox_panel.h): what needs
// the reader first comes first — escalated referrals (overdue past the
// center's referral_escalation_days: the center's administrator must act),
// then the other overdue ones, most late first, then the open ones by due
// date, then those answered, latest due first.
#include <cstddef>
#include <string>
#include <vector>

#include "doudi/dal/referral_repository.h"

namespace doudi::workstation {

void OrderInbox(std::vector<dal::Referral>& referrals);

// The departments of a 待办's referrals, each once by code, by name, with how
// many referrals and how many of them are overdue: the center's filter.
struct InboxDepartment {
  std::string code;
  std::string name;
  std::size_t referrals = 0;
  std::size_t overdue = 0;
};
std::vector<InboxDepartment> InboxDepartments(const std::vector<dal::Referral>& referrals);

// The referrals to department (a code; "" for all), in the order given.
std::vector<dal::Referral> OfDepartment(const std::vector<dal::Referral>& referrals, const std::string& department);

}  // namespace doudi::workstation
