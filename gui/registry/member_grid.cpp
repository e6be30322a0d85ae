#include "registry/member_grid.h"

#include <wx/intl.h>

#include <algorithm>
#include <variant>

#include "app/session.h"
#include "doudi/model/resident_id.h"
#include "doudi/workstation/id_card.h"

namespace doudi::gui {

using namespace household;

MemberGrid::MemberGrid(wxWindow* parent, model::Household& household, std::function<void()> membersRenamed)
    : HouseholdGrid(parent, household, "members",
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
                     {_("Ability to work"), 104},
                     {_("ID card"), 190}}),
      m_membersRenamed(std::move(membersRenamed)) {
  const auto choices = [](wxArrayString labels) { return new wxGridCellChoiceEditor(labels); };
  // Its own editor instance, so EDITOR_CREATED names this column and the ID
  // can be checked as it is typed.
  SetColumn(kIdNumber, new wxGridCellTextEditor);
  SetColumn(kRelation, choices(EnumLabels<model::Relation>()));
  SetColumn(kSex, nullptr, true);
  SetColumn(kBirthDate, nullptr, true);
  SetColumn(kCard, nullptr, true);
  SetColumn(kDisability, choices(EnumLabels<model::DisabilityCategory>()));
  wxArrayString grades;
  grades.Add(wxString());
  for (int g = 1; g <= 4; ++g) grades.Add(wxString::Format(wxS("%d"), g));
  SetColumn(kGrade, choices(grades));
  SetColumn(kSchooling, choices(EnumLabels<model::Schooling>()));
  SetColumn(kEmployment, choices(EnumLabels<model::Employment>()));
  SetColumn(kWorkAbility, choices(EnumLabels<model::WorkAbility>()));
}

void MemberGrid::Fill() {
  ResizeRows(ToInt(m_household.members.size()));
  for (std::size_t i = 0; i < m_household.members.size(); ++i) FillRow(ToInt(i));
}

void MemberGrid::FillRow(int row) {
  const model::Person& p = m_household.members[ToIndex(row)];
  SetCellValue(row, kName, Wx(p.name));
  SetCellValue(row, kIdNumber, Wx(p.idNumber));
  SetCellValue(row, kRelation, Label(p.relation));
  SetCellValue(row, kDisability, Label(p.disability));
  SetCellValue(row, kGrade, p.disabilityGrade == 0 ? wxString() : wxString::Format(wxS("%d"), p.disabilityGrade));
  SetCellValue(row, kIllnesses, JoinIllnesses(p.illnesses));
  SetCellValue(row, kSchooling, Label(p.schooling));
  SetCellValue(row, kEmployment, Label(p.employment));
  SetCellValue(row, kWorkAbility, Label(p.workAbility));
  FillDerivedCells(row);
  FillCard(row);
}

// "畲族，有效期至2036-04-20": ethnicity and the end of the validity (the
// authority and the photo are in the card box); a read not yet saved says
// so first ("待保存：…"), where a narrow column still shows it.
void MemberGrid::FillCard(int row) {
  const auto& card = m_household.members[ToIndex(row)].card;
  if (!card) {
    SetCellValue(row, kCard, wxString());
    return;
  }
  const wxString ethnicity = Wx(std::string(workstation::EthnicityName(card->ethnicityCode)));
  wxString text = card->validUntil
                      ? wxString::Format(_("%s, valid until %s"), ethnicity, DateText(*card->validUntil))
                      : wxString::Format(_("%s, valid for good"), ethnicity);
  if (card->fresh) text = wxString::Format(_("To be stored: %s"), text);
  SetCellValue(row, kCard, text);
}

void MemberGrid::FillDerivedCells(int row) {
  const auto id = model::ResidentId::Parse(m_household.members[ToIndex(row)].idNumber, Today());
  if (const auto* valid = std::get_if<model::ResidentId>(&id)) {
    SetCellValue(row, kSex, SexText(valid->GetSex()));
    SetCellValue(row, kBirthDate, DateText(valid->BirthDate()));
  } else {
    SetCellValue(row, kSex, wxString());
    SetCellValue(row, kBirthDate, wxString());
  }
}

