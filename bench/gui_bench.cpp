// The workstation at city scale (issue 4, docs/benchmarks.md): drives the
// real main window in this process, under Xvfb, against a registry of a
// million persons, and measures what a desk user feels: the first results
// after typing, scrolling a county's whole result list, the start to the
// login window, and resident memory after an hour-like session.
// scripts/bench --gui-only prepares the database (doudi-admin demo-data) in
// another process, so this one's memory is the workstation's alone.
// Environment: DOUDI_BENCH_DB (the prepared database, as its superuser),
// PGPASSFILE, DISPLAY. Prints Markdown, each phase's tables as soon as the
// phase ends; progress with the figures so far goes to stderr. Every phase
// has a time limit (--limit-scale multiplies them): one that overruns ends
// the benchmark with exit status 3, naming the phase and how far it got.
#include <libpq-fe.h>
#include <unistd.h>
#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/srchctrl.h>
#include <wx/timer.h>
#include <wx/translation.h>
#include <wx/weakref.h>

#include <Poco/Process.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "app/login_dialog.h"
#include "app/main_frame.h"
#include "common/wx_text.h"
#include "connection_settings.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/model/staff.h"
#include "registry/registry_list.h"
#include "registry/registry_panel.h"
#include "x_window_watch.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using doudi::gui::RegistryList;
using doudi::gui::RegistryPanel;

// The workstation searches this long after the last keystroke
// (registry/registry_panel.cpp, kTypingPauseMs); SearchFor skips the pause, so the
// typing figures below come on top of it.
constexpr int kTypingPauseMs = 300;

double MsSince(Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); }

void Progress(const std::string& what) { std::cerr << "doudi-bench-gui: " << what << std::endl; }

// Each phase of the benchmark runs under a time limit, watched from a thread
// of its own: a phase that overruns it (rows that never arrive, a wait inside
// wx that never returns) ends the benchmark, naming the phase and how far it
// got, instead of leaving it hanging with nothing printed. The limits are
// generous (several times a loaded machine's figures): they catch hangs, they
// are not goals.
class PhaseWatchdog {
 public:
  // beforeExit runs on the watchdog's thread when a phase overran.
  explicit PhaseWatchdog(std::function<void()> beforeExit)
      : m_beforeExit(std::move(beforeExit)), m_thread([this] { Watch(); }) {}
  ~PhaseWatchdog() {
    {
      std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
  }
  PhaseWatchdog(const PhaseWatchdog&) = delete;
  PhaseWatchdog& operator=(const PhaseWatchdog&) = delete;

  // The phase that starts now must end (the next Begin, or End) within limit.
  void Begin(const std::string& name, std::chrono::seconds limit) {
    Progress(name + " (limit " + std::to_string(limit.count()) + " s)");
    std::lock_guard lock(m_mutex);
    m_name = name;
    m_limit = limit;
    m_deadline = Clock::now() + limit;
    m_where.clear();
    m_active = true;
  }
  // How far the phase has got, for the report if it overruns.
  void Note(std::string where) {
    std::lock_guard lock(m_mutex);
    m_where = std::move(where);
  }
  void End() {
    std::lock_guard lock(m_mutex);
    m_active = false;
  }
  std::string Current() {
    std::lock_guard lock(m_mutex);
    return m_name;
  }

 private:
  void Watch() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
      m_wake.wait_for(lock, 1s);
      if (!m_active || Clock::now() < m_deadline) continue;
      // The GUI thread is stuck: print what was measured and why it ends.
      std::cout << std::flush;
      std::cerr << "doudi-bench-gui: phase \"" << m_name << "\" overran its limit of " << m_limit.count() << " s"
                << (m_where.empty() ? std::string() : " (last progress: " + m_where + ")") << "; stopped" << std::endl;
      if (m_beforeExit) m_beforeExit();
      std::_Exit(3);
    }
  }

  std::function<void()> m_beforeExit;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stopping = false, m_active = false;
  std::string m_name, m_where;
  std::chrono::seconds m_limit{0};
  Clock::time_point m_deadline;
  std::thread m_thread;  // last: starts once the members above exist
};

struct Stats {
  double p50 = 0, p95 = 0, max = 0;
  std::size_t n = 0;
};

Stats Summarize(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  Stats s;
  s.n = ms.size();
  if (ms.empty()) return s;
  s.p50 = ms[ms.size() / 2];
  s.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  s.max = ms.back();
  return s;
}

// Resident memory of this process (VmRSS, or VmHWM for the peak), in MB.
double MemoryMb(const std::string& key = "VmRSS:") {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(key, 0) == 0) return std::stod(line.substr(key.size())) / 1024.0;
  }
  return 0;
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') throw std::runtime_error(std::string(name) + " is not set (run scripts/bench --gui-only)");
  return v;
}

// Rows of a query through plain libpq: the benchmark's own bookkeeping
// (query values, the test user), never the workstation's path.
std::vector<std::vector<std::string>> Rows(const std::string& conninfo, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  PGresult* r = PQexec(conn, sql.c_str());
  const auto status = PQresultStatus(r);
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < PQntuples(r); ++i) {
    rows.emplace_back();
    for (int c = 0; c < PQnfields(r); ++c) rows.back().emplace_back(PQgetvalue(r, i, c));
  }
  const std::string error = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(conn);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw std::runtime_error(sql + ": " + error);
  return rows;
}

