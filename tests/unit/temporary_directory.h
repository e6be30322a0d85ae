#pragma once
// A fresh directory path under the system's temporary directory for one
// test (not created: the code under test creates what it needs), removed
// with everything in it afterwards.
#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace doudi::test {

struct TemporaryDirectory {
  std::filesystem::path path;

  explicit TemporaryDirectory(const std::string& prefix) {
    std::random_device random;
    path = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(random()));
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
};

}  // namespace doudi::test
