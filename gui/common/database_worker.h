#pragma once
// The GUI thread never waits on the database. A DatabaseWorker is one
// thread with its own connection (SOCI sessions are not thread-safe); jobs
// posted to it run in order, and their results come back to the GUI thread
// through CallAfter, dropped when the window that asked is gone.
#include <wx/app.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "doudi/dal/errors.h"
#include "doudi/dal/pg/pg_database.h"

namespace doudi::gui {

// What went wrong in a job, in the words a desk clerk needs.
struct JobFailure {
  wxString message;
  bool connectionLost = false;  // the link dropped: the next job reconnects
  bool cancelled = false;       // the user (or a newer search) cancelled it
};

// Turns any exception from the data layer into a JobFailure.
JobFailure DescribeFailure(const std::exception_ptr& error);

class DatabaseWorker {
 public:
  // Connects on the worker thread at the first job, and again after the
  // connection was lost. onConnectionChange runs on the GUI thread.
  DatabaseWorker(std::string connectionString, std::function<void(bool connected)> onConnectionChange = {});
  ~DatabaseWorker();
  DatabaseWorker(const DatabaseWorker&) = delete;
  DatabaseWorker& operator=(const DatabaseWorker&) = delete;

  // Runs work(db) on the worker, then done(result) on the GUI thread if
  // owner still exists (always, when owner is null: the caller guarantees
  // the callbacks' lifetime); a throw becomes failed(JobFailure) instead.
  template <typename Result>
  void Run(wxWindow* owner, std::function<Result(dal::pg::PgDatabase&)> work, std::function<void(Result)> done,
           std::function<void(const JobFailure&)> failed) {
    auto target = std::make_shared<wxWeakRef<wxWindow>>(owner);  // made and read on the GUI thread only
    const bool owned = owner != nullptr;
    Post([target = std::move(target), owned, work = std::move(work), done = std::move(done),
          failed = std::move(failed)](const Connect& connect) mutable {
      std::shared_ptr<Result> result;
      std::exception_ptr error;
      try {
        try {
          result = std::make_shared<Result>(work(connect(false)));
        } catch (const dal::ConnectionError&) {
          // The session may only be stale (the server restarted, the cable
          // is back): once more on a fresh connection. Saves carry request
          // ids, so a save that did commit is not applied twice.
          result = std::make_shared<Result>(work(connect(true)));
        }
      } catch (...) {
        error = std::current_exception();
      }
      // wx queues a copy of the functor it is given, and this thread would
      // destroy the original perhaps after the GUI thread ran and dropped the
      // copy: the last owner of the weak reference or of what the callbacks
      // hold (a worker, in TryLogin) would then be this thread, and a worker
      // destroyed on its own thread cannot join itself. So the reply crosses
      // as a bare pointer that only the GUI thread owns and deletes.
      struct Reply {
        std::shared_ptr<wxWeakRef<wxWindow>> target;
        std::shared_ptr<Result> result;
        std::exception_ptr error;
        std::function<void(Result)> done;
        std::function<void(const JobFailure&)> failed;
      };
      auto* reply = new Reply{std::move(target), std::move(result), error, std::move(done), std::move(failed)};
      wxTheApp->CallAfter([reply, owned] {
        const std::unique_ptr<Reply> own(reply);
        if (owned && !*own->target) return;
        if (own->error) {
          if (own->failed) own->failed(DescribeFailure(own->error));
        } else if (own->done) {
          own->done(std::move(*own->result));
        }
      });
      if (error) std::rethrow_exception(error);  // lets the worker notice a lost connection
    });
  }

  // Asks the server to cancel the statement this worker is running now,
  // from a short-lived thread (never blocks the caller); nothing when idle.
  void CancelRunning();

 private:
  // A job gets the worker's connection by calling connect(), inside its own
  // error handling, so a failure to connect reaches the job's window too.
  using Connect = std::function<dal::pg::PgDatabase&(bool fresh)>;
  using Job = std::function<void(const Connect&)>;
  void Post(Job job);
  void Loop();
  dal::pg::PgDatabase& Connected(bool fresh);

  std::string m_connectionString;
  std::function<void(bool)> m_onConnectionChange;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<Job> m_jobs;
  bool m_stopping = false;
  bool m_running = false;  // a job is running (guarded by m_mutex)
  std::unique_ptr<dal::pg::PgDatabase> m_db;            // the worker's own
  std::shared_ptr<dal::pg::QueryCanceller> m_canceller; // guarded by m_mutex
  std::thread m_thread;
};

}  // namespace doudi::gui
