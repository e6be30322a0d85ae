#include <cctype>

#include "doudi/dal/registry_search.h"

namespace doudi::dal {

RegistryTextKind ClassifyQueryText(const std::string& text) {
  if (text.empty()) return RegistryTextKind::None;
  if (text.size() > 18) return RegistryTextKind::Name;
  // Digits, with an X allowed only as the 18th character, are (part of) an ID.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool checkX = i == 17 && (c == 'X' || c == 'x');
    if (std::isdigit(c) == 0 && !checkX) return RegistryTextKind::Name;
  }
  return text.size() == 18 ? RegistryTextKind::FullId : RegistryTextKind::IdPrefix;
}

}  // namespace doudi::dal
