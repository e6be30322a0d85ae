#include <boost/test/unit_test.hpp>

#include "db_fixture.h"
#include "doudi/dal/errors.h"

using namespace doudi;

BOOST_AUTO_TEST_SUITE(registry_repository)

BOOST_AUTO_TEST_CASE(created_household_loads_back_whole) {
  test::MigratedDatabase m;
  const auto original = test::SampleHousehold();
  const auto id = m.db->Registry().CreateHousehold(original);
  const auto loaded = m.db->Registry().LoadHousehold(id);
  BOOST_REQUIRE(loaded);
  BOOST_TEST(loaded->version == 1);
  BOOST_TEST(loaded->regionCode == original.regionCode);
  BOOST_TEST(loaded->address == original.address);
  // Loaded masked; the full account comes only through its own function.
  BOOST_TEST(loaded->bankAccount == "****0123");
  BOOST_TEST(m.server.Scalar("SELECT doudi.household_bank_account(" + std::to_string(id) + ")") == original.bankAccount);
  BOOST_TEST((loaded->housing == model::HousingCondition::Dilapidated));
  BOOST_TEST((loaded->status == model::RegistryStatus::Dibao));
  BOOST_REQUIRE(loaded->members.size() == 2);
  BOOST_TEST(loaded->members[1].name == "李秀英");
  BOOST_TEST(loaded->members[1].disabilityGrade == 2);
  BOOST_TEST(loaded->members[1].illnesses == original.members[1].illnesses);
  BOOST_REQUIRE(loaded->incomes.size() == 1);
  BOOST_TEST(loaded->incomes[0].monthly.Fen() == 150000);
  BOOST_TEST(loaded->incomes[0].memberIdNumber == original.members[0].idNumber);
  BOOST_REQUIRE(loaded->assets.size() == 1);
  BOOST_TEST(loaded->assets[0].description == "拖拉机");
  BOOST_REQUIRE(loaded->statusHistory.size() == 1);
  BOOST_TEST((loaded->statusHistory[0].status == model::RegistryStatus::Dibao));
  BOOST_TEST(loaded->PerCapitaMonthlyIncome().Fen() == 75000);
}

