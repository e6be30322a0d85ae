#include "attachments/attachments_panel.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/config.h>
#include <wx/dirdlg.h>
#include <wx/dnd.h>
#include <wx/evtloop.h>
#include <wx/filedlg.h>
#include <wx/imaglist.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <system_error>

#include "app/session.h"
#include "attachments/attachment_text.h"
#include "attachments/attachment_viewer.h"
#include "attachments/file_images.h"
#include "common/context.h"
#include "common/report_list.h"
#include "common/wx_text.h"
#include "utf8_path.h"

namespace doudi::gui {
namespace {

constexpr const char* kScanFolderKey = "/Attachments/ScanFolder";
constexpr int kSettleTickMs = 500;

enum Column { kKind, kName, kOwner, kSize, kVersion, kAdded, kState };

std::filesystem::path ToPath(const wxString& text) {
  return admin::PathFromUtf8(Utf8(text));
}

// Files dropped on the panel or its list go to AttachFiles.
class DropFiles : public wxFileDropTarget {
 public:
  explicit DropFiles(AttachmentsPanel& panel) : m_panel(panel) {}
  bool OnDropFiles(wxCoord, wxCoord, const wxArrayString& names) override {
    std::vector<std::filesystem::path> paths;
    for (const auto& name : names) paths.push_back(ToPath(name));
    // After the drop returns: the attach dialog must not run inside the
    // drag-and-drop loop.
    m_panel.CallAfter([&panel = m_panel, paths] { panel.AttachFiles(paths); });
    return true;
  }

 private:
  AttachmentsPanel& m_panel;
};

}  // namespace

struct AttachmentsPanel::Reading {
  std::vector<dal::AttachmentInfo> files;
  std::int64_t maxBytes = 0;
};

AttachmentsPanel::AttachmentsPanel(wxWindow* parent, Context& context, Scope scope)
    : AsyncListPanel(parent, context.GetWorkers().cases), m_context(context), m_scope(std::move(scope)) {
  SetName("attachments");
  m_list = MakeReportList(this, "attachment_files",
                          {{_("Kind"), 200},
                           {_("File"), 200},
                           {_("Belongs to"), 110},
                           {_("Size"), 70},
                           {_("Version"), 60},
                           {_("Added"), 190},
                           {_("State"), 200}});
  m_images = std::make_unique<wxImageList>(kThumbnail, kThumbnail, false, 0);
  m_list->SetImageList(m_images.get(), wxIMAGE_LIST_SMALL);
  auto* status = MakeStatusLine();
  m_attach = new wxButton(this, wxID_ANY, _("Attach files..."));
  m_attach->SetName("attach_files");
  m_view = new wxButton(this, wxID_ANY, _("View / print"));
  m_version = new wxButton(this, wxID_ANY, _("New version..."));
  m_withdraw = new wxButton(this, wxID_ANY, _("Withdraw..."));
  auto* withdrawn = new wxCheckBox(this, wxID_ANY, _("Show withdrawn"));
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(status, wxSizerFlags(1).CenterVertical());
  for (wxWindow* w : std::initializer_list<wxWindow*>{m_attach, m_view, m_version, m_withdraw, withdrawn, refresh}) {
    bar->Add(w, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  }

  // The scan strip: the folder, and the scans waiting in it.
  m_folderLabel = new wxStaticText(this, wxID_ANY, wxEmptyString);
  m_folderLabel->SetName("scan_folder");
  auto* chooseFolder = new wxButton(this, wxID_ANY, _("Scan folder..."));
  m_attachScans = new wxButton(this, wxID_ANY, wxEmptyString);
  m_attachScans->SetName("attach_scans");
  auto* strip = new wxBoxSizer(wxHORIZONTAL);
  strip->Add(m_folderLabel, wxSizerFlags(1).CenterVertical());
  strip->Add(m_attachScans, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  strip->Add(chooseFolder, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));

  auto* hint = new wxStaticText(this, wxID_ANY,
                                _("PDF, JPEG or PNG. Drop files here, pick them, or let the document camera save "
                                  "into the scan folder."));
  hint->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(bar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 6));
  top->Add(strip, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 6));
  top->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, 6));
  top->Add(hint, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  SetSizer(top);

  const bool write = MayWrite();
  for (wxWindow* w : std::initializer_list<wxWindow*>{m_attach, m_version, chooseFolder, m_attachScans}) {
    w->Show(write);
  }
  m_withdraw->Show(m_context.GetSession().May(model::StaffOperation::WithdrawFiles));
  m_folderLabel->Show(write);
  if (write) {
    SetDropTarget(new DropFiles(*this));
    m_list->SetDropTarget(new DropFiles(*this));
  }
  m_attach->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PickFiles(); });
  m_view->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ViewSelected(); });
  m_version->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewVersionOfSelected(); });
  m_withdraw->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { WithdrawSelected(); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { ViewSelected(); });
  withdrawn->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) { ShowWithdrawn(e.IsChecked()); });
  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
  chooseFolder->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    wxDirDialog dialog(this, _("The folder the document camera saves into"), Wx(admin::PathToUtf8(m_scanFolder)));
    if (dialog.ShowModal() == wxID_OK) SetScanFolder(ToPath(dialog.GetPath()), true);
  });
  m_attachScans->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AttachPendingScans(); });
  const auto selectedOnly = [this](wxUpdateUIEvent& e) { e.Enable(m_loaded && Selected() != nullptr); };
  m_view->Bind(wxEVT_UPDATE_UI, selectedOnly);
  m_version->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
    const auto* f = Selected();
    e.Enable(m_loaded && f != nullptr && f->withdrawnAt.empty() && !f->replacedById);
  });
  m_withdraw->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
    const auto* f = Selected();
    e.Enable(m_loaded && f != nullptr && f->withdrawnAt.empty());
  });
  m_attach->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_loaded); });
  m_settle.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    auto ready = m_inbox.Ready(workstation::ScanInbox::Clock::now());
    for (auto& path : ready) {
      if (std::find(m_pending.begin(), m_pending.end(), path) == m_pending.end()) m_pending.push_back(std::move(path));
    }
    if (!ready.empty() || m_inbox.Waiting() == 0) ShowScanStrip();
    if (m_inbox.Waiting() == 0) m_settle.Stop();
  });

  if (write) {
    wxString folder;
    if (wxConfigBase::Get()->Read(kScanFolderKey, &folder) && !folder.empty()) SetScanFolder(ToPath(folder), false);
  }
  ShowScanStrip();
}

