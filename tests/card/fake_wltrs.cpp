// A fake WltRS.dll for the adapter's test under Wine: GetBmp(NAME.wlt, 1 or
// 2) reads the 1024 bytes of the card's photo and writes NAME.bmp beside it,
// a 2 x 2 bitmap whose first pixel is the photo's first three bytes (so the
// test sees that the card's photo went through the decoder).
#include <windows.h>

#include <cstdio>
#include <cstring>
#include <string>

extern "C" __declspec(dllexport) int WINAPI GetBmp(char* wltFile, int interfaceKind) {
  if (interfaceKind != 1 && interfaceKind != 2) return -1;
  std::string name(wltFile);
  if (name.size() < 4 || name.substr(name.size() - 4) != ".wlt") return -2;
  unsigned char wlt[1024];
  std::FILE* in = std::fopen(name.c_str(), "rb");
  if (in == nullptr) return -3;
  const std::size_t read = std::fread(wlt, 1, sizeof wlt, in);
  std::fclose(in);
  if (read != sizeof wlt) return -4;
  unsigned char bmp[54 + 16] = {'B', 'M', 54 + 16, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0,
                                40, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, 0, 24, 0};
  std::memcpy(bmp + 54, wlt, 3);
  name.replace(name.size() - 4, 4, ".bmp");
  std::FILE* out = std::fopen(name.c_str(), "wb");
  if (out == nullptr) return -5;
  std::fwrite(bmp, 1, sizeof bmp, out);
  std::fclose(out);
  return 1;
}
