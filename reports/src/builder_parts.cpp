#include "builder_parts.h"

#include <utility>
#include <variant>

#include "doudi/model/masking.h"
#include "doudi/model/resident_id.h"

namespace doudi::reports {

std::string MaskIdNumber(std::string_view idNumber, std::chrono::year_month_day today) {
  if (idNumber.empty()) {
    return {};
  }
  const auto parsed = model::ResidentId::Parse(idNumber, today);
  if (const auto* id = std::get_if<model::ResidentId>(&parsed)) {
    return id->Masked();
  }
  // Already in the display form (the data layer gives rosters masked IDs):
  // it shows nothing more than the mask would.
  if (model::IsMaskedIdNumber(idNumber)) {
    return std::string(idNumber);
  }
  // Not a valid ID (a typo, an old 15-digit number, already masked): show
  // none of it rather than guess which part is safe.
  return std::string(std::max<std::size_t>(idNumber.size(), 4), '*');
}

std::string MaskAccount(std::string_view account) {
  return account.empty() ? std::string() : model::MaskBankAccount(account);
}

namespace detail {
namespace {

std::optional<model::ResidentId> ParseId(std::string_view text, std::chrono::year_month_day today) {
  auto parsed = model::ResidentId::Parse(text, today);
  if (auto* id = std::get_if<model::ResidentId>(&parsed)) {
    return std::move(*id);
  }
  return std::nullopt;
}

const MemberInput* Head(const HouseholdInput& household) {
  for (const MemberInput& member : household.members) {
    if (member.relation == model::Relation::Head) {
      return &member;
    }
  }
  return household.members.empty() ? nullptr : &household.members.front();
}

}  // namespace

Document NewDocument(const Issue& issue, std::string title, std::string subtitle) {
  Document document;
  document.title = std::move(title);
  document.subtitle = std::move(subtitle);
  document.number = issue.number;
  document.issuer = issue.office;
  document.generatedOn = issue.date;
  return document;
}

Paragraph Indented(std::string text) {
  return Paragraph{"　　" + std::move(text)};
}

model::Money TotalIncome(const HouseholdInput& household) {
  model::Money total;
  for (const IncomeInput& income : household.incomes) {
    total += income.monthly;
  }
  return total;
}

FieldGrid HouseholdFacts(const HouseholdInput& household, const std::string& program,
                         std::chrono::year_month_day today) {
  const MemberInput* head = Head(household);
  FieldGrid grid{2, {}};
  grid.fields = {
      {"户主姓名", household.headName},
      {"户主身份证号", head != nullptr ? MaskIdNumber(head->idNumber, today) : std::string()},
      {"所在地区", household.regionName},
      {"家庭住址", household.address},
      {"联系电话", household.phone},
      {"家庭人口", std::to_string(household.members.size()) + "人"},
      {"开户银行", household.bankName},
      {"银行账号", MaskAccount(household.bankAccount)},
  };
  if (!program.empty()) {
    grid.fields.push_back({"救助类别", program});
    grid.fields.push_back({"家庭月总收入", TotalIncome(household).ToDisplayString() + "元"});
  }
  return grid;
}

Table MembersTable(const std::vector<MemberInput>& members, std::chrono::year_month_day today) {
  Table table;
  table.columns = {
      {"序号", 0.5, Align::Center, ColumnKind::Integer},     {"姓名", 0.8, Align::Center, ColumnKind::Text},
      {"与户主关系", 1.0, Align::Center, ColumnKind::Text},  {"身份证号", 1.8, Align::Center, ColumnKind::Text},
      {"性别", 0.5, Align::Center, ColumnKind::Text},        {"年龄", 0.5, Align::Center, ColumnKind::Integer},
      {"健康状况", 1.4, Align::Left, ColumnKind::Text},      {"劳动能力", 1.2, Align::Center, ColumnKind::Text},
      {"月收入（元）", 1.0, Align::Right, ColumnKind::Money},
  };
  std::int64_t index = 0;
  for (const MemberInput& member : members) {
    const auto id = ParseId(member.idNumber, today);
    Row row;
    row.cells = {
        IntegerCell(++index),
        TextCell(member.name),
        TextCell(std::string(model::ToChinese(member.relation))),
        TextCell(MaskIdNumber(member.idNumber, today)),
        TextCell(id ? (id->GetSex() == model::Sex::Male ? "男" : "女") : ""),
        id ? IntegerCell(id->AgeAt(today)) : TextCell(""),
        TextCell(member.health),
        TextCell(std::string(model::ToChinese(member.workAbility))),
        MoneyCell(member.monthlyIncome),
    };
    table.rows.push_back(std::move(row));
  }
  return table;
}

Table IncomesTable(const std::vector<IncomeInput>& incomes) {
  Table table;
  table.columns = {
      {"收入类别", 1.2, Align::Center, ColumnKind::Text},
      {"来源及核定方式", 4.0, Align::Left, ColumnKind::Text},
      {"月收入（元）", 1.2, Align::Right, ColumnKind::Money},
  };
  model::Money total;
  for (const IncomeInput& income : incomes) {
    table.rows.push_back(Row{RowKind::Normal, {TextCell(income.kind), TextCell(income.description), MoneyCell(income.monthly)}});
    total += income.monthly;
  }
  table.rows.push_back(Row{RowKind::Total, {TextCell("合计"), TextCell(""), MoneyCell(total)}});
  return table;
}

Paragraph ObjectionParagraph(const ObjectionRights& rights, std::string_view documentName) {
  return Indented("如对本" + std::string(documentName) + "不服，可以自收到本" + std::string(documentName) + "之日起" +
                  std::to_string(rights.reviewDays) + "日内向" + rights.reviewBody + "申请行政复议，或者自收到本" +
                  std::string(documentName) + "之日起" + std::to_string(rights.litigationMonths) + "个月内向" +
                  rights.court + "提起行政诉讼。");
}

void AddWorking(Document& document, const std::vector<std::string>& working) {
  if (working.empty()) {
    return;
  }
  std::string text = "核算过程：";
  for (const std::string& line : working) {
    text += "\n" + line;
  }
  document.blocks.emplace_back(Paragraph{std::move(text)});
}

}  // namespace detail
}  // namespace doudi::reports
