#include "documents/document_printout.h"

#include <wx/dc.h>
#include <wx/graphics.h>
#include <wx/intl.h>

#ifdef __WXMSW__
#include <cairo-win32.h>
#endif

namespace doudi::gui {
namespace {

// Points to device units: the document is A4 in points, the DC in pixels of
// whatever the printer (or the dialog's own preview) uses.
double ScaleFor(const wxDC& dc, const reports::PagedDocument& paged) {
  const wxSize size = dc.GetSize();
  return std::min(size.x / paged.geometry.width, size.y / paged.geometry.height);
}

#ifdef __WXMSW__
// The printer's HDC as a cairo printing surface: vector output, fonts sent
// to the printer, between the StartPage/EndPage that wxPrinter issues.
bool DrawOnDc(wxDC& dc, const reports::PagedDocument& paged, int pageIndex) {
  auto* hdc = static_cast<HDC>(dc.GetHDC());
  if (hdc == nullptr) return false;
  cairo_surface_t* surface = cairo_win32_printing_surface_create(hdc);
  cairo_t* cr = cairo_create(surface);
  reports::DrawPage(cr, paged, pageIndex, ScaleFor(dc, paged));
  cairo_show_page(cr);
  const bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return ok;
}
#else
// GTK prints through cairo already: draw on the DC's own context.
bool DrawOnDc(wxDC& dc, const reports::PagedDocument& paged, int pageIndex) {
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::CreateFromUnknownDC(dc));
  auto* cr = gc ? static_cast<cairo_t*>(gc->GetNativeContext()) : nullptr;
  if (cr == nullptr) return false;
  reports::DrawPage(cr, paged, pageIndex, ScaleFor(dc, paged));
  return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
#endif

}  // namespace

DocumentPrintout::DocumentPrintout(std::shared_ptr<const reports::PagedDocument> paged)
    : wxPrintout(wxString::FromUTF8(paged->document->title)), m_paged(std::move(paged)) {}

bool DocumentPrintout::HasPage(int page) {
  return page >= 1 && page <= m_paged->PageCount();
}

void DocumentPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) {
  *minPage = *pageFrom = 1;
  *maxPage = *pageTo = m_paged->PageCount();
}

bool DocumentPrintout::OnPrintPage(int page) {
  wxDC* dc = GetDC();
  return dc != nullptr && HasPage(page) && DrawOnDc(*dc, *m_paged, page - 1);
}

bool PrintWithDialog(wxWindow* parent, std::shared_ptr<const reports::PagedDocument> paged) {
  wxPrintDialogData data;
  data.GetPrintData().SetPaperId(wxPAPER_A4);
  data.GetPrintData().SetOrientation(paged->document->orientation == reports::Orientation::Landscape ? wxLANDSCAPE
                                                                                                     : wxPORTRAIT);
  data.SetMinPage(1);
  data.SetMaxPage(paged->PageCount());
  wxPrinter printer(&data);
  DocumentPrintout printout(std::move(paged));
  return printer.Print(parent, &printout, true);
}

}  // namespace doudi::gui
