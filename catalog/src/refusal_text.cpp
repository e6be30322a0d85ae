#include "doudi/catalog/refusal_text.h"

#include <algorithm>
#include <array>

#include "doudi/catalog/message_catalog.h"

namespace doudi::catalog {
namespace {

// One line per code the server refuses with (docs/errors.md); the unit test
// holds it to the SQL and to the Chinese catalog. Kept in code order.
constexpr std::array kSentences{
    RefusalSentence{"alert.bad_method", "A verification is online or a home visit, not {method}."},
    RefusalSentence{"alert.bad_outcome",
                    "An alert closes as case opened, no action, false alarm or referred, not {outcome}."},
    RefusalSentence{"alert.case_not_of_subject", "Case {case_id} is not a case of this alert's household."},
    RefusalSentence{"alert.changed",
                    "Someone else acted on this alert meanwhile: look at it again and repeat what you did."},
    RefusalSentence{"alert.closed", "This alert is closed."},
    RefusalSentence{"alert.findings_required",
                    "The verification's findings must be written down (at most 2,000 characters)."},
    RefusalSentence{"alert.not_visible", "You may not handle this alert."},
    RefusalSentence{"alert.reason_required", "This outcome needs the reason written down."},
    RefusalSentence{"alert.request_reused", "This request was already used for another alert."},
    RefusalSentence{"amount.no_bound",
                    "No cap on the {part} of this case is in force in region {region} (parameter {parameter}), so "
                    "none can be proposed."},
    RefusalSentence{"amount.no_exception", "This proposal is not above the cap: there is nothing to confirm."},
    RefusalSentence{"amount.none", "Give a monthly amount or a one-off grant above zero."},
    RefusalSentence{"amount.over_cap",
                    "The {part} of {amount_fen} yuan is above the cap of {cap_fen} yuan ({parameter}): an amount "
                    "above the cap needs a reason and the confirmation of a second city decider."},
    RefusalSentence{"amount.over_limit",
                    "The {part} of {amount_fen} yuan is above the most an exception may reach here "
                    "({limit_fen} yuan; the cap is {cap_fen} yuan, {parameter})."},
    RefusalSentence{"amount.same_person",
                    "An amount above the cap is confirmed by a second city decider, not by the one who proposed it."},
    RefusalSentence{"amount.superseded", "This proposal is no longer the amount the case waits to decide."},
    RefusalSentence{"amount.unconfirmed",
                    "The amount proposed is above the cap and waits for the confirmation of a second city decider."},
    RefusalSentence{"attachment.already_replaced",
                    "File {id} was already replaced by a newer version (file {by}): replace that one instead."},
    RefusalSentence{"attachment.bad_field", "The file's {field} is missing or not valid."},
    RefusalSentence{"attachment.not_found", "File {id} does not exist or is outside your scope."},
    RefusalSentence{"attachment.owner_not_found",
                    "What the file should be attached to does not exist or is outside your scope."},
    RefusalSentence{"attachment.reason_required", "Withdrawing a file needs the reason."},
    RefusalSentence{"attachment.replace_other_owner",
                    "File {id} is not a file of the same household, case or record: a new version replaces a file "
                    "of its own owner."},
    RefusalSentence{"attachment.too_large",
                    "{file_name} has {byte_size} bytes, more than the {max_bytes} bytes a file may have here."},
    RefusalSentence{"attachment.type_unknown",
                    "{file_name} is not a PDF, JPEG or PNG file (told by its content, whatever its name says)."},
    RefusalSentence{"attachment.unchanged",
                    "A stored file is never changed or deleted: attach a new version, or withdraw it with the "
                    "reason."},
    RefusalSentence{"attachment.withdrawn", "File {id} was withdrawn."},
    RefusalSentence{"audit.append_only", "The audit trail cannot be changed: it is only ever added to."},
    RefusalSentence{"calendar.malformed",
                    "The holiday calendar sent is malformed: its days, kinds and names differ in number."},
    RefusalSentence{"calendar.other_year", "The notice for {year} lists a date in another year."},
    RefusalSentence{"card.bad_field", "The ID card's {field} cannot be stored: read the card again."},
    RefusalSentence{"card.not_a_member", "The ID card read is no current member's of this household."},
    RefusalSentence{"card.without_save", "An ID card read is stored only with a save of its household."},
    RefusalSentence{"case.action_for_group", "Your staff group may not take this step."},
    RefusalSentence{"case.action_not_possible", "This step is not possible in the case's present state."},
    RefusalSentence{"case.already_open", "This household already has an open {program} case (case {case_id})."},
    RefusalSentence{"case.appraisal_record_missing",
                    "The democratic-appraisal record, with its file, is not attached yet."},
    RefusalSentence{"case.authorization_missing",
                    "The family's signed authorization for the verification (核对授权书) is not attached to the "
                    "household or the case yet."},
    RefusalSentence{"case.changed",
                    "Someone else acted on this case meanwhile: look at it again and repeat what you did."},
    RefusalSentence{"case.close_relative_note", "A close relative of staff needs a note saying whose relative."},
    RefusalSentence{"case.closed", "This case is closed."},
    RefusalSentence{"case.extension_reason", "Extending the time limit needs the reason."},
    RefusalSentence{"case.follows_other_household",
                    "Case {case_id} is not a case of this household: a follow-up case "
                    "follows one of the same household's cases."},
    RefusalSentence{"case.household_not_yours", "You may not open a case for this household."},
    RefusalSentence{"case.no_amount", "No amount is proposed for this case yet."},
    RefusalSentence{"case.no_time_limit", "This case has no running time limit."},
    RefusalSentence{"case.not_visible", "This case does not exist, or is outside your scope."},
    RefusalSentence{"case.notice_running", "The public notice runs until {notice_end}."},
    RefusalSentence{"case.opinion_needed", "This step needs an opinion stating the reasons."},
    RefusalSentence{"case.other_level",
                    "You already acted on this case at another level: one person acts at one level only."},
    RefusalSentence{"case.person_not_in_household", "The person named is not a current member of this household."},
    RefusalSentence{"case.person_required", "{program} is for one person: choose the member the case is for."},
    RefusalSentence{"case.program_opens_no_cases", "{program} opens no cases."},
    RefusalSentence{"case.programs_exclude",
                    "{program} cannot run beside the {other_program} of case {case_id}: "
                    "{reason}."},
    RefusalSentence{"case.survey_missing", "The home survey (two surveyors) is not recorded yet."},
    RefusalSentence{"case.verification_report_missing",
                    "The economic-status verification report, with its file, is not attached yet."},
    RefusalSentence{"case.wrong_state", "This is not possible in the case's present state."},
    RefusalSentence{"client.newer",
                    "This Doudi was made for a newer database (schema {client_schema}) than this one (schema "
                    "{database_schema}). Ask the administrator to upgrade the database."},
    RefusalSentence{
        "client.outdated",
        "The database was upgraded (schema {database_schema}) after this Doudi started; it was made for "
        "schema {client_schema} and cannot work with it. The request was not carried out: install the Doudi that "
        "matches the database (ask the administrator), then start it again."},
    RefusalSentence{"crosscheck.already_withdrawn", "Cross-check batch {batch} is already withdrawn."},
    RefusalSentence{
        "crosscheck.batch_incomplete",
        "A cross-check batch needs its source department, as-of date, authorization reference and the file's SHA-256."},
    RefusalSentence{"crosscheck.batch_not_found", "There is no cross-check batch {batch} that you may see."},
    RefusalSentence{"crosscheck.reason_required", "Withdrawing a batch needs the reason."},
    RefusalSentence{"crosscheck.unknown_kind", "{kind} is not a kind of cross-check data."},
    RefusalSentence{"deadline.out_of_range",
                    "A deadline of {count} {unit} is out of range: check the program parameters."},
    RefusalSentence{"deadline.unknown_unit", "{unit} is not a unit of deadlines: check the program parameters."},
    RefusalSentence{"department.bad_field", "The department's {field} is missing or not valid."},
    RefusalSentence{"department.changed",
                    "Someone else changed this department meanwhile: look at it again and repeat what you did."},
    RefusalSentence{"department.due_days_dated",
                    "The due days of {code} for {kind} from {effective_from} are recorded already; a correction "
                    "takes another date."},
    RefusalSentence{"department.exists", "A department with the code {code} is in the catalog already."},
    RefusalSentence{"department.name_taken", "Another department of this county is called {name}."},
    RefusalSentence{"department.not_found", "There is no department {code} in this county's catalog."},
    RefusalSentence{"department.out_of_scope", "County {county} is outside your scope."},
    RefusalSentence{"evidence.title", "The evidence needs a title."},
    RefusalSentence{"fund.bad_amount", "A fund amount is more than 0 and at most {max_fen} yuan, not {amount_fen}."},
    RefusalSentence{"fund.bad_code",
                    "The fund code {fund} must be lowercase letters, digits or _, starting with a letter (at most "
                    "40)."},
    RefusalSentence{"fund.bad_date",
                    "The day the money was received ({received_on}) must be given and not be after today ({today})."},
    RefusalSentence{"fund.bad_kind", "A fund holds money or in-kind goods, not {kind}."},
    RefusalSentence{"fund.bad_region", "{region} is not a region code prefix (2, 4, 6, 9 or 12 digits)."},
    RefusalSentence{"fund.code_taken", "The fund code {fund} is already used by another fund."},
    RefusalSentence{"fund.donor_required", "The fund needs its donor (at most 100 characters)."},
    RefusalSentence{"fund.name_required", "The fund needs its name (at most 100 characters)."},
    RefusalSentence{"fund.not_enough", "The fund {fund} has only {left_fen} yuan left, less than the grant."},
    RefusalSentence{"fund.not_found", "There is no charity fund {fund}."},
    RefusalSentence{"fund.only_charity", "A charity grant names its fund, and only a charity grant does."},
    RefusalSentence{"fund.other_region", "The fund {fund} does not serve region {region}."},
    RefusalSentence{"fund.out_of_scope", "The fund {fund} serves {region}, outside your scope."},
    RefusalSentence{"fund.request_missing", "Every top-up of a fund needs a request id."},
    RefusalSentence{"fund.request_reused", "This request was already used for another fund's top-up."},
    RefusalSentence{"fund.source_required",
                    "A top-up of {fund} needs where the money came from (at most 100 characters)."},
    RefusalSentence{"help.already_corrected",
                    "Help record {help_id} was already corrected by record {by}: correct that one."},
    RefusalSentence{"help.bad_amount",
                    "The value of the help is more than 0 and at most {max_fen} yuan, not {amount_fen}."},
    RefusalSentence{"help.bad_date",
                    "The day the help was given ({given_on}) must be given and not be after today ({today})."},
    RefusalSentence{"help.bad_giver_kind",
                    "Help is given by a department, a fund, an enterprise, a social worker or another giver, not "
                    "{giver_kind}."},
    RefusalSentence{"help.bad_kind", "{kind} is not a kind of help."},
    RefusalSentence{"help.bad_term", "{term} is not one of the 四帮四扶 terms."},
    RefusalSentence{"help.case_not_of_household", "Case {case_id} is not a case of this household."},
    RefusalSentence{"help.department_not_found", "There is no department {department} in county {county}."},
    RefusalSentence{"help.fund_amount_required", "Help from the fund {fund} needs its amount: the fund pays it."},
    RefusalSentence{"help.giver_required", "The help needs its giver's name."},
    RefusalSentence{"help.household_not_found", "There is no household {household_id} that you may see."},
    RefusalSentence{"help.not_found", "There is no help record {help_id} that you may see."},
    RefusalSentence{"help.nothing_given", "The help needs its value or a description of what was given."},
    RefusalSentence{"help.person_not_member", "Person {person_id} is not a member of this household."},
    RefusalSentence{"help.request_missing", "Every help record needs a request id."},
    RefusalSentence{"help.request_reused", "This request was already used for other help."},
    RefusalSentence{"help.text_too_long",
                    "The {field} is too long (giver at most 100 characters, who gave it 50, description 500)."},
    RefusalSentence{"household.bank_account_hidden",
                    "Only finance officers and the center's administrators see full bank accounts."},
    RefusalSentence{"household.changed",
                    "Someone else changed this household meanwhile (version {version}; this edit started from version "
                    "{expected_version})."},
    RefusalSentence{"household.gone", "This household no longer exists, or is not yours to change."},
    RefusalSentence{"household.malformed",
                    "The household sent is malformed: its member, income and asset lists are incomplete."},
    RefusalSentence{"household.member_elsewhere", "Member {member} is already a member of household {household_id}."},
    RefusalSentence{"household.member_gone",
                    "A member of this household was removed meanwhile: open the household again."},
    RefusalSentence{"household.member_outside_scope",
                    "Member {member} is already registered in a household outside your scope."},
    RefusalSentence{"household.outside_scope", "The region {region} is outside your scope."},
    RefusalSentence{"intake.bad_field", "The report's {field} is missing or not valid."},
    RefusalSentence{"intake.link_unknown",
                    "The {field} to tie this report to does not exist or is not one you may see, or it is not of the "
                    "report's household."},
    RefusalSentence{
        "intake.merge_target",
        "Report {report} cannot take this one: it must be another open report you may see, not itself merged."},
    RefusalSentence{"intake.region_outside", "The village is outside the region of this reporter's token."},
    RefusalSentence{"intake.report_changed",
                    "Someone else acted on this report meanwhile: look at it again and repeat what you did."},
    RefusalSentence{"intake.report_closed", "This report is closed already."},
    RefusalSentence{"intake.report_unknown", "Report {report} does not exist or is outside your scope."},
    RefusalSentence{"intake.token_expired", "This reporter's token expired on {date}: ask the center for a new link."},
    RefusalSentence{"intake.token_expires", "A token's last day ({date}) cannot be in the past."},
    RefusalSentence{"intake.token_invalid", "This reporter's token is not valid: ask the center for a new link."},
    RefusalSentence{
        "intake.token_name",
        "The reporter's name is missing, too long (at most 50 characters) or holds characters a name cannot."},
    RefusalSentence{"intake.token_region", "The region {region} is not a region of the catalog within your scope."},
    RefusalSentence{"intake.token_revoked", "This reporter's token was revoked: ask the center for a new link."},
    RefusalSentence{"intake.token_unknown", "Token {id} does not exist or is outside your scope."},
    RefusalSentence{"pairing.bad_contact_kind", "A pairing contact is an enterprise or a social worker, not {kind}."},
    RefusalSentence{"pairing.bad_date", "The {field} must be given and not be after today."},
    RefusalSentence{"pairing.bad_level",
                    "{level} is not a pairing level (county, township, village, department, enterprise, "
                    "social_worker)."},
    RefusalSentence{"pairing.bad_phone", "The phone number {phone} is not valid (5 to 20 digits and dashes)."},
    RefusalSentence{"pairing.before_enrolment",
                    "The date {date} is before the household joined the pairing program ({since})."},
    RefusalSentence{"pairing.contact_not_eligible",
                    "Contact {contact_id} is not an active contact of this kind in county {county}."},
    RefusalSentence{"pairing.contact_required",
                    "The enterprise and social worker levels name a contact from the county's list, not a Doudi "
                    "user."},
    RefusalSentence{"pairing.county_outside_scope", "County {county} is outside your scope."},
    RefusalSentence{"pairing.end_before_since", "The pairing cannot end ({ended_on}) before it began ({since})."},
    RefusalSentence{"pairing.household_closed",
                    "Household {household_id} is closed and cannot join the pairing program."},
    RefusalSentence{"pairing.household_not_yours", "Household {household_id} does not exist or is outside your scope."},
    RefusalSentence{"pairing.not_enrolled", "Household {household_id} is not in the pairing program."},
    RefusalSentence{"pairing.since_before_current",
                    "The new responsible person cannot start ({since}) before the current one did ({current_since})."},
    RefusalSentence{"pairing.since_before_end",
                    "The household's pairing ended on {ended_on}: it can join again from that day on, not from "
                    "{since}."},
    RefusalSentence{"pairing.text_required", "The {field} must be written down (at most {max} characters)."},
    RefusalSentence{"pairing.text_too_long", "The {field} is too long: at most {max} characters."},
    RefusalSentence{"pairing.user_not_eligible",
                    "{user} is not an enabled Doudi user whose scope covers this household."},
    RefusalSentence{"pairing.user_required",
                    "The county, township, village and department levels name a Doudi user, not a contact."},
    RefusalSentence{"pairing.user_wrong_level",
                    "{user} cannot be responsible at this level: the county level takes a user of the county or "
                    "wider, the township level a township's, the village level a village's, the department level a "
                    "department liaison."},
    RefusalSentence{"parameter.unit_differs", "The parameter {program}.{key} is in {unit}, not {given}."},
    RefusalSentence{"referral.accepted_already", "This referral was accepted already."},
    RefusalSentence{"referral.bad_feedback", "The feedback's {field} is missing or not valid."},
    RefusalSentence{"referral.bad_item", "The {field} of referral line {item} is missing or not valid."},
    RefusalSentence{"referral.changed",
                    "Someone else answered this referral meanwhile: look at it again and repeat what you did."},
    RefusalSentence{"referral.closed", "This referral is answered and closed already."},
    RefusalSentence{"referral.duplicate_item", "Line {item} asks {department} for {kind} a second time."},
    RefusalSentence{"referral.feedback_missing",
                    "{open} referrals still wait for their department's feedback; the help can be closed after "
                    "the last answer."},
    RefusalSentence{"referral.help_not_offered", "{department} does not give {kind} (line {item})."},
    RefusalSentence{"referral.no_due_days",
                    "No due days are set for {department} and {kind} (line {item}): the center's administrator "
                    "sets them in the department catalog."},
    RefusalSentence{"referral.no_items", "Choose at least one department (at most 20) to refer to."},
    RefusalSentence{"referral.not_visible", "You may not answer this referral."},
    RefusalSentence{"referral.reason_required", "A decline needs its reason written down (at most 500 characters)."},
    RefusalSentence{"referral.request_reused", "This request was already used for another referral."},
    RefusalSentence{"referral.subject_not_found", "The household, case or alert to refer is not one you may see."},
    RefusalSentence{"referral.unknown_department",
                    "Line {item}: {department} is not an active department of this county's catalog."},
    RefusalSentence{"registry.cross_scope_limit",
                    "Today's checks of ID numbers registered outside your scope are used up (at most {limit} a "
                    "day)."},
    RefusalSentence{"request.missing", "Every change of a case needs a request id."},
    RefusalSentence{"request.other_record",
                    "This save was already used for another household: open the household again and repeat the "
                    "change."},
    RefusalSentence{"request.reused",
                    "This request was already used for another change: open the record again and repeat the "
                    "change."},
    RefusalSentence{"schedule.bad_time",
                    "The daily screening takes a time of day in whole minutes ({at}), or is turned off."},
    RefusalSentence{"schedule.no_pg_cron",
                    "pg_cron is not set up in database {database}: the superuser loads it with cron.database_name = "
                    "'{database}', creates the extension there and runs db migrate (docs/deployment.md)."},
    RefusalSentence{"screening.bad_region", "{region} is not a region code prefix (2, 4, 6, 9 or 12 digits)."},
    RefusalSentence{"screening.bad_trigger", "A screening is run by hand or by the schedule, not by {trigger}."},
    RefusalSentence{"screening.region_outside_scope", "Region {region} is outside your scope."},
    RefusalSentence{"screening.rule_without_function", "Screening rule {rule} has no function that runs it."},
    RefusalSentence{"screening.unknown_rule", "{rule} is not a screening rule."},
    RefusalSentence{"search.too_long", "The search text is too long: at most {limit} characters."},
    RefusalSentence{"search.unknown_kind", "Unknown kind of search: {kind}."},
    RefusalSentence{"staff.unknown_operation",
                    "The program asked about an operation the database does not know ({action})."},
    RefusalSentence{"staff.wrong_group", "Your staff group may not do this."},
    RefusalSentence{"survey.date", "The survey date must be given and not be in the future."},
    RefusalSentence{"survey.findings", "The survey's findings must be written down."},
    RefusalSentence{"survey.two_surveyors", "A home survey needs at least two different surveyors."},
    RefusalSentence{"user.admin_only", "Only the center's administrators manage users."},
    RefusalSentence{"user.bad_name",
                    "The user name {name} must be 3-63 lowercase letters, digits or _, start with a letter, and not be "
                    "a reserved name."},
    RefusalSentence{"user.exists", "A database role named {name} already exists."},
    RefusalSentence{"user.password_not_verifier", "A password must arrive as a SCRAM-SHA-256 verifier."},
    RefusalSentence{"user.scope_outside", "The region scope {scope} is outside your own scope {own_scope}."},
    RefusalSentence{"user.unknown", "There is no Doudi user named {role}."},
    RefusalSentence{"user.unknown_department",
                    "{department} is not a department of the liaison's county: add it to the catalog first."},
};

constexpr std::array kValueWords{
    RefusalSentence{"description", "description"},
    RefusalSentence{"given_by", "person who gave it"},
    RefusalSentence{"giver", "giver"},
    RefusalSentence{"monthly", "monthly amount"},
    RefusalSentence{"one_off", "one-off grant"},
    RefusalSentence{"since_date", "start date"},
    RefusalSentence{"end_date", "end date"},
    RefusalSentence{"visit_date", "visit date"},
    RefusalSentence{"contact_name", "contact's name"},
    RefusalSentence{"organization", "organization"},
    RefusalSentence{"visitor", "visitor"},
    RefusalSentence{"findings", "findings"},
    RefusalSentence{"next_step", "next step"},
    RefusalSentence{"end_reason", "reason for ending"},
    RefusalSentence{"owner_kind", "what it is attached to"},
    RefusalSentence{"kind", "kind"},
    RefusalSentence{"file_name", "file name"},
    RefusalSentence{"note", "note"},
    RefusalSentence{"ethnicity", "ethnicity"},
    RefusalSentence{"authority", "issuing authority"},
    RefusalSentence{"valid_from", "start of validity"},
    RefusalSentence{"valid_until", "end of validity"},
    RefusalSentence{"photo", "photo"},
};

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The argument's text as a sentence shows it: a value word in the user's
// language, anything else as given.
std::string Reading(const std::string& value) {
  const auto word =
      std::find_if(kValueWords.begin(), kValueWords.end(), [&](const RefusalSentence& w) { return w.code == value; });
  if (word != kValueWords.end()) return Tr(word->english, "doudi:value");
  return value;
}

// Calls place(start, length, name) for each "{name}" in pattern.
template <typename Place>
void ForEachPlace(std::string_view pattern, Place place) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    // A name starts with a letter: "{1}" is a numbered place (Format).
    if (pattern[i] != '{' || i + 1 >= pattern.size() || pattern[i + 1] < 'a' || pattern[i + 1] > 'z') continue;
    std::size_t end = i + 1;
    while (end < pattern.size() && IsNameChar(pattern[end])) ++end;
    if (end > i + 1 && end < pattern.size() && pattern[end] == '}') {
      place(i, end + 1 - i, pattern.substr(i + 1, end - i - 1));
      i = end;
    }
  }
}

}  // namespace

