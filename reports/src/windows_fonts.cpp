#include "windows_fonts.h"

#include <cairo.h>
#include <windows.h>

#ifdef DOUDI_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#endif

#include <string>

namespace doudi::reports::detail {

void InitCairoStatics() {
  cairo_surface_destroy(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1));
}

std::filesystem::path ProgramFontDir() {
  std::wstring name(MAX_PATH, L'\0');
  for (;;) {
    const DWORD length = GetModuleFileNameW(nullptr, name.data(), static_cast<DWORD>(name.size()));
    if (length == 0) {
      return {};
    }
    if (length < name.size()) {
      name.resize(length);
      break;
    }
    name.resize(name.size() * 2);
  }
  return std::filesystem::path(name).parent_path() / "fonts";
}

#ifdef DOUDI_HAVE_FONTCONFIG
namespace {
FcConfig* g_config = nullptr;

// The path in the ANSI code page, or empty when a character has no place in
// it. Lossless only: a best-fit or '?' character would name another file.
std::string Ansi(const std::wstring& wide) {
  BOOL defaulted = FALSE;
  const int bytes = WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, wide.c_str(), -1, nullptr, 0, nullptr,
                                        &defaulted);
  if (bytes <= 1 || defaulted) {
    return {};
  }
  std::string ansi(static_cast<std::size_t>(bytes - 1), '\0');
  WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, wide.c_str(), -1, ansi.data(), bytes, nullptr, &defaulted);
  return defaulted ? std::string() : ansi;
}

// A font file's name as fontconfig and FreeType can open it: both take a
// char* path and open it with the ANSI functions (CreateFileA), not UTF-8.
// A path the code page cannot spell (C:\Users\张三 on a Windows set to
// another language) is given in its 8.3 short form, which is ASCII.
std::string OpenableName(const std::filesystem::path& file) {
  if (std::string ansi = Ansi(file.wstring()); !ansi.empty()) {
    return ansi;
  }
  const DWORD length = GetShortPathNameW(file.c_str(), nullptr, 0);
  if (length == 0) {
    return {};
  }
  std::wstring shortName(length, L'\0');
  const DWORD written = GetShortPathNameW(file.c_str(), shortName.data(), length);
  if (written == 0 || written >= length) {
    return {};
  }
  shortName.resize(written);
  return Ansi(shortName);
}
}  // namespace

bool LoadFonts(const std::filesystem::path& dir) {
  static const bool loaded = [&dir] {
    FcConfig* config = FcConfigCreate();
    if (config == nullptr) {
      return false;
    }
    // File by file: FcConfigAppFontAddDir would want a cache directory.
    bool any = false;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      const std::string name = OpenableName(entry.path());
      any = (!name.empty() &&
             FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(name.c_str())) == FcTrue) ||
            any;
    }
    // Current before pango's first font map: pango calls FcInit, which would
    // otherwise load the default configuration and scan the system's fonts.
    if (!any || FcConfigSetCurrent(config) == FcFalse) {
      FcConfigDestroy(config);
      return false;
    }
    g_config = config;  // the reference of its creation: kept for the process
    return true;
  }();
  return loaded;
}

void UseLoadedFonts() {
  thread_local const bool used = [] {
    if (g_config == nullptr) {
      return false;
    }
    PangoFontMap* fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (fontMap == nullptr) {
      return false;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fontMap), g_config);
    pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(fontMap));
    g_object_unref(fontMap);
    return true;
  }();
  static_cast<void>(used);
}
#endif

}  // namespace doudi::reports::detail
