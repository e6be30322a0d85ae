#pragma once
// The household editor's members grid: one row per member, sex and birth
// date derived from a valid ID (read-only), the ID checked as it is typed,
// and the head made by MakeHead (listed first, as on the household register).
#include <functional>

#include "registry/household_grid.h"

namespace doudi::gui {

class MemberGrid : public HouseholdGrid {
 public:
  enum Column : int {
    kName,
    kIdNumber,
    kRelation,
    kSex,        // derived from a valid ID, read-only
    kBirthDate,  // derived from a valid ID, read-only
    kDisability,
    kGrade,
    kIllnesses,
    kSchooling,
    kEmployment,
    kWorkAbility,
    kCard,  // what the member's ID card said (读卡), read-only: last, beside the card box
    kColumnCount
  };

  // membersRenamed runs when what names a member elsewhere changed (a name
  // or an ID typed, a member added, removed or made head): the income
  // items' member choices follow.
  MemberGrid(wxWindow* parent, model::Household& household, std::function<void()> membersRenamed);

  void Fill() override;
  void ApplyCell(int row, int column) override;
  int AppendRow() override;
  void EraseRow(int row) override;
  // Makes member row the head; the former head becomes "other", for the
  // user to correct, since relations to the new head are not derivable.
  void MakeHead(int row);
  // The message line while an ID is typed in row: the birth date and sex
  // it gives, how many characters are still missing, or what is wrong.
  void ShowIdHint(int row, const wxString& text);

 protected:
  int ColumnOf(const std::string& field) const override;
  wxString IssueLine(int number, const wxString& column, const wxString& message) const override;
  bool IsDerived(int column) const override { return column == kSex || column == kBirthDate || column == kCard; }
  bool ShowsTableIssue() const override { return true; }

 private:
  void FillRow(int row);
  void FillDerivedCells(int row);

 public:
  // Shows what row's member card says (after a read).
  void FillCard(int row);

 private:

  std::function<void()> m_membersRenamed;
};

}  // namespace doudi::gui