// What a member's ID card said is stored with the save that the read
// filled: in its transaction, once per request, the photo apart with its
// SHA-256 in the audited row; the household loaded again carries the
// stored read. A field no card has refuses the whole save, and the cards
// are read within scope like the members (a liaison reads none).
BOOST_AUTO_TEST_CASE(a_card_read_is_stored_with_the_save) {
  using namespace std::chrono;
  test::MigratedDatabase m;
  auto h = test::SampleHousehold();
  model::IdCardFacts card;
  card.ethnicityCode = "22";  // 畲族
  card.authority = "三门县公安局";
  card.validFrom = year{2016} / April / 20;
  card.validUntil = year{2036} / April / 20;
  card.fresh = true;
  card.photo = {'B', 'M'};
  card.photo.resize(1024, 0x7f);
  card.idNumber = h.members[0].idNumber;
  h.members[0].card = card;
  const std::string request = dal::NewRequestId();
  const auto id = m.db->Registry().CreateHousehold(h, request);
  // The same save sent again (its reply lost): the same household, one read.
  BOOST_TEST(m.db->Registry().CreateHousehold(h, request) == id);
  const std::string household = std::to_string(id);
  BOOST_TEST(m.server.Scalar("SELECT count(*) || '|' || min(ethnicity_code) || '|' || min(authority) || '|' || "
                             "min(photo_bytes) FROM doudi.person_card WHERE household_id = " + household) ==
             "1|22|三门县公安局|1024");
  BOOST_TEST(m.server.Scalar("SELECT c.photo_sha256 = sha256(p.photo) FROM doudi.person_card AS c "
                             "JOIN doudi.person_card_photo AS p ON p.card_id = c.id WHERE c.household_id = " +
                             household) == "t");
  // Audited: the row with the photo's digest, never the photo's bytes.
  BOOST_TEST(m.server.Scalar("SELECT count(*) FROM doudi.audit_row WHERE table_name = 'person_card' AND "
                             "new_row ? 'photo_sha256' AND NOT new_row ? 'photo'") == "1");
  const auto loaded = *m.db->Registry().LoadHousehold(id);
  BOOST_REQUIRE(loaded.members[0].card.has_value());
  const auto& stored = *loaded.members[0].card;
  BOOST_TEST(!stored.fresh);
  BOOST_TEST(stored.ethnicityCode == "22");
  BOOST_TEST((stored.validFrom == year{2016} / April / 20));
  BOOST_TEST((stored.validUntil == std::optional<year_month_day>(year{2036} / April / 20)));
  BOOST_TEST(!stored.readAt.empty());
  BOOST_TEST(stored.photo.empty());
  BOOST_TEST(!loaded.members[1].card.has_value());
  // The photo of the card in use, asked for by its person (the card box).
  BOOST_TEST((m.db->Registry().CardPhoto(*loaded.members[0].id) == card.photo));
  BOOST_TEST(m.db->Registry().CardPhoto(*loaded.members[1].id).empty());
  // Saved again unchanged: the stored read is not recorded a second time.
  BOOST_TEST(m.db->Registry().SaveHousehold(loaded, dal::NewRequestId()) == 2);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.person_card WHERE household_id = " + household) == 1);

  // A field no card has: the whole save is refused, nothing of it stored.
  auto other = test::SampleHousehold(200);
  card.ethnicityCode = "99";
  card.idNumber = other.members[0].idNumber;
  other.members[0].card = card;
  const auto before = m.server.Count("SELECT count(*) FROM doudi.household");
  try {
    m.db->Registry().CreateHousehold(other, dal::NewRequestId());
    BOOST_ERROR("a card with ethnicity 99 was stored");
  } catch (const dal::DatabaseError& e) {
    BOOST_TEST(e.Code() == "card.bad_field", e.what());
    BOOST_TEST(e.Arguments().at("field") == "ethnicity");
  }
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.household") == before);
  // The same rule is the table's CHECK (doudi.id_card_bad_field): an
  // authority with an invisible character is no card's, whoever writes it.
  BOOST_TEST(m.server.AsSuperuser()
                 .Try("INSERT INTO doudi.person_card (request_id, person_id, household_id, region_code, "
                      "id_number_masked, ethnicity_code, authority, valid_from) SELECT gen_random_uuid(), p.id, "
                      "p.household_id, p.region_code, p.id_number_masked, '01', E'三门县\\u200b公安局', "
                      "'2016-04-20' FROM doudi.person AS p WHERE p.household_id = " + household + " LIMIT 1")
                 .message.find("person_card_fields_check") != std::string::npos);

  // Read within scope: the village's clerk reads the card and its photo, a
  // clerk of another village and a liaison read none, and the other clerk
  // cannot record one (the household is not theirs: gone, alike).
  const auto clerk = m.server.CreateUser("clerk", "village_clerk", "331022001201");
  const auto otherClerk = m.server.CreateUser("other", "village_clerk", "331022001206");
  const auto liaison = m.server.CreateUser("liaison", "department_liaison", "331022", "medical_insurance");
  // The liaison's department is asked to help the household: they read its
  // members from then on, and still no card.
  const auto reviewer = m.server.CreateUser("reviewer", "township_reviewer", "331022001");
  BOOST_TEST(m.server.AsUser(reviewer)
                 .Rows("SELECT doudi.referral_send(gen_random_uuid(), $1::bigint, NULL, NULL, '', "
                       "'[{\"department\":\"medical_insurance\",\"kind\":\"medical_aid\",\"request\":\"核查\"}]'"
                       "::jsonb)",
                       {household})
                 .size() == 1U);
  BOOST_TEST(m.server.AsUser(liaison).Scalar("SELECT count(*) > 0 FROM doudi.person WHERE household_id = " +
                                             household) == "t");
  BOOST_TEST(m.server.AsUser(clerk).Scalar("SELECT count(*) FROM doudi.person_card_photo") == "1");
  BOOST_TEST(m.server.AsUser(otherClerk).Scalar("SELECT count(*) FROM doudi.person_card") == "0");
  BOOST_TEST(m.server.AsUser(liaison).Scalar("SELECT count(*) FROM doudi.person_card") == "0");
  BOOST_TEST(m.server.AsUser(clerk).Scalar("SELECT count(*) FROM doudi.person_card_current") == "1");
  BOOST_TEST(m.server.AsUser(otherClerk).Scalar("SELECT count(*) FROM doudi.person_card_current") == "0");
  BOOST_TEST(m.server.AsUser(liaison).Scalar("SELECT count(*) FROM doudi.person_card_current") == "0");
  const auto refused = m.server.AsUser(otherClerk).Try(
      "SELECT doudi.person_card_record(gen_random_uuid(), $1::bigint, $2, '01', '三门县公安局', '2016-04-20', NULL, "
      "NULL)",
      {household, h.members[0].idNumber});
  BOOST_TEST(refused.message.rfind("doudi:household.gone", 0) == 0U, refused.message);
  // The village's own clerk, straight from psql: a read only beside a save
  // of the household under the same request, by the same user.
  const auto alone = m.server.AsUser(clerk).Try(
      "SELECT doudi.person_card_record(gen_random_uuid(), $1::bigint, $2, '01', '三门县公安局', '2016-04-20', NULL, "
      "NULL)",
      {household, h.members[0].idNumber});
  BOOST_TEST(alone.message.rfind("doudi:card.without_save", 0) == 0U, alone.message);
  BOOST_TEST(m.server.AsUser(clerk).Try(
                 "SELECT doudi.person_card_record($1::uuid, $2::bigint, $3, '01', '三门县公安局', '2016-04-20', NULL, "
                 "NULL)",
                 {request, household, h.members[0].idNumber})
                 .message.rfind("doudi:card.without_save", 0) == 0U);  // another user's save
  // A corrected number: the read no longer shows as the member's.
  m.server.Execute("UPDATE doudi.person SET id_number = '" + test::MakeId("331022", "19700101", 150) +
                   "' WHERE id = " + std::to_string(*loaded.members[0].id));
  BOOST_TEST(!m.db->Registry().LoadHousehold(id)->members[0].card.has_value());
  BOOST_TEST(m.db->Registry().CardPhoto(*loaded.members[0].id).empty());
  // The photo's own consistency CHECK stayed when 0017 replaced the others,
  // and the new one holds for every stored read.
  BOOST_TEST(m.server.Scalar("SELECT count(*) FROM pg_constraint WHERE conrelid = 'doudi.person_card'::regclass "
                             "AND pg_get_constraintdef(oid) LIKE '%(photo_sha256 IS NULL) = (photo_bytes = 0)%'") ==
             "1");
  BOOST_TEST(m.server.Scalar("SELECT convalidated FROM pg_constraint WHERE conname = 'person_card_fields_check'") ==
             "t");
  // Append-only: nobody changes what a card said.
  BOOST_TEST(m.server.AsSuperuser().Try("UPDATE doudi.person_card SET authority = '改' WHERE household_id = " +
                                        household).message.rfind("doudi:audit.append_only", 0) == 0U);
}