std::span<const RefusalSentence> RefusalSentences() {
  return kSentences;
}

std::span<const RefusalSentence> RefusalValueWords() {
  return kValueWords;
}

std::vector<std::string> PlaceNames(std::string_view pattern) {
  std::vector<std::string> names;
  ForEachPlace(pattern, [&](std::size_t, std::size_t, std::string_view name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
  });
  return names;
}

std::string FormatNamed(std::string_view pattern, const NamedArguments& arguments) {
  std::string out;
  std::size_t copied = 0;
  ForEachPlace(pattern, [&](std::size_t start, std::size_t length, std::string_view name) {
    const auto it = arguments.find(name);
    if (it == arguments.end()) return;
    out.append(pattern.substr(copied, start - copied));
    out += Reading(it->second);
    copied = start + length;
  });
  out.append(pattern.substr(copied));
  return out;
}

std::optional<std::string> RefusalText(std::string_view code, const NamedArguments& arguments) {
  const auto it = std::lower_bound(kSentences.begin(), kSentences.end(), code,
                                   [](const RefusalSentence& s, std::string_view c) { return s.code < c; });
  if (it == kSentences.end() || it->code != code) return std::nullopt;
  const auto names = PlaceNames(it->english);
  if (!std::all_of(names.begin(), names.end(), [&](const std::string& n) { return arguments.contains(n); })) {
    return std::nullopt;
  }
  std::string context = "doudi:";
  context += code;
  return FormatNamed(Tr(it->english, context), arguments);
}

}  // namespace doudi::catalog
