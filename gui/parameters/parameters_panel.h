#pragma once
// Program parameters (docs/parameters.md): every row, history included, by
// program and region; center administrators add a new row (a change is a
// new row with a later effective date; rows are never edited), each field
// checked where it is typed and the database's refusals said at the field
// they concern. Everyone else reads them.
#include <map>
#include <string>
#include <vector>

#include "common/async_list_panel.h"
#include "doudi/dal/program_parameters.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace doudi::gui {

class Context;
struct Section;
struct Session;

class ParametersPanel : public AsyncListPanel {
 public:
  // The section: everyone reads the parameters.
  static Section Describe();

  // Reads and adds on the context's case worker.
  ParametersPanel(wxWindow* parent, Context& context);

  void Reload();
  bool IsEditable() const { return m_editable; }
  bool IsAdding() const { return m_adding; }
  const std::vector<dal::ProgramParameter>& Rows() const { return m_rows; }
  wxListCtrl* List() const { return m_list; }
  // The message shown at a field of the add form: "program", "region",
  // "key", "value", "effective_from", "note"; "" when none.
  wxString FieldMessage(const std::string& field) const;
  // What the Add button does: checks the fields, then adds on the worker.
  void AddRow();

 private:
  void BuildBrowse();
  void BuildAddForm();
  void FillList();
  void FillKeys();
  std::string FilterProgram() const;
  std::string FilterRegion() const;
  bool CheckForm(dal::ProgramParameter& row);
  void ShowField(const std::string& field, const wxString& message);
  // The database's outcome of an Add: None when added, else the refusal a
  // user corrects at a field of the form.
  enum class AddRefusal { None, SameDay, OutsideScope, OtherUnit, Malformed };
  void ShowRefusal(AddRefusal refusal);

  const Session& m_session;
  bool m_editable = false;
  bool m_adding = false;
  std::vector<dal::ProgramInfo> m_programs;
  std::vector<dal::ProgramParameter> m_rows;
  std::map<std::string, std::map<std::string, std::string>> m_units;  // program → key → unit
  std::vector<std::string> m_regionPrefixes;  // by m_region item (after "all")
  std::vector<std::string> m_addPrefixes;     // by m_addRegion item: inside the scope
  std::vector<std::string> m_addKeys;         // by m_addKey item

  wxChoice* m_program = nullptr;
  wxChoice* m_region = nullptr;
  wxListCtrl* m_list = nullptr;
  wxChoice* m_addProgram = nullptr;
  wxChoice* m_addRegion = nullptr;
  wxChoice* m_addKey = nullptr;
  wxStaticText* m_addUnit = nullptr;
  wxTextCtrl* m_value = nullptr;
  wxTextCtrl* m_from = nullptr;
  wxTextCtrl* m_note = nullptr;
  std::map<std::string, wxStaticText*> m_messages;
};

}  // namespace doudi::gui
