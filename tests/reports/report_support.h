#pragma once
// Helpers of the report tests: a scratch directory, and running the poppler
// and unzip tools that read what the renderers wrote, the way a person's
// viewer would.

#include <filesystem>
#include <string>
#include <vector>

namespace doudi::reports::testing {

// A fresh directory under the system temp directory, removed with the object.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }
  const std::filesystem::path& Path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

// Standard output of command run by the shell; throws std::runtime_error when
// it exits non-zero (a missing tool fails the test loudly). In the Windows
// build, under Wine only: the host's /bin/sh and tools (report_support.cpp).
std::string Run(const std::string& command);

// path as a single-quoted shell word (the host's name of it under Wine).
std::string Quote(const std::filesystem::path& path);

std::string ReadFile(const std::filesystem::path& path);

// pdftotext -layout of the whole file; pages are separated by '\f'.
std::string PdfText(const std::filesystem::path& pdf);
std::vector<std::string> PdfPages(const std::filesystem::path& pdf);
int PdfPageCount(const std::filesystem::path& pdf);

std::vector<std::string> Lines(const std::string& text);

}  // namespace doudi::reports::testing
