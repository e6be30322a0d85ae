#include <array>
#include <cstdio>
#include <random>

#include "doudi/dal/intake_repository.h"
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

std::string NewIntakeSecret() {
  // 32 bytes from the platform's random source, as base64url without padding.
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::random_device random;
  std::array<unsigned char, 33> b{};  // 32 random bytes and one zero to make whole groups of three
  for (std::size_t i = 0; i < 32; ++i) b[i] = static_cast<unsigned char>(random() & 0xFFu);
  std::string text = "dd_";
  for (std::size_t i = 0; i < b.size(); i += 3) {
    const unsigned v = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    for (int shift = 18; shift >= 0; shift -= 6) text.push_back(kAlphabet[(v >> shift) & 0x3Fu]);
  }
  text.resize(3 + 43);  // 256 bits are 43 characters; the last one's padding bits dropped
  return text;
}

}  // namespace doudi::dal
