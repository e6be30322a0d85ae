#pragma once
// 案件查询 (case search): the cases in the user's scope by applicant name or
// full resident ID (one box: an 18-character ID searches by ID through the
// registry's ID search, anything else by a part of a member's name),
// program, state, region, the days opened between, and overdue only; the
// IDs shown are masked by the database. A case opens with a double-click
// (Context::OpenCase), as from My tasks. Searched on the case worker.
#include <cstdint>
#include <optional>
#include <vector>

#include "common/async_list_panel.h"
#include "doudi/dal/case_repository.h"
#include "doudi/dal/program_parameters.h"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxTextCtrl;

namespace doudi::gui {

class Context;
struct Section;

class CaseSearchPanel : public AsyncListPanel {
 public:
  // The most cases one search shows; the status line says when there are more.
  static constexpr int kLimit = 500;

  // The section: for every staff group that reads cases (not department liaisons).
  static Section Describe();

  CaseSearchPanel(wxWindow* parent, Context& context);

  // The query the filters make; nullopt (and the status line says why) when
  // a date or region is malformed.
  std::optional<dal::CaseQuery> Query();
  // Searches with the filters as they are.
  void Search();
  const std::vector<dal::CaseFound>& Found() const { return m_found; }
  wxListCtrl* List() const { return m_list; }
  wxTextCtrl* Text() const { return m_text; }
  wxChoice* Program() const { return m_program; }
  wxChoice* State() const { return m_state; }
  wxTextCtrl* Region() const { return m_region; }
  wxTextCtrl* From() const { return m_from; }
  wxTextCtrl* To() const { return m_to; }
  wxCheckBox* Overdue() const { return m_overdue; }
  // What double-clicking row does.
  void OpenRow(long row);

 private:
  void Fill();

  Context& m_context;
  std::vector<dal::ProgramInfo> m_programs;
  std::vector<dal::CaseFound> m_found;
  wxTextCtrl* m_text = nullptr;
  wxChoice* m_program = nullptr;
  wxChoice* m_state = nullptr;
  wxTextCtrl* m_region = nullptr;
  wxTextCtrl* m_from = nullptr;
  wxTextCtrl* m_to = nullptr;
  wxCheckBox* m_overdue = nullptr;
  wxListCtrl* m_list = nullptr;
};

}  // namespace doudi::gui
