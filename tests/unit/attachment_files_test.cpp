// The files a desk attaches, before anything is sent: the type by content
// whatever the name says, the size limit, and the
// scan folder's inbox offering a document camera's file only once settled.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "doudi/model/attachment.h"
#include "doudi/workstation/attachment_files.h"
#include "temporary_directory.h"

namespace doudi::workstation {
namespace {

using namespace std::chrono_literals;

std::filesystem::path Write(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

const std::string kPdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(60, 'j');
const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(60, 'p');

BOOST_AUTO_TEST_CASE(type_is_told_by_content_not_by_name) {
  test::TemporaryDirectory dir("doudi-attach");
  const auto pdfNamedJpg = CheckAttachmentFile(Write(dir.path, "授权书.jpg", kPdf), 5'000'000);
  BOOST_TEST((pdfNamedJpg.problem == FileProblem::None));
  BOOST_TEST((pdfNamedJpg.type == model::AttachmentType::Pdf));
  BOOST_TEST(pdfNamedJpg.fileName == "授权书.jpg");
  BOOST_TEST(pdfNamedJpg.content.size() == kPdf.size());

  BOOST_TEST((CheckAttachmentFile(Write(dir.path, "a.pdf", kJpeg), 5'000'000).type == model::AttachmentType::Jpeg));
  BOOST_TEST((CheckAttachmentFile(Write(dir.path, "b", kPng), 5'000'000).type == model::AttachmentType::Png));

  const auto text = CheckAttachmentFile(Write(dir.path, "收入证明.pdf", "not a pdf at all"), 5'000'000);
  BOOST_TEST((text.problem == FileProblem::NotPdfJpegPng));
  BOOST_TEST(text.content.empty());
}

BOOST_AUTO_TEST_CASE(empty_missing_and_too_large_files_are_named) {
  test::TemporaryDirectory dir("doudi-attach");
  BOOST_TEST((CheckAttachmentFile(Write(dir.path, "empty.pdf", ""), 100).problem == FileProblem::Empty));
  BOOST_TEST((CheckAttachmentFile(dir.path / "none.pdf", 100).problem == FileProblem::Unreadable));
  BOOST_TEST((CheckAttachmentFile(dir.path, 100).problem == FileProblem::Unreadable));  // a folder
  const auto big = CheckAttachmentFile(Write(dir.path, "big.pdf", kPdf), static_cast<std::int64_t>(kPdf.size()) - 1);
  BOOST_TEST((big.problem == FileProblem::TooLarge));
  BOOST_TEST(big.size == static_cast<std::int64_t>(kPdf.size()));
  BOOST_TEST(
      (CheckAttachmentFile(dir.path / "big.pdf", static_cast<std::int64_t>(kPdf.size())).problem == FileProblem::None));
}

BOOST_AUTO_TEST_CASE(the_kind_offered_first) {
  BOOST_TEST((SuggestedKind(model::AttachmentType::Jpeg, false) == model::AttachmentKind::Photo));
  BOOST_TEST((SuggestedKind(model::AttachmentType::Pdf, false) == model::AttachmentKind::Other));
  BOOST_TEST((SuggestedKind(model::AttachmentType::Pdf, true) == model::AttachmentKind::Authorization));
  CheckedFile file;
  file.fileName = "x.pdf";
  file.content = {'%', 'P', 'D', 'F', '-'};
  const auto request = ToNewAttachment(file, {"household", 7}, model::AttachmentKind::IncomeProof, "五月");
  BOOST_TEST(request.kind == "income_proof");
  BOOST_TEST(request.owner.kind == "household");
  BOOST_TEST(request.owner.id == 7);
  BOOST_TEST(request.content.size() == 5U);
  BOOST_TEST(!request.replaces.has_value());
}

BOOST_AUTO_TEST_CASE(each_file_of_a_batch_has_its_own_stable_request_id) {
  const std::string batch = "6f1c2a9e-4b7d-4e21-9c3a-0d5e8f7a1b2c";
  BOOST_TEST(NthRequestId(batch, 0) == "6f1c2a9e-4b7d-4e21-9c3a-0d5e8f7a0000");
  BOOST_TEST(NthRequestId(batch, 0x1f) == "6f1c2a9e-4b7d-4e21-9c3a-0d5e8f7a001f");
  BOOST_TEST(NthRequestId(batch, 3) == NthRequestId(batch, 3));
  BOOST_CHECK_THROW(NthRequestId(batch, 0x10000), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_scan_is_offered_once_its_size_holds_still) {
  ScanInbox inbox(1s);
  const ScanInbox::Clock::time_point t0{};
  inbox.Seen("/scan/a.jpg", 100, t0);
  inbox.Seen("/scan/a.jpg", 5000, t0 + 800ms);  // still being written
  BOOST_TEST(inbox.Ready(t0 + 1200ms).empty());
  inbox.Seen("/scan/b.pdf", 300, t0 + 900ms);
  const auto first = inbox.Ready(t0 + 1900ms);
  BOOST_REQUIRE(first.size() == 2U);
  BOOST_TEST(first[0] == std::filesystem::path("/scan/a.jpg"));  // in the order first seen
  BOOST_TEST(first[1] == std::filesystem::path("/scan/b.pdf"));
  BOOST_TEST(inbox.Ready(t0 + 5s).empty());  // offered once
  inbox.Seen("/scan/a.jpg", 5000, t0 + 6s);  // touched, not changed
  BOOST_TEST(inbox.Ready(t0 + 8s).empty());
  inbox.Seen("/scan/a.jpg", 6000, t0 + 9s);  // rescanned over the same name
  BOOST_TEST(inbox.Ready(t0 + 11s).size() == 1U);
}

BOOST_AUTO_TEST_CASE(temporary_and_vanished_files_are_never_offered) {
  ScanInbox inbox(1s);
  const ScanInbox::Clock::time_point t0{};
  for (const char* name : {"/scan/.hidden.jpg", "/scan/~lock.pdf", "/scan/page.TMP", "/scan/x.part"}) {
    BOOST_TEST(ScanInbox::IsTemporaryName(name));
    inbox.Seen(name, 10, t0);
  }
  inbox.Seen("/scan/gone.jpg", 10, t0);
  inbox.Gone("/scan/gone.jpg");
  inbox.Seen("/scan/empty.jpg", 0, t0);  // created, nothing written yet
  BOOST_TEST(inbox.Ready(t0 + 10s).empty());
  BOOST_TEST(inbox.Waiting() == 1U);
}

}  // namespace
}  // namespace doudi::workstation
