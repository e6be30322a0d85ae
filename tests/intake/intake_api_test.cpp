// doudi-intake's answers over real HTTP on loopback (docs/intake.md): a
// good report stored once however often it is resent, photos re-encoded
// without their EXIF, every bad field named, expired and revoked tokens,
// another region, oversized requests, the rate limit, malformed input that
// leaves the server answering; and the phone page itself in chromium.
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "db_fixture.h"
#include "doudi/catalog/message_catalog.h"
#include "doudi/dal/intake_gateway.h"
#include "doudi/dal/intake_repository.h"
#include "doudi/dal/registry_repository.h"
#include "intake_service.h"

using namespace doudi;

namespace {

struct Answer {
  int status = 0;
  std::string body;
  std::string retryAfter;
  std::string csp;
  bool keepAlive = true;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A real JPEG with an EXIF segment holding a GPS marker, put in after SOI.
std::string JpegWithExif() {
  const std::string jpeg = ReadFile(std::string(DOUDI_SOURCE_DIR) + "/tests/browser/fixtures/family-photo.jpg");
  const std::string payload = std::string("Exif\0\0", 6) + "GPSLatitude 29.1 GPSLongitude 121.4 SECRET-PLACE";
  std::string segment = "\xFF\xE1";
  const auto length = payload.size() + 2;
  segment += static_cast<char>((length >> 8) & 0xFF);
  segment += static_cast<char>(length & 0xFF);
  segment += payload;
  return jpeg.substr(0, 2) + segment + jpeg.substr(2);
}

struct Server : test::MigratedDatabase {
  std::string admin = server.CreateUser("admin", "center_admin", "331022");
  std::string intakeRole = server.RoleName("intake");
  std::string secret = dal::NewIntakeSecret();
  std::unique_ptr<dal::pg::PgDatabase> adminDb;
  std::unique_ptr<dal::IntakeGateway> gateway;
  std::unique_ptr<intake::IntakeService> service;
  std::unique_ptr<Poco::Net::ServerSocket> socket;
  std::unique_ptr<Poco::Net::HTTPServer> http;
  std::int64_t tokenId = 0;

  explicit Server(double perToken = 0, std::size_t requestBytes = 16u * 1024u * 1024u) {
    // The answers in Chinese, as doudi-intake gives them (the catalog beside the test).
    const auto path = catalog::ProgramCatalogPath("zh_CN");
    BOOST_REQUIRE(path);
    auto loaded = catalog::MessageCatalog::Load(*path);
    BOOST_REQUIRE(loaded);
    catalog::UseCatalog(std::make_shared<const catalog::MessageCatalog>(std::move(*loaded)));
    adminDb = std::make_unique<dal::pg::PgDatabase>(server.ConnectionStringFor(admin));
    adminDb->Intake().AddServerLogin(intakeRole, "Intake-password-1");
    tokenId = adminDb->Intake().IssueToken("王网格员", "331022001", "", secret);
    gateway = std::make_unique<dal::IntakeGateway>(server.ConnectionStringFor(intakeRole, "Intake-password-1"), 2);
    intake::ServiceOptions options;
    options.https = false;
    options.perTokenPerMinute = perToken;
    options.perAddressPerMinute = 0;
    options.limits.requestBytes = requestBytes;
    service = std::make_unique<intake::IntakeService>(*gateway, options);
    socket = std::make_unique<Poco::Net::ServerSocket>(Poco::Net::SocketAddress("127.0.0.1", 0));
    http = std::make_unique<Poco::Net::HTTPServer>(service->Factory(), *socket, new Poco::Net::HTTPServerParams);
    http->start();
  }
  ~Server() { http->stopAll(true); }

  std::uint16_t Port() const { return socket->address().port(); }

  Answer Send(const std::string& method, const std::string& path, const std::string& body = "",
              const std::string& type = "", const std::string& token = "use-own") const {
    Poco::Net::HTTPClientSession session("127.0.0.1", Port());
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (token == "use-own") {
      request.set("Authorization", "Bearer " + secret);
    } else if (!token.empty()) {
      request.set("Authorization", "Bearer " + token);
    }
    if (!type.empty()) request.setContentType(type);
    if (method == "POST") request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Answer a;
    a.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, a.body);
    a.retryAfter = response.get("Retry-After", "");
    a.csp = response.get("Content-Security-Policy", "");
    a.keepAlive = response.getKeepAlive();
    return a;
  }

