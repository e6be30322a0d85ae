// The one platform-specific part of the catalog library: where the running
// executable is.
#include "doudi/catalog/message_catalog.h"

#include <system_error>

#ifdef _WIN32
#include <windows.h>
#endif

namespace doudi::catalog {

std::optional<std::filesystem::path> ProgramDirectory() {
#ifdef _WIN32
  std::wstring buffer(MAX_PATH, L'\0');
  for (;;) {
    const DWORD length = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    if (length == 0) return std::nullopt;
    if (length < buffer.size()) {
      buffer.resize(length);
      return std::filesystem::path(buffer).parent_path();
    }
    buffer.resize(buffer.size() * 2);  // truncated: a longer path
  }
#else
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return std::nullopt;
  return exe.parent_path();
#endif
}

}  // namespace doudi::catalog
