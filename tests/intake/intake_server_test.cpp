// The doudi-intake program itself: HTTPS with the configured certificate
// (checked by the client against the test CA), the database reached as the
// intake login with its password in a file, and plain HTTP refused on any
// address but loopback.
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "db_fixture.h"
#include "doudi/dal/intake_repository.h"

extern char** environ;

using namespace doudi;

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : v;
}

// Runs doudi-intake with the arguments; its output goes to logPath.
pid_t Start(const std::vector<std::string>& args, const std::string& logPath) {
  std::vector<std::string> all{DOUDI_INTAKE_EXE};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  BOOST_REQUIRE_MESSAGE(rc == 0, "cannot start " << DOUDI_INTAKE_EXE);
  return pid;
}

std::uint16_t FreePort() {
  Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
  const auto port = probe.address().port();
  probe.close();
  return port;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct HttpsAnswer {
  int status = 0;
  std::string body;
  std::string hsts;
};

HttpsAnswer Get(std::uint16_t port, const std::string& path, const std::string& ca, const std::string& token) {
  Poco::Net::Context::Ptr context =
      new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", ca, Poco::Net::Context::VERIFY_STRICT);
  Poco::Net::HTTPSClientSession session("localhost", port, context);
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!token.empty()) request.set("Authorization", "Bearer " + token);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpsAnswer a;
  a.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, a.body);
  a.hsts = response.get("Strict-Transport-Security", "");
  return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake_server)

BOOST_FIXTURE_TEST_CASE(the_server_answers_over_https_as_the_intake_login, test::MigratedDatabase) {
  const std::string tls = Env("DOUDI_TEST_TLS_DIR");
  BOOST_REQUIRE_MESSAGE(!tls.empty(), "DOUDI_TEST_TLS_DIR is set by scripts/test");
  Poco::Net::initializeSSL();
  const std::string admin = server.CreateUser("admin", "center_admin", "331022");
  const std::string login = server.RoleName("intake");
  dal::pg::PgDatabase adminDb(server.ConnectionStringFor(admin));
  adminDb.Intake().AddServerLogin(login, "Intake-password-1");
  const std::string secret = dal::NewIntakeSecret();
  adminDb.Intake().IssueToken("王网格员", "331022001", "", secret);
  const std::string dir = Env("TMPDIR").empty() ? "/tmp" : Env("TMPDIR");
  const std::string passwordFile = dir + "/intake-password-" + std::to_string(getpid());
  std::ofstream(passwordFile) << "Intake-password-1\n";
  // The connection string without the password, which comes from the file.
  std::string conninfo = server.ConnectionStringFor(login, "x");
  conninfo = conninfo.substr(0, conninfo.find("password="));
  const auto port = FreePort();
  const std::string log = dir + "/intake-server-" + std::to_string(port) + ".log";
  const pid_t pid =
      Start({"--define=intake.listen=127.0.0.1:" + std::to_string(port),
             "--define=intake.tls.certificate=" + tls + "/server.crt", "--define=intake.tls.key=" + tls + "/server.key",
             "--define=intake.database=" + conninfo, "--define=intake.database.passwordFile=" + passwordFile},
            log);
  HttpsAnswer health;
  for (int i = 0; i < 100 && health.status == 0; ++i) {
    try {
      health = Get(port, "/healthz", tls + "/ca.crt", "");
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  BOOST_TEST(health.status == 200, ReadAll(log));
  BOOST_TEST(!health.hsts.empty());
  const auto me = Get(port, "/api/v1/me", tls + "/ca.crt", secret);
  BOOST_TEST(me.status == 200, me.body);
  BOOST_TEST(me.body.find("王网格员") != std::string::npos);
  // A client that trusts another CA does not talk to it.
  BOOST_CHECK_THROW(Get(port, "/healthz", Env("DOUDI_TEST_TLS_WRONG_CA"), ""), std::exception);
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  BOOST_TEST(WIFEXITED(status));
  std::remove(passwordFile.c_str());
}

BOOST_AUTO_TEST_CASE(plain_http_is_refused_off_loopback) {
  const std::string log = "/tmp/intake-plain-" + std::to_string(getpid()) + ".log";
  const pid_t pid = Start({"--define=intake.listen=0.0.0.0:" + std::to_string(FreePort()),
                           "--define=intake.plainHttp=true", "--define=intake.database=dbname=none"},
                          log);
  int status = 0;
  waitpid(pid, &status, 0);
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 78);  // EX_CONFIG
  BOOST_TEST(ReadAll(log).find("loopback") != std::string::npos, ReadAll(log));
}

BOOST_AUTO_TEST_SUITE_END()
