// What the intake server adds to the dependency cache, linked statically for
// Windows: Poco NetSSL (OpenSSL) and Crypto, Poco JSON, libjpeg-turbo and
// libpng. A TLS handshake on loopback with a certificate made in memory, a
// JSON parse, and an image encoded and decoded again by each library.
#include "intake_check.h"

#include <Poco/Crypto/EVPPKey.h>
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#include <openssl/x509.h>

#include <cstdio>  // jpeglib.h needs FILE and size_t first
#include <cstdlib>
#include <jpeglib.h>
#include <png.h>

#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

// A self-signed P-256 certificate for 127.0.0.1, valid for an hour.
Poco::Net::Context::Ptr serverContext() {
  Poco::Crypto::EVPPKey key("prime256v1");
  X509* cert = X509_new();
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  if (X509_sign(cert, key, EVP_sha256()) == 0) throw std::runtime_error("X509_sign failed");
  Poco::Net::Context::Ptr context =
      new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, "", Poco::Net::Context::VERIFY_NONE);
  context->useCertificate(Poco::Crypto::X509Certificate(cert));  // takes the certificate
  context->usePrivateKey(key);
  return context;
}

// A TLS connection on loopback: the client sends "ping", the server echoes it.
bool tlsLoopback() {
  Poco::Net::SecureServerSocket server(Poco::Net::SocketAddress("127.0.0.1", 0), 4, serverContext());
  std::string serverError;
  std::thread serve([&] {
    try {
      Poco::Net::StreamSocket peer = server.acceptConnection();
      char buffer[16];
      const int n = peer.receiveBytes(buffer, sizeof buffer);
      peer.sendBytes(buffer, n);
      peer.shutdown();
    } catch (const Poco::Exception& e) {
      serverError = e.displayText();
    }
  });
  std::string echoed, peerName;
  try {
    Poco::Net::Context::Ptr client =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE);
    Poco::Net::SecureStreamSocket socket(server.address(), client);
    socket.sendBytes("ping", 4);
    char buffer[16];
    const int n = socket.receiveBytes(buffer, sizeof buffer);
    echoed.assign(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    peerName = socket.peerCertificate().commonName();
  } catch (const Poco::Exception& e) {
    std::cout << "TLS client: " << e.displayText() << "\n";
  }
  serve.join();
  if (!serverError.empty()) std::cout << "TLS server: " << serverError << "\n";
  std::cout << "NetSSL " << OPENSSL_VERSION_TEXT << ": TLS on " << server.address().toString()
            << ", echoed '" << echoed << "', server certificate CN " << peerName << "\n";
  return serverError.empty() && echoed == "ping" && peerName == "127.0.0.1";
}

bool json() {
  Poco::JSON::Parser parser;
  auto object = parser.parse(R"({"ok":true,"name":"兜底"})").extract<Poco::JSON::Object::Ptr>();
  const bool ok = object->getValue<bool>("ok") && object->getValue<std::string>("name") == "兜底";
  std::cout << "Poco::JSON " << (ok ? "ok" : "WRONG") << "\n";
  return ok;
}

constexpr int kWidth = 24, kHeight = 16;
constexpr unsigned char kRed = 200, kGreen = 40, kBlue = 30;

// Within 8 of each other (JPEG is lossy). Not "near": <windef.h> defines that.
bool closeTo(int a, int b) { return a - b < 8 && b - a < 8; }

bool jpegRoundTrip() {
  // Encode a plain 24x16 colour...
  jpeg_compress_struct c{};
  jpeg_error_mgr cerr{};
  c.err = jpeg_std_error(&cerr);  // errors exit the program: the check then fails
  jpeg_create_compress(&c);
  unsigned char* data = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &data, &size);
  c.image_width = kWidth;
  c.image_height = kHeight;
  c.input_components = 3;
  c.in_color_space = JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, 90, TRUE);
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row;
  for (int x = 0; x < kWidth; ++x) row.insert(row.end(), {kRed, kGreen, kBlue});
  while (c.next_scanline < c.image_height) {
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&c, rows, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  // ... and decode it again.
  jpeg_decompress_struct d{};
  jpeg_error_mgr derr{};
  d.err = jpeg_std_error(&derr);
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, data, size);
  jpeg_read_header(&d, TRUE);
  d.out_color_space = JCS_RGB;
  jpeg_start_decompress(&d);
  std::vector<unsigned char> pixels(static_cast<std::size_t>(d.output_width) * d.output_components);
  bool ok = d.output_width == kWidth && d.output_height == kHeight && d.output_components == 3;
  while (d.output_scanline < d.output_height) {
    JSAMPROW rows[1] = {pixels.data()};
    jpeg_read_scanlines(&d, rows, 1);
    ok = ok && closeTo(pixels[0], kRed) && closeTo(pixels[1], kGreen) && closeTo(pixels[2], kBlue);
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);
  std::free(data);
  std::cout << "libjpeg-turbo " << LIBJPEG_TURBO_VERSION_NUMBER << ": " << size << " bytes, "
            << (ok ? "decoded ok" : "decoded WRONG") << "\n";
  return ok;
}

bool pngRoundTrip() {
  std::vector<unsigned char> pixels;
  for (int i = 0; i < kWidth * kHeight; ++i) pixels.insert(pixels.end(), {kRed, kGreen, kBlue});
  png_image out{};
  out.version = PNG_IMAGE_VERSION;
  out.width = kWidth;
  out.height = kHeight;
  out.format = PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  png_image_write_to_memory(&out, nullptr, &size, 0, pixels.data(), 0, nullptr);
  std::vector<unsigned char> file(size);
  bool ok = size > 0 && png_image_write_to_memory(&out, file.data(), &size, 0, pixels.data(), 0, nullptr);
  png_image in{};
  in.version = PNG_IMAGE_VERSION;
  std::vector<unsigned char> back;
  if (ok && png_image_begin_read_from_memory(&in, file.data(), size)) {
    in.format = PNG_FORMAT_RGB;
    back.resize(PNG_IMAGE_SIZE(in));
    ok = png_image_finish_read(&in, nullptr, back.data(), 0, nullptr) && back == pixels;
  } else {
    ok = false;
  }
  std::cout << "libpng " << png_get_libpng_ver(nullptr) << ": " << size << " bytes, "
            << (ok ? "decoded ok" : "decoded WRONG") << "\n";
  return ok;
}

}  // namespace

bool intakeCheck() {
  Poco::Net::initializeSSL();
  bool ok = false;
  try {
    ok = tlsLoopback();
  } catch (const Poco::Exception& e) {
    std::cout << "NetSSL: " << e.displayText() << "\n";
  } catch (const std::exception& e) {
    std::cout << "NetSSL: " << e.what() << "\n";
  }
  ok = json() && ok;
  ok = jpegRoundTrip() && ok;
  ok = pngRoundTrip() && ok;
  Poco::Net::uninitializeSSL();
  return ok;
}
