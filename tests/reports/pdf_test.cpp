// What a person reading the printed documents sees: the text poppler
// extracts from each kind's PDF, and fonts that travel with the file.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <exception>
#include <map>
#include <thread>

#include "doudi/reports/layout.h"
#include "report_support.h"
#include "samples.h"

namespace doudi::reports {
namespace {

using testing::PdfText;
using testing::ScratchDir;

// pdftotext -layout keeps the characters of one run together but may put
// spaces between runs; compare without white space.
std::string Squeezed(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\n' && c != '\f') {
      out += c;
    }
  }
  return out;
}

void RequireTexts(const Document& document, const std::vector<std::string>& expected) {
  ScratchDir dir;
  const auto pdf = dir / "document.pdf";
  WritePdf(document, pdf);
  const std::string text = Squeezed(PdfText(pdf));
  for (const std::string& wanted : expected) {
    BOOST_TEST(text.find(Squeezed(wanted)) != std::string::npos, document.title << " lacks \"" << wanted << "\"");
  }
}

BOOST_AUTO_TEST_SUITE(pdf)

BOOST_AUTO_TEST_CASE(approval_form_holds_household_amount_and_every_level) {
  RequireTexts(ApprovalForm(samples::Approval()),
               {"最低生活保障审批表", "三民低审〔2025〕0123号", "出具单位：三门县民政局", "章海明", "叶秀芬", "潘彩娥",
                "331022********", "****8901", "核定月保障金", "2,815.00元", "1,665.00元", "416.25元",
                "4,480.00 − 1,665.00 = 2,815.00", "村（居）民委", "郑国强", "2025年2月20日",
                "乡镇（街道）审核意见", "林晓东", "县（市、区）", "审批意见", "（盖章）", "经办人", "审核人",
                "第 1 页 共", "生成日期：2025年3月12日"});
}

BOOST_AUTO_TEST_CASE(survey_form_names_both_surveyors_and_members_present) {
  RequireTexts(SurveyForm(samples::Survey()),
               {"家庭经济状况入户调查表", "海街低调〔2025〕0045号", "调查日期：2025年2月13日", "调查人（一）", "罗丽华",
                "调查人（二）", "金志远", "在场家庭成员", "住房情况", "自建砖混结构平房两间", "调查结论"});
}

BOOST_AUTO_TEST_CASE(household_file_lists_members_income_assets_and_history) {
  RequireTexts(HouseholdFile(samples::File()),
               {"社会救助家庭档案", "户主：章海明", "最低生活保障", "3,200.00", "1,665.00", "2025年3月12日",
                "三门县民政局审批同意"});
}

// The cards read at a desk, under the members: what the reader read, and when.
BOOST_AUTO_TEST_CASE(household_file_lists_the_id_cards_read) {
  RequireTexts(HouseholdFile(samples::File()),
               {"居民身份证（读卡器读取）", "签发机关", "畲族", "2016年4月20日至长期", "2019年8月2日至2039年8月2日",
                "2025-02-13 14:40"});
}

BOOST_AUTO_TEST_CASE(household_file_lists_the_files_in_force) {
  HouseholdFileInput input = samples::File();
  input.attachments = std::vector<AttachmentLine>{
      {"核对授权书", "家庭", "核对授权书.pdf", 1, "林晓东", "2025-02-10 09:30", "3f9a0c1d2e4b"},
      {"收入证明", "案件", "工资流水（重扫）.pdf", 2, "罗丽华", "2025-02-13 15:02", "b7e21c09aa51"},
  };
  RequireTexts(HouseholdFile(input), {"六、附件", "类别", "文件名", "SHA-256", "核对授权书.pdf", "林晓东",
                                      "2025-02-10 09:30", "3f9a0c1d2e4b", "工资流水（重扫）.pdf", "b7e21c09aa51"});
  // None in force: the section says so.
  input.attachments = std::vector<AttachmentLine>{};
  RequireTexts(HouseholdFile(input), {"六、附件", "无"});
}

BOOST_AUTO_TEST_CASE(decision_states_amount_start_and_objection_periods_from_input) {
  DecisionInput input = samples::DecisionSample();
  input.rights.reviewDays = 61;  // not a constant of the document: the input's number is printed
  RequireTexts(Decision(input), {"给予最低生活保障决定书", "章海明", "331022********", "2025年4月起", "保障人口4人",
                                 "2,815.00元", "61日内向三门县人民政府申请行政复议", "6个月内向三门县人民法院提起行政诉讼",
                                 "（盖章）", "2025年3月12日"});
}

BOOST_AUTO_TEST_CASE(refusal_gives_reasons_and_how_to_object) {
  RequireTexts(RefusalNotice(samples::Refusal()),
               {"不予批准最低生活保障通知书", "包建军", "决定不予批准", "（一）", "小型轿车", "（二）", "1,436.50元",
                "60日内", "行政复议", "6个月内", "行政诉讼", "三民低不〔2025〕0031号"});
}

BOOST_AUTO_TEST_CASE(notice_roster_shows_names_sizes_amounts_and_dates) {
  RequireTexts(NoticeRoster(samples::Notice()),
               {"最低生活保障公示名单", "三门县海游街道悬渚村", "公示期：2025年2月24日至2025年3月2日", "章海明",
                "2,815.00", "1,486.50", "合计", "6户", "13", "9,867.70", "0576-83361234"});
}

BOOST_AUTO_TEST_CASE(statistics_add_up_by_region_and_program) {
  // 612,340.50 + 351,208.00 + 486,112.30 + 429,015.00 + 532,870.80 = 2,411,546.60 for 最低生活保障.
  RequireTexts(StatisticsSummary(samples::Statistics()),
               {"三门县社会救助统计汇总表", "统计期间：2025年3月", "海游街道 小计", "770,460.50", "1601", "3210",
                "2,411,546.60", "2,857,896.60"});
}

