#pragma once
// Pictures of the workstation's windows, for docs/screenshots and the GUI
// tests (under Xvfb there is no window manager, so a window's screen
// rectangle is exactly its content).
#include <wx/string.h>
#include <wx/window.h>

namespace doudi::gui {

class MainFrame;

// Saves what window shows now as a PNG; false if it could not be written.
bool SaveWindowPng(wxWindow* window, const wxString& path);

// Waits until the main window's search has its rows on screen, saves the
// window to path and ends the application (exit code 0, or 1 on failure).
void SaveScreenshotWhenSettled(MainFrame* frame, const wxString& path);

}  // namespace doudi::gui
