// The client of the kill test (scripts/ha-check): a stream of saves and case
// transitions through the data layer, as the workstation makes them, against
// a multi-host connection string while the primary is killed. Each save gets
// a request id once and is retried with that same id on a new connection
// until a server answers (the workstation's DatabaseWorker retries the same
// way), so a save whose reply was lost is found by its id, not applied again.
//
//   ha_saves --clerk CONNINFO --reviewer CONNINFO --items N --birth YYYYMMDD
//            --tag TAG --out FILE [--give-up SECONDS]
//
// Per item, as the village clerk: a new household (one member, ID number
// from --birth and the item's number, address naming TAG and the item),
// a temporary-assistance case for it; as the township reviewer: help first
// (先行救助, a transition with an opinion); as the clerk again: the household
// saved with a new phone number. FILE gets one line per acknowledged save,
// written when the server answered: item, kind (create, open, transition,
// save), request id, what the server returned, the attempts it took.
// Standard output: one line per lost connection and at the end the outage
// (first failed request to first success after it), for ha-check to read.
// Exit 0 when every item was acknowledged, 1 otherwise.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "doudi/dal/connection_profile.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/household.h"
#include "doudi/model/resident_id.h"

namespace {

using namespace doudi;
using Clock = std::chrono::steady_clock;

// SQLSTATEs that mean "this server cannot take the write now, another will":
// a standby (25006 read_only_sql_transaction), a server shutting down or
// crashed under the session (57P01-57P03).
bool Retryable(const dal::DatabaseError& e) {
  const std::string state = e.SqlState();
  return state == "25006" || state == "57P01" || state == "57P02" || state == "57P03";
}

// The outage as the client saw it: from the first request that failed to
// the first that succeeded after it.
struct Outage {
  std::optional<Clock::time_point> firstFailure;
  std::optional<Clock::time_point> recovered;
  int failures = 0;
};

// One desk: its connection, dropped when it fails and made anew (through
// the same multi-host string, so on whichever node is primary) at the next
// attempt.
class Desk {
 public:
  Desk(std::string name, const std::string& conninfo, Outage& outage, double giveUpSeconds)
      : m_name(std::move(name)),
        m_conninfo(dal::WithNetworkTimeouts(conninfo)),
        m_outage(outage),
        m_giveUp(giveUpSeconds) {}

