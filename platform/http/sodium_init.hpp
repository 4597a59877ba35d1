#pragma once

#include <sodium.h>

#include <stdexcept>

namespace manmulsang::http {

// libsodium must be initialised once before its CSPRNG and hashes are used; sodium_init is safe
// to call from several threads and again later, so every user just calls this first.
inline void EnsureSodium() {
  static const bool initialised = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    return true;
  }();
  (void)initialised;
}

}  // namespace manmulsang::http
