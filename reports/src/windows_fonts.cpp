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
}

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
      const std::string name = entry.path().string();
      any = FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(name.c_str())) == FcTrue || any;
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
    PangoFontMap* fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (fontMap == nullptr || g_config == nullptr) {
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
