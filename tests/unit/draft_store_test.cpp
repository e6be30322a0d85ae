// The household editor's local drafts without a window: the file format
// keeps every field and refuses damaged text; the store writes owner-only
// files atomically, finds them by database, user and household, and never
// throws for a bad file.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "doudi/workstation/draft_store.h"
#include "temporary_directory.h"

using namespace doudi;
using namespace doudi::workstation;
namespace fs = std::filesystem;

namespace {

// A household with every field the draft keeps, the awkward characters too.
model::Household Sample() {
  model::Household h;
  h.id = 42;
  h.version = 7;
  h.regionCode = "331022001201";
  h.address = "海游街道\\悬渚村=3组\n60号\r";
  h.phone = "0576-83311234";
  h.housing = model::HousingCondition::Dilapidated;
  h.status = model::RegistryStatus::NearDibao;
  h.bankName = "三门农商银行";
  h.bankAccount = "6228480000000000000";
  h.updatedBy = "gui_clerk";
  h.updatedAt = "2024-05-01 09:30";
  model::Person head;
  head.id = 9;
  head.idNumber = "331022195001011234";
  head.name = "王 大";
  head.relation = model::Relation::Head;
  head.disability = model::DisabilityCategory::Physical;
  head.disabilityGrade = 2;
  head.illnesses = {"高血压", "", "糖尿病"};
  head.schooling = model::Schooling::Primary;
  head.employment = model::Employment::Farming;
  head.workAbility = model::WorkAbility::Partial;
  model::IdCardFacts stored;  // the card in use, as loaded
  stored.ethnicityCode = "01";
  stored.authority = "三门县公安局";
  stored.validFrom = std::chrono::year{2016} / 4 / 20;
  stored.readAt = "2024-05-01 09:28";
  head.card = stored;
  model::Person child;
  child.idNumber = "3310222010****1234";
  child.name = "王小";
  h.members = {head, child};
  h.incomes = {{std::optional<std::int64_t>(3), model::IncomeKind::Pension, model::Money::FromFen(123456),
                head.idNumber, "每月"},
               {std::nullopt, model::IncomeKind::Other, model::Money::FromFen(-1), "", ""}};
  h.assets = {{std::nullopt, model::AssetKind::Vehicle, "三轮车", model::Money::FromFen(800000)}};
  h.statusHistory = {{model::RegistryStatus::Dibao, std::chrono::year{2020} / 3 / 1, "新申请", "admin"}};
  return h;
}

// A fresh directory for one test, removed afterwards.

}  // namespace

BOOST_AUTO_TEST_SUITE(draft_store)

