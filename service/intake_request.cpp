#include "intake_request.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include <array>
#include <chrono>
#include <istream>
#include <map>
#include <sstream>
#include <string_view>

#include "doudi/catalog/message_catalog.h"
#include "doudi/model/intake.h"
#include "doudi/model/resident_id.h"
#include "doudi/model/text.h"
#include "photo.h"

namespace doudi::intake {
namespace {

using catalog::Tr;

// The names a report may carry, and the sentence for each code.
constexpr std::array kFields{"request_id", "name",        "id_number", "phone",   "village", "address",
                             "category",   "description", "urgency",   "consent", "photos"};
// A code of one of the model's tables (model/intake.h).
bool Known(const std::vector<model::IntakeWord>& table, const std::string& code) {
  for (const auto& word : table) {
    if (word.code == code) return true;
  }
  return false;
}

std::string Sentence(const std::string& code) {
  static const std::map<std::string, const char*, std::less<>> kSentences{
      {"intake.required", "Please fill this in."},
      {"intake.too_long", "This is too long."},
      {"intake.text_invalid", "This holds characters that cannot be stored (control or invisible characters)."},
      {"intake.id_number_invalid", "This is not a valid resident ID number (18 characters, check character)."},
      {"intake.phone_invalid", "A phone number has 5 to 20 digits (spaces, + and - allowed)."},
      {"intake.village_unknown", "Choose a village from the list."},
      {"intake.category_unknown", "Choose the kind of difficulty from the list."},
      {"intake.urgency_unknown", "Choose how urgent it is from the list."},
      {"intake.consent_required", "The family's consent is required before a report is sent."},
      {"intake.photo_count", "At most 3 photos."},
      {"intake.photo_type", "A photo must be a JPEG or PNG picture."},
      {"intake.photo_undecodable", "This photo could not be read as a picture: take it again."},
      {"intake.too_large", "This is too large."},
      {"intake.unknown_field", "This field is not part of a report."},
      {"intake.request_id_invalid", "The report's request id must be a UUID."},
      {"intake.json_invalid", "The request is not valid JSON."},
      {"intake.multipart_invalid", "The form data could not be read."},
  };
  const auto it = kSentences.find(code);
  return it == kSentences.end() ? Tr("This field is not valid.") : Tr(it->second);
}

template <std::size_t N>
bool OneOf(const std::array<const char*, N>& list, const std::string& value) {
  for (const char* item : list) {
    if (value == item) return true;
  }
  return false;
}

bool IsUuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

bool IsPhone(const std::string& s) {
  if (s.size() < 5 || s.size() > 20) return false;
  for (const char c : s) {
    if (!(model::IsAsciiDigit(c) || c == '+' || c == '-' || c == ' ')) return false;
  }
  return true;
}

// The text fields as they arrived, before checking.
struct RawReport {
  std::map<std::string, std::string, std::less<>> text;
  bool consentGiven = false;
  bool consentSeen = false;
  std::vector<std::string> photos;  // the files' bytes
};

void CheckText(ParsedReport& out, const std::string& field, std::string& value, std::size_t max, model::TextKind kind,
               bool required) {
  value = std::string(model::TrimAsciiWhitespace(value));
  if (value.empty()) {
    if (required) out.errors.push_back(MakeError(field, "intake.required"));
    return;
  }
  if (const auto problem = model::CheckStorableText(value, max, kind)) {
    out.errors.push_back(
        MakeError(field, problem->fault == model::TextFault::TooLong ? "intake.too_long" : "intake.text_invalid"));
  }
}

ParsedReport Check(RawReport raw, const Limits& limits) {
  ParsedReport out;
  auto& s = out.submission;
  auto take = [&](const char* name) -> std::string {
    const auto it = raw.text.find(name);
    return it == raw.text.end() ? std::string() : it->second;
  };
  s.requestId = take("request_id");
  if (!IsUuid(s.requestId)) out.errors.push_back(MakeError("request_id", "intake.request_id_invalid"));
  s.name = take("name");
  CheckText(out, "name", s.name, 50, model::TextKind::Name, true);
  s.idNumber = std::string(model::TrimAsciiWhitespace(model::HalfWidthDigits(take("id_number"))));
  if (!s.idNumber.empty()) {
    if (s.idNumber.back() == 'x') s.idNumber.back() = 'X';
    const auto today = std::chrono::year_month_day{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + std::chrono::hours(8))};
    const auto parsed = model::ResidentId::Parse(s.idNumber, today);
    if (std::holds_alternative<model::ResidentIdError>(parsed)) {
      out.errors.push_back(MakeError("id_number", "intake.id_number_invalid"));
    } else {
      s.idNumber = std::get<model::ResidentId>(parsed).Text();
    }
  }
  s.phone = std::string(model::TrimAsciiWhitespace(model::HalfWidthDigits(take("phone"))));
  if (!s.phone.empty() && !IsPhone(s.phone)) out.errors.push_back(MakeError("phone", "intake.phone_invalid"));
  s.village = std::string(model::TrimAsciiWhitespace(take("village")));
  if (s.village.empty()) {
    out.errors.push_back(MakeError("village", "intake.required"));
  } else if (s.village.size() != 12 || !model::IsAsciiDigits(s.village)) {
    out.errors.push_back(MakeError("village", "intake.village_unknown"));
  }
  s.address = take("address");
  CheckText(out, "address", s.address, 200, model::TextKind::FreeText, false);
  s.category = take("category");
  if (s.category.empty()) {
    out.errors.push_back(MakeError("category", "intake.required"));
  } else if (!Known(model::IntakeCategories(), s.category)) {
    out.errors.push_back(MakeError("category", "intake.category_unknown"));
  }
  s.description = take("description");
  CheckText(out, "description", s.description, 2000, model::TextKind::FreeText, true);
  s.urgency = take("urgency");
  if (s.urgency.empty()) {
    out.errors.push_back(MakeError("urgency", "intake.required"));
  } else if (!Known(model::IntakeUrgencies(), s.urgency)) {
    out.errors.push_back(MakeError("urgency", "intake.urgency_unknown"));
  }
  s.consent = raw.consentGiven;
  if (!s.consent) out.errors.push_back(MakeError("consent", "intake.consent_required"));
  if (raw.photos.size() > limits.photos) {
    out.errors.push_back(MakeError("photo", "intake.photo_count"));
  } else {
    for (const auto& bytes : raw.photos) {
      if (bytes.size() > limits.photoBytes) {
        out.errors.push_back(MakeError("photo", "intake.too_large"));
        out.status = 413;
        continue;
      }
      const bool jpeg = bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0;
      const bool png = bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0;
      if (!jpeg && !png) {
        out.errors.push_back(MakeError("photo", "intake.photo_type"));
        continue;
      }
      auto photo = ReencodePhoto(bytes, limits.photoPixels, limits.photoLongEdge);
      if (!photo) {
        out.errors.push_back(MakeError("photo", "intake.photo_undecodable"));
        continue;
      }
      s.photos.push_back({photo->mediaType, std::move(photo->content), photo->width, photo->height});
    }
  }
  return out;
}

bool Truthy(const std::string& v) {
  return v == "1" || v == "on" || v == "true" || v == "yes";
}

// Standard base64 (the JSON API's photos); nullopt on anything else.
std::optional<std::string> Base64Decode(const std::string& text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  unsigned buffer = 0;
  int bits = 0, padding = 0;
  for (const char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z')
      value = c - 'A';
    else if (c >= 'a' && c <= 'z')
      value = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      value = c - '0' + 52;
    else if (c == '+')
      value = 62;
    else if (c == '/')
      value = 63;
    else if (c == '=') {
      ++padding;
      continue;
    } else
      return std::nullopt;
    if (padding > 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFFu));
    }
  }
  if (padding > 2) return std::nullopt;
  return out;
}

