#include "xlsx_file.h"

#include "doudi/catalog/message_catalog.h"
#include "doudi/model/text.h"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipLocalFileHeader.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <map>
#include <sstream>

namespace doudi::admin {
namespace {

using Poco::XML::Attributes;
using Poco::XML::XMLChar;
using Poco::XML::XMLString;

constexpr std::string_view kZipMagic{"PK\x03\x04", 4};
// An OLE compound file: what Excel 97-2003 saved (.xls).
constexpr std::string_view kCompoundFileMagic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};
// A part larger than this unpacked is refused rather than read (a zip bomb,
// or far more than a county's households).
constexpr std::uint64_t kMaxPartBytes = std::uint64_t{1} << 30;
// Excel keeps 15 significant digits: a whole number from here on may have
// lost some.
constexpr double kExactDigitsLimit = 1e15;
constexpr int kExcelDigits = 15;
constexpr std::int64_t kProgressStep = 10'000;

[[noreturn]] void Damaged(const std::string& detail) {
  throw CsvFileError(catalog::TrFormat("the .xlsx workbook cannot be read (damaged or cut short?): {1}", {detail}));
}

// An attribute by its local name; empty when absent.
std::string Attribute(const Attributes& attributes, std::string_view localName) {
  for (int i = 0; i < attributes.getLength(); ++i) {
    if (attributes.getLocalName(i) == localName) return attributes.getValue(i);
  }
  return {};
}

// A relationship id (r:id): local name id in a namespace.
std::string RelationshipId(const Attributes& attributes) {
  for (int i = 0; i < attributes.getLength(); ++i) {
    if (attributes.getLocalName(i) == "id" && !attributes.getURI(i).empty()) return attributes.getValue(i);
  }
  return {};
}

bool IsTrue(const std::string& value) {
  return value == "1" || value == "true";
}

std::optional<std::int64_t> ParseWhole(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> ParseNumber(std::string_view text) {
  text = model::TrimAsciiWhitespace(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

using model::AppendUtf8;

// OOXML writes characters XML cannot hold as _xHHHH_ (_x000D_ for a
// carriage return, _x005F_ for an underscore that would look like one).
std::string DecodeEscapes(const std::string& text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_' &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i + 2),
                    text.begin() + static_cast<std::ptrdiff_t>(i + 6),
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
      AppendUtf8(out, static_cast<char32_t>(std::stoul(text.substr(i + 2, 4), nullptr, 16)));
      i += 6;
    } else {
      out += text[i];
    }
  }
  return out;
}

// "C7" -> column 2, row 7.
std::optional<std::pair<std::size_t, std::int64_t>> ParseCellReference(std::string_view ref) {
  std::size_t column = 0;
  std::size_t i = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])) != 0; ++i) {
    column = column * 26 + static_cast<std::size_t>(std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (column > 16384) return std::nullopt;
  }
  const auto row = ParseWhole(ref.substr(i));
  if (i == 0 || !row || *row < 1) return std::nullopt;
  return std::pair{column - 1, *row};
}

// A number as Excel shows it in the formula bar: a whole number below
// 10^15 as its digits, otherwise 15 significant digits (3.30102199001011E+17).
std::string ShownNumber(double value) {
  char buffer[64];
  if (std::fabs(value) < kExactDigitsLimit && value == std::trunc(value)) {
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(value)).ptr;
    return {buffer, end};
  }
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, kExcelDigits).ptr;
  std::string text(buffer, end);
  std::replace(text.begin(), text.end(), 'e', 'E');
  return text;
}

// Built-in number formats that show dates or times: 14-22 and 45-47
// everywhere, 27-36 and 50-58 in Chinese, Japanese and Korean Excel (年月日).
bool IsBuiltInDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// --- the parts ---------------------------------------------------------

