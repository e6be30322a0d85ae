#pragma once
// A write a window sends to the database on a worker (a case's step, an
// alert's check or close): the request id it carries is kept while the
// outcome of the same write is unknown — a lost reply — so that trying
// again is never applied twice, and a new id is taken for any other write.
// A write that meets a newer version of the record comes back as Conflict
// (the window shows the record again) rather than as a failure.
#include <wx/string.h>
#include <wx/window.h>

#include <functional>
#include <string>

#include "common/database_worker.h"

namespace doudi::gui {

class RequestedWrite {
 public:
  enum class Outcome { Done, Conflict };
  using Write = std::function<void(dal::pg::PgDatabase&, const std::string& requestId)>;

  // What the window says after the write, in its own words.
  struct Texts {
    wxString done;          // it went through
    wxString conflict;      // someone else changed the record first
    wxString notConfirmed;  // the link dropped; %s: why (a retry is safe)
  };

  // Runs write on worker for owner. what names the write the user asked for
  // (the same words again reuse the id of an unconfirmed one). On the GUI
  // thread, settled(wrote) follows — wrote: done or a conflict, so the
  // window reads the record again — then show(text, isError).
  void Run(DatabaseWorker& worker, wxWindow* owner, const std::string& what, Write write, Texts texts,
           std::function<void(bool wrote)> settled, std::function<void(const wxString&, bool isError)> show);

 private:
  std::string m_what;       // the write in flight or unresolved
  std::string m_requestId;  // its request id (dal::NewRequestId)
};

}  // namespace doudi::gui
