#include "referrals/slip_printer.h"

#include <wx/intl.h>
#include <wx/toplevel.h>

#include "common/context.h"
#include "documents/document_jobs.h"

namespace doudi::gui {

void SlipPrinter::Print(std::int64_t referralId) {
  if (m_opening) return;
  m_opening = true;
  m_say(_("Preparing the referral slip..."), false);
  DocumentRequest request;
  request.of = DocumentRequest::Of::Referral;
  request.id = referralId;
  OpenDocument(
      m_owner, wxGetTopLevelParent(m_owner), m_context.GetWorkers().documents, m_context.GetSession(), request,
      [this](DocumentPreview* preview) {
        m_opening = false;
        m_preview = preview;
        m_say({}, false);
      },
      [this](const wxString& message) {
        m_opening = false;
        m_say(message, true);
      });
}

}  // namespace doudi::gui
