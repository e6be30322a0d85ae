#include "referrals/departments_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <regex>

#include "app/session.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/database_worker.h"
#include "common/report_list.h"
#include "common/section.h"
#include "common/wx_text.h"
#include "doudi/model/referral.h"
#include "referrals/referral_text.h"

namespace doudi::gui {
namespace {

// A department, new (no code yet) or as it is. Controls: "code", "name",
// "phone", "sort_order", "active".
class DepartmentDialog : public FormDialog {
 public:
  DepartmentDialog(wxWindow* parent, const std::optional<dal::Department>& department)
      : FormDialog(parent, department ? _("Edit the department") : _("Add a department")) {
    m_code = new wxTextCtrl(Body(), wxID_ANY, department ? Wx(department->code) : wxString());
    m_code->SetName("code");
    m_code->SetHint(_("e.g. civil_affairs"));
    m_code->Enable(!department);
    m_codeMessage = AddField(_("Code:"), m_code);
    m_name = new wxTextCtrl(Body(), wxID_ANY, department ? Wx(department->name) : wxString());
    m_name->SetName("name");
    m_nameMessage = AddField(_("Name:"), m_name);
    m_phone = new wxTextCtrl(Body(), wxID_ANY, department ? Wx(department->phone) : wxString());
    m_phone->SetName("phone");
    m_phoneMessage = AddField(_("Phone:"), m_phone);
    m_order = new wxSpinCtrl(Body(), wxID_ANY);
    m_order->SetName("sort_order");
    m_order->SetRange(0, 10000);
    m_order->SetValue(department ? department->sortOrder : 100);
    AddField(_("Order in lists:"), m_order);
    m_active = new wxCheckBox(Body(), wxID_ANY, _("Takes referrals"));
    m_active->SetName("active");
    m_active->SetValue(department ? department->active : true);
    AddField(wxEmptyString, m_active);
    if (department) m_department = *department;
    FinishLayout(_("Save"), [this] { Accept(); });
  }
  const dal::Department& Department() const { return m_department; }

 private:
  void Accept() {
    m_department.code = TrimmedUtf8(m_code->GetValue());
    m_department.name = TrimmedUtf8(m_name->GetValue());
    m_department.phone = TrimmedUtf8(m_phone->GetValue());
    m_department.sortOrder = m_order->GetValue();
    m_department.active = m_active->GetValue();
    bool good = true;
    const auto check = [&](wxStaticText* line, bool ok, const wxString& message) {
      ShowMessage(line, ok ? wxString() : message);
      good = good && ok;
    };
    check(m_codeMessage, std::regex_match(m_department.code, std::regex("[a-z][a-z0-9_]{0,39}")),
          _("Lower-case letters, digits and _, starting with a letter."));
    check(m_nameMessage, !m_department.name.empty(), _("Required."));
    check(m_phoneMessage, m_department.phone.empty() || std::regex_match(m_department.phone, std::regex(R"(\+?[0-9][0-9-]{4,19})")),
          _("Digits and -, e.g. 0576-83312000."));
    if (good) Finish(wxID_OK);
  }
  dal::Department m_department;
  wxTextCtrl* m_code = nullptr;
  wxTextCtrl* m_name = nullptr;
  wxTextCtrl* m_phone = nullptr;
  wxSpinCtrl* m_order = nullptr;
  wxCheckBox* m_active = nullptr;
  wxStaticText* m_codeMessage = nullptr;
  wxStaticText* m_nameMessage = nullptr;
  wxStaticText* m_phoneMessage = nullptr;
};

// A kind of help a department gives and its due days from a date.
// Controls: "kind", "description", "active", "due_days", "effective_from".
class HelpDialog : public FormDialog {
 public:
  HelpDialog(wxWindow* parent, const wxString& department, const std::optional<dal::DepartmentHelp>& help)
      : FormDialog(parent, wxString::Format(_("Help given by %s"), department)) {
    m_kind = new wxChoice(Body(), wxID_ANY);
    m_kind->SetName("kind");
    for (const auto& text : model::EnumTexts<model::HelpKind>()) {
      if (!model::DepartmentsOffer(text.value)) continue;
      m_kinds.emplace_back(text.code);
      m_kind->Append(Wx(text.chinese));
      if (help && text.code == help->kind) m_kind->SetSelection(static_cast<int>(m_kind->GetCount()) - 1);
    }
    if (m_kind->GetSelection() < 0) m_kind->SetSelection(0);
    m_kind->Enable(!help);
    AddField(_("Kind of help:"), m_kind);
    m_description = new wxTextCtrl(Body(), wxID_ANY, help ? Wx(help->description) : wxString());
    m_description->SetName("description");
    AddField(_("Description:"), m_description);
    m_active = new wxCheckBox(Body(), wxID_ANY, _("Offered in the referral dialog"));
    m_active->SetName("active");
    m_active->SetValue(help ? help->active : true);
    AddField(wxEmptyString, m_active);
    m_days = new wxSpinCtrl(Body(), wxID_ANY);
    m_days->SetName("due_days");
    m_days->SetRange(1, 250);
    m_days->SetValue(help && help->workingDays > 0 ? help->workingDays : 10);
    AddField(_("Working days to answer:"), m_days);
    m_from = new wxTextCtrl(Body(), wxID_ANY, Wx(IsoDate(Today())));
    m_from->SetName("effective_from");
    m_fromMessage = AddField(_("From (YYYY-MM-DD):"), m_from);
    if (help) m_help = *help;
    m_previousDays = help ? help->workingDays : 0;
    FinishLayout(_("Save"), [this] { Accept(); });
  }
  // The kind as typed; its working days 0 when unchanged (the dated
  // value in force stays), else in force from daysFrom.
  const dal::DepartmentHelp& Help() const { return m_help; }

