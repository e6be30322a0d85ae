#include "attachments/attachment_text.h"

#include <wx/intl.h>

#include "common/wx_text.h"
#include "doudi/model/attachment.h"

namespace doudi::gui {

wxString AttachmentKindLabel(const std::string& code) {
  const auto kind = model::ParseEnum<model::AttachmentKind>(code);
  if (!kind) return Wx(code);
  switch (*kind) {
    case model::AttachmentKind::Authorization:
      return _("Signed authorization for verification");
    case model::AttachmentKind::IdCardCopy:
      return _("ID card copy");
    case model::AttachmentKind::HouseholdRegister:
      return _("Household register");
    case model::AttachmentKind::IncomeProof:
      return _("Income proof");
    case model::AttachmentKind::DisabilityCertificate:
      return _("Disability certificate");
    case model::AttachmentKind::MedicalBills:
      return _("Medical bills");
    case model::AttachmentKind::SurveyFormSigned:
      return _("Signed survey form");
    case model::AttachmentKind::DecisionSigned:
      return _("Signed decision");
    case model::AttachmentKind::Photo:
      return _("Photo");
    case model::AttachmentKind::Other:
      return _("Other");
  }
  return Wx(code);
}

wxString AttachmentOwnerLabel(const std::string& code) {
  const auto owner = model::ParseEnum<model::AttachmentOwner>(code);
  if (!owner) return Wx(code);
  switch (*owner) {
    case model::AttachmentOwner::Household:
      return _("Household");
    case model::AttachmentOwner::Member:
      return _("Member");
    case model::AttachmentOwner::Case:
      return _("Case");
    case model::AttachmentOwner::Evidence:
      return _("Case evidence");
    case model::AttachmentOwner::Alert:
      return _("Alert");
    case model::AttachmentOwner::Referral:
      return _("Referral");
    case model::AttachmentOwner::Visit:
      return _("Visit");
  }
  return Wx(code);
}

wxString FileSizeText(std::int64_t bytes) {
  constexpr double kKilo = 1024.0;
  if (bytes < 1024 * 1024) return wxString::Format(_("%.0f KB"), static_cast<double>(bytes) / kKilo + 0.5);
  return wxString::Format(_("%.1f MB"), static_cast<double>(bytes) / (kKilo * kKilo));
}

wxString FileProblemText(const workstation::CheckedFile& file, std::int64_t maxBytes) {
  const wxString name = Wx(file.fileName.empty() ? std::string("?") : file.fileName);
  switch (file.problem) {
    case workstation::FileProblem::None:
      return {};
    case workstation::FileProblem::Unreadable:
      return wxString::Format(_("%s: the file cannot be read."), name);
    case workstation::FileProblem::Empty:
      return wxString::Format(_("%s: the file is empty."), name);
    case workstation::FileProblem::TooLarge:
      return wxString::Format(_("%s: %s is over the limit of %s."), name, FileSizeText(file.size),
                              FileSizeText(maxBytes));
    case workstation::FileProblem::NotPdfJpegPng:
      return wxString::Format(_("%s: not a PDF, JPEG or PNG file (whatever its name says)."), name);
  }
  return {};
}

}  // namespace doudi::gui
