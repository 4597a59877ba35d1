#include "voucher_code.hpp"

#include <sodium.h>

#include <array>

#include "manmulsang/core/sodium.hpp"

namespace manmulsang::payments {
namespace {

// Crockford's base 32: no I, L, O or U; a typed O is read as 0 and I or L as 1.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kLength = 16;

}  // namespace

std::string NewVoucherCode() {
  core::EnsureSodium();
  std::string code;
  for (std::size_t index = 0; index < kLength; ++index) {
    if (index > 0 && index % 4 == 0) code += '-';
    code += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  }
  return code;
}

std::optional<std::string> NormaliseVoucherCode(std::string_view typed) {
  std::string code;
  for (char character : typed) {
    if (character == '-' || character == ' ') continue;
    if (character >= 'a' && character <= 'z') character = static_cast<char>(character - 'a' + 'A');
    if (character == 'O') character = '0';
    if (character == 'I' || character == 'L') character = '1';
    if (kAlphabet.find(character) == std::string_view::npos) return std::nullopt;
    code += character;
    if (code.size() > kLength) return std::nullopt;
  }
  if (code.size() != kLength) return std::nullopt;
  return code;
}

std::string HashVoucherCode(std::string_view normalised) {
  core::EnsureSodium();
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(normalised.data()),
                     normalised.size(), nullptr, 0);
  std::array<char, 65> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), 64);
}

}  // namespace manmulsang::payments
