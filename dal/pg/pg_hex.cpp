#include "pg_hex.h"

#include <stdexcept>
#include <utility>

#include "doudi/model/hex.h"

namespace doudi::dal::pg {

std::string HexOf(const std::vector<unsigned char>& bytes) { return model::HexOf(bytes); }

std::vector<unsigned char> BytesOfHex(const std::string& hex) {
  auto bytes = model::BytesOfHex(hex);
  if (!bytes) throw std::invalid_argument("not hex digits");
  return std::move(*bytes);
}

}  // namespace doudi::dal::pg
