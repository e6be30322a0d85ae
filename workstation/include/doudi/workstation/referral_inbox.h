#pragma once
// The order of a 转办待办 (gui/referrals/referral_inbox_panel.h): what needs
// the reader first comes first — escalated referrals (overdue past the
// center's referral_escalation_days: the center's administrator must act),
// then the other overdue ones, most late first, then the open ones by due
// date, then those answered, latest due first.
#include <vector>

#include "doudi/dal/referral_repository.h"

namespace doudi::workstation {

void OrderInbox(std::vector<dal::Referral>& referrals);

}  // namespace doudi::workstation
