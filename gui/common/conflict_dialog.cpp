#include "common/conflict_dialog.h"

#include <wx/button.h>
#include <wx/display.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <utility>

#include "common/wx_text.h"

namespace doudi::gui {

using workstation::DiffHouseholds;
using workstation::FieldChoice;
using workstation::FieldDifference;
using workstation::HouseholdPart;
using workstation::IsMemberPart;
using workstation::MergeHousehold;
using workstation::MergeSide;

namespace {

// Rows both users changed: a warm background the eye finds at once.
const wxColour kBothChanged(255, 236, 179);

wxString PartLabel(HouseholdPart part) {
  switch (part) {
    case HouseholdPart::Region:
      return _("Region");
    case HouseholdPart::Address:
      return _("Address");
    case HouseholdPart::Phone:
      return _("Phone");
    case HouseholdPart::Housing:
      return _("Housing");
    case HouseholdPart::Status:
      return _("Registry status");
    case HouseholdPart::BankName:
      return _("Bank");
    case HouseholdPart::BankAccount:
      return _("Bank account");
    case HouseholdPart::Incomes:
      return _("Income items");
    case HouseholdPart::Assets:
      return _("Assets");
    case HouseholdPart::Member:
      return _("Member of the household");
    case HouseholdPart::MemberIdNumber:
      return _("ID number");
    case HouseholdPart::MemberName:
      return _("Name");
    case HouseholdPart::MemberRelation:
      return _("Relation to the head");
    case HouseholdPart::MemberDisability:
      return _("Disability and grade");
    case HouseholdPart::MemberIllnesses:
      return _("Illnesses");
    case HouseholdPart::MemberSchooling:
      return _("Schooling");
    case HouseholdPart::MemberEmployment:
      return _("Employment");
    case HouseholdPart::MemberWorkAbility:
      return _("Ability to work");
  }
  return {};
}

wxString ChangedByText(const FieldDifference& d) {
  if (d.ChangedByBoth()) return _("Both of you");
  return d.changedByMine ? _("You") : _("Another user");
}

}  // namespace

ConflictDialog::ConflictDialog(wxWindow* parent, model::Household base, model::Household theirs, model::Household mine,
                               std::map<std::string, std::string> regionNames)
    : wxDialog(parent, wxID_ANY, _("Another user changed this household"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_base(std::move(base)),
      m_theirs(std::move(theirs)),
      m_mine(std::move(mine)),
      m_regionNames(std::move(regionNames)),
      m_differences(DiffHouseholds(m_base, m_theirs, m_mine)) {
  auto* top = new wxBoxSizer(wxVERTICAL);

  // Who saved the version in the database and when, as it stamped them.
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      m_theirs.updatedBy.empty()
          ? wxString::Format(_("Another user saved this household while you were editing it. It is now at version "
                               "%d; your edit started from version %d."),
                             m_theirs.version, m_base.version)
          : wxString::Format(_("%s saved this household at %s while you were editing it. It is now at version %d; "
                               "your edit started from version %d."),
                             Wx(m_theirs.updatedBy), Wx(m_theirs.updatedAt), m_theirs.version, m_base.version));
  intro->SetFont(intro->GetFont().Bold());
  auto* howTo = new wxStaticText(
      this, wxID_ANY,
      _("For each difference, choose the value to keep. Where only one of you changed a field, that change is "
        "chosen. Where both of you changed it, the row is highlighted and your value is chosen: check it."));
  top->Add(intro, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP));
  top->Add(howTo, wxSizerFlags().Expand().Border(wxALL));

  auto* scrolled = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxBORDER_THEME);
  scrolled->SetScrollRate(0, FromDIP(12));
  auto* grid = new wxFlexGridSizer(5, FromDIP(wxSize(12, 4)));
  grid->AddGrowableCol(3, 1);
  grid->AddGrowableCol(4, 1);
  BuildRows(scrolled, grid);
  auto* scrolledSizer = new wxBoxSizer(wxVERTICAL);
  scrolledSizer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
  scrolled->SetSizer(scrolledSizer);
  top->Add(scrolled, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT));

  auto* allTheirs = new wxButton(this, wxID_ANY, _("Take all of theirs"));
  auto* allMine = new wxButton(this, wxID_ANY, _("Keep all of mine"));
  allTheirs->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    for (std::size_t i = 0; i < m_rows.size(); ++i) Choose(i, MergeSide::Theirs);
  });
  allMine->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    for (std::size_t i = 0; i < m_rows.size(); ++i) Choose(i, MergeSide::Mine);
  });
  auto* buttons = new wxStdDialogButtonSizer;
  auto* ok = new wxButton(this, wxID_OK, _("Use the chosen values"));
  buttons->AddButton(ok);
  buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Back to editing")));
  buttons->Realize();
  ok->SetDefault();
  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  bottom->Add(allTheirs, wxSizerFlags().Border(wxRIGHT));
  bottom->Add(allMine);
  bottom->AddStretchSpacer();
  bottom->Add(buttons, wxSizerFlags().Expand());
  top->Add(bottom, wxSizerFlags().Expand().Border(wxALL));

  SetSizer(top);
  // Wide enough for the values side by side, tall enough for the rows, but
  // never beyond the screen (1366x768 desks): the rows scroll instead.
  const wxRect screen = wxDisplay(parent ? parent : static_cast<wxWindow*>(this)).GetClientArea();
  const wxSize rows = scrolledSizer->GetMinSize();
  // The rows' width plus the borders and a vertical scrollbar.
  const wxSize wanted(std::min(std::max(rows.x + FromDIP(90), FromDIP(760)), screen.width * 9 / 10),
                      std::min(rows.y + FromDIP(200), screen.height * 85 / 100));
  intro->Wrap(wanted.x - FromDIP(30));
  howTo->Wrap(wanted.x - FromDIP(30));
  SetSize(wanted);
  SetMinSize(FromDIP(wxSize(600, 360)));
  scrolled->FitInside();
  CentreOnParent();
  ok->SetFocus();
}

