#include "report_support.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace doudi::reports::testing {

ScratchDir::ScratchDir() {
  std::random_device random;
  m_path = std::filesystem::temp_directory_path() / ("doudi-reports-" + std::to_string(random()));
  std::filesystem::create_directories(m_path);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::string Run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    throw std::runtime_error("cannot run: " + command);
  }
  std::string output;
  std::array<char, 65536> buffer{};
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    output.append(buffer.data(), read);
  }
  if (pclose(pipe) != 0) {
    throw std::runtime_error("failed: " + command);
  }
  return output;
}

std::string Quote(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string PdfText(const std::filesystem::path& pdf) {
  return Run("pdftotext -layout -enc UTF-8 " + Quote(pdf) + " -");
}

std::vector<std::string> PdfPages(const std::filesystem::path& pdf) {
  std::vector<std::string> pages;
  std::string text = PdfText(pdf);
  std::size_t start = 0;
  for (std::size_t feed = text.find('\f'); feed != std::string::npos; feed = text.find('\f', start)) {
    pages.push_back(text.substr(start, feed - start));
    start = feed + 1;
  }
  return pages;  // pdftotext ends every page, the last included, with '\f'
}

int PdfPageCount(const std::filesystem::path& pdf) {
  for (const std::string& line : Lines(Run("pdfinfo " + Quote(pdf)))) {
    if (line.rfind("Pages:", 0) == 0) {
      return std::stoi(line.substr(6));
    }
  }
  throw std::runtime_error("pdfinfo gave no page count for " + pdf.string());
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

}  // namespace doudi::reports::testing
