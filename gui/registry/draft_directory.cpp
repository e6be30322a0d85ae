#include "registry/draft_directory.h"

#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "common/wx_text.h"
#include "utf8_path.h"

namespace doudi::gui {

std::filesystem::path DefaultDraftDirectory() {
  wxString configured;
  if (wxGetEnv(wxS("DOUDI_DRAFT_DIR"), &configured) && !configured.empty()) {
    return admin::PathFromUtf8(Utf8(configured));
  }
  return admin::PathFromUtf8(Utf8(wxStandardPaths::Get().GetUserDataDir())) / "drafts";
}

}  // namespace doudi::gui
