#include "doudi/reports/html.h"

#include <algorithm>
#include <sstream>

namespace doudi::reports {
namespace {

// The print rules of the PDF, in CSS: A4 with 2 cm margins, headers repeated,
// rows and boxes kept whole, headings kept with what follows.
constexpr std::string_view kStyle = R"(
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "SimHei", sans-serif; font-size: 10.5pt; color: #000; margin: 0; }
.page { max-width: 170mm; margin: 0 auto; }
.landscape .page { max-width: 257mm; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; }
.subtitle { font-size: 11pt; text-align: center; margin: 0 0 4pt; }
.meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 12pt; }
h2 { font-size: 12pt; margin: 6pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 8pt; line-height: 1.5; white-space: pre-line; }
table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; table-layout: fixed; }
th, td { border: 0.6pt solid #000; padding: 3pt 4pt; vertical-align: middle; overflow-wrap: anywhere; word-break: break-all; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, .opinion, .signatures { break-inside: avoid; page-break-inside: avoid; }
th { background: #e0e0e0; font-size: 9pt; }
.grid th { background: #f0f0f0; font-weight: normal; font-size: 10pt; }
.grid td { font-size: 10pt; }
.data td { font-size: 9pt; }
.left { text-align: left; } .center { text-align: center; } .right { text-align: right; }
tr.subtotal td { font-weight: bold; background: #f2f2f2; }
tr.total td { font-weight: bold; background: #e6e6e6; }
.opinion { margin-bottom: 0; } .opinion + .opinion { border-top: none; }
.opinion th { width: 92pt; background: #f0f0f0; font-weight: normal; font-size: 10pt; }
.opinion .sign { text-align: right; margin-top: 10pt; font-size: 10pt; }
.seal { display: inline-block; width: 58pt; height: 58pt; line-height: 58pt; border: 0.6pt dashed #777; border-radius: 50%; text-align: center; font-size: 8.5pt; color: #444; margin: 6pt 0; }
.signatures td { width: 25%; vertical-align: top; font-size: 10pt; line-height: 2.2; }
.office { width: 220pt; margin-left: auto; text-align: center; break-inside: avoid; page-break-inside: avoid; }
.footer { font-size: 8.5pt; color: #444; border-top: 0.3pt solid #666; margin-top: 12pt; display: flex; justify-content: space-between; }
@page { size: A4; margin: 20mm; }
@page landscape { size: A4 landscape; margin: 20mm; }
.landscape { page: landscape; }
@media print { .page { max-width: none; } }
)";

const char* AlignClass(Align align) {
  switch (align) {
    case Align::Left:
      break;
    case Align::Center:
      return "center";
    case Align::Right:
      return "right";
  }
  return "left";
}

std::string DateOrBlank(const std::optional<std::chrono::year_month_day>& date) {
  return date ? ChineseDate(*date) : std::string("　　　　年　　月　　日");
}

std::string NameOrBlank(const std::string& name) {
  return name.empty() ? std::string("＿＿＿＿＿＿＿＿") : name;
}

// Percent widths with one decimal keep the column proportions of the PDF.
std::string Percent(double part, double total) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  out << (total > 0 ? 100 * part / total : 0) << '%';
  return out.str();
}

class HtmlWriter {
 public:
  explicit HtmlWriter(std::ostringstream& out) : m_out(out) {}

  void Write(const Heading& heading) { m_out << "<h2>" << EscapeHtml(heading.text) << "</h2>\n"; }

  void Write(const Paragraph& paragraph) { m_out << "<p>" << EscapeHtml(paragraph.text) << "</p>\n"; }

  void Write(const FieldGrid& grid) {
    const std::size_t columns = static_cast<std::size_t>(std::max(grid.columns, 1));
    m_out << "<table class=\"grid\">\n<colgroup>";
    for (std::size_t c = 0; c < columns; ++c) {
      const double label = 0.36 * static_cast<double>(columns) / static_cast<double>(std::max<std::size_t>(columns, 2));
      m_out << "<col style=\"width:" << Percent(label, static_cast<double>(columns)) << "\"><col style=\"width:"
            << Percent(1 - label, static_cast<double>(columns)) << "\">";
    }
    m_out << "</colgroup>\n";
    for (std::size_t i = 0; i < grid.fields.size(); i += columns) {
      m_out << "<tr>";
      for (std::size_t c = 0; c < columns; ++c) {
        if (i + c < grid.fields.size()) {
          m_out << "<th>" << EscapeHtml(grid.fields[i + c].label) << "</th><td>" << EscapeHtml(grid.fields[i + c].value)
                << "</td>";
        } else {
          m_out << "<th></th><td></td>";
        }
      }
      m_out << "</tr>\n";
    }
    m_out << "</table>\n";
  }

  void Write(const Table& table) {
    double total = 0;
    for (const Column& column : table.columns) {
      total += column.width;
    }
    m_out << "<table class=\"data\">\n<colgroup>";
    for (const Column& column : table.columns) {
      m_out << "<col style=\"width:" << Percent(column.width, total) << "\">";
    }
    m_out << "</colgroup>\n<thead><tr>";
    for (const Column& column : table.columns) {
      m_out << "<th>" << EscapeHtml(column.header) << "</th>";
    }
    m_out << "</tr></thead>\n<tbody>\n";
    for (const Row& row : table.rows) {
      WriteRow(table, row);
    }
    m_out << "</tbody>\n</table>\n";
  }

  void Write(const Opinion& opinion) {
    m_out << "<table class=\"opinion\"><tr><th>" << EscapeHtml(opinion.title) << "</th><td><div>"
          << EscapeHtml(opinion.text) << "</div><div class=\"sign\">";
    if (opinion.seal) {
      m_out << "<span class=\"seal\">（盖章）</span><br>";
    }
    m_out << EscapeHtml(opinion.signerRole) << "（签名）：" << EscapeHtml(NameOrBlank(opinion.signer)) << "　　"
          << EscapeHtml(DateOrBlank(opinion.date)) << "</div></td></tr></table>\n";
  }

  void Write(const Signatures& signatures) {
    m_out << "<table class=\"signatures\"><tr>";
    for (const Signature& box : signatures.boxes) {
      m_out << "<td><b>" << EscapeHtml(box.role) << "</b><br>姓名：" << EscapeHtml(NameOrBlank(box.name))
            << "<br>签名：" << NameOrBlank({}) << "<br>日期：" << DateOrBlank(std::nullopt);
      if (box.seal) {
        m_out << "<br><span class=\"seal\">（盖章）</span>";
      }
      m_out << "</td>";
    }
    m_out << "</tr></table>\n";
  }

  void Write(const OfficeSeal& seal) {
    m_out << "<div class=\"office\"><span class=\"seal\">（盖章）</span><br>" << EscapeHtml(seal.office) << "<br>"
          << ChineseDate(seal.date) << "</div>\n";
  }

 private:
  void WriteRow(const Table& table, const Row& row) {
    switch (row.kind) {
      case RowKind::Normal:
        m_out << "<tr>";
        break;
      case RowKind::Subtotal:
        m_out << "<tr class=\"subtotal\">";
        break;
      case RowKind::Total:
        m_out << "<tr class=\"total\">";
        break;
    }
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      m_out << "<td class=\"" << AlignClass(table.columns[c].align) << "\">"
            << (c < row.cells.size() ? EscapeHtml(row.cells[c].text) : std::string()) << "</td>";
    }
    m_out << "</tr>\n";
  }

  std::ostringstream& m_out;
};

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

// Page numbers belong to the printed pages, which only the browser knows: the
// footer says the document number and date, and the PDF carries "第 n 页".
std::string RenderHtml(const Document& document) {
  std::ostringstream out;
  const bool landscape = document.orientation == Orientation::Landscape;
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << EscapeHtml(document.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body"
      << (landscape ? " class=\"landscape\"" : "") << ">\n<div class=\"page\">\n<h1>" << EscapeHtml(document.title)
      << "</h1>\n";
  if (!document.subtitle.empty()) {
    out << "<div class=\"subtitle\">" << EscapeHtml(document.subtitle) << "</div>\n";
  }
  out << "<div class=\"meta\"><span>出具单位：" << EscapeHtml(document.issuer) << "</span><span>编号："
      << EscapeHtml(document.number) << "</span></div>\n";
  HtmlWriter writer(out);
  for (const Block& block : document.blocks) {
    std::visit([&](const auto& part) { writer.Write(part); }, block);
  }
  out << "<div class=\"footer\"><span>编号：" << EscapeHtml(document.number) << "</span><span>生成日期："
      << ChineseDate(document.generatedOn) << "</span></div>\n</div>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace doudi::reports
