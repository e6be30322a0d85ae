#pragma once
// The household editor's asset grid: one row per asset, its kind, a
// description and its value in yuan.
#include <string>

#include "registry/household_grid.h"

namespace doudi::gui {

class AssetGrid : public HouseholdGrid {
 public:
  enum Column : int { kKind, kDescription, kValue, kColumnCount };

  AssetGrid(wxWindow* parent, model::Household& household);

  void Fill() override;
  void ApplyCell(int row, int column) override;
  int AppendRow() override;
  void EraseRow(int row) override;

 protected:
  int ColumnOf(const std::string& field) const override;
  wxString IssueLine(int number, const wxString& column, const wxString& message) const override;

 private:
  void FillRow(int row);
};

}  // namespace doudi::gui