std::string Scalar(const std::string& conninfo, const std::string& sql) {
  const auto rows = Rows(conninfo, sql);
  return rows.empty() || rows[0].empty() ? std::string() : rows[0][0];
}

// One value of a libpq connection string (host, port, dbname...).
std::string ConninfoValue(const std::string& conninfo, const std::string& key) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (options == nullptr) {
    const std::string message = error != nullptr ? error : "cannot parse the connection string";
    PQfreemem(error);
    throw std::runtime_error(message);
  }
  std::string value;
  for (auto* o = options; o->keyword != nullptr; ++o) {
    if (key == o->keyword && o->val != nullptr) value = o->val;
  }
  PQconninfoFree(options);
  return value;
}

double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The longest round of the event loop that Pump ran since LoopWatch::Begin:
// its wall time and the GUI thread's CPU time in it. Much less CPU than
// wall time means the thread waited (for the X server, or for a free core
// on a machine shared with PostgreSQL and Xvfb) rather than worked.
struct LoopRound {
  double wallMs = 0, cpuMs = 0;
};
LoopRound g_longestRound;

// Runs the event loop (timers, paints, CallAfter results from the workers)
// until done() or the timeout; returns done(). It naps 1 ms between rounds,
// not the GUI tests' 5 ms, so the nap adds little to what is timed.
bool Pump(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto until = Clock::now() + timeout;
  while (!done()) {
    if (Clock::now() >= until) return false;
    const auto start = Clock::now();
    const double cpu = ThreadCpuMs();
    wxEventLoopBase::GetActive()->YieldFor(wxEVT_CATEGORY_ALL);
    if (const double wall = MsSince(start); wall > g_longestRound.wallMs) g_longestRound = {wall, ThreadCpuMs() - cpu};
    if (done()) break;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

void PumpFor(std::chrono::milliseconds duration) { Pump([] { return false; }, duration); }

// How responsive the event loop stayed over one phase of the benchmark
// (Begin to End).
struct Responsiveness {
  double longestStallMs = 0;
  int stallsOver50Ms = 0;
  LoopRound longestRound;
};

// A 10 ms timer that notes the gaps between its firings: a gap well over
// 10 ms is a stall, when the window could neither repaint nor take a key.
class LoopWatch : public wxTimer {
 public:
  static constexpr int kTickMs = 10;
  void Begin() {
    m_last.reset();
    m_longestGap = 0;
    m_over50 = 0;
    g_longestRound = {};
    Start(kTickMs);
  }
  Responsiveness End() {
    Stop();
    return SoFar();
  }
  Responsiveness SoFar() const { return {std::max(0.0, m_longestGap - kTickMs), m_over50, g_longestRound}; }
  void Notify() override {
    const auto now = Clock::now();
    if (m_last) {
      const double gap = std::chrono::duration<double, std::milli>(now - *m_last).count();
      m_longestGap = std::max(m_longestGap, gap);
      if (gap - kTickMs > 50) ++m_over50;
    }
    m_last = now;
  }

 private:
  std::optional<Clock::time_point> m_last;
  double m_longestGap = 0;
  int m_over50 = 0;
};

// The first window of type T under w (depth first): the benchmark finds the
// list and the search box by type, so the program needs no accessors for it.
template <typename T>
T* FindChild(wxWindow* w) {
  if (auto* t = dynamic_cast<T*>(w)) return t;
  for (auto* child : w->GetChildren()) {
    if (auto* t = FindChild<T>(child)) return t;
  }
  return nullptr;
}

doudi::gui::Session LogIn(const std::string& conninfo) {
  std::optional<doudi::gui::Session> session;
  wxString error;
  doudi::gui::TryLogin(
      nullptr, conninfo, "bench", [&](doudi::gui::Session s) { session = std::move(s); },
      [&](const wxString& e) { error = e; });
  if (!Pump([&] { return session.has_value() || !error.empty(); }, 60s) || !session) {
    throw std::runtime_error("login failed: " + doudi::gui::Utf8(error));
  }
  return *session;
}

struct SearchTiming {
  double call = 0;       // ms in SearchFor itself: the search's start, on the GUI thread
  bool shown = false;    // the first page arrived before the timeout
  double firstPage = 0;  // ms until row 0 is in the list
  double painted = 0;    // ... and the list has painted it
  double exact = 0;      // ms until every match's id (the exact count) is known
};

// The main window logged in as one user, and the registry screen in it.
class Desk {
 public:
  explicit Desk(doudi::gui::Session session)
      : m_frame(new doudi::gui::MainFrame(std::move(session), [] {})),
        m_panel(m_frame->Registry()),
        m_list(*FindChild<RegistryList>(m_frame)),
        m_search(*FindChild<wxSearchCtrl>(m_frame)) {
    // Bound after the panel's own handler, so called before it: notes when
    // the typing pause ended and lets the panel start the search.
    m_panel.Bind(wxEVT_TIMER, [this](wxTimerEvent& e) {
      m_pauseEnded = Clock::now();
      e.Skip();
    });
    // The groups that take case actions (the city decider among them) start
    // on My tasks, where the registry is a hidden notebook page: a hidden
    // list paints nothing, so it never asks for the rows it is scrolled to,
    // and every wait for them would run into its timeout. A desk user
    // opens the Registry tab first; so does the benchmark.
    m_frame->ShowSection(&m_panel);
    m_frame->Show();
    if (!Pump([&] { return m_list.IsShownOnScreen(); }, 10s)) {
      throw std::runtime_error("the registry list is not on the screen");
    }
  }
  ~Desk() {
    wxWeakRef<wxFrame> frame(m_frame);
    m_frame->Destroy();
    Pump([&] { return !frame; }, 60s);  // deleted at idle; its workers join
  }
  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;

  RegistryPanel& Panel() { return m_panel; }
  RegistryList& List() { return m_list; }

  // Every row the list shows now is loaded (none still shows "…").
  bool VisibleRowsLoaded() const {
    const long rows = m_list.GetItemCount(), perPage = m_list.GetCountPerPage();
    const long top = m_list.GetTopItem();
    const long end = std::min(rows, top + perPage);
    for (long row = top; row < end; ++row) {
      if (m_list.RowAt(row) == nullptr) return false;
    }
    return true;
  }

  // Waits for the rows in view and paints them; ms from `since`. Throws
  // when they have not arrived after a minute: a list that waits for rows
  // no worker fetches is a defect to report, not a figure.
  double ShowVisibleRows(Clock::time_point since) {
    if (!Pump([&] { return VisibleRowsLoaded(); }, 60s)) {
      const long top = m_list.GetTopItem(), end = std::min<long>(m_list.GetItemCount(), top + m_list.GetCountPerPage());
      long missing = 0;
      for (long row = top; row < end; ++row) missing += m_list.RowAt(row) == nullptr ? 1 : 0;
      throw std::runtime_error(std::to_string(missing) + " of the rows in view (" + std::to_string(top) + " to " +
                               std::to_string(end - 1) + " of " + std::to_string(m_list.GetItemCount()) +
                               ") did not arrive within a minute");
    }
    Paint();
    return MsSince(since);
  }

  // The longest of the benchmark's own calls into the list since the last
  // reset (scrolling it; painting it), to tell a stall of the list from
  // one elsewhere in the event loop.
  void ResetCallTimes() { m_longestScroll = m_longestPaint = 0; }
  double LongestScrollCallMs() const { return m_longestScroll; }
  double LongestPaintMs() const { return m_longestPaint; }

  // A search as if the pause after typing had just ended (SearchFor).
  SearchTiming Search(const wxString& text, bool waitForExact = true) {
    SearchTiming t;
    const auto start = Clock::now();
    m_panel.SearchFor(text);
    t.call = MsSince(start);
    t.shown = Pump([&] { return m_list.RowAt(0) != nullptr; }, 10s);
    t.firstPage = MsSince(start);
    Paint();
    t.painted = MsSince(start);
    if (waitForExact) {
      Pump([&] { return !m_panel.IsSearching(); }, 120s);
      t.exact = MsSince(start);
    }
    return t;
  }

  // The text typed into the search box at once (wxEVT_TEXT, the real
  // pause): ms from the keystroke and from the end of the pause to row 0.
  std::optional<std::pair<double, double>> Type(const wxString& text) {
    m_pauseEnded.reset();
    m_search.ChangeValue(wxString());  // no event: the value typed next is a change
    const auto start = Clock::now();
    m_search.SetValue(text);
    if (!Pump([&] { return m_pauseEnded && m_list.RowAt(0) != nullptr; }, 10s)) return std::nullopt;
    Paint();
    const auto end = Clock::now();
    const auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    const auto result = std::pair{ms(end - start), ms(end - *m_pauseEnded)};
    Pump([&] { return !m_panel.IsSearching(); }, 120s);
    return result;
  }

  // Moves the view one page down (PageDown); false at the end.
  bool PageDown() {
    const long rows = m_list.GetItemCount(), perPage = m_list.GetCountPerPage();
    const long top = m_list.GetTopItem();
    if (top + perPage >= rows) return false;
    ScrollTo(std::min(rows - 1, top + 2 * perPage - 1));
    return true;
  }

  // Shows the row at this fraction of the list, as dragging the scrollbar's
  // thumb there would.
  void JumpTo(double fraction) {
    const long rows = m_list.GetItemCount();
    if (rows > 0) ScrollTo(std::clamp(static_cast<long>(fraction * static_cast<double>(rows - 1)), 0L, rows - 1));
  }

 private:
  void ScrollTo(long row) {
    const auto start = Clock::now();
    m_list.EnsureVisible(row);
    m_longestScroll = std::max(m_longestScroll, MsSince(start));
  }
  void Paint() {
    const auto start = Clock::now();
    m_list.Update();
    m_longestPaint = std::max(m_longestPaint, MsSince(start));
  }

  doudi::gui::MainFrame* m_frame;
  RegistryPanel& m_panel;
  RegistryList& m_list;
  wxSearchCtrl& m_search;
  std::optional<Clock::time_point> m_pauseEnded;
  double m_longestScroll = 0, m_longestPaint = 0;
};

struct QueryKind {
  std::string name;
  std::vector<std::string> values;
};

// Query values drawn from the county's persons in a fixed pseudo-random
// order: what a clerk of the county types. Names are UTF-8, 3 bytes a
// character; an ID starts with the county's code and the birth date.
std::vector<QueryKind> DrawQueries(const std::string& db, const std::string& county, int perKind) {
  const auto persons = Rows(db, "SELECT id_number, name FROM doudi.person WHERE left_on IS NULL AND region_code "
                                "BETWEEN '" + county + "000000' AND '" + county + "999999' ORDER BY md5(id::text) "
                                "LIMIT " + std::to_string(perKind));
  std::vector<QueryKind> kinds{{"exact ID", {}},
                               {"ID prefix (14 digits)", {}},
                               {"ID prefix (10 digits: county + birth year)", {}},
                               {"ID prefix (6 digits: the whole county)", {}},
                               {"exact name", {}},
                               {"name prefix (surname + 1)", {}},
                               {"2-character fragment (given name)", {}},
                               {"1 character (surname)", {}}};
  for (const auto& p : persons) {
    const std::string& id = p[0];
    const std::string& name = p[1];
    kinds[0].values.push_back(id);
    kinds[1].values.push_back(id.substr(0, 14));
    kinds[2].values.push_back(id.substr(0, 10));
    kinds[3].values.push_back(id.substr(0, 6));
    kinds[4].values.push_back(name);
    kinds[5].values.push_back(name.substr(0, 6));
    kinds[6].values.push_back(name.size() >= 9 ? name.substr(3, 6) : name.substr(0, 6));
    kinds[7].values.push_back(name.substr(0, 3));
  }
  return kinds;
}

// ---- 3. Start to the login window ----------------------------------------

struct StartTimes {
  std::vector<double> realMs;  // exec of build/gui/doudi to its dialog mapped
  std::string title;
  double wxStart = 0, translations = 0, loginAttempt = 0, dialog = 0;
  double rssAfterWxStart = 0;  // MB: wx and GTK alone, no window yet
};

// The real program, started as a desk user starts it (a profile with a user
// and no stored password), timed from exec until its login dialog is mapped
// on the X server; then ended. Nothing is added to the program for this.
void TimeRealProgram(const std::filesystem::path& ini, int launches, StartTimes& out) {
  for (int i = 0; i < launches; ++i) {
    const auto start = Clock::now();
    Poco::ProcessHandle child = Poco::Process::launch(DOUDI_GUI_EXE, {"--config", ini.string()});
    const auto title = doudi::bench::WaitForWindowOf(child.id(), 30s);
    const double ms = MsSince(start);
    Poco::Process::kill(child);
    child.wait();
    if (!title) throw std::runtime_error("doudi showed no window within 30 s");
    out.realMs.push_back(ms);
    out.title = *title;
  }
}

// wx started as the program starts it; only the program's name is passed,
// since wxApp::OnInit would refuse the benchmark's own options.
void StartWx(char* program) {
  wxApp::SetInstance(new wxApp);
  int argc = 1;
  char* argv[] = {program, nullptr};
  if (!wxEntryStart(argc, argv)) throw std::runtime_error("wx could not start (no X display?)");
  wxTheApp->OnInit();
  wxInitAllImageHandlers();
}

// The program's steps after wx start, in this process and each timed: the
// Chinese catalog, the login tried without a password (a PGPASSFILE entry
// would complete it), and the dialog built and painted.
void TimeLoginWindowInProcess(const std::filesystem::path& ini, StartTimes& out) {
  auto t = Clock::now();
  auto* translations = new wxTranslations;
  wxTranslations::Set(translations);
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(DOUDI_LOCALE_DIR);
  translations->SetLanguage(wxS("zh_CN"));
  translations->AddStdCatalog();
  translations->AddCatalog(wxS("doudi"));
  out.translations = MsSince(t);

  t = Clock::now();
  const auto file = doudi::admin::ReadProfileFile(ini);
  bool failed = false;
  doudi::gui::TryLogin(
      nullptr, doudi::dal::ToConnectionString(file.profiles.at(0)), "bench", [](const doudi::gui::Session&) {},
      [&](const wxString&) { failed = true; });
  Pump([&] { return failed; }, 30s);
  out.loginAttempt = MsSince(t);

  t = Clock::now();
  bool painted = false;
  doudi::gui::LoginDialog dialog(nullptr, file.profiles, file.defaultProfile, file.profiles.at(0).user, wxString());
  dialog.Bind(wxEVT_PAINT, [&](wxPaintEvent& e) {
    painted = true;
    e.Skip();
  });
  dialog.Show();
  if (!Pump([&] { return painted; }, 30s)) throw std::runtime_error("the login dialog never painted");
  out.dialog = MsSince(t);
  dialog.Hide();
}

// ---- 1. Typing to the first results --------------------------------------

struct TypingResult {
  std::vector<std::pair<std::string, std::vector<SearchTiming>>> byKind;
  std::vector<double> typedTotal, typedAfterPause;  // through the real search box
  int missed = 0;                                   // searches whose first page never came
  Responsiveness loop;
};

TypingResult MeasureTyping(Desk& desk, const std::vector<QueryKind>& kinds, int typed, LoopWatch& watch,
                           PhaseWatchdog& phase) {
  TypingResult r;
  // Warm up the workers' connections and the server's caches.
  for (std::size_t i = 0; i < 10; ++i) desk.Search(doudi::gui::Wx(kinds[i % kinds.size()].values.back()));
  watch.Begin();
  for (const auto& kind : kinds) {
    phase.Note(kind.name);
    auto& timings = r.byKind.emplace_back(kind.name, std::vector<SearchTiming>{}).second;
    std::vector<double> firstPages;
    for (const auto& value : kind.values) {
      timings.push_back(desk.Search(doudi::gui::Wx(value)));
      firstPages.push_back(timings.back().firstPage);
      if (!timings.back().shown) ++r.missed;
    }
    const auto f = Summarize(firstPages);
    std::ostringstream line;
    line << std::fixed << std::setprecision(1) << kind.name << ": first page p50 " << f.p50 << " / max " << f.max
         << " ms over " << f.n;
    Progress(line.str());
  }
  phase.Note("typed into the search box");
  // The real path for a sample: typed into the box, the 300 ms pause, the
  // search.
  for (int i = 0; i < typed; ++i) {
    const auto& kind = kinds[static_cast<std::size_t>(i) % kinds.size()];
    const auto& value = kind.values[static_cast<std::size_t>(i / static_cast<int>(kinds.size())) % kind.values.size()];
    if (const auto t = desk.Type(doudi::gui::Wx(value))) {
      r.typedTotal.push_back(t->first);
      r.typedAfterPause.push_back(t->second);
    } else {
      ++r.missed;
    }
  }
  r.loop = watch.End();
  return r;
}

// ---- 2. Scrolling the whole result list ----------------------------------

struct ScrollResult {
  long rows = 0;
  SearchTiming everything;
  std::vector<double> pageDowns;  // ms from PageDown to the rows in view shown
  double scrollSeconds = 0;
  std::vector<std::pair<std::string, double>> jumps;
  double dragRelease = 0;         // after a 1 s drag over the whole list, ms from release to rows shown
  double rssBefore = 0, rssAfterSearch = 0, rssPeakDuring = 0, rssAfter = 0;
  Responsiveness searchLoop, scrollLoop, jumpLoop;  // the search, PageDowns, jumps and the drag
  double longestScrollCall = 0, longestPaint = 0;
  bool wholeList = false;
};

// "row 12,000 of 87,127: PageDown → rows shown p50 7.1 / max 31.0 ms, ...":
// how the scrolling goes so far, printed every few hundred PageDowns.
std::string ScrollingSoFar(long top, const ScrollResult& r, const Responsiveness& loop) {
  const auto steps = Summarize(r.pageDowns);
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << "row " << top << " of " << r.rows << " after " << steps.n
      << " PageDowns: rows shown p50 " << steps.p50 << " / p95 " << steps.p95 << " / max " << steps.max
      << " ms; longest stall " << loop.longestStallMs << " ms, " << loop.stallsOver50Ms << " over 50 ms; VmRSS "
      << MemoryMb() << " MB";
  return out.str();
}

// A phase's time limit (PhaseWatchdog): seconds times --limit-scale.
std::chrono::seconds Limit(double seconds, double scale) {
  return std::chrono::seconds(static_cast<long>(seconds * scale) + 1);
}

ScrollResult MeasureScrolling(Desk& desk, bool wholeList, LoopWatch& watch, PhaseWatchdog& phase, double scale,
                              const std::string& who) {
  ScrollResult r;
  r.wholeList = wholeList;
  r.rssBefore = MemoryMb();
  phase.Begin(who + ": searching everything in scope", Limit(180, scale));
  watch.Begin();
  r.everything = desk.Search(wxString());  // everything in scope
  r.searchLoop = watch.End();
  r.rows = desk.List().GetItemCount();
  r.rssAfterSearch = MemoryMb();
  r.rssPeakDuring = r.rssAfterSearch;
  desk.ResetCallTimes();
  const auto scrollStart = Clock::now();
  if (wholeList) {
    // 10 ms a row, 200 ms a PageDown of 20 rows: some twenty times a quiet
    // machine's pace, and above that of one shared with other builds.
    phase.Begin(who + ": " + std::to_string(r.rows) + " rows by PageDown",
                Limit(120 + 0.010 * static_cast<double>(r.rows), scale));
    watch.Begin();
    for (int step = 1;; ++step) {
      const auto start = Clock::now();
      if (!desk.PageDown()) break;
      r.pageDowns.push_back(desk.ShowVisibleRows(start));
      if (step % 100 == 0) phase.Note("row " + std::to_string(desk.List().GetTopItem()));
      if (step % 500 == 0) {
        r.rssPeakDuring = std::max(r.rssPeakDuring, MemoryMb());
        Progress(ScrollingSoFar(desk.List().GetTopItem(), r, watch.SoFar()));
      }
    }
    r.scrollLoop = watch.End();
    Progress(ScrollingSoFar(desk.List().GetTopItem(), r, r.scrollLoop));
  }
  r.scrollSeconds = MsSince(scrollStart) / 1000;
  phase.Begin(who + ": jumps and a drag of the thumb", Limit(180, scale));
  watch.Begin();
  for (const auto& [label, fraction] : std::vector<std::pair<std::string, double>>{
           {"25 %", 0.25}, {"50 %", 0.5}, {"75 %", 0.75}, {"100 %", 1.0}, {"back to the top", 0.0}}) {
    phase.Note("jump to " + label);
    const auto start = Clock::now();
    desk.JumpTo(fraction);
    r.jumps.emplace_back(label, desk.ShowVisibleRows(start));
    r.rssPeakDuring = std::max(r.rssPeakDuring, MemoryMb());
  }
  // A drag of the thumb from top to bottom in about a second: the list
  // paints some 60 positions on the way, each asking for its rows.
  constexpr int kDragPositions = 60;
  phase.Note("drag");
  for (int i = 1; i <= kDragPositions; ++i) {
    desk.JumpTo(static_cast<double>(i) / kDragPositions);
    PumpFor(16ms);
  }
  r.dragRelease = desk.ShowVisibleRows(Clock::now());
  r.rssPeakDuring = std::max(r.rssPeakDuring, MemoryMb());
  r.jumpLoop = watch.End();
  r.longestScrollCall = desk.LongestScrollCallMs();
  r.longestPaint = desk.LongestPaintMs();
  r.rssAfter = MemoryMb();
  return r;
}

// ---- 4. An hour-like session ----------------------------------------------

struct SessionResult {
  int searches = 0;
  double minutes = 0;
  std::vector<std::pair<int, double>> rss;  // after n searches, MB
  double peak = 0;
  Responsiveness loop;
  double longestSearchCall = 0;
};

// Searches of every kind in a mixed order, each followed by a few pages
// down; the next search starts without waiting for the exact count, as a
// user moves on (cancelling the count still running). Every tenth waits
// for it and jumps to the middle and the end; every fiftieth lists
// everything in scope.
SessionResult MeasureSession(Desk& desk, const std::vector<QueryKind>& kinds, int searches, LoopWatch& watch,
                             PhaseWatchdog& phase) {
  std::vector<std::string> pool;
  for (const auto& k : kinds) pool.insert(pool.end(), k.values.begin(), k.values.end());
  SessionResult r;
  r.searches = searches;
  r.rss.emplace_back(0, MemoryMb());
  watch.Begin();
  const auto start = Clock::now();
  for (int i = 1; i <= searches; ++i) {
    const std::string text = i % 50 == 0 ? std::string() : pool[static_cast<std::size_t>(i) * 7919 % pool.size()];
    r.longestSearchCall = std::max(r.longestSearchCall, desk.Search(doudi::gui::Wx(text), false).call);
    for (int p = 0; p < 3 && desk.PageDown(); ++p) desk.ShowVisibleRows(Clock::now());
    if (i % 10 == 0) {
      Pump([&] { return !desk.Panel().IsSearching(); }, 120s);
      for (const double fraction : {0.5, 1.0}) {
        desk.JumpTo(fraction);
        desk.ShowVisibleRows(Clock::now());
      }
    }
    if (i % 10 == 0) phase.Note(std::to_string(i) + " searches");
    if (i % 250 == 0 || i == searches) {
      r.rss.emplace_back(i, MemoryMb());
      const auto loop = watch.SoFar();
      std::ostringstream line;
      line << std::fixed << std::setprecision(1) << i << " searches in " << MsSince(start) / 60000 << " min, VmRSS "
           << r.rss.back().second << " MB; longest stall " << loop.longestStallMs << " ms, " << loop.stallsOver50Ms
           << " over 50 ms";
      Progress(line.str());
    }
  }
  r.minutes = MsSince(start) / 60000;
  r.loop = watch.End();
  r.peak = MemoryMb("VmHWM:");
  return r;
}

// ---- Report ---------------------------------------------------------------

// "12.3 ms (0 over 50 ms; ...)": a phase's longest stall and what the loop's
// longest round spent of it working on the GUI thread.
std::string Describe(const Responsiveness& r) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << r.longestStallMs << " ms (" << r.stallsOver50Ms
      << " over 50 ms; the loop's longest round " << r.longestRound.wallMs << " ms, of it "
      << r.longestRound.cpuMs << " ms CPU on the GUI thread)";
  return out.str();
}

void PrintTyping(const std::string& who, const TypingResult& r) {
  std::cout << "\n#### Typing to the first results — " << who << "\n\n"
            << "| query kind | n | first page p50 | p95 | max | + painted p95 | exact count p50 | exact count p95 |\n"
            << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  std::vector<double> all, allPainted;
  double longestCall = 0;
  for (const auto& [kind, timings] : r.byKind) {
    std::vector<double> first, painted, exact;
    for (const auto& t : timings) {
      longestCall = std::max(longestCall, t.call);
      first.push_back(t.firstPage);
      painted.push_back(t.painted);
      exact.push_back(t.exact);
    }
    all.insert(all.end(), first.begin(), first.end());
    allPainted.insert(allPainted.end(), painted.begin(), painted.end());
    const auto f = Summarize(first), p = Summarize(painted), e = Summarize(exact);
    std::cout << "| " << kind << " | " << f.n << " | " << f.p50 << " | " << f.p95 << " | " << f.max << " | " << p.p95
              << " | " << e.p50 << " | " << e.p95 << " |\n";
  }
  const auto a = Summarize(all), ap = Summarize(allPainted);
  std::cout << "| **all kinds** | " << a.n << " | **" << a.p50 << "** | **" << a.p95 << "** | " << a.max << " | "
            << ap.p95 << " | | |\n";
  if (!r.typedTotal.empty()) {
    const auto total = Summarize(r.typedTotal), after = Summarize(r.typedAfterPause);
    std::cout << "\nTyped into the search box (" << total.n << " values, the real " << kTypingPauseMs
              << " ms pause): keystroke → first page painted p50 " << total.p50 << " / p95 " << total.p95
              << " ms; end of the pause → painted p50 " << after.p50 << " / p95 " << after.p95 << " ms.\n";
  }
  std::cout << "\nLongest event-loop stall while searching: " << Describe(r.loop)
            << "; longest SearchFor call (the search's start) " << longestCall << " ms; first pages never shown: "
            << r.missed << ".\n";
}

void PrintScrolling(const std::string& who, const ScrollResult& r) {
  const auto steps = Summarize(r.pageDowns);
  std::cout << "\n#### Everything in scope, scrolled — " << who << "\n\n| measure | value |\n|---|---:|\n"
            << "| rows (every person in scope) | " << r.rows << " |\n"
            << "| search → first page shown (ms) | " << r.everything.firstPage << " |\n"
            << "| search → every id known, exact count (ms) | " << r.everything.exact << " |\n";
  if (r.wholeList) {
    std::cout << "| top to bottom by PageDown: steps / total (s) | " << steps.n << " / " << r.scrollSeconds << " |\n"
              << "| PageDown → rows in view shown p50 / p95 / max (ms) | " << steps.p50 << " / " << steps.p95 << " / "
              << steps.max << " |\n";
  }
  for (const auto& [label, ms] : r.jumps) std::cout << "| jump to " << label << " → rows shown (ms) | " << ms << " |\n";
  std::cout << "| thumb dragged top → bottom in ~1 s: release → rows shown (ms) | " << r.dragRelease << " |\n"
            << "| longest EnsureVisible / list Update() call while scrolling (ms) | " << r.longestScrollCall << " / "
            << r.longestPaint << " |\n"
            << "| VmRSS before / after the search / peak while scrolling / after (MB) | " << r.rssBefore << " / "
            << r.rssAfterSearch << " / " << r.rssPeakDuring << " / " << r.rssAfter << " |\n"
            << "\nLongest event-loop stall: during the search " << Describe(r.searchLoop);
  if (r.wholeList) std::cout << "; **while scrolling by PageDown " << Describe(r.scrollLoop) << "**";
  std::cout << "; during the jumps and the drag " << Describe(r.jumpLoop) << ".\n";
}

void PrintStart(const StartTimes& start) {
  const auto real = Summarize(start.realMs);
  std::cout << "\n#### Start to the login window\n\n| measure | ms |\n|---|---:|\n"
            << "| **`doudi --config` exec → login dialog mapped** (p50 / max of " << real.n << ", window \""
            << start.title << "\") | **" << real.p50 << "** / " << real.max << " |\n"
            << "| in process: wx start (wxEntryStart, GTK, image handlers) | " << start.wxStart << " |\n"
            << "| in process: Chinese catalog | " << start.translations << " |\n"
            << "| in process: login tried without a password (server round trip) | " << start.loginAttempt << " |\n"
            << "| in process: login dialog built → first paint | " << start.dialog << " |\n"
            << "\nVmRSS after wx start, before any window: " << start.rssAfterWxStart << " MB.\n";
}

void PrintSession(const SessionResult& session) {
  std::cout << "\n#### Resident memory over an hour-like session — city decider\n\n"
            << session.searches << " searches of every kind above in a mixed order, each followed by three pages "
            << "down, the next one started without waiting for the exact count; every tenth waits for it and jumps "
            << "to the middle and the end; every fiftieth lists the whole county ("
            << session.minutes << " min).\n\n| after searches | VmRSS (MB) |\n|---:|---:|\n";
  for (const auto& [n, mb] : session.rss) std::cout << "| " << n << " | " << mb << " |\n";
  std::cout << "| peak (VmHWM) | " << session.peak << " |\n\nLongest event-loop stall in the session: "
            << Describe(session.loop) << "; longest SearchFor call " << session.longestSearchCall << " ms.\n";
}

// Removes the file when leaving its scope, on an exception too.
struct RemovedAtExit {
  std::filesystem::path path;
  ~RemovedAtExit() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

struct Options {
  int perKind = 20;    // query values per kind
  int typed = 20;      // of them typed into the box, through the real pause
  int searches = 2000; // in the hour-like session
  int launches = 5;    // of the real program
  std::string county = "331022";
  double limitScale = 1;  // times every phase's time limit
};

// The main window opened for a login; the time to log in and from the
// window to the first page of everything in scope (what it opens on).
struct OpenedDesk {
  std::unique_ptr<Desk> desk;
  double loginMs = 0, firstPageMs = 0;
};

OpenedDesk OpenDesk(const std::string& conninfo, const std::string& who) {
  OpenedDesk o;
  auto t = Clock::now();
  o.desk = std::make_unique<Desk>(LogIn(conninfo));
  o.loginMs = MsSince(t);
  t = Clock::now();
  Pump([&] { return o.desk->List().RowAt(0) != nullptr; }, 60s);
  o.firstPageMs = MsSince(t);
  Pump([&] { return !o.desk->Panel().IsSearching(); }, 120s);
  std::cout << "\nLogged in as the " << who << " in " << o.loginMs
            << " ms; main window → first page of everything in scope " << o.firstPageMs << " ms.\n"
            << std::flush;
  return o;
}

// Everything measured with wx running; each phase's figures are printed as
// soon as it ends. The loop is the one the workstation's windows and timers
// run in while this drives them.
void MeasureWorkstation(const Options& o, const std::string& db, const std::string& cityConn,
                        const std::filesystem::path& ini, const std::vector<QueryKind>& kinds, StartTimes& start,
                        PhaseWatchdog& phase) {
  wxGUIEventLoop loop;
  wxEventLoopActivator activate(&loop);
  phase.Begin("start in process", Limit(120, o.limitScale));
  TimeLoginWindowInProcess(ini, start);
  PrintStart(start);
  LoopWatch watch;
  const auto searchCount = [&](int typed) {
    std::size_t n = 10 + static_cast<std::size_t>(typed);  // the warm-up and the typed ones
    for (const auto& k : kinds) n += k.values.size();
    return static_cast<double>(n);
  };

  const std::string county = "city decider, county " + o.county;
  {
    phase.Begin("logging in as the " + county, Limit(240, o.limitScale));
    auto opened = OpenDesk(cityConn, county);
    phase.Begin(county + ": typing", Limit(120 + 10 * searchCount(o.typed), o.limitScale));
    PrintTyping(county, MeasureTyping(*opened.desk, kinds, o.typed, watch, phase));
    PrintScrolling(county, MeasureScrolling(*opened.desk, true, watch, phase, o.limitScale, county));
    phase.Begin(county + ": hour-like session", Limit(120 + 1.0 * o.searches, o.limitScale));
    PrintSession(MeasureSession(*opened.desk, kinds, o.searches, watch, phase));
    phase.Begin(county + ": closing the window", Limit(120, o.limitScale));
    opened.desk.reset();
  }
  {
    phase.Begin("logging in as the superuser", Limit(240, o.limitScale));
    auto opened = OpenDesk(db, "superuser (full scope)");
    phase.Begin("superuser: typing", Limit(120 + 10 * searchCount(0), o.limitScale));
    PrintTyping("superuser, whole registry (same query values)", MeasureTyping(*opened.desk, kinds, 0, watch, phase));
    PrintScrolling("superuser, whole registry (jumps and drag only)",
                   MeasureScrolling(*opened.desk, false, watch, phase, o.limitScale, "superuser"));
    phase.Begin("superuser: closing the window", Limit(120, o.limitScale));
    opened.desk.reset();
  }
  phase.End();
  std::cout << "\nVmRSS at the end of the benchmark (both windows closed): " << MemoryMb() << " MB.\n";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
      const std::string key = argv[i];
      if (key == "--queries") o.perKind = std::stoi(argv[i + 1]);
      else if (key == "--typed") o.typed = std::stoi(argv[i + 1]);
      else if (key == "--searches") o.searches = std::stoi(argv[i + 1]);
      else if (key == "--launches") o.launches = std::stoi(argv[i + 1]);
      else if (key == "--county") o.county = argv[i + 1];
      else if (key == "--limit-scale") o.limitScale = std::stod(argv[i + 1]);
      else throw std::runtime_error("unknown option " + key);
    }
    const std::string db = Env("DOUDI_BENCH_DB");
    std::cout << std::fixed << std::setprecision(1) << std::unitbuf;  // figures appear as they are printed
    const std::string inCounty = "region_code BETWEEN '" + o.county + "000000' AND '" + o.county + "999999'";
    std::cout << "Registry: " << Scalar(db, "SELECT count(*) FROM doudi.person WHERE left_on IS NULL") << " current persons, "
              << Scalar(db, "SELECT count(*) FROM doudi.person WHERE left_on IS NULL AND " + inCounty)
              << " of them in county " << o.county << " (the city decider's scope).\n";

    // A city decider whose scope is the county, as in the registry benchmark.
    const std::string password = "bench-" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
    doudi::dal::UserAccount city;
    city.roleName = "bench_gui_city";
    city.group = doudi::model::StaffGroup::CityDecider;
    city.regionScope = o.county;
    Rows(db, "DROP ROLE IF EXISTS " + city.roleName);
    doudi::dal::pg::PgDatabase(db).Users().Add(city, password);
    const std::string cityConn = db + " user=" + city.roleName + " password='" + password + "'";

    // doudi.ini for the real program: that user and no stored password (the
    // PGPASSFILE has none for it), so the login dialog opens.
    const auto ini = std::filesystem::temp_directory_path() / ("doudi-bench-gui-" + std::to_string(::getpid()) + ".ini");
    const RemovedAtExit removeIni{ini};
    {
      std::ofstream out(ini);
      out << "default = bench\n[profile bench]\nhost = " << ConninfoValue(db, "host") << "\nport = "
          << ConninfoValue(db, "port") << "\ndbname = " << ConninfoValue(db, "dbname") << "\nuser = " << city.roleName
          << "\n";
    }
    const auto kinds = DrawQueries(db, o.county, o.perKind);

    PhaseWatchdog phase([ini] {
      std::error_code ignored;
      std::filesystem::remove(ini, ignored);
    });
    try {
      phase.Begin("start to the login window", Limit(60 + 30.0 * o.launches, o.limitScale));
      StartTimes start;
      TimeRealProgram(ini, o.launches, start);  // before this process opens its own display
      const auto t = Clock::now();
      StartWx(argv[0]);
      start.wxStart = MsSince(t);
      start.rssAfterWxStart = MemoryMb();
      MeasureWorkstation(o, db, cityConn, ini, kinds, start, phase);
    } catch (const std::exception& e) {
      throw std::runtime_error("phase \"" + phase.Current() + "\": " + e.what());
    }
    wxTheApp->OnExit();
    wxEntryCleanup();
    return 0;
  } catch (const std::exception& e) {
    std::cout << std::flush;
    std::cerr << "doudi-bench-gui: " << e.what() << std::endl;
    return 1;
  }
}
