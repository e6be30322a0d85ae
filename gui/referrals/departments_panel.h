#pragma once
// 部门 (the center administrator's): the departments of the county's joint
// assistance center, the kinds of help each gives and the working days each
// has to answer a referral of a kind (dated: a change takes effect from a
// day, the old value stays for referrals sent before). Add or edit a
// department (name, phone, order, active), set a kind of help (description,
// active) and its due days from a date; the database checks again and its
// refusals show under the form. Everyone who refers reads the same catalog
// in the 转办 dialog.
//
// Read and written on the context's case worker.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/async_list_panel.h"
#include "common/form_dialog.h"
#include "doudi/dal/referral_repository.h"

class wxListCtrl;
class wxStaticText;

namespace doudi::gui {

class Context;
struct Section;

class DepartmentsPanel : public AsyncListPanel {
 public:
  // The section: for the center's administrator.
  static Section Describe();

  DepartmentsPanel(wxWindow* parent, Context& context);

  void Reload();
  const std::vector<dal::Department>& Departments() const { return m_departments; }
  // The selected department's kinds of help.
  const std::vector<dal::DepartmentHelp>& Help() const;
  wxListCtrl* DepartmentList() const { return m_departmentList; }
  wxListCtrl* HelpList() const { return m_helpList; }
  bool IsWriting() const { return m_writing; }
  wxString LastMessage() const;

  void SelectDepartment(long row);
  // The buttons: a dialog each, then the write.
  void AddDepartment();
  void EditDepartment();
  void SetHelp();

  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

 private:
  void Fill();
  void FillHelp();
  void EditDepartment(std::optional<dal::Department> department);
  template <typename Write>
  void RunWrite(Write write, const wxString& done);
  void Message(const wxString& text, bool error);

  Context& m_context;
  std::string m_county;
  DialogRunner m_runDialog = RunModally;
  std::vector<dal::Department> m_departments;  // each with its kinds of help
  long m_selected = -1;
  bool m_writing = false;
  wxListCtrl* m_departmentList = nullptr;
  wxListCtrl* m_helpList = nullptr;
  wxStaticText* m_message = nullptr;
};

}  // namespace doudi::gui
