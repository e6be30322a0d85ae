#include "attachments/attachment_viewer.h"

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/print.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include <fstream>
#include <functional>

#include "attachments/attachment_text.h"
#include "attachments/file_images.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/wx_text.h"
#include "utf8_path.h"

namespace doudi::gui {

namespace {
constexpr int kScreenWidth = 1240;  // a page's width on screen, in pixels (about 150 dpi across A4)
constexpr int kPrintWidth = 1654;   // on paper (about 200 dpi)
}  // namespace

// What the documents worker read and drew first: the bytes, the number of
// pages (0 for a PDF this build cannot draw) and the first page.
struct AttachmentViewer::Drawn {
  std::shared_ptr<const std::vector<unsigned char>> content;
  int pageCount = 0;
  wxImage first;
};

// The picture fitted to the window's width (and height, for a photo).
class ImageCanvas : public wxScrolledCanvas {
 public:
  explicit ImageCanvas(wxWindow* parent) : wxScrolledCanvas(parent, wxID_ANY) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(wxColour(0x80, 0x80, 0x80));
    SetScrollRate(0, 20);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { Paint(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
      e.Skip();
      Fit();
    });
  }
  void SetImage(const wxImage& image) {
    m_image = image;
    Fit();
  }

 private:
  void Fit() {
    m_bitmap = wxBitmap();
    const wxSize area = GetClientSize();
    if (!m_image.IsOk() || area.x < 20 || area.y < 20) {
      Refresh();
      return;
    }
    const bool portraitPage = m_image.GetHeight() > m_image.GetWidth();
    double scale = static_cast<double>(area.x - 16) / m_image.GetWidth();
    if (!portraitPage) scale = std::min(scale, static_cast<double>(area.y - 16) / m_image.GetHeight());
    scale = std::min(scale, 2.0);
    const int w = std::max(1, static_cast<int>(m_image.GetWidth() * scale));
    const int h = std::max(1, static_cast<int>(m_image.GetHeight() * scale));
    m_bitmap = wxBitmap(m_image.Scale(w, h, wxIMAGE_QUALITY_BILINEAR));
    SetVirtualSize(area.x, h + 16);
    Refresh();
  }
  void Paint() {
    wxAutoBufferedPaintDC dc(this);
    DoPrepareDC(dc);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    if (m_bitmap.IsOk()) {
      const int x = std::max(8, (GetClientSize().x - m_bitmap.GetWidth()) / 2);
      dc.DrawBitmap(m_bitmap, x, 8);
    }
  }
  wxImage m_image;
  wxBitmap m_bitmap;
};

class FilePrintout : public wxPrintout {
 public:
  FilePrintout(const wxString& title, int pages, std::function<wxImage(int)> pageImage)
      : wxPrintout(title), m_pages(pages), m_pageImage(std::move(pageImage)) {}
  bool HasPage(int page) override { return page >= 1 && page <= m_pages; }
  void GetPageInfo(int* minPage, int* maxPage, int* from, int* to) override {
    *minPage = 1;
    *maxPage = m_pages;
    *from = 1;
    *to = m_pages;
  }
  bool OnPrintPage(int page) override {
    const wxImage image = m_pageImage(page - 1);
    if (!image.IsOk()) return false;
    // Fitted inside the printable area, keeping its shape, centred.
    const wxPageSetupDialogData margins;
    FitThisSizeToPageMargins(image.GetSize(), margins);
    const wxRect area = GetLogicalPageMarginsRect(margins);
    GetDC()->DrawBitmap(wxBitmap(image), area.x + std::max(0, (area.width - image.GetWidth()) / 2),
                        area.y + std::max(0, (area.height - image.GetHeight()) / 2));
    return true;
  }

 private:
  int m_pages;
  std::function<wxImage(int)> m_pageImage;
};

