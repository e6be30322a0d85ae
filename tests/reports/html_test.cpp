// The HTML page: escaped, self-contained, print CSS for A4, and the same for
// each kind as its golden file (tests/reports/golden/*.html).
//
// To regenerate the golden files after an intended change, run the tests
// with DOUDI_UPDATE_GOLDEN=1 (docs/documents.md) and review the diff.

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>

#include "doudi/reports/html.h"
#include "report_support.h"
#include "samples.h"

namespace doudi::reports {
namespace {

const std::filesystem::path kGoldenDir = DOUDI_REPORTS_GOLDEN_DIR;

bool Updating() {
  const char* update = std::getenv("DOUDI_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

BOOST_AUTO_TEST_SUITE(html)

BOOST_AUTO_TEST_CASE(each_kind_matches_its_golden_file) {
  for (const auto& kind : samples::AllKinds()) {
    const std::string html = RenderHtml(kind.document);
    const auto golden = kGoldenDir / (kind.stem + ".html");
    if (Updating()) {
      std::ofstream(golden, std::ios::binary) << html;
      BOOST_TEST_MESSAGE("wrote " << golden);
      continue;
    }
    BOOST_REQUIRE_MESSAGE(std::filesystem::exists(golden), golden << " is missing: run with DOUDI_UPDATE_GOLDEN=1");
    BOOST_TEST(html == testing::ReadFile(golden), kind.stem << " differs from " << golden);
  }
}

BOOST_AUTO_TEST_CASE(every_text_is_escaped) {
  NoticeRosterInput input = samples::Notice();
  input.entries[0].name = "<script>alert('x')</script>&\"";
  input.village = "<b>悬渚村</b>";
  const std::string html = RenderHtml(NoticeRoster(input));
  BOOST_TEST(html.find("<script>") == std::string::npos);
  BOOST_TEST(html.find("<b>") == std::string::npos);
  BOOST_TEST(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;") != std::string::npos);
  BOOST_TEST(html.find("&lt;b&gt;悬渚村&lt;/b&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(self_contained_with_print_css) {
  for (const auto& kind : samples::AllKinds()) {
    const std::string html = RenderHtml(kind.document);
    BOOST_TEST(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    BOOST_TEST(html.find("@page { size: A4") != std::string::npos);
    BOOST_TEST(html.find("thead { display: table-header-group; }") != std::string::npos);
    BOOST_TEST(html.find("break-inside: avoid") != std::string::npos);
    for (const char* external : {"http:", "https:", "src=", "<link", "@import", "url("}) {
      BOOST_TEST(html.find(external) == std::string::npos, kind.stem << " refers outside: " << external);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace doudi::reports
