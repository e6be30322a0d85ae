#include "doudi/reports/xlsx.h"

#include <xlsxwriter.h>

#include <atomic>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#endif

namespace doudi::reports {
namespace {

constexpr double kFenPerYuan = 100.0;
// Spreadsheet column widths are in characters; a relative width of 1 is
// about as wide as a short Chinese name.
constexpr double kCharactersPerWidthUnit = 7.0;
constexpr std::size_t kSheetNameLimit = 31;

struct Formats {
  lxw_format* header;
  lxw_format* text;
  lxw_format* integer;
  lxw_format* money;
  lxw_format* boldText;
  lxw_format* boldInteger;
  lxw_format* boldMoney;
};

lxw_format* NewFormat(lxw_workbook* workbook, bool bold, const char* numberFormat) {
  lxw_format* format = workbook_add_format(workbook);
  if (bold) {
    format_set_bold(format);
  }
  if (numberFormat != nullptr) {
    format_set_num_format(format, numberFormat);
  }
  format_set_border(format, LXW_BORDER_THIN);
  return format;
}

Formats MakeFormats(lxw_workbook* workbook) {
  Formats formats{};
  formats.header = NewFormat(workbook, true, nullptr);
  format_set_align(formats.header, LXW_ALIGN_CENTER);
  format_set_bg_color(formats.header, 0xE0E0E0);
  formats.text = NewFormat(workbook, false, nullptr);
  formats.integer = NewFormat(workbook, false, "0");
  formats.money = NewFormat(workbook, false, "#,##0.00");
  formats.boldText = NewFormat(workbook, true, nullptr);
  formats.boldInteger = NewFormat(workbook, true, "0");
  formats.boldMoney = NewFormat(workbook, true, "#,##0.00");
  return formats;
}

void Check(lxw_error error, const std::string& what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(what + ": " + lxw_strerror(error));
  }
}

// Worksheet names may not hold []:*?/\ and are at most 31 characters.
std::string SheetName(const std::string& title, std::size_t index) {
  const bool usable = !title.empty() && title.find_first_of("[]:*?/\\'") == std::string::npos &&
                      title.size() <= kSheetNameLimit * 3;  // UTF-8: at most 3 bytes a Chinese character
  std::string name = usable ? title : std::string("Sheet");
  if (index > 0 || !usable) {
    name += std::to_string(index + 1);
  }
  return name;
}

void WriteCell(lxw_worksheet* sheet, lxw_row_t r, lxw_col_t c, const Column& column, const Cell& cell, bool bold,
               const Formats& formats) {
  if (column.kind != ColumnKind::Text && cell.number) {
    const bool money = column.kind == ColumnKind::Money;
    const double value = money ? static_cast<double>(*cell.number) / kFenPerYuan : static_cast<double>(*cell.number);
    lxw_format* format =
        money ? (bold ? formats.boldMoney : formats.money) : (bold ? formats.boldInteger : formats.integer);
    worksheet_write_number(sheet, r, c, value, format);
  } else if (cell.text.empty()) {
    worksheet_write_blank(sheet, r, c, bold ? formats.boldText : formats.text);
  } else {
    worksheet_write_string(sheet, r, c, cell.text.c_str(), bold ? formats.boldText : formats.text);
  }
}

void WriteSheet(lxw_worksheet* sheet, const Table& table, const Formats& formats) {
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(sheet, col, col, table.columns[c].width * kCharactersPerWidthUnit, nullptr);
    worksheet_write_string(sheet, 0, col, table.columns[c].header.c_str(), formats.header);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    const bool bold = row.kind != RowKind::Normal;
    for (std::size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) {
      WriteCell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), table.columns[c], row.cells[c], bold,
                formats);
    }
  }
}

