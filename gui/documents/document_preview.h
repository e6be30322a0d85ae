#pragma once
// The in-app preview of a document (reports/): its pages drawn by
// reports::DrawPage into cairo image surfaces and shown as bitmaps, page n
// of m with next/previous and zoom, and what the desk does with it: Print
// to the desk's printer without a dialog, Print... (the system's print
// dialog; each page drawn through the printer DC's cairo context), Save as PDF, HTML and, for rosters, XLSX. The document was laid
// out on a worker before the window opens; files are written on a thread of
// their own, so a 10,000-line roster never freezes the window.
// Modeless; destroys itself when closed.
#include <wx/bitmap.h>
#include <wx/frame.h>

#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "doudi/reports/document_file.h"
#include "doudi/reports/layout.h"
#include "documents/document_printout.h"

class wxButton;
class wxChoice;
class wxScrolledWindow;
class wxStaticText;

namespace doudi::gui {

using SaveFormat = reports::FileFormat;

// Asks where to save (the file dialog); "" when the user cancelled. Tests
// replace it, as they replace the case screens' dialogs.
using FileChooser = std::function<wxString(wxWindow* parent, SaveFormat format, const wxString& suggestedName)>;
wxString ChooseFileWithDialog(wxWindow* parent, SaveFormat format, const wxString& suggestedName);

// The page bitmap of page pageIndex at dpi, as the preview shows it.
wxBitmap RenderPageBitmap(const reports::PagedDocument& paged, int pageIndex, double dpi);

class DocumentPreview : public wxFrame {
 public:
  enum class Zoom { FitPage, FitWidth, Actual };

  // paged is the laid-out document; xlsx offers Save as XLSX (rosters).
  DocumentPreview(wxWindow* parent, reports::PagedDocument paged, bool xlsx);
  ~DocumentPreview() override;

  int PageCount() const { return m_paged.PageCount(); }
  int CurrentPage() const { return m_page; }  // 0-based
  const reports::Document& Document() const { return *m_paged.document; }
  const reports::PagedDocument& Paged() const { return m_paged; }
  // What the page shows now.
  const wxBitmap& PageBitmap() const { return m_bitmap; }
  void ShowPage(int pageIndex);
  void SetZoom(Zoom zoom);

  // The system's print dialog, starting from and then remembering the
  // desk's printer, paper, copies and duplex (wxConfig, print_settings_store.h),
  // then every page to the printer.
  void Print();
  // Every page to the desk's printer (print/printer in the settings) without
  // a dialog, with the settings' paper, copies and duplex; the status line
  // says when it is sent or why not.
  void PrintToDeskPrinter();
  // The printer print/printer names ("" for none: the quick button is hidden).
  wxString DeskPrinter() const;
  // Asks for the file (FileChooser), then writes it on a thread; the status
  // line says when it is written or why not.
  void Save(SaveFormat format);
  bool IsSaving() const { return m_saving; }
  wxString StatusText() const;
  // A line about the document in the status line, e.g. that a roster was
  // read from the primary because the report standby could not answer.
  void ShowNote(const wxString& text) { ShowStatus(text, false); }
  void SetFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

 private:
  void Build(bool xlsx);
  wxWindow* BuildToolbar(wxWindow* parent, bool xlsx);
  void Render();
  void OnPaintCanvas();
  double DpiForZoom() const;
  void ShowStatus(const wxString& text, bool error);
  wxString SuggestedName(SaveFormat format) const;
  void Saved(const wxString& file, const std::string& error);
  void Printed(const PrintOutcome& outcome, const wxString& printer);
  void UpdateDeskPrinterButton();

  reports::PagedDocument m_paged;
  int m_page = 0;
  Zoom m_zoom = Zoom::FitPage;
  wxBitmap m_bitmap;
  double m_bitmapDpi = 0;
  int m_bitmapPage = -1;
  FileChooser m_chooseFile = ChooseFileWithDialog;
  bool m_saving = false;
  std::thread m_saver;  // joined before the window goes

  wxScrolledWindow* m_canvas = nullptr;
  wxStaticText* m_pageText = nullptr;
  wxStaticText* m_status = nullptr;
  wxChoice* m_zoomChoice = nullptr;
  wxButton* m_deskPrint = nullptr;
};

}  // namespace doudi::gui
