// The sdtapi.dll adapter (Windows build only; workstation/CardReader.cmake).
#include "doudi/workstation/sdtapi_card_reader.h"

#include <windows.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "utf8_path.h"

namespace doudi::workstation {
namespace {

// sdtapi.dll's return codes (the SDK's manual): 0x90 done, 0x9F a card was
// found; anything else is a failure (0x80 no card found, 0x81 selecting it
// failed, 0x41 reading failed, 0x01 the port did not open ...).
constexpr int kDone = 0x90;
constexpr int kCardFound = 0x9F;

using OpenPortFn = int(WINAPI*)(int port);
using ClosePortFn = int(WINAPI*)(int port);
using FindFn = int(WINAPI*)(int port, unsigned char* manaInfo, int ifOpen);
using ReadBaseMsgFn = int(WINAPI*)(int port, unsigned char* text, unsigned int* textLength, unsigned char* photo,
                                   unsigned int* photoLength, int ifOpen);
using GetBmpFn = int(WINAPI*)(char* wltFile, int interfaceKind);

std::string Hex(int code) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(code));
  return text;
}

class Library {
 public:
  // An absolute path also lets the DLL find the DLLs it needs in its folder.
  explicit Library(const std::filesystem::path& path)
      : m_module(path.is_absolute() ? LoadLibraryExW(path.c_str(), nullptr, LOAD_WITH_ALTERED_SEARCH_PATH)
                                    : LoadLibraryW(path.c_str())) {
    if (m_module == nullptr) m_error = GetLastError();
  }
  ~Library() {
    if (m_module != nullptr) FreeLibrary(m_module);
  }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
  explicit operator bool() const { return m_module != nullptr; }
  DWORD Error() const { return m_error; }

  template <typename Fn>
  Fn Get(const char* name) const {
    const FARPROC proc = GetProcAddress(m_module, name);
    Fn fn = nullptr;
    static_assert(sizeof fn == sizeof proc);
    if (proc != nullptr) std::memcpy(&fn, &proc, sizeof fn);
    return fn;
  }

 private:
  HMODULE m_module;
  DWORD m_error = 0;
};

std::string Utf8(const std::filesystem::path& path) { return admin::PathToUtf8(path); }

// The temporary folder as the ANSI path the decoder's char* wants: its
// short form, which has no characters outside ASCII even under a Chinese
// user name.
std::filesystem::path TemporaryFolder() {
  wchar_t buffer[MAX_PATH + 1];
  const DWORD length = GetTempPathW(MAX_PATH + 1, buffer);
  if (length == 0 || length > MAX_PATH) return std::filesystem::temp_directory_path();
  wchar_t shortPath[MAX_PATH + 1];
  const DWORD shortLength = GetShortPathNameW(buffer, shortPath, MAX_PATH + 1);
  return std::filesystem::path(shortLength > 0 && shortLength <= MAX_PATH ? shortPath : buffer);
}

class SdtapiCardReader : public CardReader {
 public:
  SdtapiCardReader(int port, std::filesystem::path folder) : m_port(port), m_folder(std::move(folder)) {}

  CardReadResult Read() override {
    Library sdtapi(DllPath(L"sdtapi.dll"));
    if (!sdtapi) {
      return Failure(CardReadFailure::Kind::NoReader,
                     Utf8(DllPath(L"sdtapi.dll")) + " did not load (error " + std::to_string(sdtapi.Error()) +
                         "; a 32-bit DLL does not load in the 64-bit program)");
    }
    const auto open = sdtapi.Get<OpenPortFn>("SDT_OpenPort");
    const auto close = sdtapi.Get<ClosePortFn>("SDT_ClosePort");
    const auto find = sdtapi.Get<FindFn>("SDT_StartFindIDCard");
    const auto select = sdtapi.Get<FindFn>("SDT_SelectIDCard");
    const auto read = sdtapi.Get<ReadBaseMsgFn>("SDT_ReadBaseMsg");
    if (!open || !close || !find || !select || !read) {
      return Failure(CardReadFailure::Kind::NoReader,
                     "sdtapi.dll lacks SDT_OpenPort, SDT_ClosePort, SDT_StartFindIDCard, SDT_SelectIDCard or "
                     "SDT_ReadBaseMsg");
    }
    if (const int code = open(m_port); code != kDone) {
      return Failure(CardReadFailure::Kind::NoReader,
                     "SDT_OpenPort(" + std::to_string(m_port) + ") returned " + Hex(code));
    }
    struct ClosePort {
      ClosePortFn close;
      int port;
      ~ClosePort() { close(port); }
    } closing{close, m_port};

    unsigned char manaInfo[8] = {};
    if (const int code = find(m_port, manaInfo, 0); code != kCardFound) {
      return Failure(CardReadFailure::Kind::NoCard, "SDT_StartFindIDCard returned " + Hex(code));
    }
    unsigned char serial[8] = {};
    if (const int code = select(m_port, serial, 0); code != kDone) {
      return Failure(CardReadFailure::Kind::NoCard, "SDT_SelectIDCard returned " + Hex(code));
    }
    // Room beyond the card's sizes, as some DLLs write past them.
    std::vector<unsigned char> text(kBaseMessageSize * 2);
    std::vector<unsigned char> photo(kWltSize * 2);
    unsigned int textLength = 0;
    unsigned int photoLength = 0;
    if (const int code = read(m_port, text.data(), &textLength, photo.data(), &photoLength, 0); code != kDone) {
      return Failure(CardReadFailure::Kind::ReadError, "SDT_ReadBaseMsg returned " + Hex(code));
    }
    if (textLength > text.size() || photoLength > photo.size()) {
      return Failure(CardReadFailure::Kind::ReadError, "SDT_ReadBaseMsg reported lengths " +
                                                           std::to_string(textLength) + " and " +
                                                           std::to_string(photoLength));
    }
    auto parsed = ParseBaseMessage(std::span<const std::uint8_t>(text.data(), textLength));
    if (auto* failure = std::get_if<DecodeFailure>(&parsed)) {
      return CardReadFailure{CardReadFailure::Kind::DecodeError, "sdtapi.dll base message", *failure};
    }
    auto& card = std::get<IdCardData>(parsed);
    if (photoLength > 0) {
      if (auto failure = DecodePhoto(std::span<const unsigned char>(photo.data(), photoLength), card.photo)) {
        return *failure;
      }
    }
    return card;
  }

