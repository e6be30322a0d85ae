// The attachment's type told by its content, never by its name, and the file
// name kept with it (model/attachment.h).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "doudi/model/attachment.h"

using namespace doudi::model;

namespace {

std::vector<unsigned char> Bytes(const std::string& text) {
  return {text.begin(), text.end()};
}

std::string Sniffed(const std::vector<unsigned char>& content) {
  const auto type = SniffAttachmentType(content);
  return type ? std::string(ToCode(*type)) : "none";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(attachment)

BOOST_AUTO_TEST_CASE(the_type_is_told_by_the_first_bytes) {
  BOOST_TEST(Sniffed(Bytes("%PDF-1.4\n%...")) == "application/pdf");
  BOOST_TEST(Sniffed({0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10}) == "image/jpeg");
  BOOST_TEST(Sniffed({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00}) == "image/png");
  // Exactly the signature is enough; one byte less is not.
  BOOST_TEST(Sniffed(Bytes("%PDF-")) == "application/pdf");
  BOOST_TEST(Sniffed(Bytes("%PDF")) == "none");
  BOOST_TEST(Sniffed({0xFF, 0xD8}) == "none");
  BOOST_TEST(Sniffed({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A}) == "none");
  // Text, an empty file, a PDF signature not at the start, a GIF, a zip.
  BOOST_TEST(Sniffed(Bytes("hello, 核对授权书")) == "none");
  BOOST_TEST(Sniffed({}) == "none");
  BOOST_TEST(Sniffed(Bytes(" %PDF-1.4")) == "none");
  BOOST_TEST(Sniffed(Bytes("GIF89a")) == "none");
  BOOST_TEST(Sniffed(Bytes("PK\x03\x04")) == "none");
  BOOST_TEST(Sniffed(Bytes("%pdf-1.4")) == "none");
}

BOOST_AUTO_TEST_CASE(the_name_is_the_last_component_without_what_cannot_be_stored) {
  BOOST_TEST(AttachmentBaseName("/home/desk/扫描/授权书.pdf") == "授权书.pdf");
  BOOST_TEST(AttachmentBaseName("C:\\Users\\desk\\Documents\\scan 1.JPG") == "scan 1.JPG");
  BOOST_TEST(AttachmentBaseName("mixed/dir\\name.png") == "name.png");
  BOOST_TEST(AttachmentBaseName("plain.pdf") == "plain.pdf");
  // Control and invisible characters go, wherever they are; so do bytes
  // that are not UTF-8 and surrounding spaces (the ideographic one too).
  BOOST_TEST(AttachmentBaseName("a\tb\nc.pdf") == "abc.pdf");
  BOOST_TEST(AttachmentBaseName("evil\u202Efdp.exe") == "evilfdp.exe");
  BOOST_TEST(AttachmentBaseName("zero\u200Bwidth.pdf") == "zerowidth.pdf");
  BOOST_TEST(AttachmentBaseName("bad\xFF\xFE.pdf") == "bad.pdf");
  BOOST_TEST(AttachmentBaseName("  \u3000 照片.jpg \u3000 ") == "照片.jpg");
  // Nothing left.
  BOOST_TEST(AttachmentBaseName("").empty());
  BOOST_TEST(AttachmentBaseName("/tmp/").empty());
  BOOST_TEST(AttachmentBaseName("dir\\\t\u200B ").empty());
}

BOOST_AUTO_TEST_CASE(a_long_name_is_cut_at_a_character_boundary_within_255_bytes) {
  std::string chinese;
  for (int i = 0; i < 100; ++i) chinese += "授";  // 3 bytes each: 300 bytes
  const std::string cut = AttachmentBaseName("/x/" + chinese);
  BOOST_TEST(cut.size() == 255u);  // 85 characters
  BOOST_TEST(cut == chinese.substr(0, 255));
  const std::string oneMore = "a" + chinese;  // 301 bytes: 1 + 84 * 3 = 253 fit, the 85th would not
  BOOST_TEST(AttachmentBaseName(oneMore) == oneMore.substr(0, 253));
  const std::string ascii(300, 'x');
  BOOST_TEST(AttachmentBaseName(ascii) == std::string(255, 'x'));
  // A space where the cut falls is not kept at the end.
  const std::string spaced = std::string(254, 'y') + " z";
  BOOST_TEST(AttachmentBaseName(spaced) == std::string(254, 'y'));
}

BOOST_AUTO_TEST_SUITE_END()
