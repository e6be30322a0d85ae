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

// Makes the Windows console read and show UTF-8, so Chinese messages and
// names print as characters rather than mojibake; nothing elsewhere.
void UseUtf8Console();

}  // namespace doudi::admin