AttachmentsPanel::~AttachmentsPanel() {
  m_settle.Stop();
  if (m_list != nullptr) m_list->SetImageList(nullptr, wxIMAGE_LIST_SMALL);
}

bool AttachmentsPanel::MayWrite() const {
  return m_context.GetSession().May(model::StaffOperation::AttachFiles);
}

void AttachmentsPanel::Reload() {
  BeginLoad(_("Loading the files..."));
  const auto scope = m_scope;
  const bool withdrawn = m_withWithdrawn;
  Load<Reading>(
      [scope, withdrawn](dal::pg::PgDatabase& db) {
        auto& files = db.Attachments();
        Reading reading;
        reading.files = scope.householdId ? files.OfHousehold(*scope.householdId, withdrawn)
                                          : files.Of(scope.owners.front().owner, withdrawn);
        reading.maxBytes = files.MaxBytes();
        return reading;
      },
      [this](Reading reading) { Show(std::move(reading)); });
}

void AttachmentsPanel::Show(Reading reading) {
  m_loaded = true;
  m_maxBytes = reading.maxBytes;
  m_files = std::move(reading.files);
  m_list->DeleteAllItems();
  m_images->RemoveAll();
  m_thumbnailOf.clear();
  // Index 0 for a picture not drawn (yet): the file-type icon.
  const wxSize side(kThumbnail, kThumbnail);
  m_images->Add(
      wxArtProvider::GetBitmap(wxART_NORMAL_FILE, wxART_OTHER, side).ConvertToImage().Rescale(kThumbnail, kThumbnail));
  // The generic list measures its rows by the image list only once it holds
  // an image: given again, the rows take the thumbnails' height.
  m_list->SetImageList(m_images.get(), wxIMAGE_LIST_SMALL);
  for (const auto& f : m_files) {
    wxString state = _("in force");
    if (!f.withdrawnAt.empty()) {
      state = wxString::Format(_("withdrawn: %s"), Wx(f.withdrawnReason));
    } else if (f.replacedById) {
      state = wxString::Format(_("replaced by a newer version"));
    }
    const long row =
        AddReportRow(m_list, {AttachmentKindLabel(f.kind), Wx(f.fileName), AttachmentOwnerLabel(f.owner.kind),
                              FileSizeText(f.byteSize), wxString::Format("%d", f.version),
                              Wx(f.addedAt) + " " + Wx(f.addedBy), state});
    m_list->SetItemImage(row, 0);
    if (!f.withdrawnAt.empty() || f.replacedById) m_list->SetItemTextColour(row, *wxLIGHT_GREY);
  }
  for (const auto& f : m_files) {
    if (const auto drawn = m_drawn.find(f.id); drawn != m_drawn.end()) ShowThumbnail(f.id, drawn->second);
  }
  ShowStatus(wxString::Format(_("%zu files; up to %s each"), m_files.size(), FileSizeText(m_maxBytes)));
  Layout();
  LoadThumbnails();
}

