#include "doudi/reports/layout.h"

#include <cairo-pdf.h>

#include <stdexcept>
#include <type_traits>

#include "parts.h"
#include "typesetter.h"

namespace doudi::reports {
namespace {

using detail::Typesetter;

// Tolerance for rounding in the sums of heights, far below a visible amount.
constexpr double kEpsilon = 1e-6;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};

// Places pieces top to bottom, opening a new page when one does not fit.
class Paginator {
 public:
  Paginator(PagedDocument& paged, Typesetter& setter)
      : m_paged(paged), m_setter(setter), m_geometry(paged.geometry), m_width(m_geometry.BodyWidth()) {
    NewPage();
  }

  void Title(const Document& document) {
    Place(Piece{PieceKind::TitleBlock, 0, 0, 1, 0, detail::TitleBlockHeight(m_setter, document, m_width), 0});
  }

  void Blocks(const std::vector<Block>& blocks) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      std::visit(Overloaded{
                     [&](const Heading& heading) { PlaceHeading(heading, i, blocks); },
                     [&](const Paragraph& paragraph) { PlaceParagraph(paragraph, i); },
                     [&](const FieldGrid& grid) { PlaceGrid(grid, i); },
                     [&](const Table& table) { PlaceTable(table, i); },
                     [&](const Opinion& opinion) { PlaceWhole(PieceKind::Opinion, i, detail::OpinionHeight(m_setter, opinion, m_width)); },
                     [&](const Signatures& signatures) { PlaceWhole(PieceKind::Signatures, i, detail::SignaturesHeight(m_setter, signatures, m_width)); },
                     [&](const OfficeSeal&) { PlaceWhole(PieceKind::OfficeSeal, i, detail::OfficeSealHeight(m_setter)); },
                 },
                 blocks[i]);
      // Headings keep their own spacing; the opinions of successive levels
      // stack into one bordered form, as on the paper approval form.
      const bool stacked = std::holds_alternative<Opinion>(blocks[i]) && i + 1 < blocks.size() &&
                           std::holds_alternative<Opinion>(blocks[i + 1]);
      if (!std::holds_alternative<Heading>(blocks[i]) && !stacked) {
        m_y += detail::kBlockGap;
      }
    }
  }

 private:
  bool Fits(double height) const { return m_y + height <= m_geometry.BodyBottom() + kEpsilon; }
  bool PageIsEmpty() const { return m_y <= m_geometry.BodyTop() + kEpsilon; }

  void NewPage() {
    m_paged.pages.emplace_back();
    m_y = m_geometry.BodyTop();
  }

  // Breaks the page first unless height fits or the page is still empty (a
  // part taller than a page is drawn anyway rather than lost).
  void MakeRoom(double height) {
    if (!Fits(height) && !PageIsEmpty()) {
      NewPage();
    }
  }

  void Place(Piece piece) {
    piece.y = m_y;
    m_y += piece.height;
    m_paged.pages.back().pieces.push_back(piece);
  }

  void PlaceWhole(PieceKind kind, std::size_t block, double height) {
    MakeRoom(height);
    Place(Piece{kind, block, 0, 1, 0, height, 0});
  }

  // What must stand on the same page as a heading: the first line, grid row or
  // table row of the next block, or the whole of an opinion or signatures.
  double FirstUnitHeight(const Block& block) {
    return std::visit(
        Overloaded{
            [&](const Heading& heading) { return detail::HeadingHeight(m_setter, heading, m_width); },
            [&](const Paragraph&) { return m_setter.LineHeight(detail::Style::Body); },
            [&](const FieldGrid& grid) {
              return grid.fields.empty() ? 0.0 : detail::GridRowHeight(m_setter, grid, 0, m_width);
            },
            [&](const Table& table) {
              const auto widths = detail::ColumnWidths(table, m_width);
              double height = detail::TableHeaderHeight(m_setter, table, widths);
              if (!table.rows.empty()) {
                height += detail::TableRowHeight(m_setter, table.rows.front(), widths);
              }
              return height + (table.pageTotalColumn ? detail::PageSubtotalHeight(m_setter) : 0.0);
            },
            [&](const Opinion& opinion) { return detail::OpinionHeight(m_setter, opinion, m_width); },
            [&](const Signatures& signatures) { return detail::SignaturesHeight(m_setter, signatures, m_width); },
            [&](const OfficeSeal&) { return detail::OfficeSealHeight(m_setter); },
        },
        block);
  }

  void PlaceHeading(const Heading& heading, std::size_t i, const std::vector<Block>& blocks) {
    const double height = detail::HeadingHeight(m_setter, heading, m_width);
    MakeRoom(height + (i + 1 < blocks.size() ? FirstUnitHeight(blocks[i + 1]) : 0.0));
    Place(Piece{PieceKind::Heading, i, 0, 1, 0, height, 0});
  }

  void PlaceParagraph(const Paragraph& paragraph, std::size_t i) {
    const auto lines = m_setter.Lines(detail::Style::Body, paragraph.text, m_width);
    std::size_t first = 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (!Fits(lines[k].bottom - lines[first].top)) {
        if (k > first) {
          Place(Piece{PieceKind::ParagraphLines, i, first, k - first, 0, lines[k].top - lines[first].top, 0});
          first = k;
        }
        if (!PageIsEmpty()) {
          NewPage();
        }
      }
    }
    Place(Piece{PieceKind::ParagraphLines, i, first, lines.size() - first, 0, lines.back().bottom - lines[first].top, 0});
  }

  void PlaceGrid(const FieldGrid& grid, std::size_t i) {
    for (std::size_t row = 0; row < detail::GridRowCount(grid); ++row) {
      const double height = detail::GridRowHeight(m_setter, grid, row, m_width);
      MakeRoom(height);
      Place(Piece{PieceKind::GridRow, i, row, 1, 0, height, 0});
    }
  }

  void PlaceTable(const Table& table, std::size_t i) {
    const auto widths = detail::ColumnWidths(table, m_width);
    const double header = detail::TableHeaderHeight(m_setter, table, widths);
    const double subtotal = table.pageTotalColumn ? detail::PageSubtotalHeight(m_setter) : 0.0;
    MakeRoom(FirstUnitHeight(table));
    Place(Piece{PieceKind::TableHeader, i, 0, 1, 0, header, 0});
    std::int64_t pageSum = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const Row& row = table.rows[r];
      const double height = detail::TableRowHeight(m_setter, row, widths);
      if (!Fits(height + subtotal)) {
        PlacePageSubtotal(table, i, subtotal, pageSum);
        NewPage();
        Place(Piece{PieceKind::TableHeader, i, 0, 1, 0, header, 0});
        pageSum = 0;
      }
      Place(Piece{PieceKind::TableRow, i, r, 1, 0, height, 0});
      pageSum += PageSumOf(table, row);
    }
    PlacePageSubtotal(table, i, subtotal, pageSum);
  }

  static std::int64_t PageSumOf(const Table& table, const Row& row) {
    if (!table.pageTotalColumn || row.kind != RowKind::Normal || *table.pageTotalColumn >= row.cells.size()) {
      return 0;
    }
    return row.cells[*table.pageTotalColumn].number.value_or(0);
  }

  void PlacePageSubtotal(const Table& table, std::size_t i, double height, std::int64_t pageSum) {
    if (table.pageTotalColumn) {
      Place(Piece{PieceKind::PageSubtotal, i, 0, 1, 0, height, pageSum});
    }
  }

  PagedDocument& m_paged;
  Typesetter& m_setter;
  PageGeometry m_geometry;
  double m_width;
  double m_y = 0;
};

