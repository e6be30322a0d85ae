#include "terminal.h"

#include <cstdio>
#include <iostream>

#include "doudi/catalog/message_catalog.h"

#include "doudi/model/text.h"

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#include <shellapi.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace doudi::admin {
namespace {

bool IsTerminal(std::FILE* stream) {
#ifdef _WIN32
  return _isatty(_fileno(stream)) != 0;
#else
  return isatty(fileno(stream)) != 0;
#endif
}

// The line as it is drawn on standard error, padded over the one before.
std::function<void(std::string_view)> TerminalWriter() {
  if (!IsTerminal(stderr)) return {};
  return [width = std::size_t{0}](std::string_view text) mutable {
    std::cerr.flush();
    const std::string line = "\r" + PadToWidth(text, width) + (text.empty() ? "\r" : "");
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
    width = DisplayWidth(text);
  };
}

}  // namespace

bool StdinIsTerminal() { return IsTerminal(stdin); }

ProgressLine::ProgressLine() : ProgressLine(TerminalWriter(), Clock::now) {}

ProgressLine::ProgressLine(std::function<void(std::string_view)> write, std::function<Clock::time_point()> now)
    : m_write(std::move(write)), m_now(std::move(now)), m_start(m_now()) {}

ProgressLine::~ProgressLine() { Clear(); }

void ProgressLine::Update(const std::string& text, std::int64_t done, std::int64_t total, bool force) {
  if (!m_write) return;
  const auto now = m_now();
  if (!force && m_drawn && now - *m_drawn < std::chrono::milliseconds(250)) return;
  m_drawn = now;
  std::string line = text;
  const auto elapsed = now - m_start;
  if (done > 0 && total > done && elapsed >= std::chrono::seconds(1)) {
    const auto left = std::chrono::duration_cast<std::chrono::seconds>(elapsed * (total - done) / done);
    line += "  " + TimeLeftText(left);
  }
  m_write(line);
}

void ProgressLine::Clear() {
  if (m_write && m_drawn) m_write("");
  m_drawn.reset();
}

std::string TimeLeftText(std::chrono::seconds left) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(left);
  if (minutes.count() == 0) return catalog::TrFormat("about {1} s left", {std::to_string(left.count())});
  return catalog::TrFormat("about {1} min {2} s left",
                           {std::to_string(minutes.count()), std::to_string((left - minutes).count())});
}

std::optional<std::string> PromptPassword(const std::string& prompt) {
  if (!StdinIsTerminal()) return std::nullopt;
  std::cerr << prompt << std::flush;
  std::string password;
#ifdef _WIN32
  HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
  DWORD mode = 0;
  GetConsoleMode(in, &mode);
  SetConsoleMode(in, mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
  std::getline(std::cin, password);
  SetConsoleMode(in, mode);
#else
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios silent = old;
  silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &silent);
  std::getline(std::cin, password);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
#endif
  std::cerr << '\n';
  return password;
}

std::vector<std::string> Utf8Arguments(int argc, char** argv) {
#ifdef _WIN32
  int count = 0;
  LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &count);
  if (wide == nullptr) return {argv, argv + argc};  // out of memory: the ANSI ones
  std::vector<std::string> args;
  for (int i = 0; i < count; ++i) {
    const int bytes = WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, nullptr, 0, nullptr, nullptr);
    std::string arg(static_cast<std::size_t>(bytes > 0 ? bytes - 1 : 0), '\0');
    if (bytes > 1) WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, arg.data(), bytes, nullptr, nullptr);
    args.push_back(std::move(arg));
  }
  LocalFree(wide);
  return args;
#else
  return {argv, argv + argc};
#endif
}

Utf8Console::Utf8Console() {
#ifdef _WIN32
  const UINT previous = GetConsoleOutputCP();  // 0 without a console
  if (previous != 0 && previous != CP_UTF8 && SetConsoleOutputCP(CP_UTF8) != 0) {
    m_previous = previous;
  }
#endif
}

