#include "doudi/catalog/refusal_text.h"

#include <algorithm>
#include <array>

#include "doudi/catalog/message_catalog.h"

namespace doudi::catalog {
namespace {

// One line per code the server refuses with (docs/errors.md); the unit test
// holds it to the SQL and to the Chinese catalog. Kept in code order.
constexpr std::array kSentences{
    RefusalSentence{"amount.no_bound",
                    "No cap on the {part} of this case is in force in region {region} (parameter {parameter}), so "
                    "none can be proposed."},
    RefusalSentence{"amount.no_exception", "This proposal is not above the cap: there is nothing to confirm."},
    RefusalSentence{"amount.over_cap",
                    "The {part} of {amount_fen} yuan is above the cap of {cap_fen} yuan ({parameter}): an amount "
                    "above the cap needs a reason and the confirmation of a second city decider."},
    RefusalSentence{"amount.over_limit",
                    "The {part} of {amount_fen} yuan is above the most an exception may reach here "
                    "({limit_fen} yuan; the cap is {cap_fen} yuan, {parameter})."},
    RefusalSentence{"amount.same_person",
                    "An amount above the cap is confirmed by a second city decider, not by the one who proposed it."},
    RefusalSentence{"amount.superseded", "This proposal is no longer the amount the case waits to decide."},
    RefusalSentence{"amount.unconfirmed",
                    "The amount proposed is above the cap and waits for the confirmation of a second city decider."},
    RefusalSentence{"registry.cross_scope_limit",
                    "Today's checks of ID numbers registered outside your scope are used up (at most {limit} a "
                    "day)."},
    RefusalSentence{"request.missing", "Every change of a case needs a request id."},
    RefusalSentence{"request.other_record",
                    "This save was already used for another household: open the household again and repeat the "
                    "change."},
    RefusalSentence{"request.reused",
                    "This request was already used for another change: open the record again and repeat the "
                    "change."},
    RefusalSentence{"search.too_long", "The search text is too long: at most {limit} characters."},
};

constexpr std::array kValueWords{
    RefusalSentence{"monthly", "monthly amount"},
    RefusalSentence{"one_off", "one-off grant"},
};

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The argument's text as a sentence shows it: a value word in the user's
// language, anything else as given.
std::string Reading(const std::string& value) {
  const auto word =
      std::find_if(kValueWords.begin(), kValueWords.end(), [&](const RefusalSentence& w) { return w.code == value; });
  if (word != kValueWords.end()) return Tr(word->english, "doudi:value");
  return value;
}

// Calls place(start, length, name) for each "{name}" in pattern.
template <typename Place>
void ForEachPlace(std::string_view pattern, Place place) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    // A name starts with a letter: "{1}" is a numbered place (Format).
    if (pattern[i] != '{' || i + 1 >= pattern.size() || pattern[i + 1] < 'a' || pattern[i + 1] > 'z') continue;
    std::size_t end = i + 1;
    while (end < pattern.size() && IsNameChar(pattern[end])) ++end;
    if (end > i + 1 && end < pattern.size() && pattern[end] == '}') {
      place(i, end + 1 - i, pattern.substr(i + 1, end - i - 1));
      i = end;
    }
  }
}

}  // namespace

std::span<const RefusalSentence> RefusalSentences() {
  return kSentences;
}

std::span<const RefusalSentence> RefusalValueWords() {
  return kValueWords;
}

std::vector<std::string> PlaceNames(std::string_view pattern) {
  std::vector<std::string> names;
  ForEachPlace(pattern, [&](std::size_t, std::size_t, std::string_view name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
  });
  return names;
}

std::string FormatNamed(std::string_view pattern, const NamedArguments& arguments) {
  std::string out;
  std::size_t copied = 0;
  ForEachPlace(pattern, [&](std::size_t start, std::size_t length, std::string_view name) {
    const auto it = arguments.find(name);
    if (it == arguments.end()) return;
    out.append(pattern.substr(copied, start - copied));
    out += Reading(it->second);
    copied = start + length;
  });
  out.append(pattern.substr(copied));
  return out;
}

std::optional<std::string> RefusalText(std::string_view code, const NamedArguments& arguments) {
  const auto it = std::lower_bound(kSentences.begin(), kSentences.end(), code,
                                   [](const RefusalSentence& s, std::string_view c) { return s.code < c; });
  if (it == kSentences.end() || it->code != code) return std::nullopt;
  const auto names = PlaceNames(it->english);
  if (!std::all_of(names.begin(), names.end(), [&](const std::string& n) { return arguments.contains(n); })) {
    return std::nullopt;
  }
  std::string context = "doudi:";
  context += code;
  return FormatNamed(Tr(it->english, context), arguments);
}

}  // namespace doudi::catalog
