#include "x_window_watch.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <stdexcept>
#include <thread>

namespace doudi::bench {
namespace {

// A window can vanish between listing and asking about it (the program's
// short-lived helper windows): Xlib's default handler would end the
// benchmark for that, so errors are ignored while watching.
int IgnoreXError(Display*, XErrorEvent*) { return 0; }

std::optional<long> PidOf(Display* x, Window w, Atom netWmPid) {
  Atom type = 0;
  int format = 0;
  unsigned long count = 0, after = 0;
  unsigned char* data = nullptr;
  std::optional<long> pid;
  if (XGetWindowProperty(x, w, netWmPid, 0, 1, False, XA_CARDINAL, &type, &format, &count, &after, &data) ==
          Success &&
      data != nullptr && format == 32 && count == 1) {
    pid = *reinterpret_cast<const long*>(data);  // format 32 properties come back as longs
  }
  if (data != nullptr) XFree(data);
  return pid;
}

std::string TitleOf(Display* x, Window w) {
  Atom type = 0;
  int format = 0;
  unsigned long count = 0, after = 0;
  unsigned char* data = nullptr;
  std::string title;
  const Atom name = XInternAtom(x, "_NET_WM_NAME", False);
  if (XGetWindowProperty(x, w, name, 0, 256, False, AnyPropertyType, &type, &format, &count, &after, &data) ==
          Success &&
      data != nullptr && format == 8) {
    title.assign(reinterpret_cast<const char*>(data), count);
  }
  if (data != nullptr) XFree(data);
  return title;
}

}  // namespace

std::optional<std::string> WaitForWindowOf(long pid, std::chrono::milliseconds timeout) {
  Display* x = XOpenDisplay(nullptr);
  if (x == nullptr) throw std::runtime_error("cannot open the X display (DISPLAY unset or Xvfb not running)");
  const auto previous = XSetErrorHandler(IgnoreXError);
  const Atom netWmPid = XInternAtom(x, "_NET_WM_PID", False);
  std::optional<std::string> found;
  const auto until = std::chrono::steady_clock::now() + timeout;
  // Under Xvfb there is no window manager: top-level windows are the
  // root's children, mapped by the program itself.
  while (!found && std::chrono::steady_clock::now() < until) {
    Window root = 0, parent = 0;
    Window* children = nullptr;
    unsigned int n = 0;
    if (XQueryTree(x, XDefaultRootWindow(x), &root, &parent, &children, &n) != 0) {
      for (unsigned int i = 0; i < n && !found; ++i) {
        XWindowAttributes a{};
        if (XGetWindowAttributes(x, children[i], &a) != 0 && a.map_state == IsViewable &&
            PidOf(x, children[i], netWmPid) == pid) {
          found = TitleOf(x, children[i]);
        }
      }
      if (children != nullptr) XFree(children);
    }
    if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  XSetErrorHandler(previous);
  XCloseDisplay(x);
  return found;
}

}  // namespace doudi::bench
