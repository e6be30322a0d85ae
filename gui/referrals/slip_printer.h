#pragma once
// Opens a referral's 转办单 for a window that lists referrals (the 待办, the
// case's and alert's 转办 page): built on the context's document worker, then
// shown in a preview to print; one at a time, what happens said through say.
#include <wx/string.h>
#include <wx/weakref.h>

#include <cstdint>
#include <functional>

#include "documents/document_preview.h"

class wxWindow;

namespace doudi::gui {

class Context;

class SlipPrinter {
 public:
  // owner and context outlive the printer (it is the owner's member).
  SlipPrinter(wxWindow* owner, Context& context, std::function<void(const wxString& text, bool error)> say)
      : m_owner(owner), m_context(context), m_say(std::move(say)) {}

  void Print(std::int64_t referralId);
  bool IsOpening() const { return m_opening; }
  // The preview opened last; nullptr when none is open.
  DocumentPreview* LastPreview() const { return m_preview.get(); }

 private:
  wxWindow* m_owner;
  Context& m_context;
  std::function<void(const wxString&, bool)> m_say;
  bool m_opening = false;
  wxWeakRef<DocumentPreview> m_preview;
};

}  // namespace doudi::gui
