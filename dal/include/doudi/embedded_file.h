#pragma once
// A file compiled into a program by cmake/DoudiEmbed.cmake (SQL migrations,
// shipped data), so nothing has to be found on disk at run time.
#include <span>
#include <string_view>

namespace doudi {

struct EmbeddedFile {
  std::string_view name;     // file name, e.g. "0001_baseline.sql", or its path below a base folder
  std::string_view content;  // the bytes, as read at build time
};

}  // namespace doudi
