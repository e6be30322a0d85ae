#pragma once
// The desk's printing settings: which printer the workstation prints to
// without a dialog, and what the print dialog remembers (printer, paper,
// copies, duplex). The workstation keeps them in its settings (wxConfig,
// group "print"; docs/printing.md) as text values; this file reads and
// writes those values without a toolkit. The conversion to and from
// wxPrintData is gui/documents/print_settings_store.h.
//
//   print/printer  the print queue's name (CUPS queue, Windows printer)
//   print/paper    the paper in millimetres, WIDTHxHEIGHT (portrait): 210x297
//   print/copies   1 to 99
//   print/duplex   simplex, long-edge or short-edge
//
// A value that cannot be read is not used (the default stands) and comes
// back as a problem naming the key, for the desk to be told.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace doudi::workstation {

enum class Duplex { Simplex, LongEdge, ShortEdge };

struct PaperMillimetres {
  int width = 210;
  int height = 297;
  bool operator==(const PaperMillimetres&) const = default;
};

struct PrintSettings {
  std::string printer;                    // "" = none named: Print asks with the dialog
  std::optional<PaperMillimetres> paper;  // none remembered: A4
  int copies = 1;
  Duplex duplex = Duplex::Simplex;
  bool operator==(const PrintSettings&) const = default;
};

inline constexpr int kMaxCopies = 99;

// A key whose value was not used, and the value.
struct PrintSettingProblem {
  std::string key;  // "print/copies"
  std::string value;
};

struct ReadPrintSettingsResult {
  PrintSettings settings;
  std::vector<PrintSettingProblem> problems;
};

// read(key) is the stored value of key ("print/printer" ...), nullopt when
// absent.
ReadPrintSettingsResult ReadPrintSettings(const std::function<std::optional<std::string>(std::string_view key)>& read);

// The keys and values that store settings (every key, in the order above).
std::vector<std::pair<std::string, std::string>> PrintSettingsEntries(const PrintSettings& settings);

// "simplex", "long-edge", "short-edge" and back.
std::string_view DuplexWord(Duplex duplex);
std::optional<Duplex> DuplexFromWord(std::string_view word);

}  // namespace doudi::workstation
