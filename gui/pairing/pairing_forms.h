#pragma once
// The pairing section's input dialogs: take a household into pairing, name
// the responsible person at a level (from the candidates the database
// offers), and log a visit. Each checks its fields where they are typed and
// ends with wxID_OK only when the input is good; the database checks them
// again (dal/schema/functions/pairing_*.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/form_dialog.h"
#include "doudi/dal/pairing_repository.h"
#include "doudi/model/pairing.h"

class wxChoice;
class wxTextCtrl;

namespace doudi::gui {

// Controls: "household", "since".
class EnrollDialog : public FormDialog {
 public:
  explicit EnrollDialog(wxWindow* parent);
  std::int64_t HouseholdId() const;
  std::string Since() const;  // "" : today

 private:
  void Accept();
  wxTextCtrl* m_household = nullptr;
  wxTextCtrl* m_since = nullptr;
  wxStaticText* m_householdMessage = nullptr;
  wxStaticText* m_sinceMessage = nullptr;
};

// Names the responsible person of a household at one level: one of the
// candidates, from a date. Controls: "candidate", "since".
class AssignDialog : public FormDialog {
 public:
  AssignDialog(wxWindow* parent, const wxString& household, model::PairingLevel level,
               std::vector<dal::PairingCandidate> candidates);
  // The candidate chosen (nullopt when there was none to choose).
  std::optional<dal::PairingCandidate> Chosen() const;
  std::string Since() const;

 private:
  void Accept();
  std::vector<dal::PairingCandidate> m_candidates;
  wxChoice* m_candidate = nullptr;
  wxTextCtrl* m_since = nullptr;
  wxStaticText* m_candidateMessage = nullptr;
  wxStaticText* m_sinceMessage = nullptr;
};

// A visit: the visitor's level, the date, who (empty: the person responsible
// at the level), what was found and the next step. Controls: "level",
// "visited_on", "visitor", "found", "next_step".
class VisitDialog : public FormDialog {
 public:
  // The most the database keeps (doudi.pairing_visit_add).
  static constexpr std::size_t kMaxFound = 1000;
  static constexpr std::size_t kMaxNextStep = 500;
  static constexpr std::size_t kMaxVisitor = 50;

  VisitDialog(wxWindow* parent, const wxString& household, model::PairingLevel level);
  dal::PairingVisitInput Visit() const;  // without the household and request id

 private:
  void Accept();
  wxChoice* m_level = nullptr;
  wxTextCtrl* m_visitedOn = nullptr;
  wxTextCtrl* m_visitor = nullptr;
  wxTextCtrl* m_found = nullptr;
  wxTextCtrl* m_nextStep = nullptr;
  wxStaticText* m_dateMessage = nullptr;
  wxStaticText* m_visitorMessage = nullptr;
  wxStaticText* m_foundMessage = nullptr;
  wxStaticText* m_nextStepMessage = nullptr;
};

}  // namespace doudi::gui
