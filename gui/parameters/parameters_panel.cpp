#include "parameters/parameters_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <regex>
#include <variant>

#include "app/session.h"
#include "cases/case_text.h"
#include "common/context.h"
#include "common/section.h"
#include "common/form_dialog.h"
#include "common/report_list.h"
#include "common/wx_text.h"
#include "doudi/dal/errors.h"
#include "doudi/model/money.h"
#include "doudi/model/region_code.h"

namespace doudi::gui {
namespace {

struct Loaded {
  std::vector<dal::ProgramInfo> programs;
  std::vector<dal::ProgramParameter> rows;  // as filtered
  std::vector<dal::ProgramParameter> all;   // every row: the keys and their units
};

wxString UnitLabel(const std::string& unit) {
  if (unit == "fen") return _("yuan (stored in fen)");
  if (unit == "percent") return _("percent");
  if (unit == "working_days") return _("working days");
  if (unit == "calendar_days") return _("calendar days");
  if (unit == "months") return _("months");
  if (unit == "code") return _("code");
  if (unit == "code_list") return _("list of codes");
  if (unit == "count") return _("count");
  return Wx(unit);
}

// A stored value as people read it: money in yuan, the rest as stored.
wxString ValueText(const dal::ProgramParameter& row) {
  if (row.unit == "fen") {
    try {
      return Yuan(model::Money::FromFen(std::stoll(row.value)));
    } catch (const std::exception&) {
    }
  }
  return Wx(row.value);
}

// The stored form of a typed value, or the message saying what is wrong.
std::variant<std::string, wxString> StoredValue(const std::string& unit, const std::string& typed) {
  if (typed.empty()) return _("Type the value.");
  if (unit == "fen") {
    static const std::regex kYuan(R"(^[0-9]+\.[0-9]{2}$)");
    const auto money = model::Money::ParseYuan(typed);
    if (!money || !std::regex_match(typed, kYuan)) {
      return wxString(_("Type money in yuan with two decimals, e.g. 1150.00 (so fen are never read as yuan)."));
    }
    return std::to_string(money->Fen());
  }
  if (unit == "code") {
    static const std::regex kCode(R"(^[a-z][a-z0-9_]*$)");
    if (!std::regex_match(typed, kCode)) return _("A code is lowercase letters, digits and _, e.g. yuan_up.");
    return typed;
  }
  if (unit == "code_list") {
    static const std::regex kCodes(R"(^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$)");
    if (!std::regex_match(typed, kCodes)) {
      return _("A list of codes is codes separated by commas without spaces, e.g. dibao,near_dibao.");
    }
    return typed;
  }
  static const std::regex kWhole(R"(^[1-9][0-9]{0,8}$)");
  if (!std::regex_match(typed, kWhole)) return _("Type a whole number above zero.");
  return typed;
}

}  // namespace

Section ParametersPanel::Describe() {
  return Section{[] { return _("Program parameters"); }, [](const Session&) { return true; },
                 [](wxWindow* parent, Context& context) { return new ParametersPanel(parent, context); }};
}

ParametersPanel::ParametersPanel(wxWindow* parent, Context& context)
    : AsyncListPanel(parent, context.GetWorkers().cases), m_session(context.GetSession()) {
  const Session& session = m_session;
  m_editable = session.May(model::StaffOperation::EditParameters);
  BuildBrowse();
  if (m_editable) BuildAddForm();
  Reload();
}

void ParametersPanel::BuildBrowse() {
  m_program = new wxChoice(this, wxID_ANY);
  m_program->SetName("filter_program");
  m_program->Append(_("All programs"));
  m_program->SetSelection(0);
  m_region = new wxChoice(this, wxID_ANY);
  m_region->SetName("filter_region");
  m_region->Append(_("All regions"));
  for (const auto& region : m_session.regions) {
    const auto code = model::RegionCode::Parse(region.code);
    if (!code) continue;
    m_regionPrefixes.push_back(code->ScopePrefix());
    m_region->Append(Wx(region.name) + wxS(" (") + Wx(code->ScopePrefix()) + wxS(")"));
  }
  m_region->SetSelection(0);
  auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
  auto* status = MakeStatusLine(wxST_ELLIPSIZE_END);
  m_list = MakeReportList(this, "parameters",
                          {{_("Program"), 130}, {_("Region"), 110}, {_("Key"), 190}, {_("Value"), 110},
                           {_("Unit"), 110}, {_("Effective from"), 100}, {_("Note"), 200}, {_("Added by"), 160}});
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(new wxStaticText(this, wxID_ANY, _("Program:")), wxSizerFlags().CenterVertical());
  bar->Add(m_program, wxSizerFlags().Border(wxLEFT, 4));
  bar->Add(new wxStaticText(this, wxID_ANY, _("Region:")), wxSizerFlags().CenterVertical().Border(wxLEFT, 12));
  bar->Add(m_region, wxSizerFlags().Border(wxLEFT, 4));
  bar->Add(refresh, wxSizerFlags().Border(wxLEFT, 8));
  bar->Add(status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 12));
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 6));
  top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 6));
  if (!m_editable) {
    top->Add(new wxStaticText(this, wxID_ANY, _("Read only: center administrators add parameter values.")),
             wxSizerFlags().Border(wxALL, 6));
  }
  SetSizer(top);
  auto reload = [this](wxCommandEvent&) { Reload(); };
  m_program->Bind(wxEVT_CHOICE, reload);
  m_region->Bind(wxEVT_CHOICE, reload);
  refresh->Bind(wxEVT_BUTTON, reload);
}

