#include "documents/document_preview.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dcbuffer.h>
#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/weakref.h>

#include <cstdint>

#include "app/app_icon.h"
#include "cases/case_text.h"
#include "common/wx_text.h"
#include "documents/document_printout.h"
#include "documents/print_settings_store.h"
#include "doudi/reports/document_file.h"
#include "utf8_path.h"

namespace doudi::gui {
namespace {

constexpr int kGap = 16;  // grey border around the page, in pixels

// Where a file name crosses into std::filesystem: UTF-8 in, the OS's own
// form out (UTF-16 on Windows), so Chinese folder names survive.
std::filesystem::path PathOf(const wxString& file) {
  return admin::PathFromUtf8(Utf8(file));
}

}  // namespace

wxString ChooseFileWithDialog(wxWindow* parent, SaveFormat format, const wxString& suggestedName) {
  const wxString wildcard = format == SaveFormat::Pdf    ? _("PDF documents (*.pdf)|*.pdf")
                            : format == SaveFormat::Html ? _("Web pages (*.html)|*.html")
                                                         : _("Excel workbooks (*.xlsx)|*.xlsx");
  wxFileDialog dialog(parent, _("Save the document"), wxEmptyString, suggestedName, wildcard,
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  return dialog.ShowModal() == wxID_OK ? dialog.GetPath() : wxString();
}

wxBitmap RenderPageBitmap(const reports::PagedDocument& paged, int pageIndex, double dpi) {
  cairo_surface_t* surface = reports::RenderPageImage(paged, pageIndex, dpi);
  cairo_surface_flush(surface);
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  wxImage image(width, height, false);
  unsigned char* rgb = image.GetData();
  // ARGB32 in native byte order; the page is opaque (white), so the
  // premultiplied colour is the colour.
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < width; ++x, rgb += 3) {
      rgb[0] = static_cast<unsigned char>(row[x] >> 16);
      rgb[1] = static_cast<unsigned char>(row[x] >> 8);
      rgb[2] = static_cast<unsigned char>(row[x]);
    }
  }
  cairo_surface_destroy(surface);
  return wxBitmap(image);
}

DocumentPreview::DocumentPreview(wxWindow* parent, reports::PagedDocument paged, bool xlsx)
    : wxFrame(parent, wxID_ANY, Wx(paged.document->title) + wxS(" - ") + _("Preview"), wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT),
      m_paged(std::move(paged)) {
  SetIcons(AppIcons());
  // A landscape roster wants a wide window; neither may be taller or wider
  // than the screen, or "whole page" would cut the page off.
  const bool landscape = m_paged.document->orientation == reports::Orientation::Landscape;
  const wxRect screen = wxGetClientDisplayRect();
  SetSize(wxSize(std::min(landscape ? 1200 : 900, screen.width), std::min(1000, screen.height)));
  Build(xlsx);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
  Render();
}

DocumentPreview::~DocumentPreview() {
  // A save in progress finishes first: the file is never left half written.
  if (m_saver.joinable()) m_saver.join();
}

wxWindow* DocumentPreview::BuildToolbar(wxWindow* parent, bool xlsx) {
  auto* bar = new wxPanel(parent);
  auto* previous = new wxButton(bar, wxID_ANY, _("< Previous"));
  auto* next = new wxButton(bar, wxID_ANY, _("Next >"));
  m_pageText = new wxStaticText(bar, wxID_ANY, wxEmptyString);
  m_pageText->SetName("page");
  m_zoomChoice = new wxChoice(bar, wxID_ANY);
  m_zoomChoice->Append(_("Whole page"));
  m_zoomChoice->Append(_("Page width"));
  m_zoomChoice->Append(_("Actual size"));
  m_zoomChoice->SetSelection(0);
  m_deskPrint = new wxButton(bar, wxID_ANY, wxEmptyString);
  m_deskPrint->SetName("desk_print");
  auto* print = new wxButton(bar, wxID_ANY, _("Print..."));
  auto* pdf = new wxButton(bar, wxID_ANY, _("Save as PDF..."));
  auto* html = new wxButton(bar, wxID_ANY, _("Save as HTML..."));
  previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowPage(m_page - 1); });
  next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowPage(m_page + 1); });
  previous->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_page > 0); });
  next->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_page + 1 < PageCount()); });
  m_zoomChoice->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) { SetZoom(static_cast<Zoom>(e.GetSelection())); });
  m_deskPrint->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PrintToDeskPrinter(); });
  print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Print(); });
  pdf->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(SaveFormat::Pdf); });
  html->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(SaveFormat::Html); });
  auto* sizer = new wxBoxSizer(wxHORIZONTAL);
  sizer->Add(previous, wxSizerFlags().CenterVertical());
  sizer->Add(m_pageText, wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, 10));
  sizer->Add(next, wxSizerFlags().CenterVertical());
  sizer->Add(m_zoomChoice, wxSizerFlags().CenterVertical().Border(wxLEFT, 16));
  sizer->AddStretchSpacer();
  sizer->AddSpacer(16);
  sizer->Add(m_deskPrint, wxSizerFlags().CenterVertical().Border(wxRIGHT, 6));
  sizer->Add(print, wxSizerFlags().CenterVertical());
  for (auto* button : {pdf, html}) sizer->Add(button, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  if (xlsx) {
    auto* sheet = new wxButton(bar, wxID_ANY, _("Save as XLSX..."));
    sheet->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(SaveFormat::Xlsx); });
    sizer->Add(sheet, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  }
  for (auto* button : {m_deskPrint, print, pdf, html})
    button->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!m_saving); });
  bar->SetSizer(sizer);
  UpdateDeskPrinterButton();
  return bar;
}

