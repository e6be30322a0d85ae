#include "doudi/model/text.h"

#include <cstdint>

namespace doudi::model {

bool IsAsciiDigits(std::string_view text) noexcept {
  if (text.empty()) {
    return false;
  }
  for (const char c : text) {
    if (!IsAsciiDigit(c)) {
      return false;
    }
  }
  return true;
}

std::string_view TrimAsciiWhitespace(std::string_view text) noexcept {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && IsAsciiWhitespace(text[begin])) {
    ++begin;
  }
  while (end > begin && IsAsciiWhitespace(text[end - 1])) {
    --end;
  }
  return text.substr(begin, end - begin);
}

void AppendUtf8(std::string& out, char32_t c) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::optional<DecodedCodePoint> DecodeUtf8At(std::string_view text, std::size_t at) noexcept {
  if (at >= text.size()) return std::nullopt;
  const auto lead = static_cast<std::uint8_t>(text[at]);
  std::size_t length = 0;
  std::uint32_t codePoint = 0;
  std::uint32_t minimum = 0;
  if (lead < 0x80U) {
    return DecodedCodePoint{lead, 1};
  } else if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    codePoint = lead & 0x1FU;
    minimum = 0x80U;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    codePoint = lead & 0x0FU;
    minimum = 0x800U;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    codePoint = lead & 0x07U;
    minimum = 0x10000U;
  } else {
    return std::nullopt;  // a continuation byte or 0xF8..0xFF cannot start a character
  }
  if (text.size() - at < length) return std::nullopt;
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<std::uint8_t>(text[at + k]);
    if ((next & 0xC0U) != 0x80U) return std::nullopt;
    codePoint = (codePoint << 6U) | (next & 0x3FU);
  }
  if (codePoint < minimum || codePoint > 0x10FFFFU || (codePoint >= 0xD800U && codePoint <= 0xDFFFU)) {
    return std::nullopt;
  }
  return DecodedCodePoint{codePoint, length};
}

std::optional<std::size_t> CountUtf8CodePoints(std::string_view text) noexcept {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const auto decoded = DecodeUtf8At(text, i);
    if (!decoded) return std::nullopt;
    i += decoded->length;
  }
  return count;
}

// C0 and C1 controls, DEL, and the line and paragraph separators.
bool IsControlCharacter(char32_t c) noexcept {
  return c < 0x20U || (c >= 0x7FU && c <= 0x9FU) || c == 0x2028U || c == 0x2029U;
}

// Characters that show nothing or change how the text around them shows:
// soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
// space/joiners and direction marks, direction embeddings and overrides,
// word joiner and invisible operators, direction isolates, deprecated
// format characters, the byte-order mark (zero-width no-break space),
// interlinear annotation, and the noncharacters U+FFFE/U+FFFF.
bool IsInvisibleCharacter(char32_t c) noexcept {
  return c == 0xADU || c == 0x61CU || c == 0x180EU || (c >= 0x200BU && c <= 0x200FU) ||
         (c >= 0x202AU && c <= 0x202EU) || (c >= 0x2060U && c <= 0x206FU) || c == 0xFEFFU ||
         (c >= 0xFFF9U && c <= 0xFFFBU) || c == 0xFFFEU || c == 0xFFFFU;
}

bool IsUnicodeSpace(char32_t c) noexcept {
  return c == 0x20U || (c >= 0x09U && c <= 0x0DU) || c == 0x85U || c == 0xA0U || c == 0x1680U ||
         (c >= 0x2000U && c <= 0x200AU) || c == 0x2028U || c == 0x2029U || c == 0x202FU || c == 0x205FU || c == 0x3000U;
}

std::optional<TextProblem> CheckStorableText(std::string_view text, std::size_t maxCodePoints, TextKind kind) noexcept {
  std::size_t count = 0;
  bool onlySpaces = true;
  char32_t otherSpace = 0;  // the first space that is not U+0020
  for (std::size_t i = 0; i < text.size(); ++count) {
    const auto decoded = DecodeUtf8At(text, i);
    if (!decoded) return TextProblem{TextFault::InvalidEncoding};
    const char32_t c = decoded->codePoint;
    if (IsControlCharacter(c) && !(c == U'\t' && kind == TextKind::FreeText)) {
      return TextProblem{TextFault::ControlCharacter, c};
    }
    if (IsInvisibleCharacter(c)) return TextProblem{TextFault::InvisibleCharacter, c};
    const bool space = IsUnicodeSpace(c);
    if (space && c != 0x20U && c != U'\t' && otherSpace == 0) otherSpace = c;
    onlySpaces = onlySpaces && space;
    i += decoded->length;
  }
  if (count > maxCodePoints) return TextProblem{TextFault::TooLong};
  if (!text.empty() && onlySpaces) return TextProblem{TextFault::Blank};
  if (kind == TextKind::Name && otherSpace != 0) return TextProblem{TextFault::NonAsciiSpace, otherSpace};
  return std::nullopt;
}

std::string CodePointLabel(char32_t c) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string digits;
  for (auto v = static_cast<std::uint32_t>(c); v != 0 || digits.size() < 4; v >>= 4U) {
    digits.insert(digits.begin(), kHex[v & 0xFU]);
  }
  return "U+" + digits;
}

std::string SanitizedText(std::string_view text, std::size_t maxCodePoints) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size() && count < maxCodePoints; ++count) {
    const auto decoded = DecodeUtf8At(text, i);
    if (!decoded) {
      out += kReplacement;
      ++i;
    } else {
      const char32_t c = decoded->codePoint;
      if (IsControlCharacter(c) || IsInvisibleCharacter(c)) {
        out += kReplacement;
      } else {
        out += text.substr(i, decoded->length);
      }
      i += decoded->length;
    }
  }
  return out;
}

namespace {
constexpr bool IsFullWidthDigit(char32_t c) noexcept {
  return c >= 0xFF10U && c <= 0xFF19U;
}
}  // namespace

bool ContainsFullWidthDigit(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const auto decoded = DecodeUtf8At(text, i);
    if (decoded && IsFullWidthDigit(decoded->codePoint)) return true;
    i += decoded ? decoded->length : 1;
  }
  return false;
}

std::string HalfWidthDigits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto decoded = DecodeUtf8At(text, i);
    if (decoded && IsFullWidthDigit(decoded->codePoint)) {
      out += static_cast<char>('0' + (decoded->codePoint - 0xFF10U));
      i += decoded->length - 1;
    } else if (decoded && (decoded->codePoint == 0xFF38U || decoded->codePoint == 0xFF58U)) {
      out += decoded->codePoint == 0xFF38U ? 'X' : 'x';
      i += decoded->length - 1;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) {
    return false;
  }
  const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  std::size_t start = 0;
  for (;;) {
    const auto end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool ListsCode(std::string_view list, char separator, std::string_view code) noexcept {
  if (code.empty()) return false;
  std::string_view rest = list;
  while (!rest.empty()) {
    const std::size_t end = rest.find(separator);
    if (rest.substr(0, end) == code) return true;
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  return false;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += separator;
    joined += parts[i];
  }
  return joined;
}

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(static_cast<unsigned char>(c) >> 4U) & 0xFU];
      out += kHex[static_cast<unsigned char>(c) & 0xFU];
    } else {
      out += c;
    }
  }
  return out + '"';
}

}  // namespace doudi::model
