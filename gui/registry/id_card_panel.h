#pragma once
// The household editor's 身份证 box: the 读卡 button and the card read last
// (photo, name, ethnicity, address, issuing authority, validity; sex, birth
// date and number go into the member grid). Reading runs on a thread of its own (the reader
// blocks for a second or more; the GUI thread never waits), through the
// reader the desk's setting names (workstation/card_reader_settings.h). A
// card is checked like typed data (workstation::CheckIdCard); a good one is
// looked up in the registry on the editor's database worker, within the
// user's scope as the database decides: a person registered in another
// household goes to the editor's `existing` handler (open that household
// instead of registering the person twice), anyone else to `fill`.
//
// Selecting a member's row shows that member's card: the card just read as
// read, a read waiting for the save, or the stored card in use (ethnicity,
// authority, validity, when read) with its photo, loaded on the worker
// (doudi.person_card_current; the address is not stored).
#include <wx/panel.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

#include "doudi/dal/registry_search.h"
#include "doudi/model/household.h"
#include "doudi/workstation/card_reader.h"

class wxButton;
class wxStaticBitmap;
class wxStaticText;

namespace doudi::gui {

class DatabaseWorker;

class IdCardPanel : public wxPanel {
 public:
  struct Handlers {
    // The household the editor shows; nullopt for a new one.
    std::function<std::optional<std::int64_t>()> householdId;
    // A card checked and not registered elsewhere: into the form.
    std::function<void(const workstation::IdCardData&)> fill;
    // The card's person as the registry lists them (masked), in another household.
    std::function<void(const dal::PersonSummary&)> existing;
  };

  // settingsFiles: the doudi.ini files the card reader setting is read from
  // (Session::settingsFiles; workstation::CardReaderSetting).
  IdCardPanel(wxWindow* parent, DatabaseWorker& worker, std::vector<std::filesystem::path> settingsFiles,
              Handlers handlers);
  // Waits for a read still running (a second or so), so its reply never
  // reaches a panel that is gone.
  ~IdCardPanel() override;

  // What 读卡 does; nothing while a read or its lookup runs.
  void Read();
  bool IsBusy() const { return m_busy; }
  // The member whose row was selected: their card as the box can show it
  // (nothing while a read runs; the card just read stays as read).
  void ShowMember(const model::Person& member);
  // Whether a photo is shown (a stored one arrives from the worker).
  bool ShowsPhoto() const;
  // The card shown (read and checked), if any.
  const std::optional<workstation::IdCardData>& Card() const { return m_card; }
  // The line under the card: what happened, or why not.
  wxString Message() const { return m_text; }
  bool MessageIsProblem() const { return m_problem; }
  wxButton* ReadButton() const { return m_read; }
  // The card's fields as shown beside the photo, in order (name, ethnicity,
  // address, issuing authority, validity), for tests.
  wxString FieldText(int index) const;

 private:
  void OnRead(workstation::CardReadResult result);
  void LookUp(const workstation::IdCardData& card);
  void ShowCard(const workstation::IdCardData& card);
  void ShowFacts(const model::Person& member, const model::IdCardFacts& facts);
  void ShowPhoto(const std::vector<std::uint8_t>& bytes);
  void Say(const wxString& text, bool problem);
  void Relayout();
  void Done() { m_busy = false; }

  DatabaseWorker& m_worker;
  std::vector<std::filesystem::path> m_settingsFiles;
  Handlers m_handlers;
  std::thread m_thread;
  bool m_busy = false;
  bool m_problem = false;
  unsigned m_shown = 0;  // counts what the box showed, so a late photo is dropped
  wxString m_text;  // the message line as said (the label has line breaks)
  std::optional<workstation::IdCardData> m_card;
  wxButton* m_read = nullptr;
  wxStaticBitmap* m_photo = nullptr;
  std::vector<wxStaticText*> m_values;
  wxStaticText* m_message = nullptr;
};

// The sentence for a failed read, a refused card, in the user's language.
wxString CardFailureText(const workstation::CardReadFailure& failure);
wxString CardProblemsText(const std::vector<workstation::IdCardProblem>& problems);

}  // namespace doudi::gui
