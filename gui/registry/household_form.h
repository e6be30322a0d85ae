#pragma once
// What the household editor's pieces (the fields panel, the three grids and
// the dialog that glues them) share: the colours of problems, domain values
// as their Chinese labels, the model's field paths, and the problems'
// messages in the user's language.
#include <wx/arrstr.h>
#include <wx/colour.h>
#include <wx/string.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/wx_text.h"
#include "doudi/model/household.h"
#include "doudi/model/resident_id.h"

namespace doudi::gui::household {

extern const wxColour kErrorText;
extern const wxColour kErrorCell;
extern const wxColour kDerivedCell;  // read-only cells derived from the ID

// A problem shown on the form: the model's field path ("members[2].id_number")
// and the translated message.
struct ShownIssue {
  std::string field;
  wxString message;
};

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

inline int ToInt(std::size_t value) { return static_cast<int>(value); }
inline std::size_t ToIndex(int value) { return static_cast<std::size_t>(value); }

wxString Trimmed(const wxString& text);
wxString SexText(model::Sex sex);
// "2026-02-05".
wxString DateText(std::chrono::year_month_day date);

// The model's messages are English sentences; the form shows them in the
// user's language keyed by the stable issue code.
wxString IdErrorText(model::ResidentIdError error);
wxString IssueMessage(const model::ValidationIssue& issue);

// A field path of model::Validate: "members[2].id_number" gives
// {"members", 2, "id_number"}; "address" gives {"address", nullopt, ""}.
struct FieldPath {
  std::string collection;
  std::optional<std::size_t> index;
  std::string name;
};
FieldPath ParseFieldPath(const std::string& field);

// Illnesses are typed as a list with any usual separator (、，；, ;) and
// shown with the Chinese enumeration comma; the database keeps them apart.
std::vector<std::string> SplitIllnesses(const wxString& text);
wxString JoinIllnesses(const std::vector<std::string>& illnesses);

}  // namespace doudi::gui::household
