#include "doudi/dal/failure_text.h"

#include <string_view>

#include "doudi/catalog/message_catalog.h"
#include "doudi/catalog/refusal_text.h"
#include "doudi/dal/errors.h"
#include "doudi/model/money.h"

namespace doudi::dal {
namespace {

using catalog::Tr;
using catalog::TrFormat;

bool Has(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

// The server's or libpq's reasons for refusing a connection, in plain words.
std::string ConnectionText(std::string_view what) {
  if (Has(what, "password authentication failed")) return Tr("The user name or password is wrong.");
  if (Has(what, "no password supplied")) return Tr("Please enter your password.");
  if (Has(what, "not permitted to log in")) return Tr("This user has been disabled. Ask the center's administrator.");
  // A certificate the client refused; not any "SSL" message (a TLS link that
  // drops mid-session says "SSL SYSCALL error").
  if (Has(what, "certificate verify failed") || Has(what, "root certificate") || Has(what, "server certificate") ||
      Has(what, "does not match host name")) {
    return Tr(
        "The secure (TLS) connection failed: the server's certificate could not be verified. Ask the "
        "administrator to check the CA file of this server profile.");
  }
  if (Has(what, "does not exist") && Has(what, "database"))
    return Tr("The database named in the profile does not exist.");
  return Tr(
      "The database server cannot be reached. Check the network cable and the server profile, or try again "
      "later.");
}

// The arguments as a sentence shows them: money (a name ending in _fen) in
// yuan as everywhere else in Doudi, "1,234.56"; what is not a whole number of
// fen (the server compares amounts in numeric) stays as sent.
RefusalArguments Readable(const RefusalArguments& arguments) {
  RefusalArguments out = arguments;
  for (auto& [name, value] : out) {
    if (!name.ends_with("_fen")) continue;
    try {
      std::size_t used = 0;
      const long long fen = std::stoll(value, &used);
      if (used == value.size()) value = model::Money::FromFen(fen).ToDisplayString();
    } catch (const std::exception&) {
    }
  }
  return out;
}

// A refusal whose code this program does not know (a newer server), or one
// in the older form without arguments: the code is what a supporter asks
// for, and the server's own words are all there is to say.
std::string UnknownRefusalText(const Refusal& refusal) {
  std::string said = "doudi:" + refusal.code;
  if (!refusal.prose.empty()) {
    said += ": " + refusal.prose;
  } else {
    for (const auto& [name, value] : refusal.arguments) said += " " + name + "=" + value;
  }
  return TrFormat("The database refused the request: {1}", {said});
}

}  // namespace

std::string FailureText(const std::exception& failure) {
  if (const auto* e = dynamic_cast<const SchemaVersionMismatch*>(&failure)) {
    const std::string database = std::to_string(e->DatabaseVersion());
    const std::string supported = std::to_string(e->SupportedVersion());
    return e->DatabaseIsOlder()
               ? TrFormat(
                     "The database is older (schema {1}) than this program needs (schema {2}). Ask the "
                     "administrator to upgrade the database.",
                     {database, supported})
               : TrFormat(
                     "The database is newer (schema {1}) than this program supports (schema {2}). Please "
                     "install the new version of Doudi.",
                     {database, supported});
  }
  if (dynamic_cast<const ConnectionError*>(&failure) != nullptr) return ConnectionText(failure.what());
  if (dynamic_cast<const Cancelled*>(&failure) != nullptr) return Tr("Cancelled.");
  const auto* e = dynamic_cast<const DatabaseError*>(&failure);
  if (e == nullptr) return failure.what();
  if (!e->Code().empty()) {
    if (auto text = catalog::RefusalText(e->Code(), Readable(e->Arguments()))) return *text;
    return UnknownRefusalText(e->ServerRefusal());
  }
  if (dynamic_cast<const PermissionDenied*>(&failure) != nullptr) return Tr("You are not allowed to do this.");
  if (dynamic_cast<const NotFound*>(&failure) != nullptr) {
    return Tr("The record no longer exists, or is no longer yours to see.");
  }
  if (dynamic_cast<const ConcurrentChange*>(&failure) != nullptr) {
    return Tr("Someone else changed this meanwhile: look at it again and repeat what you did.");
  }
  return TrFormat("The database refused the request: {1}", {failure.what()});
}

std::string FailureText(const std::exception_ptr& failure) {
  try {
    if (failure) std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    return FailureText(e);
  } catch (...) {
  }
  return Tr("An unexpected error occurred.");
}

}  // namespace doudi::dal
