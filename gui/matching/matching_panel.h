#pragma once
// The matching panel (匹配, docs/matching.md): for one household, every
// program and 四帮四扶 item with its verdict, the reasons and figures that
// decided it, what the household already receives; a check box beside each
// program a case opens (disabled where an application is open or the
// household receives it), and 一件事：一次申请所选项目, which opens the chosen
// programs' applications in one step on the case worker, one request id each
// (workstation::ApplicationBatch), then lists the opened cases.
//
// Shown in the household editor's 匹配 page and in the matching window
// (MatchingWindow, Context::OpenMatching). Reads everything on the case
// worker; the window never waits.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/async_list_panel.h"
#include "doudi/workstation/household_matching.h"

class wxButton;
class wxCheckBox;
class wxListCtrl;
class wxScrolledWindow;
class wxStaticText;

namespace doudi::gui {

class Context;

class MatchingPanel : public AsyncListPanel {
 public:
  using CaseOpener = std::function<void(std::int64_t caseId)>;

  // context outlives the panel. Loads at once unless deferLoad (the editor
  // loads it when its page is first shown).
  MatchingPanel(wxWindow* parent, Context& context, std::int64_t householdId, bool deferLoad = false);

  std::int64_t HouseholdId() const { return m_householdId; }
  // Reads the household and matches it again (after a save, after applying).
  void Reload();
  bool Loaded() const { return m_matching.has_value(); }
  const std::optional<workstation::HouseholdMatching>& Matching() const { return m_matching; }

  // Whether this user may open applications (the check boxes are shown).
  bool MayApply() const;
  // The check box of program ("apply_<program>"); nullptr when the panel shows none for it.
  wxCheckBox* ProgramBox(const std::string& program) const;
  // What the button does: opens the chosen programs' applications.
  void ApplyChosen();
  bool IsApplying() const { return m_applying; }
  // Programs opened from this panel → their case ids.
  const std::map<workstation::ApplicationKey, std::int64_t>& Opened() const { return m_batch.Opened(); }
  // Why a program was not opened, as the panel shows it beside it.
  wxString ProgramProblem(const std::string& program) const;
  // The name of the household's member personId (a per-person application's).
  wxString MemberName(std::int64_t personId) const;
  wxListCtrl* OpenedCases() const { return m_opened; }
  // Replaces what opening a listed case does (default: the context opens it).
  void SetCaseOpener(CaseOpener open) { m_openCase = std::move(open); }

 private:
  void ShowMatching(workstation::HouseholdMatching matching);
  void AddGroup(model::MatchGroup group);
  void ShowOpened();
  // The state of a case opened here, as the last reading of the household's cases says.
  std::string OpenedState(std::int64_t caseId) const;
  void OpenSelectedCase();

  Context& m_context;
  std::int64_t m_householdId;
  std::optional<workstation::HouseholdMatching> m_matching;
  workstation::ApplicationBatch m_batch;
  bool m_applying = false;
  std::map<std::string, wxString> m_problems;          // program → why it was not opened
  CaseOpener m_openCase;

  wxStaticText* m_title = nullptr;
  wxScrolledWindow* m_items = nullptr;
  std::map<std::string, wxCheckBox*> m_boxes;
  std::map<std::string, wxStaticText*> m_problemLines;
  wxButton* m_apply = nullptr;
  wxListCtrl* m_opened = nullptr;
};

}  // namespace doudi::gui
