#include "registry/household_editor.h"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/display.h>
#include <wx/grid.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <variant>

#include "app/session.h"
#include "common/conflict_dialog.h"
#include "common/database_worker.h"
#include "common/wx_text.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/money.h"
#include "doudi/model/region_code.h"
#include "doudi/model/resident_id.h"
#include "doudi/workstation/household_merge.h"
#include "registry/draft_directory.h"

namespace doudi::gui {
namespace {
// Not kSaveId: GTK would replace a stock Save button's label with its own,
// in the system's language rather than the workstation's.
const int kSaveId = wxWindow::NewControlId();
}  // namespace

namespace {

const wxColour kErrorText(183, 28, 28);
const wxColour kErrorCell(255, 205, 210);
const wxColour kDerivedCell(238, 238, 238);  // read-only cells derived from the ID

using Table = HouseholdEditor::Table;

bool IsMasked(std::string_view value) {
  return value.find('*') != std::string_view::npos;
}

template <model::DomainEnum E>
wxArrayString EnumLabels() {
  wxArrayString labels;
  for (const auto& entry : model::EnumTexts<E>()) labels.Add(Wx(entry.chinese));
  return labels;
}

// Domain values are data: always their Chinese label, in either UI language.
template <model::DomainEnum E>
wxString Label(E value) {
  return Wx(model::ToChinese(value));
}

template <model::DomainEnum E>
std::optional<E> ParseLabel(const wxString& text) {
  return model::ParseEnum<E>(Utf8(text));
}

template <model::DomainEnum E>
E EnumAt(int index) {
  const auto texts = model::EnumTexts<E>();
  return index >= 0 && static_cast<std::size_t>(index) < texts.size() ? texts[static_cast<std::size_t>(index)].value
                                                                      : texts.front().value;
}

wxString Trimmed(const wxString& text) {
  wxString copy = text;
  return copy.Trim(true).Trim(false);
}

wxString Yuan(model::Money amount) {
  return wxString(wxUniChar(0x00A5)) + Wx(amount.ToDisplayString());
}

wxString IsoDate(std::chrono::year_month_day date) {
  return wxString::Format(wxS("%04d-%02u-%02u"), static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                          static_cast<unsigned>(date.day()));
}

wxString SexText(model::Sex sex) {
  return sex == model::Sex::Male ? _("Male") : _("Female");
}

// The model's messages are English sentences; the form shows them in the
// user's language keyed by the stable issue code, so the catalog is built
// from these strings by xgettext. Unknown codes fall back to the model's
// sentence through the catalog.
wxString IdErrorText(model::ResidentIdError error) {
  switch (error) {
    case model::ResidentIdError::WrongLength:
      return _("A resident ID number has exactly 18 characters.");
    case model::ResidentIdError::InvalidCharacter:
      return _("A resident ID number is 17 digits followed by a digit or X.");
    case model::ResidentIdError::InvalidBirthDate:
      return _("The birth date in the resident ID number (characters 7 to 14) is not a real date.");
    case model::ResidentIdError::BirthDateInFuture:
      return _("The birth date in the resident ID number is in the future.");
    case model::ResidentIdError::ChecksumMismatch:
      return _(
          "The last character of the resident ID number does not match the others; check for a mistyped "
          "digit.");
  }
  return Wx(model::Describe(error));
}

wxString IssueMessage(const model::ValidationIssue& issue) {
  const std::string& code = issue.code;
  if (code == "region_code.invalid") return _("Choose the village or community the household belongs to.");
  if (code == "region_code.not_village")
    return _("A household belongs to a village or community: choose a region at that level.");
  if (code == "members.empty") return _("A household has at least one member: add one.");
  if (code == "members.no_head") return _("Mark one member as the head of the household (Make head).");
  if (code == "relation.multiple_heads")
    return _("Another member is already the head of the household; a household has exactly one.");
  if (code == "name.empty") return _("Enter the person's name.");
  if (code == "name.invalid_encoding") return _("The name contains characters that cannot be stored; type it again.");
  if (code == "name.too_long") return _("A name has at most 50 characters.");
  if (code == "id_number.duplicate")
    return _("This ID number is already entered for another member of this household.");
  for (const auto error : {model::ResidentIdError::WrongLength, model::ResidentIdError::InvalidCharacter,
                           model::ResidentIdError::InvalidBirthDate, model::ResidentIdError::BirthDateInFuture,
                           model::ResidentIdError::ChecksumMismatch}) {
    if (code == "id_number." + std::string(model::ReasonCode(error))) return IdErrorText(error);
  }
  if (code == "disability_grade.without_category")
    return _("A disability grade is recorded only together with a disability category.");
  if (code == "disability_grade.out_of_range") return _("Choose a disability grade from 1 (most severe) to 4.");
  if (code == "monthly.negative") return _("A monthly income cannot be negative.");
  if (code == "member_id_number.unknown_member")
    return _("This income belongs to someone who is no longer a member: choose a member or the whole household.");
  if (code == "value.negative") return _("An asset's value cannot be negative.");
  if (code == "bank_account.invalid") return _("A bank account number is 10 to 30 digits, without spaces.");
  if (code == "phone.invalid") return _("Use digits, an optional leading +, and - between groups; 5 to 20 characters.");
  return wxGetTranslation(Wx(issue.message));
}

// A field path of model::Validate: "members[2].id_number" gives
// {"members", 2, "id_number"}; "address" gives {"address", nullopt, ""}.
struct FieldPath {
  std::string collection;
  std::optional<std::size_t> index;
  std::string name;
};

FieldPath ParseFieldPath(const std::string& field) {
  FieldPath path;
  const auto open = field.find('[');
  const auto close = field.find(']');
  if (open == std::string::npos || close == std::string::npos || close < open) {
    path.collection = field;
    return path;
  }
  path.collection = field.substr(0, open);
  try {
    path.index = static_cast<std::size_t>(std::stoul(field.substr(open + 1, close - open - 1)));
  } catch (const std::exception&) {
    path.index.reset();
  }
  if (close + 2 <= field.size()) path.name = field.substr(close + 2);
  return path;
}

std::optional<Table> TableOf(const std::string& collection) {
  if (collection == "members") return Table::Members;
  if (collection == "incomes") return Table::Incomes;
  if (collection == "assets") return Table::Assets;
  return std::nullopt;
}

// The grid column that shows a member, income or asset field.
int ColumnOf(Table table, const std::string& name) {
  switch (table) {
    case Table::Members:
      if (name == "id_number") return HouseholdEditor::kMemberIdNumber;
      if (name == "relation") return HouseholdEditor::kMemberRelation;
      if (name == "disability_grade") return HouseholdEditor::kMemberGrade;
      if (name == "disability_category") return HouseholdEditor::kMemberDisability;
      return HouseholdEditor::kMemberName;
    case Table::Incomes:
      if (name == "member_id_number") return HouseholdEditor::kIncomeMember;
      if (name == "kind") return HouseholdEditor::kIncomeKind;
      if (name == "note") return HouseholdEditor::kIncomeNote;
      return HouseholdEditor::kIncomeMonthly;
    case Table::Assets:
      if (name == "kind") return HouseholdEditor::kAssetKind;
      if (name == "description") return HouseholdEditor::kAssetDescription;
      return HouseholdEditor::kAssetValue;
  }
  return 0;
}

// Illnesses are typed as a list with any usual separator (、，；, ;) and
// shown with the Chinese enumeration comma; the database keeps them apart.
std::vector<std::string> SplitIllnesses(const wxString& text) {
  wxString unified = text;
  for (const wxUniChar separator : {wxUniChar(0x3001), wxUniChar(0xFF0C), wxUniChar(0xFF1B), wxUniChar(',')}) {
    unified.Replace(wxString(separator), wxS(";"));
  }
  std::vector<std::string> illnesses;
  for (const wxString& part : wxSplit(unified, ';', '\0')) {
    const wxString illness = Trimmed(part);
    if (!illness.empty()) illnesses.push_back(Utf8(illness));
  }
  return illnesses;
}

wxString JoinIllnesses(const std::vector<std::string>& illnesses) {
  wxString text;
  for (const auto& illness : illnesses) {
    if (!text.empty()) text += wxUniChar(0x3001);
    text += Wx(illness);
  }
  return text;
}

void ResizeRows(wxGrid* grid, int rows) {
  if (grid->GetNumberRows() > 0) grid->DeleteRows(0, grid->GetNumberRows());
  if (rows > 0) grid->AppendRows(rows);
}

void SetColumn(wxGrid* grid, int column, wxGridCellEditor* editor, bool readOnly = false, bool amount = false) {
  auto* attr = new wxGridCellAttr;
  if (editor) attr->SetEditor(editor);
  if (readOnly) {
    attr->SetReadOnly();
    attr->SetBackgroundColour(kDerivedCell);
  }
  if (amount) attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTRE);
  grid->SetColAttr(column, attr);
}

int ToInt(std::size_t value) {
  return static_cast<int>(value);
}
std::size_t ToIndex(int value) {
  return static_cast<std::size_t>(value);
}

}  // namespace

