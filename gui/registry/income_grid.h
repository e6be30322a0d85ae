#pragma once
// The household editor's income grid: one row per monthly income item, each
// of the whole household or of a member, chosen by name and the ID's last
// four characters (visible even in a masked ID).
#include <string>
#include <vector>

#include "registry/household_grid.h"

namespace doudi::gui {

class IncomeGrid : public HouseholdGrid {
 public:
  enum Column : int { kMember, kKind, kMonthly, kNote, kColumnCount };

  IncomeGrid(wxWindow* parent, model::Household& household);

  void Fill() override;
  void ApplyCell(int row, int column) override;
  int AppendRow() override;
  void EraseRow(int row) override;
  // The member choices again, after members were renamed, added or removed.
  void RefreshMemberChoices();

 protected:
  int ColumnOf(const std::string& field) const override;
  wxString IssueLine(int number, const wxString& column, const wxString& message) const override;

 private:
  void FillRow(int row);
  wxString MemberLabel(const std::string& memberIdNumber) const;

  std::vector<wxString> m_memberLabels;  // the member choices; [0] = whole household
};

}  // namespace doudi::gui
