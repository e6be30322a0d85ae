#include "parts.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "doudi/model/money.h"

namespace doudi::reports::detail {
namespace {

constexpr double kRule = 0.6;          // cell borders, in points
constexpr double kTitleGap = 4;        // between title, subtitle and meta line
constexpr double kTitleBottom = 12;    // below the title block
constexpr double kHeadingTop = 6;      // above a heading, apart from the block gap
constexpr double kLabelShare = 0.36;   // a grid pair's width given to the label
constexpr double kOpinionLabelWidth = 92;
constexpr double kSealDiameter = 58;
constexpr double kSignatureLineGap = 10;
constexpr double kGrayHeader = 0.88;
constexpr double kGrayLabel = 0.94;
constexpr double kGraySubtotal = 0.95;
constexpr double kGrayTotal = 0.90;

void Box(cairo_t* cr, double x, double y, double width, double height, double gray) {
  if (gray < 1) {
    cairo_set_source_rgb(cr, gray, gray, gray);
    cairo_rectangle(cr, x, y, width, height);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, kRule);
  cairo_rectangle(cr, x, y, width, height);
  cairo_stroke(cr);
}

// Text in a bordered cell, vertically centred, the way forms fill a box.
void CellText(cairo_t* cr, Typesetter& setter, Style style, const std::string& text, double x, double y,
              double width, double height, Align align) {
  const double inner = width - 2 * kCellPadX;
  const double textHeight = setter.Height(style, text, inner);
  setter.Draw(cr, style, text, x + kCellPadX, y + (height - textHeight) / 2, inner, align);
}

double CellHeight(Typesetter& setter, Style style, const std::string& text, double width) {
  return setter.Height(style, text, width - 2 * kCellPadX) + 2 * kCellPadY;
}

// A dashed circle marking where the office presses its seal.
void SealArea(cairo_t* cr, Typesetter& setter, double centerX, double centerY) {
  const double dash = 2.5;
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
  cairo_set_line_width(cr, kRule);
  cairo_set_dash(cr, &dash, 1, 0);
  cairo_new_path(cr);
  cairo_arc(cr, centerX, centerY, kSealDiameter / 2, 0, 2 * 3.141592653589793);
  cairo_stroke(cr);
  cairo_restore(cr);
  const double width = kSealDiameter;
  setter.Draw(cr, Style::Footer, "（盖章）", centerX - width / 2, centerY - setter.LineHeight(Style::Footer) / 2,
              width, Align::Center);
}

std::string DateOrBlank(const std::optional<std::chrono::year_month_day>& date) {
  return date ? ChineseDate(*date) : std::string("　　　　年　　月　　日");
}

std::string NameOrBlank(const std::string& name) {
  return name.empty() ? std::string("＿＿＿＿＿＿＿＿") : name;
}

// A pair's share of the row, but no wider than in a two-column grid: a
// one-column grid's label stays as wide as the labels above it.
double LabelWidth(double width, std::size_t columns) {
  return width / static_cast<double>(std::max<std::size_t>(columns, 2)) * kLabelShare;
}

Style RowStyle(RowKind kind) {
  return kind == RowKind::Normal ? Style::TableCell : Style::TableBold;
}

double RowGray(RowKind kind) {
  switch (kind) {
    case RowKind::Normal:
      break;
    case RowKind::Subtotal:
      return kGraySubtotal;
    case RowKind::Total:
      return kGrayTotal;
  }
  return 1;
}

}  // namespace

double TitleBlockHeight(Typesetter& setter, const Document& document, double width) {
  double height = setter.Height(Style::Title, document.title, width);
  if (!document.subtitle.empty()) {
    height += kTitleGap + setter.Height(Style::Subtitle, document.subtitle, width);
  }
  return height + kTitleGap + setter.LineHeight(Style::Meta) + kTitleBottom;
}

void DrawTitleBlock(cairo_t* cr, Typesetter& setter, const Document& document, double x, double y, double width) {
  y += setter.Draw(cr, Style::Title, document.title, x, y, width, Align::Center);
  if (!document.subtitle.empty()) {
    y += kTitleGap;
    y += setter.Draw(cr, Style::Subtitle, document.subtitle, x, y, width, Align::Center);
  }
  y += kTitleGap;
  const double half = width / 2;
  setter.Draw(cr, Style::Meta, "出具单位：" + document.issuer, x, y, half, Align::Left);
  setter.Draw(cr, Style::Meta, "编号：" + document.number, x + half, y, half, Align::Right);
}

double HeadingHeight(Typesetter& setter, const Heading& heading, double width) {
  return kHeadingTop + setter.Height(Style::Heading, heading.text, width) + kTitleGap;
}

void DrawHeading(cairo_t* cr, Typesetter& setter, const Heading& heading, double x, double y, double width) {
  setter.Draw(cr, Style::Heading, heading.text, x, y + kHeadingTop, width, Align::Left);
}

void DrawParagraphLines(cairo_t* cr, Typesetter& setter, const Paragraph& paragraph, std::size_t first,
                        std::size_t count, double x, double y, double width) {
  PangoLayout* layout = setter.Set(Style::Body, paragraph.text, width, Align::Left);
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  double firstTop = 0;
  std::size_t index = 0;
  do {
    if (index >= first && index < first + count) {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      if (index == first) {
        firstTop = static_cast<double>(logical.y) / PANGO_SCALE;
      }
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
      cairo_move_to(cr, x + static_cast<double>(logical.x) / PANGO_SCALE, y + baseline - firstTop);
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(iter));
    }
    ++index;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

std::size_t GridRowCount(const FieldGrid& grid) {
  const auto columns = static_cast<std::size_t>(std::max(grid.columns, 1));
  return (grid.fields.size() + columns - 1) / columns;
}

double GridRowHeight(Typesetter& setter, const FieldGrid& grid, std::size_t row, double width) {
  const auto columns = static_cast<std::size_t>(std::max(grid.columns, 1));
  const double pairWidth = width / static_cast<double>(columns);
  const double labelWidth = LabelWidth(width, columns);
  double height = setter.LineHeight(Style::Label) + 2 * kCellPadY;
  for (std::size_t i = row * columns; i < std::min(grid.fields.size(), (row + 1) * columns); ++i) {
    height = std::max(height, CellHeight(setter, Style::Label, grid.fields[i].label, labelWidth));
    height = std::max(height, CellHeight(setter, Style::Label, grid.fields[i].value, pairWidth - labelWidth));
  }
  return height;
}

void DrawGridRow(cairo_t* cr, Typesetter& setter, const FieldGrid& grid, std::size_t row, double x, double y,
                 double width, double height) {
  const auto columns = static_cast<std::size_t>(std::max(grid.columns, 1));
  const double pairWidth = width / static_cast<double>(columns);
  const double labelWidth = LabelWidth(width, columns);
  for (std::size_t c = 0; c < columns; ++c) {
    const std::size_t i = row * columns + c;
    const double left = x + static_cast<double>(c) * pairWidth;
    Box(cr, left, y, labelWidth, height, kGrayLabel);
    Box(cr, left + labelWidth, y, pairWidth - labelWidth, height, 1);
    if (i < grid.fields.size()) {
      CellText(cr, setter, Style::Label, grid.fields[i].label, left, y, labelWidth, height, Align::Center);
      CellText(cr, setter, Style::Label, grid.fields[i].value, left + labelWidth, y, pairWidth - labelWidth, height,
               Align::Left);
    }
  }
}

std::vector<double> ColumnWidths(const Table& table, double width) {
  const double total = std::accumulate(table.columns.begin(), table.columns.end(), 0.0,
                                       [](double sum, const Column& column) { return sum + column.width; });
  std::vector<double> widths;
  widths.reserve(table.columns.size());
  for (const Column& column : table.columns) {
    widths.push_back(total > 0 ? width * column.width / total : 0);
  }
  return widths;
}

double TableHeaderHeight(Typesetter& setter, const Table& table, const std::vector<double>& widths) {
  double height = setter.LineHeight(Style::TableBold) + 2 * kCellPadY;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    height = std::max(height, CellHeight(setter, Style::TableBold, table.columns[c].header, widths[c]));
  }
  return height;
}

double TableRowHeight(Typesetter& setter, const Row& row, const std::vector<double>& widths) {
  const Style style = RowStyle(row.kind);
  double height = setter.LineHeight(style) + 2 * kCellPadY;
  for (std::size_t c = 0; c < std::min(row.cells.size(), widths.size()); ++c) {
    height = std::max(height, CellHeight(setter, style, row.cells[c].text, widths[c]));
  }
  return height;
}

double PageSubtotalHeight(Typesetter& setter) {
  return setter.LineHeight(Style::TableBold) + 2 * kCellPadY;
}

void DrawTableHeader(cairo_t* cr, Typesetter& setter, const Table& table, const std::vector<double>& widths, double x,
                     double y, double height) {
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    Box(cr, x, y, widths[c], height, kGrayHeader);
    CellText(cr, setter, Style::TableBold, table.columns[c].header, x, y, widths[c], height, Align::Center);
    x += widths[c];
  }
}

