// The readers behind the CardReader interface: the setting that picks one,
// the simulated reader on a card file, and on Windows the sdtapi.dll
// adapter against fake vendor DLLs (tests/card/fake_*.cpp) under Wine.
#include "doudi/workstation/card_reader.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#ifdef _WIN32
#include <windows.h>
#endif

#include "../unit/temporary_directory.h"

using namespace doudi;
using workstation::CardReadFailure;
using workstation::IdCardData;

namespace {

IdCardData MustRead(workstation::CardReader& reader) {
  auto result = reader.Read();
  if (const auto* failure = std::get_if<CardReadFailure>(&result)) {
    BOOST_FAIL("read failed: " << workstation::FailureCode(failure->kind) << " " << failure->detail);
  }
  return std::get<IdCardData>(result);
}

CardReadFailure MustFail(workstation::CardReader& reader) {
  auto result = reader.Read();
  BOOST_REQUIRE(std::holds_alternative<CardReadFailure>(result));
  return std::get<CardReadFailure>(result);
}

struct CardFile {
  test::TemporaryDirectory dir{"doudi-card"};
  std::string Write(const std::string& text) {
    std::filesystem::create_directories(dir.path);
    const auto path = dir.path / "card.txt";
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(card_reader)

BOOST_AUTO_TEST_CASE(the_setting_picks_the_reader) {
  const auto none = workstation::MakeCardReader("  ");
  const auto failure = MustFail(*none);
  BOOST_TEST(workstation::FailureCode(failure.kind) == "no_reader");
  BOOST_TEST(workstation::MakeCardReader("simulated:/tmp/card.txt")->Describe() == "simulated: /tmp/card.txt");
  BOOST_CHECK_THROW(workstation::MakeCardReader("simulated:"), std::invalid_argument);
  BOOST_CHECK_THROW(workstation::MakeCardReader("termb"), std::invalid_argument);
#ifdef _WIN32
  BOOST_TEST(workstation::MakeCardReader("sdtapi")->Describe() == "sdtapi.dll, port 1001");
  BOOST_CHECK_THROW(workstation::MakeCardReader("sdtapi:17"), std::invalid_argument);
  BOOST_CHECK_THROW(workstation::MakeCardReader("sdtapi:usb"), std::invalid_argument);
#else
  // The vendor DLL exists on Windows only.
  BOOST_CHECK_THROW(workstation::MakeCardReader("sdtapi"), std::invalid_argument);
#endif
}

BOOST_AUTO_TEST_CASE(the_demo_card_reads_with_its_photo) {
  const auto reader = workstation::MakeCardReader(std::string("simulated:") + DOUDI_DEMO_CARD);
  const IdCardData card = MustRead(*reader);
  BOOST_TEST(card.name == "蓝晓梅");
  BOOST_TEST(card.ethnicity == "畲族");
  BOOST_TEST(card.idNumber == "331022198603150246");
  BOOST_TEST(card.authority == "三门县公安局");
  BOOST_TEST(card.validUntil.has_value());
  BOOST_REQUIRE(card.photo.size() > 54u);
  BOOST_TEST(card.photo[0] == 'B');
  BOOST_TEST(card.photo[1] == 'M');
  BOOST_TEST(workstation::CheckIdCard(card, std::chrono::year_month_day{std::chrono::year{2026},
                                                                         std::chrono::December,
                                                                         std::chrono::day{7}})
                 .empty());
}

BOOST_AUTO_TEST_CASE(a_missing_card_file_is_no_card) {
  CardFile file;
  workstation::SimulatedCardReader reader((file.dir.path / "absent.txt").string());
  BOOST_TEST(workstation::FailureCode(MustFail(reader).kind) == "no_card");
}

BOOST_AUTO_TEST_CASE(a_bad_card_file_names_its_line) {
  CardFile file;
  workstation::SimulatedCardReader unknownKey(file.Write("name=周德明\n# note\nnation=01\n"));
  const auto failure = MustFail(unknownKey);
  BOOST_TEST(workstation::FailureCode(failure.kind) == "read_error");
  BOOST_TEST(failure.detail.find("card.txt:3: unknown key \"nation\"") != std::string::npos);

  workstation::SimulatedCardReader tooLong(
      file.Write("name=周德明\nsex=1\nethnicity=01\nbirth=19560708\nid_number=331022195607080034\n"
                 "authority=三门县公安局三门县公安局三门县公安局\nvalid_from=20060101\nvalid_until=长期\n"));
  BOOST_TEST(MustFail(tooLong).detail.find("authority") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(what_the_card_holds_is_decoded_as_a_reader_s) {
  CardFile file;
  workstation::SimulatedCardReader reader(
      file.Write("name=周德明\nsex=9\nethnicity=01\nbirth=19560708\nid_number=331022195607080034\n"
                 "authority=三门县公安局\nvalid_from=20060101\nvalid_until=长期\n"));
  const auto failure = MustFail(reader);
  BOOST_TEST(workstation::FailureCode(failure.kind) == "decode_error");
  BOOST_REQUIRE(failure.decode.has_value());
  BOOST_TEST((failure.decode->field == workstation::IdCardField::Sex));

  workstation::SimulatedCardReader noPhoto(
      file.Write("name=周德明\nsex=1\nethnicity=01\nbirth=19560708\nid_number=331022195607080034\n"
                 "authority=三门县公安局\nvalid_from=20060101\nvalid_until=长期\nphoto=absent.bmp\n"));
  BOOST_TEST(workstation::FailureCode(MustFail(noPhoto).kind) == "decode_error");
}

#ifdef _WIN32

namespace {

// Sets FAKE_SDTAPI_MODE for one read.
struct FakeMode {
  explicit FakeMode(const char* mode) { _putenv_s("FAKE_SDTAPI_MODE", mode); }
  ~FakeMode() { _putenv_s("FAKE_SDTAPI_MODE", ""); }
};

// The fake DLL as the adapter loads it (same path, so the same module), to
// ask it whether the port was closed.
int OpenPorts(const std::filesystem::path& dll) {
  HMODULE module = LoadLibraryW(dll.c_str());
  BOOST_REQUIRE(module != nullptr);
  using Fn = int (*)();
  const FARPROC proc = GetProcAddress(module, "FakeOpenPorts");
  BOOST_REQUIRE(proc != nullptr);
  Fn fn = nullptr;
  std::memcpy(&fn, &proc, sizeof fn);
  const int open = fn();
  FreeLibrary(module);
  return open;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sdtapi_reads_the_card_and_its_photo) {
  const std::filesystem::path dir = DOUDI_FAKE_READER_DIR;
  // Held loaded across the read, so its count of open ports survives.
  HMODULE held = LoadLibraryW((dir / L"sdtapi.dll").c_str());
  BOOST_REQUIRE(held != nullptr);
  const auto reader = workstation::MakeCardReader("sdtapi:1001:" + dir.string());
  const IdCardData card = MustRead(*reader);
  BOOST_TEST(card.name == "周德明");
  BOOST_TEST(card.ethnicity == "汉族");
  BOOST_TEST(card.address == "浙江省三门县");
  BOOST_TEST(card.idNumber == "331022195607080034");
  BOOST_TEST(card.authority == "三门县公安局");
  BOOST_TEST(!card.validUntil.has_value());
  // The fake decoder's bitmap: its first pixel is the photo's first bytes.
  BOOST_REQUIRE(card.photo.size() == 70u);
  BOOST_TEST(card.photo[0] == 'B');
  BOOST_TEST(card.photo[54] == 0);
  BOOST_TEST(card.photo[55] == 1);
  BOOST_TEST(card.photo[56] == 2);
  BOOST_TEST(OpenPorts(dir / L"sdtapi.dll") == 0);

  {
    FakeMode mode("no_card");
    BOOST_TEST(workstation::FailureCode(MustFail(*reader).kind) == "no_card");
  }
  BOOST_TEST(OpenPorts(dir / L"sdtapi.dll") == 0);
  {
    FakeMode mode("no_port");
    const auto failure = MustFail(*reader);
    BOOST_TEST(workstation::FailureCode(failure.kind) == "no_reader");
    BOOST_TEST(failure.detail.find("SDT_OpenPort(1001) returned 0x01") != std::string::npos);
  }
  FreeLibrary(held);
}

BOOST_AUTO_TEST_CASE(sdtapi_without_the_decoder_reads_the_text) {
  const std::filesystem::path dir = DOUDI_FAKE_READER_TEXT_ONLY_DIR;
  const auto reader = workstation::MakeCardReader("sdtapi:1001:" + dir.string());
  const IdCardData card = MustRead(*reader);
  BOOST_TEST(card.idNumber == "331022195607080034");
  BOOST_TEST(card.photo.empty());
}

BOOST_AUTO_TEST_CASE(sdtapi_missing_is_no_reader) {
  const auto reader = workstation::MakeCardReader("sdtapi:1001:C:\\no-such-folder");
  const auto failure = MustFail(*reader);
  BOOST_TEST(workstation::FailureCode(failure.kind) == "no_reader");
  BOOST_TEST(failure.detail.find("sdtapi.dll did not load") != std::string::npos);
}

#endif

BOOST_AUTO_TEST_SUITE_END()
