// The main window's sections, in the order its tabs show them. A new area
// adds its section here (its Describe() beside its window says the rest).
#include "alerts/alerts_panel.h"
#include "cases/my_tasks_panel.h"
#include "cases/notice_panel.h"
#include "common/section.h"
#include "pairing/pairing_panel.h"
#include "funds/funds_panel.h"
#include "intake/intake_panel.h"
#include "parameters/parameters_panel.h"
#include "referrals/departments_panel.h"
#include "referrals/referral_inbox_panel.h"
#include "registry/registry_panel.h"
#include "story/case_search_panel.h"

namespace doudi::gui {

const std::vector<Section>& Sections() {
  static const std::vector<Section> sections{
      MyTasksPanel::Describe(),
      AlertsPanel::Describe(),
      IntakePanel::Describe(),
      ReferralInboxPanel::Describe(),
      RegistryPanel::Describe(),
      CaseSearchPanel::Describe(),
      NoticePanel::Describe(),
      PairingPanel::Describe(),
      ParametersPanel::Describe(),
      FundsPanel::Describe(),
      DepartmentsPanel::Describe(),
  };
  return sections;
}

}  // namespace doudi::gui