HouseholdEditor::HouseholdEditor(wxWindow* parent, DatabaseWorker& worker, const Session& session,
                                 std::optional<std::int64_t> householdId)
    : wxDialog(parent, wxID_ANY,
               householdId ? wxString::Format(_("Household No. %lld"), static_cast<long long>(*householdId))
                           : _("New household"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_worker(worker),
      m_session(session),
      m_edit(householdId, !session.CanEditRegistry(), workstation::DraftStore(DefaultDraftDirectory()),
             workstation::DatabaseIdentity(session.connectionString, session.server.database,
                                           session.identity.roleName)),
      m_household(m_edit.Edited()) {
  m_resolver = [this](const model::Household& base, const model::Household& theirs,
                      const model::Household& mine) -> std::optional<model::Household> {
    std::map<std::string, std::string> names;
    for (const auto& region : m_session.regions) names[region.code] = region.name;
    ConflictDialog dialog(this, base, theirs, mine, std::move(names));
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return dialog.MergedHousehold();
  };
  m_draftPrompt = [this](const wxString& when) {
    const wxString question =
        HouseholdId() ? wxString::Format(_("A draft of this household from %s was not saved. Restore it?"), when)
                      : wxString::Format(_("A draft of a new household from %s was not saved. Restore it?"), when);
    wxMessageDialog ask(this, question, _("Unsaved draft"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Restore the draft"), _("&Discard the draft"));
    return ask.ShowModal() == wxID_YES;
  };
  m_draftTimer.SetOwner(this);

  BuildForm();
  BindEvents();
  if (IsReadOnly()) MakeReadOnly();

  if (HouseholdId()) {
    Load();
  } else {
    // A desk that serves one village needs not choose it.
    model::Household blank;
    if (m_regionCodes.size() == 1) blank.regionCode = m_regionCodes.front();
    m_edit.StartNew(std::move(blank));
    Fill();
    ShowState();
    // Once the dialog runs, so the question appears over the form.
    CallAfter([this] { Safely([this] { OfferDraft(); }); });
  }
}

// ---------------------------------------------------------------- layout

void HouseholdEditor::BuildForm() {
  auto* top = new wxBoxSizer(wxVERTICAL);
  m_status = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  m_status->SetMinSize(wxSize(FromDIP(100), -1));
  top->Add(m_status, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP));

  m_form = new wxPanel(this);
  auto* form = new wxBoxSizer(wxVERTICAL);

  // Household fields, two per row, in reading order (the tab order).
  auto* householdBox = new wxStaticBoxSizer(wxVERTICAL, m_form, _("Household"));
  wxWindow* hb = householdBox->GetStaticBox();
  auto* fields = new wxFlexGridSizer(4, FromDIP(wxSize(10, 4)));
  fields->AddGrowableCol(1, 1);
  fields->AddGrowableCol(3, 1);
  const auto label = [&](const wxString& text) {
    fields->Add(new wxStaticText(hb, wxID_ANY, text), wxSizerFlags().Top().Border(wxTOP, FromDIP(6)));
  };

  // Villages of the user's scope, each with its township, then the code.
  std::map<std::string, std::string> names;
  for (const auto& region : m_session.regions) names[region.code] = region.name;
  m_region = new wxChoice(hb, wxID_ANY);
  for (const auto& region : m_session.regions) {
    const auto code = model::RegionCode::Parse(region.code);
    if (!code || code->Level() != model::RegionLevel::Village) continue;
    wxString text = Wx(region.name);
    if (const auto parent = code->Parent()) {
      if (const auto it = names.find(parent->Text()); it != names.end()) text = Wx(it->second) + wxS(" ") + text;
    }
    m_region->Append(text + wxS(" (") + Wx(region.code) + wxS(")"));
    m_regionCodes.push_back(region.code);
  }
  label(_("Village:"));
  fields->Add(WithMessage(hb, m_region, "region_code"), wxSizerFlags().Expand());

  m_address = new wxTextCtrl(hb, wxID_ANY);
  label(_("Address:"));
  fields->Add(WithMessage(hb, m_address, "address"), wxSizerFlags().Expand());

  m_phone = new wxTextCtrl(hb, wxID_ANY);
  label(_("Phone:"));
  fields->Add(WithMessage(hb, m_phone, "phone"), wxSizerFlags().Expand());

  m_housing = new wxChoice(hb, wxID_ANY, wxDefaultPosition, wxDefaultSize, EnumLabels<model::HousingCondition>());
  label(_("Housing:"));
  fields->Add(WithMessage(hb, m_housing, "housing"), wxSizerFlags().Expand());

  m_registryStatus = new wxChoice(hb, wxID_ANY, wxDefaultPosition, wxDefaultSize, EnumLabels<model::RegistryStatus>());
  label(_("Registry status:"));
  fields->Add(WithMessage(hb, m_registryStatus, "status"), wxSizerFlags().Expand());

  m_bankName = new wxTextCtrl(hb, wxID_ANY);
  label(_("Bank:"));
  fields->Add(WithMessage(hb, m_bankName, "bank_name"), wxSizerFlags().Expand());

  m_bankAccount = new wxTextCtrl(hb, wxID_ANY);
  label(_("Bank account:"));
  wxSizer* account = WithMessage(hb, m_bankAccount, "bank_account");
  m_bankHint = new wxStaticText(
      hb, wxID_ANY, _("Shown masked. Type the full number to replace it, or leave it to keep the stored one."),
      wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  m_bankHint->SetMinSize(wxSize(FromDIP(60), -1));
  m_bankHint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  m_bankHint->Hide();
  account->Add(m_bankHint, wxSizerFlags().Expand());
  fields->Add(account, wxSizerFlags().Expand());
  householdBox->Add(fields, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
  form->Add(householdBox, wxSizerFlags().Expand().Border(wxBOTTOM));

  // A grid with its buttons on the right and its message line below.
  const auto table = [&](Table which, const wxString& title, const std::vector<std::pair<wxString, int>>& columns,
                         const std::vector<std::pair<wxString, std::function<void()>>>& buttons) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, m_form, title);
    wxWindow* parent = box->GetStaticBox();
    wxGrid* grid = MakeGrid(parent, which, columns);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(grid, wxSizerFlags(1).Expand());
    auto* buttonColumn = new wxBoxSizer(wxVERTICAL);
    for (std::size_t i = 0; i < buttons.size(); ++i) {
      auto* button = new wxButton(parent, wxID_ANY, buttons[i].first);
      button->Bind(wxEVT_BUTTON, [this, action = buttons[i].second](wxCommandEvent&) { Safely(action); });
      // The first button adds a row; the others act on the cursor's row.
      if (i > 0) {
        button->Bind(wxEVT_UPDATE_UI, [grid](wxUpdateUIEvent& e) {
          e.Enable(grid->GetNumberRows() > 0 && grid->GetGridCursorRow() >= 0);
        });
      }
      buttonColumn->Add(button, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
      m_rowButtons.push_back(button);
    }
    row->Add(buttonColumn, wxSizerFlags().Border(wxLEFT));
    box->Add(row, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(4)));
    auto* message =
        new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    message->SetMinSize(wxSize(FromDIP(100), -1));
    message->SetForegroundColour(kErrorText);
    m_tableMessages[Index(which)] = message;
    box->Add(message, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    return box;
  };
  const auto cursorRow = [this](Table which) { return Grid(which)->GetGridCursorRow(); };

  form->Add(table(Table::Members, _("Members"),
                  {{_("Name"), 72},
                   {_("ID number"), 150},
                   {_("Relation"), 72},
                   {_("Sex"), 52},
                   {_("Birth date"), 86},
                   {_("Disability"), 64},
                   {_("Grade"), 48},
                   {_("Illnesses"), 96},
                   {_("Schooling"), 76},
                   {_("Employment"), 76},
                   {_("Ability to work"), 104}},
                  {{_("Add &member"), [this] { AddRow(Table::Members); }},
                   {_("Remo&ve member"), [this, cursorRow] { RemoveRow(Table::Members, cursorRow(Table::Members)); }},
                   {_("Make &head"), [this, cursorRow] { MakeHead(cursorRow(Table::Members)); }}}),
            wxSizerFlags(3).Expand().Border(wxBOTTOM));

  auto* lists = new wxBoxSizer(wxHORIZONTAL);
  lists->Add(table(Table::Incomes, _("Monthly income"),
                   {{_("Member"), 124}, {_("Kind"), 84}, {_("Monthly (yuan)"), 96}, {_("Note"), 90}},
                   {{_("Add &income"), [this] { AddRow(Table::Incomes); }},
                    {_("Remove income"), [this, cursorRow] { RemoveRow(Table::Incomes, cursorRow(Table::Incomes)); }}}),
             wxSizerFlags(1).Expand().Border(wxRIGHT));
  lists->Add(table(Table::Assets, _("Assets"), {{_("Kind"), 80}, {_("Description"), 150}, {_("Value (yuan)"), 100}},
                   {{_("Add a&sset"), [this] { AddRow(Table::Assets); }},
                    {_("Remove asset"), [this, cursorRow] { RemoveRow(Table::Assets, cursorRow(Table::Assets)); }}}),
             wxSizerFlags(1).Expand());
  form->Add(lists, wxSizerFlags(2).Expand().Border(wxBOTTOM));

  m_perCapita = new wxStaticText(m_form, wxID_ANY, wxString());
  m_perCapita->SetFont(m_perCapita->GetFont().Bold());
  form->Add(m_perCapita, wxSizerFlags().Border(wxLEFT));
  m_form->SetSizer(form);
  top->Add(m_form, wxSizerFlags(1).Expand().Border(wxALL));

  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  m_retry = new wxButton(this, wxID_ANY, _("Try again"));
  m_retry->Hide();
  bottom->Add(m_retry);
  bottom->AddStretchSpacer();
  auto* buttons = new wxStdDialogButtonSizer;
  // Labelled here, so the doudi catalog alone translates them.
  m_save = new wxButton(this, kSaveId, _("&Save"));
  m_cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
  buttons->SetAffirmativeButton(m_save);  // AddButton ignores a button without a stock id
  buttons->AddButton(m_cancel);
  buttons->Realize();
  bottom->Add(buttons);
  top->Add(bottom, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM));
  SetSizer(top);

  // Esc cancels (through the Cancel button, so the unsaved-changes prompt
  // applies); no default button, so Enter in a field or grid never closes.
  SetEscapeId(wxID_CANCEL);
  wxAcceleratorEntry keys[1];
  keys[0].Set(wxACCEL_CTRL, 'S', kSaveId);
  SetAcceleratorTable(wxAcceleratorTable(1, keys));

  // 1180x720 fits a 1366x768 desk with its task bar; a smaller screen gets
  // all of its work area.
  const wxRect area = wxDisplay(GetParent() ? GetParent() : static_cast<wxWindow*>(this)).GetClientArea();
  SetSize(wxSize(std::min(FromDIP(1180), area.width), std::min(FromDIP(720), area.height)));
  SetMinSize(wxSize(std::min(FromDIP(820), area.width), std::min(FromDIP(560), area.height)));
  CentreOnParent();
}

wxGrid* HouseholdEditor::MakeGrid(wxWindow* parent, Table table, const std::vector<std::pair<wxString, int>>& columns) {
  auto* grid = new wxGrid(parent, wxID_ANY);
  grid->CreateGrid(0, ToInt(columns.size()));
  grid->SetRowLabelSize(FromDIP(32));
  grid->DisableDragRowSize();
  // Tab at the end of a row goes on to the next control, so the keyboard
  // never gets stuck in a grid.
  grid->SetTabBehaviour(wxGrid::Tab_Leave);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const int column = ToInt(i);
    grid->SetColLabelValue(column, columns[i].first);
    // Wide enough for the values and for the label in either language.
    grid->AutoSizeColLabelSize(column);
    grid->SetColSize(column, std::max(grid->GetColSize(column), FromDIP(columns[i].second)));
  }
  grid->SetMinSize(FromDIP(wxSize(240, 90)));
  m_grids[Index(table)] = grid;

  const auto choices = [](wxArrayString labels) { return new wxGridCellChoiceEditor(labels); };
  switch (table) {
    case Table::Members: {
      // Its own editor instance, so EDITOR_CREATED names this column and
      // the ID can be checked as it is typed.
      SetColumn(grid, kMemberIdNumber, new wxGridCellTextEditor);
      SetColumn(grid, kMemberRelation, choices(EnumLabels<model::Relation>()));
      SetColumn(grid, kMemberSex, nullptr, true);
      SetColumn(grid, kMemberBirthDate, nullptr, true);
      SetColumn(grid, kMemberDisability, choices(EnumLabels<model::DisabilityCategory>()));
      wxArrayString grades;
      grades.Add(wxString());
      for (int g = 1; g <= 4; ++g) grades.Add(wxString::Format(wxS("%d"), g));
      SetColumn(grid, kMemberGrade, choices(grades));
      SetColumn(grid, kMemberSchooling, choices(EnumLabels<model::Schooling>()));
      SetColumn(grid, kMemberEmployment, choices(EnumLabels<model::Employment>()));
      SetColumn(grid, kMemberWorkAbility, choices(EnumLabels<model::WorkAbility>()));
      break;
    }
    case Table::Incomes:
      SetColumn(grid, kIncomeKind, choices(EnumLabels<model::IncomeKind>()));
      SetColumn(grid, kIncomeMonthly, nullptr, false, true);
      break;
    case Table::Assets:
      SetColumn(grid, kAssetKind, choices(EnumLabels<model::AssetKind>()));
      SetColumn(grid, kAssetValue, nullptr, false, true);
      break;
  }
  return grid;
}

wxSizer* HouseholdEditor::WithMessage(wxWindow* parent, wxWindow* control, const std::string& field) {
  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(control, wxSizerFlags().Expand());
  // Ellipsized with a small minimum width, so a long message never widens
  // the form; the tooltip holds all of it.
  auto* message = new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  message->SetMinSize(wxSize(FromDIP(60), -1));
  message->SetForegroundColour(kErrorText);
  message->Hide();
  column->Add(message, wxSizerFlags().Expand());
  m_fieldMessages[field] = message;
  return column;
}

void HouseholdEditor::BindEvents() {
  const auto save = [this](wxCommandEvent&) { Save(); };
  Bind(wxEVT_BUTTON, save, kSaveId);
  Bind(wxEVT_MENU, save, kSaveId);  // Ctrl+S
  Bind(
      wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(CanSave()); }, kSaveId);
  Bind(
      wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(GetState() != State::Saving); }, wxID_CANCEL);
  Bind(
      wxEVT_BUTTON,
      [this](wxCommandEvent&) {
        Safely([this] {
          if (ConfirmClose()) Finish(true);
        });
      },
      wxID_CANCEL);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
    if (!e.CanVeto()) {
      // Closed without asking (e.g. the session ends): the changes stay as
      // a draft, offered at the next opening.
      Safely([this] { WriteDraftNow(); });
      Finish(false);
      return;
    }
    bool close = true;
    Safely([&] { close = ConfirmClose(); });
    if (!close) {
      e.Veto();
      return;
    }
    Finish(true);
  });
  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { Safely([this] { WriteDraftNow(); }); }, m_draftTimer.GetId());
  // Esc while a cell is being edited abandons that edit only; the dialog
  // would otherwise see it first and close.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_ESCAPE) {
      for (wxGrid* grid : m_grids) {
        if (!grid->IsCellEditControlShown()) continue;
        if (wxGridCellEditor* editor = grid->GetCellEditor(grid->GetGridCursorRow(), grid->GetGridCursorCol())) {
          editor->Reset();
          editor->DecRef();
        }
        grid->DisableCellEditControl();
        Safely([this] { ShowIssues(); });
        return;
      }
    }
    e.Skip();
  });
  m_retry->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Safely([this] { Load(); }); });

  const auto onText = [this](wxTextCtrl* control, std::string model::Household::*member) {
    control->Bind(wxEVT_TEXT, [this, control, member](wxCommandEvent&) {
      Safely([&] {
        m_household.*member = Utf8(Trimmed(control->GetValue()));
        Revalidate();
      });
    });
  };
  onText(m_address, &model::Household::address);
  onText(m_phone, &model::Household::phone);
  onText(m_bankName, &model::Household::bankName);
  onText(m_bankAccount, &model::Household::bankAccount);
  // A masked account is selected on entry, so typing replaces all of it.
  m_bankAccount->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
    e.Skip();
    if (IsMasked(Utf8(m_bankAccount->GetValue()))) CallAfter([this] { m_bankAccount->SelectAll(); });
  });
  m_region->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    Safely([this] {
      const int selection = m_region->GetSelection();
      if (selection >= 0 && ToIndex(selection) < m_regionCodes.size()) {
        m_household.regionCode = m_regionCodes[ToIndex(selection)];
      }
      Revalidate();
    });
  });
  m_housing->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    Safely([this] {
      m_household.housing = EnumAt<model::HousingCondition>(m_housing->GetSelection());
      Revalidate();
    });
  });
  m_registryStatus->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    Safely([this] {
      m_household.status = EnumAt<model::RegistryStatus>(m_registryStatus->GetSelection());
      Revalidate();
    });
  });

  for (const Table table : {Table::Members, Table::Incomes, Table::Assets}) {
    wxGrid* grid = Grid(table);
    grid->Bind(wxEVT_GRID_CELL_CHANGED,
               [this, table](wxGridEvent& e) { Safely([&] { ApplyCell(table, e.GetRow(), e.GetCol()); }); });
    grid->Bind(wxEVT_GRID_SELECT_CELL, [this, table](wxGridEvent& e) {
      e.Skip();
      Safely([&] { ShowTableMessage(table, e.GetRow(), e.GetCol()); });
    });
    // The problem of the cell under the mouse, as a tooltip.
    grid->GetGridWindow()->Bind(wxEVT_MOTION, [this, table, grid](wxMouseEvent& e) {
      e.Skip();
      const wxPoint at = grid->CalcUnscrolledPosition(e.GetPosition());
      const wxString tip = CellIssue(table, grid->YToRow(at.y), grid->XToCol(at.x));
      wxWindow* window = grid->GetGridWindow();
      if (tip.empty()) {
        if (window->GetToolTip()) window->UnsetToolTip();
      } else if (window->GetToolTipText() != tip) {
        window->SetToolTip(tip);
      }
    });
  }
  wxGrid* members = Grid(Table::Members);
  members->Bind(wxEVT_GRID_EDITOR_CREATED, [this, members](wxGridEditorCreatedEvent& e) {
    e.Skip();
    if (e.GetCol() != kMemberIdNumber) return;
    if (auto* text = wxDynamicCast(e.GetWindow(), wxTextCtrl)) {
      text->Bind(wxEVT_TEXT, [this, text, members](wxCommandEvent& te) {
        te.Skip();
        if (members->GetGridCursorCol() != kMemberIdNumber) return;
        Safely([&] { ShowIdHint(members->GetGridCursorRow(), text->GetValue()); });
      });
    }
  });
  // After an edit ends (saved or not), the message line shows problems again.
  members->Bind(wxEVT_GRID_EDITOR_HIDDEN, [this](wxGridEvent& e) {
    e.Skip();
    CallAfter([this] { Safely([this] { ShowIssues(); }); });
  });
}

