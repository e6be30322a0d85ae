#pragma once
// How Doudi masks a resident ID or bank account for a role that may not see
// it in full: the display forms of DOMAIN.md, which the database produces
// (doudi.mask_resident_id, doudi.mask_bank_account) and the documents print.
// Recognising them is one rule, here: a masked value read from the
// database must never be written back over the real one, nor be taken for
// a real one. The forms are recognised exactly, not by any '*' in the
// text: the database keeps only valid IDs and 10-30 digit accounts, so
// anything else a user types is an entry to validate, not a mask.
#include <string>
#include <string_view>

namespace doudi::model {

// The masked form of an 18-character ID text: its first 6 and last 4
// characters with 8 '*' between ("110105********002X"); empty for a text of
// another length. The text is taken as it is (normalise it first).
std::string MaskedIdNumber(std::string_view idNumber);

// Whether text is a masked ID as the database gives it: 6 digits, 8 '*',
// 3 digits and a digit or 'X'.
bool IsMaskedIdNumber(std::string_view text);

// A bank account for display: "****" followed by the last 4 characters
// ("****1234"); an account of fewer than 4 characters is shown as "****"
// only, so nothing of it is revealed.
std::string MaskBankAccount(std::string_view account);

// Whether text is a masked bank account: "****" followed by 4 digits (the
// database's form of a stored account), or "****" alone.
bool IsMaskedBankAccount(std::string_view text);

}  // namespace doudi::model