BOOST_AUTO_TEST_CASE(missing_household_is_nullopt) {
  test::MigratedDatabase m;
  BOOST_TEST(!m.db->Registry().LoadHousehold(987654).has_value());
}

BOOST_AUTO_TEST_CASE(save_bumps_version_and_keeps_member_ids) {
  test::MigratedDatabase m;
  const auto id = m.db->Registry().CreateHousehold(test::SampleHousehold());
  auto h = *m.db->Registry().LoadHousehold(id);
  const auto wifeId = h.members[1].id;
  h.address = "海游街道悬渚村3组9号";
  h.status = model::RegistryStatus::NearDibao;
  h.members.erase(h.members.begin() + 1);  // she moved away
  model::Person child;
  child.idNumber = test::MakeId("331022", "20100505", 7);
  child.name = "王小明";
  child.relation = model::Relation::Child;
  child.schooling = model::Schooling::JuniorSecondary;
  h.members.push_back(child);
  BOOST_TEST(m.db->Registry().SaveHousehold(h) == 2);
  const auto again = *m.db->Registry().LoadHousehold(id);
  BOOST_TEST(again.version == 2);
  BOOST_TEST(again.address == "海游街道悬渚村3组9号");
  BOOST_REQUIRE(again.members.size() == 2);
  BOOST_TEST(*again.members[0].id == *h.members[0].id);
  BOOST_TEST(again.members[1].name == "王小明");
  // The member who left keeps her row, marked as left.
  BOOST_TEST(m.server.Scalar("SELECT left_on IS NOT NULL FROM doudi.person WHERE id = " + std::to_string(*wifeId)) == "t");
  BOOST_TEST(again.statusHistory.size() == 2);
}