void HouseholdEditor::MakeReadOnly() {
  for (wxTextCtrl* text : {m_address, m_phone, m_bankName, m_bankAccount}) text->SetEditable(false);
  for (wxChoice* choice : {m_region, m_housing, m_registryStatus}) choice->Disable();
  for (wxGrid* grid : m_grids) grid->EnableEditing(false);
  for (wxButton* button : m_rowButtons) button->Hide();
  m_save->Hide();
  m_cancel->SetLabel(_("&Close"));
  m_bankHint->SetLabel(wxString());
}

// ---------------------------------------------------------------- loading and filling

void HouseholdEditor::Load() {
  if (!HouseholdId()) return;
  m_edit.StartLoading();
  ShowState();
  const std::int64_t id = *HouseholdId();
  m_worker.Run<std::optional<model::Household>>(
      this, [id](dal::pg::PgDatabase& db) { return db.Registry().LoadHousehold(id); },
      [this](std::optional<model::Household> household) {
        Safely([&] {
          if (!m_edit.Loaded(std::move(household))) {
            ShowState();
            ShowStatus(_("This household does not exist any more, or it is outside your region."), true);
            return;
          }
          Fill();
          ShowState();
          OfferDraft();
        });
      },
      [this](const JobFailure& failure) {
        Safely([&] {
          m_edit.LoadFailed();
          ShowState();
          ShowStatus(wxString::Format(_("The household could not be loaded: %s"), failure.message), true);
        });
      });
}

