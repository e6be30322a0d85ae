#pragma once
// The 挂钩帮扶 section (六位一体挂钩帮扶, docs/joint-loop-pairing.md): the
// households in the pairing program in the user's scope — head, village,
// since when, how many of the six levels have a responsible person, the last
// visit and when the next is due (overdue rows in red) — all of them or
// only the gaps (a level missing or a visit overdue). Selecting one shows
// its six levels (who, since when) and its visits; 指定责任人 names the
// person at the level chosen (from the candidates the database offers),
// 登记走访 logs a visit, 纳入挂钩帮扶 takes a household in.
//
// Everything is read and written on the context's case worker: the window
// never waits on the database. A visit carries a request id kept while its
// outcome is unknown, so trying again never logs it twice.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/async_list_panel.h"
#include "common/form_dialog.h"
#include "common/requested_write.h"
#include "doudi/dal/pairing_repository.h"
#include "doudi/model/pairing.h"

class wxButton;
class wxCheckBox;
class wxListCtrl;
class wxStaticText;

namespace doudi::gui {

class AttachmentsWindow;
class Context;
struct Section;

class PairingPanel : public AsyncListPanel {
 public:
  static constexpr int kLimit = 2000;

  // The section: for the groups that manage pairing or record visits.
  static Section Describe();

  PairingPanel(wxWindow* parent, Context& context);

  void Reload();
  const std::vector<dal::PairingHousehold>& Households() const { return m_households; }
  const std::vector<dal::PairingAssignment>& Assignments() const { return m_assignments; }
  const std::vector<dal::PairingVisit>& Visits() const { return m_visits; }
  wxListCtrl* List() const { return m_list; }
  wxListCtrl* LevelList() const { return m_levels; }
  wxListCtrl* VisitList() const { return m_visitList; }
  // Shows the household of row with its levels and visits.
  void SelectRow(long row);
  std::optional<std::int64_t> SelectedHousehold() const { return m_selected; }
  // Whether the household's levels and visits are being read.
  bool IsLoadingDetails() const { return m_detailsPending; }
  void SetGapsOnly(bool gapsOnly);
  // The detail area's status line.
  wxString DetailStatus() const;

  bool OffersAssign() const;
  bool OffersVisit() const;
  bool OffersEnroll() const;
  // The level chosen in the level list (the village level when none is).
  model::PairingLevel ChosenLevel() const;
  void ChooseLevel(model::PairingLevel level);
  void AssignPerson();
  void AddVisit();
  // The visit selected in the visit list, and its photos and files in their own window.
  const dal::PairingVisit* SelectedVisit() const;
  AttachmentsWindow* OpenVisitFiles();
  void EnrollHousehold();
  // Replaces how dialogs are shown (tests fill and press them).
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

 private:
  struct Details;
  dal::PairingFilter Filter() const;
  void Fill();
  void LoadDetails();
  void FillDetails();
  wxString HouseholdLabel() const;
  void ShowDetailStatus(const wxString& text, bool error);
  void RunWrite(const std::string& what, RequestedWrite::Write write, const wxString& done);

  Context& m_context;
  DialogRunner m_runDialog = RunModally;
  std::vector<dal::PairingHousehold> m_households;
  std::vector<dal::PairingAssignment> m_assignments;
  std::vector<dal::PairingVisit> m_visits;
  std::optional<std::int64_t> m_selected;
  int m_detailGeneration = 0;
  bool m_detailsPending = false;
  bool m_writing = false;
  RequestedWrite m_write;

  wxCheckBox* m_gapsOnly = nullptr;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_detailTitle = nullptr;
  wxListCtrl* m_levels = nullptr;
  wxListCtrl* m_visitList = nullptr;
  wxStaticText* m_detailStatus = nullptr;
};

}  // namespace doudi::gui
