#pragma once
// The words the attachment screens use for the codes doudi.attachment stores
// and for what is wrong with a file (docs/attachments.md).
#include <wx/string.h>

#include <cstdint>
#include <string>

#include "doudi/workstation/attachment_files.h"

namespace doudi::gui {

wxString AttachmentKindLabel(const std::string& code);
wxString AttachmentOwnerLabel(const std::string& code);
// "830 KB", "4.8 MB".
wxString FileSizeText(std::int64_t bytes);
// Why file cannot be attached, naming it; "" when it can.
wxString FileProblemText(const workstation::CheckedFile& file, std::int64_t maxBytes);

}  // namespace doudi::gui
