#pragma once
// How the matching panel says an item (docs/matching.md): its verdict, each
// reason as a sentence, each figure with its label and value, the missing
// parameters and the open case, in the interface's language.
#include <wx/colour.h>
#include <wx/string.h>

#include <cstdint>
#include <string_view>

#include "doudi/model/matching.h"

namespace doudi::gui {

wxString VerdictLabel(model::MatchVerdict verdict);
wxColour VerdictColour(model::MatchVerdict verdict);
// The reason's sentence; the code itself for one this build has no words
// for (a test checks every MatchReasonCodes() has).
wxString ReasonText(std::string_view code);
bool HasReasonText(std::string_view code);
// "张三 年龄 61 岁", "家庭月收入 ¥1,200.00", "住房 危房".
wxString FigureText(const model::MatchFigure& figure);
bool HasFigureLabel(std::string_view code);
// The item's name (the model's Chinese name of the program or item).
wxString ItemName(const model::MatchItem& item);
// A program's Chinese name as the matching items give it; the code when none does.
wxString ProgramName(std::string_view program);
// Everything below the item's name: the open case, the members a
// per-person program would be applied for (named from household), the
// reasons, the missing parameters and the figures, one line each group.
wxString ItemDetails(const model::MatchItem& item, const model::Household& household);
// The name of household's member personId; the id when not a member.
wxString PersonName(const model::Household& household, std::int64_t personId);

}  // namespace doudi::gui
