#pragma once
// The end-to-end tests run Doudi's programs (and pdftotext, unzip) as
// processes: their exit code and what they printed.
#include <Poco/Process.h>

#include <string>
#include <vector>

namespace doudi::test {

struct ProcessResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Runs exe with args in the current directory, input on its standard input
// and env added to its environment, and waits for it.
ProcessResult RunProcess(const std::string& exe, const std::vector<std::string>& args, const std::string& input = "",
                         const Poco::Process::Env& env = {});

}  // namespace doudi::test
