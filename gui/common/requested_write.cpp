#include "common/requested_write.h"

#include <wx/intl.h>

#include "doudi/dal/errors.h"

namespace doudi::gui {

void RequestedWrite::Run(DatabaseWorker& worker, wxWindow* owner, const std::string& what, Write write, Texts texts,
                         std::function<void(bool wrote)> settled,
                         std::function<void(const wxString&, bool isError)> show) {
  if (m_what != what || m_requestId.empty()) {
    m_what = what;
    m_requestId = dal::NewRequestId();
  }
  const std::string requestId = m_requestId;
  worker.Run<Outcome>(
      owner,
      [write = std::move(write), requestId](dal::pg::PgDatabase& db) {
        try {
          write(db, requestId);
        } catch (const dal::ConcurrentChange&) {
          return Outcome::Conflict;
        }
        return Outcome::Done;
      },
      [this, texts, settled, show](Outcome outcome) {
        m_requestId.clear();
        settled(true);
        show(outcome == Outcome::Done ? texts.done : texts.conflict, outcome != Outcome::Done);
      },
      [this, texts, settled, show](const JobFailure& failure) {
        // Kept only while the write may have arrived.
        if (!failure.connectionLost) m_requestId.clear();
        settled(false);
        show(failure.connectionLost ? wxString::Format(texts.notConfirmed, failure.message)
                                    : wxString::Format(_("Not done: %s"), failure.message),
             true);
      });
}

}  // namespace doudi::gui
