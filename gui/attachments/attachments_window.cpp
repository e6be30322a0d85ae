#include "attachments/attachments_window.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>

namespace doudi::gui {

AttachmentsWindow* AttachmentsWindow::Open(wxWindow* parent, Context& context, const OwnerChoice& owner) {
  wxWindow* top = wxGetTopLevelParent(parent);
  for (wxWindow* child : top->GetChildren()) {
    auto* open = dynamic_cast<AttachmentsWindow*>(child);
    if (open != nullptr && open->m_owner.kind == owner.owner.kind && open->m_owner.id == owner.owner.id) {
      open->Raise();
      return open;
    }
  }
  auto* window = new AttachmentsWindow(top, context, owner);
  window->Show();
  return window;
}

AttachmentsWindow::AttachmentsWindow(wxWindow* parent, Context& context, const OwnerChoice& owner)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Files - %s"), owner.label), wxDefaultPosition, wxSize(980, 560),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_owner(owner.owner) {
  SetName("attachments_window");
  AttachmentsPanel::Scope scope;
  scope.owners = {owner};
  m_panel = new AttachmentsPanel(this, context, std::move(scope));
  auto* close = new wxButton(this, wxID_CLOSE, _("Close"));
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Destroy(); });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(m_panel, wxSizerFlags(1).Expand().Border(wxALL, 6));
  sizer->Add(close, wxSizerFlags().Right().Border(wxALL, 6));
  SetSizer(sizer);
  m_panel->Reload();
}

}  // namespace doudi::gui
