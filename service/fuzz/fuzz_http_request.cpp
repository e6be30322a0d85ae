// libFuzzer target: raw bytes as a client sends them to doudi-intake, read by
// Poco's own server-side request code and answered by the real handler.
// Each input is written into a fresh loopback TCP connection (then the
// client's side shuts its sending half); the server side is read exactly as
// Poco::Net::HTTPServerConnection does it — HTTPServerSession,
// HTTPServerResponseImpl, HTTPServerRequestImpl (request line, headers,
// Content-Length, chunked bodies, Expect: 100-continue, pipelined requests
// up to 8 per input) — and each request goes to IntakeService's handler
// (routing, the page files, bearer token, rate limits, body limits — here
// 32 KiB a request and 8 KiB a photo — JSON
// and multipart reports, photos, the JSON answers). What is not the real
// server: Poco's HTTPServer/TCPServer thread pool and accept loop, TLS, and
// the database, which is the in-memory stand-in of
// intake_gateway_standin.cpp.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "doudi/dal/intake_gateway.h"
#include "fuzz_support.h"
#include "intake_service.h"

namespace {

using namespace Poco::Net;

struct Harness {
  doudi::dal::IntakeGateway gateway{"stand-in", 1};
  doudi::intake::IntakeService service{gateway, Options()};
  HTTPRequestHandlerFactory::Ptr factory = service.Factory();
  ServerSocket listener{SocketAddress("127.0.0.1", 0)};
  HTTPServerParams::Ptr params = new HTTPServerParams;

  Harness() {
    params->setTimeout(Poco::Timespan(2, 0));
    params->setKeepAlive(true);
  }

  static doudi::intake::ServiceOptions Options() {
    doudi::intake::ServiceOptions o;
    // The request and photo limits small enough for the fuzzer's inputs
    // (at most 64 KiB) to pass them: the 413 answers are reached, and a POST
    // does not make the handler set aside 16 MiB for its body each time.
    o.limits.requestBytes = 32 * 1024;
    o.limits.photoBytes = 8 * 1024;
    o.perAddressPerMinute = 1e12;  // counted, never reached (every input comes from 127.0.0.1)
    o.perTokenPerMinute = 600;     // the stand-in's token is limited now and then: 429 reached
    o.https = true;
    return o;
  }
};

Harness* harness = nullptr;

// As HTTPServerConnection::sendErrorResponse.
void SendError(HTTPServerSession& session, HTTPResponse::HTTPStatus status) {
  HTTPServerResponseImpl response(session);
  response.setVersion(HTTPMessage::HTTP_1_1);
  response.setStatusAndReason(status);
  response.setKeepAlive(false);
  response.send();
  session.setKeepAlive(false);
}

void Drain(StreamSocket& client) {
  char buffer[65536];
  while (client.available() > 0) {
    if (client.receiveBytes(buffer, sizeof buffer) <= 0) break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  doudi::intake::fuzz::UseChineseCatalog();
  harness = new Harness;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  StreamSocket client;
  client.connect(harness->listener.address());
  StreamSocket server = harness->listener.acceptConnection();
  std::size_t sent = 0;
  while (sent < size) {
    const int n = client.sendBytes(data + sent, static_cast<int>(size - sent));
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  client.shutdownSend();
  server.setReceiveTimeout(Poco::Timespan(2, 0));
  {
    HTTPServerSession session(server, harness->params);
    for (int requests = 0; requests < 8 && session.hasMoreRequests(); ++requests) {
      try {
        HTTPServerResponseImpl response(session);
        HTTPServerRequestImpl request(response, session, harness->params);
        response.setVersion(request.getVersion());
        response.setKeepAlive(harness->params->getKeepAlive() && request.getKeepAlive() && session.canKeepAlive());
        std::unique_ptr<HTTPRequestHandler> handler(harness->factory->createRequestHandler(request));
        doudi::intake::fuzz::Expect(handler != nullptr, "the factory makes a handler for every request");
        if (request.getExpectContinue() && response.getStatus() == HTTPResponse::HTTP_OK) response.sendContinue();
        handler->handleRequest(request, response);
        doudi::intake::fuzz::Expect(response.sent(), "the handler answers every request");
        // A body left unread on a connection kept alive would be read as the
        // next request (a second request smuggled inside the first's body).
        if (response.getKeepAlive() && (request.getChunkedTransferEncoding() || request.hasContentLength())) {
          doudi::intake::fuzz::Expect(request.stream().peek() == std::char_traits<char>::eof(),
                                      "a connection is kept alive only when the request's body was read to its end");
        }
        session.setKeepAlive(harness->params->getKeepAlive() && response.getKeepAlive() && session.canKeepAlive());
      } catch (const NoMessageException&) {
        break;
      } catch (const MessageException&) {
        try {
          SendError(session, HTTPResponse::HTTP_BAD_REQUEST);
        } catch (const Poco::Exception&) {
        }
        break;
      } catch (const Poco::Exception&) {
        // The connection failed (as HTTPServerConnection, which ends it).
        break;
      }
      Drain(client);
    }
  }
  server.close();
  Drain(client);
  client.close();
  return 0;
}
