#pragma once
// Watches the X server (Xvfb in the benchmark) for another process's first
// window, so the real `doudi` can be timed from exec to its login dialog
// without adding anything to the program. Kept apart from the wx code
// because Xlib's macros (None, Status, Bool...) clash with other headers.
#include <chrono>
#include <optional>
#include <string>

namespace doudi::bench {

// Waits until a top-level window whose _NET_WM_PID is pid is viewable
// (mapped) on $DISPLAY; returns its title, or nullopt after timeout.
// Throws std::runtime_error when $DISPLAY cannot be opened.
std::optional<std::string> WaitForWindowOf(long pid, std::chrono::milliseconds timeout);

}  // namespace doudi::bench
