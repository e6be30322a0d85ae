#pragma once
// Any failure of the data layer in the words of the person at the desk, in
// the language of the catalog in use (doudi/catalog/message_catalog.h):
// the workstation and doudi-admin show failures only through this, so a
// server refusal reads the same in both and never as the server's English.
#include <exception>
#include <string>

namespace doudi::dal {

// The text for failure: a refusal with a known code reads as its catalog
// sentence with its arguments; one with an unknown code (or from an older
// server, with prose instead of arguments) names the code; a connection
// failure says what to check; any other exception gives its what().
std::string FailureText(const std::exception& failure);

// The same for a captured exception (anything not a std::exception reads
// "An unexpected error occurred.").
std::string FailureText(const std::exception_ptr& failure);

}  // namespace doudi::dal
