// One 转办 as the referral dialog builds it (workstation/referral_send.h):
// the lines ticked with what is asked and the documents, one request id for
// the send's whole life, and lines frozen while a send is under way or its
// outcome unknown, so that trying again sends exactly what went first.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "doudi/workstation/referral_send.h"

using doudi::workstation::DocumentList;
using doudi::workstation::ReferralOffer;
using doudi::workstation::ReferralProblem;
using doudi::workstation::ReferralSend;

namespace {

ReferralSend ThreeDepartments() {
  return ReferralSend({{"medical_insurance", "医疗保障局", "medical_aid", 5, std::nullopt},
                       {"education", "教育局", "school_aid", 10, std::nullopt},
                       {"human_resources", "人力资源和社会保障局", "job", 15, std::nullopt}},
                      "5f0c6a52-0000-4000-8000-000000000001");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(referral_send)

BOOST_AUTO_TEST_CASE(documents_are_one_a_line_or_listed_with_chinese_separators) {
  BOOST_TEST(DocumentList("诊断证明\n  户口簿 \n\n") == (std::vector<std::string>{"诊断证明", "户口簿"}));
  BOOST_TEST(DocumentList("诊断证明、费用清单；户口簿，低保证, 学籍证明") ==
             (std::vector<std::string>{"诊断证明", "费用清单", "户口簿", "低保证", "学籍证明"}));
  BOOST_TEST(DocumentList("　户口簿　\r\n户口簿") == (std::vector<std::string>{"户口簿"}));
  BOOST_TEST(DocumentList("").empty());
  BOOST_TEST(DocumentList(" 、\n；").empty());
}

BOOST_AUTO_TEST_CASE(a_send_needs_a_line_and_each_ticked_line_what_is_asked) {
  auto send = ThreeDepartments();
  BOOST_TEST((send.Problem()->kind == ReferralProblem::Kind::NothingChosen));
  BOOST_TEST(!send.BeginSend());
  send.Choose(0, true);
  send.Choose(2, true);
  send.SetRequest(0, "办理医疗救助");
  BOOST_TEST((send.Problem()->kind == ReferralProblem::Kind::RequestMissing));
  BOOST_TEST(send.Problem()->line == 2u);
  send.SetRequest(2, "   ");
  BOOST_TEST(send.Problem()->line == 2u);
  send.SetRequest(2, std::string(1001, 'x'));
  BOOST_TEST((send.Problem()->kind == ReferralProblem::Kind::RequestTooLong));
  std::string thousand;
  for (int i = 0; i < 1000; ++i) thousand += "帮";
  send.SetRequest(2, thousand);  // characters are counted, not bytes
  BOOST_TEST(!send.Problem().has_value());
  std::string many;
  for (int i = 0; i < 21; ++i) many += "材料" + std::to_string(i) + "\n";
  send.SetDocuments(0, many);
  BOOST_TEST((send.Problem()->kind == ReferralProblem::Kind::TooManyDocuments));
  BOOST_TEST(send.Problem()->line == 0u);
}

BOOST_AUTO_TEST_CASE(chosen_lines_go_in_the_order_offered_with_requests_trimmed) {
  auto send = ThreeDepartments();
  send.Choose(2, true);
  send.Choose(0, true);
  send.Choose(1, true);
  send.Choose(1, false);
  send.SetRequest(0, "  办理医疗救助\n");
  send.SetRequest(2, "推荐公益性岗位");
  send.SetDocuments(0, "诊断证明\n费用清单");
  const auto chosen = send.Chosen();
  BOOST_REQUIRE_EQUAL(chosen.size(), 2u);
  BOOST_TEST(chosen[0].offer == 0u);
  BOOST_TEST(chosen[0].request == "办理医疗救助");
  BOOST_TEST(chosen[0].documents == (std::vector<std::string>{"诊断证明", "费用清单"}));
  BOOST_TEST(chosen[1].offer == 2u);
  BOOST_TEST(chosen[1].documents.empty());
}

BOOST_AUTO_TEST_CASE(fill_empty_gives_the_common_request_only_to_ticked_lines_without_one) {
  auto send = ThreeDepartments();
  send.Choose(0, true);
  send.Choose(1, true);
  send.SetRequest(0, "办理医疗救助");
  send.FillEmpty("核实并帮扶", "户口簿");
  BOOST_TEST(send.Request(0) == "办理医疗救助");
  BOOST_TEST(send.Documents(0) == (std::vector<std::string>{"户口簿"}));
  BOOST_TEST(send.Request(1) == "核实并帮扶");
  BOOST_TEST(send.Request(2).empty());
}

BOOST_AUTO_TEST_CASE(a_lost_reply_freezes_the_lines_and_the_retry_keeps_the_request_id) {
  auto send = ThreeDepartments();
  const std::string id = send.RequestId();
  send.Choose(0, true);
  send.SetRequest(0, "办理医疗救助");
  BOOST_TEST(send.BeginSend());
  BOOST_TEST(!send.BeginSend());  // once under way
  BOOST_TEST(!send.Choose(1, true));
  send.Failed(true);
  BOOST_TEST((send.GetStage() == ReferralSend::Stage::Unconfirmed));
  BOOST_TEST(!send.SetRequest(0, "别的请求"));
  BOOST_TEST(!send.Choose(1, true));
  BOOST_TEST(send.Request(0) == "办理医疗救助");
  BOOST_TEST(send.BeginSend());
  BOOST_TEST(send.RequestId() == id);
  send.Sent({41, 42});
  BOOST_TEST((send.GetStage() == ReferralSend::Stage::Sent));
  BOOST_TEST(!send.BeginSend());
  BOOST_TEST(send.ReferralIds() == (std::vector<std::int64_t>{41, 42}));
}

BOOST_AUTO_TEST_CASE(a_refusal_stored_nothing_so_the_lines_may_change_again) {
  auto send = ThreeDepartments();
  send.Choose(0, true);
  send.SetRequest(0, "办理医疗救助");
  BOOST_TEST(send.BeginSend());
  send.Failed(false);
  BOOST_TEST((send.GetStage() == ReferralSend::Stage::Editing));
  BOOST_TEST(send.Choose(1, true));
  send.Failed(false);  // not sending: nothing changes
  BOOST_TEST((send.GetStage() == ReferralSend::Stage::Editing));
}

BOOST_AUTO_TEST_SUITE_END()
