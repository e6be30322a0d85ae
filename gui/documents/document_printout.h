#pragma once
// Printing a laid-out document through the system's print dialog: each page
// drawn by reports::DrawPage on a cairo context of the printer's DC — on GTK
// the DC's own cairo context (wxGraphicsContext::GetNativeContext), on
// Windows a cairo printing surface on the printer's HDC (TOOLCHAIN.md,
// "Preview, print and PDF"). Scaled from the DC's size, never from
// GetPageSizePixels (a preview DC is far smaller).
#include <wx/print.h>

#include <memory>

#include "doudi/reports/layout.h"

namespace doudi::gui {

class DocumentPrintout : public wxPrintout {
 public:
  explicit DocumentPrintout(std::shared_ptr<const reports::PagedDocument> paged);

  bool HasPage(int page) override;
  void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;
  bool OnPrintPage(int page) override;

 private:
  std::shared_ptr<const reports::PagedDocument> m_paged;
};

// Shows the print dialog for paged (A4, the document's orientation) and
// prints; false when the user cancelled or printing failed (wxPrinter's
// last error says which).
bool PrintWithDialog(wxWindow* parent, std::shared_ptr<const reports::PagedDocument> paged);

}  // namespace doudi::gui
