#pragma once
// Rosters from the main window's Rosters menu: which roster (发放花名册 or
// 公示名单), the month (this month unless changed) and the region (the
// user's scope unless a township or village inside it is chosen). OK builds
// the roster on the worker; the dialog stays open with the reason when there
// is nothing to show, and ends with wxID_OK once the preview is open.
#include <chrono>
#include <string>
#include <vector>

#include "common/form_dialog.h"
#include "documents/document_jobs.h"

class wxChoice;
class wxTextCtrl;

namespace doudi::gui {

class DatabaseWorker;
class DocumentPreview;

class RosterDialog : public FormDialog {
 public:
  // Controls: "kind", "month", "region". The preview opens over previewParent.
  RosterDialog(wxWindow* parent, wxWindow* previewParent, DatabaseWorker& worker, const Session& session,
               RosterKind kind, std::chrono::year_month month);

  bool IsBuilding() const { return m_building; }
  // The preview that OK opened; nullptr before.
  DocumentPreview* Preview() const { return m_preview; }
  // The regions offered, by code (6, 9 or 12 digits).
  const std::vector<std::string>& RegionCodes() const { return m_codes; }
  void SelectRegion(const std::string& code);

 private:
  void FillRegions();
  void Accept();

  wxWindow* m_previewParent;
  DatabaseWorker& m_worker;
  const Session& m_session;
  std::vector<std::string> m_codes;
  bool m_building = false;
  DocumentPreview* m_preview = nullptr;
  wxChoice* m_kind = nullptr;
  wxTextCtrl* m_month = nullptr;
  wxChoice* m_region = nullptr;
  wxStaticText* m_monthMessage = nullptr;
  wxStaticText* m_regionMessage = nullptr;
};

// "2026-11" as a month; nullopt for anything else.
std::optional<std::chrono::year_month> ParseYearMonth(const wxString& text);

}  // namespace doudi::gui
