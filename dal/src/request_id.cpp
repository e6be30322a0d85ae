#include <array>
#include <cstdio>
#include <random>

#include "doudi/dal/registry_repository.h"

namespace doudi::dal {

std::string NewRequestId() {
  // A version-4 UUID from the platform's random source.
  std::random_device random;
  std::array<unsigned char, 16> b{};
  for (auto& byte : b) byte = static_cast<unsigned char>(random() & 0xFFu);
  b[6] = static_cast<unsigned char>((b[6] & 0x0Fu) | 0x40u);
  b[8] = static_cast<unsigned char>((b[8] & 0x3Fu) | 0x80u);
  char text[37];
  std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return text;
}

}  // namespace doudi::dal
