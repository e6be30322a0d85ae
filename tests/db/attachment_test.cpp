// Attachments (migration 0011, docs/attachments.md) with raw SQL as each role
// and through the data layer: the type told by the content, the size limit
// of the dated parameter, who reads the records and the bytes, versions,
// withdrawal, rows that never change, a resent request, the audit, and the
// case steps that count only evidence with a file and the signed
// authorization.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "case_fixture.h"
#include "doudi/dal/errors.h"
#include "doudi/dal/registry_repository.h"

namespace doudi {
namespace {

using test::kDenied;
using test::kNotAllowed;
using test::Session;

constexpr const char* kNotFound = "P0002";

std::vector<unsigned char> Bytes(const std::string& hex) {
  std::vector<unsigned char> out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<unsigned char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

struct Files : test::DemoRegistry {
  std::string clerk = server.CreateUser("clerk", "village_clerk", "331022001201");
  std::string otherClerk = server.CreateUser("clerk_b", "village_clerk", "331022001003");
  std::string reviewer = server.CreateUser("reviewer", "township_reviewer", "331022001");
  std::string admin = server.CreateUser("admin", "center_admin", "331022");
  std::string auditor = server.CreateUser("auditor", "auditor", "331022");
  std::string finance = server.CreateUser("finance", "finance_officer", "331022");
  std::string medical = server.CreateUser("l_med", "department_liaison", "331022", "medical_insurance");
  std::string jobs = server.CreateUser("l_hr", "department_liaison", "331022", "human_resources");
  std::string pdf = test::DemoFileHex("verification_report.pdf");
  std::string png = test::DemoFileHex("photo.png");

  // attachment_add as a role: the outcome (its first column is the id).
  test::SqlOutcome Add(const Session& as, const std::string& ownerKind, const std::string& ownerId,
                       const std::string& hex, const std::string& name = "scan.pdf", const std::string& kind = "other",
                       const std::string& replaces = "", const std::string& request = dal::NewRequestId()) const {
    return as.Try("SELECT doudi.attachment_add($1, $2::bigint, $3, $4, decode($5, 'hex'), '', NULLIF($6, '')::bigint, "
                  "$7::uuid)",
                  {ownerKind, ownerId, kind, name, hex, replaces, request});
  }
  std::string AddId(const Session& as, const std::string& ownerKind, const std::string& ownerId,
                    const std::string& hex, const std::string& name = "scan.pdf", const std::string& kind = "other",
                    const std::string& replaces = "") const {
    return as.Scalar("SELECT doudi.attachment_add($1, $2::bigint, $3, $4, decode($5, 'hex'), '', "
                     "NULLIF($6, '')::bigint, gen_random_uuid())",
                     {ownerKind, ownerId, kind, name, hex, replaces});
  }
  // The bytes a role reads, as hex; "" for NULL.
  std::string Content(const Session& as, const std::string& id) const {
    return as.Scalar("SELECT encode(doudi.attachment_content($1::bigint), 'hex')", {id});
  }
  std::int64_t Listed(const Session& as, const std::string& id) const {
    return as.Count("SELECT count(*) FROM doudi.attachment WHERE id = $1::bigint", {id});
  }
  std::string Withdraw(const Session& as, const std::string& id, const std::string& reason,
                       const std::string& request = dal::NewRequestId()) const {
    const auto o = as.Try("SELECT doudi.attachment_withdraw($1::bigint, $2, $3::uuid)", {id, reason, request});
    return o.Ok() ? "" : o.message;
  }
};

BOOST_AUTO_TEST_SUITE(attachment)

BOOST_FIXTURE_TEST_CASE(the_type_is_told_by_the_content_and_the_bytes_come_back_whole, Files) {
  const Session c = server.AsUser(clerk);
  const std::string household = Household("SM-0001");
  // A PDF named .jpg is kept as a PDF; a PNG as a PNG.
  const std::string pdfId = AddId(c, "household", household, pdf, "收入证明.jpg", "income_proof");
  BOOST_TEST(server.Scalar("SELECT media_type || '|' || file_name || '|' || byte_size || '|' || version || '|' || "
                           "region_code || '|' || household_id FROM doudi.attachment WHERE id = " + pdfId) ==
             "application/pdf|收入证明.jpg|" + std::to_string(pdf.size() / 2) + "|1|331022001201|" + household);
  const std::string pngId = AddId(c, "household", household, png, "photo.pdf", "photo");
  BOOST_TEST(server.Scalar("SELECT media_type FROM doudi.attachment WHERE id = " + pngId) == "image/png");
  BOOST_TEST(Content(c, pdfId) == pdf);
  BOOST_TEST(Content(c, pngId) == png);
  // The record's SHA-256 is the content's.
  BOOST_TEST(server.Scalar("SELECT a.sha256 = sha256(c.content) FROM doudi.attachment AS a "
                           "JOIN doudi.attachment_content AS c ON c.attachment_id = a.id WHERE a.id = " + pdfId) == "t");
  // Text, an empty file, a PDF signature not at the start: refused by name, nothing stored.
  for (const std::string& hex : std::vector<std::string>{"68656c6c6f0a", "", "20" + pdf}) {
    const auto o = Add(c, "household", household, hex, "授权书.pdf");
    BOOST_TEST(o.sqlState == kNotAllowed);
    BOOST_TEST(o.message == "doudi:attachment.type_unknown");
    BOOST_TEST(o.detail.find("授权书.pdf") != std::string::npos, o.detail);
  }
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.attachment") == 2);
  // Names and kinds the table would refuse are refused by field.
  BOOST_TEST(Add(c, "household", household, pdf, "a/b.pdf").detail == R"({"field" : "file_name"})");
  BOOST_TEST(Add(c, "household", household, pdf, "a\tb.pdf").detail == R"({"field" : "file_name"})");
  BOOST_TEST(Add(c, "household", household, pdf, "").detail == R"({"field" : "file_name"})");
  BOOST_TEST(Add(c, "household", household, pdf, std::string(256, 'x')).detail == R"({"field" : "file_name"})");
  BOOST_TEST(Add(c, "household", household, pdf, "a.pdf", "selfie").detail == R"({"field" : "kind"})");
  BOOST_TEST(Add(c, "parcel", household, pdf).detail == R"({"field" : "owner_kind"})");

  // Through the data layer: the same rules, the bytes as they were.
  dal::pg::PgDatabase clerkDb(server.ConnectionStringFor(clerk));
  auto& files = clerkDb.Attachments();
  BOOST_TEST(files.MaxBytes() == 5242880);
  const dal::AttachmentOwnerRef owner{"household", std::stoll(household)};
  const auto bytes = Bytes(png);
  const auto id = files.Add(dal::NewAttachment{owner, "photo", "入户照片.png", bytes, "东侧外墙", {}}, dal::NewRequestId());
  const auto listed = files.Of(owner, false);
  BOOST_TEST_REQUIRE(listed.size() == 3u);
  BOOST_TEST(listed.front().id == id);  // newest first
  BOOST_TEST(listed.front().mediaType == "image/png");
  BOOST_TEST(listed.front().note == "东侧外墙");
  BOOST_TEST(listed.front().sha256Hex.size() == 64u);
  BOOST_TEST((listed.front().householdId == std::optional<std::int64_t>(std::stoll(household))));
  BOOST_TEST(!listed.front().addedAt.empty());
  BOOST_TEST(files.OfHousehold(std::stoll(household), false).size() == 3u);
  BOOST_TEST((files.Content(id) == std::optional<std::vector<unsigned char>>(bytes)));
  BOOST_CHECK_EXCEPTION(
      files.Add(dal::NewAttachment{owner, "other", "notes.pdf", Bytes("68656c6c6f"), "", {}}, dal::NewRequestId()),
      dal::RuleRefused, [](const dal::RuleRefused& e) { return e.Code() == "attachment.type_unknown"; });
}

BOOST_FIXTURE_TEST_CASE(the_size_limit_is_the_dated_parameter_in_force, Files) {
  const Session c = server.AsUser(clerk);
  const std::string household = Household("SM-0001");
  const std::size_t size = pdf.size() / 2;
  // The seed: 5 MB for Sanmen.
  BOOST_TEST(server.Scalar("SELECT doudi.attachment_max_bytes('331022001201')") == "5242880");
  // The township lowers it below the file's size from tomorrow: today it is taken, tomorrow refused.
  server.Execute("INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note) "
                 "VALUES ('attachments', '331022001', 'max_bytes', '" + std::to_string(size - 1) +
                 "', 'bytes', current_date + 1, 'test')");
  BOOST_TEST(Add(c, "household", household, pdf).Ok());
  const Session s = server.AsSuperuser();
  s.Execute("SELECT set_config('doudi.today', (current_date + 1)::text, false)");
  const auto refused = Add(s, "household", household, pdf, "big.pdf");
  BOOST_TEST(refused.message == "doudi:attachment.too_large");
  BOOST_TEST(refused.detail.find("\"max_bytes\" : " + std::to_string(size - 1)) != std::string::npos, refused.detail);
  BOOST_TEST(refused.detail.find("\"byte_size\" : " + std::to_string(size)) != std::string::npos, refused.detail);
  // Exactly the limit is allowed; another township keeps the county's 5 MB.
  s.Execute("INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from, note) "
            "VALUES ('attachments', '331022001', 'max_bytes', '" + std::to_string(size) +
            "', 'bytes', current_date + 1, 'test') ON CONFLICT (program, region_prefix, key, effective_from) "
            "DO UPDATE SET value = EXCLUDED.value");
  BOOST_TEST(Add(s, "household", household, pdf).Ok());
  BOOST_TEST(Add(s, "household", Household("SM-0006"), pdf + "00").Ok());
  // A unit other than bytes is refused for the key (one unit per key).
  BOOST_TEST(server.AsSuperuser().Try(
                 "INSERT INTO doudi.program_parameter (program, region_prefix, key, value, unit, effective_from) "
                 "VALUES ('attachments', '331022', 'max_bytes', '5', 'count', current_date)").message ==
             "doudi:parameter.unit_differs");
}

BOOST_FIXTURE_TEST_CASE(the_records_and_bytes_are_read_within_the_owners_scope_only, Files) {
  const Session c = server.AsUser(clerk), b = server.AsUser(otherClerk), a = server.AsUser(auditor),
                f = server.AsUser(finance), r = server.AsUser(reviewer);
  const std::string household = Household("SM-0001");
  const std::string id = AddId(c, "household", household, pdf);
  // The other village's clerk: no record, no bytes, alike for a file that does not exist.
  BOOST_TEST(Listed(b, id) == 0);
  BOOST_TEST(Content(b, id) == "");
  BOOST_TEST(Content(b, "999999999") == "");
  // Nor may they attach to it: the same refusal as for a household that does not exist.
  const auto outside = Add(b, "household", household, pdf);
  const auto missing = Add(b, "household", "999999999", pdf);
  BOOST_TEST(outside.sqlState == kNotFound);
  BOOST_TEST(outside.message == "doudi:attachment.owner_not_found");
  BOOST_TEST(missing.sqlState == outside.sqlState);
  BOOST_TEST(missing.message == outside.message);
  // The township, the auditor and the finance officer of the county read it.
  for (const Session* in : {&r, &a, &f}) {
    BOOST_TEST(Listed(*in, id) == 1);
    BOOST_TEST(Content(*in, id) == pdf);
  }
  // The auditor and the finance officer read, they do not attach.
  BOOST_TEST(Add(a, "household", household, pdf).sqlState == kDenied);
  BOOST_TEST(Add(f, "household", household, pdf).sqlState == kDenied);
  // Nobody reads the bytes' table or writes either table directly.
  for (const Session* desk : {&c, &a}) {
    BOOST_TEST(desk->TryExecute("SELECT count(*) FROM doudi.attachment_content") == kDenied);
    BOOST_TEST(desk->TryExecute("INSERT INTO doudi.attachment_content (attachment_id, region_code, media_type, "
                                "byte_size, content) VALUES ($1::bigint, '331022001201', 'application/pdf', 5, "
                                "'%PDF-')",
                                {id}) == kDenied);
    BOOST_TEST(desk->TryExecute("UPDATE doudi.attachment SET note = 'x'") == kDenied);
    BOOST_TEST(desk->TryExecute("DELETE FROM doudi.attachment") == kDenied);
  }
}

BOOST_FIXTURE_TEST_CASE(a_liaison_reads_the_files_of_their_departments_referral_only, Files) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), m = server.AsUser(medical),
                j = server.AsUser(jobs);
  const std::string caseId = Open(c, "SM-0001");
  const auto referrals = r.Rows(
      "SELECT doudi.referral_send(gen_random_uuid(), NULL, $1::bigint, NULL, '', "
      "'[{\"department\":\"medical_insurance\",\"kind\":\"medical_aid\",\"request\":\"核查住院自付费用\"},"
      "{\"department\":\"human_resources\",\"kind\":\"job\",\"request\":\"推荐就业岗位\"}]'::jsonb)",
      {caseId});
  BOOST_TEST_REQUIRE(referrals.size() == 2u);
  const std::string medicalReferral =
      server.Scalar("SELECT id FROM doudi.referral WHERE department = 'medical_insurance'");
  const std::string household = Household("SM-0001");
  const std::string householdFile = AddId(c, "household", household, pdf);
  const std::string referralFile = AddId(r, "referral", medicalReferral, png, "发票.png", "medical_bills");
  // The medical liaison: the referral's file, not the household's.
  BOOST_TEST(Listed(m, referralFile) == 1);
  BOOST_TEST(Content(m, referralFile) == png);
  BOOST_TEST(Listed(m, householdFile) == 0);
  BOOST_TEST(Content(m, householdFile) == "");
  // They may add to their referral, not to the household.
  BOOST_TEST(Add(m, "referral", medicalReferral, pdf, "回执.pdf").Ok());
  BOOST_TEST(Add(m, "household", household, pdf).message == "doudi:attachment.owner_not_found");
  // Another department's liaison sees neither.
  BOOST_TEST(Listed(j, referralFile) == 0);
  BOOST_TEST(Content(j, referralFile) == "");
  BOOST_TEST(Add(j, "referral", medicalReferral, pdf).message == "doudi:attachment.owner_not_found");
}

BOOST_FIXTURE_TEST_CASE(a_replacement_is_a_new_version_of_the_same_owners_file_in_force, Files) {
  const Session c = server.AsUser(clerk);
  const std::string household = Household("SM-0001");
  const std::string first = AddId(c, "household", household, pdf, "户口簿.pdf", "household_register");
  const std::string second = AddId(c, "household", household, png, "户口簿.png", "household_register", first);
  BOOST_TEST(server.Scalar("SELECT version || '|' || replaces_id FROM doudi.attachment WHERE id = " + second) ==
             "2|" + first);
  // The same version replaced again: refused, naming the newer one.
  const auto again = Add(c, "household", household, pdf, "户口簿.pdf", "household_register", first);
  BOOST_TEST(again.message == "doudi:attachment.already_replaced");
  BOOST_TEST(again.detail.find(second) != std::string::npos, again.detail);
  // Another owner's file, or none at all, is not replaced.
  const std::string elsewhere = AddId(c, "household", Household("SM-0003"), pdf);
  BOOST_TEST(Add(c, "household", household, pdf, "a.pdf", "other", elsewhere).message ==
             "doudi:attachment.replace_other_owner");
  BOOST_TEST(Add(c, "household", household, pdf, "a.pdf", "other", "999999999").message ==
             "doudi:attachment.replace_other_owner");
  // Version 3 of the newest.
  const std::string third = AddId(c, "household", household, pdf, "户口簿2.pdf", "household_register", second);
  BOOST_TEST(server.Scalar("SELECT version FROM doudi.attachment WHERE id = " + third) == "3");
  dal::pg::PgDatabase clerkDb(server.ConnectionStringFor(clerk));
  const auto listed = clerkDb.Attachments().Of({"household", std::stoll(household)}, false);
  BOOST_TEST_REQUIRE(listed.size() == 3u);
  BOOST_TEST((listed[2].replacedById == std::optional<std::int64_t>(std::stoll(second))));
  BOOST_TEST((listed[1].replacesId == std::optional<std::int64_t>(std::stoll(first))));
  BOOST_TEST(!listed[0].replacedById.has_value());
}

BOOST_FIXTURE_TEST_CASE(a_withdrawn_file_is_hidden_with_its_reason_and_never_deleted, Files) {
  const Session c = server.AsUser(clerk), ad = server.AsUser(admin), a = server.AsUser(auditor),
                b = server.AsUser(otherClerk);
  const std::string household = Household("SM-0001");
  const std::string id = AddId(c, "household", household, pdf, "别家的身份证.pdf", "id_card_copy");
  BOOST_TEST(Withdraw(c, id, "  ") == "doudi:attachment.reason_required");
  BOOST_TEST(Withdraw(b, id, "传错了") == "doudi:attachment.not_found");
  BOOST_TEST(Withdraw(b, "999999999", "传错了") == "doudi:attachment.not_found");
  const std::string request = dal::NewRequestId();
  BOOST_TEST(Withdraw(c, id, "传错了：是另一户的身份证", request) == "");
  // The same request again changes nothing; another is refused: once.
  BOOST_TEST(Withdraw(c, id, "传错了：是另一户的身份证", request) == "");
  BOOST_TEST(Withdraw(ad, id, "再撤一次") == "doudi:attachment.withdrawn");
  BOOST_TEST(server.Scalar("SELECT withdrawn_reason || '|' || withdrawn_by FROM doudi.attachment WHERE id = " + id) ==
             "传错了：是另一户的身份证|" + clerk);
  // Listed only when asked for, with who, when and why.
  dal::pg::PgDatabase clerkDb(server.ConnectionStringFor(clerk));
  const dal::AttachmentOwnerRef owner{"household", std::stoll(household)};
  BOOST_TEST(clerkDb.Attachments().Of(owner, false).empty());
  const auto all = clerkDb.Attachments().Of(owner, true);
  BOOST_TEST_REQUIRE(all.size() == 1u);
  BOOST_TEST(all.front().withdrawnReason == "传错了：是另一户的身份证");
  BOOST_TEST(!all.front().withdrawnAt.empty());
  BOOST_TEST(!all.front().withdrawnBy.empty());
  // Its bytes: the desk no longer reads them, the center administrator and the auditor do.
  BOOST_TEST(Content(c, id) == "");
  BOOST_TEST(!clerkDb.Attachments().Content(std::stoll(id)).has_value());
  BOOST_TEST(Content(ad, id) == pdf);
  BOOST_TEST(Content(a, id) == pdf);
  // A withdrawn file is not replaced.
  BOOST_TEST(Add(c, "household", household, pdf, "a.pdf", "id_card_copy", id).message == "doudi:attachment.withdrawn");
  // The withdrawal is in the audit trail; the row is still there.
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.audit_row WHERE table_name = 'attachment' AND operation = "
                          "'UPDATE' AND row_key = '" + id + "'") == 1);
}

