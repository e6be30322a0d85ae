#pragma once
// What every section and window of the workstation is given, in one object:
// who is logged in, the database workers, and what the main window does for
// them (open a case, open a household's file or its matching, tell the case
// lists that a case changed). The main window owns it and outlives every window it is
// given to.
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace doudi::gui {

class DatabaseWorker;
struct Session;

// One thread and connection each, so that a long job of one kind never
// holds up another: a city-wide search does not delay a save, nor a
// 10,000-line roster the cases.
struct Workers {
  DatabaseWorker& search;     // registry searches (a newer one cancels the running one)
  DatabaseWorker& pages;      // the registry list's pages
  DatabaseWorker& records;    // households: load and save
  DatabaseWorker& cases;      // task and notice lists, parameters, case windows and their writes
  DatabaseWorker& documents;  // documents and rosters
  DatabaseWorker& alerts;     // the alert list and its counts (its Stop cancels nothing else)
};

class Context {
 public:
  using Opener = std::function<void(std::int64_t id)>;

  // session and workers outlive the context.
  Context(const Session& session, Workers workers) : m_session(session), m_workers(workers) {}
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const Session& GetSession() const { return m_session; }
  const Workers& GetWorkers() const { return m_workers; }

  // What the main window does when a section opens a case or a household's
  // file (set by the main window; nothing happens before).
  void SetCaseOpener(Opener open) { m_openCase = std::move(open); }
  void SetHouseholdFileOpener(Opener open) { m_openHouseholdFile = std::move(open); }
  void OpenCase(std::int64_t caseId) const {
    if (m_openCase) m_openCase(caseId);
  }
  void OpenHouseholdFile(std::int64_t householdId) const {
    if (m_openHouseholdFile) m_openHouseholdFile(householdId);
  }
  bool OpensHouseholdFiles() const { return static_cast<bool>(m_openHouseholdFile); }
  // The household's matching (智能匹配, gui/matching/): what it may qualify
  // for, what it receives, and 一件事 to apply for the chosen programs. Any
  // part of the workstation shows it with the household's id alone (an
  // alert, a list row); the main window keeps one window per household.
  void SetMatchingOpener(Opener open) { m_openMatching = std::move(open); }
  void OpenMatching(std::int64_t householdId) const {
    if (m_openMatching) m_openMatching(householdId);
  }
  bool OpensMatching() const { return static_cast<bool>(m_openMatching); }

  // A window that lists cases reads them again after any case changed; it
  // subscribes for as long as the context lives (the main window's sections).
  void OnCasesChanged(std::function<void()> reload) { m_casesChanged.push_back(std::move(reload)); }
  // After a write to a case went through (an action, an objection ...).
  void CasesChanged() const {
    for (const auto& reload : m_casesChanged) reload();
  }
  // The same for the alert lists, after an alert was checked or closed.
  void OnAlertsChanged(std::function<void()> reload) { m_alertsChanged.push_back(std::move(reload)); }
  void AlertsChanged() const {
    for (const auto& reload : m_alertsChanged) reload();
  }

 private:
  const Session& m_session;
  Workers m_workers;
  Opener m_openCase;
  Opener m_openHouseholdFile;
  Opener m_openMatching;
  std::vector<std::function<void()>> m_casesChanged;
  std::vector<std::function<void()>> m_alertsChanged;
};

}  // namespace doudi::gui
