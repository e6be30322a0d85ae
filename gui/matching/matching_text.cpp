#include "matching/matching_text.h"

#include <wx/intl.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "cases/case_text.h"
#include "common/wx_text.h"
#include "doudi/model/benefit.h"
#include "doudi/model/text.h"

namespace doudi::gui {
namespace {

using Texts = std::vector<std::pair<std::string_view, wxString>>;

// Built when asked, so that each is translated in the interface's language.
Texts Reasons() {
  return {
      {"case_receiving", _("Already receives it: the case is approved and not ended.")},
      {"case_open", _("An application is open; another is not opened.")},
      {"excluded_by_case", _("A case of a program not received together with this one is open or paid.")},
      {"registry_status", _("The registry status says the household receives it.")},
      {"receives_assistance", _("The household receives the minimum living allowance, near-low-income or destitute "
                                "support, or is recorded with essential-expense hardship.")},
      {"parameter_missing", _("Cannot decide: a parameter this rule needs is not in force here.")},
      {"parameter_unusable", _("Cannot decide: a parameter this rule needs has a value the rule cannot use.")},
      {"no_members", _("The household has no members.")},
      {"income_below_standard", _("Per-capita income is below the minimum living standard.")},
      {"income_not_below_standard", _("Per-capita income is not below the minimum living standard.")},
      {"income_below_near_dibao_limit", _("Per-capita income is below the near-low-income limit.")},
      {"income_not_below_near_dibao_limit", _("Per-capita income is not below the near-low-income limit.")},
      {"receives_dibao",
       _("The household receives the minimum living allowance, which near-low-income support is not for.")},
      {"receives_destitute", _("The household receives destitute support, which takes the place of this program.")},
      {"in_support_group", _("The household is among those assistance serves.")},
      {"not_in_support_group",
       _("The household receives no assistance and its per-capita income is not below the near-low-income limit.")},
      {"deposits_within_limit", _("Deposits are within the limit.")},
      {"deposits_over_limit", _("Deposits are above the limit.")},
      {"vehicle_needs_survey", _("A vehicle is recorded: the survey checks whether its type is exempt.")},
      {"business_within_limit", _("A registered business's capital is within the limit.")},
      {"business_over_limit", _("A registered business's capital is above the limit.")},
      {"no_capacity_no_income_no_supporter",
       _("A member has no capacity to work and no income, and nobody in the household can support them.")},
      {"supporters_checked_by_survey", _("Supporters living elsewhere are checked by the survey.")},
      {"supporter_in_household_needs_survey",
       _("A member has no capacity to work; whether the household can support them needs a survey.")},
      {"incapable_members_have_income", _("The members without capacity to work have income of their own.")},
      {"every_member_can_work", _("Every member has capacity to work.")},
      {"work_ability_none_needs_survey",
       _("A member is recorded as unable to work without meeting the definition: the survey decides.")},
      {"age_unknown", _("A member's age is unknown (the ID number is masked).")},
      {"homeless_emergency", _("The household has no home: an emergency.")},
      {"expense_with_income_below_disposable",
       _("Essential spending is recorded and income is below the disposable-income line.")},
      {"income_not_below_disposable", _("Income is not below the disposable-income line.")},
      {"no_emergency_or_expense_in_record", _("The record shows no emergency and no essential spending.")},
      {"receives_registry_program",
       _("The household receives the minimum living allowance, near-low-income or destitute support.")},
      {"essential_spending_over_share", _("Essential spending is above the share of income.")},
      {"essential_spending_within_share", _("Essential spending is within the share of income.")},
      {"spending_unknown_needs_survey", _("Medical or school spending is not known here: the survey finds it out.")},
      {"no_essential_spending_in_record", _("The record shows no illness, student or spending.")},
      {"no_illness_in_record", _("No member has an illness recorded.")},
      {"ill_member_in_support_group", _("A member is ill in a household assistance serves.")},
      {"medical_spending_in_support_group", _("Medical spending is recorded in a household assistance serves.")},
      {"high_self_paid_spending", _("Self-paid medical spending is above the warning line.")},
      {"no_student", _("No member is in school.")},
      {"student_in_support_group", _("A member is in school in a household assistance serves.")},
      {"housing_adequate", _("The household owns its home.")},
      {"housing_hardship_in_support_group", _("The home is dilapidated or missing.")},
      {"rented_or_borrowed_needs_survey", _("The household rents or borrows its home: the survey decides.")},
      {"no_able_member_out_of_work", _("No member of working age is able to work and out of work.")},
      {"able_member_in_support_group", _("A member of working age is able to work and out of work.")},
      {"nobody_working", _("Nobody in the household works.")},
      {"homeless_cause_needs_survey",
       _("The household has no home: the survey finds out whether a disaster caused it.")},
      {"no_disaster_in_record", _("The record shows no disaster (emergency management reports them).")},
      {"no_need_in_record", _("The record shows no illness, disability, student or housing need.")},
      {"need_in_support_group", _("A need is recorded in a household assistance serves: the fund decides.")},
      {"no_elderly_or_minor", _("No member is elderly or a minor.")},
      {"elderly_or_minor_in_support_group", _("An elderly or minor member in a household assistance serves.")},
      {"no_disabled_member", _("No member has a disability.")},
      {"disabled_member_in_support_group", _("A disabled member in a household assistance serves.")},
      {"able_member_relies_on_assistance",
       _("A member able to work is out of work while the household receives assistance.")},
      {"not_receiving_assistance", _("The household receives no assistance.")},
  };
}

Texts FigureLabels() {
  return {
      {"members", _("Members")},
      {"total_income", _("Monthly income")},
      {"per_capita_income", _("Per capita")},
      {"dibao_standard", _("Minimum living standard")},
      {"dibao_limit_total", _("Standard times members")},
      {"near_dibao_percent", _("Near-low-income limit, percent of the standard")},
      {"near_dibao_limit_total", _("Near-low-income limit times members")},
      {"deposits", _("Deposits")},
      {"deposit_limit_per_person", _("Deposit limit per person")},
      {"deposit_limit_total", _("Deposit limit times members")},
      {"vehicles", _("Vehicles")},
      {"vehicle_exempt_types", _("Exempt vehicle types")},
      {"business_capital", _("Registered capital")},
      {"business_capital_limit", _("Capital limit")},
      {"real_estate", _("Properties")},
      {"registry_status", _("Registry status")},
      {"age", _("Age")},
      {"age_unknown", _("Age unknown")},
      {"elderly_age", _("Elderly from")},
      {"minor_age", _("Minor below")},
      {"disability", _("Disability")},
      {"disability_grade_limit", _("Counts up to grade")},
      {"work_ability", _("Work ability")},
      {"employment", _("Employment")},
      {"own_income", _("Own income")},
      {"able_members", _("Members able to work")},
      {"illness", _("Illness")},
      {"student", _("In school")},
      {"housing", _("Housing")},
      {"annual_income", _("Annual income")},
      {"disposable_income_per_capita", _("Disposable income per capita, last year")},
      {"disposable_income_total", _("Disposable income times members")},
      {"medical_self_paid", _("Self-paid medical, 12 months")},
      {"medical_warning_other", _("Medical warning line")},
      {"schooling_paid", _("School costs, 12 months")},
      {"essential_spending", _("Essential spending, 12 months")},
      {"essential_share", _("Share of income")},
      {"essential_share_limit", _("Share of annual income")},
  };
}

const wxString* Find(const Texts& texts, std::string_view code) {
  const auto it = std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.first == code; });
  return it == texts.end() ? nullptr : &it->second;
}

