#pragma once
// The small input dialogs of the case screens (an opinion, the survey,
// evidence, the amount, a new application) share this: a grid of labelled
// fields with a red message under each, and an end that works whether the
// dialog runs modally (as for the user) or modeless (as the GUI tests drive
// it through a DialogRunner, filling its controls and pressing its buttons).
#include <wx/dialog.h>

#include <functional>
#include <string>

class wxFlexGridSizer;
class wxStaticText;

namespace doudi::gui {

// Shows the dialog and returns how it ended (wxID_OK, wxID_CANCEL).
using DialogRunner = std::function<int(wxDialog&)>;
inline int RunModally(wxDialog& dialog) { return dialog.ShowModal(); }

class FormDialog : public wxDialog {
 public:
  FormDialog(wxWindow* parent, const wxString& title);

 protected:
  // Adds "label: control" with a message line under the control; returns
  // the message line (empty until ShowMessage).
  wxStaticText* AddField(const wxString& label, wxWindow* control, int proportion = 0);
  static void ShowMessage(wxStaticText* line, const wxString& message);
  // OK and Cancel under the fields; OK calls accept, which ends the dialog
  // with Finish(wxID_OK) when the input is good.
  void FinishLayout(const wxString& okLabel, std::function<void()> accept);
  // Ends the dialog, modal or not.
  void Finish(int code);

  wxWindow* Body() const { return m_body; }

 private:
  wxWindow* m_body = nullptr;
  wxFlexGridSizer* m_grid = nullptr;
};

// Trimmed UTF-8 text of a control's value.
std::string TrimmedUtf8(const wxString& text);

}  // namespace doudi::gui
