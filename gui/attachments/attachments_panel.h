#pragma once
// The files of a household, a case, an alert... (docs/attachments.md), with
// thumbnails: attach by picking files, by dropping them on the panel, or
// from the desk's scan folder — the folder the document camera (高拍仪)
// saves into, chosen here and remembered for the desk, whose new files wait
// in a strip until the clerk attaches them. View (AttachmentViewer), print,
// a new version, or withdraw a wrong one with the reason (never deleted).
// The list is read on the case worker, the thumbnails on the documents
// worker, so neither waits for the other.
#include <wx/fswatcher.h>
#include <wx/timer.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "attachments/attachment_forms.h"
#include "common/async_list_panel.h"
#include "common/requested_write.h"
#include "doudi/dal/attachment_repository.h"
#include "doudi/workstation/attachment_files.h"

class wxButton;
class wxImageList;
class wxListCtrl;
class wxStaticText;

namespace doudi::gui {

class AttachmentViewer;
class Context;

class AttachmentsPanel : public AsyncListPanel {
 public:
  // What the panel lists and where new files go: owners[0] is offered
  // first; with householdId, every file of the household is listed (its
  // members', cases', alerts'...), else those of owners[0].
  struct Scope {
    std::vector<OwnerChoice> owners;
    // More owners, asked when attaching (a household's members as loaded).
    std::function<std::vector<OwnerChoice>()> moreOwners;
    std::optional<std::int64_t> householdId;
  };
  static constexpr int kThumbnail = 96;

  AttachmentsPanel(wxWindow* parent, Context& context, Scope scope);
  ~AttachmentsPanel() override;

  void Reload();
  bool Loaded() const { return m_loaded; }
  // Whether the user may attach and withdraw here.
  bool MayWrite() const;

  // Reads and checks paths on the documents worker (a large scan or a file
  // on a network share takes a moment) and, after the attach dialog, stores
  // the good ones (what picking, dropping and the scan strip do).
  void AttachFiles(const std::vector<std::filesystem::path>& paths);
  void PickFiles();
  void ViewSelected();
  // Opens the viewer of a listed file (modeless); nullptr when not listed.
  AttachmentViewer* ViewFile(std::int64_t id);
  void NewVersionOfSelected();
  void WithdrawSelected();
  // Shows withdrawn files too (greyed, with the reason).
  void ShowWithdrawn(bool show);

  // The desk's scan folder: watched while the panel lives; remember writes
  // it to the desk's settings.
  void SetScanFolder(const std::filesystem::path& folder, bool remember);
  const std::filesystem::path& ScanFolder() const { return m_scanFolder; }
  // Whether the scan folder is being watched (it starts once the event loop runs).
  bool WatchingScanFolder() const { return m_watcher != nullptr; }
  // Scans that settled and wait to be attached.
  const std::vector<std::filesystem::path>& PendingScans() const { return m_pending; }
  void AttachPendingScans();

  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }
  // The kind offered first is a signed authorization while one is missing.
  void SetAuthorizationMissing(bool missing) { m_authorizationMissing = missing; }
  // Called after a file was attached or withdrawn (the case view re-reads
  // what is missing).
  void OnChanged(std::function<void()> changed) { m_changed = std::move(changed); }

  const std::vector<dal::AttachmentInfo>& Files() const { return m_files; }
  wxListCtrl* List() const { return m_list; }
  // Whether the row of file id shows its picture (not the plain icon).
  bool HasThumbnail(std::int64_t id) const { return m_thumbnailOf.count(id) > 0; }
  void SelectFile(std::int64_t id);

 private:
  struct Reading;
  void Show(Reading reading);
  void LoadThumbnails();
  void ShowThumbnail(std::int64_t id, const wxImage& image);
  // Reads and checks paths on the documents worker, then Store (the kind
  // offered: kind, or what the first good file suggests).
  void ReadThenStore(std::vector<std::filesystem::path> paths, std::optional<std::int64_t> replaces,
                     std::optional<model::AttachmentKind> kind);
  void Store(std::vector<workstation::CheckedFile> files, std::optional<std::int64_t> replaces,
             model::AttachmentKind kind);
  const dal::AttachmentInfo* Selected() const;
  void WatchScanFolder();
  void OnFolderEvent(wxFileSystemWatcherEvent& event);
  void ShowScanStrip();

  Context& m_context;
  Scope m_scope;
  bool m_loaded = false;
  bool m_withWithdrawn = false;
  bool m_authorizationMissing = false;
  std::int64_t m_maxBytes = 0;
  std::vector<dal::AttachmentInfo> m_files;
  std::map<std::int64_t, int> m_thumbnailOf;  // file id -> image index
  // file id -> its thumbnail (not IsOk(): none can be drawn), drawn once: a
  // file's bytes never change (a new version is a new file), so a reload
  // fetches only the files not drawn yet.
  std::map<std::int64_t, wxImage> m_drawn;
  int m_thumbnailGeneration = 0;
  wxListCtrl* m_list = nullptr;
  std::unique_ptr<wxImageList> m_images;
  wxButton* m_attach = nullptr;
  wxButton* m_view = nullptr;
  wxButton* m_version = nullptr;
  wxButton* m_withdraw = nullptr;
  wxStaticText* m_folderLabel = nullptr;
  wxButton* m_attachScans = nullptr;
  std::filesystem::path m_scanFolder;
  std::unique_ptr<wxFileSystemWatcher> m_watcher;
  workstation::ScanInbox m_inbox;
  std::vector<std::filesystem::path> m_pending;
  wxTimer m_settle;
  RequestedWrite m_write;
  DialogRunner m_runDialog = RunModally;
  std::function<void()> m_changed;
};

}  // namespace doudi::gui
