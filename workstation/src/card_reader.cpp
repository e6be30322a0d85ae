#include "doudi/workstation/card_reader.h"

#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>

#include "doudi/model/text.h"
#ifdef _WIN32
#include "doudi/workstation/sdtapi_card_reader.h"
#endif
#include "utf8_path.h"

namespace doudi::workstation {
namespace {

class NoCardReader : public CardReader {
 public:
  CardReadResult Read() override {
    return CardReadFailure{CardReadFailure::Kind::NoReader, "no card reader is configured", std::nullopt};
  }
  std::string Describe() const override { return "none"; }
};

std::optional<std::vector<std::uint8_t>> ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

}  // namespace

std::string_view FailureCode(CardReadFailure::Kind kind) {
  switch (kind) {
    case CardReadFailure::Kind::NoReader: return "no_reader";
    case CardReadFailure::Kind::NoCard: return "no_card";
    case CardReadFailure::Kind::ReadError: return "read_error";
    case CardReadFailure::Kind::DecodeError: return "decode_error";
  }
  return "unknown";
}

std::unique_ptr<CardReader> MakeCardReader(std::string_view setting) {
  const std::string_view trimmed = model::TrimAsciiWhitespace(setting);
  if (trimmed.empty()) return std::make_unique<NoCardReader>();
  constexpr std::string_view kSimulated = "simulated:";
  if (trimmed.starts_with(kSimulated) && trimmed.size() > kSimulated.size()) {
    return std::make_unique<SimulatedCardReader>(std::string(trimmed.substr(kSimulated.size())));
  }
#ifdef _WIN32
  if (trimmed == "sdtapi" || trimmed.starts_with("sdtapi:")) {
    return MakeSdtapiCardReader(trimmed.substr(std::string_view("sdtapi").size()));
  }
#endif
  throw std::invalid_argument("unknown card reader setting \"" + std::string(trimmed) +
                              "\" (expected simulated:PATH, or sdtapi[:PORT[:DIR]] on Windows)");
}

CardReadResult SimulatedCardReader::Read() {
  const auto path = admin::PathFromUtf8(m_path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return CardReadFailure{CardReadFailure::Kind::NoCard, m_path, std::nullopt};
  static const std::map<std::string, IdCardField, std::less<>> kKeys{
      {"name", IdCardField::Name},           {"sex", IdCardField::Sex},
      {"ethnicity", IdCardField::Ethnicity}, {"birth", IdCardField::BirthDate},
      {"address", IdCardField::Address},     {"id_number", IdCardField::IdNumber},
      {"authority", IdCardField::Authority}, {"valid_from", IdCardField::ValidFrom},
      {"valid_until", IdCardField::ValidUntil}};
  std::map<IdCardField, std::string> fields;  // as the file writes them
  std::string photo;
  std::string line;
  int number = 0;
  auto lineFailure = [&](const std::string& what) {
    return CardReadFailure{CardReadFailure::Kind::ReadError, m_path + ":" + std::to_string(number) + ": " + what,
                           std::nullopt};
  };
  while (std::getline(in, line)) {
    ++number;
    const std::string_view text = model::TrimAsciiWhitespace(line);
    if (text.empty() || text.front() == '#') continue;
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) return lineFailure("expected key=value");
    const std::string_view key = model::TrimAsciiWhitespace(text.substr(0, equals));
    const std::string value(model::TrimAsciiWhitespace(text.substr(equals + 1)));
    if (key == "photo") {
      photo = value;
    } else if (const auto it = kKeys.find(key); it != kKeys.end()) {
      fields[it->second] = value;
    } else {
      return lineFailure("unknown key \"" + std::string(key) + "\"");
    }
  }

  // The fields as a reader would return them: the card's base message.
  IdCardTexts texts;
  for (const auto& [field, value] : fields) texts[static_cast<std::size_t>(field)] = value;
  std::array<std::uint8_t, kBaseMessageSize> message{};
  try {
    message = EncodeBaseMessage(texts);
  } catch (const std::invalid_argument& error) {
    return CardReadFailure{CardReadFailure::Kind::ReadError, m_path + ": " + error.what(), std::nullopt};
  }
  auto parsed = ParseBaseMessage(message);
  if (auto* failure = std::get_if<DecodeFailure>(&parsed)) {
    return CardReadFailure{CardReadFailure::Kind::DecodeError, m_path, *failure};
  }
  auto& read = std::get<IdCardData>(parsed);
  if (!photo.empty()) {
    auto bytes = ReadBytes(path.parent_path() / admin::PathFromUtf8(photo));
    if (!bytes) return CardReadFailure{CardReadFailure::Kind::DecodeError, m_path + ": photo " + photo, std::nullopt};
    read.photo = std::move(*bytes);
  }
  return read;
}

std::string SimulatedCardReader::Describe() const { return "simulated: " + m_path; }

}  // namespace doudi::workstation