void ConflictDialog::BuildRows(wxWindow* parent, wxSizer* grid) {
  const auto header = [&](const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    grid->Add(label, wxSizerFlags().Bottom());
  };
  header(_("Field"));
  header(_("Changed by"));
  header(wxString::Format(_("When you started (version %d)"), m_base.version));
  header(wxString::Format(_("Another user's (version %d)"), m_theirs.version));
  header(_("Yours"));

  if (m_differences.empty()) {
    grid->Add(new wxStaticText(parent, wxID_ANY, _("There are no differences: the other user saved the same values.")));
    for (int i = 0; i < 4; ++i) grid->AddSpacer(0);
    return;
  }

  std::string currentMember;
  for (std::size_t i = 0; i < m_differences.size(); ++i) {
    const FieldDifference& d = m_differences[i];
    // The member's name and ID once above its rows.
    if (!d.key.member.empty() && d.key.member != currentMember) {
      currentMember = d.key.member;
      auto* who = new wxStaticText(parent, wxID_ANY, Wx(d.memberName) + wxS("  ") + Wx(d.memberIdNumber));
      who->SetFont(who->GetFont().Bold());
      grid->Add(who, wxSizerFlags().Border(wxTOP, FromDIP(8)));
      for (int c = 0; c < 4; ++c) grid->AddSpacer(0);
    }

    auto* field = new wxStaticText(parent, wxID_ANY, FieldLabel(d));
    auto* changedBy = new wxStaticText(parent, wxID_ANY, ChangedByText(d));
    auto* before = new wxStaticText(parent, wxID_ANY, ValueText(d, d.base));
    Row row;
    row.theirs =
        new wxRadioButton(parent, wxID_ANY, ValueText(d, d.theirs), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    row.mine = new wxRadioButton(parent, wxID_ANY, ValueText(d, d.mine));
    before->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    if (d.ChangedByBoth()) {
      // Not the radio buttons: GTK then draws the checked one as unchecked.
      for (wxWindow* w : std::initializer_list<wxWindow*>{field, changedBy, before}) {
        w->SetBackgroundColour(kBothChanged);
      }
      changedBy->SetFont(changedBy->GetFont().Bold());
    }
    const wxString tip = wxString::Format(_("Changed by: %s"), ChangedByText(d));
    row.theirs->SetToolTip(tip);
    row.mine->SetToolTip(tip);
    grid->Add(field, wxSizerFlags().Top());
    grid->Add(changedBy, wxSizerFlags().Top());
    grid->Add(before, wxSizerFlags().Top());
    grid->Add(row.theirs, wxSizerFlags().Top().Expand());
    grid->Add(row.mine, wxSizerFlags().Top().Expand());
    m_rows.push_back(row);
    Choose(i, d.defaultSide);
  }
}

wxString ConflictDialog::FieldLabel(const FieldDifference& d) const {
  // Member rows sit under the member's name, so the field name suffices.
  return IsMemberPart(d.key.part) && d.key.part != HouseholdPart::Member ? wxS("    ") + PartLabel(d.key.part)
                                                                         : PartLabel(d.key.part);
}

wxString ConflictDialog::ValueText(const FieldDifference& d, const std::optional<std::string>& value) const {
  if (!value) return _("(not in the household)");
  if (value->empty()) return _("(empty)");
  if (d.key.part == HouseholdPart::Region) {
    if (const auto it = m_regionNames.find(*value); it != m_regionNames.end()) {
      return Wx(it->second) + wxS(" (") + Wx(*value) + wxS(")");
    }
  }
  return Wx(*value);
}

std::vector<FieldChoice> ConflictDialog::Choices() const {
  std::vector<FieldChoice> choices;
  for (std::size_t i = 0; i < m_rows.size(); ++i) {
    choices.push_back(
        FieldChoice{m_differences[i].key, m_rows[i].mine->GetValue() ? MergeSide::Mine : MergeSide::Theirs});
  }
  return choices;
}

void ConflictDialog::Choose(std::size_t row, MergeSide side) {
  if (row >= m_rows.size()) return;
  (side == MergeSide::Mine ? m_rows[row].mine : m_rows[row].theirs)->SetValue(true);
}

model::Household ConflictDialog::MergedHousehold() const {
  return MergeHousehold(m_base, m_theirs, m_mine, Choices());
}

}  // namespace doudi::gui
