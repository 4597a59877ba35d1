#pragma once

#include <string>
#include <string_view>

namespace manmulsang::accounts {

// A session token is 32 random bytes, shown to the client once as unpadded base64url
// (43 characters). The store keeps only its BLAKE2b hash (hex), so a copy of the database
// cannot open anyone's session.
inline constexpr std::size_t kSessionTokenBytes = 32;
inline constexpr std::size_t kSessionTokenLength = 43;

std::string NewSessionToken();
// Hex BLAKE2b-256 of the token text.
std::string HashSessionToken(std::string_view token);
// Cheap shape check (length and alphabet) before any lookup.
bool LooksLikeSessionToken(std::string_view token);

}  // namespace manmulsang::accounts
