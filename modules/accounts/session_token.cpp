#include "session_token.hpp"

#include <sodium.h>

#include <array>

#include "manmulsang/core/sodium.hpp"

namespace manmulsang::accounts {

std::string NewSessionToken() {
  core::EnsureSodium();
  std::array<unsigned char, kSessionTokenBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string token(sodium_base64_ENCODED_LEN(kSessionTokenBytes, kVariant), '\0');
  sodium_bin2base64(token.data(), token.size(), bytes.data(), bytes.size(), kVariant);
  token.resize(kSessionTokenLength);  // drop the terminating NUL libsodium writes
  sodium_memzero(bytes.data(), bytes.size());
  return token;
}

std::string HashSessionToken(std::string_view token) {
  core::EnsureSodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest;
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

bool LooksLikeSessionToken(std::string_view token) {
  if (token.size() != kSessionTokenLength) return false;
  for (const char character : token) {
    const bool allowed = (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z') ||
                         (character >= '0' && character <= '9') || character == '-' || character == '_';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace manmulsang::accounts
