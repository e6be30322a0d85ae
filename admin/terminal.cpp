#include "terminal.h"

#include <iostream>

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#include <shellapi.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace doudi::admin {

bool StdinIsTerminal() {
#ifdef _WIN32
  return _isatty(_fileno(stdin)) != 0;
#else
  return isatty(STDIN_FILENO) != 0;
#endif
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

}  // namespace doudi::admin