void DocumentPreview::Build(bool xlsx) {
  auto* panel = new wxPanel(this);
  auto* bar = BuildToolbar(panel, xlsx);
  m_canvas = new wxScrolledWindow(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxHSCROLL);
  m_canvas->SetName("page_canvas");
  m_canvas->SetBackgroundStyle(wxBG_STYLE_PAINT);
  m_canvas->SetScrollRate(20, 20);
  m_canvas->Bind(wxEVT_PAINT, [this](wxPaintEvent&) { OnPaintCanvas(); });
  m_canvas->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    if (m_zoom != Zoom::Actual) CallAfter([this] { Render(); });  // after the new size is in place
  });
  m_status = new wxStaticText(panel, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  m_status->SetName("status");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  sizer->Add(m_canvas, wxSizerFlags(1).Expand());
  sizer->Add(m_status, wxSizerFlags().Expand().Border(wxALL, 6));
  panel->SetSizer(sizer);
}

double DocumentPreview::DpiForZoom() const {
  const auto& g = m_paged.geometry;
  const wxSize room = m_canvas->GetClientSize() - wxSize(2 * kGap, 2 * kGap);
  const double fitWidth = room.x / g.width * 72.0;
  const double fitPage = std::min(fitWidth, room.y / g.height * 72.0);
  const double screen = 96.0;  // "actual size" at the usual desktop resolution
  const double dpi = m_zoom == Zoom::FitPage ? fitPage : m_zoom == Zoom::FitWidth ? fitWidth : screen;
  return std::max(dpi, 20.0);  // a tiny window still shows something
}

void DocumentPreview::Render() {
  const double dpi = DpiForZoom();
  // Resizing by a pixel or two does not need a new picture.
  if (m_bitmapPage == m_page && std::abs(dpi - m_bitmapDpi) < 0.5) return;
  m_bitmap = RenderPageBitmap(m_paged, m_page, dpi);
  m_bitmapDpi = dpi;
  m_bitmapPage = m_page;
  m_canvas->SetVirtualSize(m_bitmap.GetWidth() + 2 * kGap, m_bitmap.GetHeight() + 2 * kGap);
  m_pageText->SetLabel(wxString::Format(_("Page %d of %d"), m_page + 1, PageCount()));
  m_pageText->GetParent()->Layout();
  m_canvas->Refresh();
}

void DocumentPreview::OnPaintCanvas() {
  wxAutoBufferedPaintDC dc(m_canvas);
  m_canvas->DoPrepareDC(dc);
  dc.SetBackground(wxBrush(wxColour(128, 128, 128)));
  dc.Clear();
  if (!m_bitmap.IsOk()) return;
  const wxSize client = m_canvas->GetClientSize();
  // Centred while the page is narrower than the window.
  const int x = std::max(kGap, (client.x - m_bitmap.GetWidth()) / 2);
  dc.DrawBitmap(m_bitmap, x, kGap);
}

void DocumentPreview::ShowPage(int pageIndex) {
  if (pageIndex < 0 || pageIndex >= PageCount()) return;
  m_page = pageIndex;
  m_canvas->Scroll(0, 0);
  Render();
}

