// libpq + OpenSSL + SOCI (postgresql backend) + Poco, linked statically for
// Windows. Prints the versions; with a connection string as argument it also
// connects through SOCI and prints the server's version and TLS state. Then
// the intake server's libraries (intake_check.cpp).
#include "intake_check.h"

#include <libpq-fe.h>
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DateTime.h>
#include <Poco/Environment.h>
#include <Poco/Net/Net.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Path.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Windows936Encoding.h>
#include <Poco/Version.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

int main(int argc, char** argv) {
  Poco::Net::initializeNetwork();
  std::cout << "libpq " << PQlibVersion() << " (thread-safe " << PQisthreadsafe() << ")\n";
  std::cout << "Poco " << std::hex << POCO_VERSION << std::dec << " on "
            << Poco::Environment::osName() << "\n";

  // GBK round trip through Poco::Encodings: 兜底 is B6 B5 B5 D7 in GBK.
  Poco::UTF8Encoding utf8;
  Poco::Windows936Encoding gbk;
  Poco::TextConverter toGbk(utf8, gbk);
  std::string out;
  toGbk.convert(std::string("\xE5\x85\x9C\xE5\xBA\x95"), out);
  std::cout << "GBK bytes " << out.size() << (out == "\xB6\xB5\xB5\xD7" ? " ok" : " WRONG") << "\n";

  std::istringstream ini("[server]\nhost = 127.0.0.1\nport = 54329\n");
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> conf(new Poco::Util::IniFileConfiguration(ini));
  Poco::Net::SocketAddress addr(conf->getString("server.host"),
                                static_cast<Poco::UInt16>(conf->getInt("server.port")));
  std::cout << "Poco::Net address " << addr.toString() << "\n";

  // Poco Zip and XML, as the .xlsx reader uses them: a workbook part
  // deflated into a zip in memory, found again and parsed.
  {
    std::stringstream zipped;
    Poco::Zip::Compress compress(zipped, true);
    std::istringstream part("<sheet><c r=\"A1\">兜底</c></sheet>");
    compress.addFile(part, Poco::DateTime(), Poco::Path("xl/worksheets/sheet1.xml"));
    compress.close();
    zipped.seekg(0);
    Poco::Zip::ZipArchive archive(zipped);
    auto header = archive.findHeader("xl/worksheets/sheet1.xml");
    bool found = header != archive.headerEnd();
    std::string text;
    if (found) {
      zipped.clear();
      zipped.seekg(0);
      Poco::Zip::ZipInputStream in(zipped, header->second);
      Poco::XML::DOMParser parser;
      Poco::AutoPtr<Poco::XML::Document> doc = parser.parse(new Poco::XML::InputSource(in));
      text = doc->documentElement()->innerText();
    }
    std::cout << "Poco Zip + XML " << (text == "\xE5\x85\x9C\xE5\xBA\x95" ? "ok" : "WRONG") << "\n";
    if (text != "\xE5\x85\x9C\xE5\xBA\x95") return 1;
  }

  // A thread, so winpthreads is linked next to libpq's renamed pthread shim.
  int fromThread = 0;
  std::thread([&] { fromThread = PQlibVersion(); }).join();
  std::cout << "libpq from a std::thread " << fromThread << "\n";

  const std::string conninfo = argc > 1 ? argv[1] : "host=127.0.0.1 port=1 connect_timeout=2";
  try {
    soci::session sql(*soci::factory_postgresql(), conninfo);
    std::string version;
    sql << "select version()", soci::into(version);
    std::cout << "server: " << version << "\n";
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    std::cout << "TLS: " << (PQsslInUse(backend->conn_) ? PQsslAttribute(backend->conn_, "protocol") : "off")
              << "\n";
  } catch (const soci::soci_error& e) {
    std::cout << "SOCI error (expected without a server): " << e.get_error_message() << "\n";
    if (argc > 1) return 1;
  }
  if (!intakeCheck()) return 1;
  std::cout << "deps_check ok\n";
  return 0;
}
