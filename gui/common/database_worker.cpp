#include "common/database_worker.h"

#include "common/wx_text.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/failure_text.h"

namespace doudi::gui {

JobFailure DescribeFailure(const std::exception_ptr& error) {
  // The words come from the data layer (dal::FailureText, the same as
  // doudi-admin's); only what the window does next is decided here.
  JobFailure failure;
  failure.message = Wx(dal::FailureText(error));
  try {
    if (error) std::rethrow_exception(error);
  } catch (const dal::ConnectionError&) {
    failure.connectionLost = true;
  } catch (const dal::Cancelled&) {
    failure.cancelled = true;
  } catch (...) {
  }
  return failure;
}

DatabaseWorker::DatabaseWorker(std::string connectionString, std::function<void(bool)> onConnectionChange)
    : m_connectionString(std::move(connectionString)),
      m_onConnectionChange(std::move(onConnectionChange)),
      m_thread([this] { Loop(); }) {}

DatabaseWorker::~DatabaseWorker() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_jobs.clear();
    if (m_canceller && m_running) std::thread([canceller = m_canceller] { canceller->Cancel(); }).detach();
  }
  m_wake.notify_all();
  m_thread.join();
}

void DatabaseWorker::Post(Job job) {
  {
    std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
  }
  m_wake.notify_one();
}

void DatabaseWorker::CancelRunning() {
  std::shared_ptr<dal::pg::QueryCanceller> canceller;
  {
    std::lock_guard lock(m_mutex);
    if (!m_running) return;  // nothing to cancel: no round trip at all
    canceller = m_canceller;
  }
  // libpq's cancel request opens its own connection to the server and waits
  // for it: never on the GUI thread, where a remote or dead link would stall.
  if (canceller) std::thread([canceller] { canceller->Cancel(); }).detach();
}

dal::pg::PgDatabase& DatabaseWorker::Connected(bool fresh) {
  if (fresh && m_db) {
    // Every statement of the old session is gone with it (a SOCI reconnect
    // would leave prepared statements pointing at the freed backend).
    std::lock_guard lock(m_mutex);
    m_canceller.reset();
    m_db.reset();
  }
  if (!m_db) {
    auto db = std::make_unique<dal::pg::PgDatabase>(m_connectionString);  // throws ConnectionError
    db->RequireSupportedSchema();
    auto canceller = db->Canceller();
    std::lock_guard lock(m_mutex);
    m_db = std::move(db);
    m_canceller = std::move(canceller);
  }
  return *m_db;
}

void DatabaseWorker::Loop() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
      if (m_stopping) break;
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
      m_running = true;
    }
    const bool wasConnected = m_db != nullptr;
    try {
      job([this](bool fresh) -> dal::pg::PgDatabase& { return Connected(fresh); });
    } catch (const dal::ConnectionError&) {
      // Drop the broken session; the next job connects anew (a new
      // connection, so no old statement can run against it).
      std::lock_guard lock(m_mutex);
      m_canceller.reset();
      m_db.reset();
    } catch (...) {
      // The job already reported its failure to the GUI thread.
    }
    {
      std::lock_guard lock(m_mutex);
      m_running = false;
    }
    const bool connected = m_db != nullptr;
    if (connected != wasConnected && m_onConnectionChange) {
      wxTheApp->CallAfter([notify = m_onConnectionChange, connected] { notify(connected); });
    }
  }
  std::lock_guard lock(m_mutex);
  m_canceller.reset();
  m_db.reset();
}

}  // namespace doudi::gui
