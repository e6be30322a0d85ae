#pragma once
// A document as one self-contained HTML page: inline CSS and nothing loaded
// from elsewhere, every text escaped, UTF-8, and print CSS for A4 (@page,
// table headers repeated by the browser, rows kept whole), for previewing in
// a web view and printing from a browser. The PDF (layout.h) is the document
// of record; this page carries the same content.

#include <string>
#include <string_view>

#include "doudi/reports/document.h"

namespace doudi::reports {

// The HTML page of document. Deterministic: the same document gives the same
// bytes (the golden files of tests/reports rely on it).
std::string RenderHtml(const Document& document);

// text with &, <, >, " and ' replaced by entities.
std::string EscapeHtml(std::string_view text);

}  // namespace doudi::reports
