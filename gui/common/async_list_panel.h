#pragma once
// The panel every list section is built on (My tasks, Public notices,
// Program parameters, the Registry): its rows are read on a DatabaseWorker
// while the window goes on, a status line says "Loading..." and then the
// count or what went wrong, and a newer load (Refresh, a changed filter, a
// new search) or Stop drops the answers an older one still sends, so rows
// never arrive out of order.
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include <functional>
#include <memory>
#include <utility>

#include "common/database_worker.h"

namespace doudi::gui {

class AsyncListPanel : public wxPanel {
 public:
  // Whether answers of the current load are still on their way.
  bool IsLoading() const { return m_pending > 0; }
  // The status line's text: loading, the count, or what went wrong.
  wxString StatusText() const { return m_status != nullptr ? m_status->GetLabel() : wxString(); }

 protected:
  // worker outlives the panel. The derived panel makes the status line
  // (MakeStatusLine) or hands in its own (SetStatusLine) and places it.
  AsyncListPanel(wxWindow* parent, DatabaseWorker& worker) : wxPanel(parent), m_worker(worker) {}

  DatabaseWorker& Worker() const { return m_worker; }
  wxStaticText* MakeStatusLine(long style = 0) {
    m_status = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, style);
    return m_status;
  }
  void SetStatusLine(wxStaticText* status) { m_status = status; }
  void ShowStatus(const wxString& text) {
    if (m_status != nullptr) m_status->SetLabel(text);
  }

  // Starts a new load: what earlier loads still send is dropped from now on.
  void BeginLoad(const wxString& loadingText = _("Loading...")) {
    ++m_generation;
    m_pending = 0;
    ShowStatus(loadingText);
  }
  // Ends the current load without waiting for its answers (they are dropped).
  void AbandonLoad() {
    ++m_generation;
    m_pending = 0;
  }

  // Runs one job of the current load on the worker. shown gets its result
  // on the GUI thread unless a newer load began; a failure shows its
  // message in the status line (not a cancelled one: whoever cancelled
  // says why) unless failed is given, which then decides.
  template <typename Rows>
  void Load(std::function<Rows(dal::pg::PgDatabase&)> job, std::function<void(Rows)> shown,
            std::function<void(const JobFailure&)> failed = {}) {
    const int generation = m_generation;
    ++m_pending;
    m_worker.Run<Rows>(
        this, std::move(job),
        [this, generation, shown = std::move(shown)](Rows rows) {
          if (generation != m_generation) return;
          --m_pending;
          shown(std::move(rows));
        },
        [this, generation, failed = std::move(failed)](const JobFailure& failure) {
          if (generation != m_generation) return;
          --m_pending;
          if (failed) {
            failed(failure);
          } else if (!failure.cancelled) {
            ShowStatus(failure.message);
          }
        });
  }

 private:
  DatabaseWorker& m_worker;
  wxStaticText* m_status = nullptr;
  int m_generation = 0;
  int m_pending = 0;  // answers of the current load still to come
};

}  // namespace doudi::gui
