// The GUI tests start wx once for the whole executable (as KiCad's qa/ do)
// and run under Xvfb (tests/CMakeLists.txt wraps them in xvfb-run).
#define BOOST_TEST_MODULE doudi_gui_tests
#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/translation.h>

#include <cstdlib>

#include <boost/test/unit_test.hpp>

namespace {

struct WxFixture {
  WxFixture() {
    wxApp::SetInstance(new wxApp);
    int argc = 1;
    static char name[] = "doudi_gui_tests";
    char* argv[] = {name, nullptr};
    BOOST_REQUIRE_MESSAGE(wxEntryStart(argc, argv), "wx could not start (no X display?)");
    wxTheApp->OnInit();
    wxInitAllImageHandlers();
    // DOUDI_TEST_LANG=zh_CN runs the same tests in the Chinese interface
    // (scripts/screenshots uses it for docs/screenshots).
    if (const char* language = std::getenv("DOUDI_TEST_LANG")) {
      auto* translations = new wxTranslations;
      wxTranslations::Set(translations);
      wxFileTranslationsLoader::AddCatalogLookupPathPrefix(DOUDI_LOCALE_DIR);
      translations->SetLanguage(wxString::FromUTF8(language));
      translations->AddCatalog("doudi");
    }
  }
  ~WxFixture() {
    wxTheApp->OnExit();
    wxEntryCleanup();
  }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(WxFixture);
