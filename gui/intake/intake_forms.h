#pragma once
// The 上报 section's input dialogs: choosing one row of a short list (a
// household the report may be about, the report of the same family to merge
// into), closing a report with its outcome, and a photo at a size to read.
// Each ends with wxID_OK only when the input is good; the database checks
// it again.
#include <wx/bitmap.h>
#include <wx/dialog.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/form_dialog.h"

class wxChoice;
class wxListCtrl;
class wxTextCtrl;

namespace doudi::gui {

// One row chosen among rows (the first selected). Controls: "rows".
class PickDialog : public FormDialog {
 public:
  PickDialog(wxWindow* parent, const wxString& title, const wxString& intro, const wxString& okLabel,
             std::initializer_list<std::pair<wxString, int>> columns, const std::vector<std::vector<wxString>>& rows);
  std::optional<std::size_t> Chosen() const;
  wxListCtrl* Rows() const { return m_rows; }

 private:
  void Accept();
  wxListCtrl* m_rows = nullptr;
  wxStaticText* m_message = nullptr;
};

// 办结: the outcome (helped, referred, case_opened, no_action, false_report)
// and a note, required for the last two. Controls: "outcome", "note".
class CloseReportDialog : public FormDialog {
 public:
  // The most a note holds (doudi.intake_report_close).
  static constexpr std::size_t kMaxNote = 500;

  // outcome: the one chosen at first (a code of ClosingOutcomes()).
  CloseReportDialog(wxWindow* parent, const std::string& outcome);
  std::string Outcome() const;
  std::string Note() const;
  void SetOutcome(const std::string& outcome);

 private:
  void ShowOutcome();
  void Accept();
  wxChoice* m_outcome = nullptr;
  wxTextCtrl* m_note = nullptr;
  wxStaticText* m_hint = nullptr;
  wxStaticText* m_noteMessage = nullptr;
};

// A report's photo, scaled to fit the screen.
class PhotoDialog : public wxDialog {
 public:
  PhotoDialog(wxWindow* parent, const wxString& title, const wxBitmap& photo);
};

}  // namespace doudi::gui