void DocumentPreview::SetZoom(Zoom zoom) {
  m_zoom = zoom;
  m_zoomChoice->SetSelection(static_cast<int>(zoom));
  Render();
}

wxString DocumentPreview::StatusText() const {
  return m_status->GetLabel();
}

void DocumentPreview::ShowStatus(const wxString& text, bool error) {
  m_status->SetForegroundColour(error ? kOverdueText : GetForegroundColour());
  m_status->SetLabel(text);
  m_status->SetToolTip(text);
}

wxString DocumentPreview::DeskPrinter() const {
  return Wx(LoadPrintSettings(*wxConfigBase::Get()).settings.printer);
}

void DocumentPreview::UpdateDeskPrinterButton() {
  const wxString printer = DeskPrinter();
  m_deskPrint->SetLabel(wxString::Format(_("Print to %s"), printer));
  m_deskPrint->SetToolTip(_("Prints every page to the desk's printer without asking (print/printer in the settings)."));
  m_deskPrint->Show(!printer.empty());
  m_deskPrint->GetParent()->Layout();
}

void DocumentPreview::Print() {
  auto paged = std::make_shared<const reports::PagedDocument>(m_paged);
  const auto outcome = PrintWithDialog(this, std::move(paged), *wxConfigBase::Get());
  UpdateDeskPrinterButton();  // the dialog's printer is the desk's now
  Printed(outcome, DeskPrinter());
}

void DocumentPreview::PrintToDeskPrinter() {
  const auto read = LoadPrintSettings(*wxConfigBase::Get());
  const auto outcome =
      PrintWithoutDialog(this, std::make_shared<const reports::PagedDocument>(m_paged), read.settings);
  Printed(outcome, Wx(read.settings.printer));
  // A setting that could not be read is said after the outcome, not instead of it.
  if (!read.problems.empty()) {
    ShowStatus(m_status->GetLabel() + wxS(" ") + PrintSettingsProblemText(read.problems), true);
  }
}

void DocumentPreview::Printed(const PrintOutcome& outcome, const wxString& printer) {
  switch (outcome.kind) {
    case PrintOutcome::Kind::Printed:
      ShowStatus(wxString::Format(_("Sent to the printer %s."), printer), false);
      break;
    case PrintOutcome::Kind::Cancelled:
      break;
    case PrintOutcome::Kind::Failed:
      ShowStatus(outcome.message, true);
      break;
  }
}

wxString DocumentPreview::SuggestedName(SaveFormat format) const {
  // The number names the document (三民审〔2026〕0042号); no slashes in it.
  const auto& doc = Document();
  const wxString base = Wx(doc.title) + (doc.number.empty() ? wxString() : wxS(" ") + Wx(doc.number));
  return base + (format == SaveFormat::Pdf ? wxS(".pdf") : format == SaveFormat::Html ? wxS(".html") : wxS(".xlsx"));
}

void DocumentPreview::Save(SaveFormat format) {
  if (m_saving) return;
  const wxString file = m_chooseFile(this, format, SuggestedName(format));
  if (file.empty()) return;
  if (m_saver.joinable()) m_saver.join();  // the last save is done: its thread only ends
  m_saving = true;
  ShowStatus(wxString::Format(_("Saving %s..."), file), false);
  // Made and read on the GUI thread only; the thread just carries it.
  auto self = std::make_shared<wxWeakRef<DocumentPreview>>(this);
  m_saver = std::thread([self, paged = m_paged, format, file, path = PathOf(file)]() mutable {
    std::string error;
    try {
      reports::WriteDocumentFile(paged, format, path);
    } catch (const std::exception& e) {
      error = e.what();
    }
    // A bare pointer crosses (database_worker.h says why): the weak
    // reference is released on the GUI thread only.
    auto* weak = new std::shared_ptr<wxWeakRef<DocumentPreview>>(std::move(self));
    wxTheApp->CallAfter([weak, file, error] {
      const std::unique_ptr<std::shared_ptr<wxWeakRef<DocumentPreview>>> own(weak);
      if (**own) (**own)->Saved(file, error);
    });
  });
}

void DocumentPreview::Saved(const wxString& file, const std::string& error) {
  m_saving = false;
  if (error.empty()) {
    ShowStatus(wxString::Format(_("Saved to %s."), file), false);
  } else {
    ShowStatus(wxString::Format(_("Not saved: %s"), Wx(error)), true);
  }
}

}  // namespace doudi::gui
