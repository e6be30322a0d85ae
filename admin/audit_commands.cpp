// doudi-admin audit ...: the tamper-evident trail of migration 0003.
#include <iostream>

#include "commands.h"

namespace doudi::admin {
namespace {

int AuditVerify(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto verdict = db->Audit().Verify();
  if (verdict.intact) {
    ctx.out << "audit trail intact: " << verdict.seals << " seals over " << verdict.auditRows << " audit rows\n";
    return kExitOk;
  }
  ctx.out << "audit trail BROKEN";
  if (verdict.brokenRow) ctx.out << " at audit row " << *verdict.brokenRow;
  if (verdict.brokenSeal) ctx.out << " (seal " << *verdict.brokenSeal << ")";
  ctx.out << ": " << verdict.problem << "\n"
          << verdict.seals << " seals before it are intact.\n";
  return kExitRowsRejected;
}

int AuditSeal(CommandContext& ctx) {
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  ctx.out << db->Audit().SealPending() << " transactions sealed\n";
  return kExitOk;
}

int AuditShow(CommandContext& ctx) {
  const auto id = ctx.Option("household");
  if (!id || id->find_first_not_of("0123456789") != std::string::npos || id->empty()) {
    throw std::invalid_argument("--household takes a household id (a number)");
  }
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto history = db->Audit().HouseholdHistory(std::stoll(*id));
  if (history.empty()) ctx.out << "no audited change of household " << *id << " (or not visible to you)\n";
  for (const auto& e : history) {
    ctx.out << e.at << "  " << e.actor << "  " << e.operation << " " << e.table << " " << e.key
            << (e.sealed ? "" : "  (not yet sealed)") << "\n";
    for (const auto& c : e.changes) ctx.out << "    " << c << "\n";
  }
  return kExitOk;
}

}  // namespace

std::vector<Command> AuditCommands() {
  return {
      {{"audit", "verify"}, "audit verify", "check the audit chain",
       "Seals pending transactions, then recomputes every audit row's hash and every link of the chain. Prints "
       "the first audit row (or seal) where it breaks. Exit code 0 when intact, 1 when broken. For auditors and "
       "center administrators.",
       {}, 0, AuditVerify},
      {{"audit", "seal"}, "audit seal", "chain committed changes now",
       "Seals committed, not yet sealed transactions onto the chain (programs also do it after each write).", {},
       0, AuditSeal},
      {{"audit", "show"}, "audit show --household ID", "print a household's history",
       "Every audited change of the household and the rows it owns: when, who, what, old and new values.",
       {"household"}, 0, AuditShow},
  };
}

}  // namespace doudi::admin