void DrawTableRow(cairo_t* cr, Typesetter& setter, const Table& table, const Row& row,
                  const std::vector<double>& widths, double x, double y, double height) {
  const Style style = RowStyle(row.kind);
  const double gray = RowGray(row.kind);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    Box(cr, x, y, widths[c], height, gray);
    if (c < row.cells.size()) {
      CellText(cr, setter, style, row.cells[c].text, x, y, widths[c], height, table.columns[c].align);
    }
    x += widths[c];
  }
}

// 本页小计 spans the columns before the summed one; the rest stay empty.
void DrawPageSubtotal(cairo_t* cr, Typesetter& setter, const Table& table, const std::vector<double>& widths,
                      std::int64_t fen, double x, double y, double height) {
  const std::size_t sumColumn = table.pageTotalColumn.value_or(0);
  const double labelWidth = std::accumulate(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(sumColumn), 0.0);
  if (labelWidth > 0) {
    Box(cr, x, y, labelWidth, height, kGraySubtotal);
    CellText(cr, setter, Style::TableBold, "本页小计", x, y, labelWidth, height, Align::Center);
  }
  double left = x + labelWidth;
  for (std::size_t c = sumColumn; c < widths.size(); ++c) {
    Box(cr, left, y, widths[c], height, kGraySubtotal);
    if (c == sumColumn) {
      CellText(cr, setter, Style::TableBold, model::Money::FromFen(fen).ToDisplayString(), left, y, widths[c], height,
               Align::Right);
    }
    left += widths[c];
  }
}