BOOST_AUTO_TEST_CASE(stale_save_is_a_conflict_with_the_current_version) {
  test::MigratedDatabase m;
  const auto id = m.db->Registry().CreateHousehold(test::SampleHousehold());
  auto mine = *m.db->Registry().LoadHousehold(id);
  auto theirs = mine;
  theirs.phone = "13900000000";
  m.db->Registry().SaveHousehold(theirs);
  mine.address = "somewhere else";
  try {
    m.db->Registry().SaveHousehold(mine);
    BOOST_FAIL("a stale save must not overwrite");
  } catch (const dal::VersionConflict& e) {
    BOOST_TEST(e.ExpectedVersion() == 1);
    BOOST_TEST(e.CurrentVersion() == 2);
  }
  const auto stored = *m.db->Registry().LoadHousehold(id);
  BOOST_TEST(stored.phone == "13900000000");
  BOOST_TEST(stored.address == test::SampleHousehold().address);
}

BOOST_AUTO_TEST_CASE(saving_a_deleted_household_says_so) {
  test::MigratedDatabase m;
  const auto id = m.db->Registry().CreateHousehold(test::SampleHousehold());
  auto h = *m.db->Registry().LoadHousehold(id);
  m.server.Execute("DELETE FROM doudi.household WHERE id = " + std::to_string(id));
  BOOST_CHECK_THROW(m.db->Registry().SaveHousehold(h), dal::RecordGone);
}

BOOST_AUTO_TEST_CASE(failed_create_leaves_nothing) {
  test::MigratedDatabase m;
  m.db->Registry().CreateHousehold(test::SampleHousehold());
  auto dup = test::SampleHousehold();  // same members: they are already registered
  dup.address = "另一户";
  BOOST_CHECK_THROW(m.db->Registry().CreateHousehold(dup), dal::ConstraintViolation);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.household") == 1);
}

BOOST_AUTO_TEST_CASE(a_retried_save_is_applied_once) {
  test::MigratedDatabase m;
  // A create whose reply was lost, retried with the same request id.
  const std::string createRequest = dal::NewRequestId();
  const auto id = m.db->Registry().CreateHousehold(test::SampleHousehold(), createRequest);
  BOOST_TEST(m.db->Registry().CreateHousehold(test::SampleHousehold(), createRequest) == id);
  BOOST_TEST(m.server.Count("SELECT count(*) FROM doudi.household") == 1);
  // A save whose reply was lost: the retry meets its own new version and
  // reports it instead of a conflict.
  auto h = *m.db->Registry().LoadHousehold(id);
  h.address = "once";
  const std::string saveRequest = dal::NewRequestId();
  BOOST_TEST(m.db->Registry().SaveHousehold(h, saveRequest) == 2);
  BOOST_TEST(m.db->Registry().SaveHousehold(h, saveRequest) == 2);
  BOOST_TEST(m.server.Scalar("SELECT version FROM doudi.household WHERE id = " + std::to_string(id)) == "2");
  // A new request id for the same stale edit is a real conflict.
  BOOST_CHECK_THROW(m.db->Registry().SaveHousehold(h, dal::NewRequestId()), dal::VersionConflict);
  BOOST_TEST(dal::NewRequestId() != dal::NewRequestId());
}

BOOST_AUTO_TEST_SUITE_END()
