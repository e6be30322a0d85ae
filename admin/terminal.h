#pragma once
// The few things doudi-admin needs from the console that differ by
// platform; kept here so no other file includes POSIX or Windows headers.
#include <optional>
#include <string>

namespace doudi::admin {

// Whether standard input is an interactive terminal.
bool StdinIsTerminal();

// Asks for a password on the terminal without echoing it; nullopt when
// standard input is not a terminal (scripts must use PGPASSFILE).
std::optional<std::string> PromptPassword(const std::string& prompt);

}  // namespace doudi::admin