void HouseholdEditor::Fill() {
  const auto region = std::find(m_regionCodes.begin(), m_regionCodes.end(), m_household.regionCode);
  if (region != m_regionCodes.end()) {
    m_region->SetSelection(static_cast<int>(region - m_regionCodes.begin()));
  } else if (!m_household.regionCode.empty()) {
    // A region outside the list (e.g. renamed or out of scope) still shows.
    m_regionCodes.push_back(m_household.regionCode);
    m_region->SetSelection(m_region->Append(Wx(m_household.regionCode)));
  } else {
    m_region->SetSelection(wxNOT_FOUND);
  }
  m_address->ChangeValue(Wx(m_household.address));
  m_phone->ChangeValue(Wx(m_household.phone));
  m_housing->SetSelection(static_cast<int>(m_household.housing));
  m_registryStatus->SetSelection(static_cast<int>(m_household.status));
  m_bankName->ChangeValue(Wx(m_household.bankName));
  m_bankAccount->ChangeValue(Wx(m_household.bankAccount));
  m_bankHint->Show(!IsReadOnly() && IsMasked(m_edit.Base().bankAccount));

  ResizeRows(Grid(Table::Members), ToInt(m_household.members.size()));
  for (std::size_t i = 0; i < m_household.members.size(); ++i) FillMemberRow(ToInt(i));
  ResizeRows(Grid(Table::Incomes), ToInt(m_household.incomes.size()));
  m_badIncomeAmount.assign(m_household.incomes.size(), false);
  for (std::size_t i = 0; i < m_household.incomes.size(); ++i) FillIncomeRow(ToInt(i));
  ResizeRows(Grid(Table::Assets), ToInt(m_household.assets.size()));
  m_badAssetValue.assign(m_household.assets.size(), false);
  for (std::size_t i = 0; i < m_household.assets.size(); ++i) FillAssetRow(ToInt(i));
  RefreshIncomeMemberChoices();

  if (HouseholdId()) {
    const model::Person* head = m_household.Head();
    SetTitle(
        head && !head->name.empty()
            ? wxString::Format(_("Household of %s (No. %lld)"), Wx(head->name), static_cast<long long>(*HouseholdId()))
            : wxString::Format(_("Household No. %lld"), static_cast<long long>(*HouseholdId())));
  }
  Revalidate();
  m_form->Layout();
}

