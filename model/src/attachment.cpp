#include "doudi/model/attachment.h"

#include <algorithm>

#include "doudi/model/text.h"

namespace doudi::model {

static_assert(TableIsWellFormed<AttachmentKind>());
static_assert(TableIsWellFormed<AttachmentOwner>());
static_assert(TableIsWellFormed<AttachmentType>());

namespace {

constexpr std::size_t kMaxNameBytes = 255;

bool StartsWith(std::span<const unsigned char> content, std::initializer_list<unsigned char> signature) {
  return content.size() >= signature.size() && std::equal(signature.begin(), signature.end(), content.begin());
}

}  // namespace

std::optional<AttachmentType> SniffAttachmentType(std::span<const unsigned char> content) {
  if (StartsWith(content, {'%', 'P', 'D', 'F', '-'})) return AttachmentType::Pdf;
  if (StartsWith(content, {0xFF, 0xD8, 0xFF})) return AttachmentType::Jpeg;
  if (StartsWith(content, {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) return AttachmentType::Png;
  return std::nullopt;
}

std::string AttachmentBaseName(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // Keep each character the database stores as text; drop the rest.
  std::string kept;
  for (std::size_t at = 0; at < last.size();) {
    const auto decoded = DecodeUtf8At(last, at);
    if (!decoded) {
      ++at;
      continue;
    }
    if (!IsControlCharacter(decoded->codePoint) && !IsInvisibleCharacter(decoded->codePoint)) {
      kept.append(last.substr(at, decoded->length));
    }
    at += decoded->length;
  }
  // Without surrounding spaces (any Unicode space), then cut at a character
  // boundary within the limit.
  std::size_t begin = 0;
  while (begin < kept.size()) {
    const auto decoded = DecodeUtf8At(kept, begin);
    if (!IsUnicodeSpace(decoded->codePoint)) break;
    begin += decoded->length;
  }
  std::size_t end = begin;
  std::size_t endOfText = begin;
  while (end < kept.size()) {
    const auto decoded = DecodeUtf8At(kept, end);
    if (end + decoded->length - begin > kMaxNameBytes) break;
    end += decoded->length;
    if (!IsUnicodeSpace(decoded->codePoint)) endOfText = end;
  }
  return kept.substr(begin, endOfText - begin);
}

}  // namespace doudi::model