BOOST_FIXTURE_TEST_CASE(stored_files_never_change_even_for_the_superuser, Files) {
  const Session c = server.AsUser(clerk);
  const std::string household = Household("SM-0001");
  const std::string id = AddId(c, "household", household, pdf);
  const Session s = server.AsSuperuser();
  for (const std::string& sql : std::vector<std::string>{"UPDATE doudi.attachment SET file_name = 'x.pdf' WHERE id = " + id,
                                "UPDATE doudi.attachment SET withdrawn_at = now(), withdrawn_by = 'x', withdrawn_reason "
                                "= 'x', withdraw_request = gen_random_uuid(), note = 'x' WHERE id = " + id,
                                "DELETE FROM doudi.attachment WHERE id = " + id,
                                "UPDATE doudi.attachment_content SET content = content || '\\x00'::bytea, "
                                "byte_size = byte_size + 1 WHERE attachment_id = " + id,
                                "DELETE FROM doudi.attachment_content WHERE attachment_id = " + id,
                                "TRUNCATE doudi.attachment_content", "TRUNCATE doudi.attachment CASCADE"}) {
    BOOST_TEST_CONTEXT(sql) {
      const auto o = s.Try(sql);
      BOOST_TEST(o.sqlState == kDenied);
      BOOST_TEST(o.message == "doudi:attachment.unchanged");
    }
  }
  // A household that moves village takes its files' scope along.
  s.Execute("UPDATE doudi.household SET region_code = '331022001003' WHERE id = " + household);
  BOOST_TEST(server.Scalar("SELECT a.region_code || '|' || c.region_code FROM doudi.attachment AS a "
                           "JOIN doudi.attachment_content AS c ON c.attachment_id = a.id WHERE a.id = " + id) ==
             "331022001003|331022001003");
  BOOST_TEST(Content(c, id) == "");
  BOOST_TEST(Content(server.AsUser(otherClerk), id) == pdf);
  // The bytes and the record still agree.
  BOOST_TEST(server.Scalar("SELECT encode(content, 'hex') FROM doudi.attachment_content WHERE attachment_id = " + id) ==
             pdf);
}

