#pragma once
// What the workstation decides about files before they are attached
// (docs/attachments.md), without a window: a picked, dropped or scanned
// file read and checked — its type by content (PDF, JPEG, PNG; never by the
// name), its size against the limit in force — so the desk hears what is
// wrong before anything is sent (the database checks both again); the kind
// a file most likely is; and the scan folder's inbox, which offers a file
// the document camera (高拍仪) saved only once its size has stopped changing.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "doudi/dal/attachment_repository.h"
#include "doudi/model/attachment.h"

namespace doudi::workstation {

// Why a file cannot be attached.
enum class FileProblem { None, Unreadable, Empty, TooLarge, NotPdfJpegPng };

struct CheckedFile {
  std::filesystem::path path;
  std::string fileName;  // UTF-8, the last component (model::AttachmentBaseName)
  std::int64_t size = 0;
  FileProblem problem = FileProblem::None;
  std::optional<model::AttachmentType> type;
  std::vector<unsigned char> content;  // read when no problem
};

// Reads path and checks it against maxBytes; never throws for a bad file.
CheckedFile CheckAttachmentFile(const std::filesystem::path& path, std::int64_t maxBytes);

// The kind offered first for a file of this type: a photo for an image, a
// signed authorization where the owner's rules still want one, else other.
model::AttachmentKind SuggestedKind(model::AttachmentType type, bool authorizationMissing);

// The request to store file for owner (the caller adds the request id).
dal::NewAttachment ToNewAttachment(CheckedFile file, const dal::AttachmentOwnerRef& owner, model::AttachmentKind kind,
                                   std::string note, std::optional<std::int64_t> replaces = std::nullopt);

// The request id of the n-th file (n < 65536) of a batch sent under one
// request id: its last four hex digits replaced by n, so a resent batch
// resends each file under the id it had, and two batches never share one.
std::string NthRequestId(const std::string& batchRequestId, std::size_t n);

// The document camera's folder as the desk sees it: files that appeared or
// grew, offered (Ready) only after their size held still for settle, so a
// scan still being written is never attached half; temporary files (names
// beginning with . or ~, ending in .tmp or .part) are never offered. The
// caller feeds it what a folder watch reports and asks on a timer.
class ScanInbox {
 public:
  using Clock = std::chrono::steady_clock;
  explicit ScanInbox(Clock::duration settle = std::chrono::milliseconds(1500)) : m_settle(settle) {}

  // A file was created or changed (size now, as read by the caller).
  void Seen(const std::filesystem::path& path, std::int64_t size, Clock::time_point now);
  // A file was removed or renamed away.
  void Gone(const std::filesystem::path& path);
  // Files that settled since the last call, each offered once (until it
  // changes again), in the order they were first seen.
  std::vector<std::filesystem::path> Ready(Clock::time_point now);
  // Files seen and not yet offered.
  std::size_t Waiting() const { return m_waiting.size(); }

  static bool IsTemporaryName(const std::filesystem::path& path);

 private:
  struct Entry {
    std::int64_t size = -1;
    Clock::time_point changed;
    std::uint64_t order = 0;
  };
  Clock::duration m_settle;
  std::map<std::filesystem::path, Entry> m_waiting;
  std::map<std::filesystem::path, std::int64_t> m_offered;  // size when offered
  std::uint64_t m_next = 0;
};

}  // namespace doudi::workstation
