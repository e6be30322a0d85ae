#pragma once
// The main window's sections (My tasks, the Registry, Public notices,
// Program parameters, and those later areas add): each area describes its
// own section beside its window — its name, title, who sees it and how it
// is made — and gui/app/sections.cpp lists them in the order the tabs show.
// The main window only walks that list, handing each the one Context.
//
// A list rather than registration by static objects: doudi_gui is a static
// library, and a linker drops an object file nothing refers to, so a
// section that only registered itself could silently vanish from the window.
#include <wx/string.h>

#include <functional>
#include <vector>

class wxWindow;

namespace doudi::gui {

class Context;
struct Session;

struct Section {
  std::function<wxString()> title;            // the tab's title, translated when the window is built
  std::function<bool(const Session&)> shows;  // whether this user sees it
  std::function<wxWindow*(wxWindow* parent, Context& context)> make;
};

// Every section, in tab order (gui/app/sections.cpp). The main window shows
// those the user sees and brings the first of them to the front.
const std::vector<Section>& Sections();

}  // namespace doudi::gui
