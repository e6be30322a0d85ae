#pragma once
// The 上报 section: the reports volunteers sent from their phones through
// doudi-intake (docs/intake.md), for the groups that triage reports
// (triage_reports). The list — open ones by default (urgent and emergency
// first, then newest), or all — with received, village, name, category,
// urgency, state and the reporter's token name; new ones in bold until
// selected; the tab says how many are open. Beside it the selected report:
// every field (the ID number masked), its photos (a click shows one
// larger), what it is linked to and how it ended, and the triage actions:
// 关联已有户, 新建户, 开临时救助 (first for urgent ones), 转办, 合并, 办结.
//
// Live: an IntakeListener on the user's own connection string wakes the
// section on doudi_intake and after every (re)connection, and the list is
// read again on the section's own worker (so a burst of reports never holds
// up a household's save); while the listener is disconnected the section
// says it is reconnecting.
#include <wx/bitmap.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <optional>
#include <vector>

#include "common/async_list_panel.h"
#include "common/form_dialog.h"
#include "common/requested_write.h"
#include "doudi/dal/intake_repository.h"
#include "doudi/workstation/intake_inbox.h"

class wxButton;
class wxChoice;
class wxFlexGridSizer;
class wxHyperlinkCtrl;
class wxListCtrl;
class wxPanel;
class wxScrolledWindow;
class wxStaticBitmap;
class wxStaticText;

namespace doudi::gui {

class Context;
class IntakeListener;
struct Section;

namespace intake_detail {
// The section's worker, made before the panel it is handed to.
struct OwnWorker {
  explicit OwnWorker(const std::string& connectionString);
  std::unique_ptr<DatabaseWorker> worker;
};
}  // namespace intake_detail

class IntakePanel : private intake_detail::OwnWorker, public AsyncListPanel {
 public:
  using Action = workstation::IntakeAction;
  enum class Live { Connecting, Listening, Reconnecting };

  static Section Describe();

  IntakePanel(wxWindow* parent, Context& context);
  ~IntakePanel() override;

  // Reads the list again (as a wake-up does); a read running now is
  // followed by one more.
  void Reload();
  void SetShowAll(bool all);
  const std::vector<dal::IntakeReport>& Reports() const { return m_reports; }
  wxListCtrl* List() const { return m_list; }
  // The row of report id; -1 when the list does not show it.
  long RowOf(std::int64_t id) const;
  // Selects the row (as a click does): the report shows beside the list.
  void SelectRow(long row);
  const dal::IntakeReport* Selected() const;
  bool IsNew(std::int64_t id) const { return m_news.IsNew(id); }
  Live GetLive() const { return m_live; }
  wxString LiveText() const;
  // The detail's line: what an action did, or why not.
  wxString DetailStatus() const;
  // The photos of the selected report, decoded (none until read).
  std::size_t PhotosShown() const { return m_thumbnails.size(); }
  bool IsWriting() const { return m_writing; }

  // Whether the user's group may take the action at all (its button shows).
  bool Permits(Action action) const;
  // The triage actions on the selected report (its buttons, enabled).
  bool Offers(Action action) const;
  wxButton* ActionButton(Action action) const;
  void Act(Action action);
  // How dialogs are shown (tests fill and press them).
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

 private:
  void Fill();
  void ShowTabLabel();
  void ShowDetail();
  void ShowActions();
  void LoadPhotos();
  void ShowPhotos(std::vector<dal::IntakePhoto> photos);
  void ShowLive(Live live);
  void ShowDetailStatus(const wxString& text, bool error);

  void LinkHousehold();
  void NewHousehold();
  void OpenTemporary();
  void Refer();
  void Merge();
  void CloseReport();
  // Writes to the selected report (its id and version go with it), then
  // reads the list again; a report changed meanwhile is shown as it is now.
  void Write(const std::string& what, std::function<void(dal::pg::PgDatabase&, std::int64_t id, int version)> write,
             const wxString& done);
  void LinkReport(const dal::IntakeLink& link, const wxString& done);

  Context& m_context;
  std::vector<dal::IntakeReport> m_reports;
  workstation::IntakeNews m_news;
  std::optional<std::int64_t> m_selectedId;
  std::optional<std::int64_t> m_photosOf;  // whose photos are shown
  bool m_reloadAgain = false;
  bool m_writing = false;
  Live m_live = Live::Connecting;
  RequestedWrite m_write;
  DialogRunner m_runDialog = RunModally;

  wxChoice* m_filter = nullptr;
  wxStaticText* m_liveLine = nullptr;
  wxListCtrl* m_list = nullptr;
  wxScrolledWindow* m_detail = nullptr;
  wxStaticText* m_heading = nullptr;
  wxFlexGridSizer* m_fields = nullptr;
  std::vector<wxStaticText*> m_labels;  // by the field's place
  std::vector<wxStaticText*> m_values;
  std::vector<wxStaticText*> m_noLinks;  // the dash shown instead of the household, case and alert links
  wxPanel* m_photoStrip = nullptr;
  std::vector<wxStaticBitmap*> m_thumbnails;
  std::vector<wxBitmap> m_photos;  // full size, by thumbnail
  wxHyperlinkCtrl* m_householdLink = nullptr;
  wxHyperlinkCtrl* m_caseLink = nullptr;
  wxHyperlinkCtrl* m_alertLink = nullptr;
  wxStaticText* m_referralText = nullptr;
  wxPanel* m_actionBar = nullptr;
  std::vector<std::pair<Action, wxButton*>> m_actions;
  wxStaticText* m_detailStatus = nullptr;
  std::unique_ptr<IntakeListener> m_listener;
};

}  // namespace doudi::gui
