#include "doudi/catalog/message_catalog.h"

#include <array>
#include <fstream>
#include <iterator>
#include <utility>

namespace doudi::catalog {
namespace {

constexpr std::uint32_t kMagic = 0x950412deU;
constexpr std::uint32_t kMagicSwapped = 0xde120495U;
constexpr std::size_t kHeaderSize = 28;  // magic, revision, count, two table offsets, hash size and offset
constexpr char kContextSeparator = '\x04';

// The .mo header, its offsets read in the file's byte order.
class MoReader {
 public:
  MoReader(std::string_view bytes, bool swapped) : m_bytes(bytes), m_swapped(swapped) {}

  std::optional<std::uint32_t> Word(std::size_t offset) const {
    if (offset > m_bytes.size() || m_bytes.size() - offset < 4) return std::nullopt;
    std::array<std::uint32_t, 4> b{};
    for (std::size_t i = 0; i < 4; ++i) b[i] = static_cast<unsigned char>(m_bytes[offset + i]);
    return m_swapped ? (b[0] << 24U) | (b[1] << 16U) | (b[2] << 8U) | b[3]
                     : (b[3] << 24U) | (b[2] << 16U) | (b[1] << 8U) | b[0];
  }

  // The string described by the (length, offset) pair at descriptor.
  std::optional<std::string_view> String(std::size_t descriptor) const {
    const auto length = Word(descriptor);
    const auto offset = Word(descriptor + 4);
    if (!length || !offset || *offset > m_bytes.size() || m_bytes.size() - *offset < *length) return std::nullopt;
    return m_bytes.substr(*offset, *length);
  }

 private:
  std::string_view m_bytes;
  bool m_swapped;
};

std::shared_ptr<const MessageCatalog>& CatalogInUse() {
  static std::shared_ptr<const MessageCatalog> catalog;
  return catalog;
}

template <typename Args>
std::string FormatWith(std::string_view pattern, const Args& args) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9' &&
        pattern[i + 2] == '}') {
      const auto index = static_cast<std::size_t>(pattern[i + 1] - '1');
      if (index < std::size(args)) {
        out += std::data(args)[index];
        i += 2;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace

std::optional<MessageCatalog> MessageCatalog::Parse(std::string bytes) {
  if (bytes.size() < kHeaderSize) return std::nullopt;
  MessageCatalog catalog;
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  const std::string_view view(*owned);
  const std::uint32_t magic = MoReader(view, false).Word(0).value_or(0);
  if (magic != kMagic && magic != kMagicSwapped) return std::nullopt;
  const MoReader mo(view, magic == kMagicSwapped);
  const auto revision = mo.Word(4);
  const auto count = mo.Word(8);
  const auto originals = mo.Word(12);
  const auto translations = mo.Word(16);
  // Major revision 0 (and 1, which only adds system-dependent strings).
  if (!revision || (*revision >> 16U) > 1 || !count || !originals || !translations) return std::nullopt;
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto original = mo.String(std::size_t{*originals} + std::size_t{i} * 8);
    const auto translation = mo.String(std::size_t{*translations} + std::size_t{i} * 8);
    if (!original || !translation) return std::nullopt;
    if (original->empty()) continue;  // the header entry
    // Plural entries hold "singular\0plural" and "form0\0form1..."; the
    // singular finds the first form.
    const std::string_view key = original->substr(0, original->find('\0'));
    const std::string_view text = translation->substr(0, translation->find('\0'));
    if (!text.empty()) catalog.m_entries.emplace(key, text);
  }
  catalog.m_bytes = std::move(owned);
  return catalog;
}

std::optional<MessageCatalog> MessageCatalog::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return Parse(std::move(bytes));
}

std::optional<std::string_view> MessageCatalog::Find(std::string_view msgid, std::string_view context) const {
  if (context.empty()) {
    const auto it = m_entries.find(msgid);
    if (it == m_entries.end()) return std::nullopt;
    return it->second;
  }
  std::string key;
  key.reserve(context.size() + 1 + msgid.size());
  key.append(context).append(1, kContextSeparator).append(msgid);
  const auto it = m_entries.find(key);
  if (it == m_entries.end()) return std::nullopt;
  return it->second;
}

std::optional<std::filesystem::path> ProgramCatalogPath(std::string_view language, std::string_view domain) {
  const auto directory = ProgramDirectory();
  if (!directory) return std::nullopt;
  return *directory / "locale" / std::filesystem::path(std::u8string(language.begin(), language.end())) /
         "LC_MESSAGES" / std::filesystem::path(std::u8string(domain.begin(), domain.end()) + u8".mo");
}

void UseCatalog(std::shared_ptr<const MessageCatalog> catalog) { CatalogInUse() = std::move(catalog); }

std::string Tr(std::string_view msgid) { return Tr(msgid, {}); }

std::string Tr(std::string_view msgid, std::string_view context) {
  if (const auto& catalog = CatalogInUse()) {
    if (const auto text = catalog->Find(msgid, context)) return std::string(*text);
  }
  return std::string(msgid);
}

std::string Format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  return FormatWith(pattern, args);
}

std::string Format(std::string_view pattern, const std::vector<std::string>& args) {
  return FormatWith(pattern, args);
}

std::string TrFormat(std::string_view msgid, std::initializer_list<std::string_view> args) {
  return Format(Tr(msgid), args);
}

}  // namespace doudi::catalog
