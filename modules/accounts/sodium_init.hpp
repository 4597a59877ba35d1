#pragma once

namespace manmulsang::accounts {

// Initialises libsodium once per process (its CSPRNG and the fastest code paths); throws
// std::runtime_error if it cannot start, since no password or token would then be safe.
void EnsureSodium();

}  // namespace manmulsang::accounts
