#include "doudi/workstation/id_card.h"

#include <algorithm>
#include <stdexcept>

#include "doudi/model/attachment.h"
#include "doudi/model/code_tables.h"
#include "doudi/model/household.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/text.h"

namespace doudi::workstation {
namespace {

using std::chrono::year_month_day;

struct FieldLayout {
  IdCardField field;
  std::string_view code;
  std::size_t width;  // UCS-2 characters
};
constexpr std::array<FieldLayout, kIdCardFieldCount> kLayout{{
    {IdCardField::Name, "name", 15},
    {IdCardField::Sex, "sex", 1},
    {IdCardField::Ethnicity, "ethnicity", 2},
    {IdCardField::BirthDate, "birth_date", 8},
    {IdCardField::Address, "address", 35},
    {IdCardField::IdNumber, "id_number", 18},
    {IdCardField::Authority, "authority", 15},
    {IdCardField::ValidFrom, "valid_from", 8},
    {IdCardField::ValidUntil, "valid_until", 8},
}};
static_assert([] {
  std::size_t total = 0;
  for (const auto& f : kLayout) total += f.width;
  return total * 2 <= kBaseMessageSize;
}());

constexpr std::string_view kNoEnd = "长期";

const FieldLayout& Layout(IdCardField field) {
  return kLayout[static_cast<std::size_t>(field)];
}

std::size_t Offset(IdCardField field) {
  std::size_t offset = 0;
  for (const auto& f : kLayout) {
    if (f.field == field) return offset;
    offset += f.width * 2;
  }
  return offset;
}

using model::AppendUtf8;

// The field's text without its padding (spaces, and the NULs some readers
// leave), or nullopt when it holds a surrogate or a control character.
std::optional<std::string> FieldText(std::span<const std::uint8_t> message, IdCardField field) {
  const std::size_t offset = Offset(field);
  std::string text;
  bool bad = false;
  for (std::size_t i = 0; i < Layout(field).width; ++i) {
    const auto unit = static_cast<char16_t>(message[offset + 2 * i] | (message[offset + 2 * i + 1] << 8));
    if (unit >= 0xD800 && unit <= 0xDFFF)
      bad = true;
    else if (unit != 0 && model::IsControlCharacter(unit))
      bad = true;
    else
      AppendUtf8(text, unit == 0 ? U' ' : unit);
  }
  if (bad) return std::nullopt;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::optional<year_month_day> ParseCompactDate(std::string_view text) {
  if (text.size() != 8 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t n) {
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const year_month_day date{std::chrono::year{number(0, 4)}, std::chrono::month{static_cast<unsigned>(number(4, 2))},
                            std::chrono::day{static_cast<unsigned>(number(6, 2))}};
  if (!date.ok() || date.year() < std::chrono::year{1900}) return std::nullopt;
  return date;
}

// "19860315": the ISO date without its dashes.
std::string CompactDate(year_month_day date) {
  std::string text = model::IsoDate(date);
  std::erase(text, '-');
  return text;
}

using model::codes::ByCode;

void PutField(std::array<std::uint8_t, kBaseMessageSize>& message, IdCardField field, std::string_view utf8) {
  const auto& layout = Layout(field);
  std::size_t at = 0;
  std::size_t written = 0;
  const std::size_t offset = Offset(field);
  while (at < utf8.size()) {
    const auto decoded = model::DecodeUtf8At(utf8, at);
    if (!decoded || decoded->codePoint > 0xFFFF) {
      throw std::invalid_argument("card field " + std::string(layout.code) + " is not UCS-2 text");
    }
    if (written == layout.width) {
      throw std::invalid_argument("card field " + std::string(layout.code) + " is longer than " +
                                  std::to_string(layout.width) + " characters");
    }
    message[offset + 2 * written] = static_cast<std::uint8_t>(decoded->codePoint & 0xFF);
    message[offset + 2 * written + 1] = static_cast<std::uint8_t>(decoded->codePoint >> 8);
    ++written;
    at += decoded->length;
  }
}

}  // namespace

std::string_view FieldCode(IdCardField field) {
  return Layout(field).code;
}

std::string_view ReasonCode(DecodeFailure::Reason reason) {
  switch (reason) {
    case DecodeFailure::Reason::WrongSize:
      return "wrong_size";
    case DecodeFailure::Reason::BadText:
      return "bad_text";
    case DecodeFailure::Reason::Missing:
      return "missing";
    case DecodeFailure::Reason::BadDate:
      return "bad_date";
    case DecodeFailure::Reason::UnknownCode:
      return "unknown_code";
  }
  return "unknown";
}

std::variant<IdCardData, DecodeFailure> ParseBaseMessage(std::span<const std::uint8_t> message) {
  if (message.size() != kBaseMessageSize) {
    return DecodeFailure{DecodeFailure::Reason::WrongSize, std::nullopt, std::to_string(message.size())};
  }
  std::array<std::string, kLayout.size()> text;
  for (const auto& layout : kLayout) {
    auto field = FieldText(message, layout.field);
    if (!field) return DecodeFailure{DecodeFailure::Reason::BadText, layout.field, {}};
    // A card's name, codes, number and dates are never blank; the address
    // and the authority are checked by the person reading them.
    const bool optional = layout.field == IdCardField::Address || layout.field == IdCardField::Authority;
    if (field->empty() && !optional) return DecodeFailure{DecodeFailure::Reason::Missing, layout.field, {}};
    text[static_cast<std::size_t>(layout.field)] = std::move(*field);
  }
  auto at = [&](IdCardField field) -> const std::string& { return text[static_cast<std::size_t>(field)]; };
  auto failure = [&](DecodeFailure::Reason reason, IdCardField field) {
    return DecodeFailure{reason, field, model::SanitizedText(at(field), 40)};
  };

  IdCardData card;
  card.name = at(IdCardField::Name);
  const auto* sex = ByCode(at(IdCardField::Sex), model::codes::kCodesSex);
  if (sex == nullptr || (sex->value != "male" && sex->value != "female")) {
    return failure(DecodeFailure::Reason::UnknownCode, IdCardField::Sex);
  }
  card.sex = sex->value == "male" ? model::Sex::Male : model::Sex::Female;
  const auto* ethnicity = ByCode(at(IdCardField::Ethnicity), model::codes::kCodesEthnicity);
  if (ethnicity == nullptr) return failure(DecodeFailure::Reason::UnknownCode, IdCardField::Ethnicity);
  card.ethnicityCode = std::string(ethnicity->code);
  card.ethnicity = std::string(ethnicity->term);
  const auto birth = ParseCompactDate(at(IdCardField::BirthDate));
  if (!birth) return failure(DecodeFailure::Reason::BadDate, IdCardField::BirthDate);
  card.birthDate = *birth;
  card.address = at(IdCardField::Address);
  card.idNumber = at(IdCardField::IdNumber);
  card.authority = at(IdCardField::Authority);
  const auto from = ParseCompactDate(at(IdCardField::ValidFrom));
  if (!from) return failure(DecodeFailure::Reason::BadDate, IdCardField::ValidFrom);
  card.validFrom = *from;
  if (at(IdCardField::ValidUntil) != kNoEnd) {
    const auto until = ParseCompactDate(at(IdCardField::ValidUntil));
    if (!until) return failure(DecodeFailure::Reason::BadDate, IdCardField::ValidUntil);
    card.validUntil = *until;
  }
  return card;
}

std::array<std::uint8_t, kBaseMessageSize> EncodeBaseMessage(const IdCardTexts& texts) {
  std::array<std::uint8_t, kBaseMessageSize> message{};
  for (std::size_t i = 0; i < kBaseMessageSize; i += 2) message[i] = ' ';
  for (const auto& layout : kLayout) PutField(message, layout.field, texts[static_cast<std::size_t>(layout.field)]);
  return message;
}

std::array<std::uint8_t, kBaseMessageSize> EncodeBaseMessage(const IdCardData& card) {
  return EncodeBaseMessage(IdCardTexts{card.name, card.sex == model::Sex::Male ? "1" : "2", card.ethnicityCode,
                                       CompactDate(card.birthDate), card.address, card.idNumber, card.authority,
                                       CompactDate(card.validFrom),
                                       card.validUntil ? CompactDate(*card.validUntil) : std::string(kNoEnd)});
}

std::string_view ProblemCode(IdCardProblem::Kind kind) {
  switch (kind) {
    case IdCardProblem::Kind::BadIdNumber:
      return "bad_id_number";
    case IdCardProblem::Kind::BirthDateMismatch:
      return "birth_date_mismatch";
    case IdCardProblem::Kind::SexMismatch:
      return "sex_mismatch";
    case IdCardProblem::Kind::BadName:
      return "bad_name";
    case IdCardProblem::Kind::ValidityOrder:
      return "validity_order";
  }
  return "unknown";
}

std::vector<IdCardProblem> CheckIdCard(const IdCardData& card, year_month_day today) {
  std::vector<IdCardProblem> problems;
  const auto parsed = model::ResidentId::Parse(card.idNumber, today);
  if (const auto* error = std::get_if<model::ResidentIdError>(&parsed)) {
    problems.push_back({IdCardProblem::Kind::BadIdNumber, *error});
  } else {
    const auto& id = std::get<model::ResidentId>(parsed);
    if (id.BirthDate() != card.birthDate) problems.push_back({IdCardProblem::Kind::BirthDateMismatch, std::nullopt});
    if (id.GetSex() != card.sex) problems.push_back({IdCardProblem::Kind::SexMismatch, std::nullopt});
  }
  if (model::CheckStorableText(card.name, model::kMaxNameLength, model::TextKind::Name) || card.name.empty()) {
    problems.push_back({IdCardProblem::Kind::BadName, std::nullopt});
  }
  if (card.validUntil && *card.validUntil < card.validFrom) {
    problems.push_back({IdCardProblem::Kind::ValidityOrder, std::nullopt});
  }
  return problems;
}

namespace {
bool EndedBefore(const std::optional<year_month_day>& validUntil, year_month_day today) {
  return validUntil && *validUntil < today;
}
}  // namespace

bool IsExpired(const IdCardData& card, year_month_day today) { return EndedBefore(card.validUntil, today); }
bool IsExpired(const model::IdCardFacts& card, year_month_day today) { return EndedBefore(card.validUntil, today); }

std::optional<model::IdCardFacts> FactsOf(const IdCardData& card) {
  // Empty, blank, too long or with a control or invisible character: no
  // card's authority (the database's text_storable within 30).
  const bool authorityStorable =
      !card.authority.empty() && !model::CheckStorableText(card.authority, kMaxAuthorityLength);
  if (!authorityStorable || EthnicityName(card.ethnicityCode).empty()) return std::nullopt;
  model::IdCardFacts facts;
  facts.idNumber = card.idNumber;
  facts.ethnicityCode = card.ethnicityCode;
  facts.authority = card.authority;
  facts.validFrom = card.validFrom;
  facts.validUntil = card.validUntil;
  facts.fresh = true;
  // The photo the database takes (doudi.person_card_photo): a BMP, JPEG or
  // PNG of at most 64 KiB. Another reader's output is left out rather than
  // refusing the household's save; the card box still shows what it can.
  // JPEG and PNG told as the attachments tell them; a BMP by its "BM".
  const auto type = model::SniffAttachmentType(card.photo);
  const bool bmp = card.photo.size() >= 2 && card.photo[0] == 'B' && card.photo[1] == 'M';
  if (card.photo.size() >= kMinStoredPhoto && card.photo.size() <= kMaxStoredPhoto &&
      (bmp || type == model::AttachmentType::Jpeg || type == model::AttachmentType::Png)) {
    facts.photo = card.photo;
  }
  return facts;
}

std::string_view EthnicityName(std::string_view code) {
  const auto* row = ByCode(code, model::codes::kCodesEthnicity);
  return row == nullptr ? std::string_view() : row->term;
}

}  // namespace doudi::workstation