AttachmentViewer::AttachmentViewer(wxWindow* parent, Context& context, dal::AttachmentInfo info)
    : wxDialog(parent, wxID_ANY, Wx(info.fileName), wxDefaultPosition, wxSize(820, 900),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX),
      m_context(context),
      m_info(std::move(info)) {
  SetName("attachment_viewer");
  m_canvas = new ImageCanvas(this);
  m_status = new wxStaticText(this, wxID_ANY, _("Loading..."));
  m_previous = new wxButton(this, wxID_ANY, _("< Previous page"));
  m_next = new wxButton(this, wxID_ANY, _("Next page >"));
  m_print = new wxButton(this, wxID_ANY, _("Print..."));
  m_save = new wxButton(this, wxID_ANY, _("Save a copy..."));
  m_external = new wxButton(this, wxID_ANY, _("Open in the PDF reader"));
  auto* close = new wxButton(this, wxID_CLOSE, _("Close"));
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(m_previous);
  bar->Add(m_next, wxSizerFlags().Border(wxLEFT, 6));
  bar->Add(m_status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 12));
  bar->Add(m_external, wxSizerFlags().Border(wxLEFT, 6));
  bar->Add(m_print, wxSizerFlags().Border(wxLEFT, 6));
  bar->Add(m_save, wxSizerFlags().Border(wxLEFT, 6));
  bar->Add(close, wxSizerFlags().Border(wxLEFT, 6));
  auto* about =
      new wxStaticText(this, wxID_ANY,
                       wxString::Format(_("%s, %s, version %d, added by %s on %s, SHA-256 %s"),
                                        AttachmentKindLabel(m_info.kind), FileSizeText(m_info.byteSize), m_info.version,
                                        Wx(m_info.addedBy), Wx(m_info.addedAt), Wx(m_info.sha256Hex.substr(0, 16))));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(about, wxSizerFlags().Border(wxALL, 6));
  if (!m_info.withdrawnAt.empty()) {
    auto* withdrawn = new wxStaticText(this, wxID_ANY,
                                       wxString::Format(_("Withdrawn by %s on %s: %s"), Wx(m_info.withdrawnBy),
                                                        Wx(m_info.withdrawnAt), Wx(m_info.withdrawnReason)));
    withdrawn->SetForegroundColour(*wxRED);
    top->Add(withdrawn, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  }
  top->Add(m_canvas, wxSizerFlags(1).Expand());
  top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  SetSizer(top);
  m_external->Hide();
  for (auto* b : {m_previous, m_next, m_print, m_save}) b->Disable();
  m_previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowPage(m_page - 1); });
  m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowPage(m_page + 1); });
  m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Print(); });
  m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveCopy(); });
  m_external->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    wxFileName file(wxStandardPaths::Get().GetTempDir(), Wx(m_info.fileName));
    if (file.GetExt().Lower() != "pdf") file.SetExt("pdf");
    std::ofstream(admin::PathFromUtf8(Utf8(file.GetFullPath())), std::ios::binary)
        .write(reinterpret_cast<const char*>(m_content->data()), static_cast<std::streamsize>(m_content->size()));
    if (!wxLaunchDefaultApplication(file.GetFullPath())) ShowStatus(_("No PDF reader is set up on this computer."));
  });
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });

  const auto id = m_info.id;
  const std::string type = m_info.mediaType;
  m_drawing = true;
  m_context.GetWorkers().documents.Run<std::optional<Drawn>>(
      this,
      [id, type](dal::pg::PgDatabase& db) -> std::optional<Drawn> {
        auto content = db.Attachments().Content(id);
        if (!content) return std::nullopt;
        Drawn drawn;
        drawn.content = std::make_shared<const std::vector<unsigned char>>(std::move(*content));
        if (type == "application/pdf") {
          const auto pdf = PdfPages::Open(*drawn.content);
          if (!pdf) return drawn;  // no pages: the desk's own PDF reader
          drawn.pageCount = pdf->Count();
          if (drawn.pageCount > 0) drawn.first = pdf->Render(0, kScreenWidth);
        } else {
          drawn.pageCount = 1;
          drawn.first = FileImage(*drawn.content, type);
        }
        return drawn;
      },
      [this](std::optional<Drawn> drawn) {
        m_drawing = false;
        if (!drawn) {
          ShowStatus(_("The file is not there, or not yours to see."));
          return;
        }
        Loaded(std::move(*drawn));
      },
      [this](const JobFailure& failure) {
        m_drawing = false;
        ShowStatus(failure.message);
      });
}

