#include "doudi/workstation/referral_send.h"

#include <algorithm>
#include <utility>

#include "doudi/model/text.h"

namespace doudi::workstation {
namespace {

constexpr std::string_view kSeparators[] = {"\n", "\r", "、", "，", "；", ",", ";"};
constexpr std::string_view kIdeographicSpace = "　";

// Trims ASCII white space and the ideographic space at both ends.
std::string_view Trimmed(std::string_view text) {
  for (;;) {
    const auto before = text.size();
    text = model::TrimAsciiWhitespace(text);
    while (text.starts_with(kIdeographicSpace)) text.remove_prefix(kIdeographicSpace.size());
    while (text.ends_with(kIdeographicSpace)) text.remove_suffix(kIdeographicSpace.size());
    if (text.size() == before) return text;
  }
}

}  // namespace

std::vector<std::string> DocumentList(std::string_view text) {
  std::vector<std::string> documents;
  while (!text.empty()) {
    std::size_t cut = text.size();
    std::size_t skip = 0;
    for (const auto separator : kSeparators) {
      const auto at = text.find(separator);
      if (at != std::string_view::npos && at < cut) {
        cut = at;
        skip = separator.size();
      }
    }
    const std::string document(Trimmed(text.substr(0, cut)));
    if (!document.empty() && std::find(documents.begin(), documents.end(), document) == documents.end()) {
      documents.push_back(document);
    }
    text.remove_prefix(std::min(text.size(), cut + skip));
  }
  return documents;
}

ReferralSend::ReferralSend(std::vector<ReferralOffer> offers, std::string requestId)
    : m_offers(std::move(offers)), m_lines(m_offers.size()), m_requestId(std::move(requestId)) {}

bool ReferralSend::Choose(std::size_t offer, bool chosen) {
  if (Frozen() || offer >= m_lines.size()) return false;
  m_lines[offer].chosen = chosen;
  return true;
}

bool ReferralSend::SetRequest(std::size_t offer, std::string request) {
  if (Frozen() || offer >= m_lines.size()) return false;
  m_lines[offer].request = std::move(request);
  return true;
}

bool ReferralSend::SetDocuments(std::size_t offer, std::string_view text) {
  if (Frozen() || offer >= m_lines.size()) return false;
  m_lines[offer].documents = DocumentList(text);
  return true;
}

bool ReferralSend::FillEmpty(std::string_view request, std::string_view documents) {
  if (Frozen()) return false;
  for (Line& line : m_lines) {
    if (!line.chosen) continue;
    if (Trimmed(line.request).empty()) line.request = std::string(request);
    if (line.documents.empty()) line.documents = DocumentList(documents);
  }
  return true;
}

bool ReferralSend::IsChosen(std::size_t offer) const { return offer < m_lines.size() && m_lines[offer].chosen; }

const std::string& ReferralSend::Request(std::size_t offer) const { return m_lines.at(offer).request; }

const std::vector<std::string>& ReferralSend::Documents(std::size_t offer) const {
  return m_lines.at(offer).documents;
}

std::vector<ReferralChoice> ReferralSend::Chosen() const {
  std::vector<ReferralChoice> chosen;
  for (std::size_t i = 0; i < m_lines.size(); ++i) {
    if (m_lines[i].chosen) chosen.push_back({i, std::string(Trimmed(m_lines[i].request)), m_lines[i].documents});
  }
  return chosen;
}

std::optional<ReferralProblem> ReferralSend::Problem() const {
  const auto chosen = Chosen();
  if (chosen.empty()) return ReferralProblem{ReferralProblem::Kind::NothingChosen, 0};
  for (const auto& line : chosen) {
    if (line.request.empty()) return ReferralProblem{ReferralProblem::Kind::RequestMissing, line.offer};
    const auto length = model::CountUtf8CodePoints(line.request);
    if (!length || *length > kReferralRequestMaxChars) {
      return ReferralProblem{ReferralProblem::Kind::RequestTooLong, line.offer};
    }
    if (line.documents.size() > kReferralMaxDocuments) {
      return ReferralProblem{ReferralProblem::Kind::TooManyDocuments, line.offer};
    }
  }
  return std::nullopt;
}

bool ReferralSend::BeginSend() {
  if (m_stage == Stage::Sending || m_stage == Stage::Sent) return false;
  if (m_stage == Stage::Editing && Problem()) return false;
  m_stage = Stage::Sending;
  return true;
}

void ReferralSend::Sent(std::vector<std::int64_t> referralIds) {
  m_referralIds = std::move(referralIds);
  m_stage = Stage::Sent;
}

void ReferralSend::Failed(bool connectionLost) {
  if (m_stage != Stage::Sending) return;
  m_stage = connectionLost ? Stage::Unconfirmed : Stage::Editing;
}

}  // namespace doudi::workstation
