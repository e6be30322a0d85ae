#pragma once
// A document written to a file in the format the user chose: the one switch
// doudi-admin and the workstation's Save buttons share.
#include <filesystem>

#include "doudi/reports/document.h"
#include "doudi/reports/layout.h"

namespace doudi::reports {

enum class FileFormat { Pdf, Html, Xlsx };

// Writes document as format (XLSX: its tables, for rosters). Throws
// std::runtime_error when the file cannot be written, std::invalid_argument
// for XLSX of a document without a table.
void WriteDocumentFile(const Document& document, FileFormat format, const std::filesystem::path& file);
// The same from a document laid out already (the PDF reuses its pages).
void WriteDocumentFile(const PagedDocument& paged, FileFormat format, const std::filesystem::path& file);

}  // namespace doudi::reports
