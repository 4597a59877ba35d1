#pragma once

#include <string_view>

namespace manmulsang::settings {

// Why a change of the settings was refused; nothing changed.
enum class SettingsError {
  forbidden,                       // 403: only an admin changes the settings
  invalid_platform_fee,            // 400: basis points outside 0..kMaxPlatformFeeBasisPoints
  invalid_bank_transfer_deadline,  // 400: hours outside 1..720
  invalid_auto_confirm_days,       // 400: days outside 1..60
  invalid_auto_deliver_days,       // 400: days outside 1..60
  invalid_credit_second_approval,  // 400: won outside 0..kMaxCreditSecondApprovalAbove
  invalid_carriers,          // 400: none, more than 20, a name empty, too long, repeated or with control characters
  invalid_marketplace_name,  // 400: blank, longer than 60 bytes, bad UTF-8 or control characters
  invalid_notice,            // 400: longer than 300 bytes, bad UTF-8 or control characters
  invalid_bank_accounts,     // 400: more than 5, or a bank, number or holder blank or too long
  invalid_reason,            // 400: no reason given, or longer than audit::kMaxReasonBytes
  version_conflict,          // 409: another admin changed the settings since the form was read
};

std::string_view ErrorCode(SettingsError error);   // snake_case, as above
std::string_view ErrorField(SettingsError error);  // the input it is about ("platform_fee_basis_points"), or ""

}  // namespace manmulsang::settings
