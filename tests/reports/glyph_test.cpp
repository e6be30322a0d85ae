// Every glyph that cairo draws on a preview must also be drawn by a PDF
// viewer. cairo 1.16's CFF subsetter dropped a local subroutine of the SC
// form of 如 in Noto Sans CJK, so poppler drew it blank although the text
// layer had it (docs/documents.md, "The blank 如"). This test sets about 200
// characters of the documents, one per table cell, in the regular and the
// bold face, and compares each cell's ink in poppler's rendering of the PDF
// (pdftoppm) with cairo's own rendering of the same page.

#include <boost/test/unit_test.hpp>

#include <cairo.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "doudi/reports/layout.h"
#include "report_support.h"

namespace doudi::reports {
namespace {

using testing::Quote;
using testing::Run;
using testing::ScratchDir;

// Characters of the approval form, decision, refusal and notices, 如 first.
constexpr std::string_view kText =
    "如对本决定不服可在收到之日起六十日内向人民政府申请行政复议或者个月内法院提起诉讼"
    "最低生活保障审批表家庭成员姓名性别年龄身份证号码与户主关系健康状况劳动能力月收入"
    "工资性经营净财产转移赡养费合计标准人均差额按月发放金额元角分村居民委员会意见乡镇街道"
    "审核县市民政局批准签字盖章日期经办人负责入户调查住房情况结论公示名单期内有异议请向"
    "反映联系电话花名册银行账号户籍地址申请理由因病致贫残疾二级慢性子女上学无其他来源"
    "特困供养临时救助医疗教育住就业司法帮扶档案历史变更停止恢复不予通知书依据条例第款";

constexpr int kColumns = 12;
constexpr double kDpi = 144;

std::vector<std::string> Characters(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    out.emplace_back(text.substr(i, n));
    i += n;
  }
  return out;
}

struct Gray {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // 0 black .. 255 white
  int At(int x, int y) const { return pixels[Index(x, y)]; }
  std::size_t Index(int x, int y) const {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
  }
};

Gray ReadPgm(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string magic;
  int maxValue = 0;
  Gray gray;
  in >> magic >> gray.width >> gray.height >> maxValue;
  in.get();
  BOOST_REQUIRE(magic == "P5" && maxValue == 255);
  gray.pixels.resize(gray.Index(0, gray.height));
  in.read(reinterpret_cast<char*>(gray.pixels.data()), static_cast<std::streamsize>(gray.pixels.size()));
  BOOST_REQUIRE(in);
  return gray;
}

Gray FromSurface(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  Gray gray;
  gray.width = cairo_image_surface_get_width(surface);
  gray.height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  gray.pixels.resize(gray.Index(0, gray.height));
  for (int y = 0; y < gray.height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < gray.width; ++x) {
      const std::uint32_t p = row[x];  // opaque white background: premultiplied = plain
      const int r = (p >> 16) & 0xFF;
      const int g = (p >> 8) & 0xFF;
      const int b = p & 0xFF;
      gray.pixels[gray.Index(x, y)] = static_cast<std::uint8_t>((r * 30 + g * 59 + b * 11) / 100);
    }
  }
  return gray;
}

// Dark pixels inside a rectangle given in points.
int Ink(const Gray& gray, double left, double top, double right, double bottom) {
  const double s = kDpi / 72;
  int count = 0;
  for (int y = static_cast<int>(top * s); y < static_cast<int>(bottom * s) && y < gray.height; ++y) {
    for (int x = static_cast<int>(left * s); x < static_cast<int>(right * s) && x < gray.width; ++x) {
      count += gray.At(x, y) < 128 ? 1 : 0;
    }
  }
  return count;
}

BOOST_AUTO_TEST_SUITE(glyphs)

BOOST_AUTO_TEST_CASE(every_glyph_of_the_pdf_has_the_ink_of_the_preview) {
  const std::vector<std::string> characters = Characters(kText);
  BOOST_REQUIRE_GE(characters.size(), 200u);

  Table table;
  for (int c = 0; c < kColumns; ++c) {
    table.columns.push_back(Column{.header = std::to_string(c + 1), .width = 1, .align = Align::Center});
  }
  // Each character twice: in a normal row (regular face) and a subtotal row
  // (bold face).
  for (std::size_t first = 0; first < characters.size(); first += kColumns) {
    for (const RowKind kind : {RowKind::Normal, RowKind::Subtotal}) {
      Row row;
      row.kind = kind;
      for (int c = 0; c < kColumns; ++c) {
        const std::size_t i = first + static_cast<std::size_t>(c);
        Cell cell;
        cell.text = i < characters.size() ? characters[i] : std::string();
        row.cells.push_back(cell);
      }
      table.rows.push_back(row);
    }
  }
  Document document;
  document.title = "字形";
  document.number = "1";
  document.generatedOn = std::chrono::year{2026} / 1 / 1;
  document.blocks.emplace_back(table);

  const PagedDocument paged = Layout(document);
  ScratchDir dir;
  const auto pdf = dir / "glyphs.pdf";
  WritePdf(paged, pdf);
  const double width = paged.geometry.BodyWidth() / kColumns;
  const double left = paged.geometry.margin;

  int cells = 0;
  for (int page = 0; page < paged.PageCount(); ++page) {
    Run("pdftoppm -gray -r " + std::to_string(static_cast<int>(kDpi)) + " -f " + std::to_string(page + 1) + " -l " +
        std::to_string(page + 1) + " -singlefile " + Quote(pdf) + " " + Quote(dir / "page"));
    const Gray viewer = ReadPgm(dir / "page.pgm");
    cairo_surface_t* surface = RenderPageImage(paged, page, kDpi);
    const Gray preview = FromSurface(surface);
    cairo_surface_destroy(surface);
    BOOST_REQUIRE_EQUAL(viewer.width, preview.width);

    for (const Piece& piece : paged.pages[static_cast<std::size_t>(page)].pieces) {
      if (piece.kind != PieceKind::TableRow) {
        continue;
      }
      for (std::size_t r = piece.first; r < piece.first + piece.count; ++r) {
        // One row per piece; its cells, inset to leave the borders out.
        const Row& row = table.rows[r];
        for (int c = 0; c < kColumns; ++c) {
          const std::string& text = row.cells[static_cast<std::size_t>(c)].text;
          if (text.empty()) {
            continue;
          }
          const double x0 = left + c * width + 2;
          const double x1 = left + (c + 1) * width - 2;
          const double y0 = piece.y + 2;
          const double y1 = piece.y + piece.height - 2;
          const int expected = Ink(preview, x0, y0, x1, y1);
          const int drawn = Ink(viewer, x0, y0, x1, y1);
          ++cells;
          BOOST_TEST(expected > 0, "cairo drew nothing for " << text);
          BOOST_TEST(drawn * 2 > expected, "the PDF shows " << text << (row.kind == RowKind::Normal ? "" : " (bold)")
                                                            << " with " << drawn << " dark pixels, the preview with "
                                                            << expected);
        }
      }
    }
  }
  BOOST_TEST(cells == static_cast<int>(2 * characters.size()));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace doudi::reports
