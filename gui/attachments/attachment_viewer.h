#pragma once
// One attached file on screen: a picture, or a PDF page by page (poppler-
// glib; builds without it open the PDF in the desk's own reader), fitted to
// the window; printed (each page fitted to the paper) or saved as a copy.
// The bytes are read and each page drawn on the documents worker
// (doudi.attachment_content, in the caller's scope; a scanned PDF's page
// takes a moment to draw), so the window opens at once and says
// "Loading...", and paging never holds the window.
#include <wx/dialog.h>
#include <wx/image.h>

#include <memory>
#include <vector>

#include "doudi/dal/attachment_repository.h"

class wxButton;
class wxStaticText;

namespace doudi::gui {

class Context;
class ImageCanvas;

class AttachmentViewer : public wxDialog {
 public:
  AttachmentViewer(wxWindow* parent, Context& context, dal::AttachmentInfo info);
  ~AttachmentViewer() override;

  bool Loaded() const { return m_content != nullptr; }
  int PageCount() const { return m_pageCount; }
  int Page() const { return m_page; }
  // Draws page on the documents worker; Page() is page at once, Shown() once
  // IsDrawing() is over (a page asked for meanwhile replaces it).
  void ShowPage(int page);
  bool IsDrawing() const { return m_drawing; }
  // The image on screen now (for tests and screenshots).
  const wxImage& Shown() const { return m_image; }
  wxString StatusText() const;
  void Print();
  void SaveCopy();

 private:
  struct Drawn;
  void Loaded(Drawn drawn);
  void Display(int page, const wxImage& image);
  void ShowStatus(const wxString& text);

  Context& m_context;
  dal::AttachmentInfo m_info;
  std::shared_ptr<const std::vector<unsigned char>> m_content;
  int m_pageCount = 0;
  int m_page = 0;
  bool m_drawing = false;
  int m_drawGeneration = 0;
  wxImage m_image;
  ImageCanvas* m_canvas = nullptr;
  wxStaticText* m_status = nullptr;
  wxButton* m_previous = nullptr;
  wxButton* m_next = nullptr;
  wxButton* m_print = nullptr;
  wxButton* m_save = nullptr;
  wxButton* m_external = nullptr;
};

}  // namespace doudi::gui
