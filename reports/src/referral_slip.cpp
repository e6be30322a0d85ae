// The 转办单: one referral of the joint assistance center to a department,
// with the department's answer block.

#include <utility>

#include "builder_parts.h"
#include "doudi/reports/documents.h"

namespace doudi::reports {

using detail::Indented;

namespace {

std::string Box(bool ticked, std::string_view label) {
  return (ticked ? "■" : "□") + std::string(label);
}

std::string Numbered(const std::vector<std::string>& lines) {
  if (lines.empty()) {
    return "无";
  }
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    text += (i == 0 ? "" : "\n") + std::to_string(i + 1) + ". " + lines[i];
  }
  return text;
}

}  // namespace

Document ReferralSlip(const ReferralSlipInput& input) {
  Document document = detail::NewDocument(input.issue, "社会救助转办单", "");
  const std::string due = ChineseDate(input.dueOn);
  document.blocks.emplace_back(Paragraph{input.department + "："});
  document.blocks.emplace_back(
      Indented("现将下列困难家庭的" + input.helpKind + "事项转你单位办理，请于" + due + "前反馈办理结果。"));

  document.blocks.emplace_back(Heading{"一、困难家庭情况"});
  document.blocks.emplace_back(FieldGrid{
      2,
      {
          {"户主姓名", input.headName},
          {"身份证号", MaskIdNumber(input.idNumber, input.issue.date)},
          {"所在村（社区）", input.village},
          {"联系电话", input.phone},
      },
  });
  document.blocks.emplace_back(FieldGrid{1, {{"家庭住址", input.address}, {"转办事由", input.subject}}});

  document.blocks.emplace_back(Heading{"二、转办事项"});
  document.blocks.emplace_back(FieldGrid{2, {{"承办部门", input.department}, {"帮扶类别", input.helpKind}}});
  document.blocks.emplace_back(FieldGrid{
      1,
      {
          {"反馈期限", due + "前（自" + ChineseDate(input.issue.date) + "起" + std::to_string(input.dueDays) +
                           "个工作日）"},
          {"请求事项", input.request},
          {"随附材料", Numbered(input.documents)},
      },
  });

  document.blocks.emplace_back(Heading{"三、办理结果（承办部门填写）"});
  const ReferralAnswerInput* answer = input.answer ? &*input.answer : nullptr;
  const auto is = [&](ReferralOutcome outcome) { return answer != nullptr && answer->outcome == outcome; };
  const bool accepted = is(ReferralOutcome::Accepted) || is(ReferralOutcome::Done);
  FieldGrid result{1,
                   {{"办理情况", Box(accepted, "已接收") + "　　" + Box(is(ReferralOutcome::Declined), "不予办理") +
                                     "　　" + Box(is(ReferralOutcome::Done), "已办结")}}};
  // Blank lines to write on until answered; then only what applies.
  if (answer == nullptr || is(ReferralOutcome::Declined)) {
    result.fields.push_back({"不予办理理由", answer != nullptr ? answer->reason : std::string()});
  }
  if (answer == nullptr || is(ReferralOutcome::Done)) {
    result.fields.push_back({"帮扶内容", answer != nullptr ? answer->given : std::string()});
    result.fields.push_back(
        {"办结日期", answer != nullptr && answer->givenOn ? ChineseDate(*answer->givenOn) : std::string()});
  }
  document.blocks.emplace_back(std::move(result));
  if (answer != nullptr && answer->onBehalf) {
    document.blocks.emplace_back(
        Indented("以上办理结果由" + input.issue.office + "代" + input.department + "录入。"));
  }
  document.blocks.emplace_back(Signatures{{{"转办经办人", "", false},
                                           {"承办部门经办人", answer != nullptr ? answer->givenBy : std::string(), false},
                                           {"承办部门负责人", "", true}}});
  return document;
}

}  // namespace doudi::reports
