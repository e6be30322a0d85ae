// report_samples OUTDIR: writes every document kind of the samples as PDF and
// HTML, and the rosters as XLSX, for looking at them and for docs/samples.

#include <filesystem>
#include <fstream>
#include <iostream>

#include "doudi/reports/html.h"
#include "doudi/reports/layout.h"
#include "doudi/reports/xlsx.h"
#include "samples.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: report_samples OUTDIR\n";
    return 2;
  }
  const std::filesystem::path out = argv[1];
  try {
    std::filesystem::create_directories(out);
    for (const auto& kind : doudi::reports::samples::AllKinds()) {
      doudi::reports::WritePdf(kind.document, out / (kind.stem + ".pdf"));
      std::ofstream(out / (kind.stem + ".html"), std::ios::binary) << doudi::reports::RenderHtml(kind.document);
      if (kind.stem.find("roster") != std::string::npos || kind.stem == "statistics") {
        doudi::reports::WriteXlsx(kind.document, out / (kind.stem + ".xlsx"));
      }
      std::cout << out / kind.stem << '\n';
    }
  } catch (const std::exception& error) {
    std::cerr << "report_samples: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