// The title in a narrow column on the left; on the right the opinion, then
// the seal area and the line with the signer and the date.
double OpinionHeight(Typesetter& setter, const Opinion& opinion, double width) {
  const double textWidth = width - kOpinionLabelWidth - 2 * kCellPadX;
  double right = 2 * kCellPadY + setter.Height(Style::Body, opinion.text, textWidth) + kSignatureLineGap +
                 setter.LineHeight(Style::Label);
  if (opinion.seal) {
    right += kSealDiameter;
  }
  return std::max(right, CellHeight(setter, Style::Label, opinion.title, kOpinionLabelWidth));
}

void DrawOpinion(cairo_t* cr, Typesetter& setter, const Opinion& opinion, double x, double y, double width,
                 double height) {
  Box(cr, x, y, kOpinionLabelWidth, height, kGrayLabel);
  CellText(cr, setter, Style::Label, opinion.title, x, y, kOpinionLabelWidth, height, Align::Center);
  const double left = x + kOpinionLabelWidth;
  const double areaWidth = width - kOpinionLabelWidth;
  Box(cr, left, y, areaWidth, height, 1);
  const double textWidth = areaWidth - 2 * kCellPadX;
  setter.Draw(cr, Style::Body, opinion.text, left + kCellPadX, y + kCellPadY, textWidth, Align::Left);
  const double signY = y + height - kCellPadY - setter.LineHeight(Style::Label);
  if (opinion.seal) {
    SealArea(cr, setter, left + areaWidth - kCellPadX - 110, signY - kSealDiameter / 2 - 2);
  }
  const std::string line =
      opinion.signerRole + "（签名）：" + NameOrBlank(opinion.signer) + "　　" + DateOrBlank(opinion.date);
  setter.Draw(cr, Style::Label, line, left + kCellPadX, signY, textWidth, Align::Right);
}

namespace {

constexpr std::size_t kSignaturesPerRow = 4;

double SignatureBoxHeight(Typesetter& setter, bool seal) {
  const double lines = 4 * (setter.LineHeight(Style::Label) + kSignatureLineGap);
  return 2 * kCellPadY + lines + (seal ? kSealDiameter + kSignatureLineGap : 0);
}

bool AnySeal(const Signatures& signatures) {
  return std::any_of(signatures.boxes.begin(), signatures.boxes.end(), [](const Signature& box) { return box.seal; });
}

std::size_t SignatureRows(const Signatures& signatures) {
  return (signatures.boxes.size() + kSignaturesPerRow - 1) / kSignaturesPerRow;
}

}  // namespace

