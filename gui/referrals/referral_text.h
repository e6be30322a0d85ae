#pragma once
// How the referral screens say things: a referral's state and the kinds of
// help in the model's Chinese, a line the send dialog
// offers, a due date with how late it is, and the colours of late rows. One
// place, so the case view, the alert view, the 待办 and the dialog never word
// the same thing two ways.
#include <wx/colour.h>
#include <wx/string.h>

#include <string>
#include <string_view>
#include <vector>

#include "doudi/dal/referral_repository.h"
#include "doudi/workstation/referral_send.h"

class wxListCtrl;

namespace doudi::gui {

wxString ReferralStateLabel(std::string_view state);
wxString HelpKindLabel(std::string_view kind);

// "医疗保障局 · 医疗救助 · 5个工作日，2026-12-11前反馈".
wxString OfferLabel(const workstation::ReferralOffer& offer);

// The due date and, while open and late, by how many working days ("2026-12-11
// (逾期 3 个工作日)"); escalated ones say that they reached the center.
wxString ReferralDueText(const dal::Referral& referral);
// The referral's state, and "帮扶已办结" once the help of the case or alert it
// answers is closed.
wxString ReferralStateText(const dal::Referral& referral);
// 四帮四扶 term codes (model::SupportTerm) in words: "帮就医、扶伤残".
wxString SupportTermsText(const std::vector<std::string>& terms);
// The answer in a few words: who accepted, the reason of a decline, what was
// given and the 四帮四扶 terms it counts under (on the department's behalf,
// when the center recorded it); first,
// when the database flagged it, that another giver gave the same kind of
// help lately (duplicate_help_months).
wxString ReferralAnswerText(const dal::Referral& referral);
// The line a form shows for the referral: department, kind, household, what is asked.
wxString ReferralHeading(const dal::Referral& referral);

// Whether a referral is still waiting for the department's answer.
bool IsOpenReferral(const dal::Referral& referral);

// Colours a row of list: red text when overdue, and a light red background
// too when escalated.
void MarkReferralRow(wxListCtrl* list, long row, const dal::Referral& referral);

}  // namespace doudi::gui
