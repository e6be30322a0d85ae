#pragma once
// Bytes as lowercase hexadecimal text, two digits a byte: how bytes travel
// through text (PostgreSQL's encode(..., 'hex'), a draft file's line).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doudi::model {

std::string HexOf(std::span<const std::uint8_t> bytes);

// The bytes of hex (either case); nullopt for an odd length or a character
// that is not a hex digit.
std::optional<std::vector<std::uint8_t>> BytesOfHex(std::string_view hex);

}  // namespace doudi::model
