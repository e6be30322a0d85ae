// The masks of a resident ID and a bank account, made and recognised as the
// database makes them (doudi.mask_resident_id, doudi.mask_bank_account).
#include "doudi/model/masking.h"

#include <boost/test/unit_test.hpp>

using namespace doudi::model;

BOOST_AUTO_TEST_SUITE(masking)

BOOST_AUTO_TEST_CASE(an_id_is_masked_as_the_database_masks_it) {
  BOOST_TEST(MaskedIdNumber("11010519491231002X") == "110105********002X");
  BOOST_TEST(MaskedIdNumber("331022199001011235") == "331022********1235");
  BOOST_TEST(MaskedIdNumber("33102219900101123") == "");  // 17 characters: no mask
  BOOST_TEST(MaskedIdNumber("") == "");
}

BOOST_AUTO_TEST_CASE(a_masked_id_is_recognised_exactly) {
  BOOST_TEST(IsMaskedIdNumber("110105********002X"));
  BOOST_TEST(IsMaskedIdNumber("331022********1235"));
  BOOST_TEST(IsMaskedIdNumber(MaskedIdNumber("331022199001011235")));
  // A full ID, and texts that merely contain '*', are not masks: they are
  // entries to validate, never kept in place of the stored number.
  BOOST_TEST(!IsMaskedIdNumber("331022199001011235"));
  BOOST_TEST(!IsMaskedIdNumber("3310*2199001011235"));
  BOOST_TEST(!IsMaskedIdNumber("331022*******01235"));
  BOOST_TEST(!IsMaskedIdNumber("331022********123"));
  BOOST_TEST(!IsMaskedIdNumber("331022********12355"));
  BOOST_TEST(!IsMaskedIdNumber("331022********123x"));  // the database stores an uppercase X
  BOOST_TEST(!IsMaskedIdNumber("******************"));
  BOOST_TEST(!IsMaskedIdNumber("*"));
  BOOST_TEST(!IsMaskedIdNumber(""));
}

BOOST_AUTO_TEST_CASE(an_account_is_masked_to_its_last_four) {
  BOOST_TEST(MaskBankAccount("6222021234567890123") == "****0123");
  BOOST_TEST(MaskBankAccount("1234") == "****1234");
  BOOST_TEST(MaskBankAccount("123") == "****");
  BOOST_TEST(MaskBankAccount("") == "****");
}

BOOST_AUTO_TEST_CASE(a_masked_account_is_recognised_exactly) {
  BOOST_TEST(IsMaskedBankAccount("****0123"));
  BOOST_TEST(IsMaskedBankAccount(MaskBankAccount("6222021234567890123")));
  BOOST_TEST(IsMaskedBankAccount("****"));
  BOOST_TEST(!IsMaskedBankAccount("6222021234567890123"));
  BOOST_TEST(!IsMaskedBankAccount("***0123"));
  BOOST_TEST(!IsMaskedBankAccount("****012"));
  BOOST_TEST(!IsMaskedBankAccount("****01234"));
  BOOST_TEST(!IsMaskedBankAccount("*****123"));
  BOOST_TEST(!IsMaskedBankAccount("6222*21234567890123"));
  BOOST_TEST(!IsMaskedBankAccount(""));
  // An ID's mask is no account's.
  BOOST_TEST(!IsMaskedBankAccount("110105********002X"));
}

BOOST_AUTO_TEST_SUITE_END()
