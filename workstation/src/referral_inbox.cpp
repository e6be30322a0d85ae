#include "doudi/workstation/referral_inbox.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

namespace doudi::workstation {

void OrderInbox(std::vector<dal::Referral>& referrals) {
  const auto open = [](const dal::Referral& r) { return r.state == "sent" || r.state == "accepted"; };
  // Ascending keys: rank (0 escalated, 1 overdue, 2 open, 3 answered), then lateness, then due date.
  const auto key = [&](const dal::Referral& r) {
    const int rank = !open(r) ? 3 : r.escalated ? 0 : r.overdueDays > 0 ? 1 : 2;
    const int late = open(r) ? -r.overdueDays : 0;
    // Answered ones latest due first: compare their due dates reversed.
    return std::make_tuple(rank, late, rank == 3 ? std::string() : r.dueOn, rank == 3 ? r.dueOn : std::string(), r.id);
  };
  std::stable_sort(referrals.begin(), referrals.end(), [&](const dal::Referral& a, const dal::Referral& b) {
    const auto ka = key(a);
    const auto kb = key(b);
    if (std::get<0>(ka) != std::get<0>(kb)) return std::get<0>(ka) < std::get<0>(kb);
    if (std::get<1>(ka) != std::get<1>(kb)) return std::get<1>(ka) < std::get<1>(kb);
    if (std::get<2>(ka) != std::get<2>(kb)) return std::get<2>(ka) < std::get<2>(kb);
    if (std::get<3>(ka) != std::get<3>(kb)) return std::get<3>(ka) > std::get<3>(kb);
    return std::get<4>(ka) < std::get<4>(kb);
  });
}

std::vector<InboxDepartment> InboxDepartments(const std::vector<dal::Referral>& referrals) {
  std::map<std::string, InboxDepartment> byCode;
  for (const auto& r : referrals) {
    auto& d = byCode[r.department];
    d.code = r.department;
    d.name = r.departmentName;
    ++d.referrals;
    if ((r.state == "sent" || r.state == "accepted") && r.overdueDays > 0) ++d.overdue;
  }
  std::vector<InboxDepartment> out;
  for (auto& [code, d] : byCode) out.push_back(std::move(d));
  std::stable_sort(out.begin(), out.end(),
                   [](const InboxDepartment& a, const InboxDepartment& b) { return a.name < b.name; });
  return out;
}

std::vector<dal::Referral> OfDepartment(const std::vector<dal::Referral>& referrals, const std::string& department) {
  std::vector<dal::Referral> out;
  std::copy_if(referrals.begin(), referrals.end(), std::back_inserter(out),
               [&](const dal::Referral& r) { return department.empty() || r.department == department; });
  return out;
}

}  // namespace doudi::workstation