void HouseholdEditor::FillMemberRow(int row) {
  wxGrid* grid = Grid(Table::Members);
  const model::Person& p = m_household.members[ToIndex(row)];
  grid->SetCellValue(row, kMemberName, Wx(p.name));
  grid->SetCellValue(row, kMemberIdNumber, Wx(p.idNumber));
  grid->SetCellValue(row, kMemberRelation, Label(p.relation));
  grid->SetCellValue(row, kMemberDisability, Label(p.disability));
  grid->SetCellValue(row, kMemberGrade,
                     p.disabilityGrade == 0 ? wxString() : wxString::Format(wxS("%d"), p.disabilityGrade));
  grid->SetCellValue(row, kMemberIllnesses, JoinIllnesses(p.illnesses));
  grid->SetCellValue(row, kMemberSchooling, Label(p.schooling));
  grid->SetCellValue(row, kMemberEmployment, Label(p.employment));
  grid->SetCellValue(row, kMemberWorkAbility, Label(p.workAbility));
  FillDerivedCells(row);
}

void HouseholdEditor::FillDerivedCells(int row) {
  wxGrid* grid = Grid(Table::Members);
  const auto id = model::ResidentId::Parse(m_household.members[ToIndex(row)].idNumber, Today());
  if (const auto* valid = std::get_if<model::ResidentId>(&id)) {
    grid->SetCellValue(row, kMemberSex, SexText(valid->GetSex()));
    grid->SetCellValue(row, kMemberBirthDate, IsoDate(valid->BirthDate()));
  } else {
    grid->SetCellValue(row, kMemberSex, wxString());
    grid->SetCellValue(row, kMemberBirthDate, wxString());
  }
}

void HouseholdEditor::FillIncomeRow(int row) {
  wxGrid* grid = Grid(Table::Incomes);
  const model::IncomeItem& item = m_household.incomes[ToIndex(row)];
  grid->SetCellValue(row, kIncomeMember, IncomeMemberLabel(item.memberIdNumber));
  grid->SetCellValue(row, kIncomeKind, Label(item.kind));
  grid->SetCellValue(row, kIncomeMonthly, Wx(item.monthly.ToYuanString()));
  grid->SetCellValue(row, kIncomeNote, Wx(item.note));
}

void HouseholdEditor::FillAssetRow(int row) {
  wxGrid* grid = Grid(Table::Assets);
  const model::Asset& asset = m_household.assets[ToIndex(row)];
  grid->SetCellValue(row, kAssetKind, Label(asset.kind));
  grid->SetCellValue(row, kAssetDescription, Wx(asset.description));
  grid->SetCellValue(row, kAssetValue, Wx(asset.value.ToYuanString()));
}

void HouseholdEditor::RefreshIncomeMemberChoices() {
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
  wxGrid* grid = Grid(Table::Incomes);
  SetColumn(grid, kIncomeMember, new wxGridCellChoiceEditor(labels));
  for (std::size_t i = 0; i < m_household.incomes.size(); ++i) {
    grid->SetCellValue(ToInt(i), kIncomeMember, IncomeMemberLabel(m_household.incomes[i].memberIdNumber));
  }
}

wxString HouseholdEditor::IncomeMemberLabel(const std::string& memberIdNumber) const {
  if (memberIdNumber.empty()) return m_memberLabels.empty() ? wxString() : m_memberLabels.front();
  for (std::size_t i = 0; i < m_household.members.size() && i + 1 < m_memberLabels.size(); ++i) {
    if (m_household.members[i].idNumber == memberIdNumber) return m_memberLabels[i + 1];
  }
  return Wx(memberIdNumber);  // no such member: Validate says so at this cell
}

// ---------------------------------------------------------------- editing

void HouseholdEditor::ApplyCell(Table table, int row, int column) {
  wxGrid* grid = Grid(table);
  if (row < 0 || row >= grid->GetNumberRows()) return;
  const wxString text = grid->GetCellValue(row, column);
  switch (table) {
    case Table::Members:
      ApplyMemberCell(ToIndex(row), column, text);
      break;
    case Table::Incomes:
      ApplyIncomeCell(ToIndex(row), column, text);
      break;
    case Table::Assets:
      ApplyAssetCell(ToIndex(row), column, text);
      break;
  }
  Revalidate();
}

