#pragma once
// The 慈善基金 section (docs/joint-loop-help.md), for the center's
// administrators: the charity funds of their area with the first amount,
// the top-ups, what was granted and what is left; under it, for the chosen
// fund, its top-ups and every grant from it (a charity case's decided
// one-off amount or a help record; a corrected record marked). Add a fund,
// top up the chosen one. Read and written on the context's case worker.
#include <cstdint>
#include <string>
#include <vector>

#include "common/async_list_panel.h"
#include "common/form_dialog.h"
#include "common/requested_write.h"
#include "doudi/dal/help_repository.h"

class wxListCtrl;

namespace doudi::gui {

class Context;
struct Section;

class FundsPanel : public AsyncListPanel {
 public:
  // The section: for those who may top up a fund (center administrators).
  static Section Describe();

  FundsPanel(wxWindow* parent, Context& context);

  void Reload();
  // Shows the fund of row's top-ups and grants below.
  void ShowFund(long row);
  // The dialogs' buttons.
  void AddFund();
  void TopUpChosen();
  void SetDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

  const std::vector<dal::FundBalance>& Funds() const { return m_funds; }
  wxListCtrl* List() const { return m_list; }
  wxListCtrl* Movements() const { return m_movements; }

 private:
  void Fill();
  void RunWrite(const std::string& what, RequestedWrite::Write write, const wxString& done);

  Context& m_context;
  std::vector<dal::FundBalance> m_funds;
  std::string m_shown;  // the fund whose movements are listed
  wxListCtrl* m_list = nullptr;
  wxListCtrl* m_movements = nullptr;
  RequestedWrite m_write;
  DialogRunner m_runDialog = RunModally;
};

}  // namespace doudi::gui