 private:
  void Accept() {
    m_help.kind = m_kinds[static_cast<std::size_t>(std::max(0, m_kind->GetSelection()))];
    m_help.description = TrimmedUtf8(m_description->GetValue());
    m_help.active = m_active->GetValue();
    const int days = m_days->GetValue();
    const auto from = ParseIsoDate(TrimmedUtf8(m_from->GetValue()));
    ShowMessage(m_fromMessage, from ? wxString() : _("Type the date as YYYY-MM-DD."));
    if (!from) return;
    m_help.workingDays = days == m_previousDays ? 0 : days;
    m_help.daysFrom = IsoDate(*from);
    Finish(wxID_OK);
  }
  dal::DepartmentHelp m_help;
  std::vector<std::string> m_kinds;  // by the choice's entries
  int m_previousDays = 0;
  wxChoice* m_kind = nullptr;
  wxTextCtrl* m_description = nullptr;
  wxCheckBox* m_active = nullptr;
  wxSpinCtrl* m_days = nullptr;
  wxTextCtrl* m_from = nullptr;
  wxStaticText* m_fromMessage = nullptr;
};

}  // namespace

Section DepartmentsPanel::Describe() {
  return Section{[] { return _("Departments"); },
                 [](const Session& session) { return session.May(model::StaffOperation::ManageDepartments); },
                 [](wxWindow* parent, Context& context) { return new DepartmentsPanel(parent, context); }};
}

DepartmentsPanel::DepartmentsPanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().cases),
      m_context(context),
      m_county(context.GetSession().identity.regionScope.substr(0, 6)) {
  SetName("departments");
  m_departmentList = MakeReportList(this, "department_list",
                                    {{_("Department"), 200}, {_("Code"), 150}, {_("Phone"), 120}, {_("State"), 70}});
  m_helpList = MakeReportList(this, "help_list",
                              {{_("Help"), 100}, {_("Description"), 220}, {_("Working days"), 90},
                               {_("From"), 100}, {_("State"), 70}});
  m_departmentList->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { SelectDepartment(e.GetIndex()); });
  m_helpList->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { SetHelp(); });
  m_departmentList->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EditDepartment(); });
  auto* status = MakeStatusLine();
  m_message = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  m_message->SetName("message");
  auto* add = new wxButton(this, wxID_ANY, _("Add a department..."));
  auto* edit = new wxButton(this, wxID_ANY, _("Edit the department..."));
  auto* help = new wxButton(this, wxID_ANY, _("Set a kind of help..."));
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddDepartment(); });
  edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditDepartment(); });
  help->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SetHelp(); });
  for (auto* b : {add, edit, help}) {
    b->Bind(wxEVT_UPDATE_UI, [this, b, add](wxUpdateUIEvent& e) { e.Enable(!m_writing && (b == add || m_selected >= 0)); });
  }
  auto* lists = new wxBoxSizer(wxHORIZONTAL);
  lists->Add(m_departmentList, wxSizerFlags(1).Expand());
  lists->Add(m_helpList, wxSizerFlags(1).Expand().Border(wxLEFT, 8));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(status, wxSizerFlags(1).CenterVertical());
  for (auto* b : {add, edit, help}) buttons->Add(b, wxSizerFlags().Border(wxLEFT, 8));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY,
                              _("The county's departments and the help each gives. Due days are dated: a change "
                                "applies to referrals sent from its date.")),
             wxSizerFlags().Border(wxALL, 6));
  sizer->Add(lists, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 6));
  sizer->Add(m_message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 6));
  sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 6));
  SetSizer(sizer);
  Reload();
}

