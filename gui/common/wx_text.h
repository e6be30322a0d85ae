#pragma once
// Text crosses between the model (UTF-8 std::string) and wx (wxString) only
// through these, so no narrow literal is ever read in the C locale.
#include <wx/string.h>

#include <string>
#include <string_view>

#include "doudi/model/domain_enum.h"
#include "doudi/model/money.h"

namespace doudi::gui {

inline wxString Wx(std::string_view utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }
inline std::string Utf8(const wxString& text) {
  const auto buffer = text.utf8_str();
  return std::string(buffer.data(), buffer.length());
}

// A domain code's Chinese label from the model's table, in either interface
// language (domain values are data); the code itself when E has none (a newer
// database's), so nothing shows empty.
template <model::DomainEnum E>
wxString CodeLabel(std::string_view code) {
  const auto value = model::ParseEnum<E>(code);
  return value ? Wx(model::ToChinese(*value)) : Wx(code);
}

// "¥1,080.00".
inline wxString Yuan(model::Money amount) { return wxString(wxUniChar(0x00A5)) + Wx(amount.ToDisplayString()); }

}  // namespace doudi::gui
