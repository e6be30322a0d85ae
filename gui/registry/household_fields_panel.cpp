#include "registry/household_fields_panel.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "app/session.h"
#include "doudi/model/masking.h"
#include "doudi/model/region_code.h"

namespace doudi::gui {

using namespace household;

HouseholdFieldsPanel::HouseholdFieldsPanel(wxWindow* parent, const Session& session, model::Household& household,
                                           std::function<void(const std::function<void()>& edit)> changed)
    : wxPanel(parent), m_household(household), m_changed(std::move(changed)) {
  auto* householdBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Household"));
  wxWindow* hb = householdBox->GetStaticBox();
  auto* fields = new wxFlexGridSizer(4, FromDIP(wxSize(10, 4)));
  fields->AddGrowableCol(1, 1);
  fields->AddGrowableCol(3, 1);
  const auto label = [&](const wxString& text) {
    fields->Add(new wxStaticText(hb, wxID_ANY, text), wxSizerFlags().Top().Border(wxTOP, FromDIP(6)));
  };

  // Villages of the user's scope, each with its township, then the code.
  std::map<std::string, std::string> names;
  for (const auto& region : session.regions) names[region.code] = region.name;
  m_region = new wxChoice(hb, wxID_ANY);
  for (const auto& region : session.regions) {
    const auto code = model::RegionCode::Parse(region.code);
    if (!code || code->Level() != model::RegionLevel::Village) continue;
    wxString text = Wx(region.name);
    if (const auto township = code->Parent()) {
      if (const auto it = names.find(township->Text()); it != names.end()) text = Wx(it->second) + wxS(" ") + text;
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
  SetSizer(householdBox);
  BindEdits();
}

wxSizer* HouseholdFieldsPanel::WithMessage(wxWindow* parent, wxWindow* control, const std::string& field) {
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

void HouseholdFieldsPanel::BindEdits() {
  const auto onText = [this](wxTextCtrl* control, std::string model::Household::*member) {
    control->Bind(wxEVT_TEXT, [this, control, member](wxCommandEvent&) {
      m_changed([&] { m_household.*member = Utf8(Trimmed(control->GetValue())); });
    });
  };
  onText(m_address, &model::Household::address);
  onText(m_phone, &model::Household::phone);
  onText(m_bankName, &model::Household::bankName);
  onText(m_bankAccount, &model::Household::bankAccount);
  // A masked account is selected on entry, so typing replaces all of it.
  m_bankAccount->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
    e.Skip();
    if (model::IsMaskedBankAccount(Utf8(m_bankAccount->GetValue()))) CallAfter([this] { m_bankAccount->SelectAll(); });
  });
  m_region->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    m_changed([this] {
      const int selection = m_region->GetSelection();
      if (selection >= 0 && ToIndex(selection) < m_regionCodes.size()) {
        m_household.regionCode = m_regionCodes[ToIndex(selection)];
      }
    });
  });
  m_housing->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    m_changed([this] { m_household.housing = EnumAt<model::HousingCondition>(m_housing->GetSelection()); });
  });
  m_registryStatus->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    m_changed([this] { m_household.status = EnumAt<model::RegistryStatus>(m_registryStatus->GetSelection()); });
  });
}

void HouseholdFieldsPanel::Fill(const model::Household& base, bool readOnly) {
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
  m_bankHint->Show(!readOnly && model::IsMaskedBankAccount(base.bankAccount));
}

void HouseholdFieldsPanel::MakeReadOnly() {
  for (wxTextCtrl* text : {m_address, m_phone, m_bankName, m_bankAccount}) text->SetEditable(false);
  for (wxChoice* choice : {m_region, m_housing, m_registryStatus}) choice->Disable();
  m_bankHint->SetLabel(wxString());
}

bool HouseholdFieldsPanel::ShowIssues(const std::vector<ShownIssue>& issues) {
  bool relayout = false;
  for (const auto& [field, message] : m_fieldMessages) {
    wxString text;
    for (const auto& issue : issues) {
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
  if (relayout) {
    InvalidateBestSize();
    Layout();
  }
  return relayout;
}

wxWindow* HouseholdFieldsPanel::FieldControl(const std::string& field) const {
  if (field == "region_code") return m_region;
  if (field == "address") return m_address;
  if (field == "phone") return m_phone;
  if (field == "housing") return m_housing;
  if (field == "status") return m_registryStatus;
  if (field == "bank_name") return m_bankName;
  if (field == "bank_account") return m_bankAccount;
  return nullptr;
}

std::string HouseholdFieldsPanel::OnlyRegion() const {
  return m_regionCodes.size() == 1 ? m_regionCodes.front() : std::string();
}

}  // namespace doudi::gui
