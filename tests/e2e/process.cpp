#include "process.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>

#include <thread>

namespace doudi::test {

ProcessResult RunProcess(const std::string& exe, const std::vector<std::string>& args, const std::string& input,
                         const Poco::Process::Env& env) {
  Poco::Pipe inPipe, outPipe, errPipe;
  Poco::ProcessHandle handle = Poco::Process::launch(exe, args, ".", &inPipe, &outPipe, &errPipe, env);
  {
    Poco::PipeOutputStream in(inPipe);
    in << input;
  }
  inPipe.close(Poco::Pipe::CLOSE_WRITE);
  ProcessResult r;
  Poco::PipeInputStream outStream(outPipe), errStream(errPipe);
  // Both pipes drained at once: a program filling one while we wait on the
  // other would never finish.
  std::thread readErr([&] { Poco::StreamCopier::copyToString(errStream, r.err); });
  Poco::StreamCopier::copyToString(outStream, r.out);
  readErr.join();
  r.exitCode = handle.wait();
  return r;
}

}  // namespace doudi::test