Utf8Console::~Utf8Console() {
#ifdef _WIN32
  if (m_previous != 0) SetConsoleOutputCP(m_previous);
#endif
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto decoded = model::DecodeUtf8At(text, i);
    if (!decoded) {
      ++i;
      ++width;
      continue;
    }
    const char32_t c = decoded->codePoint;
    const bool wide = (c >= 0x1100U && c <= 0x115FU) || (c >= 0x2E80U && c <= 0xA4CFU) ||
                      (c >= 0xAC00U && c <= 0xD7A3U) || (c >= 0xF900U && c <= 0xFAFFU) ||
                      (c >= 0xFE30U && c <= 0xFE4FU) || (c >= 0xFF00U && c <= 0xFF60U) ||
                      (c >= 0xFFE0U && c <= 0xFFE6U) || (c >= 0x20000U && c <= 0x3FFFDU);
    width += wide ? 2 : 1;
    i += decoded->length;
  }
  return width;
}

std::string PadToWidth(std::string_view text, std::size_t columns) {
  const std::size_t width = DisplayWidth(text);
  std::string padded(text);
  if (width < columns) padded.append(columns - width, ' ');
  return padded;
}

PrintableStreamBuf::~PrintableStreamBuf() {
  FlushPending();
  m_target->pubsync();
}

void PrintableStreamBuf::Put(std::string_view bytes) {
  m_target->sputn(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void PrintableStreamBuf::Escape(char32_t c) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string escape = c < 0x100U ? "\\x" : "\\u";
  const int digits = c < 0x100U ? 2 : (c < 0x10000U ? 4 : 6);
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
    escape += kHex[(static_cast<std::uint32_t>(c) >> static_cast<unsigned>(shift)) & 0xFU];
  }
  Put(escape);
}

// What is pending is not going to be completed: each byte shown as it is
// (a CR alone, bytes of a broken character).
void PrintableStreamBuf::FlushPending() {
  for (const char b : m_pending) Escape(static_cast<unsigned char>(b));
  m_pending.clear();
}

PrintableStreamBuf::int_type PrintableStreamBuf::overflow(int_type value) {
  if (traits_type::eq_int_type(value, traits_type::eof())) return traits_type::not_eof(value);
  const char c = traits_type::to_char_type(value);
  const auto byte = static_cast<unsigned char>(c);
  if (m_pending == "\r") {
    m_pending.clear();
    if (c == '\n') {
      Put("\r\n");
      return value;
    }
    Escape(U'\r');
  }
  if (!m_pending.empty()) {
    if ((byte & 0xC0U) != 0x80U) {
      FlushPending();  // a character cut short; c starts afresh below
    } else {
      m_pending += c;
      const auto decoded = model::DecodeUtf8At(m_pending, 0);
      const auto lead = static_cast<unsigned char>(m_pending.front());
      const std::size_t expected = lead >= 0xF0U ? 4 : lead >= 0xE0U ? 3 : 2;
      if (m_pending.size() < expected) return value;
      if (!decoded) {
        FlushPending();
      } else if (model::IsControlCharacter(decoded->codePoint) || model::IsInvisibleCharacter(decoded->codePoint)) {
        Escape(decoded->codePoint);
      } else {
        Put(m_pending);
      }
      m_pending.clear();
      return value;
    }
  }
  if (byte < 0x80U) {
    if (c == '\r') {
      m_pending.assign(1, '\r');
    } else if (c != '\n' && c != '\t' && model::IsControlCharacter(byte)) {
      Escape(byte);
    } else {
      m_target->sputc(c);
    }
  } else if (byte >= 0xC2U && byte <= 0xF4U) {
    m_pending = std::string(1, c);
  } else {
    Escape(byte);  // cannot start a UTF-8 character
  }
  return value;
}

int PrintableStreamBuf::sync() {
  return m_target->pubsync();
}

PrintableStandardStreams::PrintableStandardStreams()
    : m_out(std::cout.rdbuf()), m_err(std::cerr.rdbuf()), m_printableOut(m_out), m_printableErr(m_err), m_raw(m_out) {
  std::cout.rdbuf(&m_printableOut);
  std::cerr.rdbuf(&m_printableErr);
}

PrintableStandardStreams::~PrintableStandardStreams() {
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(m_out);
  std::cerr.rdbuf(m_err);
}

}  // namespace doudi::admin
