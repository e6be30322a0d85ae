#pragma once
// How the case screens say things: states, actions, levels, programs and
// evidence kinds in Chinese (they are data: always the table's labels), money
// as yuan, deadlines with their flags, and the benefit working in the
// interface's language. One place, so My tasks, the case view and the notice
// list never word the same thing two ways.
#include <wx/colour.h>
#include <wx/listctrl.h>
#include <wx/string.h>

#include <chrono>
#include <string>
#include <string_view>

#include "common/wx_text.h"
#include "doudi/dal/case_repository.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/money.h"

namespace doudi::gui {

// Colours the lists share: overdue in red, due soon highlighted.
extern const wxColour kOverdueText;
extern const wxColour kDueSoonBackground;

// Colours a list row by its case's deadline: red overdue, highlighted due soon.
void ColourByDeadline(wxListCtrl* list, long row, dal::DeadlineStatus status);

// The table's Chinese label; the code itself when the table has none (a
// newer database), so nothing shows empty.
wxString StateLabel(std::string_view state);
wxString ActionLabel(std::string_view action);
wxString LevelLabel(std::string_view level);
wxString StepOrderLabel(std::string_view order);
wxString EvidenceKindLabel(std::string_view kind);

// A due date as a list shows it: "2026-11-20", with " ?" when it is counted
// over a year without a holiday calendar; "—" when none runs.
wxString DueText(const std::string& date, bool certain);
// "overdue", "due soon", "uncertain" or "".
wxString DeadlineWord(dal::DeadlineStatus status);

// Dates as typed and shown: YYYY-MM-DD (the model's one spelling).
using model::IsoDate;
using model::ParseIsoDate;

}  // namespace doudi::gui
