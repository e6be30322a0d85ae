// The three-way merge behind the conflict dialog: what DiffHouseholds
// reports for a household two users edited at once, and what MergeHousehold
// builds from the user's choices. Pure logic, no window.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "doudi/workstation/household_merge.h"

using namespace doudi::workstation;
using namespace doudi::model;

namespace {

// Valid IDs (check characters computed independently of the model).
constexpr const char* kHeadId = "331022198510200021";
constexpr const char* kSpouseId = "331022199001011235";
constexpr const char* kChildId = "331022201003150044";

Person MakePerson(std::int64_t id, std::string name, std::string idNumber, Relation relation) {
  Person person;
  person.id = id;
  person.name = std::move(name);
  person.idNumber = std::move(idNumber);
  person.relation = relation;
  return person;
}

// The household as both users loaded it (version 3, two members).
Household Base() {
  Household h;
  h.id = 42;
  h.version = 3;
  h.regionCode = "331022001001";
  h.address = "Sanmen, Haiyou street 1";
  h.phone = "0576-83300000";
  h.members.push_back(MakePerson(100, "Zhang San", kHeadId, Relation::Head));
  h.members.push_back(MakePerson(101, "Li Si", kSpouseId, Relation::Spouse));
  IncomeItem wage;
  wage.id = 7;
  wage.kind = IncomeKind::Wage;
  wage.monthly = Money::FromFen(150000);
  wage.memberIdNumber = kHeadId;
  h.incomes.push_back(wage);
  return h;
}

// What another user saved meanwhile: same content, saved again, so the
// version moved on and the replaced income rows have new ids.
Household Theirs() {
  Household h = Base();
  h.version = 4;
  h.incomes[0].id = 8;
  return h;
}

const FieldDifference* Find(const std::vector<FieldDifference>& differences, HouseholdPart part,
                            const std::string& member = {}) {
  const auto it = std::find_if(differences.begin(), differences.end(),
                               [&](const FieldDifference& d) { return d.key.part == part && d.key.member == member; });
  return it == differences.end() ? nullptr : &*it;
}

const Person* MemberWithId(const Household& h, const std::string& idNumber) {
  const auto it =
      std::find_if(h.members.begin(), h.members.end(), [&](const Person& p) { return p.idNumber == idNumber; });
  return it == h.members.end() ? nullptr : &*it;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(conflict_merge)

BOOST_AUTO_TEST_CASE(nothing_to_choose_when_only_the_version_and_row_ids_moved) {
  BOOST_TEST(DiffHouseholds(Base(), Theirs(), Base()).empty());
  const Household merged = MergeHousehold(Base(), Theirs(), Base(), {});
  BOOST_TEST((merged == Theirs()));
}

BOOST_AUTO_TEST_CASE(only_their_change_is_kept) {
  Household theirs = Theirs();
  theirs.address = "Sanmen, Haiyou street 9";
  const Household mine = Base();

  const auto differences = DiffHouseholds(Base(), theirs, mine);
  BOOST_TEST_REQUIRE(differences.size() == 1U);
  const FieldDifference& d = differences.front();
  BOOST_TEST((d.key.part == HouseholdPart::Address));
  BOOST_TEST(d.changedByTheirs);
  BOOST_TEST(!d.changedByMine);
  BOOST_TEST((d.defaultSide == MergeSide::Theirs));
  BOOST_TEST(*d.base == "Sanmen, Haiyou street 1");
  BOOST_TEST(*d.theirs == "Sanmen, Haiyou street 9");

  const Household merged = MergeHousehold(Base(), theirs, mine, {});
  BOOST_TEST(merged.address == "Sanmen, Haiyou street 9");
  BOOST_TEST(merged.version == 4);  // saved against the version that is stored now
  BOOST_TEST(*merged.id == 42);
}

BOOST_AUTO_TEST_CASE(only_my_change_is_kept) {
  const Household theirs = Theirs();
  Household mine = Base();
  mine.phone = "13800138000";
  mine.members[1].disability = DisabilityCategory::Physical;
  mine.members[1].disabilityGrade = 2;

  const auto differences = DiffHouseholds(Base(), theirs, mine);
  BOOST_TEST_REQUIRE(differences.size() == 2U);
  const FieldDifference* phone = Find(differences, HouseholdPart::Phone);
  BOOST_TEST_REQUIRE(phone != nullptr);
  BOOST_TEST((phone->defaultSide == MergeSide::Mine));
  BOOST_TEST(!phone->ChangedByBoth());
  const FieldDifference* disability = Find(differences, HouseholdPart::MemberDisability, "person:101");
  BOOST_TEST_REQUIRE(disability != nullptr);
  BOOST_TEST(disability->memberName == "Li Si");
  BOOST_TEST((disability->defaultSide == MergeSide::Mine));

  const Household merged = MergeHousehold(Base(), theirs, mine, {});
  BOOST_TEST(merged.phone == "13800138000");
  BOOST_TEST((merged.members[1].disability == DisabilityCategory::Physical));
  BOOST_TEST(merged.members[1].disabilityGrade == 2);
  BOOST_TEST(*merged.members[1].id == 101);
  BOOST_TEST(merged.version == 4);
}

BOOST_AUTO_TEST_CASE(a_field_both_changed_defaults_to_mine_and_is_flagged) {
  Household theirs = Theirs();
  theirs.status = RegistryStatus::NearDibao;
  theirs.members[0].name = "Zhang Sanfeng";
  Household mine = Base();
  mine.status = RegistryStatus::Dibao;
  mine.members[0].name = "Zhang Shan";

  const auto differences = DiffHouseholds(Base(), theirs, mine);
  BOOST_TEST_REQUIRE(differences.size() == 2U);
  for (const auto& d : differences) {
    BOOST_TEST(d.ChangedByBoth());
    BOOST_TEST((d.defaultSide == MergeSide::Mine));
  }
  const Household merged = MergeHousehold(Base(), theirs, mine, {});
  BOOST_TEST((merged.status == RegistryStatus::Dibao));
  BOOST_TEST(merged.members[0].name == "Zhang Shan");
}

BOOST_AUTO_TEST_CASE(the_same_change_on_both_sides_is_no_difference) {
  Household theirs = Theirs();
  theirs.bankName = "Rural Commercial Bank";
  Household mine = Base();
  mine.bankName = "Rural Commercial Bank";
  BOOST_TEST(DiffHouseholds(Base(), theirs, mine).empty());
  BOOST_TEST(MergeHousehold(Base(), theirs, mine, {}).bankName == "Rural Commercial Bank");
}

BOOST_AUTO_TEST_CASE(a_member_added_by_them_and_another_removed_by_me) {
  Household theirs = Theirs();
  theirs.members.push_back(MakePerson(102, "Zhang Xiao", kChildId, Relation::Child));
  Household mine = Base();
  mine.members.erase(mine.members.begin() + 1);  // Li Si leaves
  mine.incomes.clear();

  const auto differences = DiffHouseholds(Base(), theirs, mine);
  const FieldDifference* added = Find(differences, HouseholdPart::Member, "person:102");
  BOOST_TEST_REQUIRE(added != nullptr);
  BOOST_TEST(added->changedByTheirs);
  BOOST_TEST(!added->changedByMine);
  BOOST_TEST(!added->base.has_value());
  BOOST_TEST(!added->mine.has_value());
  BOOST_TEST((added->defaultSide == MergeSide::Theirs));
  const FieldDifference* removed = Find(differences, HouseholdPart::Member, "person:101");
  BOOST_TEST_REQUIRE(removed != nullptr);
  BOOST_TEST(!removed->changedByTheirs);
  BOOST_TEST(removed->changedByMine);
  BOOST_TEST(!removed->mine.has_value());
  BOOST_TEST((removed->defaultSide == MergeSide::Mine));

  const Household merged = MergeHousehold(Base(), theirs, mine, {});
  BOOST_TEST_REQUIRE(merged.members.size() == 2U);
  BOOST_TEST(merged.members[0].name == "Zhang San");
  BOOST_TEST(merged.members[1].name == "Zhang Xiao");
  BOOST_TEST(*merged.members[1].id == 102);
  BOOST_TEST(merged.incomes.empty());  // only I changed the income list
}

BOOST_AUTO_TEST_CASE(a_member_they_removed_and_i_kept_comes_back_as_new) {
  Household theirs = Theirs();
  theirs.members.erase(theirs.members.begin() + 1);
  Household mine = Base();
  mine.members[1].employment = Employment::Unemployed;  // I edited the member they removed

  const auto differences = DiffHouseholds(Base(), theirs, mine);
  const FieldDifference* member = Find(differences, HouseholdPart::Member, "person:101");
  BOOST_TEST_REQUIRE(member != nullptr);
  BOOST_TEST(member->ChangedByBoth());
  BOOST_TEST((member->defaultSide == MergeSide::Mine));

  const Household merged = MergeHousehold(Base(), theirs, mine, {});
  BOOST_TEST_REQUIRE(merged.members.size() == 2U);
  BOOST_TEST(!merged.members[1].id.has_value());
  BOOST_TEST((merged.members[1].employment == Employment::Unemployed));
}

BOOST_AUTO_TEST_CASE(a_member_both_added_is_matched_by_the_id_even_when_theirs_is_masked) {
  Household theirs = Theirs();
  theirs.members.push_back(MakePerson(102, "Zhang Xiao", "331022********0044", Relation::Child));
  Household mine = Base();
  Person child;
  child.name = "Zhang Xiaoxiao";
  child.idNumber = kChildId;
  child.relation = Relation::Child;
  mine.members.push_back(child);

  const auto differences = DiffHouseholds(Base(), theirs, mine);
  BOOST_TEST(Find(differences, HouseholdPart::Member, "person:102") == nullptr);
  const FieldDifference* name = Find(differences, HouseholdPart::MemberName, "person:102");
  BOOST_TEST_REQUIRE(name != nullptr);
  BOOST_TEST(name->ChangedByBoth());

  const Household merged = MergeHousehold(Base(), theirs, mine, {});
  BOOST_TEST_REQUIRE(merged.members.size() == 3U);
  BOOST_TEST(*merged.members[2].id == 102);  // updated, not inserted twice
  BOOST_TEST(merged.members[2].name == "Zhang Xiaoxiao");
}

BOOST_AUTO_TEST_CASE(choices_override_the_defaults) {
  Household theirs = Theirs();
  theirs.address = "Sanmen, Haiyou street 9";                                          // default theirs
  theirs.members.push_back(MakePerson(102, "Zhang Xiao", kChildId, Relation::Child));  // default theirs
  theirs.housing = HousingCondition::Dilapidated;                                      // both: default mine
  Household mine = Base();
  mine.phone = "13800138000";  // default mine
  mine.housing = HousingCondition::Rented;

  const std::vector<FieldChoice> choices{
      {FieldKey{HouseholdPart::Address, {}}, MergeSide::Mine},
      {FieldKey{HouseholdPart::Phone, {}}, MergeSide::Theirs},
      {FieldKey{HouseholdPart::Housing, {}}, MergeSide::Theirs},
      {FieldKey{HouseholdPart::Member, "person:102"}, MergeSide::Mine},
      {FieldKey{HouseholdPart::BankName, {}}, MergeSide::Mine},  // no difference: ignored
  };
  const Household merged = MergeHousehold(Base(), theirs, mine, choices);
  BOOST_TEST(merged.address == "Sanmen, Haiyou street 1");
  BOOST_TEST(merged.phone == "0576-83300000");
  BOOST_TEST((merged.housing == HousingCondition::Dilapidated));
  BOOST_TEST(MemberWithId(merged, kChildId) == nullptr);
  BOOST_TEST(merged.members.size() == 2U);
}

BOOST_AUTO_TEST_CASE(income_lists_compare_by_content_not_row_ids) {
  Household theirs = Theirs();
  theirs.incomes[0].monthly = Money::FromFen(160000);
  Household mine = Base();
  mine.incomes[0].note = "seasonal";

  const auto differences = DiffHouseholds(Base(), theirs, mine);
  BOOST_TEST_REQUIRE(differences.size() == 1U);
  BOOST_TEST((differences[0].key.part == HouseholdPart::Incomes));
  BOOST_TEST(differences[0].ChangedByBoth());
  BOOST_TEST(differences[0].theirs->find("1,600.00") != std::string::npos);
  BOOST_TEST(differences[0].theirs->find("Zhang San") != std::string::npos);

  const std::vector<FieldChoice> takeTheirs{{FieldKey{HouseholdPart::Incomes, {}}, MergeSide::Theirs}};
  BOOST_TEST((MergeHousehold(Base(), theirs, mine, takeTheirs).incomes == theirs.incomes));
}

BOOST_AUTO_TEST_SUITE_END()
