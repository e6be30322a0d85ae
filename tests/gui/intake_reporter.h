#pragma once
// A grid worker who sends field reports, for the 上报 section's tests: the
// center's administrator issues the worker's token for 海游街道 and the login
// doudi-intake connects as; doudi-intake's answers (doudi_intake_core) run
// on a loopback HTTP server in this process, and reports go in over HTTP as
// the phone page sends them, into 悬渚村.
#include <Poco/Base64Encoder.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <wx/image.h>
#include <wx/mstream.h>

#include <boost/test/unit_test.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "doudi/dal/intake_gateway.h"
#include "doudi/dal/intake_repository.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/text.h"
#include "gui_harness.h"
#include "intake_service.h"

namespace doudi::test {

class IntakeReporter {
 public:
  static constexpr const char* kVillage = "331022001201";  // 悬渚村
  static constexpr const char* kName = "王网格员";         // the token's name

  explicit IntakeReporter(DeskDatabase& desk) {
    dal::pg::PgDatabase admin(desk.AddUser("intake_admin", "center_admin", "331022", "赵主任"));
    admin.Intake().IssueToken(kName, "331022001", "", m_secret);
    const std::string role = desk.Server().RoleName("intake");
    admin.Intake().AddServerLogin(role, kPassword);
    m_gateway = std::make_unique<dal::IntakeGateway>(desk.Server().ConnectionStringFor(role, kPassword), 1);
    intake::ServiceOptions options;
    options.https = false;
    m_service = std::make_unique<intake::IntakeService>(*m_gateway, options);
    m_socket = std::make_unique<Poco::Net::ServerSocket>(Poco::Net::SocketAddress("127.0.0.1", 0));
    m_http = std::make_unique<Poco::Net::HTTPServer>(m_service->Factory(), *m_socket, new Poco::Net::HTTPServerParams);
    m_http->start();
  }
  ~IntakeReporter() { m_http->stopAll(true); }

  // A report on name (idNumber "" when not given), with a small PNG photo
  // when withPhoto.
  dal::IntakeReceipt Send(const std::string& name, const std::string& idNumber, const std::string& urgency,
                          bool withPhoto) {
    using model::JsonString;
    std::string body = "{\"request_id\":\"" + dal::NewRequestId() + "\",\"name\":" + JsonString(name) +
                       ",\"phone\":\"138 0000 1234\",\"village\":\"" + kVillage +
                       "\",\"address\":\"悬渚村5组2号\",\"category\":\"illness\","
                       "\"description\":\"老伴住院，家里没有收入\",\"urgency\":" +
                       JsonString(urgency) + ",\"consent\":true";
    if (!idNumber.empty()) body += ",\"id_number\":" + JsonString(idNumber);
    if (withPhoto) {
      const auto png = Photo();
      std::ostringstream encoded;
      Poco::Base64Encoder encoder(encoded);
      encoder.rdbuf()->setLineLength(0);
      encoder.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
      encoder.close();
      body += ",\"photos\":[{\"type\":\"image/png\",\"data\":\"" + encoded.str() + "\"}]";
    }
    body += "}";
    Poco::Net::HTTPClientSession session("127.0.0.1", m_socket->address().port());
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/reports",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + m_secret);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string answer;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
    BOOST_REQUIRE_MESSAGE(response.getStatus() == Poco::Net::HTTPResponse::HTTP_CREATED, answer);
    // The report as its reporter sees it, newest first.
    return Mine().front();
  }

  // The reports as their reporter sees them.
  std::vector<dal::IntakeReceipt> Mine() { return m_gateway->ReportsOf(m_secret); }

 private:
  static constexpr const char* kPassword = "Intake-password-1";

  static std::vector<unsigned char> Photo() {
    wxImage image(64, 48);
    for (int x = 0; x < 64; ++x) {
      for (int y = 0; y < 48; ++y) {
        image.SetRGB(x, y, static_cast<unsigned char>(x * 4), static_cast<unsigned char>(y * 5), 120);
      }
    }
    wxMemoryOutputStream out;
    BOOST_REQUIRE(image.SaveFile(out, wxBITMAP_TYPE_PNG));
    std::vector<unsigned char> bytes(out.GetSize());
    out.CopyTo(bytes.data(), bytes.size());
    return bytes;
  }

  std::string m_secret = dal::NewIntakeSecret();
  std::unique_ptr<dal::IntakeGateway> m_gateway;
  std::unique_ptr<intake::IntakeService> m_service;
  std::unique_ptr<Poco::Net::ServerSocket> m_socket;
  std::unique_ptr<Poco::Net::HTTPServer> m_http;
};

}  // namespace doudi::test