BOOST_FIXTURE_TEST_CASE(a_resent_request_returns_the_same_file, Files) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer);
  const std::string household = Household("SM-0001");
  const std::string request = dal::NewRequestId();
  const auto first = Add(c, "household", household, pdf, "a.pdf", "other", "", request);
  BOOST_TEST_REQUIRE(first.Ok());
  const std::string id = c.Scalar("SELECT id FROM doudi.attachment WHERE request_id = $1::uuid", {request});
  BOOST_TEST(c.Scalar("SELECT doudi.attachment_add('household', $1::bigint, 'other', 'a.pdf', decode($2, 'hex'), '', "
                      "NULL, $3::uuid)",
                      {household, pdf, request}) == id);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.attachment") == 1);
  // Someone else's request id, or the same one for another owner: refused.
  BOOST_TEST(Add(r, "household", household, pdf, "a.pdf", "other", "", request).message == "doudi:request.reused");
  BOOST_TEST(Add(c, "household", Household("SM-0003"), pdf, "a.pdf", "other", "", request).message ==
             "doudi:request.reused");
  // The data layer's retry gets the same id.
  dal::pg::PgDatabase clerkDb(server.ConnectionStringFor(clerk));
  const dal::NewAttachment file{{"household", std::stoll(household)}, "other", "a.pdf", Bytes(pdf), "", {}};
  const std::string again = dal::NewRequestId();
  const auto once = clerkDb.Attachments().Add(file, again);
  BOOST_TEST(clerkDb.Attachments().Add(file, again) == once);
}

