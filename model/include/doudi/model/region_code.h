#pragma once
// The 12-digit statistical region code (统计用区划代码): province (2 digits),
// prefecture (2), county (2), township (3), village or community (3). A
// region's code is zero after its own level, so the significant digits form a
// prefix of every region below it; access scopes are such prefixes.

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace doudi::model {

enum class RegionLevel { Province, Prefecture, County, Township, Village };

// "province", "prefecture", "county", "township", "village".
std::string_view ToCode(RegionLevel level);

class RegionCode {
 public:
  // Exactly 12 ASCII digits (no trimming); the province part is not "00";
  // once a part is all zeros every later part is zeros too. nullopt
  // otherwise. Township numbers are not restricted to the ranges the
  // statistics bureau uses (001-099 street office, 100-199 town, ...) since
  // that is a naming convention, not something a code can be wrong about.
  static std::optional<RegionCode> Parse(std::string_view text);

  const std::string& Text() const noexcept { return m_text; }

  // The level of the last part that is not all zeros.
  RegionLevel Level() const;

  // The code of the region one level up (the last significant part zeroed),
  // or nullopt for a province.
  std::optional<RegionCode> Parent() const;

  // The significant digits: 2, 4, 6, 9 or 12 of them by level
  // ("331022" for the county 331022000000).
  std::string ScopePrefix() const;

  // True when other is this region or lies below it.
  bool Contains(const RegionCode& other) const;

  // True when prefix is the ScopePrefix() of some valid region code: 2, 4, 6,
  // 9 or 12 ASCII digits whose last part is not all zeros and whose earlier
  // parts are not all zeros either ("3300" is rejected: it would name the
  // province "33" in a misleading form, and match no code below it).
  static bool IsValidScopePrefix(std::string_view prefix);

  friend auto operator<=>(const RegionCode&, const RegionCode&) = default;

 private:
  explicit RegionCode(std::string text) : m_text(std::move(text)) {}

  std::string m_text;
};

}  // namespace doudi::model
