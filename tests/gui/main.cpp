// The GUI tests start wx once for the whole executable (as KiCad's qa/ do)
// and run under Xvfb (tests/CMakeLists.txt wraps them in xvfb-run).
#define BOOST_TEST_MODULE doudi_gui_tests
#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include <boost/test/unit_test.hpp>

#include "doudi/catalog/message_catalog.h"

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
    // The household editor's drafts go to a directory of this run, never
    // the user's own data directory (registry/draft_directory.h: DOUDI_DRAFT_DIR).
    if (!wxGetEnv(wxS("DOUDI_DRAFT_DIR"), nullptr)) {
      m_drafts = std::filesystem::temp_directory_path() /
                 ("doudi-gui-tests-drafts-" + std::to_string(std::random_device()()));
      wxSetEnv(wxS("DOUDI_DRAFT_DIR"), wxString::FromUTF8(m_drafts.string()));
    }
    // DOUDI_TEST_LANG=zh_CN runs the same tests in the Chinese interface
    // (scripts/screenshots uses it for docs/screenshots).
    if (const char* language = std::getenv("DOUDI_TEST_LANG")) {
      auto* translations = new wxTranslations;
      wxTranslations::Set(translations);
      wxFileTranslationsLoader::AddCatalogLookupPathPrefix(DOUDI_LOCALE_DIR);
      translations->SetLanguage(wxString::FromUTF8(language));
      translations->AddCatalog("doudi");
      // The data layer's failure texts read the same catalog without wx.
      const std::filesystem::path mo = std::filesystem::path(DOUDI_LOCALE_DIR) / language / "LC_MESSAGES" / "doudi.mo";
      if (auto messages = doudi::catalog::MessageCatalog::Load(mo)) {
        doudi::catalog::UseCatalog(std::make_shared<const doudi::catalog::MessageCatalog>(std::move(*messages)));
      }
    }
  }
  ~WxFixture() {
    wxTheApp->OnExit();
    wxEntryCleanup();
    if (!m_drafts.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(m_drafts, ignored);
    }
  }

  std::filesystem::path m_drafts;  // made for this run, removed after it
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(WxFixture);
