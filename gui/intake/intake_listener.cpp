#include "intake/intake_listener.h"

#include <chrono>

#include "doudi/dal/pg/pg_listener.h"

namespace doudi::gui {

wxDEFINE_EVENT(EVT_INTAKE_HEARD, wxThreadEvent);

IntakeListener::IntakeListener(std::string connectionString, wxEvtHandler* handler)
    : m_connectionString(std::move(connectionString)), m_handler(handler), m_thread([this] { Loop(); }) {}

IntakeListener::~IntakeListener() {
  m_stopping = true;
  m_thread.join();
}

void IntakeListener::Loop() {
  dal::pg::PgListener listener(m_connectionString, kChannel);
  using Event = dal::pg::PgListener::Event;
  Event last = Event::Timeout;
  while (!m_stopping) {
    const Event event = listener.Wait(std::chrono::milliseconds(kWaitMs));
    if (event == Event::Timeout || (event == Event::Lost && last == Event::Lost)) continue;
    last = event;
    if (m_stopping) break;
    // wxQueueEvent is safe from any thread; the handler's events still
    // queued when it is destroyed are dropped with it.
    auto* heard = new wxThreadEvent(EVT_INTAKE_HEARD);
    heard->SetInt(static_cast<int>(event == Event::Notified    ? Heard::Notified
                                   : event == Event::Connected ? Heard::Connected
                                                               : Heard::Lost));
    wxQueueEvent(m_handler, heard);
  }
}

}  // namespace doudi::gui
