#include "common/database_worker.h"

#include <wx/intl.h>

#include "common/wx_text.h"
#include "doudi/dal/errors.h"

namespace doudi::gui {
namespace {

bool Has(const std::string& text, const char* what) { return text.find(what) != std::string::npos; }

// The server's reasons for refusing a connection, in plain words.
wxString DescribeConnectionError(const std::string& what) {
  if (Has(what, "password authentication failed")) return _("The user name or password is wrong.");
  if (Has(what, "no password supplied")) return _("Please enter your password.");
  if (Has(what, "not permitted to log in")) return _("This user has been disabled. Ask the center's administrator.");
  // A certificate the client refused; not any "SSL" message (a TLS link that
  // drops mid-session says "SSL SYSCALL error").
  if (Has(what, "certificate verify failed") || Has(what, "root certificate") ||
      Has(what, "server certificate") || Has(what, "does not match host name")) {
    return _("The secure (TLS) connection failed: the server's certificate could not be verified. "
             "Ask the administrator to check the CA file of this server profile.");
  }
  if (Has(what, "does not exist") && Has(what, "database")) return _("The database named in the profile does not exist.");
  return _("The database server cannot be reached. Check the network cable and the server profile, or try again "
           "later.");
}

}  // namespace

JobFailure DescribeFailure(const std::exception_ptr& error) {
  JobFailure failure;
  try {
    std::rethrow_exception(error);
  } catch (const dal::SchemaVersionMismatch& e) {
    failure.message = e.DatabaseIsOlder()
                          ? wxString::Format(_("The database is older (schema %d) than this workstation needs (schema "
                                               "%d). Ask the administrator to upgrade the database."),
                                             e.DatabaseVersion(), e.SupportedVersion())
                          : wxString::Format(_("The database is newer (schema %d) than this workstation supports "
                                               "(schema %d). Please install the new version of Doudi."),
                                             e.DatabaseVersion(), e.SupportedVersion());
  } catch (const dal::ConnectionError& e) {
    failure.message = DescribeConnectionError(e.what());
    failure.connectionLost = true;
  } catch (const dal::VersionConflict& e) {
    failure.message = Wx(e.what());
  } catch (const dal::DatabaseError& e) {
    failure.cancelled = e.SqlState() == "57014";
    failure.message = failure.cancelled ? _("Cancelled.")
                      : e.SqlState() == "42501"
                          ? _("You are not allowed to do this.")
                          : wxString::Format(_("The database refused the request: %s"), Wx(e.what()));
  } catch (const std::exception& e) {
    failure.message = Wx(e.what());
  } catch (...) {
    failure.message = _("An unexpected error occurred.");
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