double SignaturesHeight(Typesetter& setter, const Signatures& signatures, double /*width*/) {
  return static_cast<double>(SignatureRows(signatures)) * SignatureBoxHeight(setter, AnySeal(signatures));
}

// Rows of up to four boxes; every box as wide as in a full row, so a lone
// last box keeps the same size as the others.
void DrawSignatures(cairo_t* cr, Typesetter& setter, const Signatures& signatures, double x, double y, double width,
                    double /*height*/) {
  const double perRow = static_cast<double>(std::min(signatures.boxes.size(), kSignaturesPerRow));
  const double boxWidth = width / std::max(perRow, 1.0);
  const double boxHeight = SignatureBoxHeight(setter, AnySeal(signatures));
  const double step = setter.LineHeight(Style::Label) + kSignatureLineGap;
  for (std::size_t i = 0; i < signatures.boxes.size(); ++i) {
    const Signature& box = signatures.boxes[i];
    const double left = x + static_cast<double>(i % kSignaturesPerRow) * boxWidth;
    const double top = y + static_cast<double>(i / kSignaturesPerRow) * boxHeight;
    Box(cr, left, top, boxWidth, boxHeight, 1);
    const double inner = boxWidth - 2 * kCellPadX;
    double lineY = top + kCellPadY + kSignatureLineGap / 2;
    setter.Draw(cr, Style::TableBold, box.role, left + kCellPadX, lineY, inner, Align::Left);
    lineY += step;
    setter.Draw(cr, Style::Label, "姓名：" + NameOrBlank(box.name), left + kCellPadX, lineY, inner, Align::Left);
    lineY += step;
    setter.Draw(cr, Style::Label, "签名：" + NameOrBlank({}), left + kCellPadX, lineY, inner, Align::Left);
    lineY += step;
    setter.Draw(cr, Style::Label, "日期：" + DateOrBlank(std::nullopt), left + kCellPadX, lineY, inner, Align::Left);
    if (box.seal) {
      SealArea(cr, setter, left + boxWidth / 2, lineY + step + kSealDiameter / 2);
    }
  }
}

double OfficeSealHeight(Typesetter& setter) {
  return kSignatureLineGap + kSealDiameter + 2 * setter.LineHeight(Style::Body);
}

// The seal area stands just above the office's name and the date, so the
// printed text stays legible until the seal is pressed over it.
void DrawOfficeSeal(cairo_t* cr, Typesetter& setter, const OfficeSeal& seal, double x, double y, double width) {
  const double blockWidth = 220;
  const double left = x + width - blockWidth;
  const double lineHeight = setter.LineHeight(Style::Body);
  const double textTop = y + kSignatureLineGap + kSealDiameter;
  SealArea(cr, setter, left + blockWidth / 2, textTop - kSealDiameter / 2);
  setter.Draw(cr, Style::Body, seal.office, left, textTop, blockWidth, Align::Center);
  setter.Draw(cr, Style::Body, ChineseDate(seal.date), left, textTop + lineHeight, blockWidth, Align::Center);
}

void DrawFooter(cairo_t* cr, Typesetter& setter, const Document& document, const PageGeometry& geometry,
                int pageNumber, int pageCount) {
  const double x = geometry.margin;
  const double width = geometry.BodyWidth();
  const double y = geometry.height - geometry.margin - setter.LineHeight(Style::Footer);
  cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
  cairo_set_line_width(cr, kRule / 2);
  cairo_move_to(cr, x, y - 4);
  cairo_line_to(cr, x + width, y - 4);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  const double third = width / 3;
  setter.Draw(cr, Style::Footer, "编号：" + document.number, x, y, third, Align::Left);
  setter.Draw(cr, Style::Footer,
              "第 " + std::to_string(pageNumber) + " 页 共 " + std::to_string(pageCount) + " 页", x + third, y,
              third, Align::Center);
  setter.Draw(cr, Style::Footer, "生成日期：" + ChineseDate(document.generatedOn), x + 2 * third, y, third,
              Align::Right);
}

}  // namespace doudi::reports::detail
