#pragma once
// Rosters as spreadsheets (libxlsxwriter): finance and the villages work on
// the payment and notice rosters in a spreadsheet, so numbers go in as
// numbers and money as yuan with two decimals, never as text.

#include <filesystem>

#include "doudi/reports/document.h"

namespace doudi::reports {

// Writes each table of document as one worksheet: the header row bold and
// frozen, column widths from the columns' relative widths, Integer cells as
// numbers, Money cells (fen) as yuan numbers formatted "#,##0.00", subtotal
// and total rows bold. Throws std::invalid_argument when document has no
// table, std::runtime_error when the file cannot be written.
void WriteXlsx(const Document& document, const std::filesystem::path& file);

}  // namespace doudi::reports
