#include "app/screenshot.h"

#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/timer.h>

#ifdef __WXGTK__
#include <gdk/gdk.h>
#include <gtk/gtk.h>
#endif

#include "app/main_frame.h"
#include "registry/registry_panel.h"

namespace doudi::gui {

bool SaveWindowPng(wxWindow* window, const wxString& path) {
  window->Update();
#ifdef __WXGTK__
  // Read the window's own X drawable: a grab of the screen area can show
  // another window's leftovers under Xvfb, where nothing repaints the root.
  if (GdkWindow* gdk = gtk_widget_get_window(window->GetHandle())) {
    GdkWindow* top = gdk_window_get_toplevel(gdk);
    const int width = gdk_window_get_width(top), height = gdk_window_get_height(top);
    if (GdkPixbuf* pixbuf = gdk_pixbuf_get_from_window(top, 0, 0, width, height)) {
      GError* error = nullptr;
      const bool saved = gdk_pixbuf_save(pixbuf, path.utf8_str(), "png", &error, nullptr) != FALSE;
      if (error != nullptr) g_error_free(error);
      g_object_unref(pixbuf);
      return saved;
    }
  }
#endif
  const wxRect rect = window->GetScreenRect();
  wxBitmap bitmap(rect.GetWidth(), rect.GetHeight());
  wxMemoryDC memory(bitmap);
  wxScreenDC screen;
  memory.Blit(0, 0, rect.GetWidth(), rect.GetHeight(), &screen, rect.GetX(), rect.GetY());
  memory.SelectObject(wxNullBitmap);
  return bitmap.SaveFile(path, wxBITMAP_TYPE_PNG);
}

void SaveScreenshotWhenSettled(MainFrame* frame, const wxString& path) {
  // The timer belongs to the frame, so it dies with it.
  auto* timer = new wxTimer(frame);
  auto waited = std::make_shared<int>(0);
  frame->Bind(wxEVT_TIMER, [frame, timer, path, waited](wxTimerEvent&) {
    constexpr int kMaxTicks = 150;  // 30 s
    if (frame->Registry().IsSearching() && ++*waited < kMaxTicks) return;
    if (++*waited < 5) return;  // let the first rows paint
    timer->Stop();
    const bool saved = SaveWindowPng(frame, path);
    wxTheApp->CallAfter([frame, saved] {
      frame->Close(true);
      if (!saved) wxTheApp->SetExitOnFrameDelete(true);
    });
  });
  timer->Start(200);
}

}  // namespace doudi::gui
