#include "intake/intake_text.h"

#include <wx/translation.h>

#include "common/wx_text.h"
#include "doudi/workstation/intake_inbox.h"

namespace doudi::gui {
namespace {

// The words' msgids are in the workstation's tables (and in the .po, by hand:
// xgettext reads only gui/).
wxString Words(const std::vector<workstation::IntakeWord>& table, std::string_view code) {
  const auto english = workstation::IntakeEnglish(table, code);
  return english == code ? Wx(code) : wxGetTranslation(Wx(english));
}

}  // namespace

wxString IntakeCategoryLabel(std::string_view category) {
  return Words(workstation::IntakeCategories(), category);
}
wxString IntakeUrgencyLabel(std::string_view urgency) { return Words(workstation::IntakeUrgencies(), urgency); }
wxString IntakeStateLabel(std::string_view state) { return Words(workstation::IntakeStates(), state); }
wxString IntakeOutcomeLabel(std::string_view outcome) { return Words(workstation::IntakeOutcomes(), outcome); }

wxString IntakeVillage(const dal::IntakeReport& report) {
  return report.regionName.empty() ? Wx(report.regionCode) : Wx(report.regionName);
}

}  // namespace doudi::gui
