#pragma once
// Local drafts of the household editor: what an open form holds, written to
// the user's own data directory every few seconds, so that after a crash or
// a kill the next opening of the household can offer it back.
//
// One draft per (database and user, household): DraftKey::database names the
// server, database and role (DatabaseIdentity, never the password), and a
// household id or, for a form of a household not yet saved, the user's one
// "new household" slot. A draft holds the household as the form had it and
// the version it was edited from, so a restored draft whose household was
// saved by someone else meanwhile still goes through the conflict view.
//
// Where: the directory the store is given. The workstation gives it
// DefaultDraftDirectory() (gui/registry/draft_directory.h), i.e. the
// directory the DOUDI_DRAFT_DIR environment variable names when set (the
// drafts' own directory, made owner-only like the default; the GUI tests
// point it at a temporary one), else the user data directory wx gives +
// "drafts" ("~/.doudi/drafts" on Linux, "%APPDATA%\doudi\drafts" on Windows).
//
// The drafts hold personal data (ID numbers, bank accounts), so only the
// user may read them: the directory is 0700 and each file 0600 on POSIX.
//
// The file is text, UTF-8, one "key=value" per line (backslash escapes for
// backslash, newline and carriage return in values), starting with a format
// version line; see draft_store.cpp. A file of another version, a corrupted
// or truncated one, or one written for another key is not a draft:
// Load returns nullopt, never throws.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "doudi/model/household.h"

namespace doudi::workstation {

struct DraftKey {
  std::string database;                     // DatabaseIdentity(...): server, database and role
  std::optional<std::int64_t> householdId;  // nullopt: the user's new-household slot

  friend bool operator==(const DraftKey&, const DraftKey&) = default;
};

struct Draft {
  model::Household base;    // as loaded (or last saved) when the edit began: what it changes
  model::Household edited;  // as the form held it
  std::chrono::system_clock::time_point writtenAt;
};

// Names the database a draft belongs to: the host (or socket directory),
// hostaddr and port of connectionString (a libpq "key=value" string or a
// postgresql:// URI; passwords and other keys are left out), the database's
// name and the role. Empty host or port: libpq's defaults.
std::string DatabaseIdentity(std::string_view connectionString, std::string_view database, std::string_view role);

// The text of a draft file, and back. ParseDraft returns nullopt for text
// that is not a complete draft of this format version for key.
std::string SerializeDraft(const DraftKey& key, const Draft& draft);
std::optional<Draft> ParseDraft(std::string_view text, const DraftKey& key);

class DraftStore {
 public:
  // The format version written in the first line; a file of another version
  // is ignored (and replaced at the next write).
  static constexpr int kFormatVersion = 1;

  // directory need not exist yet; Save creates it.
  explicit DraftStore(std::filesystem::path directory);

  const std::filesystem::path& Directory() const { return m_directory; }
  // The file that holds key's draft (whether or not it exists).
  std::filesystem::path PathOf(const DraftKey& key) const;

  // Writes the draft of key atomically (a temporary file renamed over the
  // old one, so a kill mid-write leaves the previous draft whole), stamped
  // with the current time; creates the directory. Throws std::exception
  // (std::filesystem::filesystem_error, std::runtime_error) when it cannot.
  void Save(const DraftKey& key, const model::Household& base, const model::Household& edited);
  // The draft of key; nullopt when there is none or it cannot be read or
  // understood (never throws for a bad file).
  std::optional<Draft> Load(const DraftKey& key) const;
  // Removes key's draft; false when there was none or it could not be
  // removed. Never throws.
  bool Discard(const DraftKey& key) const;

 private:
  std::filesystem::path m_directory;
};

}  // namespace doudi::workstation
