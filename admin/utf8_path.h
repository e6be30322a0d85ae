#pragma once
// Paths cross into and out of the program as UTF-8 (command lines, ini
// files, messages); std::filesystem::path converts to the OS's own form,
// which on Windows is UTF-16, so Chinese folder names survive.
#include <filesystem>
#include <string>
#include <string_view>

namespace doudi::admin {

inline std::filesystem::path PathFromUtf8(std::string_view text) {
  return std::filesystem::path(std::u8string(text.begin(), text.end()));
}

inline std::string PathToUtf8(const std::filesystem::path& path) {
  const std::u8string text = path.u8string();
  return std::string(text.begin(), text.end());
}

}  // namespace doudi::admin