void ParametersPanel::BuildAddForm() {
  auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Add a new value (the rows before it stay as history)"));
  wxWindow* parent = box->GetStaticBox();
  auto* grid = new wxFlexGridSizer(6, wxSize(8, 2));
  grid->AddGrowableCol(1, 1);
  grid->AddGrowableCol(5, 1);
  auto field = [&](const std::string& name, const wxString& label, wxWindow* control) {
    control->SetName(Wx(name));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(control, wxSizerFlags().Expand());
    auto* message = new wxStaticText(parent, wxID_ANY, wxEmptyString);
    message->SetForegroundColour(kOverdueText);
    column->Add(message);
    m_messages[name] = message;
    grid->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().Border(wxTOP, 6));
    grid->Add(column, wxSizerFlags().Expand());
  };
  m_addProgram = new wxChoice(parent, wxID_ANY);
  field("program", _("Program:"), m_addProgram);
  m_addRegion = new wxChoice(parent, wxID_ANY);
  for (const auto& region : m_session.regions) {
    const auto code = model::RegionCode::Parse(region.code);
    if (!code || code->ScopePrefix().rfind(m_session.identity.regionScope, 0) != 0) continue;
    m_addPrefixes.push_back(code->ScopePrefix());
    m_addRegion->Append(Wx(region.name) + wxS(" (") + Wx(code->ScopePrefix()) + wxS(")"));
  }
  if (!m_addPrefixes.empty()) m_addRegion->SetSelection(0);
  field("region", _("Region:"), m_addRegion);
  m_addKey = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxSize(220, -1));
  field("key", _("Key:"), m_addKey);
  m_value = new wxTextCtrl(parent, wxID_ANY);
  field("value", _("Value:"), m_value);
  m_addUnit = new wxStaticText(parent, wxID_ANY, wxEmptyString);
  field("unit", _("Unit:"), m_addUnit);
  m_from = new wxTextCtrl(parent, wxID_ANY, Wx(IsoDate(Today())));
  field("effective_from", _("Effective from:"), m_from);
  m_note = new wxTextCtrl(parent, wxID_ANY);
  field("note", _("Note (the notice it comes from):"), m_note);
  auto* add = new wxButton(parent, wxID_ANY, _("Add value"));
  add->SetName("add_parameter");
  box->Add(grid, wxSizerFlags().Expand().Border(wxALL, 4));
  box->Add(add, wxSizerFlags().Right().Border(wxALL, 4));
  GetSizer()->Add(box, wxSizerFlags().Expand().Border(wxALL, 6));
  m_addProgram->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { FillKeys(); });
  m_addKey->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { FillKeys(); });
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddRow(); });
  add->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!m_adding && !m_programs.empty()); });
}

