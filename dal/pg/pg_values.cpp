// Values as the SQL the data layer binds spells them.
#include "pg_internal.h"

namespace doudi::dal::pg {

std::string TextArrayLiteral(const std::vector<std::string>& items) {
  std::string literal = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) literal += ',';
    literal += '"';
    for (const char c : items[i]) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return literal + "}";
}

}  // namespace doudi::dal::pg
