#pragma once
// The matching panel's work without the window (docs/matching.md): reading
// what the rules need for one household (the household, its cases, the
// parameters in force for its village today) and 一件事, opening the chosen
// programs' applications in one step, one request id each, kept across the
// retries of that application so that a lost reply never opens it twice. A
// per-person program (特困) is one application per member it names
// (model::MatchItem::persons), each its own case.
// The panel (gui/matching/) runs LoadMatching and OpenApplications on the
// case worker and shows what comes back; the choice and the request ids live
// in an ApplicationBatch on the GUI thread.
#include <chrono>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/case_repository.h"
#include "doudi/model/household.h"
#include "doudi/model/matching.h"

namespace doudi::dal {
class ProgramParameters;
class RegistryRepository;
class SpendingRecords;
}  // namespace doudi::dal

namespace doudi::workstation {

// What the panel shows for one household.
struct HouseholdMatching {
  model::Household household;
  std::vector<dal::CaseSummary> cases;  // the household's, newest first
  std::vector<model::MatchItem> items;  // model::MatchHousehold's, in its order
};

// The data layer's pieces LoadMatching reads.
struct MatchingSources {
  dal::RegistryRepository& registry;
  dal::CaseRepository& cases;
  dal::ProgramParameters& parameters;
  dal::SpendingRecords& spending;
};

// Reads household householdId, its cases, the programs not received
// together, the parameters the rules read
// (model::MatchingParameterKeys) in force for its village on today and its
// essential spending over the 12 months up to today where the caller may
// know it, and matches it. nullopt when the household is not there for this
// user. Throws what the repositories throw.
std::optional<HouseholdMatching> LoadMatching(const MatchingSources& sources, std::int64_t householdId,
                                              std::chrono::year_month_day today);

// Which application: the program, and for a per-person program the person
// its case names (0 for a household program).
struct ApplicationKey {
  std::string program;
  std::int64_t personId = 0;

  friend auto operator<=>(const ApplicationKey&, const ApplicationKey&) = default;
};

// One application to open: which, and its request id.
struct PendingApplication {
  ApplicationKey key;
  std::string requestId;

  friend bool operator==(const PendingApplication&, const PendingApplication&) = default;
};

// How one application came out.
struct ApplicationOutcome {
  ApplicationKey key;
  std::optional<std::int64_t> caseId;  // opened
  std::exception_ptr error;            // refused or failed (for the screen to describe)
  bool connectionLost = false;         // failed on the way: the same request id goes again
};

// Opens each application with cases.Open (one transaction each), in order;
// a failure of one is its outcome and does not stop the others.
std::vector<ApplicationOutcome> OpenApplications(dal::CaseRepository& cases, std::int64_t householdId,
                                                 const std::vector<PendingApplication>& applications);

// The chosen programs of one household and their request ids.
class ApplicationBatch {
 public:
  explicit ApplicationBatch(std::int64_t householdId) : m_householdId(householdId) {}

  std::int64_t HouseholdId() const { return m_householdId; }

  // Chooses or drops program: a household program as one application, a
  // per-person program as one for each of persons (choosing it again with
  // other persons drops those no longer named and adds the new ones). An
  // application keeps its request id while it is chosen; dropped and
  // chosen again, it is a new application.
  void Choose(const std::string& program, bool chosen, const std::vector<std::int64_t>& persons = {});
  bool IsChosen(const std::string& program) const;
  bool Empty() const { return m_requestIds.empty(); }

  // The applications to send, in the order chosen, each with its request id.
  std::vector<PendingApplication> Pending() const;

  // Takes the outcomes of a Pending() sent: an opened program leaves the
  // choice (remembered in Opened()); a refused one stays chosen with a new
  // request id (sent again, it is a new request); one whose connection was
  // lost keeps its id, so that sending it again opens it at most once.
  void Record(const std::vector<ApplicationOutcome>& outcomes);

  // Applications opened through this batch → their case ids.
  const std::map<ApplicationKey, std::int64_t>& Opened() const { return m_opened; }

 private:
  void Drop(const ApplicationKey& key);

  std::int64_t m_householdId;
  std::vector<ApplicationKey> m_order;                 // chosen applications, in the order chosen
  std::map<ApplicationKey, std::string> m_requestIds;  // chosen application → request id
  std::map<ApplicationKey, std::int64_t> m_opened;
};

}  // namespace doudi::workstation
