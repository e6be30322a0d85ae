#pragma once
// Shown when a save meets a newer version of the household: what the other
// user changed, what this user changed, and, field by field, which of the
// two to keep. OK builds the merged household on top of the stored version,
// which the editor then saves; Cancel goes back to the editor with nothing
// changed. Needs no database, so it can be tested and screenshotted alone.
#include <wx/dialog.h>

#include <map>
#include <string>
#include <vector>

#include "doudi/model/household.h"
#include "doudi/workstation/household_merge.h"

class wxRadioButton;

namespace doudi::gui {

class ConflictDialog : public wxDialog {
 public:
  // base: the household as this user loaded it; theirs: as it is stored now;
  // mine: as this user edited it. regionNames (code -> name) lets the region
  // row show names; codes alone are shown for regions it lacks.
  ConflictDialog(wxWindow* parent, model::Household base, model::Household theirs, model::Household mine,
                 std::map<std::string, std::string> regionNames = {});

  // The differences shown, one row each, in the order shown.
  const std::vector<workstation::FieldDifference>& Differences() const { return m_differences; }
  // The side chosen in each row now.
  std::vector<workstation::FieldChoice> Choices() const;
  // Chooses side in row (for tests; the radio buttons do the same).
  void Choose(std::size_t row, workstation::MergeSide side);
  // theirs with the chosen values of mine, to be saved against theirs.version.
  model::Household MergedHousehold() const;

 private:
  void BuildRows(wxWindow* parent, wxSizer* grid);
  wxString FieldLabel(const workstation::FieldDifference& d) const;
  wxString ValueText(const workstation::FieldDifference& d, const std::optional<std::string>& value) const;

  model::Household m_base;
  model::Household m_theirs;
  model::Household m_mine;
  std::map<std::string, std::string> m_regionNames;
  std::vector<workstation::FieldDifference> m_differences;
  struct Row {
    wxRadioButton* theirs = nullptr;
    wxRadioButton* mine = nullptr;
  };
  std::vector<Row> m_rows;
};

}  // namespace doudi::gui
