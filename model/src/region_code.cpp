#include "doudi/model/region_code.h"

#include <array>
#include <cstddef>

#include "doudi/model/text.h"

namespace doudi::model {
namespace {

constexpr std::size_t kLength = 12;

// Where each level's part ends in the code; a level's scope prefix is the
// code up to its end.
constexpr std::array<std::size_t, 5> kPartEnds{2, 4, 6, 9, 12};

bool AllZeros(std::string_view digits) {
  return digits.find_first_not_of('0') == std::string_view::npos;
}

std::string_view Part(std::string_view code, std::size_t level) {
  const std::size_t begin = level == 0 ? 0 : kPartEnds[level - 1];
  return code.substr(begin, kPartEnds[level] - begin);
}

// Index into kPartEnds of the last part that is not all zeros. Precondition:
// code is a parsed region code, so part 0 is never all zeros.
std::size_t LevelIndex(std::string_view code) {
  std::size_t level = 0;
  for (std::size_t i = 1; i < kPartEnds.size(); ++i) {
    if (!AllZeros(Part(code, i))) {
      level = i;
    }
  }
  return level;
}

}  // namespace

std::string_view ToCode(RegionLevel level) {
  switch (level) {
    case RegionLevel::Province: return "province";
    case RegionLevel::Prefecture: return "prefecture";
    case RegionLevel::County: return "county";
    case RegionLevel::Township: return "township";
    case RegionLevel::Village: return "village";
  }
  return "unknown";
}

std::optional<RegionCode> RegionCode::Parse(std::string_view text) {
  if (text.size() != kLength || !IsAsciiDigits(text) || AllZeros(Part(text, 0))) {
    return std::nullopt;
  }
  bool zeroSeen = false;
  for (std::size_t i = 1; i < kPartEnds.size(); ++i) {
    const bool zero = AllZeros(Part(text, i));
    if (zeroSeen && !zero) {
      return std::nullopt;
    }
    zeroSeen = zeroSeen || zero;
  }
  return RegionCode(std::string(text));
}

RegionLevel RegionCode::Level() const {
  return static_cast<RegionLevel>(LevelIndex(m_text));
}

std::optional<RegionCode> RegionCode::Parent() const {
  const std::size_t level = LevelIndex(m_text);
  if (level == 0) {
    return std::nullopt;
  }
  std::string parent = m_text;
  const std::size_t begin = kPartEnds[level - 1];
  parent.replace(begin, kLength - begin, kLength - begin, '0');
  return RegionCode(std::move(parent));
}

std::string RegionCode::ScopePrefix() const {
  return m_text.substr(0, kPartEnds[LevelIndex(m_text)]);
}

bool RegionCode::Contains(const RegionCode& other) const {
  // Codes are zero after their own level, so a prefix match cannot pick up a
  // sibling: "3310" matches only codes of prefecture 10 in province 33.
  return other.m_text.starts_with(ScopePrefix());
}

bool RegionCode::IsValidScopePrefix(std::string_view prefix) {
  bool lengthFits = false;
  for (const std::size_t end : kPartEnds) {
    lengthFits = lengthFits || prefix.size() == end;
  }
  if (!lengthFits || !IsAsciiDigits(prefix)) {
    return false;
  }
  std::string padded(prefix);
  padded.resize(kLength, '0');
  const std::optional<RegionCode> code = Parse(padded);
  return code.has_value() && code->ScopePrefix().size() == prefix.size();
}

}  // namespace doudi::model
