#pragma once

#include <string>
#include <string_view>

namespace manmulsang::accounts {

// Argon2id through libsodium: 2 passes over 19 MiB (docs/ARCHITECTURE.md, security model), stored as libsodium's
// self-describing string so that stronger settings later can still verify old hashes.
//
// Each hash holds 19 MiB while it runs, so at most kMaxConcurrentHashes run at once in the
// whole process; further callers wait. A flood of logins then costs time, never memory.
class PasswordHasher {
 public:
  static constexpr int kMaxConcurrentHashes = 2;
  static constexpr unsigned long long kOperationsLimit = 2;
  static constexpr std::size_t kMemoryLimitBytes = 19u * 1024u * 1024u;

  PasswordHasher();

  // Throws std::runtime_error if the memory for the hash cannot be had.
  std::string Hash(std::string_view password) const;
  // False for a wrong password and for a string that is not a hash at all.
  bool Verify(std::string_view hash, std::string_view password) const;
  // True when hash was made with other settings than today's and should be replaced.
  bool NeedsRehash(std::string_view hash) const;
};

}  // namespace manmulsang::accounts
