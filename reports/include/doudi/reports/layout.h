#pragma once
// A document laid out into A4 pages, measured with pango, and the one drawing
// routine that paints a page on any cairo context: the PDF surface, a preview
// bitmap, or the printer's context (TOOLCHAIN.md, "Preview, print and PDF").
// Units are PDF points (1/72 inch). Text is set in "Noto Sans CJK SC"
// (fonts-noto-cjk; on Windows the font shipped with the installer).
//
// Pagination rules (docs/documents.md): the title block opens page 1; every
// page ends with a footer "第 n 页 共 m 页" and the document number; a table's
// header row is repeated on each page it spans and a row never splits; a
// heading stays with what follows; field-grid rows, opinions and signature
// boxes are never split; paragraphs break between lines.

#include <cairo.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "doudi/reports/document.h"

namespace doudi::reports {

inline constexpr double kA4ShortSide = 595.276;  // 210 mm in points
inline constexpr double kA4LongSide = 841.89;    // 297 mm in points
inline constexpr double kMargin = 56.69;         // 2 cm in points

struct PageGeometry {
  double width = kA4ShortSide;
  double height = kA4LongSide;
  double margin = kMargin;
  double footerHeight = 20;  // reserved above the bottom margin for the footer

  double BodyTop() const { return margin; }
  double BodyBottom() const { return height - margin - footerHeight; }
  double BodyWidth() const { return width - 2 * margin; }
};

PageGeometry GeometryFor(Orientation orientation);

// What one piece of a page draws. `block` indexes Document::blocks; `first`
// and `count` select rows of a table or field grid, or lines of a paragraph.
enum class PieceKind { TitleBlock, Heading, ParagraphLines, GridRow, TableHeader, TableRow, PageSubtotal, Opinion, Signatures,
                       OfficeSeal };

struct Piece {
  PieceKind kind = PieceKind::Heading;
  std::size_t block = 0;
  std::size_t first = 0;
  std::size_t count = 1;
  double y = 0;       // top, in points from the page's top edge
  double height = 0;  // in points
  std::int64_t pageSum = 0;  // PageSubtotal: the fen of the page's normal rows
};

struct Page {
  std::vector<Piece> pieces;
};

struct PagedDocument {
  std::shared_ptr<const Document> document;
  PageGeometry geometry;
  std::vector<Page> pages;

  int PageCount() const { return static_cast<int>(pages.size()); }
};

// Measures and paginates document. Always at least one page. Throws
// std::runtime_error when pango has no usable font map (no fonts installed).
PagedDocument Layout(const Document& document);

// Draws page pageIndex (0-based) of paged on cr, scaled by scale (1 = points;
// a 96-dpi preview uses 96/72). The caller's cairo state is saved and
// restored. Throws std::out_of_range for a page that does not exist.
void DrawPage(cairo_t* cr, const PagedDocument& paged, int pageIndex, double scale);

// Lays document out and writes every page to a PDF file; pango embeds the
// subset of each font used. Throws std::runtime_error when the file cannot be
// written.
void WritePdf(const Document& document, const std::filesystem::path& file);
void WritePdf(const PagedDocument& paged, const std::filesystem::path& file);

// Page pageIndex painted on a white ARGB32 image at dpi dots per inch, for
// previews; the caller owns the surface (cairo_surface_destroy). Throws
// std::out_of_range for a page that does not exist.
cairo_surface_t* RenderPageImage(const PagedDocument& paged, int pageIndex, double dpi);

// RenderPageImage written as a PNG file. Throws std::runtime_error when the
// file cannot be written.
void WritePagePng(const PagedDocument& paged, int pageIndex, double dpi, const std::filesystem::path& file);

}  // namespace doudi::reports