  // Runs work until a server answers; returns its result and the attempts.
  template <typename Work>
  auto Run(const std::string& what, Work work) -> std::pair<decltype(work(std::declval<dal::pg::PgDatabase&>())), int> {
    const auto start = Clock::now();
    for (int attempt = 1;; ++attempt) {
      try {
        if (!m_db) {
          m_db = std::make_unique<dal::pg::PgDatabase>(m_conninfo);
          const auto server = m_db->Info();
          if (server.host + ":" + server.port != m_server) {
            m_server = server.host + ":" + server.port;
            std::cout << "connected " << m_name << " " << m_server << std::endl;
          }
        }
        auto result = work(*m_db);
        if (m_outage.firstFailure && !m_outage.recovered) m_outage.recovered = Clock::now();
        return {std::move(result), attempt};
      } catch (const dal::DatabaseError& e) {
        const bool lost = dynamic_cast<const dal::ConnectionError*>(&e) != nullptr;
        if (!lost && !Retryable(e)) throw;
        m_db.reset();
        if (!m_outage.firstFailure) m_outage.firstFailure = Clock::now();
        ++m_outage.failures;
        if (attempt == 1) std::cout << "failed " << m_name << " " << what << ": " << e.what() << std::endl;
        if (std::chrono::duration<double>(Clock::now() - start).count() > m_giveUp) {
          throw std::runtime_error(what + ": no server answered in " + std::to_string(m_giveUp) + " s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    }
  }

 private:
  std::string m_name;
  std::string m_conninfo;
  Outage& m_outage;
  double m_giveUp;
  std::unique_ptr<dal::pg::PgDatabase> m_db;
  std::string m_server;
};

// 1..999 as three digits, the sequence part of an ID number.
std::string ThreeDigits(int n) {
  const std::string digits = std::to_string(n);
  return std::string(3 - std::min<std::size_t>(3, digits.size()), '0') + digits;
}

model::Household NewHousehold(const std::string& birth, const std::string& tag, int item) {
  model::Household h;
  h.regionCode = "331022001201";  // 悬渚村, in the demo clerk's scope
  h.address = "海游街道悬渚村 HA-" + tag + "-" + std::to_string(item) + " 号";
  h.phone = "13800000000";
  h.housing = model::HousingCondition::Owned;
  model::Person head;
  const std::string first17 = "331022" + birth + ThreeDigits(item);
  head.idNumber = first17 + model::ResidentIdCheckCharacter(first17);
  head.name = "高可用";
  head.relation = model::Relation::Head;
  h.members = {head};
  return h;
}

std::map<std::string, std::string> Options(int argc, char** argv) {
  std::map<std::string, std::string> options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key.rfind("--", 0) != 0) throw std::invalid_argument("expected an option, got " + key);
    options[key.substr(2)] = argv[i + 1];
  }
  for (const char* required : {"clerk", "reviewer", "items", "birth", "tag", "out"}) {
    if (!options.count(required)) throw std::invalid_argument(std::string("--") + required + " is required");
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    auto options = Options(argc, argv);
    const int items = std::stoi(options["items"]);
    if (items < 1 || items > 999) throw std::invalid_argument("--items must be 1..999");
    const double giveUp = options.count("give-up") ? std::stod(options["give-up"]) : 300.0;
    Outage outage;
    Desk clerk("clerk", options["clerk"], outage, giveUp);
    Desk reviewer("reviewer", options["reviewer"], outage, giveUp);
    std::ofstream out(options["out"]);
    if (!out) throw std::runtime_error("cannot write " + options["out"]);
    const auto acknowledged = [&out](int item, const char* kind, const std::string& request, const auto& result,
                                     int attempts) {
      out << item << '\t' << kind << '\t' << request << '\t' << result << '\t' << attempts << std::endl;
    };

    for (int item = 1; item <= items; ++item) {
      const std::string label = "item " + std::to_string(item);
      auto household = NewHousehold(options["birth"], options["tag"], item);

      const std::string createRequest = dal::NewRequestId();
      const auto created = clerk.Run(label + " create", [&](dal::pg::PgDatabase& db) {
        return db.Registry().CreateHousehold(household, createRequest);
      });
      const std::int64_t householdId = created.first;
      acknowledged(item, "create", createRequest, householdId, created.second);

      const std::string openRequest = dal::NewRequestId();
      dal::NewCase application;
      application.householdId = householdId;
      application.program = "temporary";
      const auto opened = clerk.Run(label + " open",
                                    [&](dal::pg::PgDatabase& db) { return db.Cases().Open(application, openRequest); });
      const std::int64_t caseId = opened.first;
      acknowledged(item, "open", openRequest, caseId, opened.second);

      const std::string transitionRequest = dal::NewRequestId();
      const auto helped = reviewer.Run(label + " transition", [&](dal::pg::PgDatabase& db) {
        return db.Cases().Transition(caseId, "help_first", 1, "急难情形，先行救助（高可用检查）", transitionRequest);
      });
      acknowledged(item, "transition", transitionRequest, helped.first, helped.second);

      // The save edits what was loaded; only the save itself is retried
      // with its request id (a reload would see its own committed write).
      const auto loaded =
          clerk.Run(label + " load", [&](dal::pg::PgDatabase& db) { return db.Registry().LoadHousehold(householdId); });
      if (!loaded.first) throw std::runtime_error(label + ": the household just created is not there");
      model::Household edited = *loaded.first;
      edited.phone = "1390000" + std::to_string(1000 + item);
      const std::string saveRequest = dal::NewRequestId();
      const auto saved = clerk.Run(
          label + " save", [&](dal::pg::PgDatabase& db) { return db.Registry().SaveHousehold(edited, saveRequest); });
      acknowledged(item, "save", saveRequest, saved.first, saved.second);
    }

    if (outage.firstFailure && outage.recovered) {
      const double seconds = std::chrono::duration<double>(*outage.recovered - *outage.firstFailure).count();
      std::printf("outage %.1f s (%d failed attempts)\n", seconds, outage.failures);
    } else {
      std::printf("outage none\n");
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "ha_saves: " << e.what() << std::endl;
    return 1;
  }
}
