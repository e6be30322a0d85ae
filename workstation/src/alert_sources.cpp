#include "doudi/workstation/alert_sources.h"

#include <algorithm>
#include <optional>

#include "doudi/dal/json_object.h"
#include "doudi/model/money.h"

namespace doudi::workstation {
namespace {

using model::CrosscheckColumn;
using model::CrosscheckTarget;

std::string Yuan(const std::optional<std::int64_t>& fen) {
  return fen ? model::Money::FromFen(*fen).ToDisplayString() : std::string();
}

std::string CodeWords(const CrosscheckColumn& column, std::string_view code) {
  for (const auto& entry : column.codes) {
    if (entry.code == code) return std::string(entry.chinese);
  }
  return std::string(code);
}

// The columns a row of the kind shows: its own, stored apart from the key.
std::vector<const CrosscheckColumn*> ShownColumns(const model::CrosscheckSpec& spec) {
  std::vector<const CrosscheckColumn*> columns;
  for (const auto& column : spec.columns) {
    switch (column.target) {
      case CrosscheckTarget::IdNumber:
      case CrosscheckTarget::Name:
      case CrosscheckTarget::RegionCode:
      case CrosscheckTarget::Key:
        break;
      default:
        columns.push_back(&column);
    }
  }
  return columns;
}

std::string Cell(const dal::CrosscheckRow& row, const dal::JsonMembers& detail, const CrosscheckColumn& column) {
  switch (column.target) {
    case CrosscheckTarget::EventDate:
      return row.eventDate;
    case CrosscheckTarget::Category:
      return CodeWords(column, row.category);
    case CrosscheckTarget::Amount:
      return Yuan(row.amountFen);
    case CrosscheckTarget::Covered:
      return Yuan(row.coveredFen);
    case CrosscheckTarget::SelfPaid:
      return Yuan(row.selfPaidFen);
    case CrosscheckTarget::Detail: {
      const auto it = detail.find(column.code);
      if (it == detail.end()) return {};
      return column.codes.empty() ? it->second : CodeWords(column, it->second);
    }
    case CrosscheckTarget::IdNumber:
    case CrosscheckTarget::Name:
    case CrosscheckTarget::RegionCode:
    case CrosscheckTarget::Key:
      break;
  }
  return {};
}

}  // namespace

std::vector<SourceTable> SourceTables(std::span<const dal::CrosscheckRow> rows) {
  std::vector<SourceTable> tables;
  const auto tableOf = [&](const std::string& kind) -> SourceTable& {
    const auto it = std::find_if(tables.begin(), tables.end(), [&](const SourceTable& t) { return t.kind == kind; });
    if (it != tables.end()) return *it;
    SourceTable& table = tables.emplace_back();
    table.kind = kind;
    if (const auto known = model::ParseCrosscheckKind(kind)) table.columns = ShownColumns(model::SpecOf(*known));
    return table;
  };
  for (const auto& row : rows) {
    SourceTable& table = tableOf(row.kind);
    const auto detail = dal::ReadJsonObject(row.detailJson).value_or(dal::JsonMembers{});
    std::vector<std::string> cells;
    for (const auto* column : table.columns) cells.push_back(Cell(row, detail, *column));
    table.rows.push_back(&row);
    table.cells.push_back(std::move(cells));
  }
  const auto order = [](const SourceTable& table) {
    const auto kind = model::ParseCrosscheckKind(table.kind);
    return kind ? static_cast<std::size_t>(*kind) : model::CrosscheckSpecs().size();
  };
  std::stable_sort(tables.begin(), tables.end(),
                   [&](const SourceTable& a, const SourceTable& b) { return order(a) < order(b); });
  return tables;
}

std::string CrosscheckCodeWords(std::string_view kind, std::string_view code, std::string_view column) {
  const auto known = model::ParseCrosscheckKind(kind);
  if (!known) return std::string(code);
  for (const auto& c : model::SpecOf(*known).columns) {
    if (column.empty() ? c.target == CrosscheckTarget::Category : c.code == column) return CodeWords(c, code);
  }
  return std::string(code);
}

}  // namespace doudi::workstation
