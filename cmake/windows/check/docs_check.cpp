// cairo + pango + libxlsxwriter, linked statically for Windows: a one-page PDF
// with Chinese text and a one-cell XLSX, written to the paths given.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <xlsxwriter.h>
#include <cstdio>

int main(int argc, char** argv) {
  const char* pdf = argc > 1 ? argv[1] : "docs_check.pdf";
  const char* xlsx = argc > 2 ? argv[2] : "docs_check.xlsx";
  std::printf("cairo %s, pango %s, xlsxwriter %s\n", cairo_version_string(),
              pango_version_string(), LXW_VERSION);

  cairo_surface_t* surface = cairo_pdf_surface_create(pdf, 595, 842);
  cairo_t* cr = cairo_create(surface);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC 14");
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, "\xE5\x85\x9C\xE5\xBA\x95 Doudi", -1);
  cairo_move_to(cr, 72, 72);
  pango_cairo_show_layout(cr, layout);
  PangoFontDescription* used = pango_font_describe(
      pango_font_map_load_font(pango_cairo_font_map_get_default(), pango_layout_get_context(layout), font));
  char* usedName = pango_font_description_to_string(used);
  std::printf("font used: %s\n", usedName);
  g_free(usedName);
  pango_font_description_free(used);
  pango_font_description_free(font);
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  std::printf("pdf %s: %s\n", pdf, cairo_status_to_string(status));

  lxw_workbook* workbook = workbook_new(xlsx);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_write_string(sheet, 0, 0, "\xE5\x85\x9C\xE5\xBA\x95", nullptr);
  worksheet_write_number(sheet, 0, 1, 1234.5, nullptr);
  const lxw_error error = workbook_close(workbook);
  std::printf("xlsx %s: %s\n", xlsx, lxw_strerror(error));
  return status == CAIRO_STATUS_SUCCESS && error == LXW_NO_ERROR ? 0 : 1;
}