wxString VehicleType(const std::string& code) {
  if (code == "car") return _("car");
  if (code == "truck") return _("truck");
  if (code == "motorcycle") return _("motorcycle");
  if (code == "tricycle") return _("tricycle");
  if (code == "farm") return _("farm vehicle");
  if (code == "disability") return _("vehicle for the disabled");
  if (code == "other") return _("other vehicle");
  return Wx(code);
}

// A figure's value in its unit.
wxString Value(const model::MatchFigure& f) {
  switch (f.unit) {
    case model::FigureUnit::Fen:
      return Yuan(model::Money::FromFen(f.value));
    case model::FigureUnit::Count:
      return wxString::Format("%lld", static_cast<long long>(f.value));
    case model::FigureUnit::Years:
      return wxString::Format(_("%lld years"), static_cast<long long>(f.value));
    case model::FigureUnit::Percent:
      return wxString::Format("%lld%%", static_cast<long long>(f.value));
    case model::FigureUnit::Grade:
      return wxString::Format(_("%s grade %lld"), CodeLabel<model::DisabilityCategory>(f.text),
                              static_cast<long long>(f.value));
    case model::FigureUnit::Code:
      break;
  }
  if (f.code == "housing") return CodeLabel<model::HousingCondition>(f.text);
  if (f.code == "student") return CodeLabel<model::Schooling>(f.text);
  if (f.code == "employment") return CodeLabel<model::Employment>(f.text);
  if (f.code == "work_ability") return CodeLabel<model::WorkAbility>(f.text);
  if (f.code == "registry_status") return CodeLabel<model::RegistryStatus>(f.text);
  wxString out;
  const bool vehicles = f.code == "vehicle_exempt_types";
  for (const auto& part : model::Split(f.text, vehicles ? ',' : ';')) {
    if (!out.empty()) out += wxS("、");
    out += vehicles ? VehicleType(part) : Wx(part);
  }
  return out;
}

}  // namespace

