// doudi-admin audit ...: the tamper-evident trail (migrations 3 and 16) and
// its anchor, a seal written down outside the database so that a superuser
// who rewrites the trail and its hashes cannot make the chain agree with it.
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "commands.h"
#include "doudi/model/iso_date.h"
#include "doudi/catalog/message_catalog.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

using catalog::Tr;
using catalog::TrFormat;
using dal::AnchorVerdict;
using dal::AuditAnchor;
using dal::AuditBreak;
using dal::AuditOutsideChange;
using dal::AuditVerdict;

// Rows changed outside the audit printed one a line; the rest are counted.
constexpr std::size_t kChangesShown = 20;

// ---------------------------------------------------------------------------
// The anchor file: key: value lines between armour lines, machine-read, in
// English whatever the language of the messages; what is outside the armour
// is for the person keeping it (and ignored when read). The check line is
// the start of the SHA-256 of the lines above it: it catches a mistyped or
// damaged anchor, not a forged one. What makes the anchor worth having is
// that it is kept where whoever can rewrite the database cannot reach.
constexpr const char* kBegin = "-----BEGIN DOUDI AUDIT ANCHOR-----";
constexpr const char* kEnd = "-----END DOUDI AUDIT ANCHOR-----";

std::string CheckOf(const std::string& lines) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(lines);
  return Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 16);
}

std::string AnchorText(const AuditAnchor& a) {
  std::ostringstream fields;
  fields << "database: " << a.database << "\n"
         << "seal: " << a.seq << "\n"
         << "hash: " << a.hash << "\n"
         << "sealed-at: " << a.sealedAt << "\n"
         << "seal-rows: " << a.rowCount << "\n"
         << "chain-rows: " << a.auditRows << "\n"
         << "taken-at: " << a.takenAt << "\n"
         << "taken-by: " << a.takenBy << "\n";
  std::ostringstream out;
  out << Tr("Doudi audit anchor: keep it outside the database (printed and signed, or filed).") << "\n"
      << kBegin << "\n"
      << fields.str() << "check: " << CheckOf(fields.str()) << "\n"
      << kEnd << "\n"
      << Tr("Check the audit trail against it with: doudi-admin audit verify --anchor FILE") << "\n"
      << Tr("Kept by: ____________________   Date: ____________") << "\n";
  return out.str();
}

std::int64_t WholeNumber(const std::string& text, const std::string& file, const std::string& field) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
    throw std::invalid_argument(TrFormat("the anchor in {1}: '{2}' is not a whole number", {file, field}));
  }
  return std::stoll(text);
}

AuditAnchor ParseAnchor(const std::string& text, const std::string& file) {
  std::istringstream in(text);
  std::string line, lines;
  std::map<std::string, std::string> fields;
  bool inside = false, ended = false;
  std::string check;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!inside) {
      inside = line == kBegin;
      continue;
    }
    if (line == kEnd) {
      ended = true;
      break;
    }
    const auto colon = line.find(": ");
    if (colon == std::string::npos) {
      throw std::invalid_argument(
          TrFormat("the anchor in {1} has a line that is not 'field: value': {2}", {file, line}));
    }
    const auto key = line.substr(0, colon);
    if (key == "check") {
      check = line.substr(colon + 2);
    } else {
      fields[key] = line.substr(colon + 2);
      lines += line + "\n";
    }
  }
  if (!ended)
    throw std::invalid_argument(TrFormat("{1} holds no audit anchor (no {2} ... {3} block)", {file, kBegin, kEnd}));
  if (check != CheckOf(lines)) {
    throw std::invalid_argument(
        TrFormat("the anchor in {1} was damaged or edited: its check line does not match its fields", {file}));
  }
  for (const char* required : {"seal", "hash", "sealed-at", "seal-rows"}) {
    if (!fields.count(required)) {
      throw std::invalid_argument(TrFormat("the anchor in {1} lacks the field '{2}'", {file, required}));
    }
  }
  AuditAnchor a;
  a.seq = WholeNumber(fields["seal"], file, "seal");
  a.hash = fields["hash"];
  static const std::regex kHash("^[0-9a-f]{64}$");
  if (!std::regex_match(a.hash, kHash)) {
    throw std::invalid_argument(TrFormat("the anchor in {1}: the hash is not 64 hexadecimal digits", {file}));
  }
  a.sealedAt = fields["sealed-at"];
  a.rowCount = WholeNumber(fields["seal-rows"], file, "seal-rows");
  a.database = fields["database"];
  return a;
}

