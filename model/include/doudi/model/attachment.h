#pragma once
// Attachments (docs/attachments.md): scanned and photographed files — the
// signed 核对授权书, certificates, bills, home-visit photos — kept with what
// they belong to. The codes doudi.attachment stores (a db test ties them to
// the CHECK constraints), the words the desk reads, and the file type told by
// the content, never by the name.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "doudi/model/domain_enum.h"

namespace doudi::model {

// What a file is.
enum class AttachmentKind {
  Authorization,
  IdCardCopy,
  HouseholdRegister,
  IncomeProof,
  DisabilityCertificate,
  MedicalBills,
  SurveyFormSigned,
  DecisionSigned,
  Photo,
  Other,
};

template <>
struct EnumTraits<AttachmentKind> {
  static constexpr std::array<EnumText<AttachmentKind>, 10> kTexts{{
      {AttachmentKind::Authorization, "authorization", "核对授权书"},
      {AttachmentKind::IdCardCopy, "id_card_copy", "身份证复印件"},
      {AttachmentKind::HouseholdRegister, "household_register", "户口簿"},
      {AttachmentKind::IncomeProof, "income_proof", "收入证明"},
      {AttachmentKind::DisabilityCertificate, "disability_certificate", "残疾证"},
      {AttachmentKind::MedicalBills, "medical_bills", "医疗票据"},
      {AttachmentKind::SurveyFormSigned, "survey_form_signed", "签字的入户调查表"},
      {AttachmentKind::DecisionSigned, "decision_signed", "签字的决定书"},
      {AttachmentKind::Photo, "photo", "照片"},
      {AttachmentKind::Other, "other", "其他"},
  }};
};

// What a file is attached to. `evidence` is a case step's evidence row (the
// verification report, the appraisal record): a step's requirement is met
// only by evidence that has a file.
enum class AttachmentOwner { Household, Member, Case, Evidence, Alert, Referral, Visit };

template <>
struct EnumTraits<AttachmentOwner> {
  static constexpr std::array<EnumText<AttachmentOwner>, 7> kTexts{{
      {AttachmentOwner::Household, "household", "家庭"},
      {AttachmentOwner::Member, "member", "成员"},
      {AttachmentOwner::Case, "case", "案件"},
      {AttachmentOwner::Evidence, "evidence", "办理材料"},
      {AttachmentOwner::Alert, "alert", "预警"},
      {AttachmentOwner::Referral, "referral", "转办"},
      {AttachmentOwner::Visit, "visit", "走访"},
  }};
};

// The file types kept, told by their first bytes.
enum class AttachmentType { Pdf, Jpeg, Png };

template <>
struct EnumTraits<AttachmentType> {
  static constexpr std::array<EnumText<AttachmentType>, 3> kTexts{{
      {AttachmentType::Pdf, "application/pdf", "PDF"},
      {AttachmentType::Jpeg, "image/jpeg", "JPEG"},
      {AttachmentType::Png, "image/png", "PNG"},
  }};
};

// The type the content's first bytes say (%PDF-, FF D8 FF, the PNG
// signature); nullopt for anything else, whatever the file's name says.
std::optional<AttachmentType> SniffAttachmentType(std::span<const unsigned char> content);

// A file name kept with an attachment: its last path component (after the
// last / or \\), without the characters the database refuses in text
// (control and invisible characters, bytes that are not UTF-8: CheckStorableText),
// without surrounding spaces, at most 255 bytes of UTF-8 (cut at a character
// boundary); "" when nothing is left.
std::string AttachmentBaseName(std::string_view path);

}  // namespace doudi::model