void DrawPiece(cairo_t* cr, Typesetter& setter, const PagedDocument& paged, const Piece& piece) {
  const Document& document = *paged.document;
  const double x = paged.geometry.margin;
  const double width = paged.geometry.BodyWidth();
  if (piece.kind == PieceKind::TitleBlock) {
    detail::DrawTitleBlock(cr, setter, document, x, piece.y, width);
    return;
  }
  const Block& block = document.blocks.at(piece.block);
  switch (piece.kind) {
    case PieceKind::TitleBlock:
      break;
    case PieceKind::Heading:
      detail::DrawHeading(cr, setter, std::get<Heading>(block), x, piece.y, width);
      break;
    case PieceKind::ParagraphLines:
      detail::DrawParagraphLines(cr, setter, std::get<Paragraph>(block), piece.first, piece.count, x, piece.y, width);
      break;
    case PieceKind::GridRow:
      detail::DrawGridRow(cr, setter, std::get<FieldGrid>(block), piece.first, x, piece.y, width, piece.height);
      break;
    case PieceKind::TableHeader: {
      const auto& table = std::get<Table>(block);
      detail::DrawTableHeader(cr, setter, table, detail::ColumnWidths(table, width), x, piece.y, piece.height);
      break;
    }
    case PieceKind::TableRow: {
      const auto& table = std::get<Table>(block);
      detail::DrawTableRow(cr, setter, table, table.rows.at(piece.first), detail::ColumnWidths(table, width), x,
                           piece.y, piece.height);
      break;
    }
    case PieceKind::PageSubtotal: {
      const auto& table = std::get<Table>(block);
      detail::DrawPageSubtotal(cr, setter, table, detail::ColumnWidths(table, width), piece.pageSum, x, piece.y,
                               piece.height);
      break;
    }
    case PieceKind::Opinion:
      detail::DrawOpinion(cr, setter, std::get<Opinion>(block), x, piece.y, width, piece.height);
      break;
    case PieceKind::Signatures:
      detail::DrawSignatures(cr, setter, std::get<Signatures>(block), x, piece.y, width, piece.height);
      break;
    case PieceKind::OfficeSeal:
      detail::DrawOfficeSeal(cr, setter, std::get<OfficeSeal>(block), x, piece.y, width);
      break;
  }
}