// A part's SAX events for Start and End. An exception thrown by either is
// kept and thrown again after the parse (Rethrow), never through expat's C
// frames; the rest of the part's events are then ignored.
class PartHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const XMLString&, const XMLString& localName, const XMLString&,
                    const Attributes& attributes) final {
    Guard([&] { Start(localName, attributes); });
  }
  void endElement(const XMLString&, const XMLString& localName, const XMLString&) final {
    Guard([&] { End(localName); });
  }
  void characters(const XMLChar ch[], int start, int length) final {
    if (m_collecting && !m_failure) m_text.append(ch + start, static_cast<std::size_t>(length));
  }
  void Rethrow() const {
    if (m_failure) std::rethrow_exception(m_failure);
  }

 protected:
  virtual void Start(const XMLString& localName, const Attributes& attributes) = 0;
  virtual void End(const XMLString&) {}
  void Collect() {
    m_collecting = true;
    m_text.clear();
  }
  std::string Take() {
    m_collecting = false;
    return std::move(m_text);
  }
  // A string's text (<si>, <is>): its <t>, or every rich-text run's <t>
  // joined; a phonetic guide's (<rPh>) is not part of it. Each says whether
  // localName was one of these.
  bool StartStringText(const XMLString& localName) {
    if (localName == "rPh") {
      m_inPhonetic = true;
    } else if (localName == "t" && !m_inPhonetic) {
      Collect();
    } else {
      return false;
    }
    return true;
  }
  bool EndStringText(const XMLString& localName, std::string& text) {
    if (localName == "t" && m_collecting) {
      text += Take();
    } else if (localName == "rPh") {
      m_inPhonetic = false;
    } else {
      return false;
    }
    return true;
  }
  bool m_collecting = false;

 private:
  template <typename F>
  void Guard(F f) {
    if (m_failure) return;
    try {
      f();
    } catch (...) {
      m_failure = std::current_exception();
    }
  }
  std::string m_text;
  bool m_inPhonetic = false;
  std::exception_ptr m_failure;
};

struct Relationship {
  std::string type;
  std::string target;
};

class RelationshipsHandler : public PartHandler {
 public:
  void Start(const XMLString& localName, const Attributes& attributes) override {
    if (localName == "Relationship") {
      relationships[Attribute(attributes, "Id")] = {Attribute(attributes, "Type"), Attribute(attributes, "Target")};
    }
  }
  // The first target whose type ends in /kind ("officeDocument", "styles").
  std::optional<std::string> TargetOf(std::string_view kind) const {
    for (const auto& [id, r] : relationships) {
      if (r.type.size() > kind.size() && r.type.ends_with(kind) && r.type[r.type.size() - kind.size() - 1] == '/') {
        return r.target;
      }
    }
    return std::nullopt;
  }
  std::map<std::string, Relationship> relationships;
};

struct SheetEntry {
  std::string name;
  std::string relationship;
  bool hidden = false;
  std::string part;
};

class WorkbookHandler : public PartHandler {
 public:
  void Start(const XMLString& localName, const Attributes& attributes) override {
    if (localName == "sheet") {
      const std::string state = Attribute(attributes, "state");
      sheets.push_back(
          {Attribute(attributes, "name"), RelationshipId(attributes), !state.empty() && state != "visible", {}});
    } else if (localName == "workbookPr") {
      date1904 = IsTrue(Attribute(attributes, "date1904"));
    }
  }
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

class StylesHandler : public PartHandler {
 public:
  void Start(const XMLString& localName, const Attributes& attributes) override {
    if (localName == "numFmt") {
      if (const auto id = ParseWhole(Attribute(attributes, "numFmtId")))
        m_codes[*id] = Attribute(attributes, "formatCode");
    } else if (localName == "cellXfs") {
      m_inCellXfs = true;
    } else if (localName == "xf" && m_inCellXfs) {
      m_formats.push_back(ParseWhole(Attribute(attributes, "numFmtId")).value_or(0));
    }
  }
  void End(const XMLString& localName) override {
    if (localName == "cellXfs") m_inCellXfs = false;
  }
  // By cell style index (a cell's s), whether it shows a date.
  std::vector<bool> DateStyles() const {
    std::vector<bool> dates;
    for (const auto id : m_formats) {
      const auto custom = m_codes.find(id);
      dates.push_back(custom != m_codes.end() ? IsDateFormatCode(custom->second)
                                              : IsBuiltInDateFormat(static_cast<int>(id)));
    }
    return dates;
  }

 private:
  std::map<std::int64_t, std::string> m_codes;
  std::vector<std::int64_t> m_formats;
  bool m_inCellXfs = false;
};

// The shared strings, each an <si>.
class SharedStringsHandler : public PartHandler {
 public:
  void Start(const XMLString& localName, const Attributes&) override {
    if (localName == "si") {
      m_current.clear();
    } else {
      StartStringText(localName);
    }
  }
  void End(const XMLString& localName) override {
    if (!EndStringText(localName, m_current) && localName == "si") strings.push_back(DecodeEscapes(m_current));
  }
  std::vector<std::string> strings;