BOOST_AUTO_TEST_CASE(the_draft_format_keeps_every_field_and_refuses_damaged_text) {
  const DraftKey key{DatabaseIdentity("host=/tmp/s port=5432 password='secret' dbname=x", "doudi", "clerk"),
                          42};
  BOOST_TEST(key.database == "host=/tmp/s port=5432 dbname=doudi user=clerk");  // never the password
  BOOST_TEST(DatabaseIdentity("postgresql://u:pw@db.example:6432/doudi?sslmode=require", "doudi", "u") ==
             "host=db.example:6432 port= dbname=doudi user=u");

  Draft draft{Sample(), Sample(), std::chrono::system_clock::time_point(std::chrono::seconds(1717000000))};
  draft.edited.address = "新地址";
  draft.edited.members.pop_back();
  // A card read at the desk and not yet saved: kept with its photo.
  model::IdCardFacts read;
  read.idNumber = draft.edited.members[0].idNumber;
  read.ethnicityCode = "22";
  read.authority = "三门县公安局\n海游派出所";
  read.validFrom = std::chrono::year{2016} / 4 / 20;
  read.validUntil = std::chrono::year{2036} / 4 / 20;
  read.fresh = true;
  read.photo = {'B', 'M', 0x00, 0xff, 0x0a, 0x5c, 0x3d};
  draft.edited.members[0].card = read;
  const std::string text = SerializeDraft(key, draft);
  BOOST_TEST(text.find("member.card.photo=424d00ff0a5c3d\n") != std::string::npos);
  const auto back = ParseDraft(text, key);
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST((back->base == draft.base));
  BOOST_TEST((back->edited == draft.edited));
  BOOST_TEST((back->writtenAt == draft.writtenAt));

  // Truncated anywhere, of another version, for another household or
  // database, or with a bad value: not a draft.
  for (std::size_t cut = 0; cut + 1 < text.size(); cut += 7) {
    BOOST_TEST(!ParseDraft(text.substr(0, cut), key).has_value(), "cut at " << cut);
  }
  std::string otherVersion = text;
  otherVersion.replace(0, otherVersion.find('\n'), "doudi-draft=2");
  BOOST_TEST(!ParseDraft(otherVersion, key).has_value());
  BOOST_TEST(!ParseDraft(text, DraftKey{key.database, 43}).has_value());
  BOOST_TEST(!ParseDraft(text, DraftKey{key.database, std::nullopt}).has_value());
  BOOST_TEST(!ParseDraft(text, DraftKey{"host= port= dbname=other user=clerk", 42}).has_value());
  std::string badCode = text;
  badCode.replace(badCode.find("housing=dilapidated"), 19, "housing=castle");
  BOOST_TEST(!ParseDraft(badCode, key).has_value());
  std::string badPhoto = text;
  badPhoto.replace(badPhoto.find("424d00ff"), 8, "424d00fg");
  BOOST_TEST(!ParseDraft(badPhoto, key).has_value());
  std::string strayCardField = text;
  strayCardField.replace(strayCardField.find("member.card.read_at="), 20, "member.card.colour=");
  BOOST_TEST(!ParseDraft(strayCardField, key).has_value());
  BOOST_TEST(!ParseDraft("\x01\x02garbage\n", key).has_value());
}

BOOST_AUTO_TEST_CASE(the_store_keeps_one_owner_only_draft_per_key_and_ignores_a_bad_file) {
  test::TemporaryDirectory temporary{"doudi-draft-store-test"};
  DraftStore store(temporary.path / "drafts");
  const DraftKey key{"host=/tmp/s port=5432 dbname=doudi user=clerk", 42};
  const DraftKey newSlot{key.database, std::nullopt};
  BOOST_TEST(!store.Load(key).has_value());
  BOOST_TEST(!store.Discard(key));

  model::Household edited = Sample();
  edited.address = "新地址";
  store.Save(key, Sample(), edited);
  const auto loaded = store.Load(key);
  BOOST_REQUIRE(loaded.has_value());
  BOOST_TEST((loaded->base == Sample()));
  BOOST_TEST((loaded->edited == edited));
  BOOST_TEST(!store.Load(newSlot).has_value());  // another household's slot
#ifndef _WIN32
  const auto others = fs::perms::group_all | fs::perms::others_all;
  BOOST_TEST(((fs::status(store.Directory()).permissions() & others) == fs::perms::none));
  BOOST_TEST(((fs::status(store.PathOf(key)).permissions() & others) == fs::perms::none));
#endif
  // Written again: replaced whole, no temporary file left behind.
  edited.address = "又一个地址";
  store.Save(key, Sample(), edited);
  BOOST_TEST(store.Load(key)->edited.address == "又一个地址");
  BOOST_TEST(std::distance(fs::directory_iterator(store.Directory()), fs::directory_iterator()) == 1);

  // A damaged file is no draft, and no exception.
  { std::ofstream(store.PathOf(key), std::ios::binary | std::ios::trunc) << "doudi-draft=1\ndatabase="; }
  BOOST_TEST(!store.Load(key).has_value());
  BOOST_TEST(store.Discard(key));
  BOOST_TEST(!fs::exists(store.PathOf(key)));
}

BOOST_AUTO_TEST_SUITE_END()
