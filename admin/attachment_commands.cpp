// doudi-admin attachment ...: files kept with a household, member, case,
// evidence, alert, referral or pairing visit (docs/attachments.md): attach
// one, list them, save one's bytes, withdraw one. The database decides who
// may, within which scope, which type (by content) and how large.
#include <fstream>
#include <ostream>
#include <stdexcept>

#include "commands.h"
#include "csv_file.h"
#include "doudi/dal/attachment_repository.h"
#include "doudi/dal/registry_repository.h"
#include "doudi/model/attachment.h"
#include "enum_options.h"
#include "terminal.h"
#include "utf8_path.h"

namespace doudi::admin {
namespace {

// An argument that is one of E's codes (or Chinese words), as its code;
// refused naming the argument and every code.
template <typename E>
std::string CodeArgument(const std::string& name, const std::string& value) {
  const auto parsed = model::ParseEnum<E>(value);
  if (!parsed) throw std::invalid_argument(TrFormat("{1} is one of {2}, not '{3}'", {name, EnumCodes<E>(), value}));
  return std::string(model::ToCode(*parsed));
}

dal::AttachmentOwnerRef OwnerOf(const CommandContext& ctx) {
  return {CodeArgument<model::AttachmentOwner>("OWNER_KIND", ctx.args.at(0)), IdNumber("OWNER_ID", ctx.args.at(1))};
}

int AttachmentAdd(CommandContext& ctx) {
  const auto owner = OwnerOf(ctx);
  const std::string kind = CodeArgument<model::AttachmentKind>("KIND", ctx.args.at(2));
  const std::string path = ctx.args.at(3);
  const std::string bytes = ReadFileBytes(PathFromUtf8(path));
  dal::NewAttachment file{owner, kind, model::AttachmentBaseName(path), {bytes.begin(), bytes.end()},
                          ctx.Option("note").value_or(""), {}};
  if (file.fileName.empty()) throw std::invalid_argument(TrFormat("FILE {1} has no name that can be kept", {path}));
  if (const auto replaces = ctx.Option("replaces")) file.replaces = IdNumber("--replaces", *replaces);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto id = db->Attachments().Add(file, dal::NewRequestId());
  const auto type = model::SniffAttachmentType(file.content);
  ctx.out << TrFormat("file {1} attached to {2} {3}: {4}, {5}, {6} bytes",
                      {std::to_string(id), EnumWords<model::AttachmentOwner>(owner.kind), std::to_string(owner.id),
                       file.fileName, type ? std::string(model::ToChinese(*type)) : std::string(),
                       std::to_string(file.content.size())})
          << "\n";
  return kExitOk;
}

int AttachmentList(CommandContext& ctx) {
  const auto owner = OwnerOf(ctx);
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto files = db->Attachments().Of(owner, ctx.Has("all"));
  ctx.out << PadToWidth(Tr("file"), 8) << PadToWidth(Tr("kind"), 18) << PadToWidth(Tr("version"), 6)
          << PadToWidth(Tr("added"), 18) << PadToWidth(Tr("by"), 12) << PadToWidth("SHA-256", 14) << Tr("name")
          << "\n";
  for (const auto& f : files) {
    ctx.out << PadToWidth(std::to_string(f.id), 8) << PadToWidth(EnumWords<model::AttachmentKind>(f.kind), 18)
            << PadToWidth(std::to_string(f.version), 6) << PadToWidth(f.addedAt, 18) << PadToWidth(f.addedBy, 12)
            << PadToWidth(f.sha256Hex.substr(0, 12), 14) << f.fileName;
    if (f.replacedById) ctx.out << "  " << TrFormat("(replaced by {1})", {std::to_string(*f.replacedById)});
    if (!f.withdrawnAt.empty()) {
      ctx.out << "  " << TrFormat("(withdrawn {1} by {2}: {3})", {f.withdrawnAt, f.withdrawnBy, f.withdrawnReason});
    }
    ctx.out << "\n";
  }
  ctx.out << TrFormat("{1} files", {std::to_string(files.size())}) << "\n";
  return kExitOk;
}

int AttachmentSave(CommandContext& ctx) {
  const auto id = IdNumber("ID", ctx.args.at(0));
  const auto output = ctx.Option("output");
  if (!output || output->empty()) throw std::invalid_argument(Tr("-o/--output FILE is required"));
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  const auto bytes = db->Attachments().Content(id);
  if (!bytes) {
    ctx.err << TrFormat("file {1} does not exist or is not yours to read", {std::to_string(id)}) << "\n";
    return kExitFailure;
  }
  std::ofstream out(PathFromUtf8(*output), std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes->data()), static_cast<std::streamsize>(bytes->size()));
  if (!out.flush()) throw std::runtime_error(TrFormat("cannot write {1}", {*output}));
  ctx.out << TrFormat("file {1} saved to {2} ({3} bytes)", {std::to_string(id), *output, std::to_string(bytes->size())})
          << "\n";
  return kExitOk;
}

int AttachmentWithdraw(CommandContext& ctx) {
  const auto id = IdNumber("ID", ctx.args.at(0));
  const std::string reason = ctx.Option("reason").value_or("");
  if (reason.empty()) throw std::invalid_argument(Tr("--reason is required: why the file is withdrawn"));
  auto db = ctx.connect();
  db->RequireSupportedSchema();
  db->Attachments().Withdraw(id, reason, dal::NewRequestId());
  ctx.out << TrFormat("file {1} withdrawn: hidden from the lists with the reason, never deleted", {std::to_string(id)})
          << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> AttachmentCommands() {
  return {
      {{"attachment", "add"},
       "attachment add OWNER_KIND OWNER_ID KIND FILE [--note TEXT] [--replaces ID]",
       "attach a scanned or photographed file",
       "Attaches FILE (PDF, JPEG or PNG, told by its content) to a household, member, case, evidence, alert, "
       "referral or visit (OWNER_KIND) as a kind of file (KIND: authorization, id_card_copy, household_register, "
       "income_proof, disability_certificate, medical_bills, survey_form_signed, decision_signed, photo, other). "
       "--replaces names the file this one is a new version of. The size limit is the attachments parameter "
       "max_bytes. Within your scope only.",
       {"note", "replaces"},
       4,
       AttachmentAdd},
      {{"attachment", "list"},
       "attachment list OWNER_KIND OWNER_ID [--all]",
       "list the files of a record",
       "Lists the files of a household, member, case, evidence, alert, referral or visit, newest first: number, "
       "kind, version, when and by whom, the start of the SHA-256 and the name; --all shows withdrawn files too.",
       {"all"},
       2,
       AttachmentList},
      {{"attachment", "save"},
       "attachment save ID -o FILE",
       "save a file's bytes",
       "Writes the stored bytes of file ID to FILE, when you may read it.",
       {"output"},
       1,
       AttachmentSave},
      {{"attachment", "withdraw"},
       "attachment withdraw ID --reason TEXT",
       "withdraw a wrongly attached file",
       "Withdraws file ID: hidden from the lists with the reason, never deleted; only the center administrator and "
       "the auditor may still read its bytes.",
       {"reason"},
       1,
       AttachmentWithdraw},
  };
}

}  // namespace doudi::admin