ParsedReport Refused(const std::string& field, const std::string& code, int status = 400) {
  ParsedReport out;
  out.errors.push_back(MakeError(field, code));
  out.status = status;
  return out;
}

}  // namespace

FieldError MakeError(const std::string& field, const std::string& code) {
  return {field, code, Sentence(code)};
}

ParsedReport ParseJsonReport(const std::string& body, const Limits& limits) {
  if (body.size() > limits.requestBytes) return Refused("", "intake.too_large", 413);
  Poco::JSON::Object::Ptr object;
  try {
    Poco::JSON::Parser parser;
    object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
  } catch (...) {
    return Refused("", "intake.json_invalid");
  }
  if (object.isNull()) return Refused("", "intake.json_invalid");
  RawReport raw;
  std::vector<FieldError> shape;
  for (const auto& [name, value] : *object) {
    if (!OneOf(kFields, name)) {
      shape.push_back(MakeError(name, "intake.unknown_field"));
      continue;
    }
    try {
      if (name == "consent") {
        raw.consentSeen = true;
        raw.consentGiven = value.isBoolean() && value.extract<bool>();
      } else if (name == "photos") {
        if (value.isEmpty()) continue;
        const auto photos = value.extract<Poco::JSON::Array::Ptr>();
        if (photos->size() > limits.photos) {
          shape.push_back(MakeError("photo", "intake.photo_count"));
          continue;
        }
        for (std::size_t i = 0; i < photos->size(); ++i) {
          const auto photo = photos->getObject(static_cast<unsigned>(i));
          const auto data = photo.isNull() ? std::nullopt : Base64Decode(photo->optValue<std::string>("data", ""));
          if (!data) {
            shape.push_back(MakeError("photo", "intake.photo_undecodable"));
          } else {
            raw.photos.push_back(*data);
          }
        }
      } else if (value.isString()) {
        raw.text[name] = value.extract<std::string>();
      } else if (!value.isEmpty()) {
        shape.push_back(MakeError(name, "intake.text_invalid"));
      }
    } catch (...) {
      shape.push_back(MakeError(name == "photos" ? "photo" : name, "intake.json_invalid"));
    }
  }
  ParsedReport out = Check(std::move(raw), limits);
  out.errors.insert(out.errors.begin(), shape.begin(), shape.end());
  return out;
}

