#include "story/story_text.h"

#include <wx/intl.h>

#include "alerts/alert_text.h"
#include "cases/case_text.h"
#include "common/wx_text.h"

namespace doudi::gui {
namespace {

wxString KindWord(std::string_view kind) {
  if (kind == "case") return _("Case");
  if (kind == "alert") return _("Alert");
  if (kind == "referral") return _("Referral");
  if (kind == "help") return _("Help given");
  if (kind == "visit") return _("Pairing visit");
  return Wx(kind);
}

wxString HelpKindWord(std::string_view code) {
  if (code == "cash") return _("Cash");
  if (code == "in_kind") return _("In kind");
  if (code == "service") return _("Service");
  if (code == "job") return _("Job placement");
  if (code == "school_aid") return _("School aid");
  if (code == "medical_aid") return _("Medical aid");
  if (code == "housing") return _("Housing");
  if (code == "care") return _("Care");
  return Wx(code);
}

wxString LevelWord(std::string_view code) {
  if (code == "county") return _("City / county");
  if (code == "township") return _("Township");
  if (code == "village") return _("Village");
  if (code == "department") return _("Department");
  if (code == "enterprise") return _("Enterprise");
  if (code == "social_worker") return _("Social worker");
  return Wx(code);
}

wxString ReferralStateWord(std::string_view code) {
  if (code == "sent") return _("Sent");
  if (code == "accepted") return _("Accepted");
  if (code == "done") return _("Done");
  if (code == "declined") return _("Declined");
  return Wx(code);
}

}  // namespace

std::string StoryWord(std::string_view kind, std::string_view code) {
  if (code.empty()) return Utf8(KindWord(kind));
  if (kind == "case") return Utf8(StateLabel(code));
  if (kind == "alert") return Utf8(AlertStateLabel(code));
  if (kind == "help") return Utf8(HelpKindWord(code));
  if (kind == "visit") return Utf8(LevelWord(code));
  if (kind == "referral") return Utf8(ReferralStateWord(code));
  return std::string(code);
}

}  // namespace doudi::gui
