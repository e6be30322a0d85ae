#include "attachments/file_images.h"

#include <wx/log.h>
#include <wx/mstream.h>

#include <algorithm>
#include <cmath>

#ifdef DOUDI_HAVE_POPPLER
#include <cairo.h>
#include <poppler.h>
#endif

namespace doudi::gui {

#ifdef DOUDI_HAVE_POPPLER

struct PdfPages::Impl {
  GBytes* bytes = nullptr;
  PopplerDocument* document = nullptr;
  ~Impl() {
    if (document != nullptr) g_object_unref(document);
    if (bytes != nullptr) g_bytes_unref(bytes);
  }
};

bool PdfPages::Available() {
  return true;
}

std::unique_ptr<PdfPages> PdfPages::Open(const std::vector<unsigned char>& content) {
  auto impl = std::make_unique<Impl>();
  impl->bytes = g_bytes_new(content.data(), content.size());
  GError* error = nullptr;
  impl->document = poppler_document_new_from_bytes(impl->bytes, nullptr, &error);
  if (impl->document == nullptr) {
    if (error != nullptr) g_error_free(error);
    return nullptr;
  }
  return std::unique_ptr<PdfPages>(new PdfPages(std::move(impl)));
}

int PdfPages::Count() const {
  return poppler_document_get_n_pages(m_impl->document);
}

wxSize PdfPages::PageSize(int page) const {
  PopplerPage* p = poppler_document_get_page(m_impl->document, page);
  if (p == nullptr) return {};
  double width = 0;
  double height = 0;
  poppler_page_get_size(p, &width, &height);
  g_object_unref(p);
  return {static_cast<int>(std::lround(width)), static_cast<int>(std::lround(height))};
}

wxImage PdfPages::Render(int page, int width) const {
  PopplerPage* p = poppler_document_get_page(m_impl->document, page);
  if (p == nullptr || width <= 0) return {};
  double pw = 0;
  double ph = 0;
  poppler_page_get_size(p, &pw, &ph);
  if (pw <= 0 || ph <= 0) {
    g_object_unref(p);
    return {};
  }
  const double scale = width / pw;
  const int height = std::max(1, static_cast<int>(std::lround(ph * scale)));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  poppler_page_render(p, cr);
  cairo_destroy(cr);
  g_object_unref(p);
  cairo_surface_flush(surface);
  wxImage image(width, height, false);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  unsigned char* out = image.GetData();
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      const std::uint32_t pixel = row[x];  // 0x00RRGGBB in native order
      *out++ = static_cast<unsigned char>((pixel >> 16U) & 0xFFU);
      *out++ = static_cast<unsigned char>((pixel >> 8U) & 0xFFU);
      *out++ = static_cast<unsigned char>(pixel & 0xFFU);
    }
  }
  cairo_surface_destroy(surface);
  return image;
}

#else

struct PdfPages::Impl {};
bool PdfPages::Available() {
  return false;
}
std::unique_ptr<PdfPages> PdfPages::Open(const std::vector<unsigned char>&) {
  return nullptr;
}
int PdfPages::Count() const {
  return 0;
}
wxSize PdfPages::PageSize(int) const {
  return {};
}
wxImage PdfPages::Render(int, int) const {
  return {};
}

#endif

PdfPages::PdfPages(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PdfPages::~PdfPages() = default;

wxImage FileImage(const std::vector<unsigned char>& content, const std::string& mediaType, int page, int pdfWidth) {
  if (mediaType == "application/pdf") {
    const auto pages = PdfPages::Open(content);
    return pages ? pages->Render(page, pdfWidth) : wxImage();
  }
  const wxLogNull quiet;  // a damaged picture is answered by !IsOk(), not a log window
  wxMemoryInputStream in(content.data(), content.size());
  wxImage image;
  const wxBitmapType type = mediaType == "image/png" ? wxBITMAP_TYPE_PNG : wxBITMAP_TYPE_JPEG;
  if (!image.LoadFile(in, type)) return {};
  return image;
}

wxImage Thumbnail(const wxImage& image, int side) {
  wxImage square(side, side);
  square.SetRGB(wxRect(0, 0, side, side), 255, 255, 255);
  if (!image.IsOk() || image.GetWidth() <= 0 || image.GetHeight() <= 0) return square;
  const double scale =
      std::min(static_cast<double>(side) / image.GetWidth(), static_cast<double>(side) / image.GetHeight());
  const int w = std::max(1, static_cast<int>(image.GetWidth() * scale));
  const int h = std::max(1, static_cast<int>(image.GetHeight() * scale));
  const wxImage scaled = image.Scale(w, h, wxIMAGE_QUALITY_HIGH);
  square.Paste(scaled, (side - w) / 2, (side - h) / 2);
  return square;
}

}  // namespace doudi::gui
