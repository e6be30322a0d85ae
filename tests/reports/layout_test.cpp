// The pagination rules on small hand-made documents.

#include <boost/test/unit_test.hpp>

#include "doudi/reports/layout.h"

namespace doudi::reports {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Document Blank() {
  Document document;
  document.title = "测试文书";
  document.number = "测〔2025〕1号";
  document.issuer = "三门县民政局";
  document.generatedOn = year{2025} / month{3} / day{1};
  return document;
}

Table NameTable(std::size_t rows, const std::string& text) {
  Table table;
  table.columns = {{"序号", 1, Align::Center, ColumnKind::Integer},
                   {"说明", 6, Align::Left, ColumnKind::Text},
                   {"金额", 2, Align::Right, ColumnKind::Money}};
  table.pageTotalColumn = 2;
  for (std::size_t i = 0; i < rows; ++i) {
    table.rows.push_back(Row{RowKind::Normal, {IntegerCell(static_cast<std::int64_t>(i + 1)), TextCell(text),
                                               MoneyCell(model::Money::FromFen(100))}});
  }
  return table;
}

std::size_t Count(const PagedDocument& paged, PieceKind kind) {
  std::size_t count = 0;
  for (const Page& page : paged.pages) {
    for (const Piece& piece : page.pieces) {
      count += piece.kind == kind ? 1 : 0;
    }
  }
  return count;
}

BOOST_AUTO_TEST_SUITE(layout)

BOOST_AUTO_TEST_CASE(an_empty_document_is_one_page) {
  const PagedDocument paged = Layout(Blank());
  BOOST_TEST(paged.PageCount() == 1);
  BOOST_TEST(paged.geometry.width == kA4ShortSide);
}

BOOST_AUTO_TEST_CASE(long_cell_text_wraps_inside_its_row) {
  Document document = Blank();
  document.blocks.emplace_back(NameTable(1, "短"));
  document.blocks.emplace_back(NameTable(1,
      "申请人家庭成员中有两人长期患病，需要定期前往县人民医院治疗，医疗费用自付部分较高，家庭日常生活十分困难，"
      "村民代表会议一致同意推荐。"));
  const PagedDocument paged = Layout(document);
  std::vector<double> heights;
  for (const Piece& piece : paged.pages[0].pieces) {
    if (piece.kind == PieceKind::TableRow) {
      heights.push_back(piece.height);
    }
  }
  BOOST_REQUIRE_EQUAL(heights.size(), 2U);
  BOOST_TEST(heights[1] > 1.5 * heights[0]);  // two lines or more in the same row
}

BOOST_AUTO_TEST_CASE(rows_never_split_and_each_page_gets_header_and_subtotal) {
  Document document = Blank();
  document.blocks.emplace_back(NameTable(150, "三门县海游街道悬渚村前洋路十八号，长期患病，无劳动能力"));
  const PagedDocument paged = Layout(document);
  BOOST_REQUIRE_GT(paged.PageCount(), 2);
  BOOST_TEST(Count(paged, PieceKind::TableHeader) == static_cast<std::size_t>(paged.PageCount()));
  BOOST_TEST(Count(paged, PieceKind::PageSubtotal) == static_cast<std::size_t>(paged.PageCount()));
  BOOST_TEST(Count(paged, PieceKind::TableRow) == 150U);
  std::int64_t total = 0;
  for (const Page& page : paged.pages) {
    std::int64_t rows = 0;
    for (const Piece& piece : page.pieces) {
      BOOST_TEST(piece.y + piece.height <= paged.geometry.BodyBottom() + 1e-6);
      rows += piece.kind == PieceKind::TableRow ? 1 : 0;
      if (piece.kind == PieceKind::PageSubtotal) {
        BOOST_TEST(piece.pageSum == rows * 100);
        total += piece.pageSum;
      }
    }
  }
  BOOST_TEST(total == 150 * 100);
}

BOOST_AUTO_TEST_CASE(subtotal_rows_are_not_counted_in_page_totals) {
  Document document = Blank();
  Table table = NameTable(2, "甲");
  table.rows.push_back(Row{RowKind::Subtotal, {TextCell(""), TextCell("小计"), MoneyCell(model::Money::FromFen(200))}});
  document.blocks.emplace_back(std::move(table));
  const PagedDocument paged = Layout(document);
  BOOST_TEST((paged.pages[0].pieces.back().kind == PieceKind::PageSubtotal));
  BOOST_TEST(paged.pages[0].pieces.back().pageSum == 200);
}

BOOST_AUTO_TEST_CASE(a_long_paragraph_breaks_between_lines) {
  Document document = Blank();
  std::string text;
  for (int i = 0; i < 120; ++i) {
    text += "家庭经济状况核对结果显示，该户无机动车辆、无工商登记、无商品房。";
  }
  document.blocks.emplace_back(Paragraph{text});
  const PagedDocument paged = Layout(document);
  BOOST_REQUIRE_GT(paged.PageCount(), 1);
  std::size_t next = 0;
  for (const Page& page : paged.pages) {
    for (const Piece& piece : page.pieces) {
      if (piece.kind == PieceKind::ParagraphLines) {
        BOOST_TEST(piece.first == next);  // lines continue where the last page stopped
        next += piece.count;
        BOOST_TEST(piece.y + piece.height <= paged.geometry.BodyBottom() + 1e-6);
      }
    }
  }
  BOOST_TEST(next > 40U);
}

BOOST_AUTO_TEST_CASE(a_heading_moves_with_what_follows) {
  Document document = Blank();
  document.blocks.emplace_back(NameTable(1, "甲"));
  const PagedDocument one = Layout(document);
  const Piece& lastRow = one.pages[0].pieces.back();
  // Fill the page with rows until a heading and a signature block no longer fit after them.
  const double free = one.geometry.BodyBottom() - lastRow.y - lastRow.height;
  Table filler = NameTable(static_cast<std::size_t>(free / lastRow.height) - 4, "甲");
  document.blocks.clear();
  document.blocks.emplace_back(std::move(filler));
  document.blocks.emplace_back(Heading{"签字"});
  document.blocks.emplace_back(Signatures{{{"经办人", "", false}, {"负责人", "", true}}});
  const PagedDocument paged = Layout(document);
  BOOST_REQUIRE_EQUAL(paged.PageCount(), 2);
  BOOST_TEST((paged.pages[1].pieces.front().kind == PieceKind::Heading));
  BOOST_TEST((paged.pages[1].pieces.back().kind == PieceKind::Signatures));
}

BOOST_AUTO_TEST_CASE(drawing_a_missing_page_throws) {
  const PagedDocument paged = Layout(Blank());
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t* cr = cairo_create(surface);
  BOOST_CHECK_THROW(DrawPage(cr, paged, 1, 1), std::out_of_range);
  BOOST_CHECK_THROW(DrawPage(cr, paged, -1, 1), std::out_of_range);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace doudi::reports
