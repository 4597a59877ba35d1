#include "reset_code.hpp"

#include <sodium.h>

#include <array>

#include "manmulsang/core/sodium.hpp"

namespace manmulsang::accounts {

std::string NewResetCode() {
  core::EnsureSodium();
  std::string code;
  code.reserve(kResetCodeCharacters + 1);
  for (std::size_t index = 0; index < kResetCodeCharacters; ++index) {
    if (index == kResetCodeCharacters / 2) code.push_back('-');
    // randombytes_uniform has no modulo bias.
    code.push_back(kResetCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kResetCodeAlphabet.size()))]);
  }
  return code;
}

std::optional<std::string> CanonicalResetCode(std::string_view typed) {
  if (typed.size() > 4 * kResetCodeCharacters) return std::nullopt;
  std::string code;
  for (char character : typed) {
    if (character == ' ' || character == '-') continue;
    if (character >= 'a' && character <= 'z') character = static_cast<char>(character - 'a' + 'A');
    if (kResetCodeAlphabet.find(character) == std::string_view::npos) return std::nullopt;
    code.push_back(character);
  }
  if (code.size() != kResetCodeCharacters) return std::nullopt;
  return code;
}

std::string HashResetCode(core::UserId member, std::string_view canonical_code) {
  core::EnsureSodium();
  const std::string input = std::to_string(member.value) + ":" + std::string(canonical_code);
  std::array<unsigned char, crypto_generichash_BYTES> digest;
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                     nullptr, 0);
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

}  // namespace manmulsang::accounts
