#pragma once
// The case view's words for what an action still waits for
// (workstation::ActionsFor decides; this only says it).
#include <wx/string.h>

#include "doudi/workstation/case_actions.h"

namespace doudi::gui {

// "" when the action may be taken, else what is missing, in the user's words.
wxString WhyNot(const workstation::CaseActionChoice& choice);

}  // namespace doudi::gui
