#pragma once
// The workstation's icon (assets/icons), compiled into the program.
#include <wx/iconbndl.h>

namespace doudi::gui {

// The icon in the sizes the desktop asks for (32, 64, 256 pixels).
const wxIconBundle& AppIcons();

}  // namespace doudi::gui
