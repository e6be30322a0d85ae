#pragma once
// How the alert screens say things: an alert's state, its outcome, a
// check's method (the model's Chinese words: they are data), and its figures in sentences (one set per screening rule,
// filled by workstation::ExplainFigures). One place, so the list, the view
// and the household's line never word the same thing two ways.
#include <wx/string.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/alert_repository.h"

namespace doudi::gui {

// The model's words (model/alert_state.h); the code itself when it has none
// (a newer database), so nothing shows empty.
wxString AlertStateLabel(std::string_view state);
wxString AlertOutcomeLabel(std::string_view outcome);
wxString CheckMethodLabel(std::string_view method);
// "在册对象医疗支出预警": the rule table's label; the alert's own when the
// table does not know the rule (a newer database).
wxString AlertRuleLabel(const dal::Alert& alert);
// The deciding figure in yuan ("23,512.40"); "" when the rule counts none.
wxString AlertFigure(const dal::Alert& alert);
// "online 2026-03-05 10:20", or "" before the first check.
wxString LastCheckText(const dal::Alert& alert);

// The words of a code a figure holds (a program, a case state ...): given
// the key and the code, its words; the code itself when unknown.
using CodeWords = std::function<wxString(std::string_view key, std::string_view code)>;

// The alert's figures explained, one line each: the rule's sentences its
// figures fill, then every other figure as "key: value". programNames
// gives a program code's name (the view reads them with the alert).
std::vector<wxString> FigureLines(const dal::Alert& alert, const CodeWords& programNames);

}  // namespace doudi::gui
