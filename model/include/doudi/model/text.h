#pragma once
// Small text helpers shared by the model's parsers and validators. They work
// on UTF-8 bytes and never consult the C locale, so results are the same on
// every platform and in every process locale.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doudi::model {

// True for ' ', '\t', '\n', '\v', '\f' and '\r' only (not for full-width
// spaces or other Unicode white space).
constexpr bool IsAsciiWhitespace(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

constexpr bool IsAsciiDigit(char c) noexcept { return c >= '0' && c <= '9'; }

// True when text is non-empty and consists of '0'..'9' only.
bool IsAsciiDigits(std::string_view text) noexcept;

// The view without leading and trailing ASCII white space; empty when the
// text is nothing but white space.
std::string_view TrimAsciiWhitespace(std::string_view text) noexcept;

// The number of Unicode code points in well-formed UTF-8 text, or nullopt when
// the bytes are not well-formed UTF-8 (overlong forms, surrogates and values
// above U+10FFFF are rejected). Length limits on names count code points, so
// that a Chinese name is not penalised for taking three bytes per character.
std::optional<std::size_t> CountUtf8CodePoints(std::string_view text) noexcept;

// ASCII-only case-insensitive equality ("Head" equals "head"); other bytes
// must match exactly.
bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) noexcept;

// The pieces of text between separators, empty pieces included; an empty
// text gives no pieces.
std::vector<std::string> Split(std::string_view text, char separator);

// The parts with separator between them.
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace doudi::model
