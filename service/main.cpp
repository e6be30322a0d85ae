// doudi-intake: the field-intake server (docs/intake.md). A
// Poco::Util::ServerApplication: runs in the foreground (--daemon on Linux,
// or as a systemd service: service/doudi-intake.service; --registerService
// on Windows), configured by a file (--config) with --define overrides,
// serving HTTPS with Poco NetSSL. Plain HTTP only when asked for and only on
// a loopback address (tests), and it says so loudly.
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/Net.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "doudi/catalog/message_catalog.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/intake_gateway.h"
#include "intake_service.h"

namespace {

using Poco::Util::Option;

class IntakeServer final : public Poco::Util::ServerApplication {
 public:
  // --option on Windows too (Poco's default there is /option), so the
  // documentation and the service's command line are the same everywhere.
  IntakeServer() { setUnixOptions(true); }

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override {
    ServerApplication::defineOptions(options);
    options.addOption(Option("help", "h", "show the options and the configuration keys")
                          .callback(Poco::Util::OptionCallback<IntakeServer>(this, &IntakeServer::Help)));
    options.addOption(Option("config", "c", "read the configuration from FILE (key = value lines)")
                          .argument("FILE")
                          .repeatable(true)
                          .callback(Poco::Util::OptionCallback<IntakeServer>(this, &IntakeServer::Config)));
    options.addOption(Option("define", "D", "set a configuration key, overriding the file: -D intake.port=8443")
                          .argument("KEY=VALUE")
                          .repeatable(true)
                          .callback(Poco::Util::OptionCallback<IntakeServer>(this, &IntakeServer::Define)));
  }

  void Help(const std::string&, const std::string&) {
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUnixStyle(true);
    help.setUsage("[--config FILE] [-D key=value]...");
    help.setHeader(
        "The Doudi field-intake server: volunteers' phone form and JSON API over HTTPS (docs/intake.md).\n"
        "Configuration keys (file or -D):\n"
        "  intake.listen            address:port to listen on (default 0.0.0.0:8443)\n"
        "  intake.tls.certificate   PEM certificate chain (required for HTTPS)\n"
        "  intake.tls.key           PEM private key\n"
        "  intake.plainHttp         true: plain HTTP, refused unless intake.listen is a loopback address (tests)\n"
        "  intake.database          libpq connection string of the intake login (doudi-admin intake login add)\n"
        "  intake.database.passwordFile  file holding that login's password (instead of password= in the string)\n"
        "  intake.threads           request threads (default 16); intake.pool database connections (default 4)\n"
        "  intake.limits.requestBytes (16777216), intake.limits.photoBytes (5242880), intake.limits.photos (3)\n"
        "  intake.rate.perToken     requests per minute per reporter's token (default 30; 0: none)\n"
        "  intake.rate.perAddress   requests per minute per client address (default 120; 0: none)\n"
        "  intake.lang              zh_CN (default) or en: the language of the answers' messages");
    help.format(std::cout);
    stopOptionsProcessing();
    m_helped = true;
  }

  void Config(const std::string&, const std::string& file) { loadConfiguration(file); }

  void Define(const std::string&, const std::string& value) {
    const auto eq = value.find('=');
    if (eq == std::string::npos) throw Poco::InvalidArgumentException("-D needs key=value: " + value);
    config().setString(value.substr(0, eq), value.substr(eq + 1));
  }

