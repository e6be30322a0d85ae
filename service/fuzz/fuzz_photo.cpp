// libFuzzer target: a photo's bytes through ReencodePhoto (libjpeg-turbo,
// libpng) with the server's limits. What comes out must be a picture of
// the same kind that decodes again to the same size.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "intake_request.h"
#include "photo.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using doudi::intake::fuzz::Expect;
  const doudi::intake::Limits limits;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto photo = doudi::intake::ReencodePhoto(bytes, limits.photoPixels, limits.photoLongEdge);
  if (!photo) return 0;
  Expect(photo->width > 0 && photo->height > 0 && !photo->content.empty(), "a re-encoded photo has pixels");
  const bool jpeg = bytes.compare(0, 3, "\xFF\xD8\xFF") == 0;
  Expect(photo->mediaType == (jpeg ? "image/jpeg" : "image/png"), "a photo keeps its kind");
  const std::string again(photo->content.begin(), photo->content.end());
  const auto twice = doudi::intake::ReencodePhoto(again, limits.photoPixels, limits.photoLongEdge);
  Expect(twice.has_value(), "a re-encoded photo decodes again");
  Expect(twice->mediaType == photo->mediaType, "a re-encoded photo keeps its kind");
  // Sizes: the second pass may shrink again only when the first left the
  // long edge above the limit (the scale stops at 1/8).
  const int longer = photo->width > photo->height ? photo->width : photo->height;
  if (longer <= limits.photoLongEdge) {
    Expect(twice->width == photo->width && twice->height == photo->height, "a re-encoded photo keeps its size");
  }
  return 0;
}
