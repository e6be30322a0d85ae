#pragma once
// The cross-check rows behind an alert as its view lists them: one table
// per kind (an assets alert may rest on vehicles, businesses and deposits
// at once), each with its kind's own columns as model/crosscheck.h defines
// them — the date, the institution, the total, reimbursed and self-paid of
// a settlement; the event and the 户号 of a hukou row ... — money in yuan
// and codes in their Chinese words. The person's ID, name and region are
// the view's (the same on every row); a column kept only in the row key
// (a settlement number) is not stored apart and is not shown.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/alert_repository.h"
#include "doudi/model/crosscheck.h"

namespace doudi::workstation {

struct SourceTable {
  std::string kind;  // the kind's code; a kind this program does not know has no columns
  std::vector<const model::CrosscheckColumn*> columns;  // header: column->chinese
  std::vector<const dal::CrosscheckRow*> rows;          // in the order given
  std::vector<std::vector<std::string>> cells;          // per row, per column
};

// The tables of rows, in the order of the kinds in model::CrosscheckSpecs
// (unknown kinds last). The rows must outlive the tables.
std::vector<SourceTable> SourceTables(std::span<const dal::CrosscheckRow> rows);

// The Chinese words of a code a row of kind holds under column (the
// category's column when empty): "death" → "死亡"; the code itself when the
// kind or column has no such code.
std::string CrosscheckCodeWords(std::string_view kind, std::string_view code, std::string_view column = {});

}  // namespace doudi::workstation
