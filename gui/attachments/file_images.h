#pragma once
// What an attached file looks like: a picture as it is, a PDF's pages drawn
// by poppler-glib with cairo (the documents' own renderer). Builds without
// poppler (the Windows MSI: docs/attachments.md, the licence decision) show
// a PDF by handing it to the desk's own PDF reader instead. Usable on a
// worker thread (wxImage, no GDI objects), one thread per PdfPages.
#include <wx/image.h>

#include <memory>
#include <string>
#include <vector>

namespace doudi::gui {

class PdfPages {
 public:
  // Whether this build draws PDF pages itself.
  static bool Available();
  // nullptr when content is no PDF the renderer opens (or there is none).
  static std::unique_ptr<PdfPages> Open(const std::vector<unsigned char>& content);
  ~PdfPages();
  PdfPages(const PdfPages&) = delete;
  PdfPages& operator=(const PdfPages&) = delete;

  int Count() const;
  // The page's size in points (1/72 inch).
  wxSize PageSize(int page) const;
  // Page (0-based) drawn on white, width pixels wide; not IsOk() for a bad page.
  wxImage Render(int page, int width) const;

 private:
  struct Impl;
  explicit PdfPages(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// The image of a file: the picture, or a PDF's page drawn width pixels
// wide; not IsOk() when it cannot be shown here.
wxImage FileImage(const std::vector<unsigned char>& content, const std::string& mediaType, int page = 0,
                  int pdfWidth = 1240);
// image scaled to fit a box of side pixels, centred on white.
wxImage Thumbnail(const wxImage& image, int side);

}  // namespace doudi::gui
