#pragma once
// The case screens' small lists (tasks, timeline, evidence, notices,
// parameters) are wxListCtrl reports filled whole from a vector: these make
// one with its columns and append a row of texts.
#include <wx/listctrl.h>

#include <initializer_list>
#include <utility>
#include <vector>

namespace doudi::gui {

inline wxListCtrl* MakeReportList(wxWindow* parent, const char* name,
                                  std::initializer_list<std::pair<wxString, int>> columns) {
  auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
  list->SetName(name);
  int index = 0;
  for (const auto& [title, width] : columns) list->InsertColumn(index++, title, wxLIST_FORMAT_LEFT, width);
  return list;
}

// Appends a row and returns its index.
inline long AddReportRow(wxListCtrl* list, const std::vector<wxString>& cells) {
  const long row = list->InsertItem(list->GetItemCount(), cells.empty() ? wxString() : cells.front());
  for (std::size_t i = 1; i < cells.size(); ++i) list->SetItem(row, static_cast<int>(i), cells[i]);
  return row;
}

// The selected row of a single-selection list; -1 when none.
inline long SelectedReportRow(const wxListCtrl* list) {
  return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

// The text of a cell, for tests and for copying.
inline wxString ReportCell(const wxListCtrl* list, long row, int column) {
  return list->GetItemText(row, column);
}

}  // namespace doudi::gui
