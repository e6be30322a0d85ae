// The GUI tests start wx once for the whole executable (as KiCad's qa/ do)
// and run under Xvfb (tests/CMakeLists.txt wraps them in xvfb-run).
#define BOOST_TEST_MODULE doudi_gui_tests
#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>

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
  }
  ~WxFixture() {
    wxTheApp->OnExit();
    wxEntryCleanup();
  }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(WxFixture);
