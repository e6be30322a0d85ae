#include "report_support.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#ifdef _WIN32
#include <windows.h>
#endif

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

#ifndef _WIN32

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

#else

// The Windows build's tests run under Wine (docs/windows.md), and read what
// they wrote with the host's poppler-utils and unzip: Quote gives the host's
// name of a file (Wine's wine_get_unix_file_name) and Run hands the command
// to the host's /bin/sh, which Wine starts as a Linux process from
// CreateProcess. Wine gives no handle of a Linux process (so neither its end
// nor its exit status) and does not connect its standard output to a pipe of
// the Windows process: sh writes the output to a file and then, by a rename,
// a file with the exit status, which Run waits for.
namespace {

using UnixFileName = char* (*)(const wchar_t*);

UnixFileName WineUnixFileName() {
  HMODULE kernel = GetModuleHandleW(L"kernel32.dll");
  auto* function = kernel == nullptr ? nullptr : GetProcAddress(kernel, "wine_get_unix_file_name");
  if (function == nullptr) {
    throw std::runtime_error("the report tests read their PDFs and XLSX with the host's poppler-utils and unzip: "
                             "on Windows they run under Wine only");
  }
  return reinterpret_cast<UnixFileName>(reinterpret_cast<void*>(function));
}

// One argument of a Windows command line, as CommandLineToArgvW splits it.
std::string WindowsArgument(const std::string& argument) {
  std::string quoted = "\"";
  std::size_t backslashes = 0;
  for (const char c : argument) {
    if (c == '\\') {
      ++backslashes;
    } else {
      quoted.append(c == '"' ? 2 * backslashes + 1 : backslashes, '\\');
      backslashes = 0;
    }
    quoted += c;
  }
  quoted.append(2 * backslashes, '\\');
  return quoted + "\"";
}

}  // namespace

std::string Run(const std::string& command) {
  const ScratchDir dir;
  const auto output = dir / "output";
  const auto status = dir / "status";
  std::string commandLine =
      "Z:\\bin\\sh -c " + WindowsArgument("(" + command + "\n) >" + Quote(output) + "; echo $? >" +
                                             Quote(dir / "status.tmp") + "; mv " + Quote(dir / "status.tmp") + " " +
                                             Quote(status));
  STARTUPINFOA startup{};
  startup.cb = sizeof startup;
  PROCESS_INFORMATION process{};
  if (CreateProcessA(nullptr, commandLine.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup,
                     &process) == FALSE) {
    throw std::runtime_error("cannot run: " + command);
  }
  // Handles of a Windows process, none for a Linux one.
  if (process.hProcess != nullptr) {
    CloseHandle(process.hProcess);
  }
  if (process.hThread != nullptr) {
    CloseHandle(process.hThread);
  }
  const ULONGLONG deadline = GetTickCount64() + 600'000;
  std::error_code error;
  while (!std::filesystem::exists(status, error)) {
    if (GetTickCount64() > deadline) {
      throw std::runtime_error("no end in 10 minutes: " + command);
    }
    Sleep(5);
  }
  if (ReadFile(status) != "0\n") {
    throw std::runtime_error("failed: " + command);
  }
  return ReadFile(output);
}

std::string Quote(const std::filesystem::path& path) {
  char* unixName = WineUnixFileName()(std::filesystem::absolute(path).wstring().c_str());
  if (unixName == nullptr) {
    throw std::runtime_error("no host name for " + path.string());
  }
  std::string quoted = "'";
  for (const char* c = unixName; *c != '\0'; ++c) {
    quoted += *c == '\'' ? std::string("'\\''") : std::string(1, *c);
  }
  HeapFree(GetProcessHeap(), 0, unixName);
  return quoted + "'";
}

#endif

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
