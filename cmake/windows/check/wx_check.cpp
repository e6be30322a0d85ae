// wxWidgets (MSW, static): a frame with Chinese text that closes itself.
#include <wx/wx.h>

class CheckApp : public wxApp {
public:
  bool OnInit() override {
    auto* frame = new wxFrame(nullptr, wxID_ANY, wxString::FromUTF8("兜底 wx check"));
    new wxStaticText(frame, wxID_ANY, wxString::FromUTF8("户主 张三"));
    frame->Show();
    CallAfter([this, frame] {
      wxPrintf("wx %s ok\n", wxVERSION_NUM_DOT_STRING);
      frame->Close(true);
    });
    return true;
  }
};
wxIMPLEMENT_APP(CheckApp);
