#pragma once
// Where the household editor keeps its drafts on this desk (the store itself,
// doudi/workstation/draft_store.h, needs no toolkit and is given the path).
#include <filesystem>

namespace doudi::gui {

// DOUDI_DRAFT_DIR (UTF-8) when set and not empty, else the user data
// directory + "drafts". Needs a running wxApp.
std::filesystem::path DefaultDraftDirectory();

}  // namespace doudi::gui
