#include "documents/document_printout.h"

#include <wx/dc.h>
#include <wx/graphics.h>
#include <wx/intl.h>

#ifdef __WXMSW__
#include <cairo-win32.h>
#endif
#ifdef __WXGTK__
#include <cups/cups.h>
#include <gtk/gtk.h>
#include <wx/gtk/print.h>
#endif

#include "common/wx_text.h"
#include "documents/print_settings_store.h"

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

#ifdef __WXGTK__
namespace {

// Every page's setup with no margins. wx's GTK printer DC moves its origin
// back to the paper's corner by the page setup's left and top margins after
// GTK moved it into them; for a landscape page the two disagree by the
// difference of GTK's default top and bottom margins (22 pt on A4: the
// printed roster sat 8 mm off centre). The documents have their own margins,
// so the page setup needs none.
void ZeroMargins(GtkPrintOperation*, GtkPrintContext*, gint, GtkPageSetup* setup, gpointer) {
  gtk_page_setup_set_top_margin(setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin(setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin(setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin(setup, 0, GTK_UNIT_POINTS);
}

}  // namespace
#endif

void DocumentPrintout::OnBeginPrinting() {
  wxPrintout::OnBeginPrinting();
#ifdef __WXGTK__
  if (m_printer == nullptr) return;
  auto* native = dynamic_cast<wxGtkPrintNativeData*>(m_printer->GetPrintDialogData().GetPrintData().GetNativeData());
  if (native != nullptr && native->GetPrintJob() != nullptr) {
    g_signal_connect_data(native->GetPrintJob(), "request-page-setup", reinterpret_cast<GCallback>(&ZeroMargins),
                          nullptr, nullptr, GConnectFlags{});
  }
#endif
}

bool DocumentPrintout::OnPrintPage(int page) {
  wxDC* dc = GetDC();
  return dc != nullptr && HasPage(page) && DrawOnDc(*dc, *m_paged, page - 1);
}

namespace {

PrintOutcome Run(wxWindow* parent, wxPrinter& printer, std::shared_ptr<const reports::PagedDocument> paged,
                 bool prompt) {
  DocumentPrintout printout(std::move(paged));
  printout.AttachTo(&printer);
  if (printer.Print(parent, &printout, prompt)) return {PrintOutcome::Kind::Printed, {}};
  if (wxPrinter::GetLastError() == wxPRINTER_CANCELLED) return {PrintOutcome::Kind::Cancelled, {}};
  return {PrintOutcome::Kind::Failed, _("The document could not be printed.")};
}

wxPrintDialogData DialogData(const workstation::PrintSettings& settings, const reports::PagedDocument& paged) {
  wxPrintDialogData data(ToPrintData(settings, paged.document->orientation));
  data.SetMinPage(1);
  data.SetMaxPage(paged.PageCount());
  data.SetFromPage(1);
  data.SetToPage(paged.PageCount());
  data.SetAllPages(true);
  return data;
}

#ifdef __WXGTK__
// Without the dialog, GTK hands CUPS only the print settings' "cups-" keys:
// the duplex wx sets (GTK's "duplex" key) becomes the printer's Duplex option
// only through the dialog's widgets, and a job printed without it was
// simplex. So the option is set here as the dialog sets it, with the PPD's
// standard choices (the printing test reads it in the job CUPS ran).
void PassDuplexToCups(wxPrintData& data, workstation::Duplex duplex) {
  data.ConvertToNative();
  auto* native = dynamic_cast<wxGtkPrintNativeData*>(data.GetNativeData());
  if (native == nullptr) return;
  const char* choice = duplex == workstation::Duplex::LongEdge    ? "DuplexNoTumble"
                       : duplex == workstation::Duplex::ShortEdge ? "DuplexTumble"
                                                                  : "None";
  gtk_print_settings_set(native->GetPrintConfig(), "cups-Duplex", choice);
}

// "" when CUPS knows the printer, else why not. cupsGetNamedDest asks the
// server CUPS_SERVER names (else the system's) and answers at once when it
// does not run.
wxString CupsProblem(const std::string& printer) {
  cups_dest_t* dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, printer.c_str(), nullptr);
  if (dest != nullptr) {
    cupsFreeDests(1, dest);
    return {};
  }
  if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND) {
    return wxString::Format(_("The printer \"%s\" is not known to the print system."), Wx(printer));
  }
  return wxString::Format(_("The print system (%s) does not answer: %s"), wxString::FromUTF8(cupsServer()),
                          wxString::FromUTF8(cupsLastErrorString()));
}
#endif

}  // namespace

PrintOutcome PrintWithDialog(wxWindow* parent, std::shared_ptr<const reports::PagedDocument> paged,
                             wxConfigBase& config) {
  // A setting that cannot be read is left out; the dialog shows what stands.
  wxPrintDialogData data = DialogData(LoadPrintSettings(config).settings, *paged);
  wxPrinter printer(&data);
  const auto outcome = Run(parent, printer, std::move(paged), true);
  if (outcome.kind == PrintOutcome::Kind::Printed) {
    StorePrintSettings(config, FromPrintData(printer.GetPrintDialogData().GetPrintData()));
  }
  return outcome;
}

PrintOutcome PrintWithoutDialog(wxWindow* parent, std::shared_ptr<const reports::PagedDocument> paged,
                                const workstation::PrintSettings& settings) {
  if (settings.printer.empty()) return {PrintOutcome::Kind::Failed, _("No printer is named in the settings.")};
#ifdef __WXGTK__
  if (const wxString problem = CupsProblem(settings.printer); !problem.empty()) {
    return {PrintOutcome::Kind::Failed, problem};
  }
#endif
  wxPrintDialogData data = DialogData(settings, *paged);
#ifdef __WXGTK__
  PassDuplexToCups(data.GetPrintData(), settings.duplex);
#endif
  wxPrinter printer(&data);
  return Run(parent, printer, std::move(paged), false);
}

}  // namespace doudi::gui
