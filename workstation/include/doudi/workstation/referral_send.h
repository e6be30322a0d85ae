#pragma once
// One 转办 as the referral dialog builds it, without the window
// (gui/referrals/referral_dialog.h): the county's departments and the kinds
// of help each gives are the lines offered; the desk ticks lines and writes,
// per line, what is asked and the documents that go with it; Send sends all
// ticked lines at once under ONE request id that the send keeps for its whole
// life, so that trying again after a lost reply never makes a second set
// (doudi.referral_send answers the same id with the same referrals). While a
// send is under way or its outcome is unknown, the lines cannot change: what
// goes again is what went first.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doudi::workstation {

// A line the dialog offers: one department and one kind of help it gives,
// with the working days it has to answer (in force on the send date) and the
// due date that makes when sent that day.
struct ReferralOffer {
  std::string department;  // code, e.g. medical_insurance
  std::string departmentName;
  std::string kind;  // help kind code, e.g. medical_aid
  int dueDays = 0;
  std::optional<std::chrono::year_month_day> dueOn;
};

// A ticked line: the offer's index, what is asked and the documents.
struct ReferralChoice {
  std::size_t offer = 0;
  std::string request;
  std::vector<std::string> documents;
};

// The limits the database checks again (doudi.referral's CHECKs).
inline constexpr std::size_t kReferralRequestMaxChars = 1000;
inline constexpr std::size_t kReferralMaxDocuments = 20;

// Documents typed one a line (or separated by 、，；,;): each trimmed of white
// space (full-width included), empty ones and repeats dropped, in order.
std::vector<std::string> DocumentList(std::string_view text);

// Why a send cannot go yet; line is the offer's index where it applies.
struct ReferralProblem {
  enum class Kind {
    NothingChosen,    // no line ticked
    RequestMissing,   // a ticked line says nothing of what is asked
    RequestTooLong,   // over kReferralRequestMaxChars characters
    TooManyDocuments  // over kReferralMaxDocuments documents
  };
  Kind kind = Kind::NothingChosen;
  std::size_t line = 0;
};

class ReferralSend {
 public:
  enum class Stage {
    Editing,      // lines may change
    Sending,      // under way: frozen
    Unconfirmed,  // the reply was lost: frozen, Send again sends the same
    Sent          // the referrals exist: nothing more to send
  };

  // requestId: dal::NewRequestId(), kept for the send's whole life.
  ReferralSend(std::vector<ReferralOffer> offers, std::string requestId);

  const std::vector<ReferralOffer>& Offers() const { return m_offers; }
  const std::string& RequestId() const { return m_requestId; }
  Stage GetStage() const { return m_stage; }
  bool Frozen() const { return m_stage != Stage::Editing; }

  // Each returns false (and changes nothing) when frozen or index is out of range.
  bool Choose(std::size_t offer, bool chosen);
  bool SetRequest(std::size_t offer, std::string request);
  bool SetDocuments(std::size_t offer, std::string_view text);
  // The same request and documents on every ticked line that has none yet.
  bool FillEmpty(std::string_view request, std::string_view documents);

  bool IsChosen(std::size_t offer) const;
  const std::string& Request(std::size_t offer) const;
  const std::vector<std::string>& Documents(std::size_t offer) const;
  // The ticked lines in the order offered, requests trimmed.
  std::vector<ReferralChoice> Chosen() const;
  // The first reason the send cannot go (in the order offered); none when it can.
  std::optional<ReferralProblem> Problem() const;

  // Starts a send: false when there is a problem or it is already under way
  // or done. An unconfirmed send starts again with the same lines and id.
  bool BeginSend();
  // The referrals made (or found again for this request id).
  void Sent(std::vector<std::int64_t> referralIds);
  // The send failed: connectionLost means it may have arrived (frozen,
  // Unconfirmed); otherwise the server refused it and nothing was stored, so
  // the lines may be changed again.
  void Failed(bool connectionLost);
  const std::vector<std::int64_t>& ReferralIds() const { return m_referralIds; }

 private:
  struct Line {
    bool chosen = false;
    std::string request;
    std::vector<std::string> documents;
  };
  std::vector<ReferralOffer> m_offers;
  std::vector<Line> m_lines;
  std::string m_requestId;
  Stage m_stage = Stage::Editing;
  std::vector<std::int64_t> m_referralIds;
};

}  // namespace doudi::workstation
