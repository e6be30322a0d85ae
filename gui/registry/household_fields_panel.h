#pragma once
// The household editor's household fields, two per row in reading order
// (the tab order): the village, address, phone, housing, registry status,
// bank and bank account, each with its message line. What is typed goes
// straight into the edited household; a masked bank account is explained
// and selected whole on entry, so typing replaces it.
#include <wx/panel.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "doudi/model/household.h"
#include "registry/household_form.h"

class wxChoice;
class wxSizer;
class wxStaticText;
class wxTextCtrl;

namespace doudi::gui {

struct Session;

class HouseholdFieldsPanel : public wxPanel {
 public:
  // The region choice lists the villages of session's scope. household is
  // the edited one; changed runs after every edit (the dialog revalidates),
  // and may throw: the dialog's guard wraps it.
  HouseholdFieldsPanel(wxWindow* parent, const Session& session, model::Household& household,
                       std::function<void(const std::function<void()>& edit)> changed);

  // The household's values again; the masked-account hint when the stored
  // account (base) is masked and the user may edit.
  void Fill(const model::Household& base, bool readOnly);
  void MakeReadOnly();
  // The problems among issues at their fields; whether a message line
  // appeared or went (the form then lays out again).
  bool ShowIssues(const std::vector<household::ShownIssue>& issues);
  // The control of a household field ("region_code", "address", "phone",
  // "housing", "status", "bank_name", "bank_account"); nullptr otherwise.
  wxWindow* FieldControl(const std::string& field) const;
  // The region code when the user's scope holds exactly one village, else "".
  std::string OnlyRegion() const;

 private:
  wxSizer* WithMessage(wxWindow* parent, wxWindow* control, const std::string& field);
  void BindEdits();

  model::Household& m_household;
  std::function<void(const std::function<void()>&)> m_changed;
  std::vector<std::string> m_regionCodes;  // by m_region item
  std::map<std::string, wxStaticText*> m_fieldMessages;
  wxChoice* m_region = nullptr;
  wxTextCtrl* m_address = nullptr;
  wxTextCtrl* m_phone = nullptr;
  wxChoice* m_housing = nullptr;
  wxChoice* m_registryStatus = nullptr;
  wxTextCtrl* m_bankName = nullptr;
  wxTextCtrl* m_bankAccount = nullptr;
  wxStaticText* m_bankHint = nullptr;
};

}  // namespace doudi::gui
