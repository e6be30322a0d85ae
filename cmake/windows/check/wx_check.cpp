// wxWidgets (MSW, static): a frame with Chinese text that closes itself,
// after a JPEG round trip through wx's own handler (the attachment viewer's).
#include <wx/image.h>
#include <wx/mstream.h>
#include <wx/wx.h>

class CheckApp : public wxApp {
public:
  bool OnInit() override {
    wxInitAllImageHandlers();
    wxImage red(8, 8);
    red.SetRGB(wxRect(0, 0, 8, 8), 200, 0, 0);
    wxMemoryOutputStream jpeg;
    wxImage back;
    bool ok = red.SaveFile(jpeg, wxBITMAP_TYPE_JPEG);
    if (ok) {
      wxMemoryInputStream in(jpeg);
      ok = back.LoadFile(in, wxBITMAP_TYPE_JPEG) && back.GetWidth() == 8 && back.GetRed(4, 4) > 150;
    }
    wxPrintf("wx JPEG %s\n", ok ? "ok" : "WRONG");
    if (!ok) return false;
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