 private:
  std::string m_current;
};

enum class CellKind { Text, Number, Error };

struct SheetCell {
  std::size_t column = 0;
  CellKind kind = CellKind::Text;
  std::string text;  // the string, a date's YYYY-MM-DD, an error's #N/A
  double number = 0;
};

// A worksheet's rows, each handed on when it ends.
class SheetHandler : public PartHandler {
 public:
  using RowSink = std::function<void(std::int64_t, std::vector<SheetCell>&)>;
  SheetHandler(const std::vector<std::string>& strings, const std::vector<bool>& dateStyles, bool date1904,
               RowSink sink)
      : m_strings(strings), m_dateStyles(dateStyles), m_date1904(date1904), m_sink(std::move(sink)) {}

  void Start(const XMLString& localName, const Attributes& attributes) override {
    if (localName == "row") {
      const auto r = ParseWhole(Attribute(attributes, "r"));
      m_row = r ? *r : m_row + 1;
      m_nextColumn = 0;
      m_cells.clear();
    } else if (localName == "c") {
      const std::string ref = Attribute(attributes, "r");
      const auto place = ref.empty() ? std::nullopt : ParseCellReference(ref);
      if (!ref.empty() && !place) Damaged("cell reference '" + ref + "'");
      m_cell = SheetCell{place ? place->first : m_nextColumn, CellKind::Text, {}, 0};
      m_nextColumn = m_cell.column + 1;
      m_type = Attribute(attributes, "t");
      m_style = ParseWhole(Attribute(attributes, "s")).value_or(0);
      m_value.clear();
      m_inline.clear();
    } else if (localName == "v") {
      Collect();
    } else {
      StartStringText(localName);  // an inline string's <is>
    }
  }

  void End(const XMLString& localName) override {
    if (localName == "v" && m_collecting) {
      m_value = Take();
    } else if (localName == "c") {
      EndCell();
    } else if (localName == "row") {
      m_sink(m_row, m_cells);
    } else {
      EndStringText(localName, m_inline);  // an inline string's <is>
    }
  }

 private:
  void EndCell() {
    if (m_type == "s") {
      const auto index = ParseWhole(m_value);
      if (!index || *index < 0 || static_cast<std::size_t>(*index) >= m_strings.size()) {
        Damaged("shared string '" + m_value + "'");
      }
      m_cell.text = m_strings[static_cast<std::size_t>(*index)];
    } else if (m_type == "inlineStr") {
      m_cell.text = DecodeEscapes(m_inline);
    } else if (m_type == "str") {
      m_cell.text = DecodeEscapes(m_value);
    } else if (m_type == "b") {
      m_cell.text = m_value == "1" ? "TRUE" : "FALSE";
    } else if (m_type == "e") {
      m_cell.kind = CellKind::Error;
      m_cell.text = m_value;
    } else if (m_type == "d") {
      m_cell.text = m_value.substr(0, m_value.find('T'));  // ISO 8601: the day
    } else if (m_value.empty()) {
      return;  // a styled blank
    } else {
      const auto number = ParseNumber(m_value);
      if (!number) Damaged("number '" + m_value + "'");
      const bool date = m_style >= 0 && static_cast<std::size_t>(m_style) < m_dateStyles.size() &&
                        m_dateStyles[static_cast<std::size_t>(m_style)];
      const auto day = date ? SerialDate(*number, m_date1904) : std::nullopt;
      if (day) {
        m_cell.text = *day;
      } else {
        m_cell.kind = CellKind::Number;
        m_cell.number = *number;
        m_cell.text = ShownNumber(*number);
      }
    }
    m_cells.push_back(std::move(m_cell));
  }

