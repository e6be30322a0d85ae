#pragma once
// The few things doudi-admin needs from the console that differ by
// platform; kept here so no other file includes POSIX or Windows headers.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace doudi::admin {

// Whether standard input is an interactive terminal.
bool StdinIsTerminal();

// How far a long command has come (rows read, checked, stored, the rule
// being screened), as one line on standard error rewritten in place, with
// the time left as far as the work done so far tells; drawn at most a few
// times a second, and only when standard error is a terminal, so logs and
// pipes get only the final report. It writes past PrintableStandardStreams
// (it needs the carriage return), so only Doudi's own words belong in it.
// Lines are cleared by overwriting with spaces, not an erase-line escape,
// which an older Windows console would print.
class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;
  // On standard error when it is a terminal, else nowhere.
  ProgressLine();
  // write receives each new text of the line ("" to take it away); now is
  // the clock (tests pass their own). An empty write: nowhere.
  ProgressLine(std::function<void(std::string_view)> write, std::function<Clock::time_point()> now);
  ~ProgressLine();  // clears the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  bool Active() const { return static_cast<bool>(m_write); }
  // text now, as it is.
  void Show(const std::string& text) { Update(text, 0, 0, true); }
  // text, followed by the time left when done of total units of work are
  // done (the rate so far applied to the rest); skipped when the line was
  // drawn less than a quarter of a second ago, unless force.
  void Update(const std::string& text, std::int64_t done, std::int64_t total, bool force = false);
  // Takes the line away, so that the command's own output starts clean.
  void Clear();

 private:
  std::function<void(std::string_view)> m_write;
  std::function<Clock::time_point()> m_now;
  Clock::time_point m_start;
  std::optional<Clock::time_point> m_drawn;
};

// "about 2 min 5 s left", "about 40 s left" in the language in use.
std::string TimeLeftText(std::chrono::seconds left);

// Asks for a password on the terminal without echoing it; nullopt when
// standard input is not a terminal (scripts must use PGPASSFILE).
std::optional<std::string> PromptPassword(const std::string& prompt);

// The program's arguments in UTF-8, as every other string in Doudi. On
// Windows `argv` is in the ANSI code page (GBK on a Chinese desk PC, and
// characters outside it become '?'), so the arguments are taken from the wide
// command line instead; elsewhere `argv` is already UTF-8.
std::vector<std::string> Utf8Arguments(int argc, char** argv);

// While it lives, the Windows console shows UTF-8, so Chinese messages and
// names print as characters rather than mojibake; the console's own code
// page comes back afterwards (the console is the user's cmd.exe, shared).
// Input keeps the console's code page: conhost's UTF-8 input loses
// non-ASCII characters. Nothing elsewhere.
class Utf8Console {
 public:
  Utf8Console();
  ~Utf8Console();
  Utf8Console(const Utf8Console&) = delete;
  Utf8Console& operator=(const Utf8Console&) = delete;

 private:
  unsigned m_previous = 0;  // 0: nothing to restore
};

// text followed by spaces up to columns terminal columns, counting the East
// Asian wide characters (Chinese among them) as two: setw counts bytes, so a
// Chinese table heading would otherwise push its column out of line.
std::string PadToWidth(std::string_view text, std::size_t columns);
// The columns text takes on a terminal, counted the same way.
std::size_t DisplayWidth(std::string_view text);

// Passes text on to another stream buffer with every character a terminal
// would act on or hide shown as a visible escape instead: C0 controls but LF,
// TAB and the CR of a CRLF ("\x1B" for ESC), DEL, C1 controls, the line and
// paragraph separators and the invisible format characters (direction
// overrides, zero-width characters: "\u202E"), and bytes that are not UTF-8
// ("\xFF"). Whatever a stored value holds, doudi-admin's messages and
// listings cannot move the cursor, retitle the window or reorder a line.
class PrintableStreamBuf final : public std::streambuf {
 public:
  explicit PrintableStreamBuf(std::streambuf* target) : m_target(target) {}
  ~PrintableStreamBuf() override;
  PrintableStreamBuf(const PrintableStreamBuf&) = delete;
  PrintableStreamBuf& operator=(const PrintableStreamBuf&) = delete;

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  void Put(std::string_view bytes);
  void Escape(char32_t c);
  void FlushPending();

  std::streambuf* m_target;
  std::string m_pending;  // an unfinished UTF-8 character, or a CR waiting for its LF
};

// While it lives, std::cout and std::cerr print through PrintableStreamBuf;
// raw() is the original standard output, for data a command writes there
// (export households without -o).
class PrintableStandardStreams {
 public:
  PrintableStandardStreams();
  ~PrintableStandardStreams();
  PrintableStandardStreams(const PrintableStandardStreams&) = delete;
  PrintableStandardStreams& operator=(const PrintableStandardStreams&) = delete;
  std::ostream& Raw() { return m_raw; }

 private:
  std::streambuf* m_out;
  std::streambuf* m_err;
  PrintableStreamBuf m_printableOut;
  PrintableStreamBuf m_printableErr;
  std::ostream m_raw;
};

}  // namespace doudi::admin
