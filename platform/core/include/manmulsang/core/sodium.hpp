#pragma once

namespace manmulsang::core {

// Starts libsodium once per process (its CSPRNG and the fastest code paths) before the first
// random token, password hash or content hash; safe from any thread and cheap on every later
// call. Throws std::runtime_error if it cannot start: no token or hash would then be safe.
void EnsureSodium();

}  // namespace manmulsang::core
