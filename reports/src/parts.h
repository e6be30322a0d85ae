#pragma once
// Internal: each part of a page measured and drawn side by side, so that the
// height Layout reserves for a part is the height DrawPage fills.

#include <cairo.h>

#include <vector>

#include "doudi/reports/document.h"
#include "doudi/reports/layout.h"
#include "typesetter.h"

namespace doudi::reports::detail {

inline constexpr double kBlockGap = 8;  // space after every block

double TitleBlockHeight(Typesetter& setter, const Document& document, double width);
void DrawTitleBlock(cairo_t* cr, Typesetter& setter, const Document& document, double x, double y, double width);

double HeadingHeight(Typesetter& setter, const Heading& heading, double width);
void DrawHeading(cairo_t* cr, Typesetter& setter, const Heading& heading, double x, double y, double width);

// Draws lines [first, first + count) of paragraph with the first line's top at y.
void DrawParagraphLines(cairo_t* cr, Typesetter& setter, const Paragraph& paragraph, std::size_t first,
                        std::size_t count, double x, double y, double width);

// Row `row` of a grid holds fields [row × columns, row × columns + columns).
std::size_t GridRowCount(const FieldGrid& grid);
double GridRowHeight(Typesetter& setter, const FieldGrid& grid, std::size_t row, double width);
void DrawGridRow(cairo_t* cr, Typesetter& setter, const FieldGrid& grid, std::size_t row, double x, double y,
                 double width, double height);

std::vector<double> ColumnWidths(const Table& table, double width);
double TableHeaderHeight(Typesetter& setter, const Table& table, const std::vector<double>& widths);
double TableRowHeight(Typesetter& setter, const Row& row, const std::vector<double>& widths);
double PageSubtotalHeight(Typesetter& setter);
void DrawTableHeader(cairo_t* cr, Typesetter& setter, const Table& table, const std::vector<double>& widths, double x,
                     double y, double height);
void DrawTableRow(cairo_t* cr, Typesetter& setter, const Table& table, const Row& row,
                  const std::vector<double>& widths, double x, double y, double height);
void DrawPageSubtotal(cairo_t* cr, Typesetter& setter, const Table& table, const std::vector<double>& widths,
                      std::int64_t fen, double x, double y, double height);

double OpinionHeight(Typesetter& setter, const Opinion& opinion, double width);
void DrawOpinion(cairo_t* cr, Typesetter& setter, const Opinion& opinion, double x, double y, double width,
                 double height);

double SignaturesHeight(Typesetter& setter, const Signatures& signatures, double width);
void DrawSignatures(cairo_t* cr, Typesetter& setter, const Signatures& signatures, double x, double y, double width,
                    double height);

double OfficeSealHeight(Typesetter& setter);
void DrawOfficeSeal(cairo_t* cr, Typesetter& setter, const OfficeSeal& seal, double x, double y, double width);

void DrawFooter(cairo_t* cr, Typesetter& setter, const Document& document, const PageGeometry& geometry,
                int pageNumber, int pageCount);

}  // namespace doudi::reports::detail