  int main(const std::vector<std::string>&) override {
    if (m_helped) return EXIT_OK;
    Poco::Net::initializeNetwork();  // Windows sockets; nothing to do elsewhere
    auto& c = config();
    if (c.getString("intake.lang", "zh_CN").rfind("en", 0) != 0) {
      if (const auto path = doudi::catalog::ProgramCatalogPath("zh_CN")) {
        if (auto loaded = doudi::catalog::MessageCatalog::Load(*path)) {
          doudi::catalog::UseCatalog(std::make_shared<const doudi::catalog::MessageCatalog>(std::move(*loaded)));
        }
      }
    }
    std::string conninfo = c.getString("intake.database", "");
    if (conninfo.empty()) {
      logger().fatal("intake.database is not set: the connection string of the intake login");
      return EXIT_CONFIG;
    }
    if (const std::string file = c.getString("intake.database.passwordFile", ""); !file.empty()) {
      std::ifstream in(file);
      std::string password;
      std::getline(in, password);
      if (!in && password.empty()) {
        logger().fatal("cannot read intake.database.passwordFile " + file);
        return EXIT_CONFIG;
      }
      std::string quoted;
      for (const char ch : password) {
        if (ch == '\'' || ch == '\\') quoted += '\\';
        quoted += ch;
      }
      conninfo += " password='" + quoted + "'";
    }
    const Poco::Net::SocketAddress address(c.getString("intake.listen", "0.0.0.0:8443"));
    const bool plain = c.getBool("intake.plainHttp", false);
    if (plain && !address.host().isLoopback()) {
      logger().fatal("intake.plainHttp is only allowed on a loopback address, not " + address.toString() +
                     ": reports carry personal data and must travel over HTTPS");
      return EXIT_CONFIG;
    }

    doudi::intake::ServiceOptions options;
    options.limits.requestBytes = static_cast<std::size_t>(c.getUInt64("intake.limits.requestBytes", 16777216));
    options.limits.photoBytes = static_cast<std::size_t>(c.getUInt64("intake.limits.photoBytes", 5242880));
    options.limits.photos = static_cast<std::size_t>(c.getUInt("intake.limits.photos", 3));
    options.perTokenPerMinute = c.getDouble("intake.rate.perToken", 30);
    options.perAddressPerMinute = c.getDouble("intake.rate.perAddress", 120);
    options.https = !plain;

    std::unique_ptr<doudi::dal::IntakeGateway> gateway;
    try {
      gateway = std::make_unique<doudi::dal::IntakeGateway>(conninfo, c.getInt("intake.pool", 4));
    } catch (const doudi::dal::DatabaseError& e) {
      logger().fatal(std::string("cannot reach the database: ") + e.what());
      return EXIT_UNAVAILABLE;
    }
    doudi::intake::IntakeService service(*gateway, options);

    std::unique_ptr<Poco::Net::ServerSocket> socket;
    if (plain) {
      socket = std::make_unique<Poco::Net::ServerSocket>(address);
      std::cerr << "\n*** doudi-intake: PLAIN HTTP on " << address.toString()
                << " — for tests on this machine only; never for real reports ***\n\n";
    } else {
      const std::string certificate = c.getString("intake.tls.certificate", "");
      const std::string key = c.getString("intake.tls.key", "");
      if (certificate.empty() || key.empty()) {
        logger().fatal("intake.tls.certificate and intake.tls.key are required for HTTPS");
        return EXIT_CONFIG;
      }
      Poco::Net::initializeSSL();
      Poco::Net::Context::Params params;
      params.certificateFile = certificate;
      params.privateKeyFile = key;
      params.verificationMode = Poco::Net::Context::VERIFY_NONE;
      params.cipherList = "HIGH:!aNULL:!MD5:!RC4:!3DES";
      Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
      context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
      socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 64, context);
    }
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(c.getInt("intake.threads", 16));
    params->setMaxQueued(256);
    params->setTimeout(Poco::Timespan(30, 0));
    params->setKeepAlive(true);
    Poco::Net::HTTPServer server(service.Factory(), *socket, params);
    server.start();
    logger().information(std::string("doudi-intake listening on ") + (plain ? "http://" : "https://") +
                         socket->address().toString());
    std::cout << "listening on " << socket->address().toString() << std::endl;
    waitForTerminationRequest();
    server.stopAll(true);
    if (!plain) Poco::Net::uninitializeSSL();
    return EXIT_OK;
  }

 private:
  bool m_helped = false;
};

}  // namespace

POCO_SERVER_MAIN(IntakeServer)
