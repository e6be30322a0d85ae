#include "registry/household_form.h"

#include <wx/intl.h>

#include "doudi/model/iso_date.h"

namespace doudi::gui::household {

const wxColour kErrorText(183, 28, 28);
const wxColour kErrorCell(255, 205, 210);
const wxColour kDerivedCell(238, 238, 238);

wxString Trimmed(const wxString& text) {
  wxString copy = text;
  return copy.Trim(true).Trim(false);
}

wxString SexText(model::Sex sex) {
  return sex == model::Sex::Male ? _("Male") : _("Female");
}

wxString DateText(std::chrono::year_month_day date) { return Wx(model::IsoDate(date)); }

// The catalog is built from these strings by xgettext. Unknown codes fall
// back to the model's sentence through the catalog.
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

}  // namespace doudi::gui::household
