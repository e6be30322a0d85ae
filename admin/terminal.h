#pragma once
// The few things doudi-admin needs from the console that differ by
// platform; kept here so no other file includes POSIX or Windows headers.
#include <optional>
#include <string>
#include <vector>

namespace doudi::admin {

// Whether standard input is an interactive terminal.
bool StdinIsTerminal();

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

}  // namespace doudi::admin