wxString ParametersPanel::FieldMessage(const std::string& field) const {
  const auto it = m_messages.find(field);
  return it == m_messages.end() ? wxString() : it->second->GetLabel();
}

std::string ParametersPanel::FilterProgram() const {
  const int index = m_program->GetSelection();
  return index > 0 && static_cast<std::size_t>(index) <= m_programs.size()
             ? m_programs[static_cast<std::size_t>(index - 1)].code
             : std::string();
}

std::string ParametersPanel::FilterRegion() const {
  const int index = m_region->GetSelection();
  return index > 0 ? m_regionPrefixes[static_cast<std::size_t>(index - 1)] : std::string();
}

void ParametersPanel::Reload() {
  BeginLoad();
  const std::string program = FilterProgram(), region = FilterRegion();
  Load<Loaded>(
      [program, region](dal::pg::PgDatabase& db) {
        auto& parameters = db.Parameters();
        return Loaded{parameters.Programs(), parameters.List(program, region), parameters.List("", "")};
      },
      [this](Loaded loaded) {
        if (m_programs.empty()) {
          m_programs = std::move(loaded.programs);
          for (const auto& p : m_programs) m_program->Append(Wx(p.chinese));
          if (m_addProgram != nullptr) {
            for (const auto& p : m_programs) m_addProgram->Append(Wx(p.chinese));
            m_addProgram->SetSelection(0);
          }
        }
        m_units.clear();
        for (const auto& row : loaded.all) m_units[row.program][row.key] = row.unit;
        m_rows = std::move(loaded.rows);
        FillList();
        if (m_addProgram != nullptr) FillKeys();
      });
}

void ParametersPanel::FillList() {
  std::map<std::string, wxString> names;
  for (const auto& p : m_programs) names[p.code] = Wx(p.chinese);
  m_list->DeleteAllItems();
  for (const auto& row : m_rows) {
    AddReportRow(m_list, {names.count(row.program) ? names[row.program] : Wx(row.program), Wx(row.regionPrefix),
                          Wx(row.key), ValueText(row), UnitLabel(row.unit), Wx(row.effectiveFrom), Wx(row.note),
                          Wx(row.createdBy + " " + row.createdAt)});
  }
  ShowStatus(wxString::Format(_("%zu rows"), m_rows.size()));
}

void ParametersPanel::FillKeys() {
  const int program = m_addProgram->GetSelection();
  if (program < 0) return;
  const auto& units = m_units[m_programs[static_cast<std::size_t>(program)].code];
  const std::string chosen = m_addKey->GetSelection() >= 0 && static_cast<std::size_t>(m_addKey->GetSelection()) <
                                                                  m_addKeys.size()
                                 ? m_addKeys[static_cast<std::size_t>(m_addKey->GetSelection())]
                                 : std::string();
  m_addKeys.clear();
  m_addKey->Clear();
  for (const auto& [key, unit] : units) {
    m_addKeys.push_back(key);
    m_addKey->Append(Wx(key));
    if (key == chosen) m_addKey->SetSelection(static_cast<int>(m_addKey->GetCount()) - 1);
  }
  if (m_addKey->GetSelection() < 0 && !m_addKeys.empty()) m_addKey->SetSelection(0);
  const int key = m_addKey->GetSelection();
  m_addUnit->SetLabel(key >= 0 ? UnitLabel(units.at(m_addKeys[static_cast<std::size_t>(key)])) : wxString());
  Layout();
}

