#include "doudi/workstation/household_merge.h"

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

#include "doudi/model/masking.h"
#include "doudi/model/text.h"

namespace doudi::workstation {
namespace {

using model::Household;
using model::Person;

// Resident IDs compare trimmed and with an uppercase X, as Validate does.
std::string Normalized(std::string_view idNumber) {
  std::string text(model::TrimAsciiWhitespace(idNumber));
  std::replace(text.begin(), text.end(), 'x', 'X');
  return text;
}

// Whether two ID texts name the same resident: equal, or one is the
// masked form of the other (a role that sees masked IDs has typed the full
// number of a member another user added).
bool SameResident(std::string_view a, std::string_view b) {
  const std::string na = Normalized(a);
  const std::string nb = Normalized(b);
  if (na.empty() || nb.empty()) return false;
  if (na == nb) return true;
  return (model::IsMaskedIdNumber(na) && model::MaskedIdNumber(nb) == na) ||
         (model::IsMaskedIdNumber(nb) && model::MaskedIdNumber(na) == nb);
}

// One member across the three versions.
struct MemberSlot {
  std::optional<std::int64_t> personId;
  const Person* base = nullptr;
  const Person* theirs = nullptr;
  const Person* mine = nullptr;
  std::string key;
};

std::vector<MemberSlot> MatchMembers(const Household& base, const Household& theirs, const Household& mine) {
  std::vector<MemberSlot> slots;
  const auto place = [&slots](const Person& person, const Person* MemberSlot::*side) {
    MemberSlot* found = nullptr;
    if (person.id) {
      for (auto& slot : slots) {
        if (slot.personId == person.id && slot.*side == nullptr) {
          found = &slot;
          break;
        }
      }
    }
    if (!found) {
      for (auto& slot : slots) {
        if (slot.*side != nullptr) continue;
        // A slot already holding another saved person is not this one.
        if (person.id && slot.personId && slot.personId != person.id) continue;
        const Person* any = slot.base ? slot.base : slot.theirs ? slot.theirs : slot.mine;
        if (any && SameResident(any->idNumber, person.idNumber)) {
          found = &slot;
          break;
        }
      }
    }
    if (!found) found = &slots.emplace_back();
    found->*side = &person;
    if (!found->personId) found->personId = person.id;
  };
  for (const auto& p : base.members) place(p, &MemberSlot::base);
  for (const auto& p : theirs.members) place(p, &MemberSlot::theirs);
  for (const auto& p : mine.members) place(p, &MemberSlot::mine);

  for (std::size_t i = 0; i < slots.size(); ++i) {
    auto& slot = slots[i];
    if (slot.personId) {
      slot.key = "person:" + std::to_string(*slot.personId);
    } else {
      const Person* any = slot.mine ? slot.mine : slot.theirs ? slot.theirs : slot.base;
      const std::string id = any ? Normalized(any->idNumber) : std::string();
      // Two unsaved members without an ID cannot be told apart by content;
      // their position among the slots keeps their keys apart.
      slot.key = id.empty() ? "row:" + std::to_string(i) : "new:" + id;
    }
  }
  return slots;
}

// --- texts built from data only ---

std::string DisabilityText(const Person& p) {
  std::string text(model::ToChinese(p.disability));
  if (p.disabilityGrade != 0) text += " " + std::to_string(p.disabilityGrade);
  return text;
}

std::string PersonSummary(const Person& p) {
  return p.name + " " + p.idNumber + " " + std::string(model::ToChinese(p.relation));
}

// The name of the member an income item belongs to, as a version shows it.
std::string IncomeOwner(const Household& h, const model::IncomeItem& item) {
  if (model::TrimAsciiWhitespace(item.memberIdNumber).empty()) return {};
  for (const auto& p : h.members) {
    if (SameResident(p.idNumber, item.memberIdNumber)) return p.name;
  }
  return item.memberIdNumber;
}

std::string IncomesText(const Household& h) {
  std::string text;
  for (const auto& item : h.incomes) {
    if (!text.empty()) text += "\n";
    text += std::string(model::ToChinese(item.kind)) + " " + item.monthly.ToDisplayString();
    if (const std::string owner = IncomeOwner(h, item); !owner.empty()) text += " " + owner;
    if (!item.note.empty()) text += " " + item.note;
  }
  return text;
}

std::string AssetsText(const Household& h) {
  std::string text;
  for (const auto& asset : h.assets) {
    if (!text.empty()) text += "\n";
    text += std::string(model::ToChinese(asset.kind)) + " " + asset.value.ToDisplayString();
    if (!asset.description.empty()) text += " " + asset.description;
  }
  return text;
}

// --- comparisons that ignore what a save changes by itself ---

bool SameIncomes(const Household& a, const Household& b) {
  return std::equal(a.incomes.begin(), a.incomes.end(), b.incomes.begin(), b.incomes.end(),
                    [](const model::IncomeItem& x, const model::IncomeItem& y) {
                      return x.kind == y.kind && x.monthly == y.monthly &&
                             Normalized(x.memberIdNumber) == Normalized(y.memberIdNumber) && x.note == y.note;
                    });
}

bool SameAssets(const Household& a, const Household& b) {
  return std::equal(a.assets.begin(), a.assets.end(), b.assets.begin(), b.assets.end(),
                    [](const model::Asset& x, const model::Asset& y) {
                      return x.kind == y.kind && x.description == y.description && x.value == y.value;
                    });
}

// One household field: how to compare it, show it and copy it.
struct HouseholdField {
  HouseholdPart part;
  std::function<bool(const Household&, const Household&)> same;
  std::function<std::string(const Household&)> text;
  std::function<void(Household& to, const Household& from)> copy;
};

template <typename T>
HouseholdField Simple(HouseholdPart part, T Household::*member, std::function<std::string(const T&)> text) {
  return HouseholdField{part, [member](const Household& a, const Household& b) { return a.*member == b.*member; },
                        [member, text](const Household& h) { return text(h.*member); },
                        [member](Household& to, const Household& from) { to.*member = from.*member; }};
}

const std::vector<HouseholdField>& HouseholdFields() {
  static const std::vector<HouseholdField> fields = [] {
    const auto asIs = [](const std::string& s) { return s; };
    std::vector<HouseholdField> f;
    f.push_back(Simple<std::string>(HouseholdPart::Region, &Household::regionCode, asIs));
    f.push_back(Simple<std::string>(HouseholdPart::Address, &Household::address, asIs));
    f.push_back(Simple<std::string>(HouseholdPart::Phone, &Household::phone, asIs));
    f.push_back(Simple<model::HousingCondition>(
        HouseholdPart::Housing, &Household::housing,
        [](const model::HousingCondition& v) { return std::string(model::ToChinese(v)); }));
    f.push_back(
        Simple<model::RegistryStatus>(HouseholdPart::Status, &Household::status,
                                      [](const model::RegistryStatus& v) { return std::string(model::ToChinese(v)); }));
    f.push_back(Simple<std::string>(HouseholdPart::BankName, &Household::bankName, asIs));
    f.push_back(Simple<std::string>(HouseholdPart::BankAccount, &Household::bankAccount, asIs));
    f.push_back(HouseholdField{HouseholdPart::Incomes, SameIncomes, IncomesText,
                               [](Household& to, const Household& from) { to.incomes = from.incomes; }});
    f.push_back(HouseholdField{HouseholdPart::Assets, SameAssets, AssetsText,
                               [](Household& to, const Household& from) { to.assets = from.assets; }});
    return f;
  }();
  return fields;
}

// One member field, the same way.
struct MemberField {
  HouseholdPart part;
  std::function<bool(const Person&, const Person&)> same;
  std::function<std::string(const Person&)> text;
  std::function<void(Person& to, const Person& from)> copy;
};

template <typename T>
MemberField SimpleMember(HouseholdPart part, T Person::*member, std::function<std::string(const T&)> text) {
  return MemberField{part, [member](const Person& a, const Person& b) { return a.*member == b.*member; },
                     [member, text](const Person& p) { return text(p.*member); },
                     [member](Person& to, const Person& from) { to.*member = from.*member; }};
}

template <typename E>
std::function<std::string(const E&)> Chinese() {
  return [](const E& v) { return std::string(model::ToChinese(v)); };
}

const std::vector<MemberField>& MemberFields() {
  static const std::vector<MemberField> fields = [] {
    std::vector<MemberField> f;
    f.push_back(
        MemberField{HouseholdPart::MemberIdNumber,
                    [](const Person& a, const Person& b) { return Normalized(a.idNumber) == Normalized(b.idNumber); },
                    [](const Person& p) { return p.idNumber; },
                    [](Person& to, const Person& from) { to.idNumber = from.idNumber; }});
    f.push_back(
        SimpleMember<std::string>(HouseholdPart::MemberName, &Person::name, [](const std::string& s) { return s; }));
    f.push_back(
        SimpleMember<model::Relation>(HouseholdPart::MemberRelation, &Person::relation, Chinese<model::Relation>()));
    f.push_back(MemberField{HouseholdPart::MemberDisability,
                            [](const Person& a, const Person& b) {
                              return a.disability == b.disability && a.disabilityGrade == b.disabilityGrade;
                            },
                            DisabilityText,
                            [](Person& to, const Person& from) {
                              to.disability = from.disability;
                              to.disabilityGrade = from.disabilityGrade;
                            }});
    f.push_back(
        SimpleMember<std::vector<std::string>>(HouseholdPart::MemberIllnesses, &Person::illnesses,
                                               [](const std::vector<std::string>& v) { return model::Join(v, "; "); }));
    f.push_back(SimpleMember<model::Schooling>(HouseholdPart::MemberSchooling, &Person::schooling,
                                               Chinese<model::Schooling>()));
    f.push_back(SimpleMember<model::Employment>(HouseholdPart::MemberEmployment, &Person::employment,
                                                Chinese<model::Employment>()));
    f.push_back(SimpleMember<model::WorkAbility>(HouseholdPart::MemberWorkAbility, &Person::workAbility,
                                                 Chinese<model::WorkAbility>()));
    return f;
  }();
  return fields;
}

// A member's content apart from what identifies its row.
bool SamePerson(const Person& a, const Person& b) {
  return std::all_of(MemberFields().begin(), MemberFields().end(), [&](const MemberField& f) { return f.same(a, b); });
}

void Decide(FieldDifference& d) {
  d.defaultSide = d.changedByMine ? MergeSide::Mine : MergeSide::Theirs;
}

// Slots in the order the merged household lists its members: theirs'
// order, then members only mine has, in mine's order.
std::vector<const MemberSlot*> InMergeOrder(const std::vector<MemberSlot>& slots, const Household& theirs,
                                            const Household& mine) {
  std::vector<const MemberSlot*> ordered;
  for (const auto& p : theirs.members) {
    for (const auto& slot : slots) {
      if (slot.theirs == &p) ordered.push_back(&slot);
    }
  }
  for (const auto& p : mine.members) {
    for (const auto& slot : slots) {
      if (slot.mine == &p && slot.theirs == nullptr) ordered.push_back(&slot);
    }
  }
  return ordered;
}

}  // namespace

bool IsMemberPart(HouseholdPart part) {
  return part >= HouseholdPart::Member;
}

std::vector<FieldDifference> DiffHouseholds(const Household& base, const Household& theirs, const Household& mine) {
  std::vector<FieldDifference> differences;

  for (const auto& field : HouseholdFields()) {
    if (field.same(theirs, mine)) continue;
    FieldDifference d;
    d.key = FieldKey{field.part, {}};
    d.base = field.text(base);
    d.theirs = field.text(theirs);
    d.mine = field.text(mine);
    d.changedByTheirs = !field.same(base, theirs);
    d.changedByMine = !field.same(base, mine);
    Decide(d);
    differences.push_back(std::move(d));
  }

  const std::vector<MemberSlot> slots = MatchMembers(base, theirs, mine);
  for (const MemberSlot* slot : InMergeOrder(slots, theirs, mine)) {
    const Person* newest = slot->mine ? slot->mine : slot->theirs;
    const auto start = [&](HouseholdPart part) {
      FieldDifference d;
      d.key = FieldKey{part, slot->key};
      d.memberName = newest->name;
      d.memberIdNumber = newest->idNumber;
      return d;
    };
    if (slot->theirs && slot->mine) {
      for (const auto& field : MemberFields()) {
        if (field.same(*slot->theirs, *slot->mine)) continue;
        FieldDifference d = start(field.part);
        if (slot->base) d.base = field.text(*slot->base);
        d.theirs = field.text(*slot->theirs);
        d.mine = field.text(*slot->mine);
        // A member both users added has no base value: both changed it.
        d.changedByTheirs = !slot->base || !field.same(*slot->base, *slot->theirs);
        d.changedByMine = !slot->base || !field.same(*slot->base, *slot->mine);
        Decide(d);
        differences.push_back(std::move(d));
      }
      continue;
    }
    // In one of theirs and mine only: added by that side, or removed by the
    // other (perhaps after the first side edited it).
    FieldDifference d = start(HouseholdPart::Member);
    if (slot->base) d.base = PersonSummary(*slot->base);
    if (slot->theirs) d.theirs = PersonSummary(*slot->theirs);
    if (slot->mine) d.mine = PersonSummary(*slot->mine);
    const auto changed = [&](const Person* version) {
      if (!slot->base || !version) return slot->base != version;  // added or removed
      return !SamePerson(*slot->base, *version);                  // kept, but edited
    };
    d.changedByTheirs = changed(slot->theirs);
    d.changedByMine = changed(slot->mine);
    Decide(d);
    differences.push_back(std::move(d));
  }
  return differences;
}

Household MergeHousehold(const Household& base, const Household& theirs, const Household& mine,
                         const std::vector<FieldChoice>& choices) {
  const auto sideOf = [&choices](const FieldDifference& d) {
    const auto chosen =
        std::find_if(choices.begin(), choices.end(), [&d](const FieldChoice& c) { return c.key == d.key; });
    return chosen == choices.end() ? d.defaultSide : chosen->side;
  };
  const std::vector<FieldDifference> differences = DiffHouseholds(base, theirs, mine);
  const auto takesMine = [&](HouseholdPart part, const std::string& member) {
    const auto d = std::find_if(differences.begin(), differences.end(),
                                [&](const FieldDifference& x) { return x.key.part == part && x.key.member == member; });
    return d != differences.end() && sideOf(*d) == MergeSide::Mine;
  };

  Household merged = theirs;
  for (const auto& field : HouseholdFields()) {
    if (takesMine(field.part, {})) field.copy(merged, mine);
  }

  merged.members.clear();
  const std::vector<MemberSlot> slots = MatchMembers(base, theirs, mine);
  for (const MemberSlot* slot : InMergeOrder(slots, theirs, mine)) {
    if (slot->theirs && slot->mine) {
      Person person = *slot->theirs;  // keeps theirs' database id
      for (const auto& field : MemberFields()) {
        if (takesMine(field.part, slot->key)) field.copy(person, *slot->mine);
      }
      // A card read at this desk is a fact, not a choice: it is recorded
      // with the merged save (the stored read is theirs otherwise).
      const auto& read = slot->mine->card;
      if (read && read->fresh && read->idNumber == person.idNumber) person.card = read;
      merged.members.push_back(std::move(person));
    } else if (slot->theirs) {
      if (!takesMine(HouseholdPart::Member, slot->key)) merged.members.push_back(*slot->theirs);
    } else if (takesMine(HouseholdPart::Member, slot->key)) {
      Person person = *slot->mine;
      // Removed by the other user: its stored row has left the household,
      // so it comes back as a new member.
      if (slot->base) person.id.reset();
      merged.members.push_back(std::move(person));
    }
  }
  return merged;
}

}  // namespace doudi::workstation
