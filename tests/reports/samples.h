#pragma once
// Plausible inputs for every document kind, shared by the report tests, the
// sample renderer (docs/samples) and bench/report_bench.cpp: households of
// 三门县 (region 331022), Chinese names, amounts in fen, and full valid ID
// numbers and bank accounts, so every test also proves the builders mask them.

#include <cstddef>
#include <string>
#include <vector>

#include "doudi/reports/documents.h"

namespace doudi::reports::samples {

// A full valid resident ID born in 331022 (三门县): 17 digits and the check
// character, from the birth date and a sequence number.
std::string ResidentIdFor(int year, unsigned month, unsigned day, int sequence);

ApprovalFormInput Approval();
SurveyFormInput Survey();
HouseholdFileInput File();
DecisionInput DecisionSample();
DecisionInput DestituteDecisionSample();
RefusalInput Refusal();
NoticeRosterInput Notice();
// A county roster of lineCount lines over 5 townships of 8 villages each.
PaymentRosterInput Payment(std::size_t lineCount);
StatisticsInput Statistics();
// A referral of the 章 household to 医保 for medical aid; answered (done,
// recorded on the department's behalf) when answered is true.
ReferralSlipInput Referral(bool answered);

// Every full ID number and bank account the samples above put in, to search
// the outputs for (none may appear).
std::vector<std::string> SecretsOf(const PaymentRosterInput& input);
std::vector<std::string> SampleSecrets();

// Each kind's sample document by file stem: approval-form, survey-form,
// household-file, decision, refusal, notice-roster, payment-roster (300
// lines), statistics, referral-slip (answered).
struct NamedDocument {
  std::string stem;
  Document document;
};
std::vector<NamedDocument> AllKinds();

}  // namespace doudi::reports::samples
