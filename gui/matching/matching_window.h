#pragma once
// The matching window (智能匹配): one household's MatchingPanel in a window
// of its own, so that any part of the workstation can show it with just the
// household's id (Context::OpenMatching; the main window keeps one per
// household). Modeless; destroys itself when closed.
#include <wx/dialog.h>

#include <cstdint>

namespace doudi::gui {

class Context;
class MatchingPanel;

class MatchingWindow : public wxDialog {
 public:
  // context outlives the window.
  MatchingWindow(wxWindow* parent, Context& context, std::int64_t householdId);

  MatchingPanel& Panel() const { return *m_panel; }

 private:
  MatchingPanel* m_panel = nullptr;
};

}  // namespace doudi::gui
