// Reading a server refusal: the code in MESSAGE, the arguments in DETAIL
// (errors.h). DETAIL is what json_build_object(...)::text writes, read by
// the data layer's one JSON reader (json_object.h).
#include <cctype>
#include <cstdint>
#include <optional>

#include "doudi/dal/errors.h"
#include "doudi/dal/json_object.h"

namespace doudi::dal {
namespace {

constexpr std::string_view kPrefix = "doudi:";

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A recursive-descent reader over one JSON text; every Read* returns nullopt
// on malformed input and leaves the position undefined.
class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : m_text(text) {}

  std::optional<JsonMembers> ReadObject() {
    JsonMembers out;
    if (!Expect('{')) return std::nullopt;
    if (Peek() == '}') {
      ++m_pos;
      return out;
    }
    for (;;) {
      SkipSpace();
      auto name = ReadString();
      if (!name || !Expect(':')) return std::nullopt;
      auto value = ReadValue();
      if (!value) return std::nullopt;
      out.insert_or_assign(std::move(*name), std::move(*value));
      const char c = Peek();
      ++m_pos;
      if (c == '}') return out;
      if (c != ',') return std::nullopt;
    }
  }

  bool AtEnd() {
    SkipSpace();
    return m_pos == m_text.size();
  }

 private:
  void SkipSpace() {
    while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])) != 0) ++m_pos;
  }

  char Peek() {
    SkipSpace();
    return m_pos < m_text.size() ? m_text[m_pos] : '\0';
  }

  bool Expect(char c) {
    if (Peek() != c) return false;
    ++m_pos;
    return true;
  }

  std::optional<std::uint32_t> ReadHex4() {
    if (m_text.size() - m_pos < 4) return std::nullopt;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = m_text[m_pos++];
      v <<= 4U;
      if (c >= '0' && c <= '9') {
        v |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
    }
    return v;
  }

  std::optional<std::string> ReadString() {
    if (m_pos >= m_text.size() || m_text[m_pos] != '"') return std::nullopt;
    ++m_pos;
    std::string out;
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (m_pos >= m_text.size()) return std::nullopt;
      const char e = m_text[m_pos++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          auto cp = ReadHex4();
          if (!cp) return std::nullopt;
          if (*cp >= 0xD800 && *cp <= 0xDBFF) {
            // A character beyond the BMP comes as a surrogate pair.
            if (m_text.substr(m_pos, 2) != "\\u") return std::nullopt;
            m_pos += 2;
            const auto low = ReadHex4();
            if (!low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
            cp = 0x10000 + ((*cp - 0xD800) << 10U) + (*low - 0xDC00);
          } else if (*cp >= 0xDC00 && *cp <= 0xDFFF) {
            return std::nullopt;
          }
          AppendUtf8(out, *cp);
          break;
        }
        default:
          return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // A value as its member's text (JsonMembers).
  std::optional<std::string> ReadValue() {
    const char c = Peek();
    if (c == '"') return ReadString();
    if (c == '[') {
      ++m_pos;
      std::string out;
      if (Peek() == ']') {
        ++m_pos;
        return out;
      }
      for (;;) {
        auto element = ReadValue();
        if (!element) return std::nullopt;
        if (!out.empty()) out += ", ";
        out += *element;
        const char next = Peek();
        ++m_pos;
        if (next == ']') return out;
        if (next != ',') return std::nullopt;
      }
    }
    if (c == '{') {
      // Not something a refusal sends: kept as its JSON text.
      const std::size_t start = m_pos;
      if (!ReadObject()) return std::nullopt;
      return std::string(m_text.substr(start, m_pos - start));
    }
    for (const std::string_view word : {"true", "false", "null"}) {
      if (m_text.substr(m_pos, word.size()) == word) {
        m_pos += word.size();
        return word == "null" ? std::string() : std::string(word);
      }
    }
    const std::size_t start = m_pos;
    while (m_pos < m_text.size() && (std::isdigit(static_cast<unsigned char>(m_text[m_pos])) != 0 ||
                                     std::string_view("+-.eE").find(m_text[m_pos]) != std::string_view::npos)) {
      ++m_pos;
    }
    if (m_pos == start) return std::nullopt;
    return std::string(m_text.substr(start, m_pos - start));
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
};

}  // namespace

std::optional<JsonMembers> ReadJsonObject(std::string_view text) {
  JsonReader reader(text);
  auto members = reader.ReadObject();
  if (!members || !reader.AtEnd()) return std::nullopt;
  return members;
}

Refusal ParseRefusal(std::string_view message, std::string_view detail) {
  Refusal refusal;
  if (message.substr(0, kPrefix.size()) != kPrefix) return refusal;
  std::size_t end = kPrefix.size();
  while (end < message.size() && IsKeyChar(message[end])) ++end;
  const std::string_view code = message.substr(kPrefix.size(), end - kPrefix.size());
  // A key is what a stable code looks like: "area.reason", no leading or
  // trailing dot; the rest of the message is nothing or ": prose".
  const std::string_view rest = message.substr(end);
  if (code.empty() || code.find('.') == std::string_view::npos || code.front() == '.' || code.back() == '.' ||
      !(rest.empty() || rest.front() == ':')) {
    return refusal;
  }
  refusal.code = code;
  if (!rest.empty()) {
    std::string_view prose = rest.substr(1);
    while (!prose.empty() && prose.front() == ' ') prose.remove_prefix(1);
    refusal.prose = prose;
  }
  if (auto arguments = ReadJsonObject(detail)) refusal.arguments = std::move(*arguments);
  return refusal;
}

}  // namespace doudi::dal
