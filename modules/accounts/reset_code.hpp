#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/core/ids.hpp"

namespace manmulsang::accounts {

// A password reset code is read aloud or copied by hand from an admin's screen, so it uses an
// alphabet without look-alikes (no 0/O, 1/I/L): 10 characters of 31 are about 49 bits, far
// more than the login throttle lets anyone guess within the code's 24 hours.
inline constexpr std::size_t kResetCodeCharacters = 10;
inline constexpr std::string_view kResetCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

// "ABCDE-FGH23": two groups of five.
std::string NewResetCode();
// The ten characters of what a member typed: case, spaces and dashes do not matter; nullopt when
// it cannot be a code at all.
std::optional<std::string> CanonicalResetCode(std::string_view typed);
// Hex BLAKE2b-256 of the member's id and the canonical code: the same code issued to two members
// never has the same hash, and a copy of the store shows no code.
std::string HashResetCode(core::UserId member, std::string_view canonical_code);

}  // namespace manmulsang::accounts