void HouseholdEditor::ApplyMemberCell(std::size_t row, int column, const wxString& text) {
  if (row >= m_household.members.size()) return;
  model::Person& p = m_household.members[row];
  wxGrid* grid = Grid(Table::Members);
  const int r = ToInt(row);
  switch (column) {
    case kMemberName:
      p.name = Utf8(Trimmed(text));
      RefreshIncomeMemberChoices();
      break;
    case kMemberIdNumber: {
      std::string id = Utf8(Trimmed(text));
      const auto parsed = model::ResidentId::Parse(id, Today());
      if (const auto* valid = std::get_if<model::ResidentId>(&parsed)) id = valid->Text();  // e.g. x -> X
      const std::string old = p.idNumber;
      p.idNumber = id;
      // Income items name their member by ID, so they follow the change.
      if (!old.empty()) {
        for (auto& income : m_household.incomes) {
          if (income.memberIdNumber == old) income.memberIdNumber = id;
        }
      }
      grid->SetCellValue(r, kMemberIdNumber, Wx(id));
      FillDerivedCells(r);
      RefreshIncomeMemberChoices();
      break;
    }
    case kMemberRelation:
      if (const auto value = ParseLabel<model::Relation>(text)) p.relation = *value;
      break;
    case kMemberDisability:
      if (const auto value = ParseLabel<model::DisabilityCategory>(text)) {
        p.disability = *value;
        // No disability, no grade: clearing it spares a needless message.
        if (*value == model::DisabilityCategory::None) {
          p.disabilityGrade = 0;
          grid->SetCellValue(r, kMemberGrade, wxString());
        }
      }
      break;
    case kMemberGrade: {
      long grade = 0;
      p.disabilityGrade = Trimmed(text).ToLong(&grade) ? static_cast<int>(grade) : 0;
      break;
    }
    case kMemberIllnesses:
      p.illnesses = SplitIllnesses(text);
      grid->SetCellValue(r, kMemberIllnesses, JoinIllnesses(p.illnesses));
      break;
    case kMemberSchooling:
      if (const auto value = ParseLabel<model::Schooling>(text)) p.schooling = *value;
      break;
    case kMemberEmployment:
      if (const auto value = ParseLabel<model::Employment>(text)) p.employment = *value;
      break;
    case kMemberWorkAbility:
      if (const auto value = ParseLabel<model::WorkAbility>(text)) p.workAbility = *value;
      break;
    default:
      break;
  }
}

void HouseholdEditor::ApplyIncomeCell(std::size_t row, int column, const wxString& text) {
  if (row >= m_household.incomes.size()) return;
  model::IncomeItem& item = m_household.incomes[row];
  switch (column) {
    case kIncomeMember: {
      const auto it = std::find(m_memberLabels.begin(), m_memberLabels.end(), text);
      if (it == m_memberLabels.begin()) {
        item.memberIdNumber.clear();
      } else if (it != m_memberLabels.end()) {
        const auto member = static_cast<std::size_t>(it - m_memberLabels.begin()) - 1;
        if (member < m_household.members.size()) item.memberIdNumber = m_household.members[member].idNumber;
      }
      break;
    }
    case kIncomeKind:
      if (const auto value = ParseLabel<model::IncomeKind>(text)) item.kind = *value;
      break;
    case kIncomeMonthly: {
      const auto amount = model::Money::ParseYuan(Utf8(text));
      m_badIncomeAmount[row] = !amount;
      if (amount) {
        item.monthly = *amount;
        Grid(Table::Incomes)->SetCellValue(ToInt(row), column, Wx(amount->ToYuanString()));
      }
      break;
    }
    case kIncomeNote:
      item.note = Utf8(Trimmed(text));
      break;
    default:
      break;
  }
}

void HouseholdEditor::ApplyAssetCell(std::size_t row, int column, const wxString& text) {
  if (row >= m_household.assets.size()) return;
  model::Asset& asset = m_household.assets[row];
  switch (column) {
    case kAssetKind:
      if (const auto value = ParseLabel<model::AssetKind>(text)) asset.kind = *value;
      break;
    case kAssetDescription:
      asset.description = Utf8(Trimmed(text));
      break;
    case kAssetValue: {
      const auto amount = model::Money::ParseYuan(Utf8(text));
      m_badAssetValue[row] = !amount;
      if (amount) {
        asset.value = *amount;
        Grid(Table::Assets)->SetCellValue(ToInt(row), column, Wx(amount->ToYuanString()));
      }
      break;
    }
    default:
      break;
  }
}

void HouseholdEditor::EditCell(Table table, int row, int column, const wxString& text) {
  Safely([&] {
    wxGrid* grid = Grid(table);
    if (row < 0 || row >= grid->GetNumberRows() || column < 0 || column >= grid->GetNumberCols()) return;
    if (grid->IsReadOnly(row, column) || IsReadOnly()) return;
    grid->SetCellValue(row, column, text);
    ApplyCell(table, row, column);
  });
}

void HouseholdEditor::AddRow(Table table) {
  if (IsReadOnly() || GetState() != State::Editing) return;
  CommitPendingCellEdit();
  wxGrid* grid = Grid(table);
  int row = 0;
  int column = 0;
  switch (table) {
    case Table::Members: {
      model::Person person;
      // The first member is the head unless one is already marked.
      person.relation = m_household.Head() ? model::Relation::Other : model::Relation::Head;
      m_household.members.push_back(person);
      row = ToInt(m_household.members.size() - 1);
      grid->AppendRows(1);
      FillMemberRow(row);
      RefreshIncomeMemberChoices();
      column = kMemberName;
      break;
    }
    case Table::Incomes:
      m_household.incomes.emplace_back();
      m_badIncomeAmount.push_back(false);
      row = ToInt(m_household.incomes.size() - 1);
      grid->AppendRows(1);
      FillIncomeRow(row);
      column = kIncomeMember;
      break;
    case Table::Assets:
      m_household.assets.emplace_back();
      m_badAssetValue.push_back(false);
      row = ToInt(m_household.assets.size() - 1);
      grid->AppendRows(1);
      FillAssetRow(row);
      column = kAssetKind;
      break;
  }
  Revalidate();
  grid->GoToCell(row, column);
  grid->SetFocus();
}

void HouseholdEditor::RemoveRow(Table table, int row) {
  if (IsReadOnly() || GetState() != State::Editing) return;
  CommitPendingCellEdit();
  wxGrid* grid = Grid(table);
  if (row < 0 || row >= grid->GetNumberRows()) return;
  const auto at = [row](auto& items) { items.erase(items.begin() + row); };
  switch (table) {
    case Table::Members:
      at(m_household.members);
      break;
    case Table::Incomes:
      at(m_household.incomes);
      at(m_badIncomeAmount);
      break;
    case Table::Assets:
      at(m_household.assets);
      at(m_badAssetValue);
      break;
  }
  grid->DeleteRows(row);
  // Income items of a removed member stay, marked, for the user to decide.
  if (table == Table::Members) RefreshIncomeMemberChoices();
  Revalidate();
  grid->SetFocus();
}

void HouseholdEditor::MakeHead(int row) {
  if (IsReadOnly() || GetState() != State::Editing) return;
  CommitPendingCellEdit();
  if (row < 0 || ToIndex(row) >= m_household.members.size()) return;
  auto& members = m_household.members;
  for (auto& p : members) {
    if (p.relation == model::Relation::Head) p.relation = model::Relation::Other;
  }
  members[ToIndex(row)].relation = model::Relation::Head;
  // The head is listed first, as on the household register.
  std::rotate(members.begin(), members.begin() + row, members.begin() + row + 1);
  for (std::size_t i = 0; i < members.size(); ++i) FillMemberRow(ToInt(i));
  RefreshIncomeMemberChoices();
  Revalidate();
  if (members.size() > 1) ShowStatus(_("Check each member's relation to the new head of the household."), false);
  Grid(Table::Members)->GoToCell(0, kMemberRelation);
}

// ---------------------------------------------------------------- validation

