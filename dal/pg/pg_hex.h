#pragma once
// Bytes through SOCI as PostgreSQL's hex text: sent as decode(:x, 'hex'),
// read as encode(column, 'hex'), so a bytea column needs no large object.
#include <string>
#include <vector>

namespace doudi::dal::pg {

std::string HexOf(const std::vector<unsigned char>& bytes);
// Throws std::invalid_argument on a character that is not a hex digit.
std::vector<unsigned char> BytesOfHex(const std::string& hex);

}  // namespace doudi::dal::pg