BOOST_FIXTURE_TEST_CASE(the_record_is_audited_by_its_sha256_not_its_bytes, Files) {
  const Session c = server.AsUser(clerk);
  const std::string id = AddId(c, "household", Household("SM-0001"), pdf);
  BOOST_TEST(server.Scalar("SELECT new_row ->> 'sha256' = '\\x' || encode(a.sha256, 'hex') FROM doudi.audit_row AS r "
                           "JOIN doudi.attachment AS a ON a.id::text = r.row_key WHERE r.table_name = 'attachment' "
                           "AND r.operation = 'INSERT' AND a.id = " + id) == "t");
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.audit_row WHERE table_name = 'attachment_content'") == 0);
  BOOST_TEST(server.Count("SELECT max(length(new_row::text)) FROM doudi.audit_row WHERE table_name = 'attachment'") <
             2000);
  // The trail reconciles: the record as audited, nothing unaudited.
  BOOST_TEST(server.Rows("SELECT * FROM doudi.audit_reconcile() WHERE table_name LIKE 'attachment%'").empty());
}

BOOST_FIXTURE_TEST_CASE(verification_counts_only_evidence_with_a_file, Files) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer), b = server.AsUser(otherClerk);
  const std::string id = Open(c, "SM-0001");
  BOOST_TEST_REQUIRE(ActBare(r, id, "accept") == "");
  BOOST_TEST_REQUIRE(r.TryExecute("SELECT doudi.case_record_survey($1, '{王调查,李调查}', current_date, '收入低于标准', "
                                  "'户主', gen_random_uuid())",
                                  {id}) == "");
  BOOST_TEST_REQUIRE(ActBare(r, id, "survey") == "");
  // A title alone is no report.
  const std::string evidence = r.Scalar(
      "SELECT doudi.case_add_evidence($1, 'verification_report', '核对报告', '', gen_random_uuid())", {id});
  BOOST_TEST(r.Try("SELECT doudi.case_transition($1, 'verify', $2::int, gen_random_uuid(), '')",
                   {id, Field(id, "version")}).message == "doudi:case.verification_report_missing");
  BOOST_TEST(r.Rows("SELECT action || '|' || requirement || '|' || refusal FROM doudi.case_missing_requirements($1)",
                    {id}) == (std::vector<std::string>{"verify|verification_report|case.verification_report_missing"}));
  // Nothing for a case outside the caller's scope, alike for none at all.
  BOOST_TEST(b.Rows("SELECT action FROM doudi.case_missing_requirements($1)", {id}).empty());
  BOOST_TEST(b.Rows("SELECT action FROM doudi.case_missing_requirements(999999999)").empty());
  // A withdrawn file does not count either.
  const std::string file = AddId(r, "evidence", evidence, pdf, "核对报告.pdf");
  BOOST_TEST(Withdraw(r, file, "扫描不清") == "");
  BOOST_TEST(ActBare(r, id, "verify") == kNotAllowed);
  // With the file: verified, and nothing is missing.
  AddId(r, "evidence", evidence, pdf, "核对报告（重扫）.pdf");
  BOOST_TEST(r.Rows("SELECT action FROM doudi.case_missing_requirements($1)", {id}).empty());
  BOOST_TEST(ActBare(r, id, "verify") == "");

  // The data layer adds evidence and its file in one call, or neither.
  dal::pg::PgDatabase reviewerDb(server.ConnectionStringFor(reviewer));
  auto& cases = reviewerDb.Cases();
  const auto caseId = std::stoll(id);
  const dal::CaseEvidence proof{"income_proof", "收入证明", "", "", ""};
  const std::string request = dal::NewRequestId();
  const auto evidenceId = cases.AddEvidenceWithFile(
      caseId, proof, dal::NewAttachment{{}, "income_proof", "收入证明.pdf", Bytes(pdf), "", {}}, request);
  BOOST_TEST(cases.AddEvidenceWithFile(caseId, proof,
                                       dal::NewAttachment{{}, "income_proof", "收入证明.pdf", Bytes(pdf), "", {}},
                                       request) == evidenceId);
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.attachment WHERE owner_kind = 'evidence' AND owner_id = " +
                          std::to_string(evidenceId)) == 1);
  const auto before = server.Count("SELECT count(*) FROM doudi.case_evidence");
  BOOST_CHECK_EXCEPTION(cases.AddEvidenceWithFile(caseId, proof,
                                                  dal::NewAttachment{{}, "income_proof", "x.pdf", Bytes("00"), "", {}},
                                                  dal::NewRequestId()),
                        dal::RuleRefused,
                        [](const dal::RuleRefused& e) { return e.Code() == "attachment.type_unknown"; });
  BOOST_TEST(server.Count("SELECT count(*) FROM doudi.case_evidence") == before);
  const auto record = cases.Load(caseId);
  BOOST_TEST_REQUIRE(record.has_value());
  const auto shown = std::find_if(record->evidence.begin(), record->evidence.end(),
                                  [&](const dal::CaseEvidence& e) { return e.id == evidenceId; });
  BOOST_TEST_REQUIRE((shown != record->evidence.end()));
  BOOST_TEST(shown->files == 1);
  BOOST_TEST(record->evidence.front().files == 1);  // the report: one withdrawn, one in force
}