AttachmentViewer::~AttachmentViewer() = default;

wxString AttachmentViewer::StatusText() const {
  return m_status->GetLabel();
}

void AttachmentViewer::ShowStatus(const wxString& text) {
  m_status->SetLabel(text);
  Layout();
}

void AttachmentViewer::Loaded(Drawn drawn) {
  m_content = std::move(drawn.content);
  m_save->Enable();
  m_pageCount = drawn.pageCount;
  if (m_pageCount == 0) {
    m_external->Show();
    ShowStatus(PdfPages::Available() ? _("The PDF cannot be drawn here; open it in the PDF reader.")
                                     : _("Open the PDF in the PDF reader to see it."));
    Layout();
    return;
  }
  m_print->Enable();
  Display(0, drawn.first);
}

void AttachmentViewer::ShowPage(int page) {
  if (!m_content || m_pageCount == 0 || page < 0 || page >= m_pageCount) return;
  m_page = page;
  m_drawing = true;
  m_previous->Disable();
  m_next->Disable();
  ShowStatus(wxString::Format(_("Drawing page %d of %d..."), page + 1, m_pageCount));
  const int generation = ++m_drawGeneration;
  const auto content = m_content;
  const std::string type = m_info.mediaType;
  m_context.GetWorkers().documents.Run<wxImage>(
      this, [content, type, page](dal::pg::PgDatabase&) { return FileImage(*content, type, page, kScreenWidth); },
      [this, generation, page](wxImage image) {
        if (generation != m_drawGeneration) return;  // another page was asked for meanwhile
        m_drawing = false;
        Display(page, image);
      },
      [this, generation](const JobFailure& failure) {
        if (generation != m_drawGeneration) return;
        m_drawing = false;
        m_previous->Enable(m_page > 0);
        m_next->Enable(m_page + 1 < m_pageCount);
        ShowStatus(failure.message);
      });
}

void AttachmentViewer::Display(int page, const wxImage& image) {
  m_image = image;
  m_canvas->SetImage(m_image);
  m_previous->Enable(page > 0);
  m_next->Enable(page + 1 < m_pageCount);
  ShowStatus(m_image.IsOk() ? wxString::Format(_("Page %d of %d"), page + 1, m_pageCount)
                            : _("The file's picture is damaged and cannot be shown."));
}

void AttachmentViewer::Print() {
  if (m_pageCount == 0 || !m_content) return;
  // Printing draws each page as the printer asks for it, inside the print
  // dialog's own loop (about 200 dpi across A4 for a page, the picture
  // itself for a photo).
  const auto content = m_content;
  const std::string type = m_info.mediaType;
  FilePrintout printout(Wx(m_info.fileName), m_pageCount,
                        [content, type](int page) { return FileImage(*content, type, page, kPrintWidth); });
  wxPrinter printer;
  if (!printer.Print(this, &printout, true) && wxPrinter::GetLastError() == wxPRINTER_ERROR) {
    ShowStatus(_("The file could not be printed."));
  }
}

void AttachmentViewer::SaveCopy() {
  wxFileDialog dialog(this, _("Save a copy"), wxEmptyString, Wx(m_info.fileName), wxFileSelectorDefaultWildcardStr,
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dialog.ShowModal() != wxID_OK) return;
  std::ofstream out(admin::PathFromUtf8(Utf8(dialog.GetPath())), std::ios::binary);
  out.write(reinterpret_cast<const char*>(m_content->data()), static_cast<std::streamsize>(m_content->size()));
  ShowStatus(out ? wxString::Format(_("Saved to %s."), dialog.GetPath()) : _("The copy could not be written."));
}

}  // namespace doudi::gui