BOOST_AUTO_TEST_CASE(referral_slip_names_household_department_request_due_date_and_answer) {
  RequireTexts(ReferralSlip(samples::Referral(true)),
               {"社会救助转办单", "三救转〔2025〕0031号", "出具单位：三门县社会救助联合服务中心", "三门县医疗保障局：",
                "章海明", "331022********", "海游街道悬渚村", "0576-83312345", "请求事项", "每周透析三次",
                "1.三门县人民医院诊断证明（复印件）", "3.户口簿（复印件）", "2025年3月28日前（自2025年3月14日起10个工作日）",
                "■已接收", "□不予办理", "■已办结", "医疗救助8,600.00元（帮就医）", "2025年3月26日", "王丽华",
                "由三门县社会救助联合服务中心代三门县医疗保障局录入", "承办部门负责人", "（盖章）", "第1页共1页"});
}

BOOST_AUTO_TEST_CASE(an_unanswered_referral_slip_leaves_the_answer_to_be_written) {
  ScratchDir dir;
  const auto pdf = dir / "slip.pdf";
  WritePdf(ReferralSlip(samples::Referral(false)), pdf);
  const std::string text = Squeezed(PdfText(pdf));
  BOOST_TEST(text.find("□已接收□不予办理□已办结") != std::string::npos);
  BOOST_TEST(text.find("■") == std::string::npos);
  BOOST_TEST(text.find("代三门县医疗保障局录入") == std::string::npos);
  BOOST_TEST(text.find("不予办理理由") != std::string::npos);
  // One sheet of A4, as a department files it.
  BOOST_TEST(text.find("第1页共1页") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_font_is_embedded) {
  ScratchDir dir;
  for (const auto& kind : samples::AllKinds()) {
    const auto pdf = dir / (kind.stem + ".pdf");
    WritePdf(kind.document, pdf);
    const auto lines = testing::Lines(testing::Run("pdffonts " + testing::Quote(pdf)));
    BOOST_REQUIRE_GE(lines.size(), 3U);
    const std::size_t emb = lines[0].find("emb");
    BOOST_REQUIRE(emb != std::string::npos);
    bool cjk = false;
    for (std::size_t i = 2; i < lines.size(); ++i) {
      BOOST_TEST(lines[i].substr(emb, 3) == "yes", kind.stem << ": not embedded: " << lines[i]);
      // The build's copy without CFF subroutines, or the system's font.
      cjk = cjk || lines[i].find("DoudiSansSC") != std::string::npos ||
            lines[i].find("NotoSansCJK") != std::string::npos;
    }
    BOOST_TEST(cjk, kind.stem << " is not set in Noto Sans CJK");
  }
}

// The embedded fonts of a PDF, without their subset prefixes.
std::vector<std::string> FontNames(const std::filesystem::path& pdf) {
  std::vector<std::string> names;
  const auto lines = testing::Lines(testing::Run("pdffonts " + testing::Quote(pdf)));
  for (std::size_t i = 2; i < lines.size(); ++i) {
    const std::string name = lines[i].substr(0, lines[i].find(' '));
    names.push_back(name.substr(name.find('+') + 1));
  }
  std::sort(names.begin(), names.end());
  return names;
}

// pango's default font map is per thread (on Windows the typesetter sets
// fontconfig's for each thread, typesetter.cpp): a document set on another
// thread, as the workstation may, is measured and embedded alike.
BOOST_AUTO_TEST_CASE(a_document_set_on_another_thread_is_the_same) {
  const Document document = ApprovalForm(samples::Approval());
  ScratchDir dir;
  const PagedDocument here = Layout(document);
  WritePdf(here, dir / "here.pdf");
  PagedDocument there;
  std::exception_ptr failure;  // an exception escaping a thread would end the whole test run
  std::thread([&] {
    try {
      there = Layout(document);
      WritePdf(there, dir / "there.pdf");
    } catch (...) {
      failure = std::current_exception();
    }
  }).join();
  if (failure) std::rethrow_exception(failure);
  BOOST_REQUIRE_EQUAL(here.PageCount(), there.PageCount());
  for (std::size_t p = 0; p < here.pages.size(); ++p) {
    BOOST_REQUIRE_EQUAL(here.pages[p].pieces.size(), there.pages[p].pieces.size());
    for (std::size_t i = 0; i < here.pages[p].pieces.size(); ++i) {
      BOOST_TEST(here.pages[p].pieces[i].height == there.pages[p].pieces[i].height);
    }
  }
  BOOST_TEST(FontNames(dir / "here.pdf") == FontNames(dir / "there.pdf"), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(page_images_are_painted) {
  const PagedDocument paged = Layout(ApprovalForm(samples::Approval()));
  cairo_surface_t* image = RenderPageImage(paged, 0, 72);
  BOOST_TEST(cairo_image_surface_get_width(image) == 595);
  BOOST_TEST(cairo_image_surface_get_height(image) == 842);
  // Some pixels are dark: the page is not blank white.
  cairo_surface_flush(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int stride = cairo_image_surface_get_stride(image);
  int dark = 0;
  for (int y = 0; y < 842; ++y) {
    for (int x = 0; x < 595; ++x) {
      dark += data[y * stride + x * 4] < 128 ? 1 : 0;
    }
  }
  cairo_surface_destroy(image);
  BOOST_TEST(dark > 2000);
  BOOST_CHECK_THROW(RenderPageImage(paged, paged.PageCount(), 72), std::out_of_range);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace doudi::reports
