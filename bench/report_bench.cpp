// doudi-bench-reports: the documents' benchmark (issue 6, docs/benchmarks.md).
// The approval form as PDF 100 times (goal ≤ 50 ms each), the 10,000-line
// payment roster as XLSX (goal ≤ 2 s) and as PDF (goal ≤ 5 s), with the
// process's peak resident memory after each. The phases run in order of the
// memory they need, so each peak figure is that phase's own high-water mark.
// Usage: doudi-bench-reports [OUTDIR]  (files go to a temp directory by default)

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "doudi/reports/layout.h"
#include "doudi/reports/xlsx.h"
#include "samples.h"

namespace {

using Clock = std::chrono::steady_clock;

double MillisecondsOf(const std::function<void()>& work) {
  const auto start = Clock::now();
  work();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Peak resident set size of this process so far, in MiB (Linux reports KiB).
double PeakMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void PrintRow(const char* what, const std::string& figure, const char* goal, bool met, double peak) {
  std::printf("| %-34s | %14s | %9s | %-4s | %8.1f |\n", what, figure.c_str(), goal, met ? "met" : "MISS", peak);
}

std::string Format(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  namespace reports = doudi::reports;
  const std::filesystem::path out =
      argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::temp_directory_path() / "doudi-report-bench";
  std::filesystem::create_directories(out);
  std::printf("| %-34s | %14s | %9s | %-4s | %8s |\n", "what", "time", "goal", "", "peak MiB");
  std::printf("|%s|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(16, '-').c_str(),
              std::string(11, '-').c_str(), std::string(6, '-').c_str(), std::string(10, '-').c_str());

  // Each form is built from its input, laid out and written, as a batch print would.
  const reports::ApprovalFormInput approval = reports::samples::Approval();
  std::vector<double> each;
  for (int i = 0; i < 100; ++i) {
    each.push_back(MillisecondsOf(
        [&] { reports::WritePdf(reports::ApprovalForm(approval), out / ("approval-" + std::to_string(i % 10) + ".pdf")); }));
  }
  std::sort(each.begin(), each.end());
  double sum = 0;
  for (const double ms : each) {
    sum += ms;
  }
  const double mean = sum / static_cast<double>(each.size());
  PrintRow("approval form PDF, mean of 100", Format("%.1f ms", mean), "50 ms", mean <= 50, PeakMiB());
  PrintRow("approval form PDF, p95 / first", Format("%.1f ms", each[94]) + Format(" / %.0f", each.back()), "", true,
           PeakMiB());

  const reports::PaymentRosterInput roster = reports::samples::Payment(10000);
  const double xlsx = MillisecondsOf([&] { reports::WriteXlsx(reports::PaymentRoster(roster), out / "roster.xlsx"); });
  PrintRow("10,000-line roster XLSX", Format("%.0f ms", xlsx), "2000 ms", xlsx <= 2000, PeakMiB());

  int pages = 0;
  const double pdf = MillisecondsOf([&] {
    const reports::PagedDocument paged = reports::Layout(reports::PaymentRoster(roster));
    pages = paged.PageCount();
    reports::WritePdf(paged, out / "roster.pdf");
  });
  PrintRow("10,000-line roster PDF", Format("%.0f ms", pdf) + Format(" %.0fp", pages), "5000 ms", pdf <= 5000,
           PeakMiB());
  std::printf("files in %s\n", out.string().c_str());
  return 0;
}
