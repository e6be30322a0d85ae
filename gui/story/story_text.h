#pragma once
// How the story screens (the household's 经历 page, 案件查询) say kinds of
// line, help kinds, pairing levels and referral states in the interface's
// language; case and alert states come from their own areas' texts.
#include <wx/string.h>

#include <string>
#include <string_view>

namespace doudi::gui {

// The words for a story line's kind ("case": 案件) or, with a code, its
// state: workstation::StoryWords for workstation::StoryRows.
std::string StoryWord(std::string_view kind, std::string_view code);

}  // namespace doudi::gui