void ParametersPanel::ShowField(const std::string& field, const wxString& message) {
  if (const auto it = m_messages.find(field); it != m_messages.end()) it->second->SetLabel(message);
}

bool ParametersPanel::CheckForm(dal::ProgramParameter& row) {
  for (auto& [name, line] : m_messages) line->SetLabel(wxString());
  bool good = true;
  auto fail = [&](const std::string& field, const wxString& message) {
    ShowField(field, message);
    good = false;
  };
  const int program = m_addProgram->GetSelection(), region = m_addRegion->GetSelection(),
            key = m_addKey->GetSelection();
  if (program < 0) {
    fail("program", _("Choose the program."));
    return false;
  }
  row.program = m_programs[static_cast<std::size_t>(program)].code;
  if (region < 0) {
    fail("region", _("Choose the region the value applies to."));
  } else {
    row.regionPrefix = m_addPrefixes[static_cast<std::size_t>(region)];
  }
  if (key < 0) {
    fail("key", _("Choose the key."));
    return false;
  }
  row.key = m_addKeys[static_cast<std::size_t>(key)];
  row.unit = m_units[row.program][row.key];
  const auto value = StoredValue(row.unit, TrimmedUtf8(m_value->GetValue()));
  if (const auto* message = std::get_if<wxString>(&value)) {
    fail("value", *message);
  } else {
    row.value = std::get<std::string>(value);
  }
  row.effectiveFrom = TrimmedUtf8(m_from->GetValue());
  if (!ParseIsoDate(row.effectiveFrom)) fail("effective_from", _("Type the date as YYYY-MM-DD, e.g. 2027-01-01."));
  row.note = TrimmedUtf8(m_note->GetValue());
  return good;
}

void ParametersPanel::ShowRefusal(AddRefusal refusal) {
  switch (refusal) {
    case AddRefusal::SameDay:
      return ShowField("effective_from", _("This key already has a value from this date here: choose another date."));
    case AddRefusal::OutsideScope:
      return ShowField("region", _("You may add values only for regions inside your scope."));
    case AddRefusal::OtherUnit:
      return ShowField("value", _("The value's unit differs from the key's earlier rows."));
    case AddRefusal::Malformed:
      return ShowField("value", _("The database refused the value as malformed."));
    case AddRefusal::None:
      return;
  }
}

void ParametersPanel::AddRow() {
  if (!m_editable || m_adding) return;
  dal::ProgramParameter row;
  if (!CheckForm(row)) return;
  m_adding = true;
  ShowStatus(_("Saving..."));
  Worker().Run<AddRefusal>(
      this,
      [row](dal::pg::PgDatabase& db) {
        // The refusals a user can correct come back as outcomes, to be
        // shown at their field; the rest are failures.
        try {
          db.Parameters().Add(row);
        } catch (const dal::PermissionDenied&) {
          return AddRefusal::OutsideScope;
        } catch (const dal::ConstraintViolation& e) {
          if (e.SqlState() == "23505") return AddRefusal::SameDay;    // the key's row of that day exists
          if (e.SqlState() == "23514") return AddRefusal::Malformed;  // the value's CHECK
          throw;
        } catch (const dal::RuleRefused& e) {
          if (e.Code() == "parameter.unit_differs") return AddRefusal::OtherUnit;
          throw;
        }
        return AddRefusal::None;
      },
      [this](AddRefusal refusal) {
        m_adding = false;
        if (refusal != AddRefusal::None) {
          ShowStatus(wxString::Format(_("%zu rows"), m_rows.size()));  // no longer "Saving..."
          return ShowRefusal(refusal);
        }
        m_value->Clear();
        m_note->Clear();
        Reload();
      },
      [this](const JobFailure& failure) {
        m_adding = false;
        ShowStatus(wxString::Format(_("Not added: %s"), failure.message));
      });
}

}  // namespace doudi::gui