void AttachmentsPanel::ShowThumbnail(std::int64_t id, const wxImage& image) {
  if (!image.IsOk()) return;
  const auto file = std::find_if(m_files.begin(), m_files.end(), [id](const auto& f) { return f.id == id; });
  if (file == m_files.end()) return;
  const int index = m_images->Add(wxBitmap(image));
  m_thumbnailOf[id] = index;
  m_list->SetItemImage(static_cast<long>(file - m_files.begin()), index);
}

void AttachmentsPanel::LoadThumbnails() {
  using Thumbnails = std::vector<std::pair<std::int64_t, wxImage>>;
  std::vector<std::pair<std::int64_t, std::string>> wanted;
  for (const auto& f : m_files) {
    if (m_drawn.count(f.id) != 0) continue;
    if (PdfPages::Available() || f.mediaType != "application/pdf") wanted.emplace_back(f.id, f.mediaType);
  }
  if (wanted.empty()) return;
  const int generation = ++m_thumbnailGeneration;
  m_context.GetWorkers().documents.Run<Thumbnails>(
      this,
      [wanted](dal::pg::PgDatabase& db) {
        Thumbnails out;
        for (const auto& [id, type] : wanted) {
          const auto content = db.Attachments().Content(id);
          if (!content) continue;
          const wxImage image = FileImage(*content, type, 0, 2 * kThumbnail);
          out.emplace_back(id, image.IsOk() ? Thumbnail(image, kThumbnail) : wxImage());
        }
        return out;
      },
      [this, generation](Thumbnails thumbnails) {
        for (auto& [id, image] : thumbnails) m_drawn[id] = image;
        if (generation != m_thumbnailGeneration) return;  // a reload shows them from m_drawn
        for (const auto& [id, image] : thumbnails) ShowThumbnail(id, image);
        m_list->Refresh();
      },
      [](const JobFailure&) {});  // the file-type icons stay
}

const dal::AttachmentInfo* AttachmentsPanel::Selected() const {
  const long row = SelectedReportRow(m_list);
  return row >= 0 && static_cast<std::size_t>(row) < m_files.size() ? &m_files[static_cast<std::size_t>(row)] : nullptr;
}

