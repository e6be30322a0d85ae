// The card's base message as readers return it: UCS-2 fields, the codes of
// sex and ethnicity, dates and 长期; and the checks a read card must pass.
#include "doudi/workstation/id_card.h"

#include <boost/test/unit_test.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using namespace doudi;
using namespace std::chrono;
using workstation::DecodeFailure;
using workstation::IdCardData;
using workstation::IdCardField;
using workstation::IdCardProblem;

namespace {

constexpr year_month_day kToday{year{2026}, December, day{7}};

// UCS-2 little-endian of an ASCII or BMP text given as UTF-16, padded with
// spaces to width characters: the message written by hand, independent of
// EncodeBaseMessage.
void Put(std::vector<std::uint8_t>& message, std::u16string_view text, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) {
    const char16_t unit = i < text.size() ? text[i] : u' ';
    message.push_back(static_cast<std::uint8_t>(unit & 0xFF));
    message.push_back(static_cast<std::uint8_t>(unit >> 8));
  }
}

std::vector<std::uint8_t> Message(std::u16string_view name, std::u16string_view sex, std::u16string_view ethnicity,
                                  std::u16string_view birth, std::u16string_view id, std::u16string_view until) {
  std::vector<std::uint8_t> message;
  Put(message, name, 15);
  Put(message, sex, 1);
  Put(message, ethnicity, 2);
  Put(message, birth, 8);
  Put(message, u"浙江省三门县海游街道悬渚村5组18号", 35);
  Put(message, id, 18);
  Put(message, u"三门县公安局", 15);
  Put(message, u"20160420", 8);
  Put(message, until, 8);
  Put(message, u"", 18);  // reserved
  return message;
}

std::vector<std::uint8_t> GoodMessage() {
  return Message(u"蓝晓梅", u"2", u"22", u"19860315", u"331022198603150246", u"20360420");
}

IdCardData Parsed(const std::vector<std::uint8_t>& message) {
  auto parsed = workstation::ParseBaseMessage(message);
  BOOST_REQUIRE(std::holds_alternative<IdCardData>(parsed));
  return std::get<IdCardData>(parsed);
}

DecodeFailure Refused(const std::vector<std::uint8_t>& message) {
  auto parsed = workstation::ParseBaseMessage(message);
  BOOST_REQUIRE(std::holds_alternative<DecodeFailure>(parsed));
  return std::get<DecodeFailure>(parsed);
}

