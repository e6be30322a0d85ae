#pragma once
// Printing a laid-out document, through the system's print dialog or without
// one to the desk's printer (docs/printing.md): each page
// drawn by reports::DrawPage on a cairo context of the printer's DC — on GTK
// the DC's own cairo context (wxGraphicsContext::GetNativeContext), on
// Windows a cairo printing surface on the printer's HDC (TOOLCHAIN.md,
// "Preview, print and PDF"). Scaled from the DC's size, never from
// GetPageSizePixels (a preview DC is far smaller).
#include <wx/print.h>

#include <memory>

#include "doudi/reports/layout.h"
#include "doudi/workstation/print_settings.h"

class wxConfigBase;

namespace doudi::gui {

class DocumentPrintout : public wxPrintout {
 public:
  explicit DocumentPrintout(std::shared_ptr<const reports::PagedDocument> paged);

  bool HasPage(int page) override;
  void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;
  bool OnPrintPage(int page) override;
  void OnBeginPrinting() override;

  // The wxPrinter that prints this (on GTK, OnBeginPrinting reaches its
  // print operation through it).
  void AttachTo(wxPrinter* printer) { m_printer = printer; }

 private:
  std::shared_ptr<const reports::PagedDocument> m_paged;
  wxPrinter* m_printer = nullptr;
};

// How a print ended; message says why it failed, in the user's language.
struct PrintOutcome {
  enum class Kind { Printed, Cancelled, Failed } kind = Kind::Failed;
  wxString message;
};

// Shows the print dialog for paged, starting from the desk's settings in
// config (printer, paper, copies, duplex; the document's orientation), and
// prints; what the user chose there is stored in config when it printed.
PrintOutcome PrintWithDialog(wxWindow* parent, std::shared_ptr<const reports::PagedDocument> paged,
                             wxConfigBase& config);

// Prints paged to settings.printer without a dialog, with the settings'
// paper, copies and duplex. On GTK the printer is first looked up in CUPS
// (CUPS_SERVER or the system's): GTK waits for ever for a printer it cannot
// find, so an unknown printer or an unreachable print server fails at once.
PrintOutcome PrintWithoutDialog(wxWindow* parent, std::shared_ptr<const reports::PagedDocument> paged,
                                const workstation::PrintSettings& settings);

}  // namespace doudi::gui
