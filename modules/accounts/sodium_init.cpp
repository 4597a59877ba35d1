#include "sodium_init.hpp"

#include <sodium.h>

#include <stdexcept>

namespace manmulsang::accounts {

void EnsureSodium() {
  // A function-local static runs its initialiser exactly once, even with threads racing here.
  static const int result = sodium_init();
  if (result < 0) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace manmulsang::accounts
