#pragma once
// A reporter's photo, decoded and encoded again (libjpeg-turbo, libpng) so
// that nothing of the original file but its pixels is kept: no EXIF, no GPS,
// no comment, no trailing bytes. A file that does not decode as a JPEG or a
// PNG is refused; a large one is scaled down by 1/2, 1/4 or 1/8 towards
// the limit on its longer edge (a panorama may stay above it), and one whose
// edge stays above 10,000 px is refused.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace doudi::intake {

struct Photo {
  std::string mediaType;  // image/jpeg, image/png
  std::vector<unsigned char> content;
  int width = 0;
  int height = 0;
};

// nullopt when the bytes are not a JPEG or PNG that decodes completely, or
// decode to more than maxPixels.
std::optional<Photo> ReencodePhoto(const std::string& bytes, std::size_t maxPixels, int longEdge);

}  // namespace doudi::intake
