#pragma once
// Text crosses between the model (UTF-8 std::string) and wx (wxString) only
// through these, so no narrow literal is ever read in the C locale.
#include <wx/string.h>

#include <string>
#include <string_view>

#include "doudi/model/money.h"

namespace doudi::gui {

inline wxString Wx(std::string_view utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }
inline std::string Utf8(const wxString& text) {
  const auto buffer = text.utf8_str();
  return std::string(buffer.data(), buffer.length());
}

// "¥1,080.00".
inline wxString Yuan(model::Money amount) { return wxString(wxUniChar(0x00A5)) + Wx(amount.ToDisplayString()); }

}  // namespace doudi::gui