void HouseholdEditor::Revalidate() {
  m_issues.clear();
  if (!IsReadOnly()) {
    for (const auto& issue : model::Validate(m_household, Today())) {
      if (IsUnchangedMasked(issue.field)) continue;
      m_issues.push_back(ShownIssue{issue.field, IssueMessage(issue)});
    }
    const wxString notAmount = _("Enter an amount in yuan, such as 1200 or 1200.50.");
    for (std::size_t i = 0; i < m_badIncomeAmount.size(); ++i) {
      if (m_badIncomeAmount[i])
        m_issues.push_back(ShownIssue{model::JoinField(model::IndexedField("incomes", i), "monthly"), notAmount});
    }
    for (std::size_t i = 0; i < m_badAssetValue.size(); ++i) {
      if (m_badAssetValue[i])
        m_issues.push_back(ShownIssue{model::JoinField(model::IndexedField("assets", i), "value"), notAmount});
    }
  }
  ShowIssues();
  UpdateIncomeSummary();
}

// A masked value (an ID or account the user's role may not see in full)
// arrives invalid by design and is kept by the repository when sent back
// unchanged; only a changed one is checked.
bool HouseholdEditor::IsUnchangedMasked(const std::string& field) const {
  if (field == "bank_account") {
    return IsMasked(m_household.bankAccount) && m_household.bankAccount == m_edit.Base().bankAccount;
  }
  const FieldPath path = ParseFieldPath(field);
  if (path.collection != "members" || !path.index || path.name != "id_number") return false;
  if (*path.index >= m_household.members.size()) return false;
  const model::Person& p = m_household.members[*path.index];
  if (!p.id || !IsMasked(p.idNumber)) return false;
  return std::any_of(m_edit.Base().members.begin(), m_edit.Base().members.end(),
                     [&p](const model::Person& stored) { return stored.id == p.id && stored.idNumber == p.idNumber; });
}

void HouseholdEditor::ShowIssues() {
  bool relayout = false;
  for (const auto& [field, message] : m_fieldMessages) {
    wxString text;
    for (const auto& issue : m_issues) {
      if (issue.field == field) {
        text = issue.message;
        break;
      }
    }
    if (message->GetLabel() != text) {
      message->SetLabel(text);
      message->SetToolTip(text);
    }
    if (message->IsShown() != !text.empty()) {
      message->Show(!text.empty());
      relayout = true;
    }
  }
  if (relayout) m_form->Layout();

  for (auto& cells : m_cellIssues) cells.clear();
  for (const auto& issue : m_issues) {
    const FieldPath path = ParseFieldPath(issue.field);
    const auto table = TableOf(path.collection);
    if (!table || !path.index) continue;
    m_cellIssues[Index(*table)].emplace(std::make_pair(ToInt(*path.index), ColumnOf(*table, path.name)),
                                        issue.message);  // the first problem of a cell wins
  }
  for (const Table table : {Table::Members, Table::Incomes, Table::Assets}) {
    wxGrid* grid = Grid(table);
    const auto& cells = m_cellIssues[Index(table)];
    for (int row = 0; row < grid->GetNumberRows(); ++row) {
      for (int column = 0; column < grid->GetNumberCols(); ++column) {
        const bool bad = cells.count({row, column}) > 0;
        const bool derived = table == Table::Members && (column == kMemberSex || column == kMemberBirthDate);
        const wxColour normal = derived ? kDerivedCell : grid->GetDefaultCellBackgroundColour();
        grid->SetCellBackgroundColour(row, column, bad ? kErrorCell : normal);
      }
    }
    grid->ForceRefresh();
    ShowTableMessage(table, grid->GetGridCursorRow(), grid->GetGridCursorCol());
  }
}

wxString HouseholdEditor::CellIssue(Table table, int row, int column) const {
  const auto& cells = m_cellIssues[Index(table)];
  const auto it = cells.find({row, column});
  return it == cells.end() ? wxString() : it->second;
}

void HouseholdEditor::ShowTableMessage(Table table, int row, int column) {
  wxStaticText* message = m_tableMessages[Index(table)];
  const auto& cells = m_cellIssues[Index(table)];
  wxString text;
  std::size_t shown = 0;
  if (table == Table::Members) {
    for (const auto& issue : m_issues) {
      if (issue.field == "members") {
        text = issue.message;
        break;
      }
    }
  }
  if (text.empty() && !cells.empty()) {
    // The cell under the cursor if it has a problem, else the first one.
    auto it = cells.find({row, column});
    if (it == cells.end()) it = cells.begin();
    const wxString columnLabel = Grid(table)->GetColLabelValue(it->first.second);
    const int number = it->first.first + 1;
    switch (table) {
      case Table::Members:
        text = wxString::Format(_("Member %d, %s: %s"), number, columnLabel, it->second);
        break;
      case Table::Incomes:
        text = wxString::Format(_("Income item %d, %s: %s"), number, columnLabel, it->second);
        break;
      case Table::Assets:
        text = wxString::Format(_("Asset %d, %s: %s"), number, columnLabel, it->second);
        break;
    }
    shown = 1;
  }
  if (cells.size() > shown && !text.empty()) {
    const auto more = static_cast<int>(cells.size() - shown);
    text += wxS("  ") + wxString::Format(wxPLURAL("(%d more problem in this table)", "(%d more problems in this table)",
                                                  static_cast<unsigned>(more)),
                                         more);
  }
  message->SetForegroundColour(kErrorText);
  if (message->GetLabel() != text) {
    message->SetLabel(text);
    message->SetToolTip(text);
  }
}

