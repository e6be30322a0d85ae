#pragma once
// One description of a document, from which every output is rendered: the
// HTML (html.h), the paginated pages drawn with cairo and pango for PDF,
// preview and printing (layout.h), and a roster's XLSX (xlsx.h). Builders of
// the document kinds (documents.h) fill it; the renderers never add content
// of their own beyond the page furniture (title, footer "第 n 页 共 m 页",
// repeated table headers, page subtotals).
//
// All text is UTF-8 and is taken literally: renderers escape it for their
// format, so a name like "<张三>" prints as written.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "doudi/model/money.h"

namespace doudi::reports {

// A section heading; kept on the same page as what follows it.
struct Heading {
  std::string text;
};

// Running text, wrapped to the page width; may continue on the next page
// between lines.
struct Paragraph {
  std::string text;
};

struct Field {
  std::string label;
  std::string value;
};

// Label/value pairs in a bordered grid of `columns` pairs per row; a long
// value wraps inside its cell. Rows of the grid never split across pages.
struct FieldGrid {
  int columns = 2;
  std::vector<Field> fields;
};

enum class Align { Left, Center, Right };

// What a column holds: numbers are written as numbers in XLSX and summed for
// page subtotals; money is integer fen shown as yuan ("1,234.56").
enum class ColumnKind { Text, Integer, Money };

struct Column {
  std::string header;
  double width = 1;  // relative to the other columns' widths
  Align align = Align::Left;
  ColumnKind kind = ColumnKind::Text;
};

// A cell's printed text and, in Integer and Money columns, its number (a
// count, or fen). A number column's cell without a number is blank in XLSX
// and counts as nothing in a page subtotal.
struct Cell {
  std::string text;
  std::optional<std::int64_t> number;
};

Cell TextCell(std::string text);
Cell IntegerCell(std::int64_t value);
Cell MoneyCell(model::Money amount);

// Normal rows are the data; subtotal and total rows are printed bold and are
// left out of page subtotals (they would count the same money twice).
enum class RowKind { Normal, Subtotal, Total };

struct Row {
  RowKind kind = RowKind::Normal;
  std::vector<Cell> cells;  // one per column
};

// A table whose header row is repeated on every page it spans. A row is never
// split across pages; long cell text wraps inside its cell. With
// pageTotalColumn set (the index of a Money column), each page's part of the
// table ends with a 本页小计 row summing that column's normal rows on the page.
struct Table {
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::optional<std::size_t> pageTotalColumn;
};

// A level's opinion on a form (村/镇/县 审核意见): the opinion text, who
// signed and when, and room for the office's seal. An empty signer or date
// prints a blank line to be filled by hand.
struct Opinion {
  std::string title;
  std::string text;
  std::string signerRole = "负责人";
  std::string signer;
  std::optional<std::chrono::year_month_day> date;
  bool seal = true;
};

// One signature box: the role (经办人, 审核人 ...), the printed name when known,
// a line for the handwritten signature and one for the date, and optionally a
// seal area (盖章).
struct Signature {
  std::string role;
  std::string name;  // blank line when empty
  bool seal = false;
};

// Signature boxes side by side, four to a row, kept together on one page.
struct Signatures {
  std::vector<Signature> boxes;
};

// The closing of a letter or notice (落款): the issuing office and the date at
// the right, with the seal area over them.
struct OfficeSeal {
  std::string office;
  std::chrono::year_month_day date{};
};

using Block = std::variant<Heading, Paragraph, FieldGrid, Table, Opinion, Signatures, OfficeSeal>;

enum class Orientation { Portrait, Landscape };

struct Document {
  std::string title;
  std::string subtitle;        // one line under the title; empty for none
  std::string number;          // 文书编号, printed under the title and in every footer
  std::string issuer;          // the issuing office
  std::chrono::year_month_day generatedOn{};
  Orientation orientation = Orientation::Portrait;
  std::vector<Block> blocks;
};

// "2025年3月5日": dates on documents are written the Chinese way.
std::string ChineseDate(std::chrono::year_month_day date);

// "2025年3月".
std::string ChineseMonth(std::chrono::year_month month);

}  // namespace doudi::reports
