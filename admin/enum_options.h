#pragma once
// What every command group does with the model's enumerations and ids on
// the command line: a code's Chinese words for a listing, the codes an
// option takes (named in its message), and a number argument.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "doudi/catalog/message_catalog.h"
#include "doudi/model/domain_enum.h"
#include "doudi/model/money.h"

namespace doudi::admin {

// The Chinese words of one of E's codes; the code itself when unknown.
template <typename E>
std::string EnumWords(const std::string& code) {
  const auto value = model::ParseEnum<E>(code);
  return value ? std::string(model::ToChinese(*value)) : code;
}

// Every code of E, separated by ", ".
template <typename E>
std::string EnumCodes() {
  std::string codes;
  for (const auto& t : model::EnumTexts<E>()) codes += (codes.empty() ? "" : ", ") + std::string(t.code);
  return codes;
}

// value, one of E's codes or Chinese words, as its code; refused naming
// --option and every code.
template <typename E>
std::string EnumCodeOption(const std::string& option, const std::string& value) {
  const auto parsed = model::ParseEnum<E>(value);
  if (!parsed) {
    throw std::invalid_argument(
        catalog::TrFormat("--{1} is one of {2}, not '{3}'", {option, EnumCodes<E>(), value}));
  }
  return std::string(model::ToCode(*parsed));
}

// A positive whole number (an id); refused naming what it is.
inline std::int64_t IdNumber(const std::string& what, const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos ||
      text.find_first_not_of('0') == std::string::npos) {
    throw std::invalid_argument(catalog::TrFormat("{1} is a number, not '{2}'", {what, text}));
  }
  return std::stoll(text);
}

// An amount in fen as yuan with two decimals; "" for none.
inline std::string YuanText(const std::optional<std::int64_t>& fen) {
  return fen ? model::Money::FromFen(*fen).ToDisplayString() : std::string();
}

}  // namespace doudi::admin