void HouseholdEditor::ShowIdHint(int row, const wxString& text) {
  if (row < 0) return;
  wxStaticText* message = m_tableMessages[Index(Table::Members)];
  const std::string id = Utf8(Trimmed(text));
  const auto parsed = model::ResidentId::Parse(id, Today());
  wxString hint;
  bool problem = false;
  if (const auto* valid = std::get_if<model::ResidentId>(&parsed)) {
    hint =
        wxString::Format(_("Member %d: born %s, %s."), row + 1, IsoDate(valid->BirthDate()), SexText(valid->GetSex()));
  } else if (const auto error = std::get<model::ResidentIdError>(parsed);
             error == model::ResidentIdError::WrongLength && id.size() < 18) {
    // Still typing: count, don't scold.
    hint = wxString::Format(_("Member %d, ID number: %d of 18 characters."), row + 1, static_cast<int>(id.size()));
  } else {
    hint = wxString::Format(_("Member %d, ID number: %s"), row + 1, IdErrorText(error));
    problem = true;
  }
  message->SetForegroundColour(problem ? kErrorText : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  message->SetLabel(hint);
  message->SetToolTip(hint);
}

void HouseholdEditor::UpdateIncomeSummary() {
  const int members = ToInt(m_household.members.size());
  try {
    m_perCapita->SetLabel(wxString::Format(
        wxPLURAL("Per-capita monthly income: %s (household total %s, %d member)",
                 "Per-capita monthly income: %s (household total %s, %d members)", static_cast<unsigned>(members)),
        Yuan(m_household.PerCapitaMonthlyIncome()), Yuan(m_household.TotalMonthlyIncome()), members));
  } catch (const std::overflow_error&) {
    m_perCapita->SetLabel(_("The income amounts are too large to add up; check them."));
  }
}

// ---------------------------------------------------------------- state, saving, closing

bool HouseholdEditor::IsDirty() const {
  return m_edit.IsChanged() ||
         std::find(m_badIncomeAmount.begin(), m_badIncomeAmount.end(), true) != m_badIncomeAmount.end() ||
         std::find(m_badAssetValue.begin(), m_badAssetValue.end(), true) != m_badAssetValue.end();
}

bool HouseholdEditor::CanSave() const {
  return GetState() == State::Editing && !IsReadOnly() && m_issues.empty() && IsDirty();
}

wxString HouseholdEditor::StatusText() const {
  return m_status->GetLabel();
}

wxWindow* HouseholdEditor::FieldControl(const std::string& field) const {
  if (field == "region_code") return m_region;
  if (field == "address") return m_address;
  if (field == "phone") return m_phone;
  if (field == "housing") return m_housing;
  if (field == "status") return m_registryStatus;
  if (field == "bank_name") return m_bankName;
  if (field == "bank_account") return m_bankAccount;
  return nullptr;
}

void HouseholdEditor::ShowState() {
  const State state = GetState();
  m_form->Enable(state == State::Editing);
  const bool retry = state == State::LoadFailed;
  if (m_retry->IsShown() != retry) {
    m_retry->Show(retry);
    Layout();
  }
  switch (state) {
    case State::Loading:
      ShowStatus(_("Loading the household..."), false);
      break;
    case State::Saving:
      ShowStatus(_("Saving..."), false);
      break;
    case State::Editing:
      ShowStatus(IsReadOnly() ? _("You can view this household; your role cannot change it.") : wxString(), false);
      break;
    case State::LoadFailed:
      break;  // the caller says why
  }
}

void HouseholdEditor::ShowStatus(const wxString& text, bool error) {
  m_status->SetForegroundColour(error ? kErrorText : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  m_status->SetFont(error ? GetFont().Bold() : GetFont());
  m_status->SetLabel(text);
  m_status->SetToolTip(text);
  if (error && !text.empty()) wxBell();
}

void HouseholdEditor::CommitPendingCellEdit() {
  for (wxGrid* grid : m_grids) {
    if (grid->IsCellEditControlEnabled()) {
      grid->SaveEditControlValue();
      grid->DisableCellEditControl();
    }
  }
}

void HouseholdEditor::Save() {
  Safely([this] {
    if (!m_edit.MaySave()) return;
    CommitPendingCellEdit();
    if (!CanSave()) {
      if (!m_issues.empty()) ShowStatus(_("Not saved: correct the problems marked in red first."), true);
      return;
    }
    auto request = m_edit.BeginSave();
    ShowState();
    m_worker.Run<workstation::SaveOutcome>(
        this,
        [request = std::move(request)](dal::pg::PgDatabase& db) {
          // Conflicts are caught on the worker, because a JobFailure
          // carries only text and the editor needs the stored version.
          return workstation::SaveHousehold(db.Registry(), request.household, request.requestId);
        },
        [this](workstation::SaveOutcome result) { Safely([&] { OnSaveResult(std::move(result)); }); },
        [this](const JobFailure& failure) {
          Safely([&] {
            m_edit.SaveFailed(failure.connectionLost);
            ShowState();
            // The form keeps everything typed; saving again is the remedy.
            ShowStatus(failure.connectionLost
                           ? wxString::Format(_("The save could not be confirmed: %s Your changes are kept; save "
                                                "again when the connection is back (a save that did arrive is not "
                                                "applied twice)."),
                                              failure.message)
                           : wxString::Format(_("Not saved: %s"), failure.message),
                       true);
          });
        });
  });
}

void HouseholdEditor::OnSaveResult(workstation::SaveOutcome result) {
  using AfterSave = workstation::HouseholdEditSession::AfterSave;
  const AfterSave next = m_edit.SaveCompleted(std::move(result));
  ShowState();
  switch (next) {
    case AfterSave::Saved:
      Fill();
      ShowStatus(_("Saved."), false);
      m_cancel->SetLabel(_("&Close"));
      break;
    case AfterSave::SavedOutOfScope:
      Revalidate();
      ShowStatus(_("Saved. The household is now outside your region and cannot be shown again."), false);
      m_cancel->SetLabel(_("&Close"));
      break;
    case AfterSave::SameChangesSaved:
      Fill();
      ShowStatus(_("Another user saved the same changes meanwhile; there is nothing left to save."), false);
      break;
    case AfterSave::ResolveConflict:
      ResolveConflict();
      break;
    case AfterSave::Gone:
      ShowStatus(_("Not saved: another user has removed this household meanwhile."), true);
      break;
  }
}

void HouseholdEditor::ResolveConflict() {
  using AfterMerge = workstation::HouseholdEditSession::AfterMerge;
  std::optional<model::Household> merged;
  if (m_resolver && m_edit.Theirs()) merged = m_resolver(m_edit.Base(), *m_edit.Theirs(), m_household);
  switch (m_edit.ApplyMerge(std::move(merged))) {
    case AfterMerge::Declined:
      ShowStatus(_("Not saved: another user changed this household meanwhile. Save again to compare their changes "
                   "with yours."),
                 true);
      return;
    case AfterMerge::NothingToSave:
      Fill();
      ShowStatus(_("The form now shows the other user's version; you kept none of your values, so there is "
                   "nothing to save."),
                 false);
      return;
    case AfterMerge::SaveMerged:
      Fill();
      if (CanSave()) {
        Save();  // against their version, with the user's choices
      } else {
        ShowStatus(_("Your choices are in the form. Correct the problems marked in red, then save."), true);
      }
      return;
  }
}

bool HouseholdEditor::ConfirmClose() {
  if (GetState() == State::Saving) {
    wxBell();  // the save's outcome is still coming
    return false;
  }
  if (IsReadOnly() || GetState() != State::Editing) return true;
  CommitPendingCellEdit();
  if (!IsDirty()) return true;
  wxMessageDialog ask(this, _("Discard your unsaved changes to this household?"), _("Unsaved changes"),
                      wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
  ask.SetYesNoLabels(_("&Discard changes"), _("&Keep editing"));
  return ask.ShowModal() == wxID_YES;
}

void HouseholdEditor::Finish(bool discardDraft) {
  m_draftTimer.Stop();
  m_edit.Finish(discardDraft);
  const int code = m_edit.SavedOnce() ? wxID_OK : wxID_CANCEL;
  if (IsModal()) {
    EndModal(code);
  } else {
    SetReturnCode(code);
    Destroy();
  }
}

// ---------------------------------------------------------------- drafts

void HouseholdEditor::OfferDraft() {
  if (m_edit.DraftsActive() || IsReadOnly()) return;
  if (std::optional<workstation::Draft> draft = m_edit.DraftToOffer()) {
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(draft->writtenAt.time_since_epoch()).count();
    const wxString when = wxDateTime(static_cast<time_t>(seconds)).Format(wxS("%Y-%m-%d %H:%M"));
    if (!m_draftPrompt || !m_draftPrompt(when)) {
      m_edit.DeclineDraft();
    } else {
      const bool newerStored = m_edit.RestoreDraft(std::move(*draft));
      Fill();
      ShowStatus(newerStored ? _("Your draft is restored. Another user has saved this household since; saving will "
                                 "show their changes beside yours.")
                             : _("Your draft is restored: check it, then save."),
                 false);
    }
  }
  m_edit.StartDrafts();
  m_draftTimer.Start(kDraftIntervalMs);
}

bool HouseholdEditor::WriteDraftNow() {
  const auto write = m_edit.WriteDraft();
  if (write.failure) {
    ShowStatus(wxString::Format(_("Your changes could not be kept as a draft: %s"), Wx(*write.failure)), false);
  }
  return write.written;
}

void HouseholdEditor::Safely(const std::function<void()>& body) {
  try {
    body();
  } catch (const std::exception& e) {
    ShowStatus(wxString::Format(_("Something went wrong: %s"), Wx(e.what())), true);
  } catch (...) {
    ShowStatus(_("Something went wrong."), true);
  }
}

}  // namespace doudi::gui