  const std::vector<std::string>& m_strings;
  const std::vector<bool>& m_dateStyles;
  bool m_date1904;
  RowSink m_sink;
  std::int64_t m_row = 0;
  std::size_t m_nextColumn = 0;
  std::vector<SheetCell> m_cells;
  SheetCell m_cell;
  std::string m_type;
  std::int64_t m_style = 0;
  std::string m_value;
  std::string m_inline;
};

// --- the package ---------------------------------------------------------

// A part name from a relationship's target: absolute ("/xl/...") or
// relative to the folder of the part the relationships belong to.
std::string ResolveTarget(const std::string& base, const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::string folder = base.substr(0, base.rfind('/') + 1);
  std::string rest = target;
  while (rest.rfind("../", 0) == 0) {
    rest.erase(0, 3);
    if (!folder.empty()) folder.erase(folder.rfind('/', folder.size() - 2) + 1);
  }
  return folder + rest;
}

std::string RelationshipsOf(const std::string& part) {
  const auto slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + name + ".rels";
}

class Workbook {
 public:
  explicit Workbook(const std::string& bytes) : m_in(bytes), m_archive(OpenArchive(m_in, bytes)) {
    RelationshipsHandler package;
    if (Has("_rels/.rels")) Parse("_rels/.rels", package);
    m_workbookPart = ResolveTarget("", package.TargetOf("officeDocument").value_or("xl/workbook.xml"));
    if (!Has(m_workbookPart)) {
      throw CsvFileError(
          catalog::TrFormat("the file is a zip archive but not an .xlsx workbook: it has no {1}", {m_workbookPart}));
    }
    WorkbookHandler workbook;
    Parse(m_workbookPart, workbook);
    m_date1904 = workbook.date1904;
    RelationshipsHandler parts;
    if (Has(RelationshipsOf(m_workbookPart))) Parse(RelationshipsOf(m_workbookPart), parts);
    for (auto& sheet : workbook.sheets) {
      const auto r = parts.relationships.find(sheet.relationship);
      sheet.part = r == parts.relationships.end() ? std::string() : ResolveTarget(m_workbookPart, r->second.target);
    }
    m_sheets = std::move(workbook.sheets);
    if (const auto styles = parts.TargetOf("styles"); styles && Has(ResolveTarget(m_workbookPart, *styles))) {
      StylesHandler handler;
      Parse(ResolveTarget(m_workbookPart, *styles), handler);
      m_dateStyles = handler.DateStyles();
    }
    if (const auto shared = parts.TargetOf("sharedStrings"); shared && Has(ResolveTarget(m_workbookPart, *shared))) {
      SharedStringsHandler handler;
      Parse(ResolveTarget(m_workbookPart, *shared), handler);
      m_strings = std::move(handler.strings);
    }
  }

  const std::vector<SheetEntry>& Sheets() const { return m_sheets; }

  void ReadSheet(const SheetEntry& sheet, SheetHandler::RowSink sink) {
    if (sheet.part.empty() || !Has(sheet.part)) Damaged("sheet '" + sheet.name + "' has no part");
    SheetHandler handler(m_strings, m_dateStyles, m_date1904, std::move(sink));
    Parse(sheet.part, handler);
  }

 private:
  static Poco::Zip::ZipArchive OpenArchive(std::istream& in, const std::string& bytes) {
    // Poco reads the entries from their local headers; a file cut short in
    // its central directory would pass unnoticed without the record that
    // ends every zip (its signature within the last 64 KiB + 22 bytes).
    constexpr std::size_t kEndRecordReach = 65535 + 22;
    const std::size_t from = bytes.size() > kEndRecordReach ? bytes.size() - kEndRecordReach : 0;
    if (bytes.find(std::string_view("PK\x05\x06", 4), from) == std::string::npos) {
      Damaged("the zip archive's end record is missing");
    }
    try {
      return Poco::Zip::ZipArchive(in);
    } catch (const Poco::Exception& e) {
      Damaged(e.displayText());
    }
  }

  Poco::Zip::ZipArchive::FileHeaders::const_iterator Find(const std::string& part) const {
    const auto exact = m_archive.findHeader(part);
    if (exact != m_archive.headerEnd()) return exact;
    // Part names are case-insensitive (ECMA-376 part 2).
    return std::find_if(m_archive.headerBegin(), m_archive.headerEnd(),
                        [&](const auto& entry) { return model::EqualsIgnoringAsciiCase(entry.first, part); });
  }

  bool Has(const std::string& part) const { return Find(part) != m_archive.headerEnd(); }

  void Parse(const std::string& part, PartHandler& handler) {
    const auto header = Find(part);
    if (header == m_archive.headerEnd()) Damaged(part + " is missing");
    if (header->second.getUncompressedSize() > kMaxPartBytes) Damaged(part + " is too large");
    try {
      m_in.clear();
      Poco::Zip::ZipInputStream zip(m_in, header->second, true);
      Poco::XML::InputSource source(zip);
      Poco::XML::SAXParser parser;
      parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
      parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
      parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
      parser.setContentHandler(&handler);
      parser.parse(&source);
      handler.Rethrow();
      zip.ignore(std::numeric_limits<std::streamsize>::max());
      if (!zip.crcValid()) Damaged(part + ": its checksum does not match");
    } catch (const CsvFileError&) {
      throw;
    } catch (const Poco::Exception& e) {
      Damaged(part + ": " + e.displayText());
    } catch (const std::exception& e) {
      Damaged(part + ": " + e.what());
    }
  }