  static std::string Json(const std::string& requestId, const std::string& extra = "") {
    return "{\"request_id\":\"" + requestId +
           "\",\"name\":\"李大妈\",\"phone\":\"13800001234\",\"village\":\"331022001201\","
           "\"address\":\"悬渚村5组2号\",\"category\":\"illness\",\"description\":\"老伴住院，家里没有收入\","
           "\"urgency\":\"urgent\",\"consent\":true" +
           extra + "}";
  }
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake_api)

BOOST_FIXTURE_TEST_CASE(a_report_is_stored_once_however_often_it_is_sent, Server) {
  const auto me = Send("GET", "/api/v1/me");
  BOOST_TEST(me.status == 200, me.body);
  BOOST_TEST(Has(me.body, "\"331022001201\""), me.body);
  const std::string id = dal::NewRequestId();
  const auto first = Send("POST", "/api/v1/reports", Json(id), "application/json");
  BOOST_TEST(first.status == 201, first.body);
  const auto again = Send("POST", "/api/v1/reports", Json(id), "application/json");
  BOOST_TEST(again.status == 200, again.body);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.intake_report") == 1);
  const auto mine = Send("GET", "/api/v1/reports");
  BOOST_TEST(mine.status == 200);
  BOOST_TEST(Has(mine.body, "\"state\":\"received\""), mine.body);
}

BOOST_FIXTURE_TEST_CASE(a_photo_is_stored_re_encoded_without_its_exif, Server) {
  const std::string photo = JpegWithExif();
  BOOST_REQUIRE(Has(photo, "SECRET-PLACE"));
  Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
  form.set("request_id", dal::NewRequestId());
  form.set("name", "张大伯");
  form.set("id_number", "");
  form.set("village", "331022001201");
  form.set("address", "悬渚村1组");
  form.set("category", "elderly_alone");
  form.set("description", "独居，腿脚不便");
  form.set("urgency", "normal");
  form.set("consent", "1");
  form.addPart("photo", new Poco::Net::StringPartSource(photo, "image/jpeg", "photo1.jpg"));
  std::ostringstream body;
  Poco::Net::HTTPRequest probe(Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/reports");
  form.prepareSubmit(probe);
  form.write(body);
  const auto answer = Send("POST", "/api/v1/reports", body.str(), probe.getContentType());
  BOOST_TEST(answer.status == 201, answer.body);
  BOOST_TEST(Has(answer.body, "\"photos\":1"), answer.body);
  const std::string stored = server.Scalar("SELECT encode(content, 'escape') FROM doudi.intake_photo");
  BOOST_TEST(!Has(stored, "SECRET-PLACE"));
  BOOST_TEST(!Has(stored, "Exif"));
  BOOST_TEST(server.Scalar("SELECT width || 'x' || height FROM doudi.intake_photo") == "120x90");
}

BOOST_FIXTURE_TEST_CASE(every_bad_field_is_named_and_nothing_is_stored, Server) {
  const std::string body =
      "{\"request_id\":\"nope\",\"name\":\"\",\"id_number\":\"33102219500101001X\",\"phone\":\"12\","
      "\"village\":\"33\",\"address\":\"x\",\"category\":\"flood\",\"description\":\"d\",\"urgency\":\"now\","
      "\"consent\":false,\"colour\":\"red\"}";
  const auto a = Send("POST", "/api/v1/reports", body, "application/json");
  BOOST_TEST(a.status == 400);
  for (const std::string field :
       {"request_id", "name", "id_number", "phone", "village", "category", "urgency", "consent", "colour"}) {
    BOOST_TEST(Has(a.body, "\"field\":\"" + field + "\""), field << " in " << a.body);
  }
  BOOST_TEST(Has(a.body, "intake.unknown_field"));
  const auto bad = Send("POST", "/api/v1/reports",
                        Json(dal::NewRequestId(), ",\"photos\":[{\"type\":\"image/jpeg\",\"data\":\"/9j/AAAA\"}]"),
                        "application/json");
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(Has(bad.body, "intake.photo_undecodable"), bad.body);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.intake_report") == 0);
}

BOOST_FIXTURE_TEST_CASE(tokens_and_regions_are_refused_with_their_reasons, Server) {
  BOOST_TEST(Send("GET", "/api/v1/me", "", "", "").status == 401);
  const auto unknown = Send("GET", "/api/v1/me", "", "", "dd_" + std::string(43, 'Q'));
  BOOST_TEST(unknown.status == 401);
  BOOST_TEST(Has(unknown.body, "intake.token_invalid"));
  auto other = Json(dal::NewRequestId());
  other.replace(other.find("331022001201"), 12, "331022002202");
  const auto outside = Send("POST", "/api/v1/reports", other, "application/json");
  BOOST_TEST(outside.status == 403, outside.body);
  BOOST_TEST(Has(outside.body, "\"field\":\"village\""));
  server.Execute("UPDATE doudi.intake_token SET expires_on = current_date - 1");
  const auto expired = Send("POST", "/api/v1/reports", Json(dal::NewRequestId()), "application/json");
  BOOST_TEST(expired.status == 401);
  BOOST_TEST(Has(expired.body, "intake.token_expired"), expired.body);
  server.Execute("UPDATE doudi.intake_token SET expires_on = NULL");
  adminDb->Intake().RevokeToken(tokenId);
  const auto revoked = Send("GET", "/api/v1/reports");
  BOOST_TEST(revoked.status == 401);
  BOOST_TEST(Has(revoked.body, "intake.token_revoked"));
}

BOOST_FIXTURE_TEST_CASE(malformed_input_is_answered_and_the_server_keeps_serving, Server) {
  for (const std::string body : {"", "{", "[1,2]", "{\"name\":", "\xFF\xFE", "null", "{\"photos\":7}"}) {
    const auto a = Send("POST", "/api/v1/reports", body, "application/json");
    BOOST_TEST(a.status == 400, body << " → " << a.status);
  }
  const auto noBoundary = Send("POST", "/api/v1/reports", "--x\r\n", "multipart/form-data");
  BOOST_TEST(noBoundary.status == 400);
  const auto cut = Send("POST", "/api/v1/reports", "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nab",
                        "multipart/form-data; boundary=b");
  BOOST_TEST(cut.status == 400, cut.body);
  BOOST_TEST(Send("POST", "/api/v1/reports", "x", "text/plain").status == 415);
  BOOST_TEST(Send("DELETE", "/api/v1/reports").status == 405);
  BOOST_TEST(Send("GET", "/api/v2/nothing").status == 404);
  const auto page = Send("GET", "/", "", "", "");
  BOOST_TEST(page.status == 200);
  BOOST_TEST(Has(page.csp, "default-src 'self'"));
  BOOST_TEST(Send("GET", "/healthz", "", "", "").status == 200);
  // A POST refused before its body was read closes the connection, so the
  // body is never read as a next request (here one asking /api/v1/me).
  const std::string smuggled = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + secret + "\r\n\r\n";
  const auto refused = Send("POST", "/api/v1/reports", smuggled, "text/plain");
  BOOST_TEST(refused.status == 415);
  BOOST_TEST(!refused.keepAlive);
  const auto unauthorised = Send("POST", "/api/v1/reports", smuggled, "application/json", "");
  BOOST_TEST(unauthorised.status == 401);
  BOOST_TEST(!unauthorised.keepAlive);
}

struct SmallServer : Server {
  SmallServer() : Server(5, 64 * 1024) {}
};

BOOST_FIXTURE_TEST_CASE(oversized_requests_and_too_many_requests_are_refused, SmallServer) {
  // Refused on its Content-Length before the body is sent (the server then
  // closes the connection, so a client still writing its body may see a
  // reset instead: the headers alone are sent here).
  Poco::Net::StreamSocket raw(Poco::Net::SocketAddress("127.0.0.1", Port()));
  const std::string head = "POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + secret +
                           "\r\nContent-Type: application/json\r\nContent-Length: 102400\r\n\r\n";
  raw.sendBytes(head.data(), static_cast<int>(head.size()));
  char answer[64] = {};
  const int got = raw.receiveBytes(answer, sizeof answer - 1);
  BOOST_TEST(std::string(answer, got > 0 ? static_cast<std::size_t>(got) : 0u).rfind("HTTP/1.1 413", 0) == 0u, answer);
  int limited = 0;
  std::string retry;
  for (int i = 0; i < 8; ++i) {
    const auto a = Send("GET", "/api/v1/me");
    if (a.status == 429) {
      ++limited;
      retry = a.retryAfter;
    }
  }
  BOOST_TEST(limited >= 3);
  BOOST_TEST(!retry.empty());
}

BOOST_FIXTURE_TEST_CASE(the_phone_page_sends_a_report_from_chromium, Server) {
  const std::string out = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/intake_form_" +
                          std::to_string(Port()) + ".log";
  const std::string shot = std::getenv("DOUDI_SCREENSHOT_DIR")
                               ? std::string(std::getenv("DOUDI_SCREENSHOT_DIR")) + "/intake-form.png"
                               : std::string();
  const std::string command = "DOUDI_INTAKE_URL=http://127.0.0.1:" + std::to_string(Port()) +
                              " DOUDI_INTAKE_TOKEN=" + secret + (shot.empty() ? "" : " DOUDI_SCREENSHOT=" + shot) +
                              " node " + std::string(DOUDI_SOURCE_DIR) + "/tests/browser/intake_form.mjs > " + out +
                              " 2>&1";
  const int rc = std::system(command.c_str());
  const std::string log = ReadFile(out);
  BOOST_TEST(rc == 0, log);
  const auto at = log.find("REPORT_ID=");
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, log);
  const std::string id = log.substr(at + 10, log.find('\n', at) - at - 10);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.intake_report WHERE id = " + id) == 1);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.intake_photo WHERE report_id = " + id) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