  std::string Describe() const override {
    return Utf8(DllPath(L"sdtapi.dll")) + ", port " + std::to_string(m_port);
  }

 private:
  std::filesystem::path DllPath(const wchar_t* name) const {
    return m_folder.empty() ? std::filesystem::path(name) : m_folder / name;
  }

  static CardReadFailure Failure(CardReadFailure::Kind kind, std::string detail) {
    return CardReadFailure{kind, std::move(detail), std::nullopt};
  }

  // The photo through WltRS.dll's GetBmp, which reads NAME.wlt and writes
  // NAME.bmp beside it. Without WltRS.dll the card is read without its
  // photo (docs/devices.md); a decoder that fails is a DecodeError.
  std::optional<CardReadFailure> DecodePhoto(std::span<const unsigned char> wlt, std::vector<std::uint8_t>& bmp) const {
    Library wltrs(DllPath(L"WltRS.dll"));
    if (!wltrs) return std::nullopt;
    const auto getBmp = wltrs.Get<GetBmpFn>("GetBmp");
    if (!getBmp) return Failure(CardReadFailure::Kind::DecodeError, "WltRS.dll lacks GetBmp");
    const auto base = TemporaryFolder() / ("doudi-card-" + std::to_string(GetCurrentProcessId()));
    auto wltPath = base;
    wltPath += ".wlt";
    auto bmpPath = base;
    bmpPath += ".bmp";
    {
      std::ofstream out(wltPath, std::ios::binary);
      out.write(reinterpret_cast<const char*>(wlt.data()), static_cast<std::streamsize>(wlt.size()));
      if (!out) return Failure(CardReadFailure::Kind::DecodeError, "cannot write " + Utf8(wltPath));
    }
    std::string ansi = wltPath.string();
    // 1 the serial interface, 2 USB: what the reader is on.
    const int code = getBmp(ansi.data(), m_port >= 1001 ? 2 : 1);
    std::error_code ignored;
    std::filesystem::remove(wltPath, ignored);
    std::ifstream in(bmpPath, std::ios::binary);
    bmp.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    in.close();
    std::filesystem::remove(bmpPath, ignored);
    if (code != 1 || bmp.size() < 2 || bmp[0] != 'B' || bmp[1] != 'M') {
      bmp.clear();
      return Failure(CardReadFailure::Kind::DecodeError, "WltRS.dll GetBmp returned " + std::to_string(code));
    }
    return std::nullopt;
  }

  int m_port;
  std::filesystem::path m_folder;
};

}  // namespace

std::unique_ptr<CardReader> MakeSdtapiCardReader(std::string_view options) {
  int port = 1001;
  std::filesystem::path folder;
  if (!options.empty()) {
    // ":PORT" or ":PORT:DIR".
    std::string_view rest = options.substr(1);
    const auto colon = rest.find(':');
    const std::string portText(rest.substr(0, colon));
    if (colon != std::string_view::npos) folder = std::filesystem::absolute(admin::PathFromUtf8(rest.substr(colon + 1)));
    std::size_t used = 0;
    try {
      port = std::stoi(portText, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != portText.size() || portText.empty() || !((port >= 1 && port <= 16) || (port >= 1001 && port <= 1016))) {
      throw std::invalid_argument("card reader port \"" + portText + "\" is not 1..16 (serial) or 1001..1016 (USB)");
    }
  }
  return std::make_unique<SdtapiCardReader>(port, std::move(folder));
}

}  // namespace doudi::workstation