  std::istringstream m_in;
  Poco::Zip::ZipArchive m_archive;
  std::string m_workbookPart;
  std::vector<SheetEntry> m_sheets;
  std::vector<bool> m_dateStyles;
  std::vector<std::string> m_strings;
  bool m_date1904 = false;
};

std::vector<std::string> Names(const std::vector<SheetEntry>& sheets) {
  std::vector<std::string> names;
  for (const auto& s : sheets) names.push_back(s.name);
  return names;
}

const SheetEntry& ChooseSheet(const std::vector<SheetEntry>& sheets, const std::optional<std::string>& name) {
  if (sheets.empty()) throw CsvFileError(catalog::Tr("the workbook has no sheets"));
  if (!name) {
    const auto visible = std::find_if(sheets.begin(), sheets.end(), [](const SheetEntry& s) { return !s.hidden; });
    return visible != sheets.end() ? *visible : sheets.front();
  }
  const auto exact = std::find_if(sheets.begin(), sheets.end(), [&](const SheetEntry& s) { return s.name == *name; });
  if (exact != sheets.end()) return *exact;
  // Excel's sheet names are unique regardless of case.
  const auto folded = std::find_if(sheets.begin(), sheets.end(),
                                   [&](const SheetEntry& s) { return model::EqualsIgnoringAsciiCase(s.name, *name); });
  if (folded != sheets.end()) return *folded;
  throw CsvFileError(catalog::TrFormat("the workbook has no sheet named '{1}'; its sheets are: {2}",
                                       {*name, model::Join(Names(sheets), ", ")}));
}

bool IsBlank(const SheetCell& cell) {
  return cell.kind == CellKind::Text && model::TrimAsciiWhitespace(cell.text).empty();
}

// A cell's value for its column, with the problem of a cell that cannot be
// taken as it is.
std::string CellValue(const SheetCell& cell, const CsvColumnName& column, std::int64_t line,
                      std::vector<model::ImportProblem>& problems) {
  const std::string code(column.code);
  const std::string ref = ColumnLetters(cell.column) + std::to_string(line);
  switch (cell.kind) {
    case CellKind::Text:
      return UnprotectFormula(cell.text);
    case CellKind::Error:
      problems.push_back(model::MakeImportProblem(line, code, code + ".cell_error",
                                                  "the cell {1} holds the spreadsheet error {2}", {ref, cell.text}));
      return cell.text;
    case CellKind::Number:
      if (column.digitsOnly || !(std::fabs(cell.number) < kExactDigitsLimit)) {
        problems.push_back(model::MakeImportProblem(
            line, code, code + ".stored_as_number",
            "the cell {1} is stored as a number ({2}), digits lost: Excel keeps 15 significant digits; format the "
            "column as text and type the value again",
            {ref, cell.text}));
      }
      return cell.text;
  }
  return cell.text;
}

// Many NUL bytes at the start: a picture, a PDF, UTF-16 text. (One NUL in
// a cell of a CSV file is that cell's problem, control_character.)
bool LooksBinary(std::string_view bytes) {
  constexpr std::size_t kPrefix = 8192;
  constexpr std::ptrdiff_t kMinimum = 4;
  const auto prefix = bytes.substr(0, kPrefix);
  const auto nuls = std::count(prefix.begin(), prefix.end(), '\0');
  return nuls >= kMinimum && static_cast<std::size_t>(nuls) * 100 >= prefix.size();
}

}  // namespace

bool IsZipArchive(std::string_view bytes) {
  return bytes.starts_with(kZipMagic);
}

std::vector<std::string> XlsxSheetNames(const std::string& bytes) {
  return Names(Workbook(bytes).Sheets());
}

