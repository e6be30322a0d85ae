#include "doudi/reports/document_file.h"

#include <fstream>
#include <stdexcept>

#include "doudi/reports/html.h"
#include "doudi/reports/xlsx.h"

namespace doudi::reports {
namespace {

// HTML and XLSX need no layout; only the PDF is paged.
void WriteUnpaged(const Document& document, FileFormat format, const std::filesystem::path& file) {
  if (format == FileFormat::Xlsx) return WriteXlsx(document, file);
  std::ofstream out(file, std::ios::binary);
  out << RenderHtml(document);
  if (!out.flush()) throw std::runtime_error("cannot write the HTML file");  // the caller names the file
}

}  // namespace

void WriteDocumentFile(const Document& document, FileFormat format, const std::filesystem::path& file) {
  if (format == FileFormat::Pdf) return WritePdf(document, file);
  WriteUnpaged(document, format, file);
}

void WriteDocumentFile(const PagedDocument& paged, FileFormat format, const std::filesystem::path& file) {
  if (format == FileFormat::Pdf) return WritePdf(paged, file);
  WriteUnpaged(*paged.document, format, file);
}

}  // namespace doudi::reports
