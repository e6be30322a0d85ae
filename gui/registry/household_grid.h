#pragma once
// One table of the household in the editor (members, income items or
// assets) as a grid: its columns, its rows filled from the household, what
// the user typed in a cell written back into the household, rows added and
// removed, and the model's problems shown at their cells and in the message
// line under the grid. The dialog binds the grid's events and revalidates.
#include <wx/grid.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "doudi/model/household.h"
#include "registry/household_form.h"

class wxStaticText;

namespace doudi::gui {

class HouseholdGrid : public wxGrid {
 public:
  // Titles and least widths (before DPI scaling) of the columns.
  using Columns = std::vector<std::pair<wxString, int>>;

  // The household's rows again, all of them.
  virtual void Fill() = 0;
  // What the user typed in the cell, into the household.
  virtual void ApplyCell(int row, int column) = 0;
  // A new row at the end, in the household and the grid; returns the column
  // to start typing in.
  virtual int AppendRow() = 0;
  // Removes row from the household and the grid (row is valid).
  virtual void EraseRow(int row) = 0;

  // The message line under the grid (placed by the dialog).
  void SetMessageLine(wxStaticText* line) { m_message = line; }
  // Problems of cells whose text is not an amount (the model keeps the last
  // good one), as issues at their fields.
  std::vector<household::ShownIssue> UnreadableAmounts(const wxString& message) const;
  bool HasUnreadableAmount() const;
  // Colours the cells with a problem among issues and shows the cursor's.
  void ShowIssues(const std::vector<household::ShownIssue>& issues);
  // The problem of a cell; "" when none.
  wxString CellIssue(int row, int column) const;
  // The message line: the cell at row and column if it has a problem, else
  // the first one, and how many more.
  void ShowMessageAt(int row, int column);
  // The message line as something else than a problem (a hint while typing).
  void ShowHint(const wxString& text, bool problem);

 protected:
  // collection: the model's name of the table ("members", "incomes",
  // "assets"); amountColumn and amountField: the column and field of an
  // amount typed in yuan (-1 and "" for none).
  HouseholdGrid(wxWindow* parent, model::Household& household, std::string collection, const Columns& columns,
                int amountColumn = -1, std::string amountField = {});

  // The grid column that shows a field of a row.
  virtual int ColumnOf(const std::string& field) const = 0;
  // "Member 2, ID number: ..." for the message line.
  virtual wxString IssueLine(int number, const wxString& column, const wxString& message) const = 0;
  // Read-only cells derived from other values (shown grey).
  virtual bool IsDerived(int /*column*/) const { return false; }
  // Whether an issue at the whole table ("members") leads the message line.
  virtual bool ShowsTableIssue() const { return false; }

  // rows empty rows, replacing all.
  void ResizeRows(int rows);
  // How a column is edited and shown.
  void SetColumn(int column, wxGridCellEditor* editor, bool readOnly = false, bool amount = false);
  // The amount cell's text read as yuan into target (and shown as read);
  // marked unreadable when it is no amount.
  void ApplyAmount(int row, const wxString& text, model::Money& target);
  // Keeps the unreadable marks in step with the rows.
  void ResetAmounts(std::size_t rows) { m_badAmount.assign(rows, false); }
  void AppendAmount() { m_badAmount.push_back(false); }
  void EraseAmount(int row) { m_badAmount.erase(m_badAmount.begin() + row); }

  model::Household& m_household;

 private:
  std::string m_collection;
  int m_amountColumn;
  std::string m_amountField;
  std::vector<bool> m_badAmount;  // by row: the amount cell holds text that is not an amount
  wxString m_tableIssue;          // an issue at the whole table, when it leads
  std::map<std::pair<int, int>, wxString> m_cellIssues;
  wxStaticText* m_message = nullptr;
};

}  // namespace doudi::gui
