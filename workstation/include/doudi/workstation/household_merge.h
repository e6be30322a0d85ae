#pragma once
// Three-way comparison and merge of a household that two desk users edited
// at the same time: the version this user started from (base), the one
// another user saved meanwhile (theirs) and this user's edit (mine). The
// conflict dialog shows the differences and the user chooses, field by
// field, which value to keep, so nothing is overwritten silently.
//
// Pure logic over model types (no wx), so it is tested on its own. Display
// texts are built from data only (values, Chinese labels of domain values);
// every English word is left to the dialog, where it is translated.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "doudi/model/household.h"

namespace doudi::workstation {

enum class MergeSide { Theirs, Mine };

// What one difference is about. Income items and assets are compared as
// whole lists: the repository replaces them on every save, so their ids do
// not identify an item from one version to the next.
enum class HouseholdPart {
  Region,
  Address,
  Phone,
  Housing,
  Status,
  BankName,
  BankAccount,
  Incomes,
  Assets,
  Member,  // the member as a whole: in the household or not
  MemberIdNumber,
  MemberName,
  MemberRelation,
  MemberDisability,  // category and grade together (validated together)
  MemberIllnesses,
  MemberSchooling,
  MemberEmployment,
  MemberWorkAbility,
};

// True for the parts that belong to one member (FieldKey::member is set).
bool IsMemberPart(HouseholdPart part);

// Names one field of one version-independent household: the part and, for
// member parts, which member ("person:<database id>" for a saved member,
// "new:<ID number>" for one added and not yet saved).
struct FieldKey {
  HouseholdPart part = HouseholdPart::Address;
  std::string member;

  friend bool operator==(const FieldKey&, const FieldKey&) = default;
};

struct FieldDifference {
  FieldKey key;
  // For member parts: the member's name and ID number as the newest version
  // holding the member shows them (mine, else theirs, else base); "" else.
  std::string memberName;
  std::string memberIdNumber;
  // The value in each version as text; nullopt where the member is not in
  // that version (only for member parts). Lists have one line per item.
  std::optional<std::string> base;
  std::optional<std::string> theirs;
  std::optional<std::string> mine;
  bool changedByTheirs = false;  // theirs differs from base
  bool changedByMine = false;    // mine differs from base
  // Theirs where only they changed it, mine where only this user did or
  // where both did.
  MergeSide defaultSide = MergeSide::Theirs;

  bool ChangedByBoth() const { return changedByTheirs && changedByMine; }
};

struct FieldChoice {
  FieldKey key;
  MergeSide side = MergeSide::Mine;
};

// Every field where theirs and mine disagree, household fields first (in
// form order), then per member (in theirs' order, then members only mine
// has, in mine's order): each member's presence or its fields. A field
// both users changed to the same value is no difference. Members are
// matched by database id, else by resident ID (a masked ID matches the full
// one it masks). Empty when theirs and mine agree on everything.
std::vector<FieldDifference> DiffHouseholds(const model::Household& base, const model::Household& theirs,
                                            const model::Household& mine);

// theirs (with its id, version and status history) with, for each
// difference, the side chosen in choices (matched by key; the difference's
// defaultSide where no choice names it). Choices for keys that are no
// difference are ignored. Members keep theirs' order; members taken from
// mine alone are appended in mine's order. A member kept from mine that
// another user removed is added again as a new member (its database id is
// dropped, since the stored row has left the household). The result is not
// validated: income items may name a member that is no longer there, or two
// members may both be head; the editor shows that before it can be saved.
model::Household MergeHousehold(const model::Household& base, const model::Household& theirs,
                                const model::Household& mine, const std::vector<FieldChoice>& choices);

}  // namespace doudi::workstation
