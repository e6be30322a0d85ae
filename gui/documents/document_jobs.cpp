#include "documents/document_jobs.h"

#include <wx/intl.h>
#include <wx/log.h>

#include <map>
#include <memory>
#include <optional>

#include "app/session.h"
#include "common/database_worker.h"
#include "common/wx_text.h"
#include "documents/document_preview.h"
#include "doudi/dal/connection_profile.h"
#include "doudi/dal/pg/report_reader.h"
#include "doudi/reports/referral_documents.h"

namespace doudi::gui {
namespace {

using Reason = reports::DocumentUnavailable::Reason;

// A laid-out document, or why there is none.
struct Built {
  std::optional<reports::PagedDocument> paged;
  Reason reason = Reason::Empty;
  std::string detail;     // the library's English words, for the log line
  std::string routeNote;  // a roster read from the primary instead of the report standby: why
};

reports::Document Make(reports::DocumentSources& sources, const DocumentRequest& r, std::chrono::year_month_day today) {
  switch (r.of) {
    case DocumentRequest::Of::Case:
      return reports::CaseDocument(sources, r.kind, r.id, today);
    case DocumentRequest::Of::Household:
      return reports::HouseholdFileDocument(sources, r.id, today);
    case DocumentRequest::Of::Referral:
      break;  // read from the referrals (OpenDocument)
    case DocumentRequest::Of::Roster:
      switch (r.roster) {
        case RosterKind::Payment:
          return reports::PaymentRosterDocument(sources, r.region, r.month, today);
        case RosterKind::Notice:
          return reports::NoticeRosterDocument(sources, r.region, r.month, today);
        case RosterKind::Statistics:
          return reports::StatisticsDocument(sources, r.region, r.month, today);
      }
  }
  throw std::invalid_argument("unknown document request");
}

wxString ReasonText(Reason reason, const DocumentRequest& r) {
  const wxString month =
      wxString::Format(wxS("%d-%02u"), static_cast<int>(r.month.year()), static_cast<unsigned>(r.month.month()));
  switch (reason) {
    case Reason::NotVisible:
      return _("This case or household cannot be found (or is outside your scope).");
    case Reason::NotDecided:
      return _("The case is not decided yet.");
    case Reason::OtherOutcome:
      return _("The case was decided the other way: this document does not apply.");
    case Reason::NoSurvey:
      return _("No home survey is recorded for this case yet.");
    case Reason::NoBenefit:
      return _("The case has no decided benefit.");
    case Reason::OutOfScope:
      return _("The region is not in your scope.");
    case Reason::Empty:
      return r.roster != RosterKind::Notice
                 ? wxString::Format(_("There are no payment lines for %s in this region (finance writes them "
                                      "with \"payments generate\")."),
                                    month)
                 : wxString::Format(_("No public notice runs in this region in %s."), month);
    case Reason::NoParameter:
      return _(
          "A program parameter the document prints (issuing office or objection periods) is missing: ask the "
          "center's administrator.");
  }
  return {};
}

// The report reader of the worker thread a roster is built on, kept while
// the thread lives: the standby's session is reused from roster to roster,
// and a standby found down is not tried again for a minute (ReportReader),
// so a desk without its standby does not wait out a connect timeout per
// roster. A reader is one thread's, like the connection beside it.
dal::pg::ReportReader& KeptReportReader(const std::string& report) {
  const std::string conninfo = report.empty() ? report : dal::WithNetworkTimeouts(report);
  thread_local std::unique_ptr<dal::pg::ReportReader> kept;
  if (!kept || kept->ConnectionString() != conninfo) kept = std::make_unique<dal::pg::ReportReader>(conninfo);
  return *kept;
}

}  // namespace

wxString DocumentKindLabel(reports::CaseDocumentKind kind) {
  switch (kind) {
    case reports::CaseDocumentKind::ApprovalForm:
      return _("Approval form");
    case reports::CaseDocumentKind::SurveyForm:
      return _("Home survey form");
    case reports::CaseDocumentKind::HouseholdFile:
      return _("Household file");
    case reports::CaseDocumentKind::Decision:
      return _("Decision");
    case reports::CaseDocumentKind::Refusal:
      return _("Refusal notice");
  }
  return {};
}

wxString RosterKindLabel(RosterKind kind) {
  switch (kind) {
    case RosterKind::Payment:
      return _("Payment roster");
    case RosterKind::Notice:
      return _("Public-notice roster");
    case RosterKind::Statistics:
      return _("Statistics summary");
  }
  return {};
}

void OpenDocument(wxWindow* owner, wxWindow* previewParent, DatabaseWorker& worker, const Session& session,
                  const DocumentRequest& request, std::function<void(DocumentPreview*)> opened,
                  std::function<void(const wxString&)> failed) {
  std::map<std::string, std::string> names;
  for (const auto& region : session.regions) names[region.code] = region.name;
  const auto today = Today();
  worker.Run<Built>(
      owner,
      [request, names = std::move(names), today, report = session.reportConnectionString](dal::pg::PgDatabase& db) {
        reports::DocumentSources sources{db.Cases(), db.Registry(), db.Parameters(), names, &db.Attachments()};
        try {
          if (request.of == DocumentRequest::Of::Roster) {
            // Rosters and statistics read the report standby when it is fit
            // (a case's documents follow its latest save: the primary).
            std::optional<reports::Document> document;
            const auto route = KeptReportReader(report).Run(db, [&](dal::pg::PgDatabase& source) {
              reports::DocumentSources from{source.Cases(), source.Registry(), source.Parameters(), names,
                                            &source.Attachments()};
              document = Make(from, request, today);
            });
            return Built{reports::Layout(*document), {}, {}, dal::ReportRouteText(route)};
          }
          if (request.of == DocumentRequest::Of::Referral) {
            return Built{reports::Layout(reports::ReferralSlipDocument(db.Referrals(), db.Parameters(),
                                                                       sources.regionNames, request.id)),
                         {},
                         {},
                         {}};
          }
          return Built{reports::Layout(Make(sources, request, today)), {}, {}, {}};
        } catch (const reports::DocumentUnavailable& e) {
          return Built{std::nullopt, e.GetReason(), e.what(), {}};
        }
      },
      [previewParent, request, opened = std::move(opened), failed](Built built) {
        if (!built.paged) {
          wxLogDebug("no document: %s", Wx(built.detail));
          failed(ReasonText(built.reason, request));
          return;
        }
        auto* preview =
            new DocumentPreview(previewParent, std::move(*built.paged), request.of == DocumentRequest::Of::Roster);
        if (!built.routeNote.empty()) preview->ShowNote(Wx(built.routeNote));
        preview->Show();
        opened(preview);
      },
      [failed](const JobFailure& failure) { failed(failure.message); });
}

}  // namespace doudi::gui