CsvTable ParseXlsxTable(const std::string& bytes, const std::optional<std::string>& sheetName,
                        std::span<const CsvColumnName> columns, std::string_view rowColumn, std::string_view formatDoc,
                        const std::function<void(std::int64_t)>& onRecords) {
  Workbook workbook(bytes);
  const SheetEntry& sheet = ChooseSheet(workbook.Sheets(), sheetName);
  CsvTable table;
  table.encoding = FileEncoding::Utf8;
  table.places.sheet = sheet.name;
  std::vector<int> map;
  bool haveHeader = false;
  workbook.ReadSheet(sheet, [&](std::int64_t line, std::vector<SheetCell>& cells) {
    if (std::all_of(cells.begin(), cells.end(), IsBlank)) return;
    if (!haveHeader) {
      for (const auto& cell : cells) {
        if (table.header.size() <= cell.column) table.header.resize(cell.column + 1);
        table.header[cell.column] = std::string(model::TrimAsciiWhitespace(cell.text));
      }
      try {
        map = MapHeaderColumns(table.header, columns, formatDoc);
      } catch (const CsvFileError& e) {
        throw CsvFileError(catalog::TrFormat("sheet {1}: {2}", {sheet.name, e.what()}));
      }
      for (std::size_t i = 0; i < map.size(); ++i) {
        if (map[i] >= 0)
          table.places.letters[std::string(columns[static_cast<std::size_t>(map[i])].code)] = ColumnLetters(i);
      }
      haveHeader = true;
      return;
    }
    model::FileRow row;
    row.line = line;
    row.values.resize(columns.size());
    for (const auto& cell : cells) {
      if (cell.column < map.size() && map[cell.column] >= 0) {
        const auto index = static_cast<std::size_t>(map[cell.column]);
        row.values[index] = CellValue(cell, columns[index], line, row.readProblems);
      } else if ((cell.column >= table.header.size() || table.header[cell.column].empty()) && !IsBlank(cell)) {
        row.readProblems.push_back(UnnamedColumnProblem(line, rowColumn, cell.column + 1));
      }
    }
    table.rows.push_back(std::move(row));
    if (onRecords && table.rows.size() % kProgressStep == 0) onRecords(static_cast<std::int64_t>(table.rows.size()));
  });
  if (!haveHeader) {
    throw CsvFileError(catalog::TrFormat("sheet {1} is empty: its first row must be the header", {sheet.name}));
  }
  return table;
}

CsvTable ParseTableFile(const std::string& bytes, FileEncoding encoding, const std::optional<std::string>& sheet,
                        std::span<const CsvColumnName> columns, std::string_view rowColumn, std::string_view formatDoc,
                        const std::function<void(std::int64_t)>& onRecords) {
  if (IsZipArchive(bytes)) return ParseXlsxTable(bytes, sheet, columns, rowColumn, formatDoc, onRecords);
  if (std::string_view(bytes).starts_with(kCompoundFileMagic)) {
    throw CsvFileError(catalog::Tr("the file is an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV"));
  }
  if (LooksBinary(bytes)) throw CsvFileError(catalog::Tr("the file is neither CSV text nor an .xlsx workbook"));
  if (sheet) throw CsvFileError(catalog::Tr("--sheet is for .xlsx workbooks; this file is CSV text"));
  return ParseCsvTable(bytes, encoding, columns, rowColumn, formatDoc, onRecords);
}

std::string ColumnLetters(std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

std::optional<std::string> SerialDate(double serial, bool date1904) {
  using namespace std::chrono;
  if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466) return std::nullopt;
  auto days = static_cast<int>(std::floor(serial));
  sys_days day{};
  if (date1904) {
    day = sys_days{year{1904} / January / 1} + std::chrono::days{days};
  } else {
    // Excel counts 1900-02-29 as day 60 (Lotus 1-2-3's leap year).
    if (days == 60) return "1900-02-29";
    if (days > 60) --days;
    day = sys_days{year{1899} / December / 31} + std::chrono::days{days};
  }
  const year_month_day date{day};
  if (date.year() > year{9999}) return std::nullopt;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return std::string(buffer);
}

bool IsDateFormatCode(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') return false;  // only the first section, the one for positive numbers
    if (c == '"') {
      const auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped, padding or fill character
    } else if (c == '[') {
      const auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      const auto inside = code.substr(i + 1, close - i - 1);
      // [h], [mm], [ss]: elapsed time; [Red], [$-804], [DBNum1]: not.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) return true;
      i = close;
    } else if (std::string_view("yYmMdDhHsS").find(c) != std::string_view::npos) {
      return true;
    } else if ((c == 'A' || c == 'a') && (code.substr(i, 5) == "AM/PM" || code.substr(i, 5) == "am/pm" ||
                                          code.substr(i, 3) == "A/P" || code.substr(i, 3) == "a/p")) {
      return true;
    }
  }
  return false;
}

}  // namespace doudi::admin
