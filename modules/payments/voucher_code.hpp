#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace manmulsang::payments {

// Voucher codes: 16 characters of Crockford's base 32 (no I, L, O, U, so a code read off a printed
// card is typed right), shown as XXXX-XXXX-XXXX-XXXX: 80 random bits.
std::string NewVoucherCode();
// What the buyer typed, with case, spaces and dashes forgiven; nullopt if it cannot be a code.
std::optional<std::string> NormaliseVoucherCode(std::string_view typed);
// The stored form of a normalised code (BLAKE2b-256, hex).
std::string HashVoucherCode(std::string_view normalised);

}  // namespace manmulsang::payments
