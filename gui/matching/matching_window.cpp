#include "matching/matching_window.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include "matching/matching_panel.h"

namespace doudi::gui {

MatchingWindow::MatchingWindow(wxWindow* parent, Context& context, std::int64_t householdId)
    : wxDialog(parent, wxID_ANY,
               wxString::Format(_("Matching: household No. %lld"), static_cast<long long>(householdId)),
               wxDefaultPosition, wxSize(980, 760), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX) {
  m_panel = new MatchingPanel(this, context, householdId);
  // Not a stock id: GTK would relabel it in the system's language.
  auto* close = new wxButton(this, wxWindow::NewControlId(), _("Close"));
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
  SetEscapeId(close->GetId());
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(m_panel, wxSizerFlags(1).Expand());
  top->Add(close, wxSizerFlags().Right().Border(wxALL, 8));
  SetSizer(top);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
}

}  // namespace doudi::gui
