// Public documents never contain a full ID number or bank account, whatever
// the caller passes (issue 6): every output of every kind is searched for the
// samples' full numbers and for anything shaped like an 18-character ID.

#include <boost/test/unit_test.hpp>


#include "doudi/reports/html.h"
#include "doudi/reports/layout.h"
#include "doudi/reports/xlsx.h"
#include "report_support.h"
#include "samples.h"

namespace doudi::reports {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// The first run of 12 or more digits (a bank account, or the start of a full
// ID: 17 digits and a check character), empty when there is none. A scan,
// not std::regex: libstdc++'s regex recurses per character and overflows the
// stack on a long roster's text.
std::string FullNumberIn(const std::string& text) {
  constexpr std::size_t kLongestAllowedRun = 11;
  std::size_t run = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      ++run;
    } else {
      if (run > kLongestAllowedRun) {
        return text.substr(i - run, run);
      }
      run = 0;
    }
  }
  return {};
}

void RequireNoFullNumbers(const std::string& where, const std::string& text) {
  const std::string found = FullNumberIn(text);
  BOOST_TEST(found.empty(), where << " holds a full number: " << found);
  for (const std::string& secret : samples::SampleSecrets()) {
    BOOST_TEST(text.find(secret) == std::string::npos, where << " holds " << secret);
  }
}

// The text of every string cell of an XLSX: the shared strings and the inline
// strings of each worksheet.
std::string XlsxStrings(const std::filesystem::path& file) {
  const std::string xml = testing::Run("unzip -p " + testing::Quote(file) + " 'xl/*.xml'");  // unzip's * crosses '/': every part under xl/
  std::string strings;
  for (std::size_t open = xml.find("<t"); open != std::string::npos; open = xml.find("<t", open + 1)) {
    const std::size_t start = xml.find('>', open);
    const std::size_t end = xml.find("</t>", start);
    if (xml[open + 2] != '>' && xml[open + 2] != ' ') {
      continue;  // <tableParts>, <tabColor> ...
    }
    strings += xml.substr(start + 1, end - start - 1) + "\n";
  }
  return strings;
}

BOOST_AUTO_TEST_SUITE(privacy)

BOOST_AUTO_TEST_CASE(no_output_of_any_kind_holds_a_full_id_or_account) {
  testing::ScratchDir dir;
  for (const auto& kind : samples::AllKinds()) {
    RequireNoFullNumbers(kind.stem + ".html", RenderHtml(kind.document));
    const auto pdf = dir / (kind.stem + ".pdf");
    WritePdf(kind.document, pdf);
    RequireNoFullNumbers(kind.stem + ".pdf", testing::PdfText(pdf));
  }
  for (const char* stem : {"payment-roster", "notice-roster", "statistics"}) {
    for (const auto& kind : samples::AllKinds()) {
      if (kind.stem == stem) {
        const auto xlsx = dir / (kind.stem + ".xlsx");
        WriteXlsx(kind.document, xlsx);
        const std::string strings = XlsxStrings(xlsx);
        BOOST_TEST(!strings.empty());
        RequireNoFullNumbers(kind.stem + ".xlsx", strings);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_detector_finds_a_full_number) {
  // Guards the test above against a pattern that can never match.
  BOOST_TEST(!FullNumberIn("身份证号：" + samples::ResidentIdFor(1971, 4, 12, 31)).empty());
  BOOST_TEST(FullNumberIn("账号6217230912345678901。") == "6217230912345678901");
  BOOST_TEST(FullNumberIn("331022********0316 ****8901 2,815.00 0576-83361234").empty());
}

BOOST_AUTO_TEST_CASE(ids_are_masked_by_the_model_rule) {
  const auto today = year{2025} / month{3} / day{1};
  const std::string id = samples::ResidentIdFor(1971, 4, 12, 31);
  BOOST_TEST(MaskIdNumber(id, today) == id.substr(0, 6) + "********" + id.substr(14));
  // Not a valid ID: nothing of it is shown.
  BOOST_TEST(MaskIdNumber("331022197104120319", today) == std::string(18, '*'));
  BOOST_TEST(MaskIdNumber("12", today) == "****");
  // Already masked (the data layer's rosters): kept; anything like it but not
  // exactly the display form is hidden whole.
  BOOST_TEST(MaskIdNumber("331022********031X", today) == "331022********031X");
  BOOST_TEST(MaskIdNumber("331022*******10316", today) == std::string(18, '*'));
  BOOST_TEST(MaskIdNumber("", today).empty());
  BOOST_TEST(MaskAccount("6217230912345678901") == "****8901");
}

BOOST_AUTO_TEST_CASE(the_public_notice_shows_no_id_or_account_at_all) {
  const std::string html = RenderHtml(NoticeRoster(samples::Notice()));
  BOOST_TEST(html.find("****") == std::string::npos);
  BOOST_TEST(html.find("身份证") == std::string::npos);
  BOOST_TEST(html.find("账号") == std::string::npos);
  BOOST_TEST(html.find("住址") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace doudi::reports
