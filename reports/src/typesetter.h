#pragma once
// Internal: text set with pango in the document's few styles, shared by the
// measuring pass (Layout) and the drawing pass (DrawPage) so that both break
// lines identically. Metrics are unhinted and the resolution is 72 dpi, so a
// font size in points is a size in user units on every cairo target and a
// layout measured once draws the same at any scale.

#include <cairo.h>
#include <pango/pangocairo.h>

#include <array>
#include <string_view>
#include <vector>

#include "doudi/reports/document.h"

namespace doudi::reports::detail {

enum class Style { Title, Subtitle, Meta, Heading, Body, Label, TableCell, TableBold, Footer, Count };

// The system's font, and the build's copy of it that PDFs use when present
// (typesetter.cpp, FontFamily).
inline constexpr std::string_view kFontFamily = "Noto Sans CJK SC";
inline constexpr std::string_view kDocumentFontFamily = "Doudi Sans SC";

// Padding inside a bordered cell, in points.
inline constexpr double kCellPadX = 4;
inline constexpr double kCellPadY = 3;

class Typesetter {
 public:
  // For measuring: a context of pango's cairo font map, not tied to a surface.
  Typesetter();
  // For drawing on cr.
  explicit Typesetter(cairo_t* cr);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // Height of text wrapped to width (a single line when it fits).
  double Height(Style style, std::string_view text, double width);

  // The laid-out text, ready for line iteration or drawing; valid until the
  // next call with the same style.
  PangoLayout* Set(Style style, std::string_view text, double width, Align align);

  // Draws text wrapped to width with its top-left at (x, y); returns its height.
  double Draw(cairo_t* cr, Style style, std::string_view text, double x, double y, double width, Align align);

  double LineHeight(Style style) const { return m_lineHeight[Index(style)]; }

  // One line of a wrapped text, in points from the text's top.
  struct LineBox {
    double top;
    double bottom;
    double baseline;
  };
  std::vector<LineBox> Lines(Style style, std::string_view text, double width);

 private:
  static std::size_t Index(Style style) { return static_cast<std::size_t>(style); }
  void Init();

  PangoContext* m_context = nullptr;
  std::array<PangoLayout*, static_cast<std::size_t>(Style::Count)> m_layouts{};
  std::array<double, static_cast<std::size_t>(Style::Count)> m_lineHeight{};
  std::array<double, static_cast<std::size_t>(Style::Count)> m_size{};
};

}  // namespace doudi::reports::detail