void AttachmentsPanel::SelectFile(std::int64_t id) {
  for (std::size_t i = 0; i < m_files.size(); ++i) {
    if (m_files[i].id == id) {
      m_list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
  }
}

void AttachmentsPanel::ShowWithdrawn(bool show) {
  m_withWithdrawn = show;
  Reload();
}

void AttachmentsPanel::PickFiles() {
  if (!MayWrite() || !m_loaded) return;
  wxFileDialog dialog(
      this, _("Attach files"), Wx(admin::PathToUtf8(m_scanFolder)), wxEmptyString,
      _("PDF, JPEG and PNG files") + "|*.pdf;*.PDF;*.jpg;*.JPG;*.jpeg;*.JPEG;*.png;*.PNG|" + _("All files") + "|*",
      wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) return;
  wxArrayString names;
  dialog.GetPaths(names);
  std::vector<std::filesystem::path> paths;
  for (const auto& name : names) paths.push_back(ToPath(name));
  AttachFiles(paths);
}

void AttachmentsPanel::AttachFiles(const std::vector<std::filesystem::path>& paths) {
  if (!MayWrite() || !m_loaded || paths.empty()) return;
  ReadThenStore(paths, std::nullopt, std::nullopt);
}

void AttachmentsPanel::ReadThenStore(std::vector<std::filesystem::path> paths, std::optional<std::int64_t> replaces,
                                     std::optional<model::AttachmentKind> kind) {
  ShowStatus(wxString::Format(_("Reading %zu files..."), paths.size()));
  const std::int64_t maxBytes = m_maxBytes;
  m_context.GetWorkers().documents.Run<std::vector<workstation::CheckedFile>>(
      this,
      [paths = std::move(paths), maxBytes](dal::pg::PgDatabase&) {
        std::vector<workstation::CheckedFile> files;
        for (const auto& path : paths) files.push_back(workstation::CheckAttachmentFile(path, maxBytes));
        return files;
      },
      [this, replaces, kind](std::vector<workstation::CheckedFile> files) {
        ShowStatus(wxString());
        if (!MayWrite() || !m_loaded) return;
        const auto firstGood = std::find_if(files.begin(), files.end(),
                                            [](const auto& f) { return f.problem == workstation::FileProblem::None; });
        const auto offered = kind.value_or(workstation::SuggestedKind(
            firstGood != files.end() ? *firstGood->type : model::AttachmentType::Pdf, m_authorizationMissing));
        Store(std::move(files), replaces, offered);
      },
      [this](const JobFailure& failure) { ShowStatus(failure.message); });
}

void AttachmentsPanel::Store(std::vector<workstation::CheckedFile> files, std::optional<std::int64_t> replaces,
                             model::AttachmentKind kind) {
  std::vector<OwnerChoice> owners = m_scope.owners;
  if (m_scope.moreOwners) {
    for (auto& more : m_scope.moreOwners()) owners.push_back(std::move(more));
  }
  if (replaces) {
    // The file replaced, by its id: the selection may have moved while the new version was read.
    const auto old = std::find_if(m_files.begin(), m_files.end(), [&](const auto& f) { return f.id == *replaces; });
    if (old == m_files.end()) return;
    owners = {{AttachmentOwnerLabel(old->owner.kind), old->owner}};
  }
  AttachDialog dialog(this, files, m_maxBytes, owners, kind, replaces.has_value());
  if (m_runDialog(dialog) != wxID_OK) return;
  std::vector<dal::NewAttachment> requests;
  std::string what = "attach:";
  const auto& owner = owners[std::min(dialog.OwnerIndex(), owners.size() - 1)].owner;
  for (auto& file : files) {
    if (file.problem != workstation::FileProblem::None) continue;
    what += file.fileName + ":" + std::to_string(file.size) + ";";
    requests.push_back(workstation::ToNewAttachment(std::move(file), owner, dialog.Kind(), dialog.Note(), replaces));
  }
  if (requests.empty()) return;
  what += owner.kind + std::to_string(owner.id) + std::string(model::ToCode(dialog.Kind())) +
          (replaces ? std::to_string(*replaces) : std::string());
  ShowStatus(wxString::Format(_("Storing %zu files..."), requests.size()));
  const wxString done = wxString::Format(_("%zu files attached."), requests.size());
  m_write.Run(
      m_context.GetWorkers().cases, this, what,
      [requests](dal::pg::PgDatabase& db, const std::string& requestId) {
        for (std::size_t i = 0; i < requests.size(); ++i) {
          db.Attachments().Add(requests[i], workstation::NthRequestId(requestId, i));
        }
      },
      {done, done,
       _("Not confirmed: %s Try again when the connection is back (files that did arrive are not stored twice).")},
      [this](bool wrote) {
        if (!wrote) return;
        Reload();
        if (m_changed) m_changed();
      },
      [this](const wxString& text, bool) { ShowStatus(text); });
}

void AttachmentsPanel::ViewSelected() {
  if (const auto* f = Selected()) ViewFile(f->id);
}

AttachmentViewer* AttachmentsPanel::ViewFile(std::int64_t id) {
  const auto f = std::find_if(m_files.begin(), m_files.end(), [id](const auto& x) { return x.id == id; });
  if (f == m_files.end()) return nullptr;
  auto* viewer = new AttachmentViewer(wxGetTopLevelParent(this), m_context, *f);
  viewer->Show();
  return viewer;
}

void AttachmentsPanel::NewVersionOfSelected() {
  const auto* old = Selected();
  if (old == nullptr || !MayWrite()) return;
  wxFileDialog dialog(this, _("The new version"), Wx(admin::PathToUtf8(m_scanFolder)), wxEmptyString,
                      _("PDF, JPEG and PNG files") + "|*.pdf;*.PDF;*.jpg;*.JPG;*.jpeg;*.JPEG;*.png;*.PNG",
                      wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) return;
  ReadThenStore({ToPath(dialog.GetPath())}, old->id,
                model::ParseEnum<model::AttachmentKind>(old->kind).value_or(model::AttachmentKind::Other));
}

void AttachmentsPanel::WithdrawSelected() {
  const auto* f = Selected();
  if (f == nullptr || !m_context.GetSession().May(model::StaffOperation::WithdrawFiles) || !f->withdrawnAt.empty()) {
    return;
  }
  WithdrawDialog dialog(this, Wx(f->fileName));
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto id = f->id;
  const std::string reason = dialog.Reason();
  const wxString done = _("The file is withdrawn: hidden, kept on record.");
  m_write.Run(
      m_context.GetWorkers().cases, this, "withdraw:" + std::to_string(id) + ":" + reason,
      [id, reason](dal::pg::PgDatabase& db, const std::string& requestId) {
        db.Attachments().Withdraw(id, reason, requestId);
      },
      {done, done, _("Not confirmed: %s Try again when the connection is back.")},
      [this](bool wrote) {
        if (!wrote) return;
        Reload();
        if (m_changed) m_changed();
      },
      [this](const wxString& text, bool) { ShowStatus(text); });
}

void AttachmentsPanel::SetScanFolder(const std::filesystem::path& folder, bool remember) {
  m_scanFolder = folder;
  m_pending.clear();
  m_inbox = workstation::ScanInbox();
  if (remember) {
    wxConfigBase::Get()->Write(kScanFolderKey, Wx(admin::PathToUtf8(folder)));
    wxConfigBase::Get()->Flush();
  }
  WatchScanFolder();
  ShowScanStrip();
}

void AttachmentsPanel::WatchScanFolder() {
  // A folder watch joins the running event loop: none runs yet while the
  // window is being made, so it starts from the loop once it does.
  if (wxEventLoopBase::GetActive() == nullptr) {
    CallAfter([this] { WatchScanFolder(); });
    return;
  }
  m_watcher.reset();
  std::error_code error;
  if (m_scanFolder.empty() || !std::filesystem::is_directory(m_scanFolder, error)) return;
  m_watcher = std::make_unique<wxFileSystemWatcher>();
  m_watcher->SetOwner(this);
  Bind(wxEVT_FSWATCHER, &AttachmentsPanel::OnFolderEvent, this);
  m_watcher->Add(wxFileName::DirName(Wx(admin::PathToUtf8(m_scanFolder))),
                 wxFSW_EVENT_CREATE | wxFSW_EVENT_MODIFY | wxFSW_EVENT_DELETE | wxFSW_EVENT_RENAME);
}

void AttachmentsPanel::OnFolderEvent(wxFileSystemWatcherEvent& event) {
  const auto now = workstation::ScanInbox::Clock::now();
  const auto seen = [&](const wxFileName& name) {
    const auto path = ToPath(name.GetFullPath());
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!error && std::filesystem::is_regular_file(path, error)) {
      m_inbox.Seen(path, static_cast<std::int64_t>(size), now);
    }
  };
  const auto gone = [&](const wxFileName& name) {
    const auto path = ToPath(name.GetFullPath());
    m_inbox.Gone(path);
    m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), path), m_pending.end());
  };
  switch (event.GetChangeType()) {
    case wxFSW_EVENT_CREATE:
    case wxFSW_EVENT_MODIFY:
      seen(event.GetPath());
      break;
    case wxFSW_EVENT_DELETE:
      gone(event.GetPath());
      break;
    case wxFSW_EVENT_RENAME:
      gone(event.GetPath());
      seen(event.GetNewPath());
      break;
    default:
      return;
  }
  if (!m_settle.IsRunning()) m_settle.Start(kSettleTickMs);
  ShowScanStrip();
}

void AttachmentsPanel::ShowScanStrip() {
  if (m_folderLabel == nullptr) return;
  m_folderLabel->SetLabel(m_scanFolder.empty()
                              ? _("Scan folder: not chosen")
                              : wxString::Format(_("Scan folder: %s"), Wx(admin::PathToUtf8(m_scanFolder))));
  m_attachScans->SetLabel(wxString::Format(_("Attach %zu new scans..."), m_pending.size()));
  m_attachScans->Enable(!m_pending.empty());
  Layout();
}

void AttachmentsPanel::AttachPendingScans() {
  if (m_pending.empty()) return;
  const auto paths = m_pending;
  m_pending.clear();
  ShowScanStrip();
  AttachFiles(paths);
}

}  // namespace doudi::gui
