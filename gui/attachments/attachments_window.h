#pragma once
// The files of one thing that has no view of its own to hold a Files page:
// a referral in the liaison's inbox (the receipt of help given, a signed
// slip) or a pairing visit (the photos taken at the door). A modeless
// window around an AttachmentsPanel; asked again for the same owner, the
// open window is raised instead of a second one.
#include <wx/dialog.h>

#include "attachments/attachment_forms.h"
#include "attachments/attachments_panel.h"

namespace doudi::gui {

class Context;

class AttachmentsWindow : public wxDialog {
 public:
  // Opens (or raises) the window of owner.owner under parent's top level.
  static AttachmentsWindow* Open(wxWindow* parent, Context& context, const OwnerChoice& owner);

  AttachmentsPanel* Panel() const { return m_panel; }
  const dal::AttachmentOwnerRef& Owner() const { return m_owner; }

 private:
  AttachmentsWindow(wxWindow* parent, Context& context, const OwnerChoice& owner);

  dal::AttachmentOwnerRef m_owner;
  AttachmentsPanel* m_panel = nullptr;
};

}  // namespace doudi::gui
