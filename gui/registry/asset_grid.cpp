#include "registry/asset_grid.h"

#include <wx/intl.h>

namespace doudi::gui {

using namespace household;

AssetGrid::AssetGrid(wxWindow* parent, model::Household& household)
    : HouseholdGrid(parent, household, "assets", {{_("Kind"), 80}, {_("Description"), 150}, {_("Value (yuan)"), 100}},
                    kValue, "value") {
  SetColumn(kKind, new wxGridCellChoiceEditor(EnumLabels<model::AssetKind>()));
}

void AssetGrid::Fill() {
  ResizeRows(ToInt(m_household.assets.size()));
  ResetAmounts(m_household.assets.size());
  for (std::size_t i = 0; i < m_household.assets.size(); ++i) FillRow(ToInt(i));
}

void AssetGrid::FillRow(int row) {
  const model::Asset& asset = m_household.assets[ToIndex(row)];
  SetCellValue(row, kKind, Label(asset.kind));
  SetCellValue(row, kDescription, Wx(asset.description));
  SetCellValue(row, kValue, Wx(asset.value.ToYuanString()));
}

void AssetGrid::ApplyCell(int row, int column) {
  if (row < 0 || ToIndex(row) >= m_household.assets.size()) return;
  const wxString text = GetCellValue(row, column);
  model::Asset& asset = m_household.assets[ToIndex(row)];
  switch (column) {
    case kKind:
      if (const auto value = ParseLabel<model::AssetKind>(text)) asset.kind = *value;
      break;
    case kDescription:
      asset.description = Utf8(Trimmed(text));
      break;
    case kValue:
      ApplyAmount(row, text, asset.value);
      break;
    default:
      break;
  }
}

int AssetGrid::AppendRow() {
  m_household.assets.emplace_back();
  AppendAmount();
  const int row = ToInt(m_household.assets.size() - 1);
  AppendRows(1);
  FillRow(row);
  return kKind;
}

void AssetGrid::EraseRow(int row) {
  m_household.assets.erase(m_household.assets.begin() + row);
  EraseAmount(row);
  DeleteRows(row);
}

int AssetGrid::ColumnOf(const std::string& name) const {
  if (name == "kind") return kKind;
  if (name == "description") return kDescription;
  return kValue;
}

wxString AssetGrid::IssueLine(int number, const wxString& column, const wxString& message) const {
  return wxString::Format(_("Asset %d, %s: %s"), number, column, message);
}

}  // namespace doudi::gui