wxString DepartmentsPanel::LastMessage() const { return m_message->GetLabel(); }

void DepartmentsPanel::Message(const wxString& text, bool error) {
  m_message->SetForegroundColour(error ? kOverdueText : GetForegroundColour());
  m_message->SetLabel(text);
}

void DepartmentsPanel::Reload() {
  BeginLoad();
  const auto county = m_county;
  Load<std::vector<dal::Department>>([county](dal::pg::PgDatabase& db) { return db.Referrals().Departments(county); },
                                     [this](std::vector<dal::Department> departments) {
                                       m_departments = std::move(departments);
                                       Fill();
                                     });
}

void DepartmentsPanel::Fill() {
  m_departmentList->DeleteAllItems();
  for (const auto& d : m_departments) {
    AddReportRow(m_departmentList, {Wx(d.name), Wx(d.code), Wx(d.phone), d.active ? _("Active") : _("Inactive")});
  }
  ShowStatus(wxString::Format(_("%zu departments."), m_departments.size()));
  if (m_selected >= static_cast<long>(m_departments.size())) m_selected = -1;
  if (m_selected >= 0) m_departmentList->SetItemState(m_selected, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  FillHelp();
}

void DepartmentsPanel::SelectDepartment(long row) {
  m_selected = row >= 0 && row < static_cast<long>(m_departments.size()) ? row : -1;
  FillHelp();
}

const std::vector<dal::DepartmentHelp>& DepartmentsPanel::Help() const {
  static const std::vector<dal::DepartmentHelp> none;
  return m_selected >= 0 ? m_departments[static_cast<std::size_t>(m_selected)].help : none;
}

void DepartmentsPanel::FillHelp() {
  m_helpList->DeleteAllItems();
  for (const auto& h : Help()) {
    AddReportRow(m_helpList, {HelpKindLabel(h.kind), Wx(h.description),
                              h.workingDays > 0 ? wxString::Format("%d", h.workingDays) : wxString(wxS("—")),
                              Wx(h.daysFrom), h.active ? _("Active") : _("Inactive")});
  }
}

template <typename Write>
void DepartmentsPanel::RunWrite(Write write, const wxString& done) {
  m_writing = true;
  Message(_("Saving..."), false);
  Worker().Run<bool>(
      this,
      [write = std::move(write)](dal::pg::PgDatabase& db) {
        write(db);
        return true;
      },
      [this, done](bool) {
        m_writing = false;
        Message(done, false);
        Reload();
      },
      [this](const JobFailure& failure) {
        m_writing = false;
        Message(failure.message, true);
        Reload();
      });
}

void DepartmentsPanel::AddDepartment() { EditDepartment(std::nullopt); }

void DepartmentsPanel::EditDepartment() {
  if (m_selected >= 0) EditDepartment(m_departments[static_cast<std::size_t>(m_selected)]);
}

void DepartmentsPanel::EditDepartment(std::optional<dal::Department> department) {
  if (m_writing) return;
  DepartmentDialog dialog(this, department);
  if (m_runDialog(dialog) != wxID_OK) return;
  auto saved = dialog.Department();
  saved.county = m_county;
  const auto version = department ? std::optional(department->version) : std::nullopt;
  RunWrite([saved, version](dal::pg::PgDatabase& db) { db.Referrals().SaveDepartment(saved, version); },
           wxString::Format(_("%s is saved."), Wx(saved.name)));
}

void DepartmentsPanel::SetHelp() {
  if (m_writing || m_selected < 0) return;
  const auto& department = m_departments[static_cast<std::size_t>(m_selected)];
  const long row = SelectedReportRow(m_helpList);
  std::optional<dal::DepartmentHelp> current;
  if (row >= 0 && static_cast<std::size_t>(row) < Help().size()) current = Help()[static_cast<std::size_t>(row)];
  HelpDialog dialog(this, Wx(department.name), current);
  if (m_runDialog(dialog) != wxID_OK) return;
  const auto help = dialog.Help();
  RunWrite(
      [county = m_county, code = department.code, help](dal::pg::PgDatabase& db) {
        db.Referrals().SetDepartmentHelp(county, code, help);
      },
      wxString::Format(_("%s: %s is saved."), Wx(department.name), HelpKindLabel(help.kind)));
}

}  // namespace doudi::gui
