#include "intake/intake_text.h"

#include <wx/translation.h>

#include "common/wx_text.h"
#include "doudi/model/intake.h"

namespace doudi::gui {
namespace {

// The words' msgids are in the model's tables (and in the .po, by hand:
// xgettext reads only gui/).
wxString Words(const std::vector<model::IntakeWord>& table, std::string_view code) {
  const auto english = model::IntakeEnglish(table, code);
  return english == code ? Wx(code) : wxGetTranslation(Wx(english));
}

}  // namespace

wxString IntakeCategoryLabel(std::string_view category) {
  return Words(model::IntakeCategories(), category);
}
wxString IntakeUrgencyLabel(std::string_view urgency) { return Words(model::IntakeUrgencies(), urgency); }
wxString IntakeStateLabel(std::string_view state) { return Words(model::IntakeStates(), state); }
wxString IntakeOutcomeLabel(std::string_view outcome) { return Words(model::IntakeOutcomes(), outcome); }

wxString IntakeVillage(const dal::IntakeReport& report) {
  return report.regionName.empty() ? Wx(report.regionCode) : Wx(report.regionName);
}

}  // namespace doudi::gui