// Where libxlsxwriter writes a workbook meant for a file, and the name it is
// given. Built with MinGW, libxlsxwriter opens its file with fopen, which
// reads the name in the ANSI code page (936 on a Chinese desk), while
// std::filesystem's narrow names are UTF-8: a name is given in the code page,
// and one the code page cannot hold is written under a plain temporary name
// and moved to the file afterwards (MoveTo). Elsewhere the name is the file's.
class WorkbookTarget {
 public:
  explicit WorkbookTarget(const std::filesystem::path& file) : m_file(file), m_written(file), m_name(file.string()) {
#ifdef _WIN32
    if (GetACP() == CP_UTF8) return;
    if (auto ansi = Ansi(file)) {
      m_name = std::move(*ansi);
      return;
    }
    static std::atomic<unsigned> counter{0};
    m_written = std::filesystem::temp_directory_path() /
                ("doudi-" + std::to_string(GetCurrentProcessId()) + "-" + std::to_string(++counter) + ".xlsx");
    auto ansi = Ansi(m_written);
    if (!ansi) throw std::runtime_error("cannot create " + file.string() + ": no temporary name the system can open");
    m_name = std::move(*ansi);
#endif
  }
  ~WorkbookTarget() {
    if (m_written != m_file) {
      std::error_code ignored;
      std::filesystem::remove(m_written, ignored);
    }
  }
  WorkbookTarget(const WorkbookTarget&) = delete;
  WorkbookTarget& operator=(const WorkbookTarget&) = delete;

  const char* Name() const {
    return m_name.c_str();
  }

  // Puts the written workbook at the file (a move, or a copy across drives),
  // replacing a workbook saved there before.
  void MoveTo() const {
    if (m_written == m_file) return;
#ifdef _WIN32
    // MinGW's std::filesystem cannot replace here: its rename refuses an
    // existing target, and its copy_file takes every two files for the same
    // one (no inode numbers) and answers "File exists".
    if (MoveFileExW(m_written.c_str(), m_file.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_COPY_ALLOWED) == 0) {
      const auto error = static_cast<int>(GetLastError());  // before anything else can set it
      throw std::runtime_error("writing " + m_file.string() + ": " + std::system_category().message(error));
    }
#else
    std::error_code error;
    std::filesystem::rename(m_written, m_file, error);
    if (!error) return;
    std::filesystem::copy_file(m_written, m_file, std::filesystem::copy_options::overwrite_existing, error);
    if (error) throw std::runtime_error("writing " + m_file.string() + ": " + error.message());
#endif
  }

 private:
#ifdef _WIN32
  // path in the ANSI code page; nullopt when a character has no place there.
  static std::optional<std::string> Ansi(const std::filesystem::path& path) {
    const std::wstring wide = path.wstring();
    if (wide.empty()) return std::string();
    BOOL lost = FALSE;
    const int size = WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, wide.data(), static_cast<int>(wide.size()),
                                         nullptr, 0, nullptr, &lost);
    if (size <= 0 || lost) return std::nullopt;
    std::string narrow(static_cast<std::size_t>(size), '\0');
    WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, wide.data(), static_cast<int>(wide.size()), narrow.data(), size,
                        nullptr, &lost);
    if (lost) return std::nullopt;
    return narrow;
  }
#endif

  std::filesystem::path m_file;
  std::filesystem::path m_written;
  std::string m_name;
};

}  // namespace

void WriteXlsx(const Document& document, const std::filesystem::path& file) {
  std::vector<const Table*> tables;
  for (const Block& block : document.blocks) {
    if (const auto* table = std::get_if<Table>(&block)) {
      tables.push_back(table);
    }
  }
  if (tables.empty()) {
    throw std::invalid_argument("WriteXlsx: the document \"" + document.title + "\" has no table");
  }
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows stream to disk: a county's roster needs no memory to speak of
  const WorkbookTarget target(file);
  lxw_workbook* workbook = workbook_new_opt(target.Name(), &options);
  if (workbook == nullptr) {
    throw std::runtime_error("cannot create " + file.string());
  }
  // libxlsxwriter's properties are char*; it copies them, so local copies do.
  std::string title = document.title;
  std::string company = document.issuer;
  std::string comments = document.number;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.company = company.data();
  properties.comments = comments.data();
  workbook_set_properties(workbook, &properties);
  const Formats formats = MakeFormats(workbook);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, SheetName(document.title, i).c_str());
    if (sheet == nullptr) {
      workbook_close(workbook);
      throw std::runtime_error("cannot add a worksheet to " + file.string());
    }
    WriteSheet(sheet, *tables[i], formats);
  }
  Check(workbook_close(workbook), "writing " + file.string());
  target.MoveTo();
}

}  // namespace doudi::reports
