#pragma once
// Internal, Windows only (typesetter.cpp): what cairo and pango need there
// before the first layout, and the program's own fonts.

#include <filesystem>

namespace doudi::reports::detail {

// cairo 1.16 in a DLL initialises its mutexes in DllMain; linked statically
// (the Windows build, docs/windows.md) it does so only on the first surface,
// pattern or font face it makes. A layout measured without a surface reaches
// cairo_win32_font_face_create_for_logfontw_hfont first, which then enters
// the zeroed CRITICAL_SECTION _cairo_win32_font_face_mutex and waits forever.
// Making one small surface first initialises them all.
void InitCairoStatics();

// <the directory of the running program>/fonts: where the installer puts
// DoudiSansSC-Regular.otf and DoudiSansSC-Bold.otf.
std::filesystem::path ProgramFontDir();

#ifdef DOUDI_HAVE_FONTCONFIG
// pango's own font map on Windows (win32, DirectWrite) lists only the fonts
// of DirectWrite's system collection, that is the installed ones: fonts
// registered for the process with AddFontResourceEx(FR_PRIVATE) stay
// invisible to it. fontconfig's reads font files from a directory.
//
// LoadFonts makes, once, the fontconfig configuration of the fonts in dir
// and nothing else (no fonts.conf, no scan of the system's fonts) and makes
// it fontconfig's current one; false if it has no fonts.
bool LoadFonts(const std::filesystem::path& dir);
// Makes a font map of fontconfig with that configuration pango's default on
// the calling thread (pango's default font map is per thread), once per
// thread. After a successful LoadFonts only.
void UseLoadedFonts();
#endif

}  // namespace doudi::reports::detail