std::vector<std::string> ProblemCodes(const IdCardData& card) {
  std::vector<std::string> codes;
  for (const auto& problem : workstation::CheckIdCard(card, kToday)) {
    codes.emplace_back(workstation::ProblemCode(problem.kind));
  }
  return codes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(id_card)

BOOST_AUTO_TEST_CASE(the_base_message_is_read_field_by_field) {
  const auto message = GoodMessage();
  BOOST_TEST(message.size() == workstation::kBaseMessageSize);
  const IdCardData card = Parsed(message);
  BOOST_TEST(card.name == "蓝晓梅");
  BOOST_TEST((card.sex == model::Sex::Female));
  BOOST_TEST(card.ethnicityCode == "22");
  BOOST_TEST(card.ethnicity == "畲族");
  BOOST_TEST((card.birthDate == year_month_day{year{1986}, March, day{15}}));
  BOOST_TEST(card.address == "浙江省三门县海游街道悬渚村5组18号");
  BOOST_TEST(card.idNumber == "331022198603150246");
  BOOST_TEST(card.authority == "三门县公安局");
  BOOST_TEST((card.validFrom == year_month_day{year{2016}, April, day{20}}));
  BOOST_TEST((card.validUntil == year_month_day{year{2036}, April, day{20}}));
  BOOST_TEST(card.photo.empty());
  BOOST_TEST(workstation::CheckIdCard(card, kToday).empty());
  BOOST_TEST(!workstation::IsExpired(card, kToday));
}

BOOST_AUTO_TEST_CASE(a_card_valid_for_good_has_no_end) {
  const IdCardData card =
      Parsed(Message(u"周德明", u"1", u"01", u"19560708", u"331022195607080034", u"长期"));
  BOOST_TEST(!card.validUntil.has_value());
  BOOST_TEST(card.ethnicity == "汉族");
  BOOST_TEST((card.sex == model::Sex::Male));
  BOOST_TEST(!workstation::IsExpired(card, year_month_day{year{2090}, January, day{1}}));
}

BOOST_AUTO_TEST_CASE(encoding_and_parsing_agree) {
  const IdCardData card = Parsed(GoodMessage());
  const auto encoded = workstation::EncodeBaseMessage(card);
  BOOST_TEST((std::vector<std::uint8_t>(encoded.begin(), encoded.end()) == GoodMessage()));
  IdCardData longLived = card;
  longLived.validUntil.reset();
  const auto longMessage = workstation::EncodeBaseMessage(longLived);
  BOOST_TEST((Parsed(std::vector<std::uint8_t>(longMessage.begin(), longMessage.end())) == longLived));
  IdCardData tooLong = card;
  tooLong.name = "一二三四五六七八九十一二三四五六";  // 16 characters, the card has 15
  BOOST_CHECK_THROW(workstation::EncodeBaseMessage(tooLong), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_message_that_is_no_card_is_refused_naming_the_field) {
  auto shortMessage = GoodMessage();
  shortMessage.pop_back();
  BOOST_TEST(workstation::ReasonCode(Refused(shortMessage).reason) == "wrong_size");

  const auto noSex = Refused(Message(u"蓝晓梅", u"9", u"22", u"19860315", u"331022198603150246", u"20360420"));
  BOOST_TEST(workstation::ReasonCode(noSex.reason) == "unknown_code");
  BOOST_TEST((noSex.field == IdCardField::Sex));
  BOOST_TEST(noSex.value == "9");

  const auto noNation = Refused(Message(u"蓝晓梅", u"2", u"60", u"19860315", u"331022198603150246", u"20360420"));
  BOOST_TEST((noNation.field == IdCardField::Ethnicity));

  const auto badBirth = Refused(Message(u"蓝晓梅", u"2", u"22", u"19860231", u"331022198603150246", u"20360420"));
  BOOST_TEST(workstation::ReasonCode(badBirth.reason) == "bad_date");
  BOOST_TEST((badBirth.field == IdCardField::BirthDate));
  BOOST_TEST(badBirth.value == "19860231");

  const auto badEnd = Refused(Message(u"蓝晓梅", u"2", u"22", u"19860315", u"331022198603150246", u"永久"));
  BOOST_TEST((badEnd.field == IdCardField::ValidUntil));

  const auto noName = Refused(Message(u"", u"2", u"22", u"19860315", u"331022198603150246", u"20360420"));
  BOOST_TEST(workstation::ReasonCode(noName.reason) == "missing");
  BOOST_TEST((noName.field == IdCardField::Name));

  auto surrogate = GoodMessage();
  surrogate[1] = 0xD8;  // the name's first character becomes a lone surrogate
  BOOST_TEST(workstation::ReasonCode(Refused(surrogate).reason) == "bad_text");
}

BOOST_AUTO_TEST_CASE(a_bad_check_character_is_refused) {
  IdCardData card = Parsed(Message(u"蓝晓梅", u"2", u"22", u"19860315", u"331022198603150247", u"20360420"));
  const auto problems = workstation::CheckIdCard(card, kToday);
  BOOST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(workstation::ProblemCode(problems[0].kind) == "bad_id_number");
  BOOST_TEST((problems[0].idError == model::ResidentIdError::ChecksumMismatch));
}

BOOST_AUTO_TEST_CASE(sex_and_birth_date_must_agree_with_the_number) {
  // The number says female, born 1986-03-15.
  BOOST_TEST((ProblemCodes(Parsed(Message(u"蓝晓梅", u"1", u"22", u"19860315", u"331022198603150246",
                                          u"20360420"))) == std::vector<std::string>{"sex_mismatch"}));
  BOOST_TEST((ProblemCodes(Parsed(Message(u"蓝晓梅", u"2", u"22", u"19860316", u"331022198603150246",
                                          u"20360420"))) == std::vector<std::string>{"birth_date_mismatch"}));
  BOOST_TEST((ProblemCodes(Parsed(Message(u"蓝晓梅", u"2", u"22", u"19860315", u"331022198603150246",
                                          u"20150420"))) == std::vector<std::string>{"validity_order"}));
  IdCardData card = Parsed(GoodMessage());
  card.name = "蓝\u200B晓梅";  // an invisible character
  BOOST_TEST((ProblemCodes(card) == std::vector<std::string>{"bad_name"}));
}

BOOST_AUTO_TEST_CASE(an_expired_card_is_told) {
  const IdCardData card = Parsed(Message(u"蓝晓梅", u"2", u"22", u"19860315", u"331022198603150246", u"20260420"));
  BOOST_TEST(workstation::IsExpired(card, kToday));
  BOOST_TEST(!workstation::IsExpired(card, year_month_day{year{2026}, April, day{20}}));
}

// What the registry keeps of a read card: a fresh read with its photo,
// and the ethnicity's name from the GB 3304 table.
BOOST_AUTO_TEST_CASE(a_read_card_gives_the_facts_the_registry_keeps) {
  IdCardData card = Parsed(GoodMessage());
  card.photo = {'B', 'M'};
  card.photo.resize(64, 0x7f);
  const auto read = workstation::FactsOf(card);
  BOOST_REQUIRE(read.has_value());
  const auto& facts = *read;
  BOOST_TEST(facts.idNumber == "331022198603150246");
  BOOST_TEST(facts.fresh);
  BOOST_TEST(facts.ethnicityCode == "22");
  BOOST_TEST(facts.authority == "三门县公安局");
  BOOST_TEST((facts.validFrom == year_month_day{year{2016}, April, day{20}}));
  BOOST_TEST((facts.validUntil == year_month_day{year{2036}, April, day{20}}));
  BOOST_TEST((facts.photo == card.photo));
  BOOST_TEST(facts.readAt.empty());
  // A photo the database would refuse is left out, not the whole save.
  for (const std::vector<std::uint8_t>& refused :
       {std::vector<std::uint8_t>{'B', 'M', 1, 2, 3}, std::vector<std::uint8_t>(64, 'G'),
        std::vector<std::uint8_t>(workstation::kMaxStoredPhoto + 1, 0xFF)}) {
    card.photo = refused;
    BOOST_TEST(workstation::FactsOf(card)->photo.empty());
  }
  card.photo = {0xFF, 0xD8, 0xFF};
  card.photo.resize(workstation::kMaxStoredPhoto, 0);
  BOOST_TEST(workstation::FactsOf(card)->photo.size() == workstation::kMaxStoredPhoto);
  // What the database would refuse (doudi.id_card_bad_field) is not kept at
  // all: the read still fills name and number, the save is not refused.
  for (const std::string& authority :
       std::vector<std::string>{"", "　", "三门县\u200b公安局", std::string(31, 'a')}) {
    IdCardData odd = card;
    odd.authority = authority;
    BOOST_TEST(!workstation::FactsOf(odd).has_value(), "authority '" << authority << "'");
  }
  IdCardData unknown = card;
  unknown.ethnicityCode = "99";
  BOOST_TEST(!workstation::FactsOf(unknown).has_value());
  BOOST_TEST(workstation::EthnicityName("22") == "畲族");
  BOOST_TEST(workstation::EthnicityName("98") == "外国血统中国籍人士");
  BOOST_TEST(workstation::EthnicityName("99").empty());
}

BOOST_AUTO_TEST_SUITE_END()
