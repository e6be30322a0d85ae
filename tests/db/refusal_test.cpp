// The server's refusals through the data layer (errors.h): the code and
// arguments read from MESSAGE and DETAIL, the failure's type from its
// SQLSTATE, and the words FailureText gives each of them.
#include <boost/test/unit_test.hpp>

#include <string>

#include "db_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/failure_text.h"
#include "doudi/dal/registry_search.h"
#include "in_chinese.h"

namespace {

using doudi::dal::FailureText;
using doudi::dal::ParseRefusal;

using doudi::test::InChinese;

}  // namespace

BOOST_AUTO_TEST_SUITE(refusals)

BOOST_AUTO_TEST_CASE(a_code_and_its_arguments_are_read_from_message_and_detail) {
  // What json_build_object(...)::text writes: spaces around the colons.
  const auto r = ParseRefusal("doudi:amount.over_cap",
                              R"({"part" : "monthly", "amount_fen" : 150000, "cap_fen" : 123400, "note" : null, )"
                              R"("ok" : true, "ids" : [3, 5], "name" : "王\"五\"\u00e9\ud83d\ude00\n"})");
  BOOST_TEST(r.code == "amount.over_cap");
  BOOST_TEST(r.prose.empty());
  BOOST_TEST(r.arguments.at("part") == "monthly");
  BOOST_TEST(r.arguments.at("amount_fen") == "150000");
  BOOST_TEST(r.arguments.at("note") == "");
  BOOST_TEST(r.arguments.at("ok") == "true");
  BOOST_TEST(r.arguments.at("ids") == "3, 5");
  BOOST_TEST(r.arguments.at("name") == "王\"五\"\xc3\xa9\xf0\x9f\x98\x80\n");
  BOOST_TEST(r.arguments.size() == 7U);
}

BOOST_AUTO_TEST_CASE(the_older_form_and_what_is_no_refusal_are_told_apart) {
  // The older form: prose after the code, kept for an unknown code.
  const auto old = ParseRefusal("doudi:request.reused: request 42 was already used", "");
  BOOST_TEST(old.code == "request.reused");
  BOOST_TEST(old.prose == "request 42 was already used");
  BOOST_TEST(old.arguments.empty());
  // Not a code: no prefix, no dot, a stray character, the log line's form.
  for (const char* message : {"permission denied for table household", "doudi:", "doudi:amount", "doudi:amount.",
                              "doudi:.x", "doudi:Amount.over", "doudi: % was told", "doudi:amount.over cap"}) {
    BOOST_TEST(ParseRefusal(message, R"({"a": 1})").code.empty(), message);
  }
  // A DETAIL that is not one whole JSON object gives no arguments.
  for (const char* detail : {"", "Key (id)=(1) already exists.", R"({"a": 1)", R"({"a": 1} x)", R"({"a" 1})",
                             R"({"a": "\ud800"})", R"({"a": tru})", R"([1])"}) {
    const auto r = ParseRefusal("doudi:search.too_long", detail);
    BOOST_TEST(r.code == "search.too_long");
    BOOST_TEST(r.arguments.empty(), detail);
  }
}

BOOST_AUTO_TEST_CASE(each_failure_has_its_words) {
  using namespace doudi::dal;
  const auto refused = [](const char* code, RefusalArguments args, std::string prose = {}) {
    return RuleRefused("while x: doudi:...", "22023", Refusal{code, std::move(args), std::move(prose)});
  };
  BOOST_TEST(FailureText(refused("search.too_long", {{"limit", "50"}})) ==
             "The search text is too long: at most 50 characters.");
  // Money arrives in fen and reads in yuan; a value that is no whole number
  // of fen stays as sent.
  BOOST_TEST(FailureText(refused("amount.over_limit", {{"part", "one_off"},
                                                       {"amount_fen", "123456789"},
                                                       {"limit_fen", "-5"},
                                                       {"cap_fen", "100.5"},
                                                       {"parameter", "temporary_cap"}})) ==
             "The one-off grant of 1,234,567.89 yuan is above the most an exception may reach here (-0.05 yuan; the "
             "cap is 100.5 yuan, temporary_cap).");
  // A code this program does not know names itself; so does a known one
  // still in the older form, with its prose.
  BOOST_TEST(FailureText(refused("case.new_rule", {{"limit", "3"}})) ==
             "The database refused the request: doudi:case.new_rule limit=3");
  BOOST_TEST(FailureText(refused("amount.over_cap", {}, "the monthly amount of 5 fen is above")) ==
             "The database refused the request: doudi:amount.over_cap: the monthly amount of 5 fen is above");
  BOOST_TEST(FailureText(PermissionDenied("while x: permission denied", "42501")) == "You are not allowed to do this.");
  BOOST_TEST(FailureText(Cancelled("while x: canceling statement", "57014")) == "Cancelled.");
  BOOST_TEST(FailureText(VersionConflict("household 3 changed", 2, 3)).find("Someone else changed") == 0U);
  BOOST_TEST(FailureText(ConnectionError("while connecting: password authentication failed for user")) ==
             "The user name or password is wrong.");
  BOOST_TEST(FailureText(SchemaVersionMismatch("old", 18, 19)).find("older (schema 18)") != std::string::npos);
  BOOST_TEST(FailureText(DatabaseError("while x: division by zero", "22012")) ==
             "The database refused the request: while x: division by zero");
  BOOST_TEST(FailureText(std::runtime_error("disk full")) == "disk full");
  BOOST_TEST(FailureText(std::make_exception_ptr(42)) == "An unexpected error occurred.");

  const InChinese chinese;
  BOOST_TEST(FailureText(refused("search.too_long", {{"limit", "50"}})) == "搜索内容过长：最多 50 个字符。");
  BOOST_TEST(FailureText(PermissionDenied("while x: permission denied", "42501")) == "您没有进行此操作的权限。");
  BOOST_TEST(FailureText(std::make_exception_ptr(refused("case.new_rule", {}))) ==
             "数据库拒绝了该请求：doudi:case.new_rule");
}

BOOST_AUTO_TEST_CASE(a_server_refusal_arrives_typed_with_its_code_and_arguments) {
  doudi::test::MigratedDatabase m;
  doudi::dal::RegistryQuery query;
  query.text = std::string(60, 'x');
  try {
    m.db->Search().Search(query, 0, 50);
    BOOST_FAIL("a search text longer than any name was accepted");
  } catch (const doudi::dal::RuleRefused& e) {
    BOOST_TEST(e.Code() == "search.too_long");
    BOOST_TEST(e.Arguments().at("limit") == "50");
    BOOST_TEST(e.SqlState() == "22001");
    BOOST_TEST(FailureText(e) == "The search text is too long: at most 50 characters.");
  }
}

BOOST_AUTO_TEST_CASE(a_refusal_of_scope_arrives_as_permission_denied) {
  doudi::test::MigratedDatabase m;
  const std::string clerk = m.server.CreateUser("clerk", "village_clerk", "331022001201");
  doudi::dal::pg::PgDatabase asClerk(m.server.ConnectionStringFor(clerk));
  doudi::dal::ProgramParameter row;
  row.program = "dibao";
  row.regionPrefix = "331022";
  row.key = "standard_per_person";
  row.value = "100000";
  row.unit = "fen";
  row.effectiveFrom = "2030-01-01";
  BOOST_CHECK_THROW(asClerk.Parameters().Add(row), doudi::dal::PermissionDenied);
}

BOOST_AUTO_TEST_SUITE_END()
