#include "doudi/reports/referral_documents.h"

#include "doudi/model/money.h"
#include "doudi/model/referral.h"
#include "doudi/reports/case_documents.h"
#include "doudi/reports/documents.h"
#include "places.h"

namespace doudi::reports {
namespace {

template <typename E>
std::string Chinese(const std::string& code) {
  const auto value = model::ParseEnum<E>(code);
  return value ? std::string(model::ToChinese(*value)) : code;
}

std::string Joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : separator) + part;
  return text;
}

// What the department gave, as the answer block prints it.
std::string Given(const dal::Referral& r) {
  std::vector<std::string> parts{Chinese<model::HelpKind>(r.feedbackKind.empty() ? r.kind : r.feedbackKind)};
  if (r.feedbackAmountFen) parts.push_back(model::Money::FromFen(*r.feedbackAmountFen).ToDisplayString() + "元");
  if (!r.feedbackDescription.empty()) parts.push_back(r.feedbackDescription);
  return Joined(parts, " ");
}

std::string Subject(const dal::Referral& r, dal::ProgramParameters& parameters) {
  if (r.caseId) {
    std::string program = r.caseProgram;
    for (const auto& p : parameters.Programs()) {
      if (p.code == r.caseProgram) program = p.chinese;
    }
    return program + "申请（案件 " + std::to_string(*r.caseId) + "）";
  }
  if (r.alertId) return "预警核查（预警 " + std::to_string(*r.alertId) + "）";
  return "困难家庭帮扶需求";
}

}  // namespace

Document ReferralSlipDocument(dal::ReferralRepository& referrals, dal::ProgramParameters& parameters,
                              const std::map<std::string, std::string>& regionNames, std::int64_t referralId) {
  const auto found = referrals.Get(referralId);
  if (!found) {
    throw DocumentUnavailable(DocumentUnavailable::Reason::NotVisible,
                              "referral " + std::to_string(referralId) + " cannot be found or is outside your scope");
  }
  const dal::Referral& r = *found;
  const assembly::Places places(regionNames);
  assembly::Issuer issuer(parameters, places);
  const auto sentOn = assembly::ParseDate(r.referredAt);
  const auto dueOn = assembly::ParseDate(r.dueOn);
  if (!sentOn || !dueOn) {
    throw DocumentUnavailable(DocumentUnavailable::Reason::NotVisible,
                              "referral " + std::to_string(referralId) + " has no send or due date");
  }
  ReferralSlipInput input;
  input.issue = Issue{issuer.Office("joint_help", r.regionCode, *sentOn),
                      assembly::DocumentNumber(places, r.regionCode, "转", *sentOn, r.id), *sentOn};
  input.department = places.County(r.regionCode) + r.departmentName;
  input.helpKind = Chinese<model::HelpKind>(r.kind);
  input.subject = Subject(r, parameters);
  input.headName = r.headName;
  input.idNumber = r.headIdMasked;
  input.village = r.villageName;
  input.address = r.address;
  input.phone = r.phone;
  input.request = r.request;
  input.documents = r.documents;
  input.dueOn = *dueOn;
  input.dueDays = r.dueDays;
  if (r.state != "sent") {
    ReferralAnswerInput answer;
    answer.outcome = r.state == "declined" ? ReferralOutcome::Declined
                     : r.state == "done"   ? ReferralOutcome::Done
                                           : ReferralOutcome::Accepted;
    answer.reason = r.declineReason;
    if (r.state == "done") {
      answer.given = Given(r);
      answer.givenOn = assembly::ParseDate(r.feedbackGivenOn);
      answer.givenBy = r.feedbackGivenBy;
      answer.onBehalf = r.closedOnBehalf;
    }
    input.answer = answer;
  }
  return ReferralSlip(input);
}

}  // namespace doudi::reports
