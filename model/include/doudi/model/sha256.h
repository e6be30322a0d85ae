#pragma once
// SHA-256 (FIPS 180-4) in standard C++, for the few fingerprints the model
// makes itself: a deposit account's part of a cross-check row key (so the
// full account number is never stored) and a cross-check file's digest.
#include <string>
#include <string_view>

namespace doudi::model {

// The digest of bytes as 64 lowercase hexadecimal digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace doudi::model
