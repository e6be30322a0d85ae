#pragma once
// Small text helpers shared by the model's parsers and validators. They work
// on UTF-8 bytes and never consult the C locale, so results are the same on
// every platform and in every process locale.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doudi::model {

// True for ' ', '\t', '\n', '\v', '\f' and '\r' only (not for full-width
// spaces or other Unicode white space).
constexpr bool IsAsciiWhitespace(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

constexpr bool IsAsciiDigit(char c) noexcept { return c >= '0' && c <= '9'; }

// True when text is non-empty and consists of '0'..'9' only.
bool IsAsciiDigits(std::string_view text) noexcept;

// The view without leading and trailing ASCII white space; empty when the
// text is nothing but white space.
std::string_view TrimAsciiWhitespace(std::string_view text) noexcept;

// The number of Unicode code points in well-formed UTF-8 text, or nullopt when
// the bytes are not well-formed UTF-8 (overlong forms, surrogates and values
// above U+10FFFF are rejected). Length limits on names count code points, so
// that a Chinese name is not penalised for taking three bytes per character.
std::optional<std::size_t> CountUtf8CodePoints(std::string_view text) noexcept;

// The code point that starts at text[at], and its length in bytes; nullopt
// when the bytes there are not a well-formed UTF-8 character (overlong forms,
// surrogates and values above U+10FFFF included).
struct DecodedCodePoint {
  char32_t codePoint;
  std::size_t length;
};
std::optional<DecodedCodePoint> DecodeUtf8At(std::string_view text, std::size_t at) noexcept;

// Appends code point c as UTF-8 (what UCS-2 card fields and workbook XML
// character references decode to); a surrogate or a value above U+10FFFF
// appends U+FFFD.
void AppendUtf8(std::string& out, char32_t c);

// Why a text cannot be stored as a field's value, the first reason found:
// bytes that are not UTF-8; a control character (C0 and C1 controls, DEL, the
// Unicode line and paragraph separators: CR and LF included, since no field
// holds several lines; TAB only in free text); an invisible format character
// (zero-width characters, right-to-left and other direction overrides and
// isolates, a byte-order mark, the soft hyphen), which would make two
// different values look the same or reorder what a screen shows; more code
// points than the field's limit; nothing but white space (ASCII or Unicode:
// the ideographic space U+3000, no-break spaces ...). For a person's name
// also a space other than the ASCII one inside it (U+3000 typed to align a
// two-character name).
enum class TextFault { InvalidEncoding, ControlCharacter, InvisibleCharacter, TooLong, Blank, NonAsciiSpace };

// What kind of field a text is for: Line (references, codes, terms: one run
// of text), FreeText (addresses, bank names, illnesses, notes: a TAB inside
// is tolerated, as in text pasted from a table), Name (a person's name: Line
// and no special spaces).
enum class TextKind { Line, FreeText, Name };

struct TextProblem {
  TextFault fault;
  char32_t codePoint = 0;  // the offending character; 0 for InvalidEncoding, TooLong and Blank
  friend bool operator==(const TextProblem&, const TextProblem&) = default;
};

// nullopt when text may be stored in a field of kind with at most
// maxCodePoints code points (empty text may: whether a field may be empty is
// the caller's rule).
std::optional<TextProblem> CheckStorableText(std::string_view text, std::size_t maxCodePoints,
                                             TextKind kind = TextKind::Line) noexcept;

// The characters CheckStorableText refuses as ControlCharacter (C0, DEL,
// C1, U+2028, U+2029) and as InvisibleCharacter; also what a terminal must
// not be sent raw.
bool IsControlCharacter(char32_t c) noexcept;
bool IsInvisibleCharacter(char32_t c) noexcept;

// True for the white space characters of Unicode (White_Space property).
bool IsUnicodeSpace(char32_t c) noexcept;

// "U+202E" for a person to look up; "U+0000" style, at least four digits.
std::string CodePointLabel(char32_t c);

// text with every character CheckStorableText refuses (and every byte that
// is not UTF-8) replaced by U+FFFD, cut to at most maxCodePoints code points:
// a value that can be kept in a staging table and quoted in a message
// without carrying what made it wrong.
std::string SanitizedText(std::string_view text, std::size_t maxCodePoints);

// True when text contains a full-width digit ０..９ (U+FF10..U+FF19).
bool ContainsFullWidthDigit(std::string_view text) noexcept;

// text with full-width digits ０..９ and the full-width letters Ｘ ｘ made
// half-width (0..9, X, x); everything else unchanged.
std::string HalfWidthDigits(std::string_view text);

// ASCII-only case-insensitive equality ("Head" equals "head"); other bytes
// must match exactly.
bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) noexcept;

// The pieces of text between separators, empty pieces included; an empty
// text gives no pieces.
std::vector<std::string> Split(std::string_view text, char separator);

// Whether list, codes joined by separator ("dibao+temporary"), names code
// as one whole piece ("temp" is not in "temporary"); false for an empty code.
bool ListsCode(std::string_view list, char separator, std::string_view code) noexcept;

// The parts with separator between them.
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

// text as a JSON string literal, quotes included (control characters as \u00XX).
std::string JsonString(std::string_view text);

}  // namespace doudi::model
