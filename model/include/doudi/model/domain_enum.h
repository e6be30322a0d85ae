#pragma once
// Domain enumerations each have a stable English snake_case code (what the
// database stores and files exchange) and a Chinese label (what forms and
// imported spreadsheets use). Both come from one table per enumeration,
// EnumTraits<E>::kTexts, and the templates here serve every enumeration, so
// adding a value means adding one table row.
#include <array>
#include <concepts>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "doudi/model/text.h"

namespace doudi::model {

// One value of a domain enumeration with its texts.
template <typename E>
struct EnumText {
  E value;
  std::string_view code;
  std::string_view chinese;
};

// Specialised below for each domain enumeration: kTexts lists every value
// once, in declaration order (each enumeration's .cpp checks this at compile time).
template <typename E>
struct EnumTraits;

template <typename E>
concept DomainEnum = std::is_enum_v<E> && requires {
  { EnumTraits<E>::kTexts.size() } -> std::convertible_to<std::size_t>;
};

// Every value of E with its texts in declaration order, e.g. to fill a list.
template <DomainEnum E>
constexpr std::span<const EnumText<E>> EnumTexts() {
  return EnumTraits<E>::kTexts;
}

// The stable code of value; empty for a value outside the enumeration (only
// reachable by casting an arbitrary integer).
template <DomainEnum E>
constexpr std::string_view EnumCode(E value) {
  const auto index = static_cast<std::size_t>(value);
  return index < EnumTraits<E>::kTexts.size() ? EnumTraits<E>::kTexts[index].code
                                              : std::string_view();
}

// The Chinese label of value; empty for a value outside the enumeration.
template <DomainEnum E>
constexpr std::string_view EnumChinese(E value) {
  const auto index = static_cast<std::size_t>(value);
  return index < EnumTraits<E>::kTexts.size() ? EnumTraits<E>::kTexts[index].chinese
                                              : std::string_view();
}

// ToCode(value) and ToChinese(value) for every domain enumeration: one
// template each, rather than a forwarding function per enumeration.
template <DomainEnum E>
constexpr std::string_view ToCode(E value) {
  return EnumCode(value);
}
template <DomainEnum E>
constexpr std::string_view ToChinese(E value) {
  return EnumChinese(value);
}

// The value whose code (ASCII case ignored) or Chinese label equals text with
// surrounding ASCII white space trimmed; nullopt when none does.
template <DomainEnum E>
std::optional<E> ParseEnum(std::string_view text) {
  const std::string_view trimmed = TrimAsciiWhitespace(text);
  for (const EnumText<E>& entry : EnumTraits<E>::kTexts) {
    if (EqualsIgnoringAsciiCase(trimmed, entry.code) || trimmed == entry.chinese) {
      return entry.value;
    }
  }
  return std::nullopt;
}

// The labels are UTF-8; a compiler reading this file in another code page
// (MSVC without /utf-8) would store different bytes and break every import.
static_assert(std::string_view("户主").size() == 6, "compile with UTF-8 source and execution charsets");

// Compile-time checks of each table: every value once, in declaration order
// (so EnumCode can index by value), and no code or label used twice (so
// ParseEnum is unambiguous).
template <DomainEnum E>
consteval bool TableIsWellFormed() {
  const auto& texts = EnumTraits<E>::kTexts;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (static_cast<std::size_t>(texts[i].value) != i || texts[i].code.empty() ||
        texts[i].chinese.empty()) {
      return false;
    }
    for (std::size_t k = i + 1; k < texts.size(); ++k) {
      if (texts[i].code == texts[k].code || texts[i].chinese == texts[k].chinese) {
        return false;
      }
    }
  }
  return true;
}

// Whether rows, a generated table with one row per value of E whose member
// key names the value, lists every value once in declaration order, so the
// row of a value is found by indexing with it.
template <DomainEnum E, typename Rows, typename Row>
consteval bool RowsFollowEnum(const Rows& rows, E Row::*key) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (static_cast<std::size_t>(rows[i].*key) != i) return false;
  }
  return rows.size() == EnumTraits<E>::kTexts.size();
}

// TableIsWellFormed, and the table ends with last, the enumeration's last
// enumerator, so no value was left out at the end either.
template <DomainEnum E>
consteval bool TableIsComplete(E last) {
  return TableIsWellFormed<E>() && EnumTraits<E>::kTexts.back().value == last;
}

}  // namespace doudi::model
