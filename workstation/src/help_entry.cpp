#include "doudi/workstation/help_entry.h"

#include "doudi/model/help.h"
#include "doudi/model/iso_date.h"
#include "doudi/model/money.h"
#include "doudi/model/text.h"

namespace doudi::workstation {
namespace {

std::string Trimmed(const std::string& text) {
  return std::string(model::TrimAsciiWhitespace(text));
}

bool Longer(const std::string& text, std::size_t limit) {
  return model::CountUtf8CodePoints(text).value_or(limit + 1) > limit;
}

}  // namespace

CheckedHelp CheckHelpInput(const HelpInput& input, std::chrono::year_month_day today) {
  CheckedHelp out;
  const auto problem = [&](const char* field, const char* code) { out.problems.push_back({field, code}); };
  dal::HelpEntry entry;
  entry.kind = input.kind;
  if (!model::ParseEnum<model::HelpKind>(input.kind)) problem("kind", "bad_code");
  entry.giverKind = input.giverKind;
  const auto giverKind = model::ParseEnum<model::HelpGiverKind>(input.giverKind);
  if (!giverKind) problem("giverKind", "bad_code");
  const bool byFund = giverKind == model::HelpGiverKind::Fund;
  const bool byDepartment = giverKind == model::HelpGiverKind::Department;
  entry.giver = Trimmed(input.giver);
  if (Longer(entry.giver, kMaxGiver)) {
    problem("giver", "too_long");
  } else if (entry.giver.empty() && giverKind && !byFund && !byDepartment) {
    problem("giver", "required");
  }
  if (byDepartment) {
    entry.department = Trimmed(input.department);
    if (entry.department.empty()) problem("department", "required");
  }
  if (byFund) {
    entry.fundCode = Trimmed(input.fundCode);
    if (entry.fundCode.empty()) problem("fundCode", "required");
  }
  const std::string amount = Trimmed(input.amountYuan);
  if (!amount.empty()) {
    const auto money = model::Money::ParseYuan(amount);
    if (!money || money->Fen() <= 0) {
      problem("amountYuan", "bad_amount");
    } else if (money->Fen() > kMaxHelpFen) {
      problem("amountYuan", "too_large");
    } else {
      entry.amount = *money;
    }
  } else if (byFund) {
    problem("amountYuan", "required");
  }
  entry.description = Trimmed(input.description);
  if (Longer(entry.description, kMaxDescription)) {
    problem("description", "too_long");
  } else if (amount.empty() && entry.description.empty() && !byFund) {
    problem("description", "amount_or_description");
  }
  entry.givenBy = Trimmed(input.givenBy);
  if (Longer(entry.givenBy, kMaxGivenBy)) problem("givenBy", "too_long");
  const auto date = model::ParseIsoDate(Trimmed(input.givenOn));
  if (!date) {
    problem("givenOn", "bad_date");
  } else if (*date > today) {
    problem("givenOn", "future_date");
  } else {
    entry.givenOn = model::IsoDate(*date);
  }
  for (const auto& term : input.terms) {
    if (!model::ParseEnum<model::SupportTerm>(term)) {
      problem("terms", "bad_code");
      break;
    }
    entry.terms.push_back(term);
  }
  if (out.problems.empty()) out.entry = std::move(entry);
  return out;
}

std::vector<SupportBox> SupportBoxes(const std::vector<dal::SupportTermCount>& summary) {
  std::vector<SupportBox> boxes;
  for (const auto& text : model::EnumTexts<model::SupportTerm>()) {
    SupportBox box{std::string(text.code), std::string(text.chinese)};
    for (const auto& row : summary) {
      if (row.term != text.code) continue;
      box.helps = row.helps;
      box.programs = row.programs;
    }
    boxes.push_back(std::move(box));
  }
  return boxes;
}

std::vector<dal::FundBalance> FundsFor(const std::vector<dal::FundBalance>& funds, const std::string& regionCode) {
  std::vector<dal::FundBalance> out;
  for (const auto& f : funds) {
    if (regionCode.rfind(f.fund.regionPrefix, 0) == 0 && f.fund.left.Fen() > 0) out.push_back(f);
  }
  return out;
}

}  // namespace doudi::workstation
