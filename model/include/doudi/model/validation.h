#pragma once
// How the model reports user-fixable input problems: as a list of issues,
// each naming the field it is about, never as an exception. Validators report
// every problem they find at once, so a form can mark all of them together.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace doudi::model {

struct ValidationIssue {
  // Path of the offending field in snake_case, with 0-based indexes into
  // collections: "region_code", "members[2].id_number", "incomes[0].monthly".
  std::string field;
  // Stable machine-readable code "<last field name>.<reason>", e.g.
  // "id_number.checksum_mismatch"; screens and imports key on it, so it never
  // changes once released.
  std::string code;
  // An English sentence for a person; translated at the user interface.
  std::string message;

  friend bool operator==(const ValidationIssue&, const ValidationIssue&) = default;
};

using ValidationIssues = std::vector<ValidationIssue>;

// "members[2]" from ("members", 2).
std::string IndexedField(std::string_view collection, std::size_t index);

// "members[2].name" from ("members[2]", "name"); just the name when the
// prefix is empty, so a validator can also describe a stand-alone record.
std::string JoinField(std::string_view prefix, std::string_view name);

}  // namespace doudi::model
