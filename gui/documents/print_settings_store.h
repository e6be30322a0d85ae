#pragma once
// The desk's printing settings (workstation/print_settings.h) in the
// workstation's settings (wxConfig: ~/.config/doudi/doudi.conf's [print]
// on Linux, HKEY_CURRENT_USER\Software\doudi\print on Windows), and the
// wxPrintData they make: the printer, the paper, copies and duplex are handed
// to wxPrinter as they are; the document's own orientation always wins.
#include <wx/cmndata.h>
#include <wx/string.h>

#include "doudi/reports/layout.h"
#include "doudi/workstation/print_settings.h"

class wxConfigBase;

namespace doudi::gui {

// What config holds; each problem is a key whose value was not used.
workstation::ReadPrintSettingsResult LoadPrintSettings(wxConfigBase& config);
void StorePrintSettings(wxConfigBase& config, const workstation::PrintSettings& settings);

// The settings as wxPrintData for a document of this orientation.
wxPrintData ToPrintData(const workstation::PrintSettings& settings, reports::Orientation orientation);
// What the print dialog's data says (printer, paper, copies, duplex).
workstation::PrintSettings FromPrintData(const wxPrintData& data);

// The user's sentence for settings problems: "The print setting ... is not
// used." ("" when there are none).
wxString PrintSettingsProblemText(const std::vector<workstation::PrintSettingProblem>& problems);

}  // namespace doudi::gui
