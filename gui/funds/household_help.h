#pragma once
// A household's help (帮扶, docs/joint-loop-help.md): the eight 四帮四扶
// terms at a glance — one box each, lit with its count when any help or
// program counts under it — and every help record, newest first (from a
// fund, an enterprise, a social worker, a department's referral feedback;
// corrections marked), with 登记帮扶 for the groups that record help. The
// household editor's 帮扶 page; read and written on the case worker, loaded
// when the page is first shown.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/async_list_panel.h"
#include "common/form_dialog.h"
#include "common/requested_write.h"
#include "doudi/dal/help_repository.h"
#include "doudi/workstation/help_entry.h"

class wxListCtrl;
class wxStaticText;

namespace doudi::gui {

class Context;

class HouseholdHelpPanel : public AsyncListPanel {
 public:
  // What the panel asks of the window it is in when it loads: the
  // household's village (for the funds that may pay it) and its name.
  struct Household {
    std::string regionCode;
    wxString name;
  };
  using HouseholdReader = std::function<Household()>;

  HouseholdHelpPanel(wxWindow* parent, Context& context, std::int64_t householdId, HouseholdReader household);

  void Reload();
  bool Loaded() const { return m_loaded; }
  // Opens the add-help dialog and records what it gives.
  void AddHelp();
  bool MayRecord() const;
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

  const std::vector<workstation::SupportBox>& Boxes() const { return m_boxes; }
  const std::vector<dal::HelpRecord>& Records() const { return m_records; }
  // The box of a term ("box_<code>"), for tests and screenshots.
  wxWindow* Box(const std::string& term) const;
  wxListCtrl* List() const { return m_list; }

 private:
  struct Reading;
  void Show(Reading reading);

  Context& m_context;
  std::int64_t m_householdId;
  HouseholdReader m_household;
  bool m_loaded = false;
  std::vector<workstation::SupportBox> m_boxes;
  std::vector<dal::HelpRecord> m_records;
  std::vector<dal::FundBalance> m_funds;  // those that may pay this household
  std::vector<wxWindow*> m_boxWindows;
  std::vector<wxStaticText*> m_boxCounts;
  wxListCtrl* m_list = nullptr;
  RequestedWrite m_write;
  DialogRunner m_runDialog = RunModally;
};

}  // namespace doudi::gui
