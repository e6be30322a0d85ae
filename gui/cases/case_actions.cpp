#include "cases/case_actions.h"

#include <wx/intl.h>

#include "cases/case_text.h"
#include "common/wx_text.h"

namespace doudi::gui {

wxString WhyNot(const workstation::CaseActionChoice& choice) {
  using workstation::CaseActionWait;
  switch (choice.waits) {
    case CaseActionWait::Nothing:
      return {};
    case CaseActionWait::Survey:
      return _("Record the home survey first (at least two surveyors).");
    case CaseActionWait::Evidence:
      return wxString::Format(_("Add the evidence first: %s."), EvidenceKindLabel(choice.requirement));
    case CaseActionWait::Authorization:
      return _("Attach the family's signed authorization (核对授权书) first.");
    case CaseActionWait::Amount:
      return _("Propose the amount first.");
    case CaseActionWait::NoticeEndDate:
      return _("The public notice has no end date yet.");
    case CaseActionWait::NoticeRunning:
      return wxString::Format(_("The public notice runs until %s."), Wx(choice.noticeEnd));
    case CaseActionWait::Other:
      break;
  }
  return wxString::Format(_("Needs %s first."), Wx(choice.requirement));
}

}  // namespace doudi::gui
