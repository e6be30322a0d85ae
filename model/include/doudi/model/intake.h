#pragma once
// The codes of a field report (docs/intake.md) and their words, in one
// place for the desk (gui/intake/) and doudi-intake's page and API: each
// code with its English words, a msgid of assets/locale/zh_CN/doudi.po that
// whoever shows it translates (wxGetTranslation, catalog::Tr). The CHECK
// constraints of doudi.intake_report (migration 0010_intake) list the same
// codes (tests/unit/intake_inbox_test.cpp ties them).
#include <string_view>
#include <vector>

namespace doudi::model {

// A code and its English words.
struct IntakeWord {
  std::string_view code;
  std::string_view english;
};

// The tables, in the order forms offer them.
const std::vector<IntakeWord>& IntakeCategories();
const std::vector<IntakeWord>& IntakeUrgencies();
const std::vector<IntakeWord>& IntakeStates();
// Every outcome a report may end with, merged included.
const std::vector<IntakeWord>& IntakeOutcomes();
// The outcomes the desk chooses when closing (not merged: 合并 does that).
std::vector<IntakeWord> ClosingOutcomes();
// The English words of code in table; the code itself when the table does
// not know it (a newer database), so nothing shows empty.
std::string_view IntakeEnglish(const std::vector<IntakeWord>& table, std::string_view code);

// Closing with no_action or false_report needs a note (doudi.intake_report_close).
bool OutcomeNeedsNote(std::string_view outcome);

}  // namespace doudi::model