wxString VerdictLabel(model::MatchVerdict verdict) {
  switch (verdict) {
    case model::MatchVerdict::Qualifies:
      return _("Qualifies");
    case model::MatchVerdict::MayQualify:
      return _("May qualify: needs a survey");
    case model::MatchVerdict::DoesNotQualify:
      return _("Does not qualify");
    case model::MatchVerdict::CannotDecide:
      return _("Cannot decide");
    case model::MatchVerdict::ApplicationOpen:
      return _("Application open");
    case model::MatchVerdict::AlreadyReceives:
      return _("Already receives");
    case model::MatchVerdict::Excluded:
      return _("Not received together");
  }
  return Wx(model::ToCode(verdict));
}

wxColour VerdictColour(model::MatchVerdict verdict) {
  switch (verdict) {
    case model::MatchVerdict::Qualifies:
      return {0x1B, 0x7F, 0x3B};
    case model::MatchVerdict::MayQualify:
      return {0xB3, 0x6B, 0x00};
    case model::MatchVerdict::DoesNotQualify:
    case model::MatchVerdict::Excluded:
      return {0x70, 0x70, 0x70};
    case model::MatchVerdict::CannotDecide:
      return {0xC6, 0x28, 0x28};
    case model::MatchVerdict::ApplicationOpen:
    case model::MatchVerdict::AlreadyReceives:
      return {0x15, 0x65, 0xC0};
  }
  return *wxBLACK;
}

wxString ReasonText(std::string_view code) {
  const Texts texts = Reasons();
  const wxString* text = Find(texts, code);
  return text != nullptr ? *text : Wx(code);
}

bool HasReasonText(std::string_view code) {
  return Find(Reasons(), code) != nullptr;
}

bool HasFigureLabel(std::string_view code) {
  return Find(FigureLabels(), code) != nullptr;
}

wxString FigureText(const model::MatchFigure& figure) {
  const Texts labels = FigureLabels();
  const wxString* label = Find(labels, figure.code);
  wxString text = label != nullptr ? *label : Wx(figure.code);
  if (figure.code != "age_unknown") text += wxS(" ") + Value(figure);
  return figure.member.empty() ? text : Wx(figure.member) + wxS(" ") + text;
}

wxString ItemName(const model::MatchItem& item) {
  for (const auto& info : model::MatchItems()) {
    if (info.code == item.code) return Wx(info.chinese);
  }
  return Wx(item.code);
}

wxString ProgramName(std::string_view program) {
  for (const auto& info : model::MatchItems()) {
    if (info.group == model::MatchGroup::Program && info.program == program) return Wx(info.chinese);
  }
  return Wx(program);
}

wxString PersonName(const model::Household& household, std::int64_t personId) {
  for (const auto& member : household.members) {
    if (member.id == personId) return Wx(member.name);
  }
  return wxString::Format("%lld", static_cast<long long>(personId));
}

wxString ItemDetails(const model::MatchItem& item, const model::Household& household) {
  wxArrayString lines;
  if (item.verdict == model::MatchVerdict::Excluded) {
    lines.push_back(wxString::Format(_("Not received together with case No. %lld (%s, %s):"),
                                     static_cast<long long>(item.caseId), ProgramName(item.excludedBy),
                                     StateLabel(item.caseState)));
    lines.push_back(Wx(item.exclusion));
  } else if (item.caseId != 0) {
    lines.push_back(
        wxString::Format(_("Case No. %lld, %s"), static_cast<long long>(item.caseId), StateLabel(item.caseState)));
  }
  if (!item.persons.empty()) {
    wxString names;
    for (const auto person : item.persons) {
      if (!names.empty()) names += wxS("、");
      names += PersonName(household, person);
    }
    lines.push_back(wxString::Format(_("Applied for per person, one case each: %s"), names));
  }
  for (const auto& reason : item.reasons) {
    if (reason == "excluded_by_case" && !item.exclusion.empty()) continue;  // said with its case above
    lines.push_back(ReasonText(reason));
  }
  if (!item.missing.empty()) {
    lines.push_back(wxString::Format(_("Missing parameter: %s"), Wx(model::Join(item.missing, ", "))));
  }
  wxString figures;
  for (const auto& figure : item.figures) {
    if (!figures.empty()) figures += wxS("；");
    figures += FigureText(figure);
  }
  if (!figures.empty()) lines.push_back(figures);
  return wxJoin(lines, '\n', '\0');
}

}  // namespace doudi::gui
