#include "registry/income_grid.h"

#include <wx/intl.h>

#include <algorithm>
#include <string_view>

namespace doudi::gui {

using namespace household;

IncomeGrid::IncomeGrid(wxWindow* parent, model::Household& household)
    : HouseholdGrid(parent, household, "incomes",
                    {{_("Member"), 124}, {_("Kind"), 84}, {_("Monthly (yuan)"), 96}, {_("Note"), 90}}, kMonthly,
                    "monthly") {
  SetColumn(kKind, new wxGridCellChoiceEditor(EnumLabels<model::IncomeKind>()));
}

void IncomeGrid::Fill() {
  ResizeRows(ToInt(m_household.incomes.size()));
  ResetAmounts(m_household.incomes.size());
  for (std::size_t i = 0; i < m_household.incomes.size(); ++i) FillRow(ToInt(i));
  RefreshMemberChoices();
}

void IncomeGrid::FillRow(int row) {
  const model::IncomeItem& item = m_household.incomes[ToIndex(row)];
  SetCellValue(row, kMember, MemberLabel(item.memberIdNumber));
  SetCellValue(row, kKind, Label(item.kind));
  SetCellValue(row, kMonthly, Wx(item.monthly.ToYuanString()));
  SetCellValue(row, kNote, Wx(item.note));
}

void IncomeGrid::RefreshMemberChoices() {
  m_memberLabels.clear();
  m_memberLabels.push_back(_("Whole household"));
  for (const auto& p : m_household.members) {
    // Name and the ID's last four characters tell two namesakes apart and
    // are visible even in a masked ID.
    wxString text = Wx(p.name);
    if (p.idNumber.size() >= 4) text += wxS(" ") + Wx(std::string_view(p.idNumber).substr(p.idNumber.size() - 4));
    m_memberLabels.push_back(text);
  }
  wxArrayString labels;
  for (const auto& text : m_memberLabels) labels.Add(text);
  SetColumn(kMember, new wxGridCellChoiceEditor(labels));
  for (std::size_t i = 0; i < m_household.incomes.size(); ++i) {
    SetCellValue(ToInt(i), kMember, MemberLabel(m_household.incomes[i].memberIdNumber));
  }
}

wxString IncomeGrid::MemberLabel(const std::string& memberIdNumber) const {
  if (memberIdNumber.empty()) return m_memberLabels.empty() ? wxString() : m_memberLabels.front();
  for (std::size_t i = 0; i < m_household.members.size() && i + 1 < m_memberLabels.size(); ++i) {
    if (m_household.members[i].idNumber == memberIdNumber) return m_memberLabels[i + 1];
  }
  return Wx(memberIdNumber);  // no such member: Validate says so at this cell
}

void IncomeGrid::ApplyCell(int row, int column) {
  if (row < 0 || ToIndex(row) >= m_household.incomes.size()) return;
  const wxString text = GetCellValue(row, column);
  model::IncomeItem& item = m_household.incomes[ToIndex(row)];
  switch (column) {
    case kMember: {
      const auto it = std::find(m_memberLabels.begin(), m_memberLabels.end(), text);
      if (it == m_memberLabels.begin()) {
        item.memberIdNumber.clear();
      } else if (it != m_memberLabels.end()) {
        const auto member = static_cast<std::size_t>(it - m_memberLabels.begin()) - 1;
        if (member < m_household.members.size()) item.memberIdNumber = m_household.members[member].idNumber;
      }
      break;
    }
    case kKind:
      if (const auto value = ParseLabel<model::IncomeKind>(text)) item.kind = *value;
      break;
    case kMonthly:
      ApplyAmount(row, text, item.monthly);
      break;
    case kNote:
      item.note = Utf8(Trimmed(text));
      break;
    default:
      break;
  }
}

int IncomeGrid::AppendRow() {
  m_household.incomes.emplace_back();
  AppendAmount();
  const int row = ToInt(m_household.incomes.size() - 1);
  AppendRows(1);
  FillRow(row);
  return kMember;
}

void IncomeGrid::EraseRow(int row) {
  m_household.incomes.erase(m_household.incomes.begin() + row);
  EraseAmount(row);
  DeleteRows(row);
}

int IncomeGrid::ColumnOf(const std::string& name) const {
  if (name == "member_id_number") return kMember;
  if (name == "kind") return kKind;
  if (name == "note") return kNote;
  return kMonthly;
}

wxString IncomeGrid::IssueLine(int number, const wxString& column, const wxString& message) const {
  return wxString::Format(_("Income item %d, %s: %s"), number, column, message);
}

}  // namespace doudi::gui
