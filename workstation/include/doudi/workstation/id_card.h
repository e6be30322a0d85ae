#pragma once
// What a second-generation resident identity card (二代证) holds, as a
// reader hands it over, and the checks a card read must pass before it
// fills the member form (docs/devices.md).
//
// Every reader's common DLL returns the card's text as the "base message"
// (文字信息): 256 bytes of UCS-2 little-endian, fixed-width fields padded
// with spaces, the sex and the ethnicity as codes (GB/T 2261.1, GB 3304),
// dates as YYYYMMDD and a validity that ends "长期" (no end). Its photo
// comes as 1024 bytes of the card's own compressed format (WLT), which only
// the vendor's decoder turns into a bitmap. Parsing happens here, in
// portable code, so that it is tested without a reader or Windows.
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "doudi/model/id_card_facts.h"
#include "doudi/model/resident_id.h"

namespace doudi::workstation {

// The card's text message is exactly this long; the photo message (WLT) is
// kWltSize bytes.
inline constexpr std::size_t kBaseMessageSize = 256;
inline constexpr std::size_t kWltSize = 1024;

// The fields of the base message in their order, with their width in
// UCS-2 characters (two bytes each); 18 characters after them are reserved.
enum class IdCardField {
  Name,         // 15
  Sex,          // 1, GB/T 2261.1 code
  Ethnicity,    // 2, GB 3304 code
  BirthDate,    // 8, YYYYMMDD
  Address,      // 35
  IdNumber,     // 18
  Authority,    // 15, the issuing authority (签发机关)
  ValidFrom,    // 8, YYYYMMDD
  ValidUntil,   // 8, YYYYMMDD or 长期
};
// Stable code of a field ("name", "sex", "ethnicity", "birth_date",
// "address", "id_number", "authority", "valid_from", "valid_until").
std::string_view FieldCode(IdCardField field);

struct IdCardData {
  std::string name;  // UTF-8, the middle dot of a minority name as the card writes it (·)
  model::Sex sex = model::Sex::Male;
  std::string ethnicityCode;  // GB 3304, "01"
  std::string ethnicity;      // its name, "汉族"
  std::chrono::year_month_day birthDate{};
  std::string address;
  std::string idNumber;  // as read; CheckIdCard checks it
  std::string authority;
  std::chrono::year_month_day validFrom{};
  std::optional<std::chrono::year_month_day> validUntil;  // nullopt: 长期 (no end)
  // The decoded photo (BMP or JPEG bytes); empty when the reader gave none.
  std::vector<std::uint8_t> photo;

  friend bool operator==(const IdCardData&, const IdCardData&) = default;
};

// Why a base message could not be read into IdCardData.
struct DecodeFailure {
  enum class Reason {
    WrongSize,     // not kBaseMessageSize bytes
    BadText,       // a UCS-2 surrogate or a control character in a field
    Missing,       // a field every card has is blank (all but the address and the authority)
    BadDate,       // not a real date YYYYMMDD (ValidUntil: nor 长期)
    UnknownCode,   // a sex or ethnicity code no table lists
  };
  Reason reason = Reason::WrongSize;
  std::optional<IdCardField> field;  // none for WrongSize
  std::string value;                 // the field as read (sanitised), for the message

  friend bool operator==(const DecodeFailure&, const DecodeFailure&) = default;
};
// Stable code of a reason ("wrong_size", "bad_text", "missing", "bad_date",
// "unknown_code").
std::string_view ReasonCode(DecodeFailure::Reason reason);

// The base message's fields; photo stays empty (the caller adds the decoded
// photo).
std::variant<IdCardData, DecodeFailure> ParseBaseMessage(std::span<const std::uint8_t> message);

// The base message for a card's fields (the simulated reader and the tests
// make what a reader would return): fields padded with spaces, a validity
// without end written 长期. Throws std::invalid_argument naming the field
// when a field is longer than its width or not UTF-8.
std::array<std::uint8_t, kBaseMessageSize> EncodeBaseMessage(const IdCardData& card);
// The same from the fields' texts as a card stores them, by IdCardField
// ("1", "01", "19800101", "长期" ...), written as they are.
inline constexpr std::size_t kIdCardFieldCount = 9;
using IdCardTexts = std::array<std::string, kIdCardFieldCount>;
std::array<std::uint8_t, kBaseMessageSize> EncodeBaseMessage(const IdCardTexts& texts);

// Why a decoded card is not taken as read: the same checks as a typed
// member (GB 11643), and the card's fields agreeing with its number.
struct IdCardProblem {
  enum class Kind {
    BadIdNumber,        // the GB 11643 check refused the number: idError says why
    BirthDateMismatch,  // the birth date differs from the one in the number
    SexMismatch,        // the sex differs from the number's
    BadName,            // the name cannot be stored (CheckStorableText, the limit of a name)
    ValidityOrder,      // the validity ends before it starts
  };
  Kind kind = Kind::BadIdNumber;
  std::optional<model::ResidentIdError> idError;

  friend bool operator==(const IdCardProblem&, const IdCardProblem&) = default;
};
// Stable code ("bad_id_number", "birth_date_mismatch", "sex_mismatch",
// "bad_name", "validity_order").
std::string_view ProblemCode(IdCardProblem::Kind kind);

// Every problem of card, in the order above; empty when the card may fill
// the form. today: the date birth dates are checked against.
std::vector<IdCardProblem> CheckIdCard(const IdCardData& card, std::chrono::year_month_day today);

// Whether the card's validity has ended before today (a 长期 card never).
bool IsExpired(const IdCardData& card, std::chrono::year_month_day today);
bool IsExpired(const model::IdCardFacts& card, std::chrono::year_month_day today);

// What of a card the registry keeps beside the member's name and number,
// as a fresh read (recorded with the household's next save); nullopt when
// the database would refuse it (doudi.id_card_bad_field: an ethnicity
// outside GB 3304, an issuing authority that is empty, over 30 characters
// or not storable text), so that the read fills the form without failing
// the save. The photo only when the database takes it: BMP, JPEG or PNG of
// kMinStoredPhoto to kMaxStoredPhoto bytes (doudi.person_card_photo's
// CHECK); another is left out.
inline constexpr std::size_t kMinStoredPhoto = 16;
inline constexpr std::size_t kMaxStoredPhoto = 65536;
inline constexpr std::size_t kMaxAuthorityLength = 30;
std::optional<model::IdCardFacts> FactsOf(const IdCardData& card);

// A GB 3304 code's name ("01" → "汉族"); "" for a code no table lists.
std::string_view EthnicityName(std::string_view code);

}  // namespace doudi::workstation