std::string ReadAnchorFile(const std::string& file) {
  std::ifstream in(PathFromUtf8(file), std::ios::binary);
  if (!in) throw std::invalid_argument(TrFormat("cannot read the anchor file {1}", {file}));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ---------------------------------------------------------------------------
// What verify prints. Returns true when the trail is intact.
std::string BreakSentence(const AuditVerdict& v) {
  const auto row = v.brokenRow ? std::to_string(*v.brokenRow) : std::string();
  const auto seal = v.brokenSeal ? std::to_string(*v.brokenSeal) : std::string();
  switch (v.breakKind) {
    case AuditBreak::SealOutOfOrder:
      return TrFormat("seal {1} does not follow the seal before it (the chain was cut or reordered)", {seal});
    case AuditBreak::RowEdited:
      return TrFormat(
          "audit row {1} (seal {2}) was changed after it was written (its content no longer matches "
          "its hash)",
          {row, seal});
    case AuditBreak::RowsChanged:
      if (v.brokenRow) {
        return TrFormat("audit row {1} was deleted from seal {2} ({3} rows now, {4} sealed)",
                        {row, seal, std::to_string(v.rowsNow), std::to_string(v.rowsSealed)});
      }
      return TrFormat("the audit rows of seal {1} were added to, moved or rewritten ({2} rows now, {3} sealed)",
                      {seal, std::to_string(v.rowsNow), std::to_string(v.rowsSealed)});
    case AuditBreak::SealRewritten:
      return TrFormat("seal {1} was rewritten (its hash does not match its content)", {seal});
    case AuditBreak::RowUnsealed:
      return TrFormat("audit row {1} belongs to no seal and to no transaction waiting for one: it was slipped in",
                      {row});
    case AuditBreak::None:
      break;
  }
  return "";
}

std::string ChangeSentence(const AuditOutsideChange& c) {
  switch (c.kind) {
    case AuditOutsideChange::Kind::Changed:
      return TrFormat("{1} {2}: differs from its last audit row", {c.table, c.key});
    case AuditOutsideChange::Kind::Unaudited:
      return TrFormat("{1} {2}: exists, but no audit row records it", {c.table, c.key});
    case AuditOutsideChange::Kind::Gone:
      return TrFormat("{1} {2}: is gone, but no audit row deleted it", {c.table, c.key});
  }
  return "";
}

bool PrintVerdict(std::ostream& out, const AuditVerdict& v) {
  if (v.breakKind != AuditBreak::None) {
    out << TrFormat("audit trail BROKEN: {1}", {BreakSentence(v)}) << "\n"
        << TrFormat("{1} seals before it are intact.", {std::to_string(v.seals)}) << "\n";
  } else {
    out << TrFormat("audit chain intact: {1} seals over {2} audit rows",
                    {std::to_string(v.seals), std::to_string(v.auditRows)})
        << "\n";
  }
  if (v.pendingRows > 0) {
    const auto rows = std::to_string(v.pendingRows), transactions = std::to_string(v.pendingTransactions);
    if (v.sealLockPid) {
      out << TrFormat(
                 "{1} audit rows of {2} committed transactions are not yet sealed: waiting for the seal lock "
                 "held by session {3} ({4}); they are chained when it is released. Not a break.",
                 {rows, transactions, std::to_string(*v.sealLockPid), v.sealLockUser})
          << "\n";
    } else {
      out << TrFormat(
                 "{1} audit rows of {2} committed transactions are not yet sealed (the seal lock is free now: "
                 "doudi-admin audit seal chains them). Not a break.",
                 {rows, transactions})
          << "\n";
    }
  }
  if (!v.outsideChanges.empty()) {
    out << TrFormat(
               "audit trail BROKEN: {1} audited rows were changed outside the audit (table and key; their "
               "history: doudi-admin audit show --household ID):",
               {std::to_string(v.outsideChanges.size())})
        << "\n";
    for (std::size_t i = 0; i < v.outsideChanges.size() && i < kChangesShown; ++i) {
      out << "  " << ChangeSentence(v.outsideChanges[i]) << "\n";
    }
    if (v.outsideChanges.size() > kChangesShown) {
      out << "  " << TrFormat("... and {1} more", {std::to_string(v.outsideChanges.size() - kChangesShown)}) << "\n";
    }
  }
  if (v.intact) out << Tr("audit trail intact") << "\n";
  return v.intact;
}

// Returns true when the chain holds the anchored seal as it was.
bool PrintAnchorVerdict(std::ostream& out, const AuditAnchor& anchor, const AnchorVerdict& a,
                        const AuditVerdict& chain) {
  const auto seq = std::to_string(anchor.seq);
  switch (a.outcome) {
    case AnchorVerdict::Outcome::Contained:
      if (chain.breakKind == AuditBreak::None) {
        out << TrFormat(
                   "anchor held: seal {1} is in the chain with the anchor's hash, and the chain continues "
                   "validly from it to seal {2}",
                   {seq, std::to_string(a.lastSeq)})
            << "\n";
      } else {
        out << TrFormat(
                   "anchor held: seal {1} is in the chain with the anchor's hash (the break above is not "
                   "covered by it)",
                   {seq})
            << "\n";
      }
      return true;
    case AnchorVerdict::Outcome::SealMissing:
      out << TrFormat(
                 "anchor NOT held: the chain ends at seal {1}, before the anchored seal {2}: seals and their "
                 "audit rows were removed",
                 {std::to_string(a.lastSeq), seq})
          << "\n";
      return false;
    case AnchorVerdict::Outcome::HashDiffers:
      out << TrFormat(
                 "anchor NOT held: seal {1} now has the hash {2}, the anchor {3}: the trail up to seal {1} was "
                 "rewritten and its hashes recomputed",
                 {seq, a.found.hash, anchor.hash})
          << "\n";
      return false;
    case AnchorVerdict::Outcome::SealChanged:
      out << TrFormat("anchor NOT held: seal {1} was sealed at {2} over {3} rows, the anchor says {4} over {5} rows",
                      {seq, a.found.sealedAt, std::to_string(a.found.rowCount), anchor.sealedAt,
                       std::to_string(anchor.rowCount)})
          << "\n";
      return false;
  }
  return false;
}

int AuditVerify(CommandContext& ctx) {
  // The anchor file is read before connecting: a damaged one is a usage error.
  std::optional<AuditAnchor> anchor;
  if (const auto file = ctx.Option("anchor")) anchor = ParseAnchor(ReadAnchorFile(*file), *file);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto verdict = db->Audit().Verify();
  bool good = PrintVerdict(ctx.out, verdict);
  if (anchor) good = PrintAnchorVerdict(ctx.out, *anchor, db->Audit().CheckAnchor(*anchor), verdict) && good;
  return good ? kExitOk : kExitRowsRejected;
}

int AuditAnchorCommand(CommandContext& ctx) {
  const auto file = ctx.Option("out");
  if (file && file->empty()) throw std::invalid_argument(Tr("--out takes a file name"));
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  // An anchor vouches for the chain up to its seal: never take one of a
  // trail that does not verify.
  const auto verdict = db->Audit().Verify();
  if (!verdict.intact) {
    PrintVerdict(ctx.out, verdict);
    ctx.out << Tr("no anchor taken: the audit trail must verify intact first") << "\n";
    return kExitRowsRejected;
  }
  const auto seal = db->Audit().LatestSeal();
  if (!seal) {
    ctx.err << Tr("nothing has been sealed yet: there is no seal to anchor") << "\n";
    return kExitFailure;
  }
  const std::string text = AnchorText(*seal);
  if (file) {
    std::ofstream out(PathFromUtf8(*file), std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error(TrFormat("cannot write the anchor file {1}", {*file}));
  }
  ctx.out << text;
  if (file) ctx.out << TrFormat("anchor written to {1}", {*file}) << "\n";
  return kExitOk;
}

int AuditSeal(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  ctx.out << TrFormat("{1} transactions sealed", {std::to_string(db->Audit().SealPending())}) << "\n";
  return kExitOk;
}

int AuditShow(CommandContext& ctx) {
  const auto id = ctx.Option("household");
  if (!id || id->find_first_not_of("0123456789") != std::string::npos || id->empty()) {
    throw std::invalid_argument(Tr("--household takes a household id (a number)"));
  }
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto history = db->Audit().HouseholdHistory(std::stoll(*id));
  if (history.empty()) ctx.out << TrFormat("no audited change of household {1} (or not visible to you)", {*id}) << "\n";
  for (const auto& e : history) {
    ctx.out << e.at << "  " << e.actor << "  " << e.operation << " " << e.table << " " << e.key
            << (e.sealed ? "" : "  " + Tr("(not yet sealed)")) << "\n";
    for (const auto& c : e.changes) ctx.out << "    " << c << "\n";
  }
  return kExitOk;
}

// The record of full IDs and accounts shown, and of persons found registered
// outside the asker's scope (issue 12), as far as the caller may read it.
int AuditAccess(CommandContext& ctx) {
  std::string since = model::IsoDate(std::chrono::sys_days(ctx.today) - std::chrono::days(30));
  if (const auto option = ctx.Option("since")) {
    if (!model::ParseIsoDate(*option)) throw std::invalid_argument(TrFormat("--since takes a date YYYY-MM-DD, not '{1}'", {*option}));
    since = *option;
  }
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto log = db->Users().AccessLog(since);
  if (log.empty()) ctx.out << TrFormat("nothing recorded since {1} (or not visible to you)", {since}) << "\n";
  for (const auto& a : log) {
    const std::string what = a.what == "resident_id"    ? Tr("full ID numbers shown")
                             : a.what == "bank_account" ? Tr("full bank account shown")
                                                        : Tr("person found registered outside the viewer's scope");
    ctx.out << a.at << "  " << a.viewer << " (" << a.viewerScope << ")  " << what << "  "
            << TrFormat("household {1}, {2}", {std::to_string(a.householdId), a.regionCode}) << "\n";
  }
  return kExitOk;
}

}  // namespace

std::vector<Command> AuditCommands() {
  return {
      {{"audit", "verify"},
       "audit verify [--anchor FILE]",
       "check the audit chain and the audited tables",
       "Seals pending transactions, then recomputes every audit row's hash and every link of the chain, and "
       "compares every row of the audited tables with its last audit row. Prints the first audit row (or seal) "
       "where the chain breaks (the first deleted row when rows were removed) and every row changed outside the "
       "audit, by table and key. Rows still waiting for their seal (another session holds the seal lock) are "
       "noted, not a break. With --anchor FILE (written by audit anchor) it also checks that the chain still "
       "holds that seal with that hash. Exit code 0 when intact, 1 when broken or the anchor is not held. For "
       "auditors and center administrators.",
       {"anchor"},
       0,
       AuditVerify},
      {{"audit", "anchor"},
       "audit anchor [--out FILE]",
       "write down the chain's last seal, to keep outside",
       "Verifies the trail, then prints the last seal's number, hash, time and row count as a small text block "
       "(and writes it to FILE with --out). Keep it outside the database, printed and signed or filed: later, "
       "audit verify --anchor FILE proves the chain still holds that seal unchanged, which no rewrite of the "
       "database with recomputed hashes can fake. Exit code 1 (and no anchor) when the trail does not verify. "
       "For auditors and center administrators.",
       {"out"},
       0,
       AuditAnchorCommand},
      {{"audit", "seal"},
       "audit seal",
       "chain committed changes now",
       "Seals committed, not yet sealed transactions onto the chain (programs also do it after each write).",
       {},
       0,
       AuditSeal},
      {{"audit", "show"},
       "audit show --household ID",
       "print a household's history",
       "Every audited change of the household and the rows it owns: when, who, what, old and new values.",
       {"household"},
       0,
       AuditShow},
      {{"audit", "access"},
       "audit access [--since YYYY-MM-DD]",
       "list who was shown full IDs or accounts, or asked about persons outside their scope",
       "Every viewing of full ID numbers or bank accounts, and every person a save or import found registered "
       "outside the asker's scope (counted against a daily limit), since the day (default: the last 30 days): "
       "when, who with their scope, what, and the household. Auditors and center administrators, within their "
       "scope.",
       {"since"},
       0,
       AuditAccess},
  };
}

}  // namespace doudi::admin
