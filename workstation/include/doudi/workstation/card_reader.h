#pragma once
// The resident-ID card reader (二代证读卡器) on the desk, behind one
// interface: the simulated reader (a card in a file, for tests and the demo)
// and, on Windows, the vendor's common DLL loaded at run time
// (sdtapi.dll with WltRS.dll for the photo). Which one a desk uses is one
// setting, read in one place (card_reader_settings.h; docs/devices.md).
//
// Read() blocks while the reader looks for a card and reads it (a second
// or so): call it off the GUI thread. A reader is used by one thread at a
// time.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "doudi/workstation/id_card.h"

namespace doudi::workstation {

struct CardReadFailure {
  enum class Kind {
    NoReader,     // no reader configured, its DLL missing, or the port does not open
    NoCard,       // no card on the reader (or it was taken away during the read)
    ReadError,    // the reader found a card but the read failed
    DecodeError,  // the card's text or photo could not be decoded
  };
  Kind kind = Kind::NoReader;
  // What the reader or its DLL said, for the message and the log: a DLL's
  // name and return code, a file, the field that did not decode. Not
  // translated (names and codes).
  std::string detail;
  // For DecodeError of the text: which field, and why.
  std::optional<DecodeFailure> decode;
};
// Stable code ("no_reader", "no_card", "read_error", "decode_error").
std::string_view FailureCode(CardReadFailure::Kind kind);

// The card, decoded (not yet checked: CheckIdCard), or why not.
using CardReadResult = std::variant<IdCardData, CardReadFailure>;

class CardReader {
 public:
  virtual ~CardReader() = default;
  // Opens the reader, finds and reads the card on it, closes the reader.
  virtual CardReadResult Read() = 0;
  // For messages and the log: "simulated: /path/card.txt", "sdtapi.dll, USB port 1001".
  virtual std::string Describe() const = 0;
};

// The reader a setting names (the one place that knows the kinds):
//   ""                  no reader: Read() reports NoReader
//   "simulated:PATH"    SimulatedCardReader on the card file PATH
//   "sdtapi"            Windows: sdtapi.dll and WltRS.dll from the program's
//   "sdtapi:PORT"       folder or PATH, on USB port 1001 (or PORT: 1..16 a
//   "sdtapi:PORT:DIR"   serial port, 1001..1016 USB), the DLLs from DIR
// Throws std::invalid_argument for a setting it does not understand (and
// for "sdtapi" outside Windows), naming the setting.
std::unique_ptr<CardReader> MakeCardReader(std::string_view setting);

// A card read from a text file of key=value lines (UTF-8; # starts a
// comment): name, sex (GB/T 2261.1 code), ethnicity (GB 3304 code), birth
// (YYYYMMDD), address, id_number, authority, valid_from, valid_until
// (YYYYMMDD or 长期), photo (a BMP or JPEG file, relative to the card
// file). The fields go through EncodeBaseMessage and ParseBaseMessage, the
// path of a real card. A missing file reads as NoCard (the card is not on
// the reader); a line that is not key=value, an unknown key or a field too
// long for the card as ReadError naming the line; a photo that cannot be read
// as DecodeError.
class SimulatedCardReader : public CardReader {
 public:
  explicit SimulatedCardReader(std::string path) : m_path(std::move(path)) {}
  CardReadResult Read() override;
  std::string Describe() const override;

 private:
  std::string m_path;  // UTF-8
};

}  // namespace doudi::workstation
