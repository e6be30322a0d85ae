#include "doudi/workstation/attachment_files.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

#include "utf8_path.h"

namespace doudi::workstation {

CheckedFile CheckAttachmentFile(const std::filesystem::path& path, std::int64_t maxBytes) {
  CheckedFile file;
  file.path = path;
  file.fileName = std::string(model::AttachmentBaseName(admin::PathToUtf8(path.filename())));
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error || !std::filesystem::is_regular_file(path, error)) {
    file.problem = FileProblem::Unreadable;
    return file;
  }
  file.size = static_cast<std::int64_t>(size);
  if (file.size == 0) {
    file.problem = FileProblem::Empty;
    return file;
  }
  if (file.size > maxBytes) {
    file.problem = FileProblem::TooLarge;
    return file;
  }
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> content(static_cast<std::size_t>(file.size));
  if (!in.read(reinterpret_cast<char*>(content.data()), static_cast<std::streamsize>(content.size()))) {
    file.problem = FileProblem::Unreadable;
    return file;
  }
  file.type = model::SniffAttachmentType(content);
  if (!file.type) {
    file.problem = FileProblem::NotPdfJpegPng;
    return file;
  }
  file.content = std::move(content);
  return file;
}

model::AttachmentKind SuggestedKind(model::AttachmentType type, bool authorizationMissing) {
  if (authorizationMissing) return model::AttachmentKind::Authorization;
  return type == model::AttachmentType::Pdf ? model::AttachmentKind::Other : model::AttachmentKind::Photo;
}

dal::NewAttachment ToNewAttachment(CheckedFile file, const dal::AttachmentOwnerRef& owner, model::AttachmentKind kind,
                                   std::string note, std::optional<std::int64_t> replaces) {
  dal::NewAttachment out;
  out.owner = owner;
  out.kind = std::string(model::ToCode(kind));
  out.fileName = std::move(file.fileName);
  out.content = std::move(file.content);
  out.note = std::move(note);
  out.replaces = replaces;
  return out;
}

std::string NthRequestId(const std::string& batchRequestId, std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = batchRequestId;
  if (id.size() < 4 || n > 0xFFFF) throw std::invalid_argument("NthRequestId: a uuid and n < 65536");
  for (std::size_t i = 0; i < 4; ++i) id[id.size() - 1 - i] = kHex[(n >> (4 * i)) & 0xFU];
  return id;
}

bool ScanInbox::IsTemporaryName(const std::filesystem::path& path) {
  const std::string name = admin::PathToUtf8(path.filename());
  if (name.empty() || name.front() == '.' || name.front() == '~') return true;
  const auto endsWith = [&name](std::string_view tail) {
    if (name.size() < tail.size()) return false;
    return std::equal(tail.rbegin(), tail.rend(), name.rbegin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  return endsWith(".tmp") || endsWith(".part") || endsWith(".crdownload");
}

void ScanInbox::Seen(const std::filesystem::path& path, std::int64_t size, Clock::time_point now) {
  if (IsTemporaryName(path)) return;
  const auto offered = m_offered.find(path);
  if (offered != m_offered.end() && offered->second == size) return;  // touched, not changed
  auto [it, inserted] = m_waiting.try_emplace(path);
  if (inserted) it->second.order = m_next++;
  if (inserted || it->second.size != size) {
    it->second.size = size;
    it->second.changed = now;
  }
}

void ScanInbox::Gone(const std::filesystem::path& path) {
  m_waiting.erase(path);
  m_offered.erase(path);
}

std::vector<std::filesystem::path> ScanInbox::Ready(Clock::time_point now) {
  std::vector<std::pair<std::uint64_t, std::filesystem::path>> ready;
  for (auto it = m_waiting.begin(); it != m_waiting.end();) {
    if (it->second.size > 0 && now - it->second.changed >= m_settle) {
      ready.emplace_back(it->second.order, it->first);
      m_offered[it->first] = it->second.size;
      it = m_waiting.erase(it);
    } else {
      ++it;
    }
  }
  std::sort(ready.begin(), ready.end());
  std::vector<std::filesystem::path> paths;
  paths.reserve(ready.size());
  for (auto& entry : ready) paths.push_back(std::move(entry.second));
  return paths;
}

}  // namespace doudi::workstation
