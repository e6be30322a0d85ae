#include "referrals/referral_text.h"

#include <wx/intl.h>
#include <wx/listctrl.h>

#include "cases/case_text.h"
#include "common/wx_text.h"
#include "doudi/model/referral.h"

namespace doudi::gui {
namespace {

const wxColour kEscalatedBackground(255, 228, 228);

}  // namespace

wxString ReferralStateLabel(std::string_view state) {
  return CodeLabel<model::ReferralState>(state);
}
wxString HelpKindLabel(std::string_view kind) {
  return CodeLabel<model::HelpKind>(kind);
}

wxString OfferLabel(const workstation::ReferralOffer& offer) {
  wxString label = Wx(offer.departmentName) + wxS(" · ") + HelpKindLabel(offer.kind) + wxS(" · ") +
                   wxString::Format(_("%d working days"), offer.dueDays);
  if (offer.dueOn) label += wxS(", ") + wxString::Format(_("due %s"), Wx(IsoDate(*offer.dueOn)));
  return label;
}

bool IsOpenReferral(const dal::Referral& referral) {
  return referral.state == "sent" || referral.state == "accepted";
}

wxString ReferralDueText(const dal::Referral& referral) {
  wxString text = Wx(referral.dueOn);
  if (IsOpenReferral(referral) && referral.overdueDays > 0) {
    text += wxS(" ") + wxString::Format(_("(overdue %d working days)"), referral.overdueDays);
    if (referral.escalated) text += wxS(" ") + _("escalated");
  }
  return text;
}

namespace {

// What the department answered, alone.
wxString AnswerOnly(const dal::Referral& r) {
  if (r.state == "declined") {
    return wxString::Format(_("Declined by %s: %s"), Wx(r.closedBy), Wx(r.declineReason));
  }
  if (r.state == "done") {
    wxString given = HelpKindLabel(r.feedbackKind.empty() ? r.kind : r.feedbackKind);
    if (r.feedbackAmountFen) given += wxS(" ") + Yuan(model::Money::FromFen(*r.feedbackAmountFen));
    if (!r.feedbackDescription.empty()) given += wxS(" ") + Wx(r.feedbackDescription);
    wxString text = wxString::Format(_("Given %s by %s: %s"), Wx(r.feedbackGivenOn), Wx(r.feedbackGivenBy), given);
    if (!r.feedbackTerms.empty()) {
      text += wxS(" ") + wxString::Format(_("(counts under %s)"), SupportTermsText(r.feedbackTerms));
    }
    if (r.closedOnBehalf) text += wxS(" ") + _("[recorded by the center on the department's behalf]");
    return text;
  }
  if (r.state == "accepted") return wxString::Format(_("Accepted by %s, %s"), Wx(r.acceptedBy), Wx(r.acceptedAt));
  return {};
}

}  // namespace

wxString SupportTermsText(const std::vector<std::string>& terms) {
  wxString text;
  for (const auto& code : terms) {
    if (!text.empty()) text += wxS("、");
    text += CodeLabel<model::SupportTerm>(code);
  }
  return text;
}

wxString ReferralStateText(const dal::Referral& r) {
  wxString text = ReferralStateLabel(r.state);
  if (r.helpClosed) text += wxS(" · ") + _("help closed");
  return text;
}

wxString ReferralAnswerText(const dal::Referral& r) {
  // Help of the same kind another giver gave the household lately (help record No.).
  const wxString duplicate = r.duplicateOf ? wxString::Format(_("[same kind of help already given: record %lld]"),
                                                              static_cast<long long>(*r.duplicateOf)) +
                                                 wxS(" ")
                                           : wxString();
  return duplicate + AnswerOnly(r);
}

wxString ReferralHeading(const dal::Referral& r) {
  return wxString::Format(_("No. %lld: %s, %s for %s's household (%s)"), static_cast<long long>(r.id),
                          Wx(r.departmentName), HelpKindLabel(r.kind), Wx(r.headName), Wx(r.villageName));
}

void MarkReferralRow(wxListCtrl* list, long row, const dal::Referral& referral) {
  if (!IsOpenReferral(referral) || referral.overdueDays <= 0) return;
  list->SetItemTextColour(row, kOverdueText);
  if (referral.escalated) list->SetItemBackgroundColour(row, kEscalatedBackground);
}

}  // namespace doudi::gui
