// The per-case documents: approval form, survey form, household file,
// decision and refusal notice.

#include <utility>

#include "builder_parts.h"
#include "doudi/reports/documents.h"

namespace doudi::reports {

using detail::Indented;

namespace {

// A letter's head: its number and title, then the recipient greeted by name
// and masked ID.
Document NewLetter(const LetterInput& input, std::string title) {
  Document document = detail::NewDocument(input.issue, std::move(title), "");
  document.blocks.emplace_back(
      Paragraph{input.recipient + "（身份证号：" + MaskIdNumber(input.idNumber, input.issue.date) + "）："});
  return document;
}

// A letter's foot: how to object to it (documentName: 决定, 通知书), then the
// office's seal.
void CloseLetter(Document& document, const LetterInput& input, std::string_view documentName) {
  document.blocks.emplace_back(detail::ObjectionParagraph(input.rights, documentName));
  document.blocks.emplace_back(OfficeSeal{input.issue.office, input.issue.date});
}

}  // namespace

Document ApprovalForm(const ApprovalFormInput& input) {
  const auto& household = input.household;
  Document document = detail::NewDocument(input.issue, input.program + "审批表",
                                          "申请日期：" + ChineseDate(input.appliedOn));
  document.blocks.emplace_back(Heading{"一、家庭基本情况"});
  document.blocks.emplace_back(detail::HouseholdFacts(household, input.program, input.issue.date));
  document.blocks.emplace_back(FieldGrid{1, {{"申请理由", input.applicationReason}}});
  document.blocks.emplace_back(Heading{"二、家庭成员情况"});
  document.blocks.emplace_back(detail::MembersTable(household.members, input.issue.date));
  document.blocks.emplace_back(Heading{"三、家庭收入情况"});
  document.blocks.emplace_back(detail::IncomesTable(household.incomes));

  const model::Money total = detail::TotalIncome(household);
  const auto size = static_cast<std::int64_t>(household.members.size());
  document.blocks.emplace_back(Heading{"四、保障金额核定"});
  document.blocks.emplace_back(FieldGrid{
      2,
      {
          {"保障标准", input.standardPerPerson.ToDisplayString() + "元/人·月"},
          {"家庭月总收入", total.ToDisplayString() + "元"},
          {"家庭人口", std::to_string(size) + "人"},
          {"月人均收入", (size > 0 ? total.DividedBy(size) : model::Money()).ToDisplayString() + "元"},
          {"核定月保障金", input.monthlyAmount.ToDisplayString() + "元"},
          {"保障人口", std::to_string(size) + "人"},
      },
  });
  detail::AddWorking(document, input.working);

  document.blocks.emplace_back(Heading{"五、审核审批意见"});
  for (const LevelOpinion& opinion : input.opinions) {
    document.blocks.emplace_back(Opinion{opinion.level, opinion.opinion, "负责人", opinion.signer, opinion.date, true});
  }
  document.blocks.emplace_back(Signatures{{{"经办人", "", false}, {"审核人", "", false}, {"负责人", "", true}}});
  return document;
}

Document SurveyForm(const SurveyFormInput& input) {
  const auto& household = input.household;
  Document document = detail::NewDocument(input.issue, "家庭经济状况入户调查表",
                                          input.program + "　调查日期：" + ChineseDate(input.surveyedOn));
  document.blocks.emplace_back(Heading{"一、家庭基本情况"});
  document.blocks.emplace_back(detail::HouseholdFacts(household, input.program, input.issue.date));
  document.blocks.emplace_back(Heading{"二、家庭成员情况"});
  document.blocks.emplace_back(detail::MembersTable(household.members, input.issue.date));
  document.blocks.emplace_back(Heading{"三、入户调查情况"});
  Table findings;
  findings.columns = {{"调查项目", 1.2, Align::Center, ColumnKind::Text}, {"调查情况", 5.0, Align::Left, ColumnKind::Text}};
  for (const SurveyFinding& finding : input.findings) {
    findings.rows.push_back(Row{RowKind::Normal, {TextCell(finding.item), TextCell(finding.finding)}});
  }
  document.blocks.emplace_back(std::move(findings));
  document.blocks.emplace_back(FieldGrid{1, {{"调查结论", input.conclusion}}});
  document.blocks.emplace_back(Heading{"四、调查人员签字"});
  document.blocks.emplace_back(Signatures{{{"调查人（一）", input.surveyor1, false}, {"调查人（二）", input.surveyor2, false}}});
  document.blocks.emplace_back(Heading{"五、在场家庭成员签字"});
  document.blocks.emplace_back(Indented("以上调查情况属实，本人对调查内容无异议。"));
  Signatures present;
  for (const std::string& member : input.membersPresent) {
    present.boxes.push_back(Signature{"在场家庭成员", member, false});
  }
  document.blocks.emplace_back(std::move(present));
  return document;
}

Document HouseholdFile(const HouseholdFileInput& input) {
  const auto& household = input.household;
  Document document = detail::NewDocument(input.issue, "社会救助家庭档案",
                                          household.regionName + "　户主：" + household.headName);
  document.blocks.emplace_back(Heading{"一、家庭基本情况"});
  document.blocks.emplace_back(detail::HouseholdFacts(household, input.registryStatus, input.issue.date));
  document.blocks.emplace_back(Heading{"二、家庭成员"});
  document.blocks.emplace_back(detail::MembersTable(household.members, input.issue.date));
  if (!input.cards.empty()) {
    document.blocks.emplace_back(Paragraph{"居民身份证（读卡器读取）："});
    Table cards;
    cards.columns = {{"姓名", 1.0, Align::Center, ColumnKind::Text},   {"民族", 0.9, Align::Center, ColumnKind::Text},
                     {"签发机关", 2.0, Align::Left, ColumnKind::Text}, {"有效期限", 2.6, Align::Center, ColumnKind::Text},
                     {"读卡时间", 1.6, Align::Center, ColumnKind::Text}};
    for (const CardLine& card : input.cards) {
      const std::string validity =
          ChineseDate(card.validFrom) + "至" + (card.validUntil ? ChineseDate(*card.validUntil) : std::string("长期"));
      cards.rows.push_back(Row{RowKind::Normal, {TextCell(card.name), TextCell(card.ethnicity), TextCell(card.authority),
                                                 TextCell(validity), TextCell(card.readAt)}});
    }
    document.blocks.emplace_back(std::move(cards));
  }
  document.blocks.emplace_back(Heading{"三、家庭收入"});
  document.blocks.emplace_back(detail::IncomesTable(household.incomes));
  document.blocks.emplace_back(Heading{"四、家庭财产"});
  Table assets;
  assets.columns = {{"财产类别", 1.2, Align::Center, ColumnKind::Text},
                    {"说明", 4.0, Align::Left, ColumnKind::Text},
                    {"价值（元）", 1.2, Align::Right, ColumnKind::Money}};
  for (const AssetInput& asset : input.assets) {
    assets.rows.push_back(Row{RowKind::Normal, {TextCell(asset.kind), TextCell(asset.description), MoneyCell(asset.value)}});
  }
  document.blocks.emplace_back(std::move(assets));
  document.blocks.emplace_back(Heading{"五、救助记录"});
  Table history;
  history.columns = {{"日期", 1.3, Align::Center, ColumnKind::Text}, {"事项", 5.0, Align::Left, ColumnKind::Text}};
  for (const FileEvent& event : input.history) {
    history.rows.push_back(Row{RowKind::Normal, {TextCell(ChineseDate(event.date)), TextCell(event.event)}});
  }
  document.blocks.emplace_back(std::move(history));
  if (input.attachments) {
    document.blocks.emplace_back(Heading{"六、附件"});
    Table files;
    files.columns = {{"类别", 1.4, Align::Center, ColumnKind::Text},  {"所属", 0.8, Align::Center, ColumnKind::Text},
                     {"文件名", 2.6, Align::Left, ColumnKind::Text},  {"版本", 0.6, Align::Center, ColumnKind::Text},
                     {"添加人", 1.0, Align::Center, ColumnKind::Text}, {"添加时间", 1.6, Align::Center, ColumnKind::Text},
                     {"SHA-256", 1.5, Align::Center, ColumnKind::Text}};
    for (const AttachmentLine& file : *input.attachments) {
      files.rows.push_back(Row{RowKind::Normal,
                               {TextCell(file.kind), TextCell(file.owner), TextCell(file.fileName),
                                TextCell(std::to_string(file.version)), TextCell(file.addedBy), TextCell(file.addedAt),
                                TextCell(file.sha256)}});
    }
    if (input.attachments->empty()) {
      files.rows.push_back(Row{RowKind::Normal, {TextCell("无"), TextCell(""), TextCell(""), TextCell(""),
                                                 TextCell(""), TextCell(""), TextCell("")}});
    }
    document.blocks.emplace_back(std::move(files));
  }
  return document;
}

Document Decision(const DecisionInput& input) {
  Document document = NewLetter(input, "给予" + input.program + "决定书");
  document.blocks.emplace_back(Indented(
      "你于" + ChineseDate(input.appliedOn) + "提出的" + input.program +
      "申请，经入户调查、家庭经济状况核对、公示和审核，符合" + input.program + "条件。现决定自" +
      ChineseMonth(input.firstMonth) + "起给予" + (input.perPerson ? "你" : "你家庭") + input.program +
      "，保障人口" + std::to_string(input.householdSize) + "人，每月保障金" +
      input.monthlyAmount.ToDisplayString() + "元，按月发放至" + (input.perPerson ? "登记的" : "你家庭的") +
      "银行账户。"));
  document.blocks.emplace_back(FieldGrid{
      2,
      {
          {"所在地区", input.regionName},
          {"救助类别", input.program},
          {"保障人口", std::to_string(input.householdSize) + "人"},
          {"月保障金", input.monthlyAmount.ToDisplayString() + "元"},
          {"起始月份", ChineseMonth(input.firstMonth)},
          {"申请日期", ChineseDate(input.appliedOn)},
      },
  });
  detail::AddWorking(document, input.working);
  document.blocks.emplace_back(Indented("家庭人口、收入、财产状况发生变化的，应当及时告知乡镇人民政府（街道办事处）。"));
  CloseLetter(document, input, "决定");
  return document;
}

Document RefusalNotice(const RefusalInput& input) {
  Document document = NewLetter(input, "不予批准" + input.program + "通知书");
  document.blocks.emplace_back(Indented("你于" + ChineseDate(input.appliedOn) + "提出的" + input.program +
                                        "申请（" + input.regionName +
                                        "），经入户调查、家庭经济状况核对和审核，不符合" + input.program +
                                        "条件，决定不予批准。理由如下："));
  static constexpr std::string_view kNumbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (std::size_t i = 0; i < input.reasons.size(); ++i) {
    const std::string number = i < std::size(kNumbers) ? std::string(kNumbers[i]) : std::to_string(i + 1);
    document.blocks.emplace_back(Indented("（" + number + "）" + input.reasons[i]));
  }
  CloseLetter(document, input, "通知书");
  return document;
}

}  // namespace doudi::reports
