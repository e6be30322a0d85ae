#pragma once
// Doudi's translated messages, read from a compiled gettext catalog (.mo)
// without libintl or wx: the Windows build's libintl returns messages
// untranslated, and doudi-admin and server-refusal texts need Chinese too.
//
// Messages are English in the code (the msgid) and looked up whole. A
// message with values in it is one msgid with numbered places, "{1}", "{2}",
// filled by Format after translation, so a translator may move them:
//   Format(Tr("line {1}: {2}"), {"17", "..."}).
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace doudi::catalog {

class MessageCatalog {
 public:
  // The catalog in the bytes of a .mo file (either byte order, revision 0 or
  // 1). nullopt when they are not a well-formed catalog: a bad magic number
  // or a table or string reaching outside the bytes. Entries with an empty
  // translation (untranslated, or the header) are left out.
  static std::optional<MessageCatalog> Parse(std::string bytes);

  // The catalog in the file at path; nullopt when it cannot be read or is
  // not a well-formed catalog.
  static std::optional<MessageCatalog> Load(const std::filesystem::path& path);

  // The translation of msgid, or nullopt when the catalog has none. context
  // is gettext's msgctxt (empty: none). A plural entry is found by its
  // singular msgid and gives its first form (Chinese has one).
  std::optional<std::string_view> Find(std::string_view msgid, std::string_view context = {}) const;

  // The number of translated messages.
  std::size_t Size() const { return m_entries.size(); }

 private:
  MessageCatalog() = default;

  std::shared_ptr<const std::string> m_bytes;  // the views below point into it
  std::unordered_map<std::string_view, std::string_view> m_entries;
};

// The directory of the running program's executable (resolved through
// symbolic links), where its catalogs are installed; nullopt when the
// platform does not say.
std::optional<std::filesystem::path> ProgramDirectory();

// <program directory>/locale/<language>/LC_MESSAGES/<domain>.mo, the layout
// the workstation (wxFileTranslationsLoader) and the MSI use; nullopt when
// the program directory is unknown.
std::optional<std::filesystem::path> ProgramCatalogPath(std::string_view language, std::string_view domain = "doudi");

// The catalog this process translates with (nullptr: English, the msgids as
// written). Set it once at start, before any thread that translates starts:
// the lookup itself does not lock.
void UseCatalog(std::shared_ptr<const MessageCatalog> catalog);

// The translation of msgid in the catalog in use, or msgid itself.
std::string Tr(std::string_view msgid);
// The same under gettext's msgctxt context.
std::string Tr(std::string_view msgid, std::string_view context);

// pattern with "{1}" .. "{9}" replaced by the corresponding argument; a
// place without an argument, and any other brace, is kept as written.
std::string Format(std::string_view pattern, std::initializer_list<std::string_view> args);
std::string Format(std::string_view pattern, const std::vector<std::string>& args);

// Format(Tr(msgid), args).
std::string TrFormat(std::string_view msgid, std::initializer_list<std::string_view> args);

}  // namespace doudi::catalog