void MemberGrid::ApplyCell(int r, int column) {
  const std::size_t row = ToIndex(r);
  if (r < 0 || row >= m_household.members.size()) return;
  const wxString text = GetCellValue(r, column);
  model::Person& p = m_household.members[row];
  switch (column) {
    case kName:
      p.name = Utf8(Trimmed(text));
      if (m_membersRenamed) m_membersRenamed();
      break;
    case kIdNumber: {
      std::string id = Utf8(Trimmed(text));
      const auto parsed = model::ResidentId::Parse(id, Today());
      if (const auto* valid = std::get_if<model::ResidentId>(&parsed)) id = valid->Text();  // e.g. x -> X
      const std::string old = p.idNumber;
      p.idNumber = id;
      // A card belongs to its number: another number is another person's.
      if (old != id && p.card) {
        p.card.reset();
        FillCard(r);
      }
      // Income items name their member by ID, so they follow the change.
      if (!old.empty()) {
        for (auto& income : m_household.incomes) {
          if (income.memberIdNumber == old) income.memberIdNumber = id;
        }
      }
      SetCellValue(r, kIdNumber, Wx(id));
      FillDerivedCells(r);
      if (m_membersRenamed) m_membersRenamed();
      break;
    }
    case kRelation:
      if (const auto value = ParseLabel<model::Relation>(text)) p.relation = *value;
      break;
    case kDisability:
      if (const auto value = ParseLabel<model::DisabilityCategory>(text)) {
        p.disability = *value;
        // No disability, no grade: clearing it spares a needless message.
        if (*value == model::DisabilityCategory::None) {
          p.disabilityGrade = 0;
          SetCellValue(r, kGrade, wxString());
        }
      }
      break;
    case kGrade: {
      long grade = 0;
      p.disabilityGrade = Trimmed(text).ToLong(&grade) ? static_cast<int>(grade) : 0;
      break;
    }
    case kIllnesses:
      p.illnesses = SplitIllnesses(text);
      SetCellValue(r, kIllnesses, JoinIllnesses(p.illnesses));
      break;
    case kSchooling:
      if (const auto value = ParseLabel<model::Schooling>(text)) p.schooling = *value;
      break;
    case kEmployment:
      if (const auto value = ParseLabel<model::Employment>(text)) p.employment = *value;
      break;
    case kWorkAbility:
      if (const auto value = ParseLabel<model::WorkAbility>(text)) p.workAbility = *value;
      break;
    default:
      break;
  }
}

int MemberGrid::AppendRow() {
  model::Person person;
  // The first member is the head unless one is already marked.
  person.relation = m_household.Head() ? model::Relation::Other : model::Relation::Head;
  m_household.members.push_back(person);
  const int row = ToInt(m_household.members.size() - 1);
  AppendRows(1);
  FillRow(row);
  if (m_membersRenamed) m_membersRenamed();
  return kName;
}

void MemberGrid::EraseRow(int row) {
  m_household.members.erase(m_household.members.begin() + row);
  DeleteRows(row);
  // Income items of a removed member stay, marked, for the user to decide.
  if (m_membersRenamed) m_membersRenamed();
}

void MemberGrid::MakeHead(int row) {
  if (row < 0 || ToIndex(row) >= m_household.members.size()) return;
  auto& members = m_household.members;
  for (auto& p : members) {
    if (p.relation == model::Relation::Head) p.relation = model::Relation::Other;
  }
  members[ToIndex(row)].relation = model::Relation::Head;
  // The head is listed first, as on the household register.
  std::rotate(members.begin(), members.begin() + row, members.begin() + row + 1);
  for (std::size_t i = 0; i < members.size(); ++i) FillRow(ToInt(i));
  if (m_membersRenamed) m_membersRenamed();
}

void MemberGrid::ShowIdHint(int row, const wxString& text) {
  if (row < 0) return;
  const std::string id = Utf8(Trimmed(text));
  const auto parsed = model::ResidentId::Parse(id, Today());
  wxString hint;
  bool problem = false;
  if (const auto* valid = std::get_if<model::ResidentId>(&parsed)) {
    hint = wxString::Format(_("Member %d: born %s, %s."), row + 1, DateText(valid->BirthDate()),
                            SexText(valid->GetSex()));
  } else if (const auto error = std::get<model::ResidentIdError>(parsed);
             error == model::ResidentIdError::WrongLength && id.size() < 18) {
    // Still typing: count, don't scold.
    hint = wxString::Format(_("Member %d, ID number: %d of 18 characters."), row + 1, static_cast<int>(id.size()));
  } else {
    hint = wxString::Format(_("Member %d, ID number: %s"), row + 1, IdErrorText(error));
    problem = true;
  }
  ShowHint(hint, problem);
}

int MemberGrid::ColumnOf(const std::string& name) const {
  if (name == "id_number") return kIdNumber;
  if (name == "relation") return kRelation;
  if (name == "disability_grade") return kGrade;
  if (name == "disability_category") return kDisability;
  return kName;
}

wxString MemberGrid::IssueLine(int number, const wxString& column, const wxString& message) const {
  return wxString::Format(_("Member %d, %s: %s"), number, column, message);
}

}  // namespace doudi::gui
