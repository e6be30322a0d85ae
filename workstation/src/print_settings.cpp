#include "doudi/workstation/print_settings.h"

#include <charconv>

namespace doudi::workstation {
namespace {

constexpr std::string_view kPrinter = "print/printer";
constexpr std::string_view kPaper = "print/paper";
constexpr std::string_view kCopies = "print/copies";
constexpr std::string_view kDuplex = "print/duplex";

// The whole of text as a number from low to high.
std::optional<int> Number(std::string_view text, int low, int high) {
  int value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || value < low || value > high) return std::nullopt;
  return value;
}

std::optional<PaperMillimetres> Paper(std::string_view text) {
  const auto x = text.find('x');
  if (x == std::string_view::npos) return std::nullopt;
  // From a postcard to A0: anything outside is a typing error.
  const auto width = Number(text.substr(0, x), 50, 1200);
  const auto height = Number(text.substr(x + 1), 50, 1200);
  if (!width || !height) return std::nullopt;
  return PaperMillimetres{*width, *height};
}

}  // namespace

std::string_view DuplexWord(Duplex duplex) {
  switch (duplex) {
    case Duplex::Simplex:
      return "simplex";
    case Duplex::LongEdge:
      return "long-edge";
    case Duplex::ShortEdge:
      return "short-edge";
  }
  return "simplex";
}

std::optional<Duplex> DuplexFromWord(std::string_view word) {
  for (const Duplex d : {Duplex::Simplex, Duplex::LongEdge, Duplex::ShortEdge}) {
    if (word == DuplexWord(d)) return d;
  }
  return std::nullopt;
}

ReadPrintSettingsResult ReadPrintSettings(const std::function<std::optional<std::string>(std::string_view key)>& read) {
  ReadPrintSettingsResult result;
  auto& s = result.settings;
  // Each key: absent or empty leaves the default; unreadable is a problem.
  const auto take = [&](std::string_view key, const auto& parse) {
    const auto value = read(key);
    if (!value || value->empty()) return;
    if (!parse(*value)) result.problems.push_back({std::string(key), *value});
  };
  take(kPrinter, [&](const std::string& v) {
    s.printer = v;
    return true;
  });
  take(kPaper, [&](const std::string& v) { return (s.paper = Paper(v)).has_value(); });
  take(kCopies, [&](const std::string& v) {
    const auto n = Number(v, 1, kMaxCopies);
    if (n) s.copies = *n;
    return n.has_value();
  });
  take(kDuplex, [&](const std::string& v) {
    const auto d = DuplexFromWord(v);
    if (d) s.duplex = *d;
    return d.has_value();
  });
  return result;
}

std::vector<std::pair<std::string, std::string>> PrintSettingsEntries(const PrintSettings& s) {
  return {
      {std::string(kPrinter), s.printer},
      {std::string(kPaper), s.paper ? std::to_string(s.paper->width) + "x" + std::to_string(s.paper->height) : ""},
      {std::string(kCopies), std::to_string(s.copies)},
      {std::string(kDuplex), std::string(DuplexWord(s.duplex))},
  };
}

}  // namespace doudi::workstation
