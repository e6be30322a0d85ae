#include "registry/household_grid.h"

#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/stattext.h>

#include <algorithm>

#include "doudi/model/money.h"

namespace doudi::gui {

using household::kDerivedCell;
using household::kErrorCell;
using household::kErrorText;
using household::ShownIssue;
using household::ToInt;

HouseholdGrid::HouseholdGrid(wxWindow* parent, model::Household& household, std::string collection,
                             const Columns& columns, int amountColumn, std::string amountField)
    : wxGrid(parent, wxID_ANY),
      m_household(household),
      m_collection(std::move(collection)),
      m_amountColumn(amountColumn),
      m_amountField(std::move(amountField)) {
  CreateGrid(0, ToInt(columns.size()));
  SetRowLabelSize(FromDIP(32));
  DisableDragRowSize();
  // Tab at the end of a row goes on to the next control, so the keyboard
  // never gets stuck in a grid.
  SetTabBehaviour(wxGrid::Tab_Leave);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const int column = ToInt(i);
    SetColLabelValue(column, columns[i].first);
    // Wide enough for the values and for the label in either language.
    AutoSizeColLabelSize(column);
    SetColSize(column, std::max(GetColSize(column), FromDIP(columns[i].second)));
  }
  SetMinSize(FromDIP(wxSize(240, 90)));
  if (m_amountColumn >= 0) SetColumn(m_amountColumn, nullptr, false, true);
}

void HouseholdGrid::ResizeRows(int rows) {
  if (GetNumberRows() > 0) DeleteRows(0, GetNumberRows());
  if (rows > 0) AppendRows(rows);
}

void HouseholdGrid::SetColumn(int column, wxGridCellEditor* editor, bool readOnly, bool amount) {
  auto* attr = new wxGridCellAttr;
  if (editor) attr->SetEditor(editor);
  if (readOnly) {
    attr->SetReadOnly();
    attr->SetBackgroundColour(kDerivedCell);
  }
  if (amount) attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTRE);
  SetColAttr(column, attr);
}

void HouseholdGrid::ApplyAmount(int row, const wxString& text, model::Money& target) {
  const auto amount = model::Money::ParseYuan(Utf8(text));
  m_badAmount[household::ToIndex(row)] = !amount;
  if (amount) {
    target = *amount;
    SetCellValue(row, m_amountColumn, Wx(amount->ToYuanString()));
  }
}

std::vector<ShownIssue> HouseholdGrid::UnreadableAmounts(const wxString& message) const {
  std::vector<ShownIssue> issues;
  for (std::size_t i = 0; i < m_badAmount.size(); ++i) {
    if (m_badAmount[i]) issues.push_back(ShownIssue{model::JoinField(model::IndexedField(m_collection, i), m_amountField), message});
  }
  return issues;
}

bool HouseholdGrid::HasUnreadableAmount() const {
  return std::find(m_badAmount.begin(), m_badAmount.end(), true) != m_badAmount.end();
}

void HouseholdGrid::ShowIssues(const std::vector<ShownIssue>& issues) {
  m_tableIssue.clear();
  if (ShowsTableIssue()) {
    for (const auto& issue : issues) {
      if (issue.field == m_collection) {
        m_tableIssue = issue.message;
        break;
      }
    }
  }
  m_cellIssues.clear();
  for (const auto& issue : issues) {
    const household::FieldPath path = household::ParseFieldPath(issue.field);
    if (path.collection != m_collection || !path.index) continue;
    m_cellIssues.emplace(std::make_pair(ToInt(*path.index), ColumnOf(path.name)),
                         issue.message);  // the first problem of a cell wins
  }
  for (int row = 0; row < GetNumberRows(); ++row) {
    for (int column = 0; column < GetNumberCols(); ++column) {
      const bool bad = m_cellIssues.count({row, column}) > 0;
      const wxColour normal = IsDerived(column) ? kDerivedCell : GetDefaultCellBackgroundColour();
      SetCellBackgroundColour(row, column, bad ? kErrorCell : normal);
    }
  }
  ForceRefresh();
  ShowMessageAt(GetGridCursorRow(), GetGridCursorCol());
}

wxString HouseholdGrid::CellIssue(int row, int column) const {
  const auto it = m_cellIssues.find({row, column});
  return it == m_cellIssues.end() ? wxString() : it->second;
}

void HouseholdGrid::ShowMessageAt(int row, int column) {
  if (m_message == nullptr) return;
  wxString text = m_tableIssue;
  std::size_t shown = 0;
  if (text.empty() && !m_cellIssues.empty()) {
    // The cell under the cursor if it has a problem, else the first one.
    auto it = m_cellIssues.find({row, column});
    if (it == m_cellIssues.end()) it = m_cellIssues.begin();
    text = IssueLine(it->first.first + 1, GetColLabelValue(it->first.second), it->second);
    shown = 1;
  }
  if (m_cellIssues.size() > shown && !text.empty()) {
    const auto more = static_cast<int>(m_cellIssues.size() - shown);
    text += wxS("  ") + wxString::Format(wxPLURAL("(%d more problem in this table)", "(%d more problems in this table)",
                                                  static_cast<unsigned>(more)),
                                         more);
  }
  m_message->SetForegroundColour(kErrorText);
  if (m_message->GetLabel() != text) {
    m_message->SetLabel(text);
    m_message->SetToolTip(text);
  }
}

void HouseholdGrid::ShowHint(const wxString& text, bool problem) {
  if (m_message == nullptr) return;
  m_message->SetForegroundColour(problem ? kErrorText : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  m_message->SetLabel(text);
  m_message->SetToolTip(text);
}

}  // namespace doudi::gui
