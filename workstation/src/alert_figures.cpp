#include "doudi/workstation/alert_figures.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <set>

#include "doudi/catalog/refusal_text.h"
#include "doudi/dal/json_object.h"
#include "doudi/model/money.h"

namespace doudi::workstation {
namespace {

bool EndsWith(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

}  // namespace

std::string FigureText(std::string_view key, std::string_view value, const FigureWords& words) {
  if (value.empty()) return {};
  if (EndsWith(key, "_fen")) {
    std::int64_t fen = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), fen);
    if (error == std::errc() && end == value.data() + value.size()) {
      return model::Money::FromFen(fen).ToDisplayString();
    }
    return std::string(value);
  }
  return words ? words(key, value) : std::string(value);
}

std::vector<std::string> ExplainFigures(std::string_view figuresJson, std::span<const std::string> sentences,
                                        const FigureWords& words) {
  if (figuresJson.empty()) return {};
  const auto figures = dal::ReadJsonObject(figuresJson);
  if (!figures) return {std::string(figuresJson)};
  std::vector<std::string> lines;
  std::set<std::string, std::less<>> named;
  for (const auto& sentence : sentences) {
    const auto places = catalog::PlaceNames(sentence);
    named.insert(places.begin(), places.end());
    catalog::NamedArguments texts;
    const bool filled = std::all_of(places.begin(), places.end(), [&](const std::string& place) {
      const auto it = figures->find(place);
      if (it == figures->end() || it->second.empty()) return false;
      texts[place] = FigureText(place, it->second, words);
      return true;
    });
    if (filled) lines.push_back(catalog::FormatNamed(sentence, texts));
  }
  for (const auto& [key, value] : *figures) {
    if (!value.empty() && !named.contains(key)) lines.push_back(key + ": " + FigureText(key, value, words));
  }
  return lines;
}

}  // namespace doudi::workstation