BOOST_FIXTURE_TEST_CASE(acceptance_needs_the_signed_authorization_in_force, Files) {
  const Session c = server.AsUser(clerk), r = server.AsUser(reviewer);
  const std::string id = Open(c, "SM-0003", "dibao", false);
  const auto refused = r.Try("SELECT doudi.case_transition($1, 'accept', $2::int, gen_random_uuid(), '')",
                             {id, Field(id, "version")});
  BOOST_TEST(refused.sqlState == kNotAllowed);
  BOOST_TEST(refused.message == "doudi:case.authorization_missing");
  dal::pg::PgDatabase reviewerDb(server.ConnectionStringFor(reviewer));
  const auto caseId = std::stoll(id);
  BOOST_TEST((reviewerDb.Cases().MissingRequirements(caseId) ==
              std::vector<dal::MissingRequirement>{{"accept", "authorization", "case.authorization_missing"}}));
  BOOST_TEST(reviewerDb.Cases().Load(caseId)->missing.size() == 1u);
  // Another kind of file, or a withdrawn authorization, is not enough.
  AddId(c, "household", Household("SM-0003"), pdf, "户口簿.pdf", "household_register");
  const std::string withdrawn = AddId(c, "household", Household("SM-0003"), pdf, "授权书.pdf", "authorization");
  BOOST_TEST(Withdraw(c, withdrawn, "未签字") == "");
  BOOST_TEST(ActBare(r, id, "accept") == kNotAllowed);
  // The signed one, attached to the case: accepted.
  AddId(c, "case", id, pdf, "授权书（签字）.pdf", "authorization");
  BOOST_TEST(reviewerDb.Cases().MissingRequirements(caseId).empty());
  BOOST_TEST(ActBare(r, id, "accept") == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace doudi
