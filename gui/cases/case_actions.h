#pragma once
// What a user may do with a case now, for the case view's buttons: the rule
// table's actions for the case's order and state and the user's group,
// limited to the rules for the case's program, each marked with whether
// what it requires is on record yet (and why not). The database checks all
// of it again when the action is taken; this only keeps the screen honest.
#include <wx/string.h>

#include <chrono>
#include <string_view>
#include <vector>

#include "doudi/dal/case_repository.h"
#include "doudi/model/case_workflow.h"

namespace doudi::gui {

struct CaseActionChoice {
  model::TransitionRule rule;
  std::string_view requirement;  // "none", "survey", "verification_report", ... (assets/rules)
  bool possible = true;  // what the rule requires is on record
  wxString whyNot;       // when !possible: what is missing, in the user's words
};

// The case's order of steps as the database stored it (National for a code
// this program does not know).
model::StepOrder OrderOf(const dal::CaseSummary& summary);

// The actions group may take on record now (today: the desk's date, for the
// end of the public notice), in the table's order; empty when none.
std::vector<CaseActionChoice> ActionsFor(const dal::CaseRecord& record, std::string_view group,
                                         std::chrono::year_month_day today);

}  // namespace doudi::gui
