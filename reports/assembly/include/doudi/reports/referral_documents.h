#pragma once
// The 转办单 of one referral (documents.h ReferralSlip) from the referral
// overview as the caller may read it: a liaison prints only the referrals to
// their department, with the household's least data (the masked ID). The
// issuing center is the joint_help program's issuing_office, else the one
// 低保 prints (the county's 民政局); the number is the county's
// 民转〔year〕id号. The answer block is filled once the department answered.
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "doudi/dal/program_parameters.h"
#include "doudi/dal/referral_repository.h"
#include "doudi/reports/document.h"

namespace doudi::reports {

// Throws DocumentUnavailable (NotVisible when the caller cannot see the
// referral); the repositories' errors pass through.
Document ReferralSlipDocument(dal::ReferralRepository& referrals, dal::ProgramParameters& parameters,
                              const std::map<std::string, std::string>& regionNames, std::int64_t referralId);

}  // namespace doudi::reports
