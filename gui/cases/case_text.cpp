#include "cases/case_text.h"

#include <wx/intl.h>

#include <cstdio>
#include <regex>
#include <vector>

#include "common/wx_text.h"
#include "doudi/model/case_workflow.h"

namespace doudi::gui {

const wxColour kOverdueText(183, 28, 28);
const wxColour kDueSoonBackground(255, 236, 179);

void ColourByDeadline(wxListCtrl* list, long row, dal::DeadlineStatus status) {
  if (status == dal::DeadlineStatus::Overdue) list->SetItemTextColour(row, kOverdueText);
  if (status == dal::DeadlineStatus::DueSoon) list->SetItemBackgroundColour(row, kDueSoonBackground);
}

wxString StateLabel(std::string_view state) {
  if (const auto info = model::FindCaseState(state)) return Wx(info->chinese);
  return Wx(state);
}

wxString ActionLabel(std::string_view action) {
  if (const auto info = model::FindCaseAction(action)) return Wx(info->chinese);
  // Opening a case is recorded as a step but is no transition of the table.
  if (action == "apply") return _("Application");
  return Wx(action);
}

wxString StepOrderLabel(std::string_view order) {
  if (const auto value = model::ParseStepOrder(order)) return Wx(model::ToChinese(*value));
  return Wx(order);
}

wxString LevelLabel(std::string_view level) {
  if (level == "village") return _("Village");
  if (level == "township") return _("Township");
  if (level == "city") return _("City/county");
  return Wx(level);
}

wxString EvidenceKindLabel(std::string_view kind) {
  if (kind == "verification_report") return _("Economic-status verification report");
  if (kind == "appraisal_record") return _("Democratic appraisal record");
  if (kind == "income_proof") return _("Proof of income");
  if (kind == "medical_record") return _("Medical record");
  if (kind == "other") return _("Other");
  return Wx(kind);
}

wxString DueText(const std::string& date, bool certain) {
  if (date.empty()) return wxString::FromUTF8("—");
  return certain ? Wx(date) : Wx(date) + wxS(" ?");
}

wxString DeadlineWord(dal::DeadlineStatus status) {
  switch (status) {
    case dal::DeadlineStatus::Overdue:
      return _("overdue");
    case dal::DeadlineStatus::DueSoon:
      return _("due soon");
    case dal::DeadlineStatus::Uncertain:
      return _("uncertain");
    case dal::DeadlineStatus::None:
    case dal::DeadlineStatus::OnTime:
      break;
  }
  return {};
}



}  // namespace doudi::gui
