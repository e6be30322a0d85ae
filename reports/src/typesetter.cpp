#include "typesetter.h"

#ifdef DOUDI_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#endif

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "doudi/model/text.h"

#ifdef _WIN32
#include "windows_fonts.h"
#endif

namespace doudi::reports::detail {
namespace {

struct StyleSpec {
  double size;  // points
  bool bold;
};

// Sizes follow Chinese office-document habit: 小二 title, 五号 body, 小五 tables.
constexpr std::array<StyleSpec, static_cast<std::size_t>(Style::Count)> kSpecs{{
    {18, true},   // Title
    {11, false},  // Subtitle
    {9.5, false}, // Meta
    {12, true},   // Heading
    {10.5, false},// Body
    {10, false},  // Label
    {9, false},   // TableCell
    {9, true},    // TableBold
    {8.5, false}, // Footer
}};

// Unhinted metrics and unrounded glyph positions keep line breaks independent
// of the target's resolution, so what Layout measured is what DrawPage draws
// on a PDF, a preview bitmap or a printer. (Pango rounds each advance to a
// whole unit by default: at 72 dpi that made a line of 10.5 pt Chinese 9%
// wider in the PDF than on a 100 dpi preview, and broke it elsewhere.)
void ConfigureContext(PangoContext* context) {
  pango_cairo_context_set_resolution(context, 72);
  pango_context_set_round_glyph_positions(context, FALSE);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
}

#ifdef DOUDI_HAVE_FONTCONFIG
// Where the build's fonts are: the environment's DOUDI_FONT_DIR, else on
// Windows <the program's directory>/fonts (where the installer puts them),
// else the build's (reports/CMakeLists.txt).
std::filesystem::path DocumentFontDir() {
  if (const char* env = std::getenv("DOUDI_FONT_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef _WIN32
  return ProgramFontDir();
#else
  return DOUDI_FONT_DIR;
#endif
}
#endif

// The family documents are set in. With the build's copies of Noto Sans CJK
// SC without CFF subroutines (reports/CMakeLists.txt, fonts/make_font.py) in
// DocumentFontDir(), those are registered with fontconfig and come first:
// cairo 1.16 subsets the system's font so that PDF viewers draw some glyphs
// (如) blank (docs/documents.md). On Windows, pango then uses fontconfig's
// font map with those fonts only (windows_fonts.h). Without fontconfig, or
// without the fonts, the system's Noto Sans CJK SC.
const std::string& FontFamily() {
  static const std::string family = [] {
#ifdef _WIN32
    InitCairoStatics();
#endif
#ifndef DOUDI_HAVE_FONTCONFIG
    return std::string(kFontFamily);
#else
    const std::filesystem::path dir = DocumentFontDir();
    std::error_code error;
    if (!std::filesystem::exists(dir / "DoudiSansSC-Regular.otf", error) ||
        !std::filesystem::exists(dir / "DoudiSansSC-Bold.otf", error)) {
      return std::string(kFontFamily);
    }
#ifdef _WIN32
    if (!LoadFonts(dir)) {
      return std::string(kFontFamily);
    }
#else
    const std::string dirName = dir.string();
    if (FcConfigAppFontAddDir(nullptr, reinterpret_cast<const FcChar8*>(dirName.c_str())) == FcFalse) {
      return std::string(kFontFamily);
    }
    // A font map made before the fonts were added does not know them yet.
    PangoFontMap* fontMap = pango_cairo_font_map_get_default();
    if (fontMap != nullptr && PANGO_IS_FC_FONT_MAP(fontMap)) {
      pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(fontMap));
    }
#endif
    return std::string(kDocumentFontFamily) + "," + std::string(kFontFamily);
#endif
  }();
  return family;
}

// The family, and on Windows with the build's fonts their font map as the
// calling thread's default.
const std::string& PrepareFonts() {
  const std::string& family = FontFamily();
#if defined(_WIN32) && defined(DOUDI_HAVE_FONTCONFIG)
  if (family.rfind(kDocumentFontFamily, 0) == 0) {
    UseLoadedFonts();
  }
#endif
  return family;
}

PangoAlignment ToPango(Align align) {
  switch (align) {
    case Align::Left:
      break;
    case Align::Center:
      return PANGO_ALIGN_CENTER;
    case Align::Right:
      return PANGO_ALIGN_RIGHT;
  }
  return PANGO_ALIGN_LEFT;
}

int ToPangoUnits(double points) {
  return static_cast<int>(points * PANGO_SCALE);
}

}  // namespace

Typesetter::Typesetter() {
  PrepareFonts();
  PangoFontMap* fontMap = pango_cairo_font_map_get_default();
  if (fontMap == nullptr) {
    throw std::runtime_error("pango has no cairo font map: no fonts to lay out documents with");
  }
  m_context = pango_font_map_create_context(fontMap);
  Init();
}

Typesetter::Typesetter(cairo_t* cr) {
  PrepareFonts();
  m_context = pango_cairo_create_context(cr);
  Init();
}

Typesetter::~Typesetter() {
  for (PangoLayout* layout : m_layouts) {
    g_object_unref(layout);
  }
  g_object_unref(m_context);
}

void Typesetter::Init() {
  ConfigureContext(m_context);
  for (std::size_t i = 0; i < kSpecs.size(); ++i) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, FontFamily().c_str());
    pango_font_description_set_absolute_size(font, kSpecs[i].size * PANGO_SCALE);
    pango_font_description_set_weight(font, kSpecs[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    m_layouts[i] = pango_layout_new(m_context);
    pango_layout_set_font_description(m_layouts[i], font);
    // Chinese has no spaces to break at: break between any characters, but
    // prefer word boundaries where there are some (numbers, Latin names).
    pango_layout_set_wrap(m_layouts[i], PANGO_WRAP_WORD_CHAR);
    pango_font_description_free(font);
    m_size[i] = kSpecs[i].size;
    pango_layout_set_text(m_layouts[i], "国", -1);
    PangoRectangle logical;
    pango_layout_get_extents(m_layouts[i], nullptr, &logical);
    m_lineHeight[i] = static_cast<double>(logical.height) / PANGO_SCALE;
  }
}

PangoLayout* Typesetter::Set(Style style, std::string_view text, double width, Align align) {
  PangoLayout* layout = m_layouts[Index(style)];
  pango_layout_set_width(layout, ToPangoUnits(width));
  pango_layout_set_alignment(layout, ToPango(align));
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  return layout;
}

double Typesetter::Height(Style style, std::string_view text, double width) {
  // No glyph of the font is wider than 1 em, so text of n characters that
  // fits in n em is one line: most table cells, measured without pango.
  const auto codePoints = model::CountUtf8CodePoints(text);
  if (codePoints && text.find('\n') == std::string_view::npos &&
      static_cast<double>(*codePoints) * m_size[Index(style)] <= width) {
    return m_lineHeight[Index(style)];
  }
  PangoRectangle logical;
  pango_layout_get_extents(Set(style, text, width, Align::Left), nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

std::vector<Typesetter::LineBox> Typesetter::Lines(Style style, std::string_view text, double width) {
  std::vector<LineBox> lines;
  PangoLayoutIter* iter = pango_layout_get_iter(Set(style, text, width, Align::Left));
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    lines.push_back(LineBox{static_cast<double>(logical.y) / PANGO_SCALE,
                            static_cast<double>(logical.y + logical.height) / PANGO_SCALE,
                            static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE});
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return lines;
}

double Typesetter::Draw(cairo_t* cr, Style style, std::string_view text, double x, double y, double width,
                        Align align) {
  PangoLayout* layout = Set(style, text, width, align);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

}  // namespace doudi::reports::detail