void Check(cairo_status_t status, const std::string& what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(what + ": " + cairo_status_to_string(status));
  }
}

}  // namespace

PageGeometry GeometryFor(Orientation orientation) {
  PageGeometry geometry;
  if (orientation == Orientation::Landscape) {
    geometry.width = kA4LongSide;
    geometry.height = kA4ShortSide;
  }
  return geometry;
}

PagedDocument Layout(const Document& document) {
  PagedDocument paged;
  paged.document = std::make_shared<const Document>(document);
  paged.geometry = GeometryFor(document.orientation);
  Typesetter setter;
  Paginator paginator(paged, setter);
  paginator.Title(document);
  paginator.Blocks(document.blocks);
  return paged;
}

void DrawPage(cairo_t* cr, const PagedDocument& paged, int pageIndex, double scale) {
  if (pageIndex < 0 || pageIndex >= paged.PageCount()) {
    throw std::out_of_range("DrawPage: no page " + std::to_string(pageIndex) + " in a document of " +
                            std::to_string(paged.PageCount()));
  }
  cairo_save(cr);
  cairo_scale(cr, scale, scale);
  cairo_set_source_rgb(cr, 0, 0, 0);
  // The context is made after the scale so pango sees the final transform.
  Typesetter setter(cr);
  for (const Piece& piece : paged.pages[static_cast<std::size_t>(pageIndex)].pieces) {
    DrawPiece(cr, setter, paged, piece);
  }
  detail::DrawFooter(cr, setter, *paged.document, paged.geometry, pageIndex + 1, paged.PageCount());
  cairo_restore(cr);
}

void WritePdf(const Document& document, const std::filesystem::path& file) {
  WritePdf(Layout(document), file);
}

void WritePdf(const PagedDocument& paged, const std::filesystem::path& file) {
  cairo_surface_t* surface =
      cairo_pdf_surface_create(file.string().c_str(), paged.geometry.width, paged.geometry.height);
  const Document& document = *paged.document;
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, document.issuer.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Doudi");
  cairo_t* cr = cairo_create(surface);
  for (int page = 0; page < paged.PageCount(); ++page) {
    DrawPage(cr, paged, page, 1);
    cairo_show_page(cr);
  }
  const cairo_status_t drawStatus = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t surfaceStatus = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  Check(drawStatus, "drawing " + file.string());
  Check(surfaceStatus, "writing " + file.string());
}

cairo_surface_t* RenderPageImage(const PagedDocument& paged, int pageIndex, double dpi) {
  const double scale = dpi / 72;
  cairo_surface_t* surface = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, static_cast<int>(paged.geometry.width * scale + 0.5),
      static_cast<int>(paged.geometry.height * scale + 0.5));
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  try {
    DrawPage(cr, paged, pageIndex, scale);
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_destroy(cr);
  return surface;
}

void WritePagePng(const PagedDocument& paged, int pageIndex, double dpi, const std::filesystem::path& file) {
  cairo_surface_t* surface = RenderPageImage(paged, pageIndex, dpi);
  const cairo_status_t status = cairo_surface_write_to_png(surface, file.string().c_str());
  cairo_surface_destroy(surface);
  Check(status, "writing " + file.string());
}

}  // namespace doudi::reports
