#pragma once
// The Registry section: one search box that understands a full ID, an ID
// prefix, a name or a fragment; a tree of the regions in the user's scope;
// a registry-status filter; and the result list. Typing searches after a
// short pause and cancels the search before it.
#include <wx/timer.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "app/session.h"
#include "common/async_list_panel.h"
#include "common/form_dialog.h"
#include "doudi/dal/registry_search.h"

class wxChoice;
class wxSearchCtrl;
class wxStaticText;
class wxTreeCtrl;

namespace doudi::gui {

class Context;
class DatabaseWorker;
class RegistryList;
struct Section;

class RegistryPanel : public AsyncListPanel {
 public:
  // The section: everyone searches the registry.
  static Section Describe();

  // Searches on the context's search worker (a newer search cancels the
  // running one); the page worker loads rows of the list, so scrolling
  // never queues behind a long search; the record worker loads and saves
  // households; the case worker opens applications, which the context then
  // shows, as it shows a household's file.
  RegistryPanel(wxWindow* parent, Context& context);

  void FocusSearch();
  void NewHousehold();
  // A new application for the selected person's household: asks for the
  // program (NewCaseDialog), opens the case and shows it.
  void NewApplication();
  bool MayApply() const;
  // 转办: the selected household's referrals to departments (ReferralDialog).
  void ReferSelected();
  bool MayRefer() const;
  // The selected person's household's matching (Context::OpenMatching).
  void OpenMatching();
  // Selects a result row, as a click does.
  void SelectRow(long row);
  // Replaces how the application dialog is shown (tests fill and press it).
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }
  // Runs the current search again (e.g. after a save).
  void Refresh();

  // For tests and the screenshot script: set the box and search at once.
  void SearchFor(const wxString& text);
  long ResultCount() const;
  bool IsSearching() const { return m_idsPending; }

 private:
  void BuildRegionTree();
  dal::RegistryQuery CurrentQuery() const;
  void StartSearch();
  void StopSearch();
  void LoadPage(long page);
  void OpenSelected();
  void OpenHousehold(std::int64_t householdId);
  void ShowCount();

  Context& m_context;
  const Session& m_session;
  DatabaseWorker& m_searchWorker;
  DatabaseWorker& m_pageWorker;
  DatabaseWorker& m_recordWorker;
  DatabaseWorker& m_caseWorker;
  DialogRunner m_runDialog = RunModally;
  wxSearchCtrl* m_search = nullptr;
  wxChoice* m_status = nullptr;
  wxTreeCtrl* m_regions = nullptr;
  wxStaticText* m_count = nullptr;
  RegistryList* m_list = nullptr;
  wxTimer m_typingPause;

  // The search the list shows: its numbers, query, and what is known of it.
  // Late replies are checked against the numbers: each search is a load of
  // the AsyncListPanel (a new one, or Stop, drops the count and first page
  // the last one still sends); m_listGeneration counts what the list's rows
  // belong to (only a new search replaces them: after Stop the list still
  // shows that search's rows, and the pages asked for before must still
  // arrive, or their rows would wait for ever).
  int m_listGeneration = 0;
  dal::RegistryQuery m_query;
  std::shared_ptr<const std::vector<std::int64_t>> m_ids;  // ordered ids of all matches, once known
  bool m_idsPending = false;
  std::int64_t m_estimate = 0;
};

}  // namespace doudi::gui
