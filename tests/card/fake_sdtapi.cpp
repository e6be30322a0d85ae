// A fake sdtapi.dll for the adapter's test under Wine: the functions of the
// reader SDK with their documented return codes, holding one fixed card.
// FAKE_SDTAPI_MODE: unset, a card on the reader; "no_card", none;
// "no_port", the port does not open. FakeOpenPorts() tells the test whether
// the adapter closed what it opened.
#include <windows.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace {

int g_open = 0;

std::string Mode() {
  const char* mode = std::getenv("FAKE_SDTAPI_MODE");
  return mode == nullptr ? std::string() : std::string(mode);
}

void Put(unsigned char*& at, const wchar_t* text, int width) {
  const int length = static_cast<int>(std::wcslen(text));
  for (int i = 0; i < width; ++i) {
    const wchar_t unit = i < length ? text[i] : L' ';
    *at++ = static_cast<unsigned char>(unit & 0xFF);
    *at++ = static_cast<unsigned char>((unit >> 8) & 0xFF);
  }
}

}  // namespace

extern "C" {

__declspec(dllexport) int WINAPI SDT_OpenPort(int port) {
  if (Mode() == "no_port" || port != 1001) return 0x01;
  ++g_open;
  return 0x90;
}

__declspec(dllexport) int WINAPI SDT_ClosePort(int) {
  --g_open;
  return 0x90;
}

__declspec(dllexport) int WINAPI SDT_StartFindIDCard(int, unsigned char* manaInfo, int) {
  if (g_open <= 0 || Mode() == "no_card") return 0x80;
  std::memset(manaInfo, 0, 4);
  return 0x9F;
}

__declspec(dllexport) int WINAPI SDT_SelectIDCard(int, unsigned char* serial, int) {
  if (g_open <= 0) return 0x81;
  std::memset(serial, 0, 8);
  return 0x90;
}

__declspec(dllexport) int WINAPI SDT_ReadBaseMsg(int, unsigned char* text, unsigned int* textLength,
                                                 unsigned char* photo, unsigned int* photoLength, int) {
  if (g_open <= 0) return 0x41;
  unsigned char* at = text;
  Put(at, L"\u5468\u5FB7\u660E", 15);  // 周德明
  Put(at, L"1", 1);
  Put(at, L"01", 2);
  Put(at, L"19560708", 8);
  Put(at, L"\u6D59\u6C5F\u7701\u4E09\u95E8\u53BF", 35);  // 浙江省三门县
  Put(at, L"331022195607080034", 18);
  Put(at, L"\u4E09\u95E8\u53BF\u516C\u5B89\u5C40", 15);  // 三门县公安局
  Put(at, L"20060101", 8);
  Put(at, L"\u957F\u671F", 8);  // 长期
  Put(at, L"", 18);
  *textLength = static_cast<unsigned int>(at - text);
  for (int i = 0; i < 1024; ++i) photo[i] = static_cast<unsigned char>(i % 251);
  *photoLength = 1024;
  return 0x90;
}

__declspec(dllexport) int FakeOpenPorts() { return g_open; }

}  // extern "C"
