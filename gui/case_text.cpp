#include "case_text.h"

#include <wx/intl.h>

#include <cstdio>
#include <regex>
#include <vector>

#include "doudi/model/case_workflow.h"
#include "wx_text.h"

namespace doudi::gui {

const wxColour kOverdueText(183, 28, 28);
const wxColour kDueSoonBackground(255, 236, 179);

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

wxString Yuan(model::Money amount) { return wxString(wxUniChar(0x00A5)) + Wx(amount.ToDisplayString()); }

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

std::string IsoDate(std::chrono::year_month_day date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view text) {
  static const std::regex kForm(R"(^(\d{4})-(\d{2})-(\d{2})$)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, kForm)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{std::stoi(m[1].str())},
                                         std::chrono::month{static_cast<unsigned>(std::stoi(m[2].str()))},
                                         std::chrono::day{static_cast<unsigned>(std::stoi(m[3].str()))}};
  if (!date.ok()) return std::nullopt;
  return date;
}

namespace {

// One form of working line: the model's English pattern and the translated
// text with {1}, {2}, {3} where the pattern's groups go. Translations use
// braces, not %s, so the catalog's format checks never misread them; the
// msgids are ASCII (x, /, ~ for ×, ÷, ≈) because a narrow literal with other
// characters is looked up through the C locale and comes back empty.
struct WorkingForm {
  std::regex pattern;
  wxString (*text)();
};

wxString SelfCareClass(const std::string& english) {
  if (english == "able to care for oneself") return _("able to care for oneself");
  if (english == "partial loss of self-care") return _("partial loss of self-care");
  if (english == "full loss of self-care") return _("full loss of self-care");
  return Wx(english);
}

const std::vector<WorkingForm>& WorkingForms() {
  // An amount as the model prints it: "1,080.00", "-0.50".
#define DOUDI_A "(-?[0-9,]+\\.[0-9]{2})"
  static const std::vector<WorkingForm> forms{
      {std::regex("^standard " DOUDI_A " × ([0-9]+) persons? = " DOUDI_A "$"),
       [] { return _("standard {1} x {2} persons = {3}"); }},
      {std::regex("^income " DOUDI_A "$"), [] { return _("household income {1} per month"); }},
      {std::regex("^per capita " DOUDI_A " ÷ ([0-9]+) = " DOUDI_A "$"), [] { return _("per capita {1} / {2} = {3}"); }},
      {std::regex("^per capita " DOUDI_A " ÷ ([0-9]+) ≈ " DOUDI_A "$"),
       [] { return _("per capita {1} / {2} ~ {3}"); }},
      {std::regex("^income not below " DOUDI_A ": not eligible$"),
       [] { return _("income not below {1}: not eligible"); }},
      {std::regex("^income below " DOUDI_A ": eligible$"), [] { return _("income below {1}: eligible"); }},
      {std::regex("^gap " DOUDI_A " - " DOUDI_A " = " DOUDI_A "$"), [] { return _("gap {1} - {2} = {3}"); }},
      {std::regex("^rounded up to the yuan: " DOUDI_A "$"), [] { return _("rounded up to the yuan: {1}"); }},
      {std::regex("^rounded to the nearest yuan \\(half up\\): " DOUDI_A "$"),
       [] { return _("rounded to the nearest yuan (half up): {1}"); }},
      {std::regex("^rounded down to the yuan: " DOUDI_A "$"), [] { return _("rounded down to the yuan: {1}"); }},
      {std::regex("^raised to the minimum per household " DOUDI_A "$"),
       [] { return _("raised to the minimum per household {1}"); }},
      {std::regex("^monthly amount " DOUDI_A "$"), [] { return _("monthly amount {1}"); }},
      {std::regex("^monthly amount " DOUDI_A " \\+ " DOUDI_A " = " DOUDI_A "$"),
       [] { return _("monthly amount {1} + {2} = {3}"); }},
      {std::regex("^basic support " DOUDI_A "$"), [] { return _("basic support {1}"); }},
      {std::regex("^care \\(([a-z -]+)\\) " DOUDI_A "$"), [] { return _("care ({1}) {2}"); }},
      {std::regex("^requested " DOUDI_A "$"), [] { return _("requested {1}"); }},
      {std::regex("^cap per approval " DOUDI_A "$"), [] { return _("cap per approval {1}"); }},
      {std::regex("^amount " DOUDI_A " \\(capped\\)$"), [] { return _("amount {1} (capped)"); }},
      {std::regex("^amount " DOUDI_A " \\(within the cap\\)$"), [] { return _("amount {1} (within the cap)"); }},
      {std::regex("^amount " DOUDI_A " entered by hand: (.*)$"), [] { return _("amount {1} entered by hand: {2}"); }},
      {std::regex("^household has no members: not eligible$"),
       [] { return _("household has no members: not eligible"); }},
  };
#undef DOUDI_A
  return forms;
}

}  // namespace

wxString WorkingLine(const std::string& line) {
  for (const auto& form : WorkingForms()) {
    std::smatch m;
    if (!std::regex_match(line, m, form.pattern)) continue;
    wxString text = form.text();
    for (std::size_t i = 1; i < m.size(); ++i) {
      const std::string group = m[i].str();
      const wxString value = group.find_first_not_of("-0123456789,.") == std::string::npos ? Wx(group)
                                                                                           : SelfCareClass(group);
      text.Replace(wxString::Format(wxS("{%zu}"), i), value);
    }
    return text;
  }
  return Wx(line);
}

}  // namespace doudi::gui
