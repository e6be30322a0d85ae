#include "doudi/model/validation.h"

namespace doudi::model {

std::string IndexedField(std::string_view collection, std::size_t index) {
  std::string field(collection);
  field += '[';
  field += std::to_string(index);
  field += ']';
  return field;
}

std::string JoinField(std::string_view prefix, std::string_view name) {
  std::string field(prefix);
  if (!field.empty()) {
    field += '.';
  }
  field += name;
  return field;
}

}  // namespace doudi::model
