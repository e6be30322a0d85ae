#include "doudi/model/attachment.h"

#include <algorithm>
#include <array>

#include "doudi/model/text.h"

namespace doudi::model {

static_assert(TableIsComplete(AttachmentKind::Other));
static_assert(TableIsComplete(AttachmentOwner::Visit));
static_assert(TableIsComplete(AttachmentType::Png));

namespace {

constexpr std::size_t kFileNameLimit = 255;

bool StartsWith(std::span<const unsigned char> content, std::span<const unsigned char> magic) {
  return content.size() >= magic.size() && std::equal(magic.begin(), magic.end(), content.begin());
}

}  // namespace

std::optional<AttachmentType> SniffAttachmentType(std::span<const unsigned char> content) {
  static constexpr std::array<unsigned char, 5> kPdf{'%', 'P', 'D', 'F', '-'};
  static constexpr std::array<unsigned char, 3> kJpeg{0xFF, 0xD8, 0xFF};
  static constexpr std::array<unsigned char, 8> kPng{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  if (StartsWith(content, kPdf)) return AttachmentType::Pdf;
  if (StartsWith(content, kJpeg)) return AttachmentType::Jpeg;
  if (StartsWith(content, kPng)) return AttachmentType::Png;
  return std::nullopt;
}

std::string_view AttachmentBaseName(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // Cut at the first control character, then to the limit at a character
  // boundary (a UTF-8 continuation byte never starts a character).
  const auto control = std::find_if(name.begin(), name.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
  name = name.substr(0, static_cast<std::size_t>(control - name.begin()));
  if (name.size() > kFileNameLimit) {
    std::size_t end = kFileNameLimit;
    while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0U) == 0x80U) --end;
    name = name.substr(0, end);
  }
  if (!CountUtf8CodePoints(name)) return {};
  return name;
}

}  // namespace doudi::model
