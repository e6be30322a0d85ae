// The monthly payment roster at county scale: 10,000 lines paginate as the
// layout's own measurements say, every row is whole on one page, and every
// total read back from the PDF adds up.

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <map>
#include <regex>

#include "doudi/reports/layout.h"
#include "report_support.h"
#include "samples.h"

namespace doudi::reports {
namespace {

constexpr std::size_t kLines = 10000;

const Table& RosterTable(const Document& document) {
  for (const Block& block : document.blocks) {
    if (const auto* table = std::get_if<Table>(&block)) {
      return *table;
    }
  }
  throw std::logic_error("the roster has no table");
}

std::vector<const Piece*> PiecesOf(const Page& page, PieceKind kind) {
  std::vector<const Piece*> found;
  for (const Piece& piece : page.pieces) {
    if (piece.kind == kind) {
      found.push_back(&piece);
    }
  }
  return found;
}

// "1,234.56" → 123456 fen.
std::int64_t Fen(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ','), text.end());
  const auto dot = text.find('.');
  return std::stoll(text.substr(0, dot)) * 100 + std::stoll(text.substr(dot + 1));
}

struct RosterFixture {
  RosterFixture() : input(samples::Payment(kLines)), document(PaymentRoster(input)), paged(Layout(document)) {}
  PaymentRosterInput input;
  Document document;
  PagedDocument paged;
};

BOOST_AUTO_TEST_SUITE(payment_roster)

// Every roster row is one line, so all rows have one height and the number
// of rows a page holds follows from the page's free height alone.
BOOST_FIXTURE_TEST_CASE(page_count_is_what_the_measured_heights_imply, RosterFixture) {
  const Table& table = RosterTable(document);
  const auto& first = paged.pages.front();
  const Piece& header = *PiecesOf(first, PieceKind::TableHeader).front();
  const Piece& row = *PiecesOf(first, PieceKind::TableRow).front();
  const Piece& subtotal = *PiecesOf(first, PieceKind::PageSubtotal).front();
  for (const Page& page : paged.pages) {
    for (const Piece* piece : PiecesOf(page, PieceKind::TableRow)) {
      BOOST_REQUIRE_CLOSE(piece->height, row.height, 1e-9);
    }
  }
  const double bottom = paged.geometry.BodyBottom();
  const auto rowsFitting = [&](double top) {
    return static_cast<std::size_t>(std::floor((bottom - top - header.height - subtotal.height + 1e-6) / row.height));
  };
  const std::size_t firstPageRows = rowsFitting(header.y);
  const std::size_t laterPageRows = rowsFitting(paged.geometry.BodyTop());
  BOOST_REQUIRE_GT(firstPageRows, 10U);
  const std::size_t rows = table.rows.size();  // lines, village and township subtotals, the total
  BOOST_TEST(rows == kLines + 40 + 5 + 1);
  const std::size_t tablePages = 1 + (rows - firstPageRows + laterPageRows - 1) / laterPageRows;

  // The signature boxes follow on the last table page when they fit there.
  const Page& lastTablePage = paged.pages[tablePages - 1];
  const Piece& lastSubtotal = *PiecesOf(lastTablePage, PieceKind::PageSubtotal).back();
  const auto& signatures = PiecesOf(paged.pages.back(), PieceKind::Signatures);
  BOOST_REQUIRE_EQUAL(signatures.size(), 1U);
  const bool signaturesFit = lastSubtotal.y + lastSubtotal.height + 8 + signatures.front()->height <= bottom + 1e-6;
  BOOST_TEST(paged.PageCount() == static_cast<int>(tablePages + (signaturesFit ? 0 : 1)));

  for (std::size_t p = 0; p + 1 < tablePages; ++p) {
    BOOST_TEST(PiecesOf(paged.pages[p], PieceKind::TableRow).size() == (p == 0 ? firstPageRows : laterPageRows));
  }

  testing::ScratchDir dir;
  WritePdf(paged, dir / "roster.pdf");
  BOOST_TEST(testing::PdfPageCount(dir / "roster.pdf") == paged.PageCount());
}

