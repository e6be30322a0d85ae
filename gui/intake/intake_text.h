#pragma once
// How the 上报 screens say a report's codes: the English words of
// model/intake.h in the interface's language (the catalog), so
// the list, the detail and the forms never word a code two ways.
#include <wx/string.h>

#include <string_view>

#include "doudi/dal/intake_repository.h"

namespace doudi::gui {

wxString IntakeCategoryLabel(std::string_view category);
wxString IntakeUrgencyLabel(std::string_view urgency);
wxString IntakeStateLabel(std::string_view state);
wxString IntakeOutcomeLabel(std::string_view outcome);
// "悬渚村" with its code when the name is unknown.
wxString IntakeVillage(const dal::IntakeReport& report);

}  // namespace doudi::gui