ParsedReport ParseMultipartReport(const std::string& contentType, const std::string& body, const Limits& limits) {
  if (body.size() > limits.requestBytes) return Refused("", "intake.too_large", 413);
  std::string boundary;
  try {
    std::string mediaType;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(contentType, mediaType, parameters);
    boundary = parameters.get("boundary", "");
  } catch (...) {
  }
  if (boundary.empty() || boundary.size() > 200) return Refused("", "intake.multipart_invalid");
  RawReport raw;
  std::vector<FieldError> shape;
  try {
    std::istringstream in(body);
    Poco::Net::MultipartReader reader(in, boundary);
    int parts = 0;
    while (reader.hasNextPart()) {
      if (++parts > 32) return Refused("", "intake.multipart_invalid");
      Poco::Net::MessageHeader header;
      reader.nextPart(header);
      std::string disposition;
      Poco::Net::NameValueCollection parameters;
      Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, parameters);
      const std::string name = parameters.get("name", "");
      std::string value;
      Poco::StreamCopier::copyToString(reader.stream(), value);
      if (name == "photo") {
        raw.photos.push_back(std::move(value));
      } else if (name == "consent") {
        raw.consentSeen = true;
        raw.consentGiven = Truthy(value);
      } else if (OneOf(kFields, name) && name != "photos") {
        raw.text[name] = std::move(value);
      } else {
        shape.push_back(MakeError(name, "intake.unknown_field"));
      }
    }
  } catch (...) {
    return Refused("", "intake.multipart_invalid");
  }
  ParsedReport out = Check(std::move(raw), limits);
  out.errors.insert(out.errors.begin(), shape.begin(), shape.end());
  return out;
}

}  // namespace doudi::intake
