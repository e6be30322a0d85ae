#include "registry/id_card_panel.h"

#include <wx/button.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/mstream.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <exception>
#include <utility>
#include <variant>

#include "app/session.h"
#include "common/database_worker.h"
#include "common/wx_text.h"
#include "doudi/workstation/card_reader_settings.h"
#include "registry/household_form.h"

namespace doudi::gui {

using workstation::CardReadFailure;
using workstation::IdCardData;
using workstation::IdCardField;
using workstation::IdCardProblem;

namespace {

// The card's photo is 102 x 126 pixels (358 dpi on the card).
constexpr int kPhotoWidth = 102;
constexpr int kPhotoHeight = 126;

// What the box shows beside the photo: the name to compare with the face,
// and what the member grid has no column for (sex, birth date and number
// are in the grid).
enum Row { kName, kEthnicity, kAddress, kAuthority, kValidity, kRowCount };

wxString FieldName(IdCardField field) {
  switch (field) {
    case IdCardField::Name:
      return _("Name");
    case IdCardField::Sex:
      return _("Sex");
    case IdCardField::Ethnicity:
      return _("Ethnicity");
    case IdCardField::BirthDate:
      return _("Birth date");
    case IdCardField::Address:
      return _("Address");
    case IdCardField::IdNumber:
      return _("ID number");
    case IdCardField::Authority:
      return _("Issuing authority");
    case IdCardField::ValidFrom:
      return _("Valid from");
    case IdCardField::ValidUntil:
      return _("Valid until");
  }
  return {};
}

wxString ProblemText(const IdCardProblem& problem) {
  switch (problem.kind) {
    case IdCardProblem::Kind::BadIdNumber:
      return problem.idError ? household::IdErrorText(*problem.idError) : _("The ID number is not valid.");
    case IdCardProblem::Kind::BirthDateMismatch:
      return _("The birth date on the card differs from the one in its ID number.");
    case IdCardProblem::Kind::SexMismatch:
      return _("The sex on the card differs from the one its ID number gives.");
    case IdCardProblem::Kind::BadName:
      return _("The name on the card has characters that cannot be stored.");
    case IdCardProblem::Kind::ValidityOrder:
      return _("The card's validity ends before it starts.");
  }
  return {};
}

template <typename Card>  // IdCardData or model::IdCardFacts
wxString Validity(const Card& card) {
  return wxString::Format(_("%s to %s"), household::DateText(card.validFrom),
                          card.validUntil ? household::DateText(*card.validUntil) : _("long-term"));
}

}  // namespace

wxString CardFailureText(const CardReadFailure& failure) {
  const wxString detail = Wx(failure.detail);
  switch (failure.kind) {
    case CardReadFailure::Kind::NoReader:
      return wxString::Format(
          _("No card reader is available (%s). The reader is set as card_reader in the [devices] section of "
            "doudi.ini."),
          detail);
    case CardReadFailure::Kind::NoCard:
      return _("There is no card on the reader. Place the ID card on the reader and read again.");
    case CardReadFailure::Kind::ReadError:
      return wxString::Format(_("The card could not be read (%s). Place it again and read again."), detail);
    case CardReadFailure::Kind::DecodeError:
      if (failure.decode && failure.decode->field) {
        return wxString::Format(_("The card's %s could not be read (\"%s\"). Read it again, or type the member in."),
                                FieldName(*failure.decode->field), Wx(failure.decode->value));
      }
      return wxString::Format(_("The card's data could not be decoded (%s). Read it again, or type the member in."),
                              detail);
  }
  return detail;
}

wxString CardProblemsText(const std::vector<IdCardProblem>& problems) {
  wxString all;
  for (const auto& problem : problems) {
    if (!all.empty()) all += wxS(" ");
    all += ProblemText(problem);
  }
  return wxString::Format(_("The card was not taken: %s Read it again, or type the member in."), all);
}

IdCardPanel::IdCardPanel(wxWindow* parent, DatabaseWorker& worker, std::vector<std::filesystem::path> settingsFiles,
                         Handlers handlers)
    : wxPanel(parent, wxID_ANY),
      m_worker(worker),
      m_settingsFiles(std::move(settingsFiles)),
      m_handlers(std::move(handlers)) {
  SetName("id_card_panel");
  auto* column = new wxBoxSizer(wxVERTICAL);
  m_read = new wxButton(this, wxID_ANY, _("Read car&d"));
  m_read->SetName("read_card");
  m_read->SetToolTip(_("Reads the resident ID card on the reader into the members"));
  m_read->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Read(); });
  m_read->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!m_busy); });
  column->Add(m_read, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));

  auto* card = new wxBoxSizer(wxHORIZONTAL);
  m_photo = new wxStaticBitmap(this, wxID_ANY, wxBitmap(FromDIP(kPhotoWidth), FromDIP(kPhotoHeight)));
  m_photo->Hide();
  card->Add(m_photo, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
  auto* grid = new wxFlexGridSizer(2, wxSize(FromDIP(6), FromDIP(4)));
  const wxString labels[kRowCount] = {_("Name"), _("Ethnicity"), _("Address"), _("Issuing authority"), _("Validity")};
  for (const wxString& label : labels) {
    auto* name = new wxStaticText(this, wxID_ANY, label);
    name->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* value = new wxStaticText(this, wxID_ANY, wxString());
    grid->Add(name);
    grid->Add(value);
    m_values.push_back(value);
  }
  card->Add(grid);
  column->Add(card);
  m_message = new wxStaticText(this, wxID_ANY, wxString());
  m_message->SetName("card_message");
  column->Add(m_message, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
  SetSizer(column);
}

IdCardPanel::~IdCardPanel() {
  if (m_thread.joinable()) m_thread.join();
}

wxString IdCardPanel::FieldText(int index) const {
  return index >= 0 && index < static_cast<int>(m_values.size()) ? m_values[static_cast<std::size_t>(index)]->GetLabel()
                                                                 : wxString();
}

void IdCardPanel::Say(const wxString& text, bool problem) {
  m_problem = problem;
  m_text = text;
  m_message->SetForegroundColour(problem ? household::kErrorText
                                         : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  m_message->SetLabel(text);
  m_message->Wrap(FromDIP(300));
  Relayout();
}

void IdCardPanel::Read() {
  if (m_busy) return;
  if (m_thread.joinable()) m_thread.join();  // the last read's thread, already done
  m_busy = true;
  Say(_("Reading the card..."), false);
  // The thread only reads; its result comes back as an event to this panel
  // (QueueEvent is safe from any thread), which the destructor outwaits.
  m_thread = std::thread([this, files = m_settingsFiles] {
    workstation::CardReadResult result;
    try {
      result = workstation::MakeCardReader(workstation::CardReaderSetting(files))->Read();
    } catch (const std::exception& e) {
      result = CardReadFailure{CardReadFailure::Kind::NoReader, e.what(), std::nullopt};
    }
    CallAfter([this, result = std::move(result)]() mutable { OnRead(std::move(result)); });
  });
}

void IdCardPanel::OnRead(workstation::CardReadResult result) {
  if (const auto* failure = std::get_if<CardReadFailure>(&result)) {
    Say(CardFailureText(*failure), true);
    Done();
    return;
  }
  const auto& card = std::get<IdCardData>(result);
  if (const auto problems = workstation::CheckIdCard(card, Today()); !problems.empty()) {
    Say(CardProblemsText(problems), true);
    Done();
    return;
  }
  ShowCard(card);
  LookUp(card);
}

void IdCardPanel::ShowCard(const IdCardData& card) {
  m_card = card;
  ++m_shown;
  m_values[kName]->SetLabel(Wx(card.name));
  m_values[kEthnicity]->SetLabel(Wx(card.ethnicity));
  m_values[kAddress]->SetLabel(Wx(card.address));
  m_values[kAddress]->Wrap(FromDIP(170));
  m_values[kAuthority]->SetLabel(Wx(card.authority));
  m_values[kValidity]->SetLabel(Validity(card));
  m_values[kValidity]->SetForegroundColour(workstation::IsExpired(card, Today()) ? household::kErrorText
                                                                                 : GetForegroundColour());
  ShowPhoto(card.photo);
}

void IdCardPanel::ShowPhoto(const std::vector<std::uint8_t>& bytes) {
  wxImage image;
  if (!bytes.empty()) {
    wxMemoryInputStream stream(bytes.data(), bytes.size());
    wxLogNull quiet;  // a photo that does not decode is left out, not a dialog
    image.LoadFile(stream, wxBITMAP_TYPE_ANY);
  }
  if (image.IsOk()) {
    m_photo->SetBitmap(wxBitmap(image.Scale(FromDIP(kPhotoWidth), FromDIP(kPhotoHeight), wxIMAGE_QUALITY_HIGH)));
    m_photo->Show();
  } else {
    m_photo->Hide();
  }
  Relayout();
}

bool IdCardPanel::ShowsPhoto() const { return m_photo->IsShown(); }

void IdCardPanel::ShowMember(const model::Person& member) {
  if (m_busy) return;
  const auto& facts = member.card;
  // The card just read is shown as read, with what the lookup said.
  const auto sameNumber = [](const std::string& read, const std::string& stored) {
    const auto id = model::ResidentId::Parse(read, Today());  // normalised as the grid keeps it (x → X)
    const auto* valid = std::get_if<model::ResidentId>(&id);
    return valid != nullptr && valid->Text() == stored;
  };
  if (facts && facts->fresh && m_card && sameNumber(m_card->idNumber, facts->idNumber)) return;
  m_card.reset();
  ++m_shown;
  if (!facts) {
    for (wxStaticText* value : m_values) value->SetLabel(wxString());
    ShowPhoto({});
    Say(member.name.empty() ? wxString()
                            : wxString::Format(_("%s: no card read yet."), Wx(member.name)),
        false);
    return;
  }
  ShowFacts(member, *facts);
  if (facts->fresh) {
    ShowPhoto(facts->photo);
    Say(wxString::Format(_("%s's card, read here, is stored with the next save."), Wx(member.name)), false);
    return;
  }
  ShowPhoto({});
  Say(wxString::Format(_("%s's card as read on %s."), Wx(member.name), Wx(facts->readAt)), false);
  if (!member.id) return;
  const std::int64_t personId = *member.id;
  const unsigned shown = m_shown;
  m_worker.Run<std::vector<std::uint8_t>>(
      this, [personId](dal::pg::PgDatabase& db) { return db.Registry().CardPhoto(personId); },
      [this, shown](std::vector<std::uint8_t> photo) {
        if (shown == m_shown) ShowPhoto(photo);
      },
      [this, shown](const JobFailure& failure) {
        if (shown != m_shown) return;
        Say(m_text + wxS(" ") + wxString::Format(_("Its photo could not be loaded: %s"), failure.message), true);
      });
}

void IdCardPanel::ShowFacts(const model::Person& member, const model::IdCardFacts& facts) {
  m_values[kName]->SetLabel(Wx(member.name));
  m_values[kEthnicity]->SetLabel(Wx(std::string(workstation::EthnicityName(facts.ethnicityCode))));
  m_values[kAddress]->SetLabel(wxString());
  m_values[kAuthority]->SetLabel(Wx(facts.authority));
  m_values[kValidity]->SetLabel(Validity(facts));
  m_values[kValidity]->SetForegroundColour(workstation::IsExpired(facts, Today()) ? household::kErrorText
                                                                                  : GetForegroundColour());
}

void IdCardPanel::Relayout() {
  // The box grows with what it shows; the editor makes room for it.
  InvalidateBestSize();
  wxGetTopLevelParent(this)->Layout();
}

void IdCardPanel::LookUp(const IdCardData& card) {
  Say(_("Looking the ID number up in the registry..."), false);
  const std::string idNumber = card.idNumber;
  m_worker.Run<std::vector<dal::PersonSummary>>(
      this,
      [idNumber](dal::pg::PgDatabase& db) {
        dal::RegistryQuery query;
        query.text = idNumber;
        return db.Search().Search(query, 0, 10);
      },
      [this](std::vector<dal::PersonSummary> rows) {
        Done();
        if (!m_card) return;
        const auto here = m_handlers.householdId();
        for (const auto& row : rows) {
          if (!here || row.householdId != *here) {
            Say(wxString::Format(_("%s is already registered in another household."), Wx(row.name)), false);
            m_handlers.existing(row);
            return;
          }
        }
        wxString text = wxString::Format(_("%s's card is read into the members."), Wx(m_card->name));
        if (workstation::IsExpired(*m_card, Today())) {
          text += wxS(" ") + wxString::Format(_("The card expired on %s."), household::DateText(*m_card->validUntil));
        }
        Say(text, false);
        // Still busy while the form takes the card: moving the grid's
        // cursor there does not turn the box to another member.
        m_busy = true;
        const IdCardData taken = *m_card;
        m_handlers.fill(taken);
        Done();
      },
      [this](const JobFailure& failure) {
        Done();
        Say(wxString::Format(_("The registry could not be searched for this ID number: %s Read the card again."),
                             failure.message),
            true);
      });
}

}  // namespace doudi::gui
