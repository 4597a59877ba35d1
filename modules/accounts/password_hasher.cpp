#include "password_hasher.hpp"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

#include "manmulsang/core/sodium.hpp"

namespace manmulsang::accounts {
namespace {

// Process-wide, because memory is: two AccountService instances must not double the bound.
std::counting_semaphore<PasswordHasher::kMaxConcurrentHashes>& HashSlots() {
  static std::counting_semaphore<PasswordHasher::kMaxConcurrentHashes> slots(PasswordHasher::kMaxConcurrentHashes);
  return slots;
}

class HashSlot {
 public:
  HashSlot() { HashSlots().acquire(); }
  ~HashSlot() { HashSlots().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
};

}  // namespace

PasswordHasher::PasswordHasher() { core::EnsureSodium(); }

std::string PasswordHasher::Hash(std::string_view password) const {
  char hash[crypto_pwhash_STRBYTES];
  int result = 0;
  {
    HashSlot slot;
    result = crypto_pwhash_str_alg(hash, password.data(), password.size(), kOperationsLimit, kMemoryLimitBytes,
                                   crypto_pwhash_ALG_ARGON2ID13);
  }
  if (result != 0) throw std::runtime_error("crypto_pwhash_str_alg: out of memory");
  return std::string(hash);
}

bool PasswordHasher::Verify(std::string_view hash, std::string_view password) const {
  // libsodium wants a NUL-terminated string of bounded length.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  char terminated[crypto_pwhash_STRBYTES] = {};
  hash.copy(terminated, hash.size());
  HashSlot slot;
  return crypto_pwhash_str_verify(terminated, password.data(), password.size()) == 0;
}

bool PasswordHasher::NeedsRehash(std::string_view hash) const {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return true;
  char terminated[crypto_pwhash_STRBYTES] = {};
  hash.copy(terminated, hash.size());
  return crypto_pwhash_str_needs_rehash(terminated, kOperationsLimit, kMemoryLimitBytes) != 0;
}

}  // namespace manmulsang::accounts
