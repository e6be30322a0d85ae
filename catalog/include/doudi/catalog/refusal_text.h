#pragma once
// The server's refusals in the user's language. A database function refuses
// with a stable code and its arguments (doudi/dal/errors.h, docs/errors.md);
// each code has one English sentence here, its msgid, translated in
// assets/locale/zh_CN/doudi.po under the context "doudi:<code>", so one
// English sentence may read differently for two codes.
//
// Sentences name their arguments: "{amount_fen}" is replaced by the argument
// amount_fen as the caller gives it, a value word ("monthly") in the user's
// language. The server sends money in fen (names ending in _fen):
// dal::FailureText reads it in yuan before it arrives here.
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doudi::catalog {

// Arguments by name (the same type as dal::RefusalArguments).
using NamedArguments = std::map<std::string, std::string, std::less<>>;

struct RefusalSentence {
  std::string_view code;     // "amount.over_cap", without "doudi:"
  std::string_view english;  // the msgid, with {named} places
};

// Every code a server function refuses with, in code order.
std::span<const RefusalSentence> RefusalSentences();

// Words a refusal sends as an argument's value ("monthly"), each with its
// English reading, translated under the context "doudi:value".
std::span<const RefusalSentence> RefusalValueWords();

// The sentence for code translated by the catalog in use, its places filled
// from arguments; nullopt when the code is unknown, or when the sentence
// names an argument the server did not send (a refusal still in the older
// form, whose values are in its prose).
std::optional<std::string> RefusalText(std::string_view code, const NamedArguments& arguments);

// pattern with each "{name}" replaced by arguments[name] (names of
// lowercase letters, digits and _), value words translated; a place without an
// argument, and any other brace, is kept as written. A name starts with a
// letter, so "{1}" stays for Format.
std::string FormatNamed(std::string_view pattern, const NamedArguments& arguments);

// The names of pattern's places, in order of first appearance.
std::vector<std::string> PlaceNames(std::string_view pattern);

}  // namespace doudi::catalog
