#pragma once
// The small JSON objects the database hands over as text — a refusal's
// arguments (errors.h), an alert's figures and a cross-check row's detail
// (alert_repository.h) — read by one reader: a library linked for them
// alone would be larger than the reader.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace doudi::dal {

// An object's members by name: strings as their text, numbers as written,
// true/false, "" for null, arrays as their elements joined by ", ", a
// nested object as its JSON text.
using JsonMembers = std::map<std::string, std::string, std::less<>>;

// The members of text, one JSON object; nullopt when it is not one (a
// malformed object, or anything after it).
std::optional<JsonMembers> ReadJsonObject(std::string_view text);

}  // namespace doudi::dal
