#pragma once
// Getting a document onto the screen: built from the data layer by
// doudi_case_documents and laid out on a worker (never on the GUI thread),
// then shown in a DocumentPreview. The same mapping as doudi-admin's, so the
// workstation and the command line print the same document.
#include <wx/string.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "doudi/reports/case_documents.h"

class wxWindow;

namespace doudi::gui {

class DatabaseWorker;
class DocumentPreview;
struct Session;

// The roster kinds and the regions each may be of (case_documents.h).
using reports::RosterKind;

// The kind's name on buttons and menus: 审批表, 入户调查表 ...
wxString DocumentKindLabel(reports::CaseDocumentKind kind);
wxString RosterKindLabel(RosterKind kind);

// What to make: a case's document, a household's file or a roster.
struct DocumentRequest {
  enum class Of { Case, Household, Roster, Referral } of = Of::Case;
  std::int64_t id = 0;  // the case, household or referral (its 转办单)
  reports::CaseDocumentKind kind = reports::CaseDocumentKind::ApprovalForm;
  RosterKind roster = RosterKind::Payment;
  std::string region;  // a roster's county (6), township (9) or village (12) code
  std::chrono::year_month month{};
};

// Builds and lays out the document on worker, then opens its preview (a
// child of previewParent, which outlives owner) and calls opened(preview);
// failed(message) says in the user's language why there is none (nothing on
// record, no connection). Both run on the GUI thread, only while owner exists.
void OpenDocument(wxWindow* owner, wxWindow* previewParent, DatabaseWorker& worker, const Session& session,
                  const DocumentRequest& request, std::function<void(DocumentPreview*)> opened,
                  std::function<void(const wxString&)> failed);

}  // namespace doudi::gui