BOOST_FIXTURE_TEST_CASE(no_piece_crosses_the_footer_and_headers_repeat, RosterFixture) {
  for (const Page& page : paged.pages) {
    for (const Piece& piece : page.pieces) {
      BOOST_TEST(piece.y + piece.height <= paged.geometry.BodyBottom() + 1e-6);
    }
    if (!PiecesOf(page, PieceKind::TableRow).empty()) {
      BOOST_TEST((page.pieces.front().kind != PieceKind::TableRow));
      BOOST_TEST(PiecesOf(page, PieceKind::TableHeader).size() == 1U);
    }
  }
}

// Read back from the PDF text: each line 序号 … amount is whole on one page,
// 1..10000 once each, each page's 本页小计 is its lines' sum, the subtotals
// and the 合计 are the sums of their lines.
BOOST_FIXTURE_TEST_CASE(totals_read_from_the_pdf_add_up, RosterFixture) {
  testing::ScratchDir dir;
  WritePdf(paged, dir / "roster.pdf");
  const auto pages = testing::PdfPages(dir / "roster.pdf");
  BOOST_REQUIRE_EQUAL(pages.size(), static_cast<std::size_t>(paged.PageCount()));

  // 序号, village, name, masked ID, masked account, size, program, amount.
  const std::regex line(R"(^\s*(\d+)\s+(\S+)\s+(\S+)\s+(\d{6}\*{8}\d{3}[\dX])\s+(\*{4}\d{4})\s+(\d)\s+(\S+)\s+([\d,]+\.\d\d)\s*$)");
  const std::regex pageTotal(R"(本页小计\s+([\d,]+\.\d\d))");
  const std::regex subtotal(R"((\S+)\s+小计\s+(\d+)户\s+(\d+)\s+([\d,]+\.\d\d))");
  const std::regex total(R"(合计\s+(\d+)户\s+(\d+)\s+([\d,]+\.\d\d))");

  std::vector<bool> seen(kLines + 1, false);
  std::map<std::string, std::int64_t> byVillage;
  std::int64_t all = 0;
  std::int64_t grandTotal = -1;
  std::size_t subtotalsChecked = 0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::int64_t pageSum = 0;
    std::int64_t printedPageSum = -1;
    for (const std::string& text : testing::Lines(pages[p])) {
      std::smatch m;
      if (std::regex_match(text, m, line)) {
        const auto index = std::stoul(m[1]);
        BOOST_REQUIRE(index >= 1 && index <= kLines);
        BOOST_TEST(!seen[index], "line " << index << " printed twice");
        seen[index] = true;
        pageSum += Fen(m[8]);
        byVillage[m[2]] += Fen(m[8]);
        all += Fen(m[8]);
      } else if (std::regex_search(text, m, pageTotal)) {
        printedPageSum = Fen(m[1]);
      } else if (std::regex_search(text, m, subtotal)) {
        if (byVillage.count(m[1]) != 0) {  // a village's; townships are checked through the grand total
          BOOST_TEST(Fen(m[4]) == byVillage[m[1]], m[1] << " 小计");
          ++subtotalsChecked;
        }
      } else if (std::regex_search(text, m, total)) {
        BOOST_TEST(std::stoul(m[1]) == kLines);
        grandTotal = Fen(m[3]);
      }
    }
    if (p + 1 < pages.size() || printedPageSum >= 0) {
      BOOST_TEST(printedPageSum == pageSum, "本页小计 of page " << p + 1);
    }
  }
  BOOST_TEST(std::count(seen.begin() + 1, seen.end(), true) == static_cast<long>(kLines), "some lines are missing or split");
  BOOST_TEST(subtotalsChecked == 40U);
  std::int64_t expected = 0;
  for (const PaymentLineInput& input_line : input.lines) {
    expected += input_line.amount.Fen();
  }
  BOOST_TEST(all == expected);
  BOOST_TEST(grandTotal == expected);
}

BOOST_AUTO_TEST_CASE(groups_are_whole_whatever_the_input_order) {
  PaymentRosterInput input = samples::Payment(40);
  std::reverse(input.lines.begin(), input.lines.end());
  const Document document = PaymentRoster(input);
  const Table& table = RosterTable(document);
  std::map<std::string, int> villageSubtotals;
  for (const Row& row : table.rows) {
    if (row.kind == RowKind::Subtotal) {
      ++villageSubtotals[row.cells[1].text];
    }
  }
  for (const auto& [label, count] : villageSubtotals) {
    BOOST_TEST(count == 1, label << " appears " << count << " times");
  }
  BOOST_TEST(villageSubtotals.size() == 40U + 5U);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace doudi::reports
