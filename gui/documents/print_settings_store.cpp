#include "documents/print_settings_store.h"

#include <wx/config.h>
#include <wx/intl.h>
#include <wx/paper.h>

#include <algorithm>

#include "common/wx_text.h"

namespace doudi::gui {
namespace {

// Long-edge binding (a portrait page turned like a book's) is
// wxDUPLEX_VERTICAL on Windows, where wx passes DMDUP_VERTICAL, but
// wxDUPLEX_HORIZONTAL on GTK, whose CUPS backend sends GTK_PRINT_DUPLEX_HORIZONTAL
// as Duplex=DuplexNoTumble (sides=two-sided-long-edge); the printing test
// reads the option in the CUPS job.
#ifdef __WXMSW__
constexpr wxDuplexMode kLongEdge = wxDUPLEX_VERTICAL;
constexpr wxDuplexMode kShortEdge = wxDUPLEX_HORIZONTAL;
#else
constexpr wxDuplexMode kLongEdge = wxDUPLEX_HORIZONTAL;
constexpr wxDuplexMode kShortEdge = wxDUPLEX_VERTICAL;
#endif

wxDuplexMode ToWx(workstation::Duplex duplex) {
  switch (duplex) {
    case workstation::Duplex::Simplex:
      return wxDUPLEX_SIMPLEX;
    case workstation::Duplex::LongEdge:
      return kLongEdge;
    case workstation::Duplex::ShortEdge:
      return kShortEdge;
  }
  return wxDUPLEX_SIMPLEX;
}

workstation::Duplex FromWx(wxDuplexMode duplex) {
  if (duplex == kLongEdge) return workstation::Duplex::LongEdge;
  if (duplex == kShortEdge) return workstation::Duplex::ShortEdge;
  return workstation::Duplex::Simplex;
}

}  // namespace

workstation::ReadPrintSettingsResult LoadPrintSettings(wxConfigBase& config) {
  return workstation::ReadPrintSettings([&config](std::string_view key) -> std::optional<std::string> {
    wxString value;
    if (!config.Read(wxString::FromUTF8(key.data(), key.size()), &value)) return std::nullopt;
    return Utf8(value);
  });
}

void StorePrintSettings(wxConfigBase& config, const workstation::PrintSettings& settings) {
  for (const auto& [key, value] : workstation::PrintSettingsEntries(settings)) {
    config.Write(Wx(key), Wx(value));
  }
  config.Flush();
}

wxPrintData ToPrintData(const workstation::PrintSettings& settings, reports::Orientation orientation) {
  wxPrintData data;
  data.SetPrinterName(Wx(settings.printer));
  const auto paper = settings.paper.value_or(workstation::PaperMillimetres{});
  // The paper database counts tenths of a millimetre.
  const wxPaperSize id = wxThePrintPaperDatabase->GetSize(wxSize(paper.width * 10, paper.height * 10));
  data.SetPaperId(id);
  if (id == wxPAPER_NONE) data.SetPaperSize(wxSize(paper.width, paper.height));
  data.SetOrientation(orientation == reports::Orientation::Landscape ? wxLANDSCAPE : wxPORTRAIT);
  data.SetNoCopies(settings.copies);
  data.SetDuplex(ToWx(settings.duplex));
  return data;
}

workstation::PrintSettings FromPrintData(const wxPrintData& data) {
  workstation::PrintSettings settings;
  settings.printer = Utf8(data.GetPrinterName());
  wxSize size = data.GetPaperSize();  // millimetres
  if (const wxPrintPaperType* type = wxThePrintPaperDatabase->FindPaperType(data.GetPaperId())) {
    size = type->GetSize() / 10;
  }
  if (size.x > 0 && size.y > 0) {
    settings.paper = workstation::PaperMillimetres{std::min(size.x, size.y), std::max(size.x, size.y)};
  }
  settings.copies = std::clamp(data.GetNoCopies(), 1, workstation::kMaxCopies);
  settings.duplex = FromWx(data.GetDuplex());
  return settings;
}

wxString PrintSettingsProblemText(const std::vector<workstation::PrintSettingProblem>& problems) {
  wxString text;
  for (const auto& p : problems) {
    if (!text.empty()) text += wxS(" ");
    text += wxString::Format(_("The print setting %s = \"%s\" cannot be read and is not used."), Wx(p.key),
                             Wx(p.value));
  }
  return text;
}

}  // namespace doudi::gui
